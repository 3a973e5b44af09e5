#include <chemomech/core/error_messages.h>
#include <chemomech/core/parameter_checks.h>
#include <chemomech/core/physical_constants.h>
#include <chemomech/io/performance_report.h>
#include <chemomech/io/run_status.h>
#include <chemomech/physics/particle/particle_problem.h>
#include <chemomech/postprocess/stress_measures.h>
#include <chemomech/postprocess/stress_postprocessor.h>

#include <deal.II/base/function_parser.h>
#include <deal.II/base/quadrature_lib.h>
#include <deal.II/base/utilities.h>
#include <deal.II/dofs/dof_renumbering.h>
#include <deal.II/dofs/dof_tools.h>
#include <deal.II/fe/fe_q.h>
#include <deal.II/fe/fe_values.h>
#include <deal.II/grid/grid_tools.h>
#include <deal.II/lac/dynamic_sparsity_pattern.h>
#include <deal.II/lac/sparsity_tools.h>
#include <deal.II/numerics/data_out.h>
#include <deal.II/numerics/vector_tools.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <limits>
#include <sstream>

namespace chemomech
{
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
                      Patterns::Integer(2, 3),
                      "Space dimension: 3 for real particles, 2 (plane "
                      "strain) for quick studies and tests.");
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
                      Patterns::Integer(1, 4),
                      "Polynomial degree of the Lagrange elements for u.");
    prm.declare_entry("Concentration degree",
                      "1",
                      Patterns::Integer(1, 4),
                      "Polynomial degree of the Lagrange elements for c and "
                      "sigma_h.");
    prm.declare_entry("Lumped mass",
                      "true",
                      Patterns::Bool(),
                      "true: the storage term dc/dt uses a row-sum lumped "
                      "mass matrix (monotone: no concentration over- or "
                      "undershoot after sudden changes at the surface); "
                      "false: the consistent mass matrix.");
    prm.declare_entry("Mapping degree",
                      "2",
                      Patterns::Integer(1, 4),
                      "Degree of the geometry mapping (2 follows curved "
                      "surfaces closely).");
    prm.leave_subsection();

    prm.enter_subsection("Output");
    prm.declare_entry("Directory",
                      "output",
                      Patterns::Anything(),
                      "Directory for all results (created if missing).");
    prm.declare_entry("VTU interval",
                      "10",
                      Patterns::Integer(0),
                      "Write VTU/PVTU fields every this many accepted steps "
                      "(and at the start and the end); 0: only start and end.");
    prm.declare_entry("Write VTU",
                      "true",
                      Patterns::Bool(),
                      "Whether to write fields for ParaView at all.");
    prm.declare_entry("Progress",
                      "true",
                      Patterns::Bool(),
                      "One line per accepted step on the terminal.");
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
                      Patterns::Integer(0, 100000),
                      "Number of equally spaced points on the segment; 0: "
                      "no line-outs.");
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
                      Patterns::Double(-1, 1),
                      "Stop when the mean stoichiometry reaches this value "
                      "(from the side it starts on); -1: no target. Units: "
                      "none.");
    prm.declare_entry("Minimum surface stoichiometry",
                      "0.005",
                      Patterns::Double(0, 1),
                      "Stop when x at the active surface falls below this. "
                      "Units: none.");
    prm.declare_entry("Maximum surface stoichiometry",
                      "0.995",
                      Patterns::Double(0, 1),
                      "Stop when x at the active surface exceeds this. "
                      "Units: none.");
    prm.leave_subsection();
  }



  template <int dim>
  ParticleProblem<dim>::ParticleProblem(const MPI_Comm comm)
    : comm(comm)
    , pcout(std::cout, Utilities::MPI::this_mpi_process(comm) == 0)
    , triangulation(comm,
                    typename Triangulation<dim>::MeshSmoothing(
                      Triangulation<dim>::smoothing_on_refinement |
                      Triangulation<dim>::smoothing_on_coarsening))
    , dof_handler(triangulation)
    // Created here but reset in run(); a TimerOutput alive while an input
    // error propagates would print a warning about uncaught exceptions.
    , timer(nullptr)
  {}



  template <int dim>
  void
  ParticleProblem<dim>::parse_parameters(ParameterHandler &prm)
  {
    geometry.parse_parameters(prm);
    material.parse_parameters(prm);
    surface.parse_parameters(prm);
    surface.temperature = material.temperature;
    mechanics.parse_parameters(prm);
    time_stepping.parse_parameters(prm);
    newton.parse_parameters(prm);
    linear_solver.parse_parameters(prm);

    prm.enter_subsection("Discretization");
    displacement_degree  = prm.get_integer("Displacement degree");
    concentration_degree = prm.get_integer("Concentration degree");
    mapping_degree       = prm.get_integer("Mapping degree");
    lumped_mass          = prm.get_bool("Lumped mass");
    prm.leave_subsection();

    prm.enter_subsection("Output");
    output_directory = prm.get("Directory");
    output_interval  = prm.get_integer("VTU interval");
    write_vtu        = prm.get_bool("Write VTU");
    show_progress    = prm.get_bool("Progress");
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
    line_points = prm.get_integer("Line-out points");
    line_times =
      parse_double_list("Output/Line-out times", prm.get("Line-out times"));
    prm.leave_subsection();
    check_condition(!output_directory.empty(),
                    "parameter 'Output/Directory' is empty");
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
    check_condition(x_surface_min < x_surface_max,
                    "'Stop conditions/Minimum surface stoichiometry' must be "
                    "below 'Maximum surface stoichiometry'");
    check_condition(target_soc == -1 || target_soc >= 0,
                    "parameter 'Stop conditions/Target state of charge' = " +
                      std::to_string(target_soc) +
                      " is outside its allowed range: -1 or [0, 1]");
  }



  template <int dim>
  void
  ParticleProblem<dim>::setup()
  {
    wall_clock.restart();
    if (!timer)
      timer = std::make_unique<TimerOutput>(comm,
                                            pcout,
                                            TimerOutput::never,
                                            TimerOutput::wall_times);
    TimerOutput::Scope t(*timer, "setup");
    geometry.create_mesh(triangulation);
    fe      = std::make_unique<FESystem<dim>>(FE_Q<dim>(displacement_degree),
                                         dim,
                                         FE_Q<dim>(concentration_degree),
                                         1,
                                         FE_Q<dim>(concentration_degree),
                                         1);
    mapping = std::make_unique<MappingQ<dim>>(mapping_degree);
    setup_dofs();
    peak_memory_after_dofs = PerformanceReport::peak_memory_bytes();
    set_initial_state();
  }



  template <int dim>
  void
  ParticleProblem<dim>::setup_dofs()
  {
    dof_handler.distribute_dofs(*fe);
    // No component-wise renumbering: with deal.II 9.4 it makes the locally
    // owned set non-contiguous, and DataOut then deadlocks in parallel.
    owned_dofs    = dof_handler.locally_owned_dofs();
    relevant_dofs = DoFTools::extract_locally_relevant_dofs(dof_handler);

    // Volume and active area, also the characteristic length 3V/A.
    {
      const QGauss<dim>     quad(fe->degree + 1);
      const QGauss<dim - 1> fquad(fe->degree + 1);
      FEValues<dim>         fv(*mapping, *fe, quad, update_JxW_values);
      FEFaceValues<dim>     ffv(*mapping, *fe, fquad, update_JxW_values);
      volume      = 0;
      active_area = 0;
      for (const auto &cell : dof_handler.active_cell_iterators())
        if (cell->is_locally_owned())
          {
            fv.reinit(cell);
            for (unsigned int q = 0; q < quad.size(); ++q)
              volume += fv.JxW(q);
            for (const auto f : cell->face_indices())
              if (cell->at_boundary(f) &&
                  surface.is_active(cell->face(f)->boundary_id()))
                {
                  ffv.reinit(cell, f);
                  for (unsigned int q = 0; q < fquad.size(); ++q)
                    active_area += ffv.JxW(q);
                }
          }
      volume      = Utilities::MPI::sum(volume, comm);
      active_area = Utilities::MPI::sum(active_area, comm);
      check_condition(active_area > 0,
                      "the mesh has no face with a boundary id listed in "
                      "'Surface/Active boundary ids'");
    }
    surface.initialize(volume, active_area, material.max_concentration);
    const double length = dim * volume / active_area;

    const FEValuesExtractors::Scalar c_extractor(dim);
    const ComponentMask              c_mask = fe->component_mask(c_extractor);
    const auto make = [&](AffineConstraints<double> &cs, const double c_value) {
      cs.clear();
      cs.reinit(relevant_dofs);
      DoFTools::make_hanging_node_constraints(dof_handler, cs);
      mechanics.make_constraints(dof_handler, geometry.centre(), length, cs);
      if (surface.type == SurfaceConditionType::fixed_concentration)
        for (const auto id : surface.active_ids)
          VectorTools::interpolate_boundary_values(
            *mapping,
            dof_handler,
            id,
            Functions::ConstantFunction<dim>(c_value, dim + 2),
            cs,
            c_mask);
      cs.close();
    };
    make(zero_constraints, 0.0);
    make(constraints, surface.surface_concentration);

    DynamicSparsityPattern dsp(relevant_dofs);
    DoFTools::make_sparsity_pattern(dof_handler, dsp, zero_constraints, false);
    SparsityTools::distribute_sparsity_pattern(dsp,
                                               owned_dofs,
                                               comm,
                                               relevant_dofs);
    system_matrix.reinit(owned_dofs, owned_dofs, dsp, comm);

    for (auto *v : {&solution,
                    &old_solution,
                    &older_solution,
                    &system_rhs,
                    &inverse_scale,
                    &inverse_diagonal,
                    &concentration_mask})
      v->reinit(owned_dofs, comm);
    for (auto *v : {&ghosted, &ghosted_old, &ghosted_older})
      v->reinit(owned_dofs, relevant_dofs, comm);

    // Characteristic scales of the fields for the Newton norms.
    const double e_ref     = (material.partial_molar_volume != 0) ?
                               std::abs(material.partial_molar_volume) *
                             material.max_concentration / 3 :
                               1e-3;
    const double scales[3] = {length * e_ref,
                              material.max_concentration,
                              material.elasticity.youngs_modulus * e_ref};
    std::vector<types::global_dof_index> dofs(fe->n_dofs_per_cell());
    for (const auto &cell : dof_handler.active_cell_iterators())
      if (cell->is_locally_owned())
        {
          cell->get_dof_indices(dofs);
          for (unsigned int i = 0; i < dofs.size(); ++i)
            if (owned_dofs.is_element(dofs[i]))
              {
                const unsigned int comp =
                  fe->system_to_component_index(i).first;
                const unsigned int field = (comp < dim) ? 0 : comp - dim + 1;
                inverse_scale[dofs[i]]   = 1.0 / scales[field];
                // Dirichlet values of c are imposed, not computed: they do
                // not count in the step-size control.
                concentration_mask[dofs[i]] =
                  (field == 1 && !zero_constraints.is_constrained(dofs[i])) ?
                    1.0 :
                    0.0;
              }
        }
    inverse_scale.compress(VectorOperation::insert);
    concentration_mask.compress(VectorOperation::insert);

    // Only the concentration rows of the Jacobian depend on the state, the
    // time step and the equilibrium mode (theory section 5.4): after one
    // full assembly, later ones refill just those rows -- when no
    // constraint couples a concentration or sigma_h DoF to others (hanging
    // nodes would), and with Trilinos (PETSc's MatZeroRows may drop the
    // sparsity of the cleared rows).
    {
      const std::vector<unsigned char> field_of = field_of_relevant_dofs();
      bool                             allowed  = !LA::uses_petsc;
      for (const auto &line : zero_constraints.get_lines())
        if (!line.entries.empty() && relevant_dofs.is_element(line.index) &&
            field_of[relevant_dofs.index_within_set(line.index)] != 0)
          allowed = false;
      partial_jacobian_allowed =
        Utilities::MPI::min(allowed ? 1 : 0, comm) == 1;
      owned_concentration_rows.clear();
      for (const auto i : owned_dofs)
        if (field_of[relevant_dofs.index_within_set(i)] == 1 &&
            !zero_constraints.is_constrained(i))
          owned_concentration_rows.push_back(i);
      constant_jacobian_assembled = false;
    }

    if (linear_solver.type == LinearSolverType::gmres &&
        linear_solver.preconditioner == PreconditionerType::block)
      setup_block_preconditioner();
  }



  template <int dim>
  std::vector<unsigned char>
  ParticleProblem<dim>::field_of_relevant_dofs() const
  {
    // 0 displacement, 1 concentration, 2 hydrostatic stress.
    std::vector<unsigned char> field_of(relevant_dofs.n_elements(), 255);
    std::vector<types::global_dof_index> dofs(fe->n_dofs_per_cell());
    for (const auto &cell : dof_handler.active_cell_iterators())
      if (!cell->is_artificial())
        {
          cell->get_dof_indices(dofs);
          for (unsigned int i = 0; i < dofs.size(); ++i)
            {
              const unsigned int comp = fe->system_to_component_index(i).first;
              field_of[relevant_dofs.index_within_set(dofs[i])] =
                (comp < dim) ? 0 : comp - dim + 1;
            }
        }
    return field_of;
  }



  template <int dim>
  void
  ParticleProblem<dim>::setup_block_preconditioner()
  {
    const std::vector<unsigned char> field_of = field_of_relevant_dofs();
    std::map<types::global_dof_index, Point<dim>> points;
    DoFTools::map_dofs_to_support_points(*mapping, dof_handler, points);

    std::vector<BlockFieldSettings> fields(3);
    fields[0].name       = "displacement";
    fields[0].type       = linear_solver.elasticity_preconditioner;
    fields[0].block_size = dim;
    fields[0].elliptic   = true;
    fields[1].name       = "concentration";
    fields[1].type       = linear_solver.transport_preconditioner;
    // the stress-driven drift makes the block non-symmetric
    fields[1].elliptic = true;
    fields[2].name     = "hydrostatic stress";
    fields[2].type     = linear_solver.projection_preconditioner;
    fields[2].elliptic = true;
    for (auto &field : fields)
      {
        field.amg_cycles = linear_solver.amg_cycles;
        field.smoother   = linear_solver.amg_smoother;
      }

    // Displacement rows in the monolithic order; deal.II numbers the
    // components of a node consecutively, which AMG for elasticity needs.
    std::vector<types::global_dof_index> u_rows;
    for (const auto i : owned_dofs)
      if (field_of[relevant_dofs.index_within_set(i)] == 0)
        u_rows.push_back(i);
    fields[0].coordinates.resize(u_rows.size());
    for (std::size_t j = 0; j < u_rows.size(); ++j)
      {
        const auto &p            = points.at(u_rows[j]);
        fields[0].coordinates[j] = p[j % dim];
        // the dim rows of one node share its support point
        if (j % dim != 0)
          AssertThrow(p.distance(points.at(u_rows[j - j % dim])) <=
                        1e-12 * (1 + p.norm()),
                      ExcInternalError());
      }
    // Concentration first (it drives the eigenstrain), then the
    // displacement it loads, then sigma_h from both; only the drift of c
    // by grad sigma_h is left out of the sweep.
    linear_solver.set_block_structure(owned_dofs,
                                      relevant_dofs,
                                      field_of,
                                      fields,
                                      {1, 0, 2},
                                      comm);
  }



  template <int dim>
  void
  ParticleProblem<dim>::set_initial_state()
  {
    // u = 0, c = c0(x), sigma_h = 0, then mechanical equilibrium at fixed c.
    {
      std::vector<std::string> expressions(dim + 2, "0");
      expressions[dim] = material.initial_concentration;
      FunctionParser<dim> initial(dim + 2);
      try
        {
          initial.initialize(dim == 2 ? "x,y" : "x,y,z", expressions, {});
          // muparser reports syntax errors on the first evaluation
          (void)initial.value(Point<dim>(), dim);
        }
      catch (...)
        {
          throw InvalidParameter("parameter 'Material/Initial concentration': "
                                 "cannot parse '" +
                                 material.initial_concentration +
                                 "' as a number or an expression in x, y, z");
        }
      VectorTools::interpolate(*mapping, dof_handler, initial, solution);
      double c_min_0 = std::numeric_limits<double>::max();
      double c_max_0 = -c_min_0;
      std::vector<types::global_dof_index> dofs(fe->n_dofs_per_cell());
      for (const auto &cell : dof_handler.active_cell_iterators())
        if (cell->is_locally_owned())
          {
            cell->get_dof_indices(dofs);
            for (unsigned int i = 0; i < dofs.size(); ++i)
              if (fe->system_to_component_index(i).first == dim &&
                  owned_dofs.is_element(dofs[i]))
                {
                  c_min_0 = std::min(c_min_0, double(solution[dofs[i]]));
                  c_max_0 = std::max(c_max_0, double(solution[dofs[i]]));
                }
          }
      for (const auto i : owned_dofs)
        if (!std::isfinite(solution[i]))
          c_min_0 = -std::numeric_limits<double>::infinity();
      c_min_0 = Utilities::MPI::min(c_min_0, comm);
      c_max_0 = Utilities::MPI::max(c_max_0, comm);
      check_condition(c_min_0 >= 0 && c_max_0 <= material.max_concentration,
                      "parameter 'Material/Initial concentration' = '" +
                        material.initial_concentration + "' takes values in [" +
                        std::to_string(c_min_0) + ", " +
                        std::to_string(c_max_0) +
                        "] mol/m^3 on the mesh, outside the allowed range [0, "
                        "c_max = " +
                        std::to_string(material.max_concentration) + "]");
    }
    equilibrium_mode     = true;
    bdf                  = {{0, 0, 0}};
    old_solution         = solution;
    older_solution       = solution;
    ghosted_old          = old_solution;
    ghosted_older        = older_solution;
    const NewtonResult r = newton.solve(*this, solution);
    equilibrium_mode     = false;
    AssertThrow(r.converged,
                ExcMessage("the initial mechanical equilibrium did not "
                           "converge: " +
                           r.failure_reason));
    old_solution   = solution;
    older_solution = solution;
    time           = 0;
    dt_old         = 0;
  }



  template <int dim>
  void
  ParticleProblem<dim>::set_time_step(const double dt, const bool first_step)
  {
    bdf = time_stepping.coefficients(dt, dt_old, first_step);
    // The previous time levels are fixed during a step: import their ghosts
    // once here, not in every assembly.
    ghosted_old   = old_solution;
    ghosted_older = older_solution;
  }



  template <int dim>
  void
  ParticleProblem<dim>::assemble(const LA::MPI::Vector &evaluation_point,
                                 const bool             with_jacobian)
  {
    TimerOutput::Scope t(*timer,
                         with_jacobian ? "assemble Jacobian" :
                                         "assemble residual");
    ghosted = evaluation_point;
    // Refill only the concentration rows when the rest is already there.
    const bool partial =
      with_jacobian && partial_jacobian_allowed && constant_jacobian_assembled;
    if (partial)
      system_matrix.clear_rows(owned_concentration_rows);
    else if (with_jacobian)
      system_matrix = 0;
    system_rhs = 0;

    const QGauss<dim>     quad(fe->degree + 1);
    const QGauss<dim - 1> fquad(fe->degree + 1);
    FEValues<dim>         fv(*mapping,
                     *fe,
                     quad,
                     update_values | update_gradients | update_JxW_values);
    FEFaceValues<dim>     ffv(*mapping,
                          *fe,
                          fquad,
                          update_values | update_JxW_values);

    const FEValuesExtractors::Vector u_ex(0);
    const FEValuesExtractors::Scalar c_ex(dim), p_ex(dim + 1);
    const unsigned int               n  = fe->n_dofs_per_cell();
    const unsigned int               nq = quad.size();

    FullMatrix<double>                   cell_matrix(n, n);
    Vector<double>                       cell_rhs(n);
    std::vector<types::global_dof_index> dofs(n);
    std::vector<types::global_dof_index> row_columns;
    std::vector<double>                  row_values;

    std::vector<SymmetricTensor<2, dim>> eps_q(nq);
    std::vector<double>         c_q(nq), c_old_q(nq), c_older_q(nq), p_q(nq);
    std::vector<Tensor<1, dim>> grad_c_q(nq), grad_p_q(nq);
    std::vector<double>         c_f(fquad.size());

    // Field (0 u, 1 c, 2 sigma_h) and vector component of each cell dof.
    std::vector<unsigned int> field(n), comp(n);
    for (unsigned int i = 0; i < n; ++i)
      {
        comp[i]  = fe->system_to_component_index(i).first;
        field[i] = (comp[i] < dim) ? 0 : comp[i] - dim + 1;
      }
    std::vector<double>         phi(n), lumped(n);
    std::vector<Tensor<1, dim>> grad(n);
    Vector<double>              local_now(n), local_old(n), local_older(n);

    const auto  &el     = material.elasticity;
    const double K      = el.bulk_modulus;
    const double lambda = el.lambda;
    const double G      = el.shear_modulus;
    const double Omega  = material.partial_molar_volume;
    const double inv_K  = 1.0 / K;

    for (const auto &cell : dof_handler.active_cell_iterators())
      if (cell->is_locally_owned())
        {
          fv.reinit(cell);
          cell_matrix = 0;
          cell_rhs    = 0;
          fv[u_ex].get_function_symmetric_gradients(ghosted, eps_q);
          fv[c_ex].get_function_values(ghosted, c_q);
          fv[c_ex].get_function_gradients(ghosted, grad_c_q);
          fv[p_ex].get_function_values(ghosted, p_q);
          fv[p_ex].get_function_gradients(ghosted, grad_p_q);
          fv[c_ex].get_function_values(ghosted_old, c_old_q);
          fv[c_ex].get_function_values(ghosted_older, c_older_q);
          std::fill(lumped.begin(), lumped.end(), 0.0);

          for (unsigned int q = 0; q < nq; ++q)
            {
              for (unsigned int k = 0; k < n; ++k)
                {
                  phi[k]  = fv.shape_value(k, q);
                  grad[k] = fv.shape_grad(k, q);
                }
              const double JxW    = fv.JxW(q);
              const double c      = c_q[q];
              const double e_star = material.eigenstrain(c);
              const auto   sigma  = el.stress(eps_q[q], e_star);
              const double sh     = el.hydrostatic_stress(eps_q[q], e_star);
              const auto   k      = material.flux_coefficients(c);
              const double c_dot =
                bdf[0] * c + bdf[1] * c_old_q[q] + bdf[2] * c_older_q[q];
              // -J = D_c grad c - B grad sigma_h
              const Tensor<1, dim> minus_flux =
                k.fickian * grad_c_q[q] - k.drift * grad_p_q[q];
              // Parts of d(-J)/dc that do not depend on the test function.
              const Tensor<1, dim> d_minus_flux_dc =
                k.d_fickian_dc * grad_c_q[q] - k.d_drift_dc * grad_p_q[q];

              for (unsigned int i = 0; i < n; ++i)
                {
                  double r = 0;
                  switch (field[i])
                    {
                      case 0: // sigma : eps(v) = sigma[a] . grad phi
                        for (unsigned int b = 0; b < dim; ++b)
                          r += sigma[comp[i]][b] * grad[i][b];
                        break;
                      case 1:
                        if (lumped_mass)
                          {
                            // storage term added per node after the loop
                            lumped[i] += phi[i] * JxW;
                            r = equilibrium_mode ? 0.0 : grad[i] * minus_flux;
                          }
                        else
                          r = equilibrium_mode ?
                                phi[i] * (c - c_old_q[q]) :
                                phi[i] * c_dot + grad[i] * minus_flux;
                        break;
                      default:
                        r = phi[i] * (p_q[q] - sh) * inv_K;
                    }
                  cell_rhs(i) -= r * JxW;
                }

              if (!with_jacobian)
                continue;
              for (unsigned int i = 0; i < n; ++i)
                {
                  if (partial && field[i] != 1)
                    continue;
                  const unsigned int a = comp[i];
                  for (unsigned int j = 0; j < n; ++j)
                    {
                      const unsigned int b = comp[j];
                      double             v = 0;
                      switch (3 * field[i] + field[j])
                        {
                          case 0: // (u, u): eps(v):C:eps(w)
                            v = lambda * grad[i][a] * grad[j][b] +
                                G * grad[i][b] * grad[j][a];
                            if (a == b)
                              v += G * (grad[i] * grad[j]);
                            break;
                          case 1: // (u, c): eigenstrain
                            v = -K * Omega * phi[j] * grad[i][a];
                            break;
                            case 4: // (c, c)
                            {
                              const double storage =
                                lumped_mass ?
                                  0.0 :
                                  (equilibrium_mode ? 1.0 : bdf[0]) * phi[i] *
                                    phi[j];
                              v = equilibrium_mode ?
                                    storage :
                                    storage +
                                      grad[i] * (phi[j] * d_minus_flux_dc +
                                                 k.fickian * grad[j]);
                              break;
                            }
                          case 5: // (c, sigma_h): stress drift
                            if (!equilibrium_mode)
                              v = -k.drift * (grad[i] * grad[j]);
                            break;
                          case 6: // (sigma_h, u)
                            v = -phi[i] * grad[j][b];
                            break;
                          case 7: // (sigma_h, c)
                            v = Omega * phi[i] * phi[j];
                            break;
                          case 8: // (sigma_h, sigma_h)
                            v = inv_K * phi[i] * phi[j];
                            break;
                          default: // (u, sigma_h), (c, u): no coupling
                            break;
                        }
                      cell_matrix(i, j) += v * JxW;
                    }
                }
            }

          // Lumped (row-sum) storage term m_i dc_i/dt with nodal values:
          // no over- and undershoots next to a sudden change of the surface
          // concentration, so c stays within its bounds.
          if (lumped_mass)
            {
              cell->get_dof_values(ghosted, local_now);
              cell->get_dof_values(ghosted_old, local_old);
              cell->get_dof_values(ghosted_older, local_older);
              for (unsigned int i = 0; i < n; ++i)
                if (field[i] == 1)
                  {
                    const double rate = equilibrium_mode ?
                                          local_now[i] - local_old[i] :
                                          bdf[0] * local_now[i] +
                                            bdf[1] * local_old[i] +
                                            bdf[2] * local_older[i];
                    cell_rhs(i) -= lumped[i] * rate;
                    if (with_jacobian)
                      cell_matrix(i, i) +=
                        lumped[i] * (equilibrium_mode ? 1.0 : bdf[0]);
                  }
            }

          // Lithium exchange through the active surface: -int j(c) q ds.
          if (!equilibrium_mode &&
              surface.type != SurfaceConditionType::fixed_concentration)
            for (const auto f : cell->face_indices())
              if (cell->at_boundary(f) &&
                  surface.is_active(cell->face(f)->boundary_id()))
                {
                  ffv.reinit(cell, f);
                  ffv[c_ex].get_function_values(ghosted, c_f);
                  for (unsigned int q = 0; q < fquad.size(); ++q)
                    {
                      const auto   jf  = surface.inward_flux(c_f[q]);
                      const double JxW = ffv.JxW(q);
                      for (unsigned int i = 0; i < n; ++i)
                        {
                          const double phi_i = ffv[c_ex].value(i, q);
                          if (phi_i == 0)
                            continue;
                          cell_rhs(i) += phi_i * jf.first * JxW;
                          if (with_jacobian && jf.second != 0)
                            for (unsigned int j = 0; j < n; ++j)
                              cell_matrix(i, j) -=
                                phi_i * jf.second * ffv[c_ex].value(j, q) * JxW;
                        }
                    }
                }

          cell->get_dof_indices(dofs);
          if (partial)
            {
              zero_constraints.distribute_local_to_global(cell_rhs,
                                                          dofs,
                                                          system_rhs);
              // Concentration rows only; their columns are c and sigma_h
              // DoFs, whose constraints (if any) are homogeneous Dirichlet
              // without entries: such columns are dropped, as
              // distribute_local_to_global would.
              for (unsigned int i = 0; i < n; ++i)
                if (field[i] == 1 && !zero_constraints.is_constrained(dofs[i]))
                  {
                    row_columns.clear();
                    row_values.clear();
                    for (unsigned int j = 0; j < n; ++j)
                      if (cell_matrix(i, j) != 0 &&
                          !zero_constraints.is_constrained(dofs[j]))
                        {
                          row_columns.push_back(dofs[j]);
                          row_values.push_back(cell_matrix(i, j));
                        }
                    system_matrix.add(dofs[i],
                                      row_columns.size(),
                                      row_columns.data(),
                                      row_values.data(),
                                      false,
                                      false);
                  }
            }
          else if (with_jacobian)
            zero_constraints.distribute_local_to_global(cell_matrix,
                                                        cell_rhs,
                                                        dofs,
                                                        system_matrix,
                                                        system_rhs);
          else
            zero_constraints.distribute_local_to_global(cell_rhs,
                                                        dofs,
                                                        system_rhs);
        }

    system_rhs.compress(VectorOperation::add);
    if (with_jacobian)
      {
        system_matrix.compress(VectorOperation::add);
        constant_jacobian_assembled = true;
        for (const auto i : owned_dofs)
          {
            const double d      = std::abs(system_matrix.diag_element(i));
            inverse_diagonal[i] = (d > 0) ? inverse_scale[i] / d : 0.0;
          }
        inverse_diagonal.compress(VectorOperation::insert);
      }
  }



  template <int dim>
  unsigned int
  ParticleProblem<dim>::solve_linearized(LA::MPI::Vector &update,
                                         const double     forcing)
  {
    TimerOutput::Scope t(*timer, "linear solve");
    const unsigned int its = linear_solver.solve(system_matrix,
                                                 update,
                                                 system_rhs,
                                                 forcing,
                                                 &inverse_diagonal);
    zero_constraints.distribute(update);
    return its;
  }



  template <int dim>
  double
  ParticleProblem<dim>::update_norm(const LA::MPI::Vector &update) const
  {
    LA::MPI::Vector tmp(update);
    tmp.scale(inverse_scale);
    return tmp.linfty_norm();
  }



  template <int dim>
  double
  ParticleProblem<dim>::residual_norm() const
  {
    LA::MPI::Vector tmp(system_rhs);
    tmp.scale(inverse_diagonal);
    return tmp.linfty_norm();
  }



  template <int dim>
  LA::MPI::Vector
  ParticleProblem<dim>::residual_vector() const
  {
    LA::MPI::Vector r(system_rhs);
    r *= -1.0;
    return r;
  }



  template <int dim>
  const LA::MPI::Vector &
  ParticleProblem<dim>::ghosted_solution()
  {
    ghosted = solution;
    return ghosted;
  }



  template <int dim>
  bool
  ParticleProblem<dim>::advance(const double dt)
  {
    solution = old_solution;
    constraints.distribute(solution);
    try
      {
        const NewtonResult r = newton.solve(*this, solution);
        last_newton          = r;
        total_newton_iterations += r.iterations;
        total_linear_iterations += r.linear_iterations;
        return r.converged;
      }
    catch (const std::exception &e)
      {
        last_newton                = NewtonResult();
        last_newton.failure_reason = std::string("linear solver: ") + e.what();
        (void)dt;
        return false;
      }
  }



  template <int dim>
  ParticleStatistics
  ParticleProblem<dim>::compute_statistics()
  {
    TimerOutput::Scope t(*timer, "statistics");
    ghosted = solution;
    ParticleStatistics                   s;
    const QGauss<dim>                    quad(fe->degree + 1);
    const QGauss<dim - 1>                fquad(fe->degree + 1);
    FEValues<dim>                        fv(*mapping,
                     *fe,
                     quad,
                     update_values | update_gradients | update_JxW_values |
                       update_quadrature_points);
    FEFaceValues<dim>                    ffv(*mapping,
                          *fe,
                          fquad,
                          update_values | update_gradients | update_JxW_values |
                            update_quadrature_points);
    const FEValuesExtractors::Vector     u_ex(0);
    const FEValuesExtractors::Scalar     c_ex(dim);
    std::vector<SymmetricTensor<2, dim>> eps(quad.size()), eps_f(fquad.size());
    std::vector<double>                  c(quad.size()), c_f(fquad.size());
    const Point<dim>                     centre = geometry.centre();
    const double                         cmax   = material.max_concentration;

    const double big = std::numeric_limits<double>::max();
    double sh_min = big, sh_max = -big, p_max = -big, x_min = big, x_max = -big,
           hoop_max = -big;
    double li = 0, energy = 0, x_int = 0, hoop_int = 0, flux = 0, eta_int = 0;
    for (const auto &cell : dof_handler.active_cell_iterators())
      if (cell->is_locally_owned())
        {
          fv.reinit(cell);
          fv[u_ex].get_function_symmetric_gradients(ghosted, eps);
          fv[c_ex].get_function_values(ghosted, c);
          for (unsigned int q = 0; q < quad.size(); ++q)
            {
              const auto m =
                compute_stress_measures<dim>(material.elasticity,
                                             eps[q],
                                             material.eigenstrain(c[q]),
                                             fv.quadrature_point(q),
                                             centre);
              li += c[q] * fv.JxW(q);
              energy += m.strain_energy_density * fv.JxW(q);
              sh_min = std::min(sh_min, m.hydrostatic);
              sh_max = std::max(sh_max, m.hydrostatic);
              p_max  = std::max(p_max, m.max_principal);
            }
          for (const auto f : cell->face_indices())
            if (cell->at_boundary(f) &&
                surface.is_active(cell->face(f)->boundary_id()))
              {
                ffv.reinit(cell, f);
                ffv[u_ex].get_function_symmetric_gradients(ghosted, eps_f);
                ffv[c_ex].get_function_values(ghosted, c_f);
                for (unsigned int q = 0; q < fquad.size(); ++q)
                  {
                    const auto m =
                      compute_stress_measures<dim>(material.elasticity,
                                                   eps_f[q],
                                                   material.eigenstrain(c_f[q]),
                                                   ffv.quadrature_point(q),
                                                   centre);
                    const double x = c_f[q] / cmax;
                    x_int += x * ffv.JxW(q);
                    x_min = std::min(x_min, x);
                    x_max = std::max(x_max, x);
                    hoop_int += m.hoop * ffv.JxW(q);
                    hoop_max = std::max(hoop_max, m.hoop);
                    flux += surface.inward_flux(c_f[q]).first * ffv.JxW(q);
                    if (surface.type == SurfaceConditionType::butler_volmer)
                      eta_int += surface.overpotential(c_f[q]) * ffv.JxW(q);
                  }
              }
        }
    s.total_lithium         = Utilities::MPI::sum(li, comm);
    s.elastic_energy        = Utilities::MPI::sum(energy, comm);
    s.mean_stoichiometry    = s.total_lithium / (cmax * volume);
    s.surface_x_mean        = Utilities::MPI::sum(x_int, comm) / active_area;
    s.surface_x_min         = Utilities::MPI::min(x_min, comm);
    s.surface_x_max         = Utilities::MPI::max(x_max, comm);
    s.sigma_h_min           = Utilities::MPI::min(sh_min, comm);
    s.sigma_h_max           = Utilities::MPI::max(sh_max, comm);
    s.max_principal         = Utilities::MPI::max(p_max, comm);
    s.surface_hoop_mean     = Utilities::MPI::sum(hoop_int, comm) / active_area;
    s.surface_hoop_max      = Utilities::MPI::max(hoop_max, comm);
    s.surface_flux          = Utilities::MPI::sum(flux, comm);
    s.surface_overpotential = Utilities::MPI::sum(eta_int, comm) / active_area;

    const auto centre_sample =
      sample_points<dim>(*mapping, dof_handler, ghosted, {centre});
    if (centre_sample[0].found)
      {
        SymmetricTensor<2, dim> e;
        for (unsigned int i = 0; i < dim; ++i)
          for (unsigned int j = 0; j < dim; ++j)
            e[i][j] = 0.5 * (centre_sample[0].gradients[i][j] +
                             centre_sample[0].gradients[j][i]);
        s.centre_radial_stress =
          compute_stress_measures<dim>(material.elasticity,
                                       e,
                                       material.eigenstrain(
                                         centre_sample[0].values[dim]),
                                       centre,
                                       centre)
            .radial;
      }

    LA::MPI::Vector change(solution);
    change -= old_solution;
    change.scale(concentration_mask);
    s.max_dx = change.linfty_norm() / cmax;
    return s;
  }



  template <int dim>
  std::vector<double>
  ParticleProblem<dim>::sample_row(const Point<dim>       &p,
                                   const PointSample<dim> &s) const
  {
    std::vector<double> row;
    for (unsigned int d = 0; d < dim; ++d)
      row.push_back(p[d]);
    if (!s.found)
      {
        row.resize(row.size() + dim + 7,
                   std::numeric_limits<double>::quiet_NaN());
        return row;
      }
    SymmetricTensor<2, dim> e;
    for (unsigned int i = 0; i < dim; ++i)
      for (unsigned int j = 0; j < dim; ++j)
        e[i][j] = 0.5 * (s.gradients[i][j] + s.gradients[j][i]);
    const double c = s.values[dim];
    const auto   m = compute_stress_measures<dim>(material.elasticity,
                                                e,
                                                material.eigenstrain(c),
                                                p,
                                                geometry.centre());
    row.push_back(c);
    row.push_back(c / material.max_concentration);
    for (unsigned int d = 0; d < dim; ++d)
      row.push_back(s.values[d]);
    for (const double v :
         {m.hydrostatic, m.von_mises, m.max_principal, m.radial, m.hoop})
      row.push_back(v);
    return row;
  }



  namespace
  {
    template <int dim>
    std::vector<std::string>
    sample_columns()
    {
      std::vector<std::string> cols;
      for (unsigned int d = 0; d < dim; ++d)
        cols.push_back(std::string(1, "xyz"[d]));
      cols.push_back("c");
      cols.push_back("stoichiometry");
      for (unsigned int d = 0; d < dim; ++d)
        cols.push_back(std::string("u_") + "xyz"[d]);
      for (const char *n : {"sigma_h",
                            "von_mises",
                            "max_principal_stress",
                            "radial_stress",
                            "hoop_stress"})
        cols.push_back(n);
      return cols;
    }
  } // namespace



  template <int dim>
  void
  ParticleProblem<dim>::write_probes()
  {
    if (probe_points.empty())
      return;
    const auto samples = sample_points<dim>(*mapping,
                                            dof_handler,
                                            ghosted_solution(),
                                            probe_points);
    for (unsigned int k = 0; k < probe_points.size(); ++k)
      {
        std::vector<double> row  = {time, static_cast<double>(k)};
        const auto          rest = sample_row(probe_points[k], samples[k]);
        row.insert(row.end(), rest.begin(), rest.end());
        probes_csv.write_row(row);
      }
  }



  template <int dim>
  void
  ParticleProblem<dim>::write_line_out(const unsigned int index)
  {
    std::vector<Point<dim>> points;
    for (unsigned int k = 0; k < line_points; ++k)
      points.push_back(line_start +
                       (line_points > 1 ? double(k) / (line_points - 1) : 0.0) *
                         (line_end - line_start));
    const auto samples =
      sample_points<dim>(*mapping, dof_handler, ghosted_solution(), points);
    CsvWriter                csv;
    std::vector<std::string> cols = {"time", "arc_length"};
    const auto               rest = sample_columns<dim>();
    cols.insert(cols.end(), rest.begin(), rest.end());
    std::ostringstream name;
    name << output_directory << "/lineout-" << std::setw(3) << std::setfill('0')
         << index << ".csv";
    csv.open(name.str(), cols, Utilities::MPI::this_mpi_process(comm) == 0);
    for (unsigned int k = 0; k < points.size(); ++k)
      {
        std::vector<double> row = {time, points[k].distance(line_start)};
        const auto          r   = sample_row(points[k], samples[k]);
        row.insert(row.end(), r.begin(), r.end());
        csv.write_row(row);
      }
  }



  template <int dim>
  void
  ParticleProblem<dim>::write_output(const unsigned int index)
  {
    if (!write_vtu)
      return;
    TimerOutput::Scope t(*timer, "output");
    ghosted = solution;
    StressPostprocessor<dim> postprocessor(material, geometry.centre());
    DataOut<dim>             data_out;
    data_out.attach_dof_handler(dof_handler);
    std::vector<std::string> names(dim, "displacement");
    names.emplace_back("concentration");
    names.emplace_back("sigma_h_field");
    std::vector<DataComponentInterpretation::DataComponentInterpretation>
      interp(dim, DataComponentInterpretation::component_is_part_of_vector);
    interp.push_back(DataComponentInterpretation::component_is_scalar);
    interp.push_back(DataComponentInterpretation::component_is_scalar);
    data_out.add_data_vector(ghosted,
                             names,
                             DataOut<dim>::type_dof_data,
                             interp);
    data_out.add_data_vector(ghosted, postprocessor);
    Vector<float> rank(triangulation.n_active_cells());
    rank = static_cast<float>(triangulation.locally_owned_subdomain());
    data_out.add_data_vector(rank, "mpi_rank");
    data_out.build_patches(*mapping,
                           std::max(displacement_degree, mapping_degree),
                           DataOut<dim>::curved_inner_cells);
    pvd.write(data_out, time, index, comm);
  }



  template <int dim>
  void
  ParticleProblem<dim>::run(const ParameterHandler &prm)
  {
    try
      {
        run_simulation(prm);
      }
    catch (const std::exception &e)
      {
        // Mark the output as not a result; main() prints the message.
        mark_run_failed(output_directory, e, comm);
        throw;
      }
  }



  template <int dim>
  void
  ParticleProblem<dim>::run_simulation(const ParameterHandler &prm)
  {
    const auto wall_start = std::chrono::steady_clock::now();
    const bool root       = Utilities::MPI::this_mpi_process(comm) == 0;
    start_run_output(output_directory, prm, comm);

    setup();
    const bool coupled = material.stress_enhanced_diffusion;
    pcout << "chemomech " << CHEMOMECH_VERSION << ": particle model, " << dim
          << "D, " << Utilities::MPI::n_mpi_processes(comm) << " MPI rank(s), "
          << LA::backend_name << " linear algebra\n"
          << "  mesh: " << triangulation.n_global_active_cells() << " cells, "
          << dof_handler.n_dofs() << " unknowns (u, c, sigma_h)\n"
          << (dim == 3 ? "  volume " :
                         "  area (plane strain, per unit thickness) ")
          << volume << (dim == 3 ? " m^3" : " m^2") << ", active surface "
          << active_area << (dim == 3 ? " m^2\n" : " m\n")
          << "  stress-enhanced diffusion: "
          << (coupled ? "ON (two-way coupling)" : "OFF (one-way coupling)")
          << "\n  output: " << output_directory << "/\n";

    pvd.initialize(output_directory, "solution");
    std::vector<std::string> stat_cols = {"time",
                                          "dt",
                                          "newton_iterations",
                                          "linear_iterations",
                                          "mean_x",
                                          "surface_x_mean",
                                          "surface_x_min",
                                          "surface_x_max",
                                          "sigma_h_min",
                                          "sigma_h_max",
                                          "max_principal_stress",
                                          "surface_hoop_mean",
                                          "surface_hoop_max",
                                          "centre_radial_stress",
                                          "total_lithium",
                                          "lithium_balance_error",
                                          "elastic_energy",
                                          "surface_flux",
                                          "surface_overpotential"};
    statistics_csv.open(output_directory + "/statistics.csv", stat_cols, root);
    if (!probe_points.empty())
      {
        std::vector<std::string> cols = {"time", "probe"};
        const auto               rest = sample_columns<dim>();
        cols.insert(cols.end(), rest.begin(), rest.end());
        probes_csv.open(output_directory + "/probes.csv", cols, root);
      }

    auto stats        = compute_statistics();
    initial_lithium   = stats.total_lithium;
    cumulative_inflow = 0;
    auto write_stats  = [&](const double dt, const NewtonResult &nr) {
      statistics_csv.write_row(
        {time,
         dt,
         double(nr.iterations),
         double(nr.linear_iterations),
         stats.mean_stoichiometry,
         stats.surface_x_mean,
         stats.surface_x_min,
         stats.surface_x_max,
         stats.sigma_h_min,
         stats.sigma_h_max,
         stats.max_principal,
         stats.surface_hoop_mean,
         stats.surface_hoop_max,
         stats.centre_radial_stress,
         stats.total_lithium,
         // relative: (inflow - change of content) / content
         (cumulative_inflow - (stats.total_lithium - initial_lithium)) /
           stats.total_lithium,
         stats.elastic_energy,
         stats.surface_flux,
         stats.surface_overpotential});
    };
    write_stats(0, NewtonResult());
    write_probes();
    unsigned int vtu_index = 0, line_index = 0;
    write_output(vtu_index++);
    while (line_index < line_times.size() && line_times[line_index] <= 0)
      write_line_out(line_index++);

    const double initial_soc = stats.mean_stoichiometry;
    // dt_next is the step the controller proposes; dt may be shortened to hit
    // the end time, a line-out time or the target SOC without changing it.
    double       dt_next = time_stepping.initial_step;
    double       dt      = dt_next;
    unsigned int step = 0, last_vtu_step = 0, rejected = 0;
    std::string  stop_reason;
    const double t_end = time_stepping.end_time;

    while (true)
      {
        if (time >= t_end * (1 - 1e-12))
          {
            stop_reason = "end time reached";
            break;
          }
        dt = std::min(dt_next, t_end - time);
        if (line_index < line_times.size())
          dt = std::min(dt, line_times[line_index] - time);
        if (target_soc >= 0 &&
            surface.type == SurfaceConditionType::galvanostatic)
          {
            const double rate =
              stats.surface_flux / (material.max_concentration * volume);
            if (rate * (target_soc - stats.mean_stoichiometry) > 0)
              dt = std::min(dt, (target_soc - stats.mean_stoichiometry) / rate);
          }

        // BDF2 is zero-stable for step ratios below 1 + sqrt(2); after a step
        // shortened to hit an output time the ratio can be larger: restart
        // with BDF1 for that step.
        set_time_step(dt, step == 0 || dt > 2.4 * dt_old);
        bool               ok = advance(dt);
        ParticleStatistics new_stats;
        if (ok)
          {
            new_stats = compute_statistics();
            if (time_stepping.step_too_large(new_stats.max_dx))
              {
                ok                         = false;
                last_newton.failure_reason = "stoichiometry changed by " +
                                             std::to_string(new_stats.max_dx);
              }
          }
        if (!ok)
          {
            ++rejected;
            solution = old_solution;
            linear_solver.invalidate_preconditioner();
            const double new_dt =
              (new_stats.max_dx > 0) ?
                time_stepping.next_step_size(dt, new_stats.max_dx) :
                0.25 * dt;
            dt_next = std::min(new_dt, 0.5 * dt);
            pcout << "  step rejected at t = " << time << " s, dt = " << dt
                  << " s (" << last_newton.failure_reason
                  << "); retrying with dt = " << dt_next << " s\n";
            AssertThrow(dt_next >= time_stepping.minimum_step,
                        ExcMessage(
                          "the time step fell below 'Time stepping/Minimum "
                          "time step' at t = " +
                          std::to_string(time) +
                          " s: " + last_newton.failure_reason));
            continue;
          }

        // accept
        stats = new_stats;
        time += dt;
        dt_old         = dt;
        older_solution = old_solution;
        old_solution   = solution;
        ++step;
        if (surface.type == SurfaceConditionType::fixed_concentration)
          // The flux through a Dirichlet surface is the change of content.
          stats.surface_flux =
            (stats.total_lithium - initial_lithium - cumulative_inflow) / dt;
        cumulative_inflow += stats.surface_flux * dt;
        write_stats(dt, last_newton);
        write_probes();
        if (output_interval > 0 && step % output_interval == 0)
          {
            write_output(vtu_index++);
            last_vtu_step = step;
          }
        if (line_index < line_times.size() &&
            std::abs(time - line_times[line_index]) <=
              1e-9 * std::max(1.0, time))
          write_line_out(line_index++);

        const double elapsed = std::chrono::duration<double>(
                                 std::chrono::steady_clock::now() - wall_start)
                                 .count();
        double fraction = time / t_end;
        if (target_soc >= 0 && target_soc != initial_soc)
          fraction = std::max(fraction,
                              (stats.mean_stoichiometry - initial_soc) /
                                (target_soc - initial_soc));
        if (show_progress)
          {
            std::ostringstream line;
            line << "step " << std::setw(5) << step
                 << "  t = " << std::scientific << std::setprecision(3) << time
                 << " s  dt = " << dt << " s  SOC = " << std::fixed
                 << std::setprecision(4) << stats.mean_stoichiometry
                 << "  x_surf = " << stats.surface_x_max << "  Newton "
                 << last_newton.iterations << " (lin "
                 << last_newton.linear_iterations << ")  elapsed "
                 << format_duration(elapsed) << "  left ~"
                 << format_duration(
                      fraction > 0 ? elapsed * (1 - fraction) / fraction : -1);
            pcout << line.str() << std::endl;
          }

        if (target_soc >= 0 &&
            (initial_soc <= target_soc ?
               stats.mean_stoichiometry >= target_soc * (1 - 1e-10) :
               stats.mean_stoichiometry <= target_soc * (1 + 1e-10)))
          {
            stop_reason = "target state of charge " +
                          std::to_string(target_soc) + " reached";
            break;
          }
        if (stats.surface_x_max > x_surface_max ||
            stats.surface_x_min < x_surface_min)
          {
            std::ostringstream r;
            r << "surface stoichiometry left [" << x_surface_min << ", "
              << x_surface_max << "] (min " << stats.surface_x_min << ", max "
              << stats.surface_x_max << ") at t = " << time << " s";
            stop_reason = r.str();
            break;
          }
        // A step shortened to hit a time says nothing against the proposed
        // one: scale its change of x up to the proposed step.
        dt_next =
          time_stepping.next_step_size(dt_next, stats.max_dx * dt_next / dt);
      }

    if (last_vtu_step != step || step == 0)
      write_output(vtu_index++);
    pcout << "stopped: " << stop_reason << " after " << step << " steps ("
          << rejected << " rejected), t = " << time << " s\n"
          << "results: " << output_directory << "/statistics.csv"
          << (write_vtu ? ", " + output_directory + "/solution.pvd" :
                          std::string())
          << "\n";
    {
      const LinearSolverStatistics &ls = linear_solver.statistics();
      pcout << "linear solver: " << ls.n_solves << " solves, "
            << ls.n_iterations << " iterations, " << ls.n_preconditioner_builds
            << " preconditioner builds (" << ls.preconditioner_seconds
            << " s), solves " << ls.solve_seconds << " s (rank 0)\n";
    }
    write_performance_report(step, rejected);
    write_run_status(output_directory, "completed: " + stop_reason, comm);
    timer->print_wall_time_statistics(comm);
  }



  template <int dim>
  void
  ParticleProblem<dim>::write_performance_report(const unsigned int steps,
                                                 const unsigned int rejected)
  {
    const std::vector<types::global_dof_index> per_component =
      DoFTools::count_dofs_per_fe_component(dof_handler);
    types::global_dof_index n_u = 0;
    for (unsigned int d = 0; d < dim; ++d)
      n_u += per_component[d];
    const std::map<std::string, double> seconds =
      timer->get_summary_data(TimerOutput::total_wall_time);
    const auto section = [&](const std::string &name) {
      const auto it = seconds.find(name);
      return (it != seconds.end()) ? it->second : 0.0;
    };
    const std::map<std::string, double> calls =
      timer->get_summary_data(TimerOutput::n_calls);
    const auto n_calls = [&](const std::string &name) {
      const auto it = calls.find(name);
      return (it != calls.end()) ? it->second : 0.0;
    };
    const LinearSolverStatistics &ls = linear_solver.statistics();

    PerformanceReport report;
    report.add("mpi_ranks", Utilities::MPI::n_mpi_processes(comm));
    report.add("cells", triangulation.n_global_active_cells());
    report.add("unknowns", dof_handler.n_dofs());
    report.add("unknowns_displacement", n_u);
    report.add("unknowns_concentration", per_component[dim]);
    report.add("unknowns_hydrostatic_stress", per_component[dim + 1]);
    report.add("steps", steps);
    report.add("rejected_steps", rejected);
    report.add("newton_iterations", total_newton_iterations);
    report.add("linear_iterations", total_linear_iterations);
    report.add("linear_solves", ls.n_solves);
    report.add("preconditioner_builds",
               Utilities::MPI::max(ls.n_preconditioner_builds, comm));
    report.add_max("seconds_setup", section("setup"), comm);
    report.add_max("seconds_assembly",
                   section("assemble Jacobian") + section("assemble residual"),
                   comm);
    report.add("assemblies",
               n_calls("assemble Jacobian") + n_calls("assemble residual"));
    report.add_max("seconds_linear_solve", section("linear solve"), comm);
    report.add_max("seconds_preconditioner", ls.preconditioner_seconds, comm);
    report.add_max("seconds_krylov", ls.solve_seconds, comm);
    report.add_max("seconds_output",
                   section("output") + section("statistics"),
                   comm);
    report.add_max("seconds_total", wall_clock.wall_time(), comm);
    const double memory = PerformanceReport::peak_memory_bytes();
    report.add_max("peak_memory_bytes_max_rank", memory, comm);
    report.add("peak_memory_bytes_sum", Utilities::MPI::sum(memory, comm));
    // Where the memory goes (sums over the ranks): the monolithic Jacobian,
    // the block preconditioner's copies of its diagonal and coupling
    // blocks, the peak after the DoF setup, the mesh and the DoF numbering.
    report.add("matrix_bytes_sum",
               Utilities::MPI::sum(static_cast<double>(
                                     system_matrix.memory_consumption()),
                                   comm));
    report.add("preconditioner_block_bytes_sum",
               Utilities::MPI::sum(static_cast<double>(
                                     linear_solver.block_memory_consumption()),
                                   comm));
    report.add("peak_memory_after_dofs_bytes_sum",
               Utilities::MPI::sum(peak_memory_after_dofs, comm));
    report.add("mesh_and_dofs_bytes_sum",
               Utilities::MPI::sum(static_cast<double>(
                                     triangulation.memory_consumption() +
                                     dof_handler.memory_consumption()),
                                   comm));
    report.write(output_directory + "/performance.json", comm);
  }



  template class ParticleProblem<2>;
  template class ParticleProblem<3>;
} // namespace chemomech
