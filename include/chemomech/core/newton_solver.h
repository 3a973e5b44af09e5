/**
 * @file newton_solver.h
 * @brief Damped Newton method for a NonlinearProblem, independent of the
 * physics.
 */
#ifndef chemomech_core_newton_solver_h
#define chemomech_core_newton_solver_h

#include <chemomech/core/linear_algebra.h>
#include <chemomech/core/nonlinear_problem.h>

#include <deal.II/base/parameter_handler.h>

namespace chemomech
{
  /// How accurately the linear systems of the Newton method are solved.
  enum class ForcingTerm
  {
    /// To the linear solver's own tolerance.
    none,
    /// Eisenstat-Walker choice 2 (inexact Newton): loose while the residual
    /// is large, tightening as it converges.
    eisenstat_walker
  };

  /// Outcome of one Newton solve.
  struct NewtonResult
  {
    /// True if the scaled update fell below the tolerance.
    bool converged = false;
    /// Newton iterations performed.
    unsigned int iterations = 0;
    /// Linear (Krylov) iterations summed over all Newton iterations.
    unsigned int linear_iterations = 0;
    /// Scaled norm of the last update.
    double last_update_norm = 0;
    /// Why the iteration stopped, when it did not converge.
    std::string failure_reason;
  };

  /**
   * @brief Newton's method with a simple backtracking damping that keeps the
   * iterate admissible and the scaled residual from growing.
   *
   * Parameters live in subsection "Newton".
   */
  class NewtonSolver
  {
  public:
    /**
     * @brief Declares subsection "Newton" with the values of @p defaults as
     * the defaults (a model passes its own choices).
     */
    static void
    declare_parameters(dealii::ParameterHandler &prm,
                       const NewtonSolver       &defaults);

    /// The same with the generic defaults.
    static void
    declare_parameters(dealii::ParameterHandler &prm);

    /// Reads subsection "Newton".
    void
    parse_parameters(dealii::ParameterHandler &prm);

    /**
     * @brief Solves problem(x) = 0 starting from @p solution (locally owned
     * entries, updated in place; must satisfy the inhomogeneous constraints).
     */
    NewtonResult
    solve(NonlinearProblem &problem, LA::MPI::Vector &solution) const;

    /// Maximum number of Newton iterations before a step is rejected.
    unsigned int max_iterations = 12;
    /// Convergence tolerance on the scaled update norm (dimensionless).
    double tolerance = 1e-10;
    /// Maximum number of halvings of an update in the line search.
    unsigned int max_line_search_steps = 6;
    /// Forcing-term strategy for iterative linear solvers.
    ForcingTerm forcing_term = ForcingTerm::eisenstat_walker;
    /// Largest forcing term (used in the first iteration). Units: none.
    double max_forcing = 0.01;
    /**
     * Whether a scaled residual below the tolerance also counts as
     * converged (saves the last solve). A problem whose diagonally scaled
     * residual can hide an error (e.g. a common-mode shift of two potentials
     * coupled by a stiff reaction) turns it off: then only the update counts.
     */
    bool converge_on_residual = true;

    /**
     * @brief Also converged when the next update, predicted from quadratic
     * convergence as |du_k|^3/|du_{k-1}|^2, is below a tenth of the
     * tolerance (both full steps, |du_k| < 1e-3 and contracting): saves the
     * iteration that would only confirm convergence. The accepted iterate
     * is then within about that predicted update of the converged one.
     */
    bool predict_convergence = false;
  };
} // namespace chemomech

#endif
