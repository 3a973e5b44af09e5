#include <chemomech/core/error_messages.h>
#include <chemomech/core/parameter_checks.h>
#include <chemomech/core/range_spec.h>
#include <chemomech/geometry/electrode_geometry.h>

#include <deal.II/base/mpi.h>
#include <deal.II/base/point.h>
#include <deal.II/grid/grid_generator.h>
#include <deal.II/grid/grid_in.h>
#include <deal.II/grid/grid_tools.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>

namespace chemomech
{
  namespace
  {
    /// Allowed ranges of the entries (declared patterns and checks).
    const RangeSpec cells_range              = RangeSpec::integers(1, 10000);
    const RangeSpec global_refinements_range = RangeSpec::integers(0, 12);
    const RangeSpec negative_electrode_thickness_range(0,
                                                       Bound::open,
                                                       0.1,
                                                       Bound::closed,
                                                       "m");
    const RangeSpec
      separator_thickness_range(0, Bound::open, 0.1, Bound::closed, "m");
    const RangeSpec positive_electrode_thickness_range(0,
                                                       Bound::open,
                                                       0.1,
                                                       Bound::closed,
                                                       "m");
    const RangeSpec width_range(0, Bound::open, 1, Bound::closed, "m");
    const RangeSpec depth_range(0, Bound::open, 1, Bound::closed, "m");
    const RangeSpec
      mesh_length_unit_range(0, Bound::open, 1, Bound::closed, "m");
  } // namespace



  template <int dim>
  void
  ElectrodeGeometry<dim>::declare_parameters(dealii::ParameterHandler &prm)
  {
    prm.enter_subsection("Electrode geometry");
    prm.declare_entry(
      "Cell type",
      "full cell",
      dealii::Patterns::Selection("half cell|full cell"),
      "half cell: working electrode (material id 1, x in [0, L_n]) and "
      "separator (material id 2), the lithium-metal counter electrode is "
      "the face x = L (boundary id 2); full cell: negative electrode (1), "
      "separator (2), positive electrode (3). x = 0 is the negative current "
      "collector (boundary id 1); lateral faces y = 0, y = W, z = 0, z = D "
      "have boundary ids 3, 4, 5, 6.");
    prm.declare_entry("Mesh",
                      "built-in",
                      dealii::Patterns::Selection("built-in|gmsh"),
                      "built-in: structured slab with the cell numbers "
                      "below; gmsh: the mesh file below, whose physical "
                      "volume tags are the material ids and physical surface "
                      "tags the boundary ids (see meshes/half_cell_slab.geo)."
                      " Its extents must match the thicknesses and widths.");
    prm.declare_entry("Negative electrode thickness",
                      "85.2e-6",
                      *negative_electrode_thickness_range.pattern(),
                      "Thickness L_n of the negative (half cell: working) "
                      "electrode along x. Units: m. Range: (0, 0.1].");
    prm.declare_entry("Separator thickness",
                      "12e-6",
                      *separator_thickness_range.pattern(),
                      "Thickness L_s of the separator along x. Units: m. "
                      "Range: (0, 0.1].");
    prm.declare_entry("Positive electrode thickness",
                      "75.6e-6",
                      *positive_electrode_thickness_range.pattern(),
                      "Thickness L_p of the positive electrode along x (full "
                      "cell only). Units: m. Range: (0, 0.1].");
    prm.declare_entry("Width",
                      "20e-6",
                      *width_range.pattern(),
                      "Lateral extent W along y (2D, 3D). Units: m. Range: "
                      "(0, 1].");
    prm.declare_entry("Depth",
                      "20e-6",
                      *depth_range.pattern(),
                      "Lateral extent D along z (3D). Units: m. Range: "
                      "(0, 1].");
    prm.declare_entry("Negative electrode cells",
                      "7",
                      *cells_range.pattern(),
                      "Coarse cells through the negative electrode "
                      "(built-in mesh). Units: none. Range: [1, 10000].");
    prm.declare_entry("Separator cells",
                      "3",
                      *cells_range.pattern(),
                      "Coarse cells through the separator (built-in mesh). "
                      "Units: none. Range: [1, 10000].");
    prm.declare_entry("Positive electrode cells",
                      "7",
                      *cells_range.pattern(),
                      "Coarse cells through the positive electrode (built-in "
                      "mesh, full cell). Units: none. Range: [1, 10000].");
    prm.declare_entry("Width cells",
                      "2",
                      *cells_range.pattern(),
                      "Coarse cells along y (built-in mesh, 2D, 3D). Units: "
                      "none. Range: [1, 10000].");
    prm.declare_entry("Depth cells",
                      "2",
                      *cells_range.pattern(),
                      "Coarse cells along z (built-in mesh, 3D). Units: "
                      "none. Range: [1, 10000].");
    prm.declare_entry("Global refinements",
                      "0",
                      *global_refinements_range.pattern(),
                      "Uniform refinements of the coarse mesh (each halves "
                      "the cells in every direction). Units: none. Range: [0, "
                      "12].");
    prm.declare_entry("Mesh file",
                      "",
                      dealii::Patterns::Anything(),
                      "gmsh .msh file (Mesh = gmsh), relative to the "
                      "directory of the parameter file that sets it.");
    prm.declare_entry("Mesh length unit",
                      "1e-6",
                      *mesh_length_unit_range.pattern(),
                      "Length of one mesh-file unit (gmsh). Units: m. Range: "
                      "(0, 1].");
    prm.leave_subsection();
  }



