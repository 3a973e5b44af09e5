/**
 * @file particle_geometry.h
 * @brief Meshes of active particles: built-in sphere, sphere octant and
 * ellipsoid generators, and gmsh meshes (subsection "Geometry").
 */
#ifndef chemomech_geometry_particle_geometry_h
#define chemomech_geometry_particle_geometry_h

#include <deal.II/base/parameter_handler.h>
#include <deal.II/base/point.h>
#include <deal.II/distributed/tria.h>

#include <string>

namespace chemomech
{
  /// Built-in or imported particle shapes.
  enum class ParticleShape
  {
    /// Full ball (disk in 2D) of the given radius about the origin.
    sphere,
    /// Octant of a ball (quarter disk in 2D) with symmetry planes.
    sphere_octant,
    /// Ellipsoid (ellipse in 2D) with the given semi-axes.
    ellipsoid,
    /// A gmsh .msh file.
    gmsh
  };

  /**
   * @brief Creates the particle mesh.
   *
   * Boundary ids of the built-in shapes: 0 the outer (active) surface;
   * for the octant, 1, 2, 3 the symmetry planes x = 0, y = 0, z = 0.
   * gmsh meshes keep their physical tags as boundary and material ids.
   */
  template <int dim>
  class ParticleGeometry
  {
  public:
    /// Declares subsection "Geometry".
    static void
    declare_parameters(dealii::ParameterHandler &prm);

    /// Reads and validates subsection "Geometry"; reads a gmsh mesh once
    /// (serially) to refuse a missing or corrupt file before any output.
    void
    parse_parameters(dealii::ParameterHandler &prm);

    /// Fills the empty @p tria with the refined mesh.
    void
    create_mesh(dealii::parallel::distributed::Triangulation<dim> &tria) const;

    /// Particle centre for radial and hoop stresses. Units: m.
    dealii::Point<dim>
    centre() const;

    /// A length scale of the particle (radius or largest semi-axis). Units: m.
    double
    characteristic_length() const;

    /// Selected shape.
    ParticleShape shape = ParticleShape::sphere;
    /// Radius of sphere and octant. Units: m.
    double radius = 5e-6;
    /// Semi-axes of the ellipsoid. Units: m.
    dealii::Point<dim> semi_axes;
    /// gmsh mesh file (.msh).
    std::string mesh_file;
    /// Factor from the mesh file's length unit to m.
    double mesh_scale = 1;
    /// Centre given by the user for gmsh meshes. Units: m.
    dealii::Point<dim> user_centre;
    /// Global refinements of the coarse mesh.
    unsigned int global_refinements = 1;
    /// Cells of the coarse (unrefined) mesh, known after parse_parameters().
    unsigned int coarse_cells = 0;

  private:
    /// Cells of the coarse mesh of the selected shape (for gmsh: reads the
    /// file, throwing InvalidParameter naming it if it cannot be read).
    unsigned int
    count_coarse_cells() const;
  };
} // namespace chemomech

#endif
