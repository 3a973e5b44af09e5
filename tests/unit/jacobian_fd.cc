// The assembled Newton Jacobian against a central finite-difference
// Jacobian of the assembled residual, column by column, with the coupling
// on and nonlinear laws (lattice gas mobility, D(x), Butler-Volmer).
// Criterion: for every unconstrained row, max |J_fd - J| <= 1e-6 max |J|.
#include <chemomech/physics/particle_problem.h>

#include <deal.II/base/mpi.h>

#include <cmath>

#include "test_tools.h"

using namespace chemomech;
using namespace dealii;

template <int dim>
double
max_row_error(const std::string &input)
{
  ParameterHandler prm;
  ParticleProblem<dim>::declare_parameters(prm);
  prm.parse_input_from_string(input);
  ParticleProblem<dim> problem(MPI_COMM_WORLD);
  problem.parse_parameters(prm);
  problem.setup();

  // A non-trivial state: perturb every field by a few percent of its scale.
  LA::MPI::Vector x  = problem.current_solution();
  const auto     &cs = problem.get_zero_constraints();
  for (const auto i : x.locally_owned_elements())
    if (!cs.is_constrained(i))
      x[i] = x[i] + 0.05 * problem.dof_scale(i) * std::sin(0.37 * i + 0.1);
  x.compress(VectorOperation::insert);

  problem.set_time_step(20.0, true);
  problem.assemble(x, true);
  const auto        &J = problem.jacobian();
  const unsigned int n = x.size();
  FullMatrix<double> Jfd(n, n), Ja(n, n);
  for (unsigned int i = 0; i < n; ++i)
    for (unsigned int k = 0; k < n; ++k)
      Ja(i, k) = J.el(i, k);

  for (unsigned int k = 0; k < n; ++k)
    {
      if (cs.is_constrained(k))
        continue;
      const double    h = 1e-6 * problem.dof_scale(k);
      LA::MPI::Vector xp(x), xm(x);
      xp[k] = xp[k] + h;
      xm[k] = xm[k] - h;
      xp.compress(VectorOperation::insert);
      xm.compress(VectorOperation::insert);
      problem.assemble(xp, false);
      const LA::MPI::Vector rp = problem.residual_vector();
      problem.assemble(xm, false);
      const LA::MPI::Vector rm = problem.residual_vector();
      for (unsigned int i = 0; i < n; ++i)
        Jfd(i, k) = (rp[i] - rm[i]) / (2 * h);
    }

  double worst = 0;
  for (unsigned int i = 0; i < n; ++i)
    {
      if (cs.is_constrained(i))
        continue;
      double row_max = 0, row_err = 0;
      for (unsigned int k = 0; k < n; ++k)
        if (!cs.is_constrained(k))
          {
            row_max = std::max(row_max, std::abs(Ja(i, k)));
            row_err = std::max(row_err, std::abs(Ja(i, k) - Jfd(i, k)));
          }
      if (row_max > 0)
        worst = std::max(worst, row_err / row_max);
    }
  std::cout << "  " << dim << "D, " << n << " unknowns: max row-relative error "
            << worst << "\n";
  return worst;
}



int
main(int argc, char **argv)
{
  Utilities::MPI::MPI_InitFinalize mpi(argc, argv, 1);
  chemomech_test::Checks           check;

  const std::string common =
    "set Dimension = %DIM%\n"
    "subsection Output\n set Write VTU = false\n set Progress = false\nend\n";
  auto with_dim = [&](const std::string &s, const int dim) {
    std::string r = common + s;
    r.replace(r.find("%DIM%"), 5, std::to_string(dim));
    return r;
  };

  // 2D: lattice gas, D(x), Butler-Volmer, non-uniform initial profile.
  const std::string nonlinear =
    "subsection Geometry\n set Global refinements = 1\nend\n"
    "subsection Material\n"
    " set Chemical potential model = lattice gas\n"
    " set Diffusivity = 1e-14*(1 + 2*x^2)\n"
    " set Initial concentration = 5000 + 4e14*(x^2 + y^2)\n"
    "end\n"
    "subsection Surface\n set Condition = butler-volmer\n set Applied potential = 4.0\nend\n";
  check.near("2D lattice gas + Butler-Volmer Jacobian",
             max_row_error<2>(with_dim(nonlinear, 2)),
             0.0,
             1e-6,
             1.0);

  // 3D: dilute, galvanostatic, Omega_mu != Omega, free body (3-2-1 support),
  // consistent mass matrix.
  const std::string dilute =
    "subsection Geometry\n set Global refinements = 0\nend\n"
    "subsection Discretization\n set Lumped mass = false\nend\n"
    "subsection Material\n"
    " set Chemical potential coupling volume = 2e-6\n"
    " set Initial concentration = 3000 + 2e14*(x^2 + y^2 + z^2)\n"
    "end\n";
  check.near("3D dilute + galvanostatic Jacobian",
             max_row_error<3>(with_dim(dilute, 3)),
             0.0,
             1e-6,
             1.0);
  return check.finish();
}
