#include <chemomech/core/parameter_checks.h>
#include <chemomech/core/physical_constants.h>
#include <chemomech/core/range_spec.h>
#include <chemomech/physics/electrode/electrode_problem.h>
#include <chemomech/simulator/checkpoint_settings.h>

#include <deal.II/base/mpi.h>

#include <fstream>
#include <iostream>
#include <sstream>

namespace chemomech
{
  namespace
  {
    /// Allowed ranges of the entries (declared patterns and checks).
    const RangeSpec dimension_range = RangeSpec::integers(1, 3);
    const RangeSpec
      temperature_range(200, Bound::closed, 400, Bound::closed, "K");
    const RangeSpec initial_electrolyte_concentration_range(0,
                                                            Bound::open,
                                                            1e4,
                                                            Bound::closed,
                                                            "mol/m^3");
    const RangeSpec degree_range              = RangeSpec::integers(1, 3);
    const RangeSpec displacement_degree_range = RangeSpec::integers(1, 3);
  } // namespace



  using namespace dealii;

  namespace
  {
    /// Throws InvalidParameter unless @p preset is "none" or a known preset
    /// name; @p name is the electrode's subsection.
    void
    check_preset_name(const std::string &name, const std::string &preset)
    {
      bool        known = (preset == "none");
      std::string names = "none";
      for (const auto &n : electrode_preset_names())
        {
          known = known || (n == preset);
          names += ", " + n;
        }
      check_condition(known,
                      "parameter '" + name + "/Preset' = '" + preset +
                        "' is not one of " + names);
    }
  } // namespace



