#include <chemomech/core/physical_constants.h>
#include <chemomech/core/solvers/dof_fields.h>
#include <chemomech/physics/electrode/electrode_problem.h>
#include <chemomech/physics/electrode/field_components.h>

#include <deal.II/base/quadrature_lib.h>
#include <deal.II/distributed/shared_tria.h>
#include <deal.II/distributed/tria.h>
#include <deal.II/dofs/dof_tools.h>
#include <deal.II/fe/fe_q.h>
#include <deal.II/lac/dynamic_sparsity_pattern.h>
#include <deal.II/lac/sparsity_tools.h>
#include <deal.II/numerics/vector_tools.h>

namespace chemomech
{
  using namespace dealii;
  using namespace electrode_fields;



  template <int dim>
  void
  ElectrodeProblem<dim>::setup()
  {
    TimerOutput::Scope t(*get_timer(comm), "setup");
    if (dim == 1)
      triangulation =
        std::make_unique<parallel::shared::Triangulation<dim>>(comm);
    else
      triangulation =
        std::make_unique<parallel::distributed::Triangulation<dim>>(comm);
    geometry.create_mesh(*triangulation);
    fe = std::make_unique<FESystem<dim>>(FE_Q<dim>(degree),
                                         1,
                                         FE_Q<dim>(degree),
                                         1,
                                         FE_Q<dim>(degree),
                                         1,
                                         FE_Q<dim>(displacement_degree),
                                         dim);
    dof_handler.reinit(*triangulation);
    setup_dofs();
    setup_quadrature_data();
    set_initial_state();

    // The protocol starts from the initial state; its first step's
    // operating point is imposed from the first time step on.
    CyclingSettings settings;
    settings.half_cell        = geometry.cell_type == CellType::half_cell;
    settings.one_c_current    = one_c_current;
    settings.stop_on_clogging = stop_on_clogging;
    settings.directory        = output.directory;
    controller.start(settings, last_integrals, cell_voltage(), comm);
    last_newton = NewtonResult();
    pvd.initialize(output.directory, "solution");
    apply_protocol_step();
  }



  template <int dim>
  void
  ElectrodeProblem<dim>::apply_protocol_step()
  {
    // A new operating mode: the last two states do not extrapolate.
    steps_in_mode         = 0;
    const ProtocolStep &s = controller.current_step();
    if (s.kind == StepKind::constant_voltage)
      set_operating_point(OperatingMode::voltage, s.voltage);
    else
      set_operating_point(OperatingMode::current,
                          s.kind == StepKind::rest ? 0.0 : s.current);
  }



  template <int dim>
  void
  ElectrodeProblem<dim>::make_constraints()
  {
    const types::boundary_id terminal =
      (geometry.cell_type == CellType::half_cell) ?
        ElectrodeGeometry<dim>::negative_boundary_id :
        ElectrodeGeometry<dim>::positive_boundary_id;
    const ComponentMask phi_s_mask =
      fe->component_mask(FEValuesExtractors::Scalar(ps_comp));
    const auto make = [&](AffineConstraints<double> &cs,
                          const bool                 homogeneous,
                          const bool                 with_terminal) {
      cs.clear();
      cs.reinit(relevant_dofs);
      DoFTools::make_hanging_node_constraints(dof_handler, cs);
      // phi_s exists only in the electrodes.
      {
        std::vector<bool> active(relevant_dofs.n_elements(), false);
        std::vector<bool> is_phi_s(relevant_dofs.n_elements(), false);
        std::vector<types::global_dof_index> dofs(fe->n_dofs_per_cell());
        for (const auto &cell : dof_handler.active_cell_iterators())
          if (!cell->is_artificial())
            {
              cell->get_dof_indices(dofs);
              const bool electrode = material_of(cell->material_id());
              for (unsigned int i = 0; i < dofs.size(); ++i)
                if (fe->system_to_component_index(i).first == ps_comp)
                  {
                    const auto k = relevant_dofs.index_within_set(dofs[i]);
                    is_phi_s[k]  = true;
                    if (electrode)
                      active[k] = true;
                  }
            }
        for (unsigned int k = 0; k < active.size(); ++k)
          if (is_phi_s[k] && !active[k])
            {
              const auto i = relevant_dofs.nth_index_in_set(k);
              if (!cs.is_constrained(i))
                cs.add_line(i);
            }
      }
      // Full cell: the negative collector is the ground.
      if (geometry.cell_type == CellType::full_cell)
        VectorTools::interpolate_boundary_values(
          dof_handler,
          ElectrodeGeometry<dim>::negative_boundary_id,
          Functions::ZeroFunction<dim>(u_comp + dim),
          cs,
          phi_s_mask);
      if (with_terminal)
        {
          std::vector<double> values(u_comp + dim, 0.0);
          values[ps_comp] = homogeneous ? 0.0 : imposed_value;
          VectorTools::interpolate_boundary_values(
            dof_handler,
            terminal,
            Functions::ConstantFunction<dim>(values),
            cs,
            phi_s_mask);
        }
      // Mechanics (StackMechanics): u_x = 0 at a clamped collector face,
      // u_x = g at a rigid stack face, u.n = 0 on the lateral faces.
      const auto fix = [&](const types::boundary_id id,
                           const unsigned int       d,
                           const double             value) {
        std::vector<double> values(u_comp + dim, 0.0);
        values[u_comp + d] = homogeneous ? 0.0 : value;
        VectorTools::interpolate_boundary_values(
          dof_handler,
          id,
          Functions::ConstantFunction<dim>(values),
          cs,
          fe->component_mask(FEValuesExtractors::Scalar(u_comp + d)));
      };
      if (stack_mechanics.collector == CollectorSupport::clamped)
        fix(ElectrodeGeometry<dim>::negative_boundary_id, 0, 0.0);
      if (stack_mechanics.stack == StackCondition::rigid)
        fix(ElectrodeGeometry<dim>::positive_boundary_id,
            0,
            stack_mechanics.gap_displacement);
      for (unsigned int axis = 1; axis < dim; ++axis)
        for (const bool upper : {false, true})
          fix(ElectrodeGeometry<dim>::lateral_boundary_id(axis, upper),
              axis,
              0.0);
      cs.close();
    };
    const bool cv = (mode == OperatingMode::voltage);
    make(constraints, false, cv);
    make(zero_constraints, true, cv);
  }



