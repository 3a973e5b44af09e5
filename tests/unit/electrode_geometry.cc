// Unit tests of the electrode slab meshes: cell counts per region, region
// volumes, boundary face areas per id, interfaces on cell faces, a 3D slab
// against its 1D equivalent, and the gmsh mesh meshes/half_cell_slab.msh.
// Sums run over the locally owned cells of all MPI ranks.
#include <chemomech/core/parameter_checks.h>
#include <chemomech/geometry/electrode_geometry.h>

#include <deal.II/base/mpi.h>
#include <deal.II/distributed/tria.h>
#include <deal.II/grid/tria.h>

#include <cmath>
#include <fstream>
#include <map>
#include <string>

#include "test_tools.h"

using namespace chemomech;
using namespace dealii;

namespace
{
  /// Per material id: cells and volume; per boundary id: faces and area;
  /// cells whose x-range leaves the extent of their region.
  struct MeshSums
  {
    std::map<unsigned int, double> cells, volume, faces, area;
    double                         straddling = 0;
  };

  template <int dim>
  MeshSums
  sums(const Triangulation<dim> &tria, const ElectrodeGeometry<dim> &geo)
  {
    // Slots: material ids 0..3, boundary ids 0..7 (0 and 7 must stay empty).
    std::vector<double> local(2 * 4 + 2 * 8 + 1, 0.);
    const double        L = geo.total_thickness();
    for (const auto &cell : tria.active_cell_iterators())
      if (cell->is_locally_owned())
        {
          const unsigned int m = std::min<unsigned int>(cell->material_id(), 3);
          local[m] += 1;
          local[4 + m] += cell->measure();
          double x_min = 1e300, x_max = -1e300;
          for (const unsigned int v : cell->vertex_indices())
            {
              x_min = std::min(x_min, cell->vertex(v)[0]);
              x_max = std::max(x_max, cell->vertex(v)[0]);
            }
          bool inside = false;
          if (m >= 1)
            {
              const auto ext = geo.region_extent(geo.region_of(m));
              inside         = x_min >= ext.first - 1e-12 * L &&
                       x_max <= ext.second + 1e-12 * L;
            }
          if (!inside)
            local[24] += 1;
          for (const unsigned int f : cell->face_indices())
            if (cell->face(f)->at_boundary())
              {
                const unsigned int b =
                  std::min<unsigned int>(cell->face(f)->boundary_id(), 7);
                local[8 + b] += 1;
                if constexpr (dim == 1)
                  local[16 + b] += 1;
                else
                  local[16 + b] += cell->face(f)->measure();
              }
        }
    std::vector<double> global(local.size());
    Utilities::MPI::sum(local, tria.get_communicator(), global);
    MeshSums s;
    for (unsigned int i = 0; i < 4; ++i)
      {
        s.cells[i]  = global[i];
        s.volume[i] = global[4 + i];
      }
    for (unsigned int i = 0; i < 8; ++i)
      {
        s.faces[i] = global[8 + i];
        s.area[i]  = global[16 + i];
      }
    s.straddling = global[24];
    return s;
  }

  template <int dim>
  ElectrodeGeometry<dim>
  make_geometry(const std::string &settings)
  {
    ParameterHandler prm;
    ElectrodeGeometry<dim>::declare_parameters(prm);
    prm.parse_input_from_string("subsection Electrode geometry\n" + settings +
                                "end\n");
    ElectrodeGeometry<dim> geo;
    geo.parse_parameters(prm);
    return geo;
  }