  template <int dim>
  void
  ElectrodeGeometry<dim>::parse_parameters(dealii::ParameterHandler &prm)
  {
    const std::string s = "Electrode geometry/";
    prm.enter_subsection("Electrode geometry");
    cell_type   = (prm.get("Cell type") == "half cell") ? CellType::half_cell :
                                                          CellType::full_cell;
    mesh_source = (prm.get("Mesh") == "gmsh") ? ElectrodeMeshSource::gmsh :
                                                ElectrodeMeshSource::built_in;
    negative_electrode_thickness =
      prm.get_double("Negative electrode thickness");
    separator_thickness = prm.get_double("Separator thickness");
    positive_electrode_thickness =
      prm.get_double("Positive electrode thickness");
    width            = prm.get_double("Width");
    depth            = prm.get_double("Depth");
    const auto cells = [&](const std::string &entry) {
      return cells_range.check_integer(s + entry, prm.get_integer(entry));
    };
    negative_electrode_cells = cells("Negative electrode cells");
    separator_cells          = cells("Separator cells");
    positive_electrode_cells = cells("Positive electrode cells");
    width_cells              = cells("Width cells");
    depth_cells              = cells("Depth cells");
    global_refinements =
      global_refinements_range.check_integer(s + "Global refinements",
                                             prm.get_integer(
                                               "Global refinements"));
    mesh_file  = prm.get("Mesh file");
    mesh_scale = prm.get_double("Mesh length unit");
    prm.leave_subsection();

    negative_electrode_thickness_range.check(s + "Negative electrode thickness",
                                             negative_electrode_thickness);
    separator_thickness_range.check(s + "Separator thickness",
                                    separator_thickness);
    if (cell_type == CellType::full_cell)
      positive_electrode_thickness_range.check(s +
                                                 "Positive electrode thickness",
                                               positive_electrode_thickness);
    if (dim >= 2)
      width_range.check(s + "Width", width);
    if (dim >= 3)
      depth_range.check(s + "Depth", depth);
    mesh_length_unit_range.check(s + "Mesh length unit", mesh_scale);
    if (mesh_source == ElectrodeMeshSource::gmsh)
      {
        // Read once here (serially), so that a missing, corrupt or
        // mismatching mesh is refused before any output is written.
        check_file_readable(s + "Mesh file", mesh_file);
        dealii::Triangulation<dim> coarse;
        try
          {
            read_gmsh_mesh(coarse);
          }
        catch (const InvalidParameter &)
          {
            throw;
          }
        catch (const std::exception &e)
          {
            throw InvalidParameter("parameter '" + s + "Mesh file': '" +
                                   mesh_file + "' is not a valid gmsh mesh (" +
                                   user_message(e) + ")");
          }
      }
  }