  template <int dim>
  void
  ElectrodeProblem<dim>::declare_parameters(ParameterHandler   &prm,
                                            const InputPrescan &scan)
  {
    prm.declare_entry("Model",
                      "electrode",
                      Patterns::Selection("particle|electrode"),
                      "particle: one active particle (diffusion and "
                      "elasticity); electrode: the porous-electrode cell.");
    prm.declare_entry(
      "Parameter set",
      "",
      Patterns::Anything(),
      "A BPX parameter file (.json, battery parameter exchange format), "
      "relative to this file's directory or absolute: its parameters are "
      "inserted at this line, so entries set after it override them "
      "(doc/user-guide.md, section 'BPX parameter sets'). Empty: none.");
    prm.declare_entry("Dimension",
                      "3",
                      *dimension_range.pattern(),
                      "Space dimension of the electrode slab: 3, or 2 and 1 "
                      "for quick studies (1D is the classical "
                      "through-thickness model). Range: [1, 3].");
    prm.declare_entry("Temperature",
                      "298.15",
                      *temperature_range.pattern(),
                      "Cell temperature. Units: K. Range: [200, 400].");
    prm.declare_entry("Electrolyte preset",
                      InputPrescan::default_electrolyte_preset,
                      Patterns::Selection("none|LiPF6"),
                      "LiPF6: LiPF6 in EC:EMC, Valoen and Reimers (2005), "
                      "sets subsection Electrolyte (entries set there in the "
                      "input file override it).");
    prm.declare_entry(
      "Initial electrolyte concentration",
      "1000",
      *initial_electrolyte_concentration_range.pattern(),
      "c_e at t = 0, uniform. Units: mol/m^3. Range: (0, 1e4].");

    ElectrodeGeometry<3>::declare_parameters(prm);
    check_preset_name("Negative electrode", scan.negative_preset);
    check_preset_name("Positive electrode", scan.positive_preset);
    ElectrodeMaterial::declare_parameters(prm,
                                          "Negative electrode",
                                          scan.negative_preset);
    // A cathode grows no SEI by default.
    ElectrodeMaterial::declare_parameters(prm,
                                          "Positive electrode",
                                          scan.positive_preset,
                                          false);
    SeparatorMaterial::declare_parameters(prm);

    // A lithium-metal counter electrode with i0 = 10 A/m^2.
    ButlerVolmer counter;
    counter.model                    = KineticsModel::lithium_metal;
    counter.exchange_current_density = 10;
    prm.enter_subsection("Counter electrode");
    ButlerVolmer::declare_parameters(
      prm,
      counter,
      ButlerVolmer::default_open_circuit_potential);
    prm.leave_subsection();

    ElectrolyteProperties::declare_parameters(prm,
                                              (scan.electrolyte_preset ==
                                               "LiPF6") ?
                                                lipf6_electrolyte_preset() :
                                                ElectrolyteProperties());
    CyclingProtocol::declare_parameters(prm);
    // Variable-step BDF2 (the local updates take it in history form,
    // BdfFormula) with error-controlled steps. The step is bounded by the
    // cycling protocol's events, not by an end time.
    TimeStepping time_stepping;
    time_stepping.scheme       = TimeScheme::bdf2;
    time_stepping.end_time     = 1e9;
    time_stepping.maximum_step = 600;
    time_stepping.target_dx    = 0.02;
    TimeStepping::declare_parameters(prm, time_stepping);
    prm.enter_subsection("Time stepping");
    // The tolerances keep 3 cycles of prm/full_cell_aging.prm within 0.1 %
    // and 1 mV of a tight reference (doc/performance.md section 10).
    StepErrorControl::declare_parameters(prm, StepErrorControl());
    prm.leave_subsection();
    // A step switch moves the potentials by many RT/F at once: the damped
    // Newton method may need more iterations than in the particle model.
    NewtonSolver newton;
    newton.max_iterations = 30;
    NewtonSolver::declare_parameters(prm, newton);
    // Two V-cycles per block with ILU(1) on the levels: fewer GMRES
    // iterations and less growth under refinement, on flat cells too
    // (doc/electrode-model.md section 12).
    // Cells meshed through the thickness are small: KLU.
    LinearSolver::declare_parameters(prm, 2, "ILU", "auto");
    prm.enter_subsection("Linear solver");
    prm.declare_entry(
      "Thickness coarsening",
      "true",
      Patterns::Bool(),
      "Block preconditioner with AMG blocks: the first coarsening of the "
      "c_e, phi_e and phi_s blocks keeps every second layer of nodes across "
      "the cell's thickness (x) and interpolates the others linearly along "
      "their column of nodes (Galerkin operator below, then AMG). Keeps the "
      "GMRES count nearly constant under refinement on the flat cells of "
      "electrode slabs (doc/electrode-model.md section 12). Only cells at "
      "least twice as wide as thick are coarsened; meshes without node "
      "columns across the thickness (unstructured gmsh meshes) fall back to "
      "plain AMG by themselves. The run's header prints the share of rows "
      "interpolated per field.");
    prm.leave_subsection();

    StackMechanics::declare_parameters(prm);

    prm.enter_subsection("Discretization");
    prm.declare_entry("Degree",
                      "1",
                      *degree_range.pattern(),
                      "Polynomial degree of the Lagrange elements for c_e, "
                      "phi_e and phi_s. Range: [1, 3].");
    prm.declare_entry("Displacement degree",
                      "1",
                      *displacement_degree_range.pattern(),
                      "Polynomial degree for the displacement u. Range: [1, "
                      "3].");
    prm.leave_subsection();

    OutputSettings::declare_parameters(
      prm,
      "(and at every step switch and the end); 0: only at the start and the "
      "end.");
    CheckpointSettings::declare_parameters(prm);

    prm.enter_subsection("Stop conditions");
    prm.declare_entry(
      "Stop on pore clogging",
      "false",
      Patterns::Bool(),
      "true: stop when the porosity reaches the electrode's "
      "'Pore structure/Minimum porosity' anywhere; false: hold it there and report "
      "the event once.");
    prm.leave_subsection();
  }



  template <int dim>
  ElectrodeProblem<dim>::ElectrodeProblem(const MPI_Comm comm)
    : NewtonTransientProblem(comm)
    , pcout(std::cout, Utilities::MPI::this_mpi_process(comm) == 0)
    , controller(protocol, time_stepping)
  {}



