/**
 * @file electrode_geometry.h
 * @brief Slab meshes of a porous-electrode cell (negative electrode,
 * separator, positive electrode, or a half cell against lithium metal):
 * built-in generator or gmsh (subsection "Electrode geometry").
 */
#ifndef chemomech_geometry_electrode_geometry_h
#define chemomech_geometry_electrode_geometry_h

#include <deal.II/base/parameter_handler.h>
#include <deal.II/base/types.h>
#include <deal.II/grid/tria.h>

#include <string>
#include <utility>
#include <vector>

namespace chemomech
{
  /// Cell layout through the thickness (the x direction).
  enum class CellType
  {
    /// Working (e.g. graphite) electrode and separator; the lithium-metal
    /// counter electrode is the separator's far face x = L (no volume).
    half_cell,
    /// Negative electrode, separator and positive electrode.
    full_cell
  };

  /// Origin of the mesh.
  enum class ElectrodeMeshSource
  {
    /// GridGenerator::subdivided_hyper_rectangle with the region step sizes.
    built_in,
    /// A gmsh .msh file whose physical groups carry the ids below.
    gmsh
  };

  /// Regions of the cell; each has its own material id.
  enum class ElectrodeRegion
  {
    /// Material id 1 (the working electrode of a half cell). x in [0, L_n].
    negative_electrode,
    /// Material id 2. x in [L_n, L_n + L_s].
    separator,
    /// Material id 3 (full cell only). x in [L_n + L_s, L].
    positive_electrode
  };

  /**
   * @brief Creates the slab mesh of an electrode cell and describes its
   * regions.
   *
   * The through-thickness direction is x, from the negative current
   * collector at x = 0 to x = L; the lateral extent is [0, W] in y (dim >= 2)
   * and [0, D] in z (dim = 3). The same object serves dim = 1 (a serial
   * dealii::Triangulation<1>, p4est has no 1D) and dim = 2, 3 (usually a
   * parallel::distributed::Triangulation<dim>, which is a
   * dealii::Triangulation<dim>), so that a 3D slab can be compared with its 1D
   * equivalent.
   *
   * Material ids: negative electrode 1, separator 2, positive electrode 3.
   *
   * Boundary ids:
   * - 1: x = 0, the negative current collector;
   * - 2: x = L, the positive current collector (full cell) or the
   *   lithium-metal counter electrode face (half cell);
   * - 3, 4: the lateral faces y = 0 and y = W (dim >= 2);
   * - 5, 6: the lateral faces z = 0 and z = D (dim = 3).
   * Each lateral face has its own id so that it can serve as a symmetry
   * plane (Mechanics/Symmetry boundary ids need one normal per id); for a
   * zero-flux condition list all of lateral_boundary_ids().
   *
   * Built-in meshes use n_n, n_s, n_p equal cells through the regions
   * (interfaces coincide with cell faces), n_y, n_z cells laterally, and
   * then r global refinements: region k has n_k n_y n_z 2^(dim r) cells.
   * gmsh meshes must have the same layout (lengths scaled by the mesh
   * length unit); create_mesh() checks that the region extents of the mesh
   * match the thickness and width parameters.
   */
  template <int dim>
  class ElectrodeGeometry
  {
  public:
    /// Material id of each region.
    static constexpr dealii::types::material_id negative_electrode_id = 1;
    static constexpr dealii::types::material_id separator_id          = 2;
    static constexpr dealii::types::material_id positive_electrode_id = 3;

    /// Boundary id of the face x = 0 (negative current collector).
    static constexpr dealii::types::boundary_id negative_boundary_id = 1;
    /// Boundary id of the face x = L (positive collector or lithium metal).
    static constexpr dealii::types::boundary_id positive_boundary_id = 2;

    /// Declares subsection "Electrode geometry".
    static void
    declare_parameters(dealii::ParameterHandler &prm);

    /// Reads and validates subsection "Electrode geometry".
    void
    parse_parameters(dealii::ParameterHandler &prm);

