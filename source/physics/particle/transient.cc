#include <chemomech/core/linear_algebra.h>
#include <chemomech/physics/particle/particle_problem.h>

#include <deal.II/base/utilities.h>

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <sstream>

namespace chemomech
{
  using namespace dealii;



  template <int dim>
  void
  ParticleProblem<dim>::print_header(std::ostream &out) const
  {
    const bool coupled = material.stress_enhanced_diffusion;
    out << "chemomech " << CHEMOMECH_VERSION << ": particle model, " << dim
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
        << "\n  output: " << output.directory << "/\n";
  }



  template <int dim>
  std::string
  ParticleProblem<dim>::stop_reason() const
  {
    if (time >= time_stepping.end_time * (1 - 1e-12))
      return "end time reached";
    return "";
  }



  template <int dim>
  double
  ParticleProblem<dim>::limit_time_step(const double proposed)
  {
    // The proposed step is kept by the driver; the step tried may be
    // shortened to hit the end time, a line-out time or the target SOC.
    double dt = std::min(proposed, time_stepping.end_time - time);
    if (line_index < line_times.size())
      dt = std::min(dt, line_times[line_index] - time);
    if (target_soc >= 0 && surface.type == SurfaceConditionType::galvanostatic)
      {
        const double rate =
          stats.surface_flux / (material.max_concentration * volume);
        if (rate * (target_soc - stats.mean_stoichiometry) > 0)
          dt = std::min(dt, (target_soc - stats.mean_stoichiometry) / rate);
      }
    return dt;
  }



  template <int dim>
  StepAttempt
  ParticleProblem<dim>::try_step(const double dt)
  {
    trial_dt = dt;
    // BDF2 is zero-stable for step ratios below 1 + sqrt(2); after a step
    // shortened to hit an output time the ratio can be larger: restart
    // with BDF1 for that step.
    set_time_step(dt, step == 0 || dt > 2.4 * dt_old);
    bool ok     = advance(dt);
    trial_stats = ParticleStatistics();
    if (ok)
      {
        trial_stats = compute_statistics();
        if (time_stepping.step_too_large(trial_stats.max_dx))
          {
            ok = false;
            last_newton.failure_reason =
              "stoichiometry changed by " + std::to_string(trial_stats.max_dx);
          }
      }

    StepAttempt attempt;
    attempt.acceptable        = ok;
    attempt.newton_iterations = last_newton.iterations;
    attempt.linear_iterations = last_newton.linear_iterations;
    if (!ok)
      {
        attempt.reason = last_newton.failure_reason;
        const double new_dt =
          (trial_stats.max_dx > 0) ?
            time_stepping.next_step_size(dt, trial_stats.max_dx) :
            0.25 * dt;
        attempt.retry_step = std::min(new_dt, 0.5 * dt);
      }
    return attempt;
  }



  template <int dim>
  StepReport
  ParticleProblem<dim>::accept_step()
  {
    const double dt      = trial_dt;
    progress_before_step = simulated_progress();
    stats                = trial_stats;
    accepted_newton      = last_newton;
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
    write_probes();
    if (line_index < line_times.size() &&
        std::abs(time - line_times[line_index]) <= 1e-9 * std::max(1.0, time))
      write_line_out(line_index++);

    StepReport report;
    if (target_soc >= 0 &&
        (initial_soc <= target_soc ?
           stats.mean_stoichiometry >= target_soc * (1 - 1e-10) :
           stats.mean_stoichiometry <= target_soc * (1 + 1e-10)))
      report.stop_reason =
        "target state of charge " + std::to_string(target_soc) + " reached";
    else if (stats.surface_x_max > x_surface_max ||
             stats.surface_x_min < x_surface_min)
      {
        std::ostringstream r;
        r << "surface stoichiometry left [" << x_surface_min << ", "
          << x_surface_max << "] (min " << stats.surface_x_min << ", max "
          << stats.surface_x_max << ") at t = " << time << " s";
        report.stop_reason = r.str();
      }
    return report;
  }



  template <int dim>
  double
  ParticleProblem<dim>::next_time_step(const double dt, const double proposed)
  {
    // A step shortened to hit a time says nothing against the proposed
    // one: scale its change of x up to the proposed step.
    return time_stepping.next_step_size(proposed, stats.max_dx * proposed / dt);
  }



  template <int dim>
  double
  ParticleProblem<dim>::simulated_progress() const
  {
    double fraction = time / time_stepping.end_time;
    if (target_soc >= 0 && target_soc != initial_soc)
      fraction = std::max(fraction,
                          (stats.mean_stoichiometry - initial_soc) /
                            (target_soc - initial_soc));
    return std::clamp(fraction, 0.0, 1.0);
  }



  template <int dim>
  double
  ParticleProblem<dim>::progress_fraction() const
  {
    const double f = simulated_progress();
    if (step == 0 || f >= 1 || time <= 0 || dt_old <= 0)
      return f;
    // Progress per simulated second: over the last step, else (after a
    // restart) since t = 0.
    const double rate =
      (progress_before_step >= 0 && f > progress_before_step) ?
        (f - progress_before_step) / dt_old :
        f / time;
    if (!(rate > 0))
      return f;
    double settled = time_stepping.maximum_step;
    if (time_stepping.adaptive && stats.max_dx > 0)
      settled =
        std::min(settled, dt_old * time_stepping.target_dx / stats.max_dx);
    const double steps_left = (1 - f) / rate / std::max(settled, 1e-300);
    return step / (step + steps_left);
  }



  template <int dim>
  std::string
  ParticleProblem<dim>::progress_line() const
  {
    std::ostringstream line;
    line << "SOC = " << std::fixed << std::setprecision(4)
         << stats.mean_stoichiometry << "  x_surf = " << stats.surface_x_max
         << "  Newton " << accepted_newton.iterations << " (lin "
         << accepted_newton.linear_iterations << ")";
    return line.str();
  }



  template <int dim>
  void
  ParticleProblem<dim>::print_summary(std::ostream &out) const
  {
    out << "results: " << output.directory << "/statistics.csv"
        << (output.write_vtu ? ", " + output.directory + "/solution.pvd" :
                               std::string())
        << "\n";
    const LinearSolverStatistics &ls = linear_solver.statistics();
    out << "linear solver: " << ls.n_solves << " solves, " << ls.n_iterations
        << " iterations, " << ls.n_preconditioner_builds
        << " preconditioner builds (" << ls.preconditioner_seconds
        << " s), solves " << ls.solve_seconds << " s (rank 0)\n";
  }



#define CHEMOMECH_INSTANTIATE(dim)                                               \
  template void        ParticleProblem<dim>::print_header(std::ostream &) const; \
  template std::string ParticleProblem<dim>::stop_reason() const;                \
  template double      ParticleProblem<dim>::limit_time_step(const double);      \
  template StepAttempt ParticleProblem<dim>::try_step(const double);             \
  template StepReport  ParticleProblem<dim>::accept_step();                      \
  template double      ParticleProblem<dim>::next_time_step(const double,        \
                                                       const double);       \
  template double      ParticleProblem<dim>::progress_fraction() const;          \
  template double      ParticleProblem<dim>::simulated_progress() const;         \
  template std::string ParticleProblem<dim>::progress_line() const;              \
  template void ParticleProblem<dim>::print_summary(std::ostream &) const;

  CHEMOMECH_INSTANTIATE(2)
  CHEMOMECH_INSTANTIATE(3)
#undef CHEMOMECH_INSTANTIATE
} // namespace chemomech
