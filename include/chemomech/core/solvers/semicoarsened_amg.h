/**
 * @file semicoarsened_amg.h
 * @brief Two-level method with a given first coarsening (typically across
 * the thickness of a slab, layer_interpolation.h) and algebraic multigrid
 * below it, for a scalar diagonal block of the block preconditioner.
 */
#ifndef chemomech_core_solvers_semicoarsened_amg_h
#define chemomech_core_solvers_semicoarsened_amg_h

#include <chemomech/core/linear_algebra.h>
#include <chemomech/core/solvers/field_preconditioner.h>
#include <chemomech/core/solvers/layer_interpolation.h>

#include <deal.II/base/index_set.h>
#include <deal.II/base/mpi.h>

#include <memory>

namespace chemomech
{
  /**
   * @brief Multigrid whose first coarsening is given by a prolongator P and
   * whose coarser levels are algebraic multigrid (FieldPreconditioner, type
   * amg) on the Galerkin operator A_c = P^T A P.
   *
   * One application, @p cycles times: two smoother steps on A, the coarse
   * correction x += P B_c^{-1} P^T (b - A x) with one AMG V-cycle as B_c^{-1},
   * two smoother steps on A (as ML's default of two sweeps before and after).
   * Smoother: ILU(1) per rank (IFPACK with Trilinos, block Jacobi ILU(1)
   * with PETSc) for AmgSmoother::ilu, otherwise symmetric SOR per rank
   * (Gauss-Seidel within a rank, Jacobi between ranks). The coarse AMG uses
   * the same level smoother.
   */
  class SemicoarsenedAmg
  {
  public:
    SemicoarsenedAmg();
    ~SemicoarsenedAmg();
    SemicoarsenedAmg(const SemicoarsenedAmg &) = delete;
    SemicoarsenedAmg &
    operator=(const SemicoarsenedAmg &) = delete;

    /**
     * @brief Builds P from an interpolation.
     * @param rows The owned rows (A's numbering; one contiguous range per
     *   rank).
     * @param interpolation For each owned row, in increasing index, the
     *   (index, weight) pairs it interpolates from, indices in A's
     *   numbering (owned or not). Rows that interpolate only themselves
     *   with weight 1 form the coarse space; every other row must
     *   interpolate from coarse rows only.
     * @param prolongator P: rows as @p rows, columns the coarse space,
     *   numbered 0, 1, ... in the order of A's numbering (ranks in order).
     * @throws dealii::ExcMessage if a row interpolates from a fine row.
     */
    static void
    make_prolongator(const dealii::IndexSet  &rows,
                     const InterpolationRows &interpolation,
                     const MPI_Comm           comm,
                     LA::MPI::SparseMatrix   &prolongator);

    /**
     * @param matrix The fine operator A (must stay alive and unchanged).
     * @param prolongator P (must stay alive and unchanged).
     * @param smoother Fine-level smoother and that of the coarse AMG.
     * @param cycles Cycles per application.
     */
    void
    initialize(const LA::MPI::SparseMatrix &matrix,
               const LA::MPI::SparseMatrix &prolongator,
               const AmgSmoother            smoother,
               const unsigned int           cycles);

    /// @p dst = B^{-1} @p src.
    void
    vmult(LA::MPI::Vector &dst, const LA::MPI::Vector &src) const;

    /// The Galerkin coarse operator P^T A P (after initialize()).
    const LA::MPI::SparseMatrix &
    coarse_matrix() const;

  private:
    struct Implementation;
    std::unique_ptr<Implementation> impl;
  };
} // namespace chemomech

#endif
