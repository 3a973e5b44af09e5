#include <chemomech/core/memory_check.h>
#include <chemomech/core/parameter_checks.h>
#include <chemomech/core/range_spec.h>
#include <chemomech/physics/particle/particle_problem.h>
#include <chemomech/simulator/checkpoint_settings.h>

#include <deal.II/base/function_parser.h>
#include <deal.II/base/utilities.h>

#include <cmath>
#include <iostream>
#include <string>

namespace chemomech
{
  namespace
  {
    /// Allowed ranges of the entries (declared patterns and checks).
    /// Envelope of Target state of charge (-1 or [0, 1], checked in
    /// parse_parameters()).
    const RangeSpec target_soc_range(-1, Bound::closed, 1, Bound::closed);
    const RangeSpec dimension_range            = RangeSpec::integers(2, 3);
    const RangeSpec displacement_degree_range  = RangeSpec::integers(1, 4);
    const RangeSpec concentration_degree_range = RangeSpec::integers(1, 4);
    const RangeSpec mapping_degree_range       = RangeSpec::integers(1, 4);
    const RangeSpec line_out_points_range      = RangeSpec::integers(0, 100000);
    const RangeSpec
      minimum_surface_stoichiometry_range(0, Bound::closed, 1, Bound::closed);
    const RangeSpec
      maximum_surface_stoichiometry_range(0, Bound::closed, 1, Bound::closed);
  } // namespace



  using namespace dealii;



  template <int dim>
  void
  ParticleProblem<dim>::declare_parameters(ParameterHandler &prm)
  {
    prm.declare_entry("Model",
                      "particle",
                      Patterns::Selection("particle|electrode"),
                      "particle: one active particle (diffusion and "
                      "elasticity); electrode: the porous-electrode cell "
                      "(its parameters: chemomech --print-parameters prm "
                      "electrode).");
    prm.declare_entry("Dimension",
                      "3",
                      *dimension_range.pattern(),
                      "Space dimension: 3 for real particles, 2 (plane "
                      "strain) for quick studies and tests. Range: [2, 3].");
    ParticleGeometry<3>::declare_parameters(prm);
    ParticleMaterial::declare_parameters(prm);
    SurfaceCondition::declare_parameters(prm);
    MechanicalConstraints<3>::declare_parameters(prm);
    TimeStepping::declare_parameters(prm);
    NewtonSolver::declare_parameters(prm);
    LinearSolver::declare_parameters(prm);

    prm.enter_subsection("Discretization");
    prm.declare_entry("Displacement degree",
                      "2",
                      *displacement_degree_range.pattern(),
                      "Polynomial degree of the Lagrange elements for u. "
                      "Range: [1, 4].");
    prm.declare_entry("Concentration degree",
                      "1",
                      *concentration_degree_range.pattern(),
                      "Polynomial degree of the Lagrange elements for c and "
                      "sigma_h. Range: [1, 4].");
    prm.declare_entry("Lumped mass",
                      "true",
                      Patterns::Bool(),
                      "true: the storage term dc/dt uses a row-sum lumped "
                      "mass matrix (monotone: no concentration over- or "
                      "undershoot after sudden changes at the surface); "
                      "false: the consistent mass matrix.");
    prm.declare_entry("Mapping degree",
                      "2",
                      *mapping_degree_range.pattern(),
                      "Degree of the geometry mapping (2 follows curved "
                      "surfaces closely). Range: [1, 4].");
    prm.leave_subsection();

    OutputSettings::declare_parameters(
      prm,
      "(and at the start and the end); 0: only start and end.");
    CheckpointSettings::declare_parameters(prm);
    prm.enter_subsection("Output");
    prm.declare_entry("Probe points",
                      "",
                      Patterns::Anything(),
                      "Points 'x,y,z; x,y,z; ...' at which fields are "
                      "recorded every step in probes.csv. Units: m.");
    prm.declare_entry("Line-out start",
                      "0,0,0",
                      Patterns::Anything(),
                      "Start of the line-out segment. Units: m.");
    prm.declare_entry("Line-out end",
                      "5e-6,0,0",
                      Patterns::Anything(),
                      "End of the line-out segment. Units: m.");
    prm.declare_entry("Line-out points",
                      "0",
                      *line_out_points_range.pattern(),
                      "Number of equally spaced points on the segment; 0: "
                      "no line-outs. Range: [0, 100000].");
    prm.declare_entry("Line-out times",
                      "",
                      Patterns::Anything(),
                      "Times at which line-outs are written to "
                      "lineout-NNN.csv; the time step is shortened to hit "
                      "them. Units: s.");
    prm.leave_subsection();

    prm.enter_subsection("Stop conditions");
    prm.declare_entry("Target state of charge",
                      "-1",
                      *target_soc_range.pattern(),
                      "Stop when the mean stoichiometry reaches this value "
                      "(from the side it starts on); -1: no target. Units: "
                      "none. Range: -1 or [0, 1].");
    prm.declare_entry("Minimum surface stoichiometry",
                      "0.005",
                      *minimum_surface_stoichiometry_range.pattern(),
                      "Stop when x at the active surface falls below this. "
                      "Units: none. Range: [0, 1].");
    prm.declare_entry("Maximum surface stoichiometry",
                      "0.995",
                      *maximum_surface_stoichiometry_range.pattern(),
                      "Stop when x at the active surface exceeds this. "
                      "Units: none. Range: [0, 1].");
    prm.leave_subsection();
  }