  template <int dim>
  void
  ElectrodeGeometry<dim>::create_mesh(dealii::Triangulation<dim> &tria) const
  {
    if (mesh_source == ElectrodeMeshSource::built_in)
      create_built_in_mesh(tria);
    else
      read_gmsh_mesh(tria);
    tria.refine_global(global_refinements);
  }



  template <int dim>
  void
  ElectrodeGeometry<dim>::create_built_in_mesh(
    dealii::Triangulation<dim> &tria) const
  {
    using namespace dealii;
    // Lateral extents by axis: x, y, z.
    const double extent[3] = {total_thickness(), width, depth};
    std::vector<std::vector<double>> steps(dim);
    for (const ElectrodeRegion r : regions())
      {
        const unsigned int n = region_subdivisions(r);
        steps[0].insert(steps[0].end(), n, region_thickness(r) / n);
      }
    if (dim >= 2)
      steps[1].assign(width_cells, width / width_cells);
    if (dim >= 3)
      steps[2].assign(depth_cells, depth / depth_cells);
    Point<dim> p2;
    for (unsigned int d = 0; d < dim; ++d)
      p2[d] = extent[d];
    GridGenerator::subdivided_hyper_rectangle(tria, steps, Point<dim>(), p2);

    // Material ids by cell centre: interfaces lie on cell faces.
    const double x_ns = negative_electrode_thickness;
    const double x_sp = x_ns + separator_thickness;
    for (const auto &cell : tria.active_cell_iterators())
      {
        const double x = cell->center()[0];
        cell->set_material_id(x < x_ns ? negative_electrode_id :
                              x < x_sp ? separator_id :
                                         positive_electrode_id);
        for (const unsigned int f : cell->face_indices())
          if (cell->face(f)->at_boundary())
            {
              // Faces of a hyper rectangle: 2 d (lower) and 2 d + 1
              // (upper) have the normal e_d.
              const unsigned int axis  = f / 2;
              const bool         upper = (f % 2 == 1);
              cell->face(f)->set_boundary_id(
                axis == 0 ?
                  (upper ? positive_boundary_id : negative_boundary_id) :
                  lateral_boundary_id(axis, upper));
            }
      }
  }



