/**
 * @file nonlinear_problem.h
 * @brief The interface through which the Newton solver sees a physics module.
 *
 * The Newton solver (NewtonSolver) knows nothing of the physics: it asks the
 * problem to assemble the residual F(x) and the Jacobian J(x), to solve
 * J dx = -F, and to measure an update in the problem's own scaled,
 * dimensionless norm.
 */
#ifndef chemomech_core_nonlinear_problem_h
#define chemomech_core_nonlinear_problem_h

#include <chemomech/core/linear_algebra.h>

namespace chemomech
{
  /**
   * @brief A discrete nonlinear system F(x) = 0 with a consistent Jacobian.
   */
  class NonlinearProblem
  {
  public:
    virtual ~NonlinearProblem() = default;

    /**
     * @brief Assembles the residual F at @p evaluation_point (locally owned
     * entries; the problem imports ghosts itself) and, if
     * @p with_jacobian, the Jacobian dF/dx.
     */
    virtual void
    assemble(const LA::MPI::Vector &evaluation_point,
             const bool             with_jacobian) = 0;

    /**
     * @brief Solves J @p update = -F with the last assembled J and F.
     * @param forcing Relative linear residual ||J update + F|| / ||F|| the
     * Newton method is content with (inexact Newton); iterative solvers may
     * stop there, direct solvers ignore it.
     * @return Number of linear (Krylov) iterations, 1 for a direct solver.
     */
    virtual unsigned int
    solve_linearized(LA::MPI::Vector &update, const double forcing) = 0;

    /**
     * @brief Dimensionless size of a Newton update (each field divided by
     * its characteristic scale, maximum norm). The Newton iteration
     * has converged when this falls below its tolerance.
     */
    virtual double
    update_norm(const LA::MPI::Vector &update) const = 0;

    /**
     * @brief Dimensionless size of the last assembled residual (each field's
     * rows divided by their characteristic scale), used for line search.
     */
    virtual double
    residual_norm() const = 0;

    /**
     * @brief Whether @p state is in the domain of definition of the
     * constitutive laws (e.g. 0 < c < c_max for a lattice gas). Newton damps
     * an update that would leave it.
     */
    virtual bool
    is_admissible(const LA::MPI::Vector &state) const
    {
      (void)state;
      return true;
    }
  };
} // namespace chemomech

#endif