  template <int dim>
  ParticleProblem<dim>::ParticleProblem(const MPI_Comm comm)
    : NewtonTransientProblem(comm)
    , triangulation(comm,
                    typename Triangulation<dim>::MeshSmoothing(
                      Triangulation<dim>::smoothing_on_refinement |
                      Triangulation<dim>::smoothing_on_coarsening))
    , dof_handler(triangulation)
  {}



  template <int dim>
  void
  ParticleProblem<dim>::parse_parameters(ParameterHandler &prm)
  {
    dimension_range.check_integer("Dimension", prm.get_integer("Dimension"));
    geometry.parse_parameters(prm);
    material.parse_parameters(prm);
    surface.parse_parameters(prm);
    surface.temperature = material.temperature;
    check_initial_concentration_syntax();
    if (surface.type == SurfaceConditionType::fixed_concentration)
      check_range("Surface/Surface concentration",
                  surface.surface_concentration,
                  0,
                  Bound::closed,
                  material.max_concentration,
                  Bound::closed,
                  "mol/m^3");
    mechanics.parse_parameters(prm);
    time_stepping.parse_parameters(prm);
    newton.parse_parameters(prm);
    linear_solver.parse_parameters(prm);

    prm.enter_subsection("Discretization");
    const std::string d = "Discretization/";
    displacement_degree =
      displacement_degree_range.check_integer(d + "Displacement degree",
                                              prm.get_integer(
                                                "Displacement degree"));
    concentration_degree =
      concentration_degree_range.check_integer(d + "Concentration degree",
                                               prm.get_integer(
                                                 "Concentration degree"));
    mapping_degree =
      mapping_degree_range.check_integer(d + "Mapping degree",
                                         prm.get_integer("Mapping degree"));
    lumped_mass = prm.get_bool("Lumped mass");
    prm.leave_subsection();
    check_memory();

    output.parse_parameters(prm);
    prm.enter_subsection("Output");
    probe_points =
      parse_point_list<dim>("Output/Probe points", prm.get("Probe points"));
    const auto start =
      parse_double_list("Output/Line-out start", prm.get("Line-out start"));
    const auto end =
      parse_double_list("Output/Line-out end", prm.get("Line-out end"));
    check_condition(start.size() >= dim && end.size() >= dim,
                    "parameters 'Output/Line-out start' and 'Output/Line-out "
                    "end' need " +
                      std::to_string(dim) + " coordinates each");
    for (unsigned int d = 0; d < dim; ++d)
      {
        line_start[d] = start[d];
        line_end[d]   = end[d];
      }
    line_points =
      line_out_points_range.check_integer("Output/Line-out points",
                                          prm.get_integer("Line-out points"));
    line_times =
      parse_double_list("Output/Line-out times", prm.get("Line-out times"));
    prm.leave_subsection();
    for (unsigned int i = 0; i < line_times.size(); ++i)
      {
        check_range("Output/Line-out times",
                    line_times[i],
                    0,
                    Bound::closed,
                    time_stepping.end_time,
                    Bound::closed,
                    "s");
        check_condition(i == 0 || line_times[i] > line_times[i - 1],
                        "parameter 'Output/Line-out times' must increase");
      }

    prm.enter_subsection("Stop conditions");
    target_soc    = prm.get_double("Target state of charge");
    x_surface_min = prm.get_double("Minimum surface stoichiometry");
    x_surface_max = prm.get_double("Maximum surface stoichiometry");
    prm.leave_subsection();
    const std::string stop = "Stop conditions/";
    minimum_surface_stoichiometry_range.check(stop +
                                                "Minimum surface stoichiometry",
                                              x_surface_min);
    maximum_surface_stoichiometry_range.check(stop +
                                                "Maximum surface stoichiometry",
                                              x_surface_max);
    check_condition(x_surface_min < x_surface_max,
                    "'Stop conditions/Minimum surface stoichiometry' must be "
                    "below 'Maximum surface stoichiometry'");
    check_condition(target_soc == -1 || (target_soc >= 0 && target_soc <= 1),
                    "parameter 'Stop conditions/Target state of charge' = " +
                      std::to_string(target_soc) +
                      " is outside its allowed range: -1 or [0, 1]");
  }



  template <int dim>
  void
  ParticleProblem<dim>::check_initial_concentration_syntax() const
  {
    // The values are checked at the mesh nodes (setup), the syntax here.
    FunctionParser<dim> c0(1);
    try
      {
        c0.initialize(dim == 2 ? "x,y" : "x,y,z",
                      material.initial_concentration,
                      {});
        // muparser reports syntax errors on the first evaluation
        (void)c0.value(Point<dim>());
      }
    catch (...)
      {
        throw InvalidParameter("parameter 'Material/Initial concentration': "
                               "cannot parse '" +
                               material.initial_concentration +
                               "' as a number or an expression in x, y, z");
      }
  }



  template <int dim>
  void
  ParticleProblem<dim>::check_memory() const
  {
    // Unknowns per cell of the refined mesh (shared nodes counted once):
    // p^dim nodes per cell of a degree-p Lagrange field; dim displacement
    // components, concentration and sigma_h.
    const double per_cell = dim * std::pow(displacement_degree, dim) +
                            2 * std::pow(concentration_degree, dim);
    const double growth = std::pow(2., dim);
    const double cells =
      geometry.coarse_cells * std::pow(growth, geometry.global_refinements);
    MemoryCheck::check("Geometry/Global refinements",
                       geometry.global_refinements,
                       cells * per_cell,
                       growth,
                       (linear_solver.type == LinearSolverType::direct) ?
                         MemoryCheck::particle_bytes_per_unknown_direct :
                         MemoryCheck::particle_bytes_per_unknown_iterative,
                       comm);
  }



  template class ParticleProblem<2>;
  template class ParticleProblem<3>;
} // namespace chemomech
