#include <chemomech/core/newton_solver.h>
#include <chemomech/core/parameter_checks.h>
#include <chemomech/core/range_spec.h>

#include <deal.II/lac/solver_control.h>

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <sstream>

namespace chemomech
{
  namespace
  {
    const RangeSpec iterations_range  = RangeSpec::integers(1, 200);
    const RangeSpec line_search_range = RangeSpec::integers(0, 30);
    const RangeSpec tolerance_range(1e-16, Bound::closed, 1e-2, Bound::closed);
    const RangeSpec forcing_range(1e-12, Bound::closed, 0.9, Bound::closed);
  } // namespace



  void
  NewtonSolver::declare_parameters(dealii::ParameterHandler &prm)
  {
    declare_parameters(prm, NewtonSolver());
  }



  void
  NewtonSolver::declare_parameters(dealii::ParameterHandler &prm,
                                   const NewtonSolver       &defaults)
  {
    const NewtonSolver &d = defaults;
    prm.enter_subsection("Newton");
    prm.declare_entry("Maximum iterations",
                      std::to_string(d.max_iterations),
                      *iterations_range.pattern(),
                      "Newton iterations allowed per time step before the "
                      "step is rejected and retried with a smaller step. "
                      "Units: none. Range: [1, 200].");
    prm.declare_entry("Tolerance",
                      parameter_text(d.tolerance),
                      *tolerance_range.pattern(),
                      "Convergence when the Newton update, each field "
                      "divided by its characteristic scale (c_max for the "
                      "concentration, L*|Omega|*c_max/3 for u with L = "
                      "dim*V/A_active, E*|Omega|*c_max/3 for sigma_h), or the "
                      "residual scaled the same way, is below this in the "
                      "maximum norm. Units: none. Range: [1e-16, 1e-2].");
    prm.declare_entry("Maximum line search steps",
                      std::to_string(d.max_line_search_steps),
                      *line_search_range.pattern(),
                      "How often an update may be halved to keep the state "
                      "admissible and the residual from growing. Units: "
                      "none. Range: [0, 30].");
    prm.declare_entry("Forcing term",
                      (d.forcing_term == ForcingTerm::none) ?
                        "none" :
                        "eisenstat-walker",
                      dealii::Patterns::Selection("eisenstat-walker|none"),
                      "How accurately iterative linear solvers solve each "
                      "Newton system. eisenstat-walker: relative residual "
                      "eta_k = 0.9 (r_k/r_{k-1})^2 with the usual safeguards, "
                      "at most 'Maximum forcing' (inexact Newton; fewer "
                      "Krylov iterations far from the solution). none: "
                      "always to 'Linear solver/Relative tolerance'. Has no "
                      "effect on the direct solver.");
    prm.declare_entry("Maximum forcing",
                      parameter_text(d.max_forcing),
                      *forcing_range.pattern(),
                      "Upper bound of the Eisenstat-Walker forcing term. "
                      "Units: none. Range: [1e-12, 0.9].");
    prm.leave_subsection();
  }



  void
  NewtonSolver::parse_parameters(dealii::ParameterHandler &prm)
  {
    const std::string s = "Newton/";
    prm.enter_subsection("Newton");
    max_iterations =
      iterations_range.check_integer(s + "Maximum iterations",
                                     prm.get_integer("Maximum iterations"));
    tolerance = prm.get_double("Tolerance");
    max_line_search_steps =
      line_search_range.check_integer(s + "Maximum line search steps",
                                      prm.get_integer(
                                        "Maximum line search steps"));
    forcing_term = (prm.get("Forcing term") == "none") ?
                     ForcingTerm::none :
                     ForcingTerm::eisenstat_walker;
    max_forcing  = prm.get_double("Maximum forcing");
    prm.leave_subsection();
    tolerance_range.check(s + "Tolerance", tolerance);
    forcing_range.check(s + "Maximum forcing", max_forcing);
  }



  NewtonResult
  NewtonSolver::solve(NonlinearProblem &problem,
                      LA::MPI::Vector  &solution) const
  {
    NewtonResult    result;
    LA::MPI::Vector update(solution);
    LA::MPI::Vector trial(solution);

    problem.assemble(solution, true);
    double residual = problem.residual_norm();
    double forcing  = (forcing_term == ForcingTerm::none) ? 0.0 : max_forcing;
    // The last full (undamped) update's norm; negative: none.
    double last_full_norm = -1;

    for (unsigned int it = 0; it < max_iterations; ++it)
      {
        update = 0;
        try
          {
            result.linear_iterations +=
              problem.solve_linearized(update, forcing);
          }
        catch (const dealii::SolverControl::NoConvergence &e)
          {
            result.failure_reason = "the linear solver did not converge (" +
                                    std::to_string(e.last_step) +
                                    " iterations, residual " +
                                    std::to_string(e.last_residual) + ")";
            return result;
          }
        ++result.iterations;

        const double norm = problem.update_norm(update);
        if (!std::isfinite(norm))
          {
            result.failure_reason = "the linear solve produced a non-finite "
                                    "update";
            return result;
          }

        // Backtracking: halve the step while the trial state is
        // inadmissible or the scaled residual grows a lot.
        double alpha        = 1.0;
        bool   accepted     = false;
        double new_residual = residual;
        for (unsigned int ls = 0; ls <= max_line_search_steps; ++ls)
          {
            trial = solution;
            trial.add(alpha, update);
            if (problem.is_admissible(trial))
              {
                problem.assemble(trial, true);
                new_residual = problem.residual_norm();
                if (std::isfinite(new_residual) &&
                    (new_residual <= 2.0 * residual || norm * alpha < 1e-3 ||
                     ls == max_line_search_steps))
                  {
                    accepted = true;
                    break;
                  }
              }
            alpha *= 0.5;
          }
        if (!accepted || !std::isfinite(new_residual))
          {
            result.failure_reason = "no damped update kept the residual finite";
            return result;
          }

        solution = trial;
        if (forcing_term == ForcingTerm::eisenstat_walker && residual > 0)
          {
            // Eisenstat-Walker choice 2 (gamma = 0.9, alpha = 2) with the
            // safeguard against dropping too fast, and no over-solving
            // below the Newton tolerance.
            const double ratio = new_residual / residual;
            double       eta   = 0.9 * ratio * ratio;
            const double guard = 0.9 * forcing * forcing;
            if (guard > 0.1)
              eta = std::max(eta, guard);
            eta =
              std::max(eta, 0.5 * tolerance / std::max(new_residual, 1e-300));
            forcing = std::min(eta, max_forcing);
          }
        residual                = new_residual;
        result.last_update_norm = alpha * norm;

        // Converged when the full step was small, or when the residual at
        // the new state is already below the tolerance (saves a solve), or
        // when quadratic convergence puts the next update far below it.
        const bool predicted =
          predict_convergence && alpha == 1.0 && last_full_norm > 0 &&
          norm < 1e-3 && norm < last_full_norm &&
          norm * norm * norm <
            0.1 * tolerance * last_full_norm * last_full_norm;
        if ((alpha == 1.0 && norm < tolerance) ||
            (converge_on_residual && residual < tolerance) || predicted)
          {
            result.converged = true;
            return result;
          }
        last_full_norm = (alpha == 1.0) ? norm : -1;
      }
    std::ostringstream reason;
    reason << "no convergence in " << max_iterations
           << " iterations (last scaled update " << std::setprecision(3)
           << result.last_update_norm << ", tolerance " << tolerance << ")";
    result.failure_reason = reason.str();
    return result;
  }
} // namespace chemomech
