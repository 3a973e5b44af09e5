/**
 * @file linear_solver.h
 * @brief Linear solvers for the monolithic Newton systems: a parallel direct
 * solver (MUMPS) for small problems and GMRES with a block (field-split)
 * preconditioner for large ones.
 */
#ifndef chemomech_core_solvers_linear_solver_h
#define chemomech_core_solvers_linear_solver_h

#include <chemomech/core/linear_algebra.h>
#include <chemomech/core/solvers/block_preconditioner.h>
#include <chemomech/core/solvers/direct_solver.h>

#include <deal.II/base/parameter_handler.h>

#include <memory>
#include <string>

namespace chemomech
{
  /// Which linear solver to use.
  enum class LinearSolverType
  {
    /// Parallel sparse LU (MUMPS through Amesos or PETSc).
    direct,
    /// Restarted GMRES (right preconditioned) with a preconditioner.
    gmres
  };

  /// Preconditioner for GMRES.
  enum class PreconditionerType
  {
    /// Block Gauss-Seidel over the fields (BlockPreconditioner), each
    /// diagonal block with its own preconditioner.
    block,
    /// Incomplete LU (ILU(0) per process) of the whole matrix.
    ilu,
    /// Algebraic multigrid on the whole matrix.
    amg
  };

  /// Counters and timers of the linear solves, accumulated over a run.
  struct LinearSolverStatistics
  {
    /// Number of solves.
    unsigned int n_solves = 0;
    /// Sum of the iterations of all solves.
    unsigned long long n_iterations = 0;
    /// Number of times the preconditioner was built.
    unsigned int n_preconditioner_builds = 0;
    /// Wall time spent building preconditioners. Units: s.
    double preconditioner_seconds = 0;
    /// Wall time spent in the solves themselves (factorization included
    /// for the direct solver). Units: s.
    double solve_seconds = 0;
  };

  /**
   * @brief Solves J x = b for the Newton systems; parameters in subsection
   * "Linear solver".
   */
  class LinearSolver
  {
  public:
    /**
     * @brief Declares subsection "Linear solver".
     * @param default_amg_cycles Default of "AMG cycles" (the model's).
     * @param default_amg_smoother Default of "AMG smoother" (the model's):
     *   "Chebyshev", "symmetric Gauss-Seidel" or "ILU".
     * @param default_direct_package Default of "Direct solver package" (the
     *   model's): "MUMPS", "KLU" or "auto".
     */
    static void
    declare_parameters(dealii::ParameterHandler &prm,
                       const unsigned int        default_amg_cycles = 1,
                       const std::string &default_amg_smoother   = "Chebyshev",
                       const std::string &default_direct_package = "MUMPS");

    /// Reads subsection "Linear solver".
    void
    parse_parameters(dealii::ParameterHandler &prm);

    /// Whether solve() uses the block preconditioner (GMRES with
    /// PreconditionerType::block): then set_block_structure() is needed.
    bool
    uses_block_preconditioner() const;

    /**
     * @brief Declares the fields for the block preconditioner (call after
     * every change of the DoFs; forgets any preconditioner built so far).
     * Arguments as in BlockPreconditioner::reinit().
     */
    void
    set_block_structure(const dealii::IndexSet                &owned,
                        const dealii::IndexSet                &relevant,
                        const std::vector<unsigned char>      &field_of_dof,
                        const std::vector<BlockFieldSettings> &fields,
                        const std::vector<unsigned int>       &order,
                        const MPI_Comm                         comm);

    /// Forgets the preconditioner (e.g. after a rejected time step).
    void
    invalidate_preconditioner();

    /// After a new sparsity pattern (mesh, DoFs): forgets the direct
    /// solver's analysis and the preconditioner.
    void
    new_sparsity_pattern();

    /**
     * @brief Solves @p matrix @p x = @p rhs.
     * @param forcing Relative residual reduction the caller is content with
     * (inexact Newton); the iterative solvers stop at
     * max(forcing, relative_tolerance). Ignored by the direct solver.
     * @param row_weights If given, GMRES measures the residual as
     * ||W (rhs - matrix x)||_2 with W = diag(@p row_weights), so that rows
     * of fields with very different units count alike (e.g. each row
     * divided by its diagonal entry times the field's characteristic
     * size). The preconditioner is unaffected.
     * @return Number of iterations (1 for the direct solver).
     * @throws dealii::SolverControl::NoConvergence if GMRES fails even with
     * a freshly built preconditioner.
     */
    unsigned int
    solve(const LA::MPI::SparseMatrix &matrix,
          LA::MPI::Vector             &x,
          const LA::MPI::Vector       &rhs,
          const double                 forcing     = 0,
          const LA::MPI::Vector       *row_weights = nullptr);

    /// Counters and timers so far.
    const LinearSolverStatistics &
    statistics() const
    {
      return stats;
    }

    /// Memory held on this rank by the block preconditioner's copies of
    /// the diagonal blocks (0 unless it is in use). Units: bytes.
    std::size_t
    block_memory_consumption() const
    {
      return block_preconditioner.block_memory_consumption();
    }

    /// Selected solver.
    LinearSolverType type = LinearSolverType::direct;
    /// Package of the direct solver.
    DirectSolverPackage direct_package = DirectSolverPackage::mumps;
    /// Selected preconditioner for GMRES.
    PreconditionerType preconditioner = PreconditionerType::block;
    /// Block preconditioner of displacement (elasticity) fields.
    FieldPreconditionerType elasticity_preconditioner =
      FieldPreconditionerType::amg;
    /// Block preconditioner of transport (diffusion-reaction) fields.
    FieldPreconditionerType transport_preconditioner =
      FieldPreconditionerType::amg;
    /// Block preconditioner of projected fields (mass-matrix blocks).
    FieldPreconditionerType projection_preconditioner =
      FieldPreconditionerType::ilu;
    /// V-cycles per application of an AMG block preconditioner.
    unsigned int amg_cycles = 1;
    /// Smoother on the levels of every AMG block preconditioner.
    AmgSmoother amg_smoother = AmgSmoother::chebyshev;
    /// Whether the block preconditioner is kept across solves.
    bool reuse_preconditioner = true;
    /// Smallest relative residual reduction asked of GMRES. Units: none.
    double relative_tolerance = 1e-12;
    /// Maximum GMRES iterations.
    unsigned int max_iterations = 1000;
    /// GMRES restart length (Krylov vectors kept).
    unsigned int restart = 50;

  private:
    unsigned int
    solve_direct(const LA::MPI::SparseMatrix &matrix,
                 LA::MPI::Vector             &x,
                 const LA::MPI::Vector       &rhs);

    unsigned int
    solve_gmres_block(const LA::MPI::SparseMatrix &matrix,
                      LA::MPI::Vector             &x,
                      const LA::MPI::Vector       &rhs,
                      const double                 tolerance,
                      const LA::MPI::Vector       *row_weights);

    unsigned int
    solve_gmres_global(const LA::MPI::SparseMatrix &matrix,
                       LA::MPI::Vector             &x,
                       const LA::MPI::Vector       &rhs,
                       const double                 tolerance);

    BlockPreconditioner block_preconditioner;
    /// The direct solver; keeps its symbolic factorization across solves.
    DirectSolver           direct_solver;
    LinearSolverStatistics stats;
    /// Iterations per decade of residual reduction of the first solve after
    /// the last build.
    double rate_after_build = 0;
    /// Whether the next solve must rebuild the preconditioner.
    bool rebuild = true;
  };
} // namespace chemomech

#endif
