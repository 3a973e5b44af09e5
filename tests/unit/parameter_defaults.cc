// Declared defaults come from typed values: parameter_text() writes a number
// that reads back exactly; a class declared with its own default-constructed
// object as defaults parses an empty input back to the same values; a
// preset's values are the declared defaults of an electrode and an input
// entry overrides them; the porosity/eigenstrain reference concentration
// defaults to the initial state; the electrode model's own choices (time
// stepping, Newton, counter electrode, cathode without SEI) are declared as
// defaults.
#include <chemomech/core/newton_solver.h>
#include <chemomech/core/parameter_checks.h>
#include <chemomech/core/time_stepping.h>
#include <chemomech/io/input_prescan.h>
#include <chemomech/materials/electrode_material.h>
#include <chemomech/materials/electrode_presets.h>
#include <chemomech/materials/electrolyte_properties.h>
#include <chemomech/physics/electrode/electrode_problem.h>
#include <chemomech/physics/electrode/stack_mechanics.h>

#include <deal.II/base/mpi.h>
#include <deal.II/base/parameter_handler.h>

#include "test_tools.h"

using namespace chemomech;
using namespace dealii;

int
main(int argc, char **argv)
{
  Utilities::MPI::MPI_InitFinalize mpi(argc, argv, 1);
  chemomech_test::Checks           check;

  // 1. parameter_text: shortest exact text, plain exponent.
  for (const double v :
       {5e-6, 3600.0, 1e9, 0.38, 7.08e-15, 1.0 / 3.0, -2.5e-300, 0.0})
    check.near("parameter_text(" + parameter_text(v) + ") reads back",
               std::stod(parameter_text(v)),
               v,
               0.0,
               1e-300);
  check.is_true("parameter_text(5e-6) == \"5e-6\"",
                parameter_text(5e-6) == "5e-6");
  check.is_true("parameter_text(1e9) == \"1e9\"", parameter_text(1e9) == "1e9");
  check.is_true("parameter_text(0.38) == \"0.38\"",
                parameter_text(0.38) == "0.38");

  // 2. Declared defaults = the default-constructed object's values.
  {
    ParameterHandler prm;
    TimeStepping::declare_parameters(prm);
    NewtonSolver::declare_parameters(prm);
    ElectrolyteProperties::declare_parameters(prm);
    prm.parse_input_from_string("");
    TimeStepping          t;
    NewtonSolver          n;
    ElectrolyteProperties e;
    t.parse_parameters(prm);
    n.parse_parameters(prm);
    e.parse_parameters(prm);
    const TimeStepping          t0;
    const NewtonSolver          n0;
    const ElectrolyteProperties e0;
    check.is_true("TimeStepping defaults round trip",
                  t.scheme == t0.scheme && t.end_time == t0.end_time &&
                    t.initial_step == t0.initial_step &&
                    t.minimum_step == t0.minimum_step &&
                    t.maximum_step == t0.maximum_step &&
                    t.target_dx == t0.target_dx &&
                    t.growth_factor == t0.growth_factor &&
                    t.adaptive == t0.adaptive);
    check.is_true("NewtonSolver defaults round trip",
                  n.max_iterations == n0.max_iterations &&
                    n.tolerance == n0.tolerance &&
                    n.max_line_search_steps == n0.max_line_search_steps &&
                    n.forcing_term == n0.forcing_term &&
                    n.max_forcing == n0.max_forcing);
    check.is_true("ElectrolyteProperties defaults round trip",
                  e.model == e0.model &&
                    e.constant_diffusivity == e0.constant_diffusivity &&
                    e.constant_conductivity == e0.constant_conductivity &&
                    e.cation_transference_number ==
                      e0.cation_transference_number);
  }

  // 3. A preset's values are the declared defaults; the file overrides.
  for (const std::string &name : electrode_preset_names())
    {
      const ElectrodePreset p = electrode_preset(name);
      ParameterHandler      prm;
      ElectrodeMaterial::declare_parameters(prm, "Negative electrode", name);
      prm.parse_input_from_string("subsection Negative electrode\n"
                                  " set Initial stoichiometry = 0.9\n"
                                  " subsection Representative particle\n"
                                  "  set Radius = 1.25e-6\n"
                                  " end\n"
                                  "end\n");
      ElectrodeMaterial m;
      m.parse_parameters(prm, "Negative electrode", 298.15);
      check.is_true(
        name + ": preset values are the defaults",
        m.preset == name && m.solid_conductivity == p.solid_conductivity &&
          m.particle.max_concentration == p.max_concentration &&
          m.kinetics.max_concentration == p.max_concentration &&
          m.kinetics.rate_constant == p.rate_constant &&
          m.kinetics.model == KineticsModel::insertion &&
          m.surface_stress.youngs_modulus == p.youngs_modulus &&
          m.surface_stress.poissons_ratio == p.poissons_ratio &&
          m.surface_stress.partial_molar_volume == p.partial_molar_volume &&
          m.porosity.macro_porosity == p.porosity &&
          m.porosity.micro_porosity == 0 &&
          m.porosity.agglomerate_fraction == p.active_volume_fraction &&
          m.effective.electrolyte_exponent == p.bruggeman_exponent &&
          m.effective.solid_exponent == p.bruggeman_exponent);
      check.is_true(
        name + ": stress couplings off, constant stiffness at eps_0 by default",
        !m.stress_enhanced_diffusion && !m.stress_shifted_potential &&
          !m.macroscopic_stress && m.stiffness.porosity_exponent == 0 &&
          m.stiffness.reference_porosity == m.porosity.reference_porosity() &&
          !m.point_update().stress_shifted_potential &&
          !m.point_update().macroscopic_stress);
      check.near(name + ": D_s(0.5) = preset D_s",
                 m.particle.diffusivity(0.5 * p.max_concentration).value,
                 p.solid_diffusivity,
                 1e-15);
      check.near(name + ": porosity reference = initial concentration",
                 m.porosity.reference_concentration,
                 0.9 * p.max_concentration,
                 1e-15);
      check.near(name + ": initial porosity = preset porosity",
                 m.porosity.evaluate(0.9 * p.max_concentration).value,
                 p.porosity,
                 1e-14);
      check.near(name + ": no swelling strain at the initial state",
                 m.swelling_strain(0.9 * p.max_concentration),
                 0.0,
                 0.0,
                 1e-300);
      check.near(name + ": input overrides the preset radius",
                 m.particle.radius,
                 1.25e-6,
                 0.0);
    }

  // 4. The electrode model declares its own choices as defaults.
  {
    ParameterHandler   prm;
    const std::string  input = "set Model = electrode\n";
    const InputPrescan scan  = InputPrescan::from_string(input);
    ElectrodeProblem<1>::declare_parameters(prm, scan);
    prm.parse_input_from_string(input);
    TimeStepping t;
    NewtonSolver n;
    t.parse_parameters(prm);
    n.parse_parameters(prm);
    check.is_true("electrode: bdf2, end 1e9 s, max step 600 s, dx 0.02",
                  t.scheme == TimeScheme::bdf2 && t.end_time == 1e9 &&
                    t.maximum_step == 600 && t.target_dx == 0.02);
    check.is_true("electrode: 30 Newton iterations", n.max_iterations == 30);
    prm.enter_subsection("Positive electrode");
    check.is_true("electrode: cathode without SEI by default",
                  !prm.get_bool("SEI growth"));
    prm.leave_subsection();
    prm.enter_subsection("Counter electrode");
    ButlerVolmer counter;
    counter.parse_parameters(prm);
    prm.leave_subsection();
    check.is_true("electrode: lithium-metal counter electrode, i0 = 10 A/m^2",
                  counter.model == KineticsModel::lithium_metal &&
                    counter.exchange_current_density == 10);
  }

  // 5. Stack mechanics: clamped collector, free stack face by default.
  {
    ParameterHandler prm;
    StackMechanics::declare_parameters(prm);
    StackMechanics m;
    m.stack = StackCondition::spring; // overwritten by the parse
    m.parse_parameters(prm);
    const StackMechanics d;
    check.is_true("StackMechanics defaults round trip",
                  m.collector == CollectorSupport::clamped &&
                    m.stack == StackCondition::free &&
                    m.pressure == d.pressure && m.stiffness == d.stiffness &&
                    m.gap_displacement == d.gap_displacement);
    check.near("free stack face carries no pressure",
               m.face_pressure(1e-6),
               0,
               0);
  }

  return check.finish();
}
