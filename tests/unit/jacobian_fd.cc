// The assembled Newton Jacobian against a central finite-difference
// Jacobian of the assembled residual, column by column, with the coupling
// on and nonlinear laws (lattice gas mobility, D(x), Butler-Volmer, the
// stress-shifted equilibrium potential U(x) + Omega_mu sigma_h / F).
// Criterion: for every unconstrained row, max |J_fd - J| <= 1e-6 max |J|.
#include <chemomech/physics/particle/particle_problem.h>

#include <deal.II/base/mpi.h>

#include "jacobian_check.h"
#include "test_tools.h"

using namespace chemomech;
using namespace dealii;

template <int dim>
double
max_row_error(const std::string &input, const bool scale_columns = false)
{
  ParameterHandler prm;
  ParticleProblem<dim>::declare_parameters(prm);
  prm.parse_input_from_string(input);
  ParticleProblem<dim> problem(MPI_COMM_WORLD);
  problem.parse_parameters(prm);
  problem.setup();

  // A non-trivial state: perturb every field by a few percent of its scale.
  const LA::MPI::Vector x = chemomech_test::perturbed_state(problem);

  problem.set_time_step(20.0, true);
  return chemomech_test::max_row_relative_jacobian_error(problem,
                                                         x,
                                                         std::to_string(dim) +
                                                           "D",
                                                         scale_columns);
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

  // 3D: Butler-Volmer with the stress-shifted equilibrium potential: the
  // surface flux depends on u and (through the eigenstrain) on c via
  // sigma_h(eps(u), c); Omega_mu != Omega; lumped mass (partial Jacobian
  // refills with displacement columns in the concentration rows). Columns
  // scaled by their DoF scales: unscaled, the (c, u) entries (mol/(s m))
  // would hide any error of the (c, c) entries (m^3/s) of the same rows.
  const std::string shifted =
    "subsection Geometry\n set Global refinements = 0\nend\n"
    "subsection Material\n"
    " set Chemical potential coupling volume = 5e-6\n"
    " set Initial concentration = 6000 + 3e14*(x^2 + y^2 + z^2)\n"
    "end\n"
    "subsection Surface\n set Condition = butler-volmer\n"
    " set Applied potential = 4.0\n"
    " set Stress in equilibrium potential = true\nend\n";
  check.near("3D Butler-Volmer + stress-shifted potential Jacobian",
             max_row_error<3>(with_dim(shifted, 3), true),
             0.0,
             1e-6,
             1.0);
  return check.finish();
}
