#include <chemomech/core/error_messages.h>
#include <chemomech/core/parameter_checks.h>
#include <chemomech/core/range_spec.h>
#include <chemomech/geometry/particle_geometry.h>

#include <deal.II/grid/grid_generator.h>
#include <deal.II/grid/grid_in.h>
#include <deal.II/grid/grid_tools.h>
#include <deal.II/grid/manifold_lib.h>

#include <cmath>
#include <fstream>

namespace chemomech
{
  namespace
  {
    /// Allowed ranges of the entries (declared patterns and checks).
    const RangeSpec global_refinements_range = RangeSpec::integers(0, 12);
    const RangeSpec radius_range(0, Bound::open, 1, Bound::closed, "m");
    const RangeSpec semi_axes_range(0, Bound::open, 1, Bound::closed, "m");
    const RangeSpec
      mesh_length_unit_range(0, Bound::open, 1, Bound::closed, "m");
  } // namespace



  template <int dim>
  void
  ParticleGeometry<dim>::declare_parameters(dealii::ParameterHandler &prm)
  {
    prm.enter_subsection("Geometry");
    prm.declare_entry("Shape",
                      "sphere",
                      dealii::Patterns::Selection(
                        "sphere|sphere octant|ellipsoid|gmsh"),
                      "sphere: full ball (disk in 2D) about the origin; "
                      "sphere octant: the octant x,y,z >= 0 with symmetry "
                      "planes (boundary ids 1, 2, 3 for x = 0, y = 0, z = 0); "
                      "ellipsoid: semi-axes below; gmsh: the mesh file "
                      "below. The outer surface has boundary id 0.");
    prm.declare_entry("Radius",
                      "5e-6",
                      *radius_range.pattern(),
                      "Radius of sphere and sphere octant. Units: m. Range: "
                      "(0, 1].");
    prm.declare_entry("Semi-axes",
                      "5e-6, 3e-6, 3e-6",
                      dealii::Patterns::Anything(),
                      "Semi-axes a, b (, c) of the ellipsoid along x, y (, "
                      "z). Units: m.");
    prm.declare_entry(
      "Mesh file",
      "",
      dealii::Patterns::Anything(),
      "gmsh .msh file (Shape = gmsh), relative to the "
      "directory of the parameter file that sets it. Physical surface tags become "
      "boundary ids, physical volume tags material ids.");
    prm.declare_entry("Mesh length unit",
                      "1e-6",
                      *mesh_length_unit_range.pattern(),
                      "Length of one mesh-file unit (gmsh). Units: m. Range: "
                      "(0, 1].");
    prm.declare_entry("Centre",
                      "0, 0, 0",
                      dealii::Patterns::Anything(),
                      "Particle centre used for radial and hoop stresses "
                      "with gmsh meshes (built-in shapes are centred at the "
                      "origin). Units: m.");
    prm.declare_entry("Global refinements",
                      "1",
                      *global_refinements_range.pattern(),
                      "Uniform refinements of the coarse mesh (the default 1 "
                      "runs the default 1C lithiation in under a minute; each "
                      "example sets its own). Units: none. Range: [0, 12], "
                      "and the estimated memory of the refined mesh must fit "
                      "the memory available.");
    prm.leave_subsection();
  }



  template <int dim>
  void
  ParticleGeometry<dim>::parse_parameters(dealii::ParameterHandler &prm)
  {
    const std::string s = "Geometry/";
    prm.enter_subsection("Geometry");
    const std::string name = prm.get("Shape");
    if (name == "sphere")
      shape = ParticleShape::sphere;
    else if (name == "sphere octant")
      shape = ParticleShape::sphere_octant;
    else if (name == "ellipsoid")
      shape = ParticleShape::ellipsoid;
    else
      shape = ParticleShape::gmsh;
    radius     = prm.get_double("Radius");
    mesh_file  = prm.get("Mesh file");
    mesh_scale = prm.get_double("Mesh length unit");
    global_refinements =
      global_refinements_range.check_integer(s + "Global refinements",
                                             prm.get_integer(
                                               "Global refinements"));
    const std::vector<double> axes =
      parse_double_list(s + "Semi-axes", prm.get("Semi-axes"));
    const std::vector<double> centre_values =
      parse_double_list(s + "Centre", prm.get("Centre"));
    prm.leave_subsection();

    radius_range.check(s + "Radius", radius);
    check_condition(axes.size() >= dim,
                    "parameter '" + s + "Semi-axes' needs " +
                      std::to_string(dim) + " values");
    for (unsigned int d = 0; d < dim; ++d)
      {
        semi_axes_range.check(s + "Semi-axes", axes[d]);
        semi_axes[d] = axes[d];
      }
    check_condition(centre_values.size() >= dim,
                    "parameter '" + s + "Centre' needs " + std::to_string(dim) +
                      " values");
    for (unsigned int d = 0; d < dim; ++d)
      user_centre[d] = centre_values[d];
    if (shape == ParticleShape::gmsh)
      mesh_length_unit_range.check(s + "Mesh length unit", mesh_scale);
    coarse_cells = count_coarse_cells();
  }