  template <int dim>
  void
  ElectrodeProblem<dim>::parse_parameters(ParameterHandler &prm)
  {
    dimension_range.check_integer("Dimension", prm.get_integer("Dimension"));
    temperature         = prm.get_double("Temperature");
    initial_electrolyte = prm.get_double("Initial electrolyte concentration");
    temperature_range.check("Temperature", temperature);
    initial_electrolyte_concentration_range
      .check("Initial electrolyte concentration", initial_electrolyte);
    geometry.parse_parameters(prm);
    negative.parse_parameters(prm, "Negative electrode", temperature);
    positive.parse_parameters(prm, "Positive electrode", temperature);
    electrolyte.parse_parameters(prm);
    electrolyte.temperature = temperature;

    separator.parse_parameters(prm);

    prm.enter_subsection("Counter electrode");
    try
      {
        counter_kinetics.parse_parameters(prm);
      }
    catch (const InvalidParameter &e)
      {
        prm.leave_subsection();
        std::string m   = e.what();
        const auto  pos = m.find("parameter '");
        if (pos != std::string::npos)
          m.insert(pos + 11, "Counter electrode/");
        throw InvalidParameter(m);
      }
    prm.leave_subsection();
    counter_kinetics.temperature = temperature;
    check_condition(counter_kinetics.model == KineticsModel::lithium_metal,
                    "parameter 'Counter electrode/Kinetics/Model' must be "
                    "'lithium metal'");

    protocol.parse_parameters(prm);
    time_stepping.parse_parameters(prm);
    prm.enter_subsection("Time stepping");
    error_control.parse_parameters(prm, "Time stepping/");
    prm.leave_subsection();
    newton.parse_parameters(prm);
    // The diagonally scaled residual of the potentials hides a common-mode
    // error of phi_s and phi_e (charge balance): converge on the update.
    newton.converge_on_residual = false;
    // Quadratic convergence of the monolithic Newton method is reliable
    // here: skip the iteration that only confirms it.
    newton.predict_convergence = true;
    linear_solver.parse_parameters(prm);
    prm.enter_subsection("Linear solver");
    thickness_coarsening = prm.get_bool("Thickness coarsening");
    prm.leave_subsection();

    stack_mechanics.parse_parameters(prm);
    prm.enter_subsection("Discretization");
    degree              = degree_range.check_integer("Discretization/Degree",
                                        prm.get_integer("Degree"));
    displacement_degree = displacement_degree_range.check_integer(
      "Discretization/Displacement degree",
      prm.get_integer("Displacement degree"));
    prm.leave_subsection();
    output.parse_parameters(prm);
    prm.enter_subsection("Stop conditions");
    stop_on_clogging = prm.get_bool("Stop on pore clogging");
    prm.leave_subsection();

    // The nominal 1C current density: the capacity of the limiting
    // electrode between stoichiometry 0 and 1, per collector area.
    {
      const double q_neg = constants::faraday * negative.active_fraction() *
                           negative.particle.max_concentration *
                           geometry.negative_electrode_thickness;
      const double q_pos = constants::faraday * positive.active_fraction() *
                           positive.particle.max_concentration *
                           geometry.positive_electrode_thickness;
      const double q = (geometry.cell_type == CellType::half_cell) ?
                         q_neg :
                         std::min(q_neg, q_pos);
      one_c_current  = (protocol.one_c_current_density() > 0) ?
                         protocol.one_c_current_density() :
                         q / constants::seconds_per_hour;
      if (!(protocol.one_c_current_density() > 0))
        protocol.set_one_c_current_density(one_c_current);
    }
  }



  template <int dim>
  const ElectrodeMaterial *
  ElectrodeProblem<dim>::material_of(const types::material_id id) const
  {
    if (id == ElectrodeGeometry<dim>::negative_electrode_id)
      return &negative;
    if (id == ElectrodeGeometry<dim>::positive_electrode_id)
      return &positive;
    return nullptr;
  }



  template <int dim>
  unsigned int
  ElectrodeProblem<dim>::electrode_index(const types::material_id id)
  {
    return (id == ElectrodeGeometry<dim>::positive_electrode_id) ? 1 : 0;
  }



  template <int dim>
  types::boundary_id
  ElectrodeProblem<dim>::terminal_boundary() const
  {
    return (geometry.cell_type == CellType::half_cell) ?
             ElectrodeGeometry<dim>::negative_boundary_id :
             ElectrodeGeometry<dim>::positive_boundary_id;
  }



#define CHEMOMECH_INSTANTIATE(dim)                                           \
  template void ElectrodeProblem<dim>::declare_parameters(                   \
    ParameterHandler &,                                                      \
    const InputPrescan &);                                                   \
  template ElectrodeProblem<dim>::ElectrodeProblem(const MPI_Comm);          \
  template void ElectrodeProblem<dim>::parse_parameters(ParameterHandler &); \
  template const ElectrodeMaterial *ElectrodeProblem<dim>::material_of(      \
    const types::material_id) const;                                         \
  template unsigned int ElectrodeProblem<dim>::electrode_index(              \
    const types::material_id);                                               \
  template types::boundary_id ElectrodeProblem<dim>::terminal_boundary() const;

  CHEMOMECH_INSTANTIATE(1)
  CHEMOMECH_INSTANTIATE(2)
  CHEMOMECH_INSTANTIATE(3)
#undef CHEMOMECH_INSTANTIATE
} // namespace chemomech
