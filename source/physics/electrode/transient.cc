#include <chemomech/io/statistics_table.h>
#include <chemomech/physics/electrode/electrode_problem.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace chemomech
{
  using namespace dealii;



  template <int dim>
  std::string
  ElectrodeProblem<dim>::stop_reason() const
  {
    return controller.stop_reason(time);
  }



  template <int dim>
  double
  ElectrodeProblem<dim>::limit_time_step(const double proposed)
  {
    return controller.limit_time_step(time, proposed);
  }



  template <int dim>
  bool
  ElectrodeProblem<dim>::advance()
  {
    solution = old_solution;
    if (has_history() && older_time_step > 0)
      {
        // Predictor: linear extrapolation of the last two states within
        // this protocol step (potentials included); the first Newton
        // iterate if admissible (e.g. no negative concentration).
        const double r = time_step / older_time_step;
        solution.add(r, old_solution, -r, older_solution);
        constraints.distribute(solution);
        if (!is_admissible(solution))
          solution = old_solution;
      }
    constraints.distribute(solution);
    try
      {
        failure_reason.clear();
        last_newton = newton.solve(*this, solution);
        if (!last_newton.converged && !failure_reason.empty())
          last_newton.failure_reason += "; " + failure_reason;
      }
    catch (const std::exception &e)
      {
        last_newton                = NewtonResult();
        last_newton.failure_reason = e.what();
      }
    // The last assembly of the Newton method is at its final iterate: the
    // trial state belongs to the solution.
    {
      TimerOutput::Scope t(*get_timer(comm), "integrals");
      last_integrals = compute_integrals(trial_state);
    }
    return last_newton.converged;
  }



  template <int dim>
  StepAttempt
  ElectrodeProblem<dim>::try_step(const double dt)
  {
    set_time_step(dt);
    const bool  converged = advance();
    StepAttempt attempt;
    attempt.newton_iterations = last_newton.iterations;
    attempt.linear_iterations = last_newton.linear_iterations;
    last_observation          = {time + dt, cell_voltage(), cell_current()};
    last_error                = -1;
    last_error_order          = error_estimate_order();
    if (converged && error_control.enabled && time_stepping.adaptive &&
        last_error_order > 0)
      {
        last_error = local_error_estimate();
        if (last_error > 1)
          {
            attempt.reason =
              "local error estimate " + std::to_string(last_error) +
              " times the tolerance ('Time stepping/Error control')";
            attempt.retry_step =
              dt * error_control.step_factor(last_error, last_error_order);
            rejected_for_error = true;
            return attempt;
          }
      }
    if (!converged)
      {
        attempt.reason     = last_newton.failure_reason;
        attempt.retry_step = controller.retry_step(dt, last_integrals.max_dx);
        // From an empty (full) electrode a failed solve is the electrode's
        // end, not a step to cut further.
        if (attempt.retry_step < time_stepping.minimum_step)
          attempt.stop_reason = controller.bound_reached(time);
        return attempt;
      }
    attempt.reason     = controller.check_step(last_observation,
                                           dt,
                                           last_integrals,
                                           attempt.retry_step,
                                           attempt.stop_reason);
    attempt.acceptable = attempt.reason.empty();
    return attempt;
  }



  template <int dim>
  StepReport
  ElectrodeProblem<dim>::accept_step()
  {
    const CyclingOutcome outcome =
      controller.accept(last_observation, time_step, last_integrals, bdf);
    commit_state();
    if (outcome.switched && !controller.finished())
      apply_protocol_step();
    StepReport report;
    report.write_output = outcome.switched;
    report.stop_reason  = outcome.stop_reason;
    return report;
  }



  template <int dim>
  void
  ElectrodeProblem<dim>::commit_state()
  {
    TimerOutput::Scope t(*get_timer(comm), "commit");
    const bool         bdf2 = time_stepping.scheme == TimeScheme::bdf2;
    for (const auto &cell : triangulation->active_cell_iterators())
      if (cell->is_locally_owned() && material_of(cell->material_id()))
        {
          auto c = committed_state.get_data(cell);
          auto t = trial_state.get_data(cell);
          if (bdf2)
            {
              auto o = older_state.get_data(cell);
              for (unsigned int q = 0; q < c.size(); ++q)
                *o[q] = *c[q];
            }
          for (unsigned int q = 0; q < c.size(); ++q)
            *c[q] = *t[q];
        }
    oldest_solution    = older_solution;
    oldest_time_step   = older_time_step;
    older_solution     = old_solution;
    older_time_step    = time_step;
    surface_x_oldest   = surface_x_older;
    surface_x_older    = surface_x_old;
    surface_x_old      = controlled_stoichiometries(last_integrals);
    observable_history = {{free_observable(last_observation),
                           observable_history[0],
                           observable_history[1]}};
    // Two steps in this protocol step: the predictor extrapolates within it.
    ++steps_in_mode;
    old_solution = solution;
    time += time_step;
  }



  template <int dim>
  double
  ElectrodeProblem<dim>::next_time_step(const double dt, const double proposed)
  {
    const double by_stoichiometry =
      controller.next_time_step(dt, proposed, last_integrals.max_dx);
    // Just switched: the protocol's first step ('Maximum time step after
    // switch') starts the new step.
    // After a step redone for its error, the next one does not grow (the
    // estimate that proposed the rejected size was too optimistic).
    const bool after_rejection = rejected_for_error;
    rejected_for_error         = false;
    if (!error_control.enabled || !time_stepping.adaptive || steps_in_mode == 0)
      return by_stoichiometry;
    double factor = (last_error >= 0) ?
                      error_control.step_factor(last_error, last_error_order) :
                      error_control.max_growth;
    if (after_rejection)
      factor = std::min(factor, 1.0);
    double next = dt * factor;
    // The stoichiometry rule stays an upper bound.
    const double max_dx = last_integrals.max_dx;
    if (max_dx > 0)
      next = std::min(next, dt * 0.9 * time_stepping.target_dx / max_dx);
    return std::clamp(next,
                      time_stepping.minimum_step,
                      time_stepping.maximum_step);
  }



  template <int dim>
  double
  ElectrodeProblem<dim>::progress_fraction() const
  {
    return std::max(controller.progress_fraction(),
                    std::min(1.0, time / time_stepping.end_time));
  }



  template <int dim>
  void
  ElectrodeProblem<dim>::declare_statistics(StatisticsTable &table) const
  {
    // Per unit collector area (mol/m^2, Ah/m^2); "-" dimensionless; counts
    // and indices (the integer columns) have no unit.
    const std::string mol = "mol/m^2", Ah = "Ah/m^2";
    std::vector<std::pair<std::string, std::string>> columns = {
      {"time", "s"},
      {"dt", "s"},
      {"cycle", ""},
      {"step", ""},
      {"current", "A/m^2"},
      {"voltage", "V"},
      {"discharge_capacity", Ah},
      {"charge_capacity", Ah},
      {"soc", "-"},
      {"lithium_solid", mol},
      {"lithium_electrolyte", mol},
      {"lithium_sei", mol},
      {"lithium_balance_error", "-"},
      {"charge_balance_error", "-"},
      {"porosity_mean", "-"},
      {"porosity_min", "-"},
      {"porosity_max", "-"},
      {"porosity_mean_negative", "-"},
      {"porosity_min_negative", "-"},
      {"porosity_max_negative", "-"},
      {"porosity_mean_positive", "-"},
      {"porosity_min_positive", "-"},
      {"porosity_max_positive", "-"},
      {"sei_thickness_mean", "m"},
      {"sei_thickness_max", "m"},
      {"surface_x_min", "-"},
      {"surface_x_max", "-"},
      {"thickness_change_negative", "m"},
      {"thickness_change_positive", "m"},
      {"thickness_change_cell", "m"},
      {"stack_pressure", "Pa"},
      {"surface_stress_negative", "Pa"},
      {"surface_stress_positive", "Pa"},
      {"newton_iterations", ""},
      {"linear_iterations", ""}};
    for (const auto &c : columns)
      {
        const std::string &name = c.first;
        // A half cell has one electrode (the negative one, at x = 0).
        if (geometry.cell_type == CellType::half_cell &&
            name.find("porosity_") == 0 &&
            name.find("_positive") != std::string::npos)
          continue;
        table.add_column(name,
                         c.second,
                         c.second.empty() ? ColumnFormat::integer :
                                            ColumnFormat::real);
      }
  }



  template <int dim>
  void
  ElectrodeProblem<dim>::add_statistics(StatisticsTable &table,
                                        const double     dt) const
  {
    const ElectrodeIntegrals &I = last_integrals;
    const CyclingRecord      &r = controller.record();
    table.set("time", time);
    table.set("dt", dt);
    table.set("cycle", r.cycle);
    table.set("step", r.step);
    table.set("current", r.current);
    table.set("voltage", cell_voltage());
    table.set("discharge_capacity", r.discharge_capacity);
    table.set("charge_capacity", r.charge_capacity);
    // The stoichiometry of the electrode at x = 0.
    table.set("soc", I.mean_stoichiometry[0]);
    table.set("lithium_solid", I.solid_lithium[0] + I.solid_lithium[1]);
    table.set("lithium_electrolyte", I.electrolyte_lithium);
    table.set("lithium_sei", I.lost_lithium[0] + I.lost_lithium[1]);
    table.set("lithium_balance_error", r.lithium_balance_error);
    table.set("charge_balance_error", r.charge_balance_error);
    table.set("porosity_mean", I.porosity_mean);
    table.set("porosity_min", I.porosity_min);
    table.set("porosity_max", I.porosity_max);
    const unsigned int n_electrodes =
      (geometry.cell_type == CellType::half_cell) ? 1 : 2;
    for (unsigned int e = 0; e < n_electrodes; ++e)
      {
        const std::string side = (e == 0) ? "_negative" : "_positive";
        table.set("porosity_mean" + side, I.electrode_porosity_mean[e]);
        table.set("porosity_min" + side, I.electrode_porosity_min[e]);
        table.set("porosity_max" + side, I.electrode_porosity_max[e]);
      }
    table.set("sei_thickness_mean", I.sei_thickness_mean);
    table.set("sei_thickness_max", I.sei_thickness_max);
    table.set("surface_x_min", I.surface_x_min);
    table.set("surface_x_max", I.surface_x_max);
    table.set("thickness_change_negative", I.thickness_change[0]);
    table.set("thickness_change_positive", I.thickness_change[1]);
    table.set("thickness_change_cell", I.cell_thickness_change);
    table.set("stack_pressure", I.stack_pressure);
    table.set("surface_stress_negative", I.surface_stress_mean[0]);
    table.set("surface_stress_positive", I.surface_stress_mean[1]);
    table.set("newton_iterations", last_newton.iterations);
    table.set("linear_iterations", last_newton.linear_iterations);
  }



#define CHEMOMECH_INSTANTIATE(dim)                                           \
  template std::string ElectrodeProblem<dim>::stop_reason() const;           \
  template double      ElectrodeProblem<dim>::limit_time_step(const double); \
  template bool        ElectrodeProblem<dim>::advance();                     \
  template StepAttempt ElectrodeProblem<dim>::try_step(const double);        \
  template StepReport  ElectrodeProblem<dim>::accept_step();                 \
  template void        ElectrodeProblem<dim>::commit_state();                \
  template double      ElectrodeProblem<dim>::next_time_step(const double,   \
                                                        const double);  \
  template double      ElectrodeProblem<dim>::progress_fraction() const;     \
  template void ElectrodeProblem<dim>::declare_statistics(StatisticsTable &) \
    const;                                                                   \
  template void ElectrodeProblem<dim>::add_statistics(StatisticsTable &,     \
                                                      const double) const;

  CHEMOMECH_INSTANTIATE(1)
  CHEMOMECH_INSTANTIATE(2)
  CHEMOMECH_INSTANTIATE(3)
#undef CHEMOMECH_INSTANTIATE
} // namespace chemomech
