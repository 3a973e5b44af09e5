/**
 * @file block_preconditioner.h
 * @brief Block lower-triangular (multiplicative field-split) preconditioner
 * for a monolithic Jacobian.
 *
 * The fields are visited in a given order; for each, the current residual
 * of the whole system is restricted to the field and approximately solved
 * with that field's diagonal block:
 *
 *   x = 0;  for f in order:  x_f = P_f^{-1} (b - J x)_f,
 *
 * which is one block Gauss-Seidel sweep, i.e. the inverse of the block
 * lower triangle of J (in the given order) with each diagonal block
 * replaced by its preconditioner P_f. Couplings to fields later in the order
 * are neglected. The residual update uses the coupling blocks J_fg (g
 * before f in the order), copied out of J together with the diagonal blocks
 * when the preconditioner is built, in the fields' own numberings:
 * (b - J x)_f = b_f - sum_g J_fg x_g. This costs a small fraction of a
 * product with the whole monolithic matrix (for a Q2 displacement field,
 * whose u-u entries dominate J, the couplings are ~15 % of J). Blocks that
 * are structurally zero are dropped. Between builds the coupling blocks are
 * those of the matrix at the last build, like the diagonal blocks.
 *
 * Each diagonal block is scaled to a unit mean diagonal over its coupled
 * rows before its preconditioner is built. Rows whose only entry is the
 * diagonal (constrained DoFs) are solved exactly, x_i = r_i / J_ii, and the
 * block preconditioner sees a unit diagonal there: deal.II gives such rows
 * a diagonal of the size of the whole cell matrix's, which can be another
 * field's and many orders of magnitude off (tests/unit/block_preconditioner).
 */
#ifndef chemomech_core_solvers_block_preconditioner_h
#define chemomech_core_solvers_block_preconditioner_h

#include <chemomech/core/linear_algebra.h>
#include <chemomech/core/solvers/field_preconditioner.h>
#include <chemomech/core/solvers/field_split.h>
#include <chemomech/core/solvers/semicoarsened_amg.h>

#include <memory>
#include <string>
#include <vector>

namespace chemomech
{
  /// How one field is preconditioned inside a BlockPreconditioner.
  struct BlockFieldSettings
  {
    /// Name for messages, e.g. "displacement".
    std::string name;
    /// Preconditioner of the field's diagonal block.
    FieldPreconditionerType type = FieldPreconditionerType::amg;
    /// Interleaved components per node (dim for displacement, else 1).
    unsigned int block_size = 1;
    /// For block_size > 1: row j's coordinate j % block_size of its
    /// support point (rows owned by this rank). Units: m.
    std::vector<double> coordinates;
    /// Whether the block is close to symmetric positive definite.
    bool elliptic = true;
    /// Smoother of the AMG levels (type amg).
    AmgSmoother smoother = AmgSmoother::chebyshev;
    /// V-cycles per application (type amg).
    unsigned int amg_cycles = 1;
    /**
     * Optional first coarsening of the AMG (type amg, block_size 1; see
     * layer_interpolation() and SemicoarsenedAmg): for each owned row of
     * the field, in increasing global index, the (global index, weight)
     * pairs it interpolates from; rows that interpolate only themselves
     * with weight 1 form the coarse space. Global indices are those of the
     * monolithic system (relevant DoFs of the same field). Empty: plain
     * AMG.
     */
    InterpolationRows interpolation;
  };

  /**
   * @brief Block Gauss-Seidel preconditioner over the fields of a
   * monolithic system.
   */
  class BlockPreconditioner
  {
  public:
    /**
     * @brief Sets the block structure (after the DoFs change).
     * @param field_of_relevant Field of each locally relevant DoF, in the
     * order of @p relevant.
     * @param fields Settings, indexed by field number.
     * @param order The order in which the fields are visited.
     */
    void
    reinit(const dealii::IndexSet                &owned,
           const dealii::IndexSet                &relevant,
           const std::vector<unsigned char>      &field_of_relevant,
           const std::vector<BlockFieldSettings> &fields,
           const std::vector<unsigned int>       &order,
           const MPI_Comm                         comm);

    /// Whether reinit() has been called.
    bool
    has_structure() const
    {
      return !settings.empty();
    }

    /**
     * @brief Extracts the diagonal and the coupling blocks of @p matrix and
     * builds the preconditioners of the diagonal blocks.
     */
    void
    initialize(const LA::MPI::SparseMatrix &matrix);

    /// Whether initialize() has been called since the last clear().
    bool
    is_initialized() const
    {
      return initialized;
    }

    /// Frees the block preconditioners (keeps the structure).
    void
    clear();

    /// @p dst = P^{-1} @p src.
    void
    vmult(LA::MPI::Vector &dst, const LA::MPI::Vector &src) const;

    /**
     * @brief Memory held on this rank by the copies of the diagonal and
     * coupling blocks (values, column indices and row structure, as the
     * linear algebra package reports them). The multigrid hierarchies are not
     * included: neither ML nor PETSc reports them. Units: bytes.
     */
    std::size_t
    block_memory_consumption() const;

  private:
    /// Builds the prolongator of field @p f from its interpolation.
    void
    build_prolongator(const unsigned int f);

    MPI_Comm                           comm = MPI_COMM_NULL;
    FieldSplit                         split;
    std::vector<BlockFieldSettings>    settings;
    std::vector<unsigned int>          order;
    std::vector<LA::MPI::SparseMatrix> blocks;
    /// Coupling blocks J_fg at f * n_fields + g (only for g before f in the
    /// order), and whether each is used (not structurally zero).
    std::vector<LA::MPI::SparseMatrix>                couplings;
    std::vector<bool>                                 coupling_used;
    std::vector<std::unique_ptr<FieldPreconditioner>> preconditioners;
    /// Prolongators of the fields with an interpolation (else empty) and
    /// their multigrid.
    std::vector<LA::MPI::SparseMatrix>             prolongators;
    std::vector<std::unique_ptr<SemicoarsenedAmg>> semicoarsened;
    /// Factor each diagonal block is multiplied by (unit mean diagonal of
    /// its coupled rows).
    std::vector<double> scales;
    /// Rows of each diagonal block with no entry besides the diagonal (field
    /// numbering, owned) and those diagonals: solved exactly.
    std::vector<std::vector<dealii::types::global_dof_index>> decoupled_rows;
    std::vector<std::vector<double>>     decoupled_diagonals;
    bool                                 initialized = false;
    mutable std::vector<LA::MPI::Vector> part_rhs, part_solution, part_tmp;
  };
} // namespace chemomech

#endif