  template <int dim>
  void
  ElectrodeProblem<dim>::setup_dofs()
  {
    dof_handler.distribute_dofs(*fe);
    owned_dofs    = dof_handler.locally_owned_dofs();
    relevant_dofs = DoFTools::extract_locally_relevant_dofs(dof_handler);

    // The pattern of the current-controlled system contains that of the
    // voltage-controlled one (which has more constraints).
    const OperatingMode m = mode;
    mode                  = OperatingMode::current;
    make_constraints();
    system.reinit(dof_handler,
                  zero_constraints,
                  owned_dofs,
                  relevant_dofs,
                  comm);
    linear_solver.new_sparsity_pattern();
    mode = m;
    make_constraints();

    for (auto *v : {&solution,
                    &old_solution,
                    &older_solution,
                    &oldest_solution,
                    &electrolyte_mask})
      v->reinit(owned_dofs, comm);
    for (auto *v : {&ghosted, &ghosted_old, &ghosted_older})
      v->reinit(owned_dofs, relevant_dofs, comm);
    setup_error_weights();

    // Characteristic sizes: c_e0, RT/F, and the swelling displacement of
    // the cell for 1 % of volume change.
    const double RT_F =
      constants::gas_constant * temperature / constants::faraday;
    const std::vector<unsigned char> field_of =
      relevant_dof_fields(dof_handler, relevant_dofs, field_of_component);
    system.set_field_scales(
      relevant_dofs,
      field_of,
      {initial_electrolyte, RT_F, RT_F, 1e-2 * geometry.total_thickness()});
    for (const auto i : owned_dofs)
      electrolyte_mask[i] =
        (field_of[relevant_dofs.index_within_set(i)] == 0) ? 1.0 : 0.0;
    electrolyte_mask.compress(VectorOperation::insert);

    if (linear_solver.uses_block_preconditioner())
      setup_block_preconditioner();
  }



  template <int dim>
  void
  ElectrodeProblem<dim>::setup_quadrature_data()
  {
    const QGauss<dim>  quad(std::max(degree, displacement_degree) + 1);
    const unsigned int nq   = quad.size();
    const bool         bdf2 = time_stepping.scheme == TimeScheme::bdf2;
    for (const auto &cell : triangulation->active_cell_iterators())
      if (cell->is_locally_owned())
        if (const ElectrodeMaterial *mat = material_of(cell->material_id()))
          {
            const ElectrodePointUpdate &up = mat->point_update();
            const ElectrodePointState   s0 =
              up.initial_state(mat->initial_concentration(), 0.0);
            for (auto *storage : {&committed_state, &trial_state, &older_state})
              if (storage != &older_state || bdf2)
                {
                  storage->template initialize<ElectrodePointState>(cell, nq);
                  for (const auto &q : storage->get_data(cell))
                    *q = s0;
                }
          }
  }



