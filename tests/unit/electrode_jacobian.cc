// The assembled Newton Jacobian of the porous-electrode model against a
// central finite-difference Jacobian of its assembled residual, column by
// column: the local quadrature-point updates (particle, Butler-Volmer, SEI,
// porosity) condensed into the global system, the concentration-dependent
// electrolyte, the swelling of the electrode, the lithium-metal counter
// electrode. Criterion: for every unconstrained row,
// max |J_fd - J| <= 1e-5 max |J| (the local iterations are converged to
// 1e-13, the differences taken with h = 1e-6 of each field's scale).
#include <chemomech/physics/electrode/electrode_problem.h>

#include <deal.II/base/mpi.h>

#include "jacobian_check.h"
#include "test_tools.h"

using namespace chemomech;
using namespace dealii;

template <int dim>
double
max_row_error(const std::string  &input,
              const OperatingMode mode,
              const double        value)
{
  ParameterHandler prm;

  ElectrodeProblem<dim>::declare_parameters(prm,
                                            InputPrescan::from_string(input));
  prm.parse_input_from_string(input);
  ElectrodeProblem<dim> problem(MPI_COMM_WORLD);
  problem.parse_parameters(prm);
  problem.set_operating_point(mode, value);
  problem.setup();

  // A non-trivial state: perturb every field by a few percent of its scale.
  const LA::MPI::Vector x = chemomech_test::perturbed_state(problem);

  problem.set_time_step(50.0);
  return chemomech_test::max_row_relative_jacobian_error(problem,
                                                         x,
                                                         std::to_string(dim) +
                                                           "D");
}



int
main(int argc, char **argv)
{
  Utilities::MPI::MPI_InitFinalize mpi(argc, argv, 1);
  chemomech_test::Checks           check;

  const std::string sei = "  subsection SEI\n"
                          "    set Growth model = mixed\n"
                          "    set Rate constant = 1e-14\n"
                          "    set Solvent diffusivity = 1e-20\n"
                          "    set Resistivity = 2e5\n"
                          "  end\n";
  const std::string common =
    "set Model = electrode\n"
    "subsection Output\n set Write VTU = false\n set Progress = false\nend\n"
    "subsection Linear solver\n set Solver = direct\nend\n";

  // 1D half cell: graphite with SEI, Valoen-Reimers electrolyte, lithium
  // metal, mixture kinematics (porosity from tr eps(u)), free face.
  const std::string half =
    common +
    "subsection Electrode geometry\n set Cell type = half cell\n"
    " set Negative electrode cells = 4\n set Separator cells = 2\nend\n"
    "subsection Negative electrode\n set Preset = graphite\n"
    " set Initial stoichiometry = 0.3\n" +
    sei +
    " subsection Pore structure\n  set Kinematics = mixture\n"
    "  set Reference concentration = 9000\n end\n"
    " subsection Representative particle\n  set Number of shells = 6\n"
    "  set Diffusivity = 3e-14*(1+x)\n end\n"
    "end\n";
  check.near("1D half cell Jacobian (current)",
             max_row_error<1>(half, OperatingMode::current, 20.0),
             0.0,
             1e-5,
             1.0);

  // 1D half cell with both stress couplings (equilibrium-potential shift,
  // macroscopic stress in the particles and the SEI), E(eps) with m = 2 and
  // a spring on the stack face.
  const std::string coupling = " set Stiffness porosity exponent = 2\n"
                               " subsection Particle mechanics\n"
                               "  set Stress in equilibrium potential = true\n"
                               "  set Macroscopic stress = true\n end\n";
  const std::string half_coupled =
    common +
    "subsection Electrode geometry\n set Cell type = half cell\n"
    " set Negative electrode cells = 4\n set Separator cells = 2\nend\n"
    "subsection Electrode mechanics\n set Stack face = spring\n"
    " set Stack pressure = 1e6\n set Stack stiffness = 1e13\nend\n"
    "subsection Negative electrode\n set Preset = graphite\n"
    " set Initial stoichiometry = 0.3\n" +
    sei + coupling +
    " subsection Pore structure\n  set Kinematics = mixture\n end\n"
    " subsection Representative particle\n  set Number of shells = 6\n"
    " end\n"
    "end\n";
  check.near("1D half cell Jacobian, stress couplings, spring (current)",
             max_row_error<1>(half_coupled, OperatingMode::current, 20.0),
             0.0,
             1e-5,
             1.0);

  // 2D full cell, polynomial particle in the positive electrode, constant
  // electrolyte, confined, voltage controlled.
  const std::string full =
    common +
    "subsection Electrode geometry\n set Cell type = full cell\n"
    " set Negative electrode cells = 2\n set Separator cells = 1\n"
    " set Positive electrode cells = 2\n set Width cells = 1\nend\n"
    "subsection Electrode mechanics\n set Stack face = rigid\nend\n"
    "subsection Electrolyte\n set Model = constant\nend\n"
    "subsection Negative electrode\n set Initial stoichiometry = 0.7\n" +
    sei +
    " subsection Kinetics\n  set Open-circuit potential = 0.2 - 0.1*x\n end\n"
    " subsection Representative particle\n  set Number of shells = 4\n end\n"
    "end\n"
    "subsection Positive electrode\n set Initial stoichiometry = 0.4\n"
    " subsection Kinetics\n  set Maximum concentration = 50000\n"
    "  set Open-circuit potential = 4.2 - 0.5*x\n end\n"
    " subsection Representative particle\n  set Model = polynomial\n"
    "  set Maximum concentration = 50000\n end\n"
    " subsection Pore structure\n  set Kinematics = mixture\n end\n"
    "end\n";
  check.near("2D full cell Jacobian (voltage)",
             max_row_error<2>(full, OperatingMode::voltage, 3.9),
             0.0,
             1e-5,
             1.0);
  check.near("2D full cell Jacobian (current)",
             max_row_error<2>(full, OperatingMode::current, -15.0),
             0.0,
             1e-5,
             1.0);

  // The same with both stress couplings in both electrodes, a free
  // collector face and a spring on the stack face.
  std::string full_coupled = full;
  const auto  replace      = [&](const std::string &a, const std::string &b) {
    full_coupled.replace(full_coupled.find(a), a.size(), b);
  };
  replace(" set Stack face = rigid\n",
          " set Collector face = free\n set Stack face = spring\n"
          " set Stack pressure = 2e6\n");
  replace("subsection Negative electrode\n",
          "subsection Negative electrode\n" + coupling);
  replace("subsection Positive electrode\n",
          "subsection Positive electrode\n" + coupling);
  check.near("2D full cell Jacobian, stress couplings, free collector, "
             "spring (current)",
             max_row_error<2>(full_coupled, OperatingMode::current, -15.0),
             0.0,
             1e-5,
             1.0);
  return check.finish();
}
