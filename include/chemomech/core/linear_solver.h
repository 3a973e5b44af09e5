/**
 * @file linear_solver.h
 * @brief Linear solvers for the monolithic Newton systems: a parallel direct
 * solver (MUMPS) for small problems and preconditioned GMRES.
 */
#ifndef chemomech_core_linear_solver_h
#define chemomech_core_linear_solver_h

#include <chemomech/core/linear_algebra.h>

#include <deal.II/base/parameter_handler.h>

#include <memory>

namespace chemomech
{
  /// Which linear solver to use.
  enum class LinearSolverType
  {
    /// Parallel sparse LU (MUMPS through Amesos or PETSc).
    direct,
    /// Restarted GMRES with a preconditioner.
    gmres
  };

  /// Preconditioner for GMRES.
  enum class PreconditionerType
  {
    /// Incomplete LU (ILU(0) per process block).
    ilu,
    /// Algebraic multigrid (ML or BoomerAMG) on the whole matrix.
    amg
  };

  /**
   * @brief Solves J x = b for the Newton systems; parameters in subsection
   * "Linear solver".
   */
  class LinearSolver
  {
  public:
    /// Declares subsection "Linear solver".
    static void
    declare_parameters(dealii::ParameterHandler &prm);

    /// Reads subsection "Linear solver".
    void
    parse_parameters(dealii::ParameterHandler &prm);

    /**
     * @brief Solves @p matrix @p x = @p rhs.
     * @return Number of iterations (1 for the direct solver).
     * @throws dealii::SolverControl::NoConvergence if GMRES fails.
     */
    unsigned int
    solve(const LA::MPI::SparseMatrix &matrix,
          LA::MPI::Vector             &x,
          const LA::MPI::Vector       &rhs) const;

    /// Selected solver.
    LinearSolverType type = LinearSolverType::direct;
    /// Selected preconditioner for GMRES.
    PreconditionerType preconditioner = PreconditionerType::ilu;
    /// Relative residual reduction for GMRES. Units: none.
    double relative_tolerance = 1e-12;
    /// Maximum GMRES iterations.
    unsigned int max_iterations = 2000;
  };
} // namespace chemomech

#endif