  template <int dim>
  void
  ElectrodeProblem<dim>::set_initial_state()
  {
    // Equilibrium at rest: uniform c_e, phi_s - phi_e = U(x_0) in each
    // electrode, phi_Li = 0 (half cell) or phi_s = 0 at x = 0 (full cell).
    const double U_n = negative.kinetics.open_circuit_potential(
      negative.initial_concentration());
    const double U_p = positive.kinetics.open_circuit_potential(
      positive.initial_concentration());
    const double phi_e0 =
      (geometry.cell_type == CellType::half_cell) ? 0.0 : -U_n;
    std::vector<types::global_dof_index> dofs(fe->n_dofs_per_cell());
    solution = 0;
    for (const auto &cell : dof_handler.active_cell_iterators())
      if (!cell->is_artificial())
        {
          cell->get_dof_indices(dofs);
          const ElectrodeMaterial *mat = material_of(cell->material_id());
          for (unsigned int i = 0; i < dofs.size(); ++i)
            if (owned_dofs.is_element(dofs[i]))
              {
                const unsigned int comp =
                  fe->system_to_component_index(i).first;
                if (comp == c_comp)
                  solution[dofs[i]] = initial_electrolyte;
                else if (comp == pe_comp)
                  solution[dofs[i]] = phi_e0;
                else if (comp == ps_comp && mat)
                  solution[dofs[i]] = phi_e0 + ((mat == &negative) ? U_n : U_p);
              }
        }
    solution.compress(VectorOperation::insert);
    constraints.distribute(solution);
    old_solution  = solution;
    steps_in_mode = 0;
    time          = 0;
    // The integrals of the initial state: of the committed state, with the
    // rates (currents, surface values) of a unit step from it.
    set_time_step(1);
    assemble(solution, false);
    for (const auto &cell : triangulation->active_cell_iterators())
      if (cell->is_locally_owned() && material_of(cell->material_id()))
        {
          const auto c = committed_state.get_data(cell);
          const auto t = trial_state.get_data(cell);
          for (unsigned int q = 0; q < c.size(); ++q)
            c[q]->rates = t[q]->rates;
        }
    last_integrals = compute_integrals(committed_state);
  }



  template <int dim>
  void
  ElectrodeProblem<dim>::set_operating_point(const OperatingMode m,
                                             const double        value)
  {
    const bool changed =
      (m != mode) || (m == OperatingMode::voltage && value != imposed_value);
    mode          = m;
    imposed_value = value;
    if (changed && fe)
      {
        make_constraints();
        linear_solver.invalidate_preconditioner();
      }
  }



  template <int dim>
  void
  ElectrodeProblem<dim>::set_time_step(const double dt)
  {
    time_step   = dt;
    ghosted_old = old_solution;
    // BDF2 once the state at the start of the protocol step is the older
    // one: the fields are smooth in time within a protocol step (the
    // potentials jump at a switch, but only concentrations and point states
    // carry a history).
    // (Variable-step BDF2 is zero-stable for step ratios below 1 + sqrt 2:
    // a larger jump is taken with BDF1, as in TimeStepping.)
    const bool bdf2 = time_stepping.scheme == TimeScheme::bdf2 &&
                      steps_in_mode >= 1 && older_time_step > 0 &&
                      dt <= 2.4 * older_time_step;
    bdf = bdf2 ? BdfFormula::bdf2(dt, older_time_step) : BdfFormula::bdf1(dt);
    if (bdf2)
      ghosted_older = older_solution;
  }



#define CHEMOMECH_INSTANTIATE(dim)                              \
  template void ElectrodeProblem<dim>::setup();                 \
  template void ElectrodeProblem<dim>::apply_protocol_step();   \
  template void ElectrodeProblem<dim>::make_constraints();      \
  template void ElectrodeProblem<dim>::setup_dofs();            \
  template void ElectrodeProblem<dim>::setup_quadrature_data(); \
  template void ElectrodeProblem<dim>::set_initial_state();     \
  template void ElectrodeProblem<dim>::set_operating_point(     \
    const OperatingMode,                                        \
    const double);                                              \
  template void ElectrodeProblem<dim>::set_time_step(const double);

  CHEMOMECH_INSTANTIATE(1)
  CHEMOMECH_INSTANTIATE(2)
  CHEMOMECH_INSTANTIATE(3)
#undef CHEMOMECH_INSTANTIATE
} // namespace chemomech
