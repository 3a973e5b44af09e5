/**
 * @file field_preconditioner.h
 * @brief A preconditioner for one diagonal block (one field) of a
 * monolithic system: algebraic multigrid (with the rigid-body modes as
 * near-null space for displacement fields), incomplete LU or Jacobi, in
 * either linear algebra backend.
 */
#ifndef chemomech_core_solvers_field_preconditioner_h
#define chemomech_core_solvers_field_preconditioner_h

#include <chemomech/core/linear_algebra.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace chemomech
{
  /// Kind of preconditioner for one field's block.
  enum class FieldPreconditionerType
  {
    /// One V-cycle of algebraic multigrid (ML / smoothed aggregation with
    /// Trilinos; BoomerAMG, or GAMG for elasticity, with PETSc).
    amg,
    /// Incomplete LU, ILU(0), per process.
    ilu,
    /// Point Jacobi.
    jacobi,
    /// Exact solve of the block by sparse LU (KLU with Trilinos, the block
    /// gathered on one rank; MUMPS with PETSc): for small blocks and for
    /// separating the quality of the block splitting from that of the
    /// block preconditioners.
    direct
  };

  /// Smoother on the levels of an algebraic multigrid hierarchy.
  enum class AmgSmoother
  {
    /// Chebyshev polynomial of degree 2 in Jacobi-scaled A (ML's default
    /// for SPD operators; with PETSc: GAMG's default).
    chebyshev,
    /// Two symmetric Gauss-Seidel sweeps, Gauss-Seidel within each rank and
    /// Jacobi between ranks (with PETSc: SOR in GAMG; BoomerAMG always uses
    /// its hybrid symmetric Gauss-Seidel). Much better than Chebyshev on the
    /// blocks of the porous-electrode model (doc/electrode-model.md
    /// section 12).
    symmetric_gauss_seidel,
    /// Incomplete LU factorization with one level of fill, ILU(1), per rank,
    /// before and after the coarse correction (IFPACK's ILU in ML; with
    /// PETSc: block Jacobi ILU(1) in GAMG, Euclid's ILU(1) in BoomerAMG).
    /// Robust on the flat cells of electrode slabs, on which point
    /// smoothers lose the weak in-plane direction (doc/electrode-model.md
    /// section 12); the factors take more memory than the level matrices.
    ilu
  };

  /// Parses "Chebyshev", "symmetric Gauss-Seidel" or "ILU".
  AmgSmoother
  parse_amg_smoother(const std::string &name);

  /// Parses "amg", "ilu", "jacobi" or "direct".
  FieldPreconditionerType
  parse_field_preconditioner_type(const std::string &name);

  /**
   * @brief Approximate inverse of one field's diagonal block.
   */
  class FieldPreconditioner
  {
  public:
    FieldPreconditioner();
    ~FieldPreconditioner();
    FieldPreconditioner(const FieldPreconditioner &) = delete;
    FieldPreconditioner &
    operator=(const FieldPreconditioner &) = delete;

    /**
     * @brief Builds the preconditioner for @p block, which must stay alive
     * and unchanged while the preconditioner is used.
     * @param block_size Number of interleaved components per node (dim for
     * a displacement field, 1 for a scalar field).
     * @param coordinates For a displacement field (block_size > 1): row j's
     * coordinate j % block_size of its node; AMG then uses the rigid-body
     * modes as near-null space. Empty for scalar fields.
     * @param elliptic Whether the block is (close to) symmetric positive
     * definite; chooses ML's aggregation defaults.
     * @param smoother Smoother of the AMG levels (type amg only).
     * @param cycles V-cycles per application (type amg only).
     */
    void
    initialize(const LA::MPI::SparseMatrix  &block,
               const FieldPreconditionerType type,
               const unsigned int            block_size,
               const std::vector<double>    &coordinates,
               const bool                    elliptic,
               const AmgSmoother             smoother = AmgSmoother::chebyshev,
               const unsigned int            cycles   = 1);

    /// @p dst = P^{-1} @p src.
    void
    vmult(LA::MPI::Vector &dst, const LA::MPI::Vector &src) const;

    /// Frees the preconditioner.
    void
    clear();

  private:
    /**
     * The backend's part of initialize() (PETSc or Trilinos, whichever the
     * build uses), with the same arguments.
     */
    void
    initialize_backend(const LA::MPI::SparseMatrix  &block,
                       const FieldPreconditionerType type,
                       const unsigned int            block_size,
                       const std::vector<double>    &coordinates,
                       const bool                    elliptic,
                       const AmgSmoother             smoother,
                       const unsigned int            cycles);

    struct Implementation;
    std::unique_ptr<Implementation> impl;
  };
} // namespace chemomech

#endif
