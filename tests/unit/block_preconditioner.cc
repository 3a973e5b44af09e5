// Unit test of the block Gauss-Seidel preconditioner on a block lower
// triangular system: with exact solves of the diagonal blocks one sweep is
// the exact inverse, so P^{-1} J x = x to round-off. The system has the
// features that broke the solid-potential block of the electrode model:
// two fields whose entries differ by 10^9, one of them a nearly singular
// Neumann operator (stiffness plus a 10^-3 times smaller mass), and
// constrained rows (only a diagonal, 10^9 times the field's own entries, as
// deal.II's constraint handling leaves them). With Trilinos the blocks get
// ML's AMG, a single level (KLU) at this size; with PETSc the direct
// (MUMPS) block solver.
#include <chemomech/core/linear_algebra.h>
#include <chemomech/core/solvers/block_preconditioner.h>

#include <deal.II/base/index_set.h>
#include <deal.II/base/mpi.h>
#include <deal.II/lac/dynamic_sparsity_pattern.h>

#include <cmath>
#include <vector>

#include "test_tools.h"

using namespace chemomech;
using namespace dealii;

int
main(int argc, char **argv)
{
  Utilities::MPI::MPI_InitFinalize mpi(argc, argv, 1);
  chemomech_test::Checks           checks;
  const MPI_Comm                   comm = MPI_COMM_WORLD;
  AssertThrow(Utilities::MPI::n_mpi_processes(comm) == 1,
              ExcMessage("this test runs on one rank"));

  // Nodes of a 1D chain, two DoFs per node: 2k (field 0, "solid
  // potential", scale 1e-6) and 2k+1 (field 1, scale 1e3). The first
  // n_constrained DoFs of field 0 are constrained: diagonal only, 1e3.
  const unsigned int n_nodes = 400, n_constrained = 40, n = 2 * n_nodes;
  IndexSet           all(n);
  all.add_range(0, n);
  DynamicSparsityPattern dsp(n, n);
  for (unsigned int k = 0; k < n_nodes; ++k)
    for (unsigned int l = (k > 0 ? k - 1 : 0);
         l <= std::min(k + 1, n_nodes - 1);
         ++l)
      for (unsigned int a = 0; a < 2; ++a)
        for (unsigned int b = 0; b < 2; ++b)
          dsp.add(2 * k + a, 2 * l + b);
  LA::MPI::SparseMatrix J;
  J.reinit(all, all, dsp, comm);
  const double s0 = 1e-6, s1 = 1e3;
  for (unsigned int k = 0; k < n_nodes; ++k)
    {
      // field 0: Neumann Laplacian on the unconstrained nodes + 1e-3 *
      // mass (lumped)
      const double deg =
        (k > n_constrained ? 1 : 0) + (k + 1 < n_nodes ? 1 : 0);
      if (k < n_constrained)
        J.set(2 * k, 2 * k, s1);
      else
        {
          J.set(2 * k, 2 * k, s0 * (deg + 1e-3));
          for (const int d : {-1, 1})
            {
              const int l = static_cast<int>(k) + d;
              if (l >= static_cast<int>(n_constrained) &&
                  l < static_cast<int>(n_nodes))
                J.set(2 * k, 2 * l, -s0);
            }
        }
      // field 1: Laplacian + 0.1 * mass, coupled to field 0 (lower
      // triangle only)
      J.set(2 * k + 1,
            2 * k + 1,
            s1 * ((k > 0 ? 1 : 0) + (k + 1 < n_nodes ? 1 : 0) + 0.1));
      for (const int d : {-1, 1})
        {
          const int l = static_cast<int>(k) + d;
          if (l >= 0 && l < static_cast<int>(n_nodes))
            J.set(2 * k + 1, 2 * l + 1, -s1);
        }
      if (k >= n_constrained)
        J.set(2 * k + 1, 2 * k, -0.5 * s1);
    }
  J.compress(VectorOperation::insert);

  std::vector<unsigned char> field_of(n);
  for (unsigned int i = 0; i < n; ++i)
    field_of[i] = i % 2;
  std::vector<BlockFieldSettings> fields(2);
  for (unsigned int f = 0; f < 2; ++f)
    {
      fields[f].name = "field " + std::to_string(f);
#ifdef CHEMOMECH_USE_PETSC
      fields[f].type = FieldPreconditionerType::direct;
#else
      fields[f].type = FieldPreconditionerType::amg;
#endif
      fields[f].smoother = AmgSmoother::symmetric_gauss_seidel;
    }
  BlockPreconditioner P;
  P.reinit(all, all, field_of, fields, {0, 1}, comm);
  P.initialize(J);

  // x: smooth plus a constant offset in both fields (the near-null mode
  // of field 0), zero on the constrained DoFs.
  LA::MPI::Vector x(all, comm), b(all, comm), y(all, comm);
  for (unsigned int k = 0; k < n_nodes; ++k)
    {
      x[2 * k]     = (k < n_constrained) ? 0.0 : 1.0 + std::sin(0.05 * k);
      x[2 * k + 1] = 2.0 + std::cos(0.03 * k);
    }
  x.compress(VectorOperation::insert);
  J.vmult(b, x);
  P.vmult(y, b);
  y -= x;
  checks.near("|P^-1 J x - x| / |x| (exact block solves)",
              y.l2_norm() / x.l2_norm(),
              0.0,
              1e-8,
              1.0);
  // The constrained rows are solved exactly (outside the block solver).
  double constrained_error = 0;
  for (unsigned int k = 0; k < n_constrained; ++k)
    constrained_error = std::max(constrained_error, std::abs(y[2 * k]));
  checks.near("max |error| on the constrained rows",
              constrained_error,
              0.0,
              1e-14,
              1.0);
  return checks.finish();
}
