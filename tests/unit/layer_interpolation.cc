// Unit test of the semi-coarsened first multigrid level across a layered
// mesh (layer_interpolation() and SemicoarsenedAmg::make_prolongator()), on
// a box of flat Q1 cells, 8 layers of cells across x (the thickness):
//  1. the coarse space is every second layer of nodes: 5 of the 9 layers;
//  2. P interpolates a field that is linear in x along every column,
//     (1 + 3x) g(y, z) with g arbitrary, exactly (to round-off);
//  3. the Galerkin operator P^T A P of the fine Laplacian + mass matrix is
//     the matrix assembled on the mesh with 4 layers of cells (Q1 spaces
//     are nested and the quadrature is exact): entry by entry to 1e-12;
//  4. a row that interpolates from a fine row is refused;
//  5. SemicoarsenedAmg (symmetric Gauss-Seidel) as a stationary iteration
//     converges on these flat cells: error reduced by 10^8 in at most 20
//     steps;
//  6. on the same mesh with its interior vertices moved at random (no
//     layers, hence no node columns) the field is not coarsened: empty
//     interpolation rather than a "coarse" space of every DoF;
//  7. nor on cells of aspect ratio 1.5, below the default minimum 2 (and
//     it is with a minimum of 1.4).
#include <chemomech/core/linear_algebra.h>
#include <chemomech/core/solvers/layer_interpolation.h>
#include <chemomech/core/solvers/semicoarsened_amg.h>

#include <deal.II/base/quadrature_lib.h>
#include <deal.II/distributed/tria.h>
#include <deal.II/dofs/dof_handler.h>
#include <deal.II/dofs/dof_tools.h>
#include <deal.II/fe/fe_q.h>
#include <deal.II/fe/fe_values.h>
#include <deal.II/fe/mapping_q1.h>
#include <deal.II/grid/grid_generator.h>
#include <deal.II/grid/grid_tools.h>
#include <deal.II/lac/dynamic_sparsity_pattern.h>
#include <deal.II/lac/full_matrix.h>

#include <array>
#include <cmath>
#include <map>
#include <vector>

#include "test_tools.h"

using namespace chemomech;
using namespace dealii;

namespace
{
  const Point<3> corner(1.0, 4.0, 3.0);

  /// Laplacian + mass on a box with nx x 4 x 3 cells, into @p A.
  template <typename Matrix>
  void
  assemble(const DoFHandler<3> &dof_handler, Matrix &A)
  {
    const QGauss<3>    quadrature(2);
    FEValues<3>        fe_values(dof_handler.get_fe(),
                          quadrature,
                          update_values | update_gradients | update_JxW_values);
    const unsigned int n = dof_handler.get_fe().n_dofs_per_cell();
    FullMatrix<double> cell_matrix(n, n);
    std::vector<types::global_dof_index> dofs(n);
    for (const auto &cell : dof_handler.active_cell_iterators())
      if (cell->is_locally_owned())
        {
          fe_values.reinit(cell);
          cell_matrix = 0;
          for (unsigned int q = 0; q < quadrature.size(); ++q)
            for (unsigned int i = 0; i < n; ++i)
              for (unsigned int j = 0; j < n; ++j)
                cell_matrix(i, j) +=
                  (fe_values.shape_grad(i, q) * fe_values.shape_grad(j, q) +
                   fe_values.shape_value(i, q) * fe_values.shape_value(j, q)) *
                  fe_values.JxW(q);
          cell->get_dof_indices(dofs);
          for (unsigned int i = 0; i < n; ++i)
            for (unsigned int j = 0; j < n; ++j)
              A.add(dofs[i], dofs[j], cell_matrix(i, j));
        }
    A.compress(VectorOperation::add);
  }

  std::array<long long, 3>
  key(const Point<3> &p)
  {
    return {{std::llround(p[0] * 1e9),
             std::llround(p[1] * 1e9),
             std::llround(p[2] * 1e9)}};
  }
  /// Whether layer_interpolation() coarsens the single scalar field of @p fe
  /// on the serial mesh @p tria (minimum aspect ratio @p min_aspect).
  bool
  serial_interpolation_coarsens(const Triangulation<3> &tria,
                                const FE_Q<3>          &fe,
                                const double            min_aspect)
  {
    DoFHandler<3> dofs(tria);
    dofs.distribute_dofs(fe);
    IndexSet all(dofs.n_dofs());
    all.add_range(0, dofs.n_dofs());
    all.compress();
    AffineConstraints<double> none(all);
    none.close();
    const std::vector<unsigned char> zero(dofs.n_dofs(), 0);
    return !layer_interpolation(dofs,
                                none,
                                all,
                                zero,
                                {true},
                                0,
                                0.25,
                                min_aspect)[0]
              .empty();
  }
} // namespace