  /**
   * Checks a built-in mesh against independently computed counts, volumes
   * and areas. @p n: coarse cells through the regions (n_n, n_s, n_p) and
   * laterally (n_y, n_z); @p l: thicknesses (L_n, L_s, L_p) and W, D.
   */
  template <int dim>
  void
  check_built_in(chemomech_test::Checks       &check,
                 const std::string            &name,
                 const Triangulation<dim>     &tria,
                 const ElectrodeGeometry<dim> &geo,
                 const unsigned int (&n)[5],
                 const double (&l)[5],
                 const unsigned int refinements,
                 const bool         full)
  {
    const MeshSums     s = sums(tria, geo);
    const double       A = (dim >= 2 ? l[3] : 1.) * (dim >= 3 ? l[4] : 1.);
    const double       L = l[0] + l[1] + (full ? l[2] : 0.);
    const unsigned int lateral = (dim >= 2 ? n[3] : 1) * (dim >= 3 ? n[4] : 1);
    const double       refine  = std::pow(2., dim * refinements);
    const unsigned int n_regions = full ? 3 : 2;
    double             n_total   = 0;
    for (unsigned int k = 0; k < 3; ++k)
      {
        const std::string id = std::to_string(k + 1);
        const double      expected_cells =
          (k < n_regions) ? n[k] * lateral * refine : 0.;
        n_total += expected_cells;
        check.near(name + ": cells of material " + id,
                   s.cells.at(k + 1),
                   expected_cells,
                   0,
                   1);
        check.near(name + ": volume of material " + id,
                   s.volume.at(k + 1),
                   (k < n_regions) ? l[k] * A : 0.,
                   1e-12,
                   l[0] * A);
      }
    check.near(name + ": cells without a region", s.cells.at(0), 0, 0, 1);
    check.near(name + ": total cells",
               tria.n_global_active_cells(),
               n_total,
               0,
               1);
    check.near(name + ": cells straddling an interface", s.straddling, 0, 0, 1);
    // Faces: x = 0 and x = L carry the lateral cells; lateral faces.
    const double sub = std::pow(2., (dim - 1) * refinements);
    const double n_x =
      (n[0] + n[1] + (full ? n[2] : 0)) * std::pow(2., refinements);
    check.near(name + ": faces with id 1", s.faces.at(1), lateral * sub, 0, 1);
    check.near(name + ": faces with id 2", s.faces.at(2), lateral * sub, 0, 1);
    check.near(name + ": area with id 1 (x = 0)", s.area.at(1), A, 1e-12);
    check.near(name + ": area with id 2 (x = L)", s.area.at(2), A, 1e-12);
    if (dim >= 2)
      for (unsigned int b = 3; b <= 4; ++b)
        {
          const double depth = (dim >= 3 ? l[4] : 1.);
          check.near(name + ": area with id " + std::to_string(b) +
                       " (y = " + (b == 3 ? "0" : "W") + ")",
                     s.area.at(b),
                     L * depth,
                     1e-12);
          check.near(name + ": faces with id " + std::to_string(b),
                     s.faces.at(b),
                     n_x * (dim >= 3 ? n[4] * std::pow(2., refinements) : 1.),
                     0,
                     1);
        }
    if (dim >= 3)
      for (unsigned int b = 5; b <= 6; ++b)
        check.near(name + ": area with id " + std::to_string(b) +
                     " (z = " + (b == 5 ? "0" : "D") + ")",
                   s.area.at(b),
                   L * l[3],
                   1e-12);
    double other = s.faces.at(0) + s.faces.at(7);
    for (unsigned int b = 2 * dim + 1; b < 7; ++b)
      other += s.faces.at(b);
    check.near(name + ": boundary faces with other ids", other, 0, 0, 1);
  }

  std::string
  mesh_path()
  {
    // CHEMOMECH_SOURCE_DIR: the repository root, set by tests/CMakeLists.txt.
    return std::string(CHEMOMECH_SOURCE_DIR) + "/meshes/half_cell_slab.msh";
  }
} // namespace