  template <int dim>
  unsigned int
  ParticleGeometry<dim>::count_coarse_cells() const
  {
    using namespace dealii;
    Triangulation<dim> coarse;
    switch (shape)
      {
        case ParticleShape::sphere:
        case ParticleShape::ellipsoid:
          GridGenerator::hyper_ball(coarse, Point<dim>(), 1.0);
          break;
        case ParticleShape::sphere_octant:
          GridGenerator::quarter_hyper_ball(coarse, Point<dim>(), 1.0);
          break;
          case ParticleShape::gmsh: {
            const std::string name = "Geometry/Mesh file";
            check_file_readable(name, mesh_file);
            try
              {
                GridIn<dim>   grid_in(coarse);
                std::ifstream in(mesh_file);
                grid_in.read_msh(in);
              }
            catch (const std::exception &e)
              {
                throw InvalidParameter(
                  "parameter '" + name + "': '" + mesh_file +
                  "' is not a valid gmsh mesh (" + user_message(e) + ")");
              }
            check_condition(coarse.n_active_cells() > 0,
                            "parameter '" + name + "': '" + mesh_file +
                              "' has no cells");
            break;
          }
      }
    return coarse.n_active_cells();
  }



  template <int dim>
  void
  ParticleGeometry<dim>::create_mesh(
    dealii::parallel::distributed::Triangulation<dim> &tria) const
  {
    using namespace dealii;
    switch (shape)
      {
        case ParticleShape::sphere:
          GridGenerator::hyper_ball(tria, Point<dim>(), radius);
          tria.refine_global(global_refinements);
          break;
          case ParticleShape::sphere_octant: {
            GridGenerator::quarter_hyper_ball(tria, Point<dim>(), radius);
            // The flat faces get ids 1 + (normal axis).
            for (const auto &cell : tria.active_cell_iterators())
              for (const auto &face : cell->face_iterators())
                if (face->at_boundary() && face->boundary_id() == 1)
                  {
                    const Point<dim> c = face->center();
                    for (unsigned int d = 0; d < dim; ++d)
                      if (std::abs(c[d]) < 1e-10 * radius)
                        face->set_boundary_id(1 + d);
                  }
            tria.refine_global(global_refinements);
            break;
          }
          case ParticleShape::ellipsoid: {
            GridGenerator::hyper_ball(tria, Point<dim>(), 1.0);
            tria.refine_global(global_refinements);
            const Point<dim> axes = semi_axes;
            GridTools::transform(
              [axes](const Point<dim> &p) {
                Point<dim> q;
                for (unsigned int d = 0; d < dim; ++d)
                  q[d] = axes[d] * p[d];
                return q;
              },
              tria);
            tria.reset_all_manifolds();
            tria.set_all_manifold_ids(numbers::flat_manifold_id);
            break;
          }
          case ParticleShape::gmsh: {
            GridIn<dim>   grid_in(tria);
            std::ifstream in(mesh_file);
            grid_in.read_msh(in);
            GridTools::scale(mesh_scale, tria);
            tria.refine_global(global_refinements);
            break;
          }
      }
  }



  template <int dim>
  dealii::Point<dim>
  ParticleGeometry<dim>::centre() const
  {
    return (shape == ParticleShape::gmsh) ? user_centre : dealii::Point<dim>();
  }



  template <int dim>
  double
  ParticleGeometry<dim>::characteristic_length() const
  {
    switch (shape)
      {
          case ParticleShape::ellipsoid: {
            double l = 0;
            for (unsigned int d = 0; d < dim; ++d)
              l = std::max(l, semi_axes[d]);
            return l;
          }
        default:
          return radius;
      }
  }



  template class ParticleGeometry<2>;
  template class ParticleGeometry<3>;
} // namespace chemomech