    /**
     * @brief Fills the empty @p tria with the refined mesh and sets material
     * and boundary ids. Throws InvalidParameter if a gmsh mesh does not
     * match the parameters.
     */
    void
    create_mesh(dealii::Triangulation<dim> &tria) const;

    /// The built-in slab of create_mesh(), before the global refinements.
    void
    create_built_in_mesh(dealii::Triangulation<dim> &tria) const;

    /**
     * The gmsh mesh of create_mesh(), before the global refinements, with
     * its material ids, boundary ids and region extents checked.
     */
    void
    read_gmsh_mesh(dealii::Triangulation<dim> &tria) const;

    /// Region of a material id; throws InvalidParameter for unknown ids.
    static ElectrodeRegion
    region_of(const dealii::types::material_id material_id);

    /// Material id of a region.
    static dealii::types::material_id
    material_id_of(const ElectrodeRegion region);

    /// Name of a region, e.g. "separator".
    static std::string
    region_name(const ElectrodeRegion region);

    /**
     * @brief Boundary id of the lateral face normal to axis @p axis (1 = y,
     * 2 = z) at the lower (0) or upper (W or D) end: 1 + 2 axis + upper.
     */
    static dealii::types::boundary_id
    lateral_boundary_id(const unsigned int axis, const bool upper);

    /// All lateral boundary ids of this dim: {}, {3, 4} or {3, 4, 5, 6}.
    static std::vector<dealii::types::boundary_id>
    lateral_boundary_ids();

    /// Whether the cell type has @p region (no positive electrode in a
    /// half cell).
    bool
    has_region(const ElectrodeRegion region) const;

    /// Regions of the cell type, ordered along x.
    std::vector<ElectrodeRegion>
    regions() const;

    /// Interval [x_begin, x_end] of @p region; {L, L} if absent. Units: m.
    std::pair<double, double>
    region_extent(const ElectrodeRegion region) const;

    /// Thickness of @p region (0 if absent). Units: m.
    double
    region_thickness(const ElectrodeRegion region) const;

    /// Total thickness L of the cell. Units: m.
    double
    total_thickness() const;

    /**
     * @brief Area of the cross section normal to x: W D in 3D, W in 2D (per
     * unit depth, m), 1 in 1D (per unit area). Units: m^(dim-1).
     */
    double
    cross_section_area() const;

    /**
     * @brief Volume of @p region: thickness times cross_section_area().
     * Units: m^dim.
     */
    double
    region_volume(const ElectrodeRegion region) const;

    /// Number of cells of the coarse built-in mesh through @p region.
    unsigned int
    region_subdivisions(const ElectrodeRegion region) const;

    /// Selected cell type.
    CellType cell_type = CellType::full_cell;
    /// Built-in generator or gmsh file.
    ElectrodeMeshSource mesh_source = ElectrodeMeshSource::built_in;
    /// Thickness of the negative electrode L_n. Units: m.
    double negative_electrode_thickness = 85.2e-6;
    /// Thickness of the separator L_s. Units: m.
    double separator_thickness = 12e-6;
    /// Thickness of the positive electrode L_p (full cell). Units: m.
    double positive_electrode_thickness = 75.6e-6;
    /// Lateral extent W in y (dim >= 2). Units: m.
    double width = 20e-6;
    /// Lateral extent D in z (dim = 3). Units: m.
    double depth = 20e-6;
    /// Coarse cells through the negative electrode, separator and positive
    /// electrode.
    unsigned int negative_electrode_cells = 7;
    unsigned int separator_cells          = 3;
    unsigned int positive_electrode_cells = 7;
    /// Coarse cells along y and z.
    unsigned int width_cells = 2;
    unsigned int depth_cells = 2;
    /// Global refinements of the coarse mesh.
    unsigned int global_refinements = 0;
    /// gmsh mesh file (.msh).
    std::string mesh_file;
    /// Factor from the mesh file's length unit to m.
    double mesh_scale = 1e-6;
  };
} // namespace chemomech

#endif
