/**
 * @file direct_solver.h
 * @brief A sparse direct solver (LU) that keeps its analysis: the ordering
 * and symbolic factorization are computed once per sparsity pattern, the
 * numeric factorization once per matrix, so Newton iterations and time
 * steps on a fixed mesh pay only for the numeric part.
 */
#ifndef chemomech_core_solvers_direct_solver_h
#define chemomech_core_solvers_direct_solver_h

#include <chemomech/core/linear_algebra.h>

#include <memory>

#ifndef CHEMOMECH_USE_PETSC
class Amesos_BaseSolver;
class Epetra_LinearProblem;
class Epetra_CrsMatrix;
#endif

namespace chemomech
{
  /// The factorization package of the direct solver.
  enum class DirectSolverPackage
  {
    /// KLU up to #DirectSolver::klu_limit unknowns, MUMPS above.
    automatic,
    /// MUMPS: parallel multifrontal LU, for large systems.
    mumps,
    /**
     * KLU (Trilinos/Amesos): serial sparse LU on rank 0, the matrix
     * gathered there. Far less overhead per factorization than MUMPS for
     * small systems (a few thousand unknowns, e.g. electrode cells meshed
     * through the thickness only). With PETSc, MUMPS is used.
     */
    klu
  };

  /**
   * @brief Solves A x = b by sparse LU, reusing the symbolic factorization
   * while the sparsity pattern of A stays the same.
   *
   * The pattern counts as the same while the matrix object, its number of
   * rows and its number of stored entries are unchanged; reset() forgets
   * the analysis (call it after a new mesh or sparsity pattern).
   */
  class DirectSolver
  {
  public:
    DirectSolver();
    ~DirectSolver();

    /// Which package factorizes (takes effect at the next analysis).
    void
    set_package(const DirectSolverPackage package);

    /// Solves @p matrix @p x = @p rhs (numeric factorization of @p matrix).
    void
    solve(const LA::MPI::SparseMatrix &matrix,
          LA::MPI::Vector             &x,
          const LA::MPI::Vector       &rhs);

    /// Forgets the symbolic factorization.
    void
    reset();

    /// Symbolic factorizations (analyses) done so far.
    unsigned int
    n_analyses() const
    {
      return analyses;
    }

    /// Largest number of unknowns that 'automatic' factorizes with KLU.
    static constexpr long long klu_limit = 20000;

  private:
    DirectSolverPackage package  = DirectSolverPackage::automatic;
    unsigned int        analyses = 0;

#ifndef CHEMOMECH_USE_PETSC
    /// Whether the analysis in #solver is valid for @p matrix.
    bool
    analysed_for(const Epetra_CrsMatrix &matrix) const;

    std::unique_ptr<Epetra_LinearProblem> problem;
    std::unique_ptr<Amesos_BaseSolver>    solver;
    const Epetra_CrsMatrix               *analysed_matrix = nullptr;
    long long                             analysed_rows   = -1;
    long long                             analysed_nnz    = -1;
#endif
  };
} // namespace chemomech

#endif