  template <int dim>
  void
  ElectrodeGeometry<dim>::read_gmsh_mesh(dealii::Triangulation<dim> &tria) const
  {
    using namespace dealii;
    const double L   = total_thickness();
    const double tol = 1e-6; // relative, for locating faces and interfaces
    // Lateral extents by axis: x, y, z.
    const double extent[3] = {L, width, depth};

    // gmsh: ids come from the physical groups; check them and the extents.
    {
      GridIn<dim>   grid_in(tria);
      std::ifstream in(mesh_file);
      grid_in.read_msh(in);
    }
    GridTools::scale(mesh_scale, tria);

    const std::string name =
      "parameter 'Electrode geometry/Mesh file' ('" + mesh_file + "'): ";
    const unsigned int n_ids = 4;
    // Per material id: min and max of x, y, z (as max of -min and max).
    std::vector<double> bounds(n_ids * 6,
                               -std::numeric_limits<double>::infinity());
    unsigned int        n_bad_material = 0, n_bad_boundary = 0;
    unsigned int        bad_material = 0, bad_boundary = 0;
    const std::vector<types::boundary_id> lateral = lateral_boundary_ids();
    for (const auto &cell : tria.active_cell_iterators())
      {
        if (cell->is_artificial())
          continue;
        const types::material_id id = cell->material_id();
        if (id < 1 || id > 3 || (id == 3 && cell_type == CellType::half_cell))
          {
            ++n_bad_material;
            bad_material = id;
            continue;
          }
        for (const unsigned int v : cell->vertex_indices())
          for (unsigned int d = 0; d < dim; ++d)
            {
              const double c         = cell->vertex(v)[d];
              bounds[6 * id + 2 * d] = std::max(bounds[6 * id + 2 * d], -c);
              bounds[6 * id + 2 * d + 1] =
                std::max(bounds[6 * id + 2 * d + 1], c);
            }
        for (const unsigned int f : cell->face_indices())
          if (cell->face(f)->at_boundary())
            {
              const types::boundary_id b = cell->face(f)->boundary_id();
              if (b != negative_boundary_id && b != positive_boundary_id &&
                  std::find(lateral.begin(), lateral.end(), b) == lateral.end())
                {
                  ++n_bad_boundary;
                  bad_boundary = b;
                }
            }
      }
    const MPI_Comm comm = tria.get_communicator();
    n_bad_material      = Utilities::MPI::sum(n_bad_material, comm);
    n_bad_boundary      = Utilities::MPI::sum(n_bad_boundary, comm);
    bad_material        = Utilities::MPI::max(bad_material, comm);
    bad_boundary        = Utilities::MPI::max(bad_boundary, comm);
    Utilities::MPI::max(bounds, comm, bounds);
    check_condition(n_bad_material == 0,
                    name + std::to_string(n_bad_material) +
                      " cells have material ids other than " +
                      (cell_type == CellType::half_cell ? "1, 2" : "1, 2, 3") +
                      " (e.g. " + std::to_string(bad_material) +
                      "); tag every volume with a physical volume 1 "
                      "(negative electrode), 2 (separator) or 3 (positive "
                      "electrode)");
    check_condition(n_bad_boundary == 0,
                    name + std::to_string(n_bad_boundary) +
                      " boundary faces have ids other than 1, 2 (x = 0, L) "
                      "and 3..6 (lateral faces), e.g. " +
                      std::to_string(bad_boundary) +
                      " (untagged faces get id 0); tag every outer face "
                      "with a physical surface");

    for (const ElectrodeRegion r : regions())
      {
        const types::material_id id  = material_id_of(r);
        const auto               ext = region_extent(r);
        double                   lo[3], hi[3];
        lo[0] = ext.first;
        hi[0] = ext.second;
        for (unsigned int d = 1; d < 3; ++d)
          {
            lo[d] = 0;
            hi[d] = extent[d];
          }
        for (unsigned int d = 0; d < dim; ++d)
          {
            const double mesh_lo = -bounds[6 * id + 2 * d];
            const double mesh_hi = bounds[6 * id + 2 * d + 1];
            const double scale   = std::max(L, extent[d]);
            if (!(std::abs(mesh_lo - lo[d]) <= tol * scale &&
                  std::abs(mesh_hi - hi[d]) <= tol * scale))
              {
                std::ostringstream m;
                m << name << "the " << region_name(r) << " (material id "
                  << static_cast<unsigned int>(id) << ") spans [" << mesh_lo
                  << ", " << mesh_hi << "] m along "
                  << "xyz"[d] << ", but the parameters give [" << lo[d] << ", "
                  << hi[d]
                  << "] m (check the thicknesses, Width, Depth and "
                     "Mesh length unit)";
                throw InvalidParameter(m.str());
              }
          }
      }
  }



  template <int dim>
  ElectrodeRegion
  ElectrodeGeometry<dim>::region_of(const dealii::types::material_id id)
  {
    switch (id)
      {
        case negative_electrode_id:
          return ElectrodeRegion::negative_electrode;
        case separator_id:
          return ElectrodeRegion::separator;
        case positive_electrode_id:
          return ElectrodeRegion::positive_electrode;
        default:
          throw InvalidParameter(
            "material id " + std::to_string(id) +
            " is not an electrode region (1 negative electrode, 2 "
            "separator, 3 positive electrode)");
      }
  }



  template <int dim>
  dealii::types::material_id
  ElectrodeGeometry<dim>::material_id_of(const ElectrodeRegion region)
  {
    switch (region)
      {
        case ElectrodeRegion::negative_electrode:
          return negative_electrode_id;
        case ElectrodeRegion::separator:
          return separator_id;
        default:
          return positive_electrode_id;
      }
  }