int
main(int argc, char **argv)
{
  Utilities::MPI::MPI_InitFinalize mpi(argc, argv, 1);
  chemomech_test::Checks           checks;
  const MPI_Comm                   comm = MPI_COMM_WORLD;
  AssertThrow(Utilities::MPI::n_mpi_processes(comm) == 1,
              ExcMessage("this test runs on one rank"));

  // Fine mesh: 8 x 4 x 3 cells of 0.125 x 1 x 1 (aspect 8).
  parallel::distributed::Triangulation<3> fine_tria(comm);
  GridGenerator::subdivided_hyper_rectangle(fine_tria,
                                            {8, 4, 3},
                                            Point<3>(),
                                            corner);
  const FE_Q<3> fe(1);
  DoFHandler<3> fine(fine_tria);
  fine.distribute_dofs(fe);
  const IndexSet owned = fine.locally_owned_dofs();
  IndexSet       relevant;
  DoFTools::extract_locally_relevant_dofs(fine, relevant);
  AffineConstraints<double> constraints(relevant);
  constraints.close();
  const std::vector<unsigned char> field_of(relevant.n_elements(), 0);

  const auto interpolation =
    layer_interpolation(fine, constraints, relevant, field_of, {true}, 0);
  const InterpolationRows &rows = interpolation[0];
  checks.is_true("one interpolation row per DoF", rows.size() == fine.n_dofs());

  // 1. The coarse space.
  unsigned int n_coarse = 0;
  for (const auto &row : rows)
    n_coarse += (row.size() == 1);
  checks.near("coarse DoFs: 5 of 9 node layers, 5 * 5 * 4",
              n_coarse,
              5 * 5 * 4,
              0.0);

  LA::MPI::SparseMatrix P;
  SemicoarsenedAmg::make_prolongator(owned, rows, comm, P);
  checks.near("P: columns = coarse DoFs", P.n(), n_coarse, 0.0);

  // Coarse number of each fine coarse DoF (they are numbered in order).
  std::map<types::global_dof_index, Point<3>> fine_points;
  DoFTools::map_dofs_to_support_points(MappingQ1<3>(), fine, fine_points);
  std::map<std::array<long long, 3>, types::global_dof_index> coarse_number;
  {
    types::global_dof_index k = 0;
    for (types::global_dof_index i = 0; i < fine.n_dofs(); ++i)
      if (rows[i].size() == 1)
        coarse_number[key(fine_points.at(i))] = k++;
  }

  // 2. Exact for fields linear in x along the columns.
  {
    const auto field = [](const Point<3> &p) {
      return (1 + 3 * p[0]) * (1 + p[1] * p[1] + std::sin(p[2]));
    };
    LA::MPI::Vector coarse(P.locally_owned_domain_indices(), comm),
      interpolated(owned, comm);
    for (const auto &[k, c] : coarse_number)
      coarse(c) = field(Point<3>(k[0] * 1e-9, k[1] * 1e-9, k[2] * 1e-9));
    coarse.compress(VectorOperation::insert);
    P.vmult(interpolated, coarse);
    double error = 0, size = 0;
    for (types::global_dof_index i = 0; i < fine.n_dofs(); ++i)
      {
        error =
          std::max(error, std::abs(interpolated(i) - field(fine_points.at(i))));
        size = std::max(size, std::abs(field(fine_points.at(i))));
      }
    checks.near("max |P v_H - v_h| / max |v_h|, (1 + 3x) g(y, z)",
                error / size,
                0.0,
                1e-14,
                1.0);
  }

  // 3. Galerkin operator = coarse-mesh operator.
  DynamicSparsityPattern dsp(fine.n_dofs(), fine.n_dofs(), relevant);
  DoFTools::make_sparsity_pattern(fine, dsp, constraints, false);
  LA::MPI::SparseMatrix A;
  A.reinit(owned, owned, dsp, comm);
  assemble(fine, A);
  SemicoarsenedAmg two_level;
  two_level.initialize(A, P, AmgSmoother::ilu, 1);
  const LA::MPI::SparseMatrix &G = two_level.coarse_matrix();

  parallel::distributed::Triangulation<3> coarse_tria(comm);
  GridGenerator::subdivided_hyper_rectangle(coarse_tria,
                                            {4, 4, 3},
                                            Point<3>(),
                                            corner);
  DoFHandler<3> coarse(coarse_tria);
  coarse.distribute_dofs(fe);
  IndexSet coarse_all(coarse.n_dofs());
  coarse_all.add_range(0, coarse.n_dofs());
  DynamicSparsityPattern coarse_dsp(coarse.n_dofs(), coarse.n_dofs());
  DoFTools::make_sparsity_pattern(coarse, coarse_dsp);
  LA::MPI::SparseMatrix AH;
  AH.reinit(coarse_all, coarse_all, coarse_dsp, comm);
  assemble(coarse, AH);
  std::map<types::global_dof_index, Point<3>> coarse_points;
  DoFTools::map_dofs_to_support_points(MappingQ1<3>(), coarse, coarse_points);
  std::vector<types::global_dof_index> map(coarse.n_dofs());
  bool                                 all_found = true;
  for (types::global_dof_index i = 0; i < coarse.n_dofs(); ++i)
    {
      const auto it = coarse_number.find(key(coarse_points.at(i)));
      all_found     = all_found && it != coarse_number.end();
      map[i]        = (it != coarse_number.end()) ? it->second : 0;
    }
  checks.is_true("every node of the coarse mesh is a coarse DoF", all_found);
  double max_difference = 0;
  for (types::global_dof_index i = 0; i < coarse.n_dofs(); ++i)
    for (types::global_dof_index j = 0; j < coarse.n_dofs(); ++j)
      if (coarse_dsp.exists(i, j))
        max_difference = std::max(max_difference,
                                  std::abs(AH.el(i, j) - G.el(map[i], map[j])));
  checks.near("max |(P^T A_h P)_ij - (A_H)_ij| / max |A_H|",
              max_difference / AH.linfty_norm(),
              0.0,
              1e-12,
              1.0);
  // No entries outside the coarse operator's pattern.
  checks.near("|P^T A_h P|_F vs |A_H|_F",
              G.frobenius_norm(),
              AH.frobenius_norm(),
              1e-12);

  // 4. Interpolating from a fine row is an error.
  {
    InterpolationRows       bad      = rows;
    types::global_dof_index fine_row = 0;
    while (bad[fine_row].size() == 1)
      ++fine_row;
    bad[fine_row == 0 ? 1 : 0] = {{fine_row, 1.0}};
    bool refused               = false;
    try
      {
        LA::MPI::SparseMatrix Q;
        SemicoarsenedAmg::make_prolongator(owned, bad, comm, Q);
      }
    catch (const ExceptionBase &)
      {
        refused = true;
      }
    checks.is_true("interpolation from a fine DoF refused", refused);
  }

  // 5. The two-level method as a stationary iteration x += B^-1 (b - A x),
  // with symmetric Gauss-Seidel (ILU(1) is nearly exact at this size).
  {
    SemicoarsenedAmg sgs;
    sgs.initialize(A, P, AmgSmoother::symmetric_gauss_seidel, 1);
    LA::MPI::Vector x(owned, comm), b(owned, comm), r(owned, comm),
      d(owned, comm), exact(owned, comm);
    for (const auto i : owned)
      exact(i) = std::sin(3 * fine_points.at(i)[0]) +
                 std::cos(fine_points.at(i)[1] * fine_points.at(i)[2]);
    exact.compress(VectorOperation::insert);
    A.vmult(b, exact);
    unsigned int steps = 0;
    double       error = 1;
    while (steps < 20 && error > 1e-8)
      {
        A.vmult(r, x);
        r.sadd(-1.0, 1.0, b);
        sgs.vmult(d, r);
        x += d;
        ++steps;
        d = x;
        d -= exact;
        error = d.l2_norm() / exact.l2_norm();
      }
    checks.is_true("stationary two-level iteration: error <= 1e-8 in <= 20 "
                   "steps",
                   error <= 1e-8,
                   std::to_string(steps) + " steps, error " +
                     std::to_string(error));
    std::cout << "  (error reduction per step " << std::pow(error, 1.0 / steps)
              << ")\n";
  }

  // 6. No columns, no coarsening.
  {
    Triangulation<3> distorted;
    GridGenerator::subdivided_hyper_rectangle(distorted,
                                              {8, 4, 3},
                                              Point<3>(),
                                              corner);
    GridTools::distort_random(0.3, distorted, true, 1);
    checks.is_true("distorted mesh: not coarsened (plain AMG)",
                   !serial_interpolation_coarsens(distorted, fe, 2.0));
  }
  // 7. Cells of aspect 1.5 (< 2): not coarsened, since the coarse cells
  // would be taller than wide.
  {
    Triangulation<3> cubes;
    GridGenerator::subdivided_hyper_rectangle(cubes,
                                              {8, 6, 6},
                                              Point<3>(),
                                              Point<3>(1.0, 1.125, 1.125));
    checks.is_true("cells of aspect 1.5: not coarsened",
                   !serial_interpolation_coarsens(cubes, fe, 2.0));
    checks.is_true("cells of aspect 1.5, minimum aspect ratio 1.4: coarsened",
                   serial_interpolation_coarsens(cubes, fe, 1.4));
  }
  return checks.finish();
}