int
main(int argc, char **argv)
{
  Utilities::MPI::MPI_InitFinalize mpi(argc, argv, 1);
  chemomech_test::Checks           check;
  const MPI_Comm                   comm = MPI_COMM_WORLD;

  // 3D half cell, distributed, one refinement.
  {
    const unsigned int n[5] = {7, 3, 5, 2, 1};
    const double       l[5] = {70e-6, 25e-6, 50e-6, 20e-6, 10e-6};
    const auto         geo  = make_geometry<3>(" set Cell type = half cell\n"
                                               " set Negative electrode thickness = "
                                               "70e-6\n"
                                               " set Separator thickness = 25e-6\n"
                                               " set Positive electrode thickness = "
                                               "50e-6\n"
                                               " set Width = 20e-6\n"
                                               " set Depth = 10e-6\n"
                                               " set Negative electrode cells = 7\n"
                                               " set Separator cells = 3\n"
                                               " set Positive electrode cells = 5\n"
                                               " set Width cells = 2\n"
                                               " set Depth cells = 1\n"
                                               " set Global refinements = 1\n");
    parallel::distributed::Triangulation<3> tria(comm);
    geo.create_mesh(tria);
    check_built_in(check, "3D half cell", tria, geo, n, l, 1, false);
    check.near("3D half cell: total thickness",
               geo.total_thickness(),
               95e-6,
               1e-15);
    check.near("3D half cell: separator begins at L_n",
               geo.region_extent(ElectrodeRegion::separator).first,
               70e-6,
               1e-15);
    check.near("3D half cell: separator ends at L",
               geo.region_extent(ElectrodeRegion::separator).second,
               95e-6,
               1e-15);
    check.is_true("3D half cell: no positive electrode",
                  !geo.has_region(ElectrodeRegion::positive_electrode) &&
                    geo.regions().size() == 2 &&
                    geo.region_thickness(ElectrodeRegion::positive_electrode) ==
                      0);
    check.near("3D half cell: cross section W D",
               geo.cross_section_area(),
               20e-6 * 10e-6,
               1e-15);
  }

  // 3D full cell, distributed, no refinement; and its 1D equivalent.
  const std::string full_settings = " set Cell type = full cell\n"
                                    " set Negative electrode thickness = "
                                    "60e-6\n"
                                    " set Separator thickness = 20e-6\n"
                                    " set Positive electrode thickness = "
                                    "45e-6\n"
                                    " set Width = 15e-6\n"
                                    " set Depth = 12e-6\n"
                                    " set Negative electrode cells = 4\n"
                                    " set Separator cells = 2\n"
                                    " set Positive electrode cells = 3\n"
                                    " set Width cells = 3\n"
                                    " set Depth cells = 2\n";
  {
    const unsigned int n[5] = {4, 2, 3, 3, 2};
    const double       l[5] = {60e-6, 20e-6, 45e-6, 15e-6, 12e-6};
    const auto         geo =
      make_geometry<3>(full_settings + " set Global refinements = 0\n");
    parallel::distributed::Triangulation<3> tria(comm);
    geo.create_mesh(tria);
    check_built_in(check, "3D full cell", tria, geo, n, l, 0, true);
    const MeshSums s3 = sums(tria, geo);

    const auto geo1 =
      make_geometry<1>(full_settings + " set Global refinements = 2\n");
    Triangulation<1> line;
    geo1.create_mesh(line);
    check_built_in(check, "1D full cell", line, geo1, n, l, 2, true);
    const MeshSums s1 = sums(line, geo1);
    for (unsigned int k = 1; k <= 3; ++k)
      check.near("3D volume / (W D) = 1D length, material " + std::to_string(k),
                 s3.volume.at(k) / (15e-6 * 12e-6),
                 s1.volume.at(k),
                 1e-12);
    check.near("1D full cell: cross section 1",
               geo1.cross_section_area(),
               1,
               0);
    check.near("1D: total thickness", geo1.total_thickness(), 125e-6, 1e-15);
    check.near("1D: positive electrode begins at L_n + L_s",
               geo1.region_extent(ElectrodeRegion::positive_electrode).first,
               80e-6,
               1e-15);
    check.is_true("1D: no lateral boundary ids",
                  ElectrodeGeometry<1>::lateral_boundary_ids().empty());
  }

  // 2D half cell, distributed, two refinements.
  {
    const unsigned int n[5] = {5, 2, 1, 3, 1};
    const double       l[5] = {40e-6, 16e-6, 70e-6, 9e-6, 20e-6};
    const auto         geo  = make_geometry<2>(" set Cell type = half cell\n"
                                               " set Negative electrode thickness = "
                                               "40e-6\n"
                                               " set Separator thickness = 16e-6\n"
                                               " set Width = 9e-6\n"
                                               " set Negative electrode cells = 5\n"
                                               " set Separator cells = 2\n"
                                               " set Width cells = 3\n"
                                               " set Global refinements = 2\n");
    parallel::distributed::Triangulation<2> tria(comm);
    geo.create_mesh(tria);
    check_built_in(check, "2D half cell", tria, geo, n, l, 2, false);
    const auto ids = ElectrodeGeometry<2>::lateral_boundary_ids();
    check.is_true("2D: lateral boundary ids {3, 4}",
                  ids.size() == 2 && ids[0] == 3 && ids[1] == 4);
  }

  // Region and id maps.
  {
    bool ok = true;
    for (const ElectrodeRegion r : {ElectrodeRegion::negative_electrode,
                                    ElectrodeRegion::separator,
                                    ElectrodeRegion::positive_electrode})
      ok = ok && ElectrodeGeometry<3>::region_of(
                   ElectrodeGeometry<3>::material_id_of(r)) == r;
    check.is_true("region_of(material_id_of(r)) == r", ok);
    check.is_true("material ids 1, 2, 3",
                  ElectrodeGeometry<3>::material_id_of(
                    ElectrodeRegion::negative_electrode) == 1 &&
                    ElectrodeGeometry<3>::material_id_of(
                      ElectrodeRegion::separator) == 2 &&
                    ElectrodeGeometry<3>::material_id_of(
                      ElectrodeRegion::positive_electrode) == 3);
    const auto ids = ElectrodeGeometry<3>::lateral_boundary_ids();
    check.is_true("3D: lateral boundary ids {3, 4, 5, 6}",
                  ids.size() == 4 && ids[0] == 3 && ids[1] == 4 &&
                    ids[2] == 5 && ids[3] == 6);
    bool thrown = false;
    try
      {
        ElectrodeGeometry<3>::region_of(7);
      }
    catch (const InvalidParameter &)
      {
        thrown = true;
      }
    check.is_true("region_of(7) throws InvalidParameter", thrown);
  }

  // Parameter validation names the parameter.
  {
    std::string message;
    try
      {
        make_geometry<3>(" set Separator thickness = 0\n");
      }
    catch (const InvalidParameter &e)
      {
        message = e.what();
      }
    check.is_true("zero separator thickness throws, naming the parameter",
                  message.find("'Electrode geometry/Separator thickness'") !=
                    std::string::npos,
                  message);
  }

  // gmsh mesh from meshes/half_cell_slab.geo: 7 x 2 x 2 + 3 x 2 x 2 hexahedra.
  {
    const std::string file     = mesh_path();
    const std::string settings = " set Cell type = half cell\n"
                                 " set Mesh = gmsh\n"
                                 " set Mesh file = " +
                                 file +
                                 "\n"
                                 " set Mesh length unit = 1e-6\n"
                                 " set Negative electrode thickness = 70e-6\n"
                                 " set Separator thickness = 25e-6\n"
                                 " set Width = 20e-6\n"
                                 " set Depth = 20e-6\n";
    const unsigned int n[5] = {7, 3, 1, 2, 2};
    const double       l[5] = {70e-6, 25e-6, 70e-6, 20e-6, 20e-6};
    try
      {
        const auto geo =
          make_geometry<3>(settings + " set Global refinements = 1\n");
        parallel::distributed::Triangulation<3> tria(comm);
        geo.create_mesh(tria);
        check_built_in(check, "gmsh half cell", tria, geo, n, l, 1, false);
      }
    catch (const std::exception &e)
      {
        check.is_true("gmsh half cell mesh " + file + " is read",
                      false,
                      e.what());
      }

    std::string message;
    try
      {
        const auto geo =
          make_geometry<3>(settings + " set Separator thickness = 30e-6\n");
        parallel::distributed::Triangulation<3> tria(comm);
        geo.create_mesh(tria);
      }
    catch (const InvalidParameter &e)
      {
        message = e.what();
      }
    check.is_true("gmsh mesh not matching the thicknesses throws",
                  message.find("separator") != std::string::npos &&
                    message.find("Mesh file") != std::string::npos,
                  message);
  }

  return check.finish();
}