  template <int dim>
  std::string
  ElectrodeGeometry<dim>::region_name(const ElectrodeRegion region)
  {
    switch (region)
      {
        case ElectrodeRegion::negative_electrode:
          return "negative electrode";
        case ElectrodeRegion::separator:
          return "separator";
        default:
          return "positive electrode";
      }
  }



  template <int dim>
  dealii::types::boundary_id
  ElectrodeGeometry<dim>::lateral_boundary_id(const unsigned int axis,
                                              const bool         upper)
  {
    return static_cast<dealii::types::boundary_id>(1 + 2 * axis +
                                                   (upper ? 1 : 0));
  }



  template <int dim>
  std::vector<dealii::types::boundary_id>
  ElectrodeGeometry<dim>::lateral_boundary_ids()
  {
    std::vector<dealii::types::boundary_id> ids;
    for (unsigned int axis = 1; axis < dim; ++axis)
      {
        ids.push_back(lateral_boundary_id(axis, false));
        ids.push_back(lateral_boundary_id(axis, true));
      }
    return ids;
  }



  template <int dim>
  bool
  ElectrodeGeometry<dim>::has_region(const ElectrodeRegion region) const
  {
    return region != ElectrodeRegion::positive_electrode ||
           cell_type == CellType::full_cell;
  }



  template <int dim>
  std::vector<ElectrodeRegion>
  ElectrodeGeometry<dim>::regions() const
  {
    std::vector<ElectrodeRegion> r = {ElectrodeRegion::negative_electrode,
                                      ElectrodeRegion::separator};
    if (cell_type == CellType::full_cell)
      r.push_back(ElectrodeRegion::positive_electrode);
    return r;
  }



  template <int dim>
  std::pair<double, double>
  ElectrodeGeometry<dim>::region_extent(const ElectrodeRegion region) const
  {
    const double x_ns = negative_electrode_thickness;
    const double x_sp = x_ns + separator_thickness;
    switch (region)
      {
        case ElectrodeRegion::negative_electrode:
          return {0., x_ns};
        case ElectrodeRegion::separator:
          return {x_ns, x_sp};
        default:
          return has_region(region) ?
                   std::make_pair(x_sp, x_sp + positive_electrode_thickness) :
                   std::make_pair(x_sp, x_sp);
      }
  }



  template <int dim>
  double
  ElectrodeGeometry<dim>::region_thickness(const ElectrodeRegion region) const
  {
    switch (region)
      {
        case ElectrodeRegion::negative_electrode:
          return negative_electrode_thickness;
        case ElectrodeRegion::separator:
          return separator_thickness;
        default:
          return has_region(region) ? positive_electrode_thickness : 0.;
      }
  }



  template <int dim>
  double
  ElectrodeGeometry<dim>::total_thickness() const
  {
    double L = 0;
    for (const ElectrodeRegion r : regions())
      L += region_thickness(r);
    return L;
  }



  template <int dim>
  double
  ElectrodeGeometry<dim>::cross_section_area() const
  {
    return (dim >= 2 ? width : 1.) * (dim >= 3 ? depth : 1.);
  }



  template <int dim>
  double
  ElectrodeGeometry<dim>::region_volume(const ElectrodeRegion region) const
  {
    return region_thickness(region) * cross_section_area();
  }



  template <int dim>
  unsigned int
  ElectrodeGeometry<dim>::region_subdivisions(
    const ElectrodeRegion region) const
  {
    switch (region)
      {
        case ElectrodeRegion::negative_electrode:
          return negative_electrode_cells;
        case ElectrodeRegion::separator:
          return separator_cells;
        default:
          return has_region(region) ? positive_electrode_cells : 0;
      }
  }



  template class ElectrodeGeometry<1>;
  template class ElectrodeGeometry<2>;
  template class ElectrodeGeometry<3>;
} // namespace chemomech
