/**
 * @file field_split.h
 * @brief The fields of a monolithic system as separate index spaces: the
 * map between the global degrees of freedom and each field's own numbering,
 * extraction of a field's diagonal block from the monolithic matrix, and
 * restriction and prolongation of vectors.
 *
 * The monolithic DoF numbering is left as deal.II makes it (interleaved
 * components per node, contiguous per MPI rank). Each field gets its own
 * numbering in which the field's degrees of freedom owned by a rank form one
 * contiguous range, in the order of the monolithic numbering, so that the
 * components of a vector field stay interleaved per node (which is what
 * algebraic multigrid for elasticity expects). Nothing here knows about the
 * physics; a problem only says which field each degree of freedom belongs to.
 */
#ifndef chemomech_core_solvers_field_split_h
#define chemomech_core_solvers_field_split_h

#include <chemomech/core/linear_algebra.h>

#include <deal.II/base/index_set.h>
#include <deal.II/base/mpi.h>

#include <memory>
#include <vector>

namespace chemomech
{
  /**
   * @brief Index maps between a monolithic system and its fields.
   */
  class FieldSplit
  {
  public:
    /**
     * @brief Builds the maps.
     * @param owned Locally owned degrees of freedom (one contiguous range).
     * @param relevant Locally relevant degrees of freedom (owned + ghosts);
     * every column of an owned matrix row must be in it.
     * @param field_of_relevant Field number of each relevant degree of
     * freedom, in the order of @p relevant (index_within_set).
     * @param n_fields Number of fields.
     */
    void
    reinit(const dealii::IndexSet           &owned,
           const dealii::IndexSet           &relevant,
           const std::vector<unsigned char> &field_of_relevant,
           const unsigned int                n_fields,
           const MPI_Comm                    comm);

    /// Number of fields.
    unsigned int
    n_fields() const
    {
      return owned_parts.size();
    }

    /// The owned indices of field @p f in the field's own numbering.
    const dealii::IndexSet &
    owned_part(const unsigned int f) const
    {
      return owned_parts[f];
    }

    /// Field of the global degree of freedom @p i (must be relevant).
    unsigned int
    field_of(const dealii::types::global_dof_index i) const;

    /// What extract_diagonal_block() reports about the rows it copied.
    struct DiagonalBlockRows
    {
      /// Rows (field numbering, owned) whose only nonzero entry in the
      /// block is the diagonal: typically constrained DoFs.
      std::vector<dealii::types::global_dof_index> decoupled;
      /// Their diagonal entries.
      std::vector<double> decoupled_diagonals;
      /// Sum of |diagonal| over the other (coupled) owned rows.
      double coupled_diagonal_sum = 0;
      /// Number of coupled owned rows.
      dealii::types::global_dof_index n_coupled = 0;
    };

    /**
     * @brief Copies the diagonal block (@p f, @p f) of @p matrix into
     * @p block, in field @p f's numbering. The first call (and any call
     * after reinit()) creates @p block's sparsity pattern; later calls only
     * copy values. If @p rows is given, it receives the decoupled rows and
     * the diagonal sum of the coupled ones (this rank's rows).
     */
    void
    extract_diagonal_block(const LA::MPI::SparseMatrix &matrix,
                           const unsigned int           f,
                           LA::MPI::SparseMatrix       &block,
                           DiagonalBlockRows           *rows = nullptr);

    /**
     * @brief Copies the block (@p row_field, @p column_field) of @p matrix
     * into @p block: rows in @p row_field's numbering and partitioning,
     * columns (the domain) in @p column_field's. The first call for a pair
     * (and any call after reinit()) creates @p block's sparsity pattern;
     * later calls only copy values. @p rows: as in extract_diagonal_block()
     * (for a diagonal block only).
     */
    void
    extract_block(const LA::MPI::SparseMatrix &matrix,
                  const unsigned int           row_field,
                  const unsigned int           column_field,
                  LA::MPI::SparseMatrix       &block,
                  DiagonalBlockRows           *rows = nullptr);

    /// @p part = the entries of @p full that belong to field @p f.
    void
    restrict_to(const LA::MPI::Vector &full,
                const unsigned int     f,
                LA::MPI::Vector       &part) const;

    /// The entries of field @p f in @p full = @p part; the others are
    /// unchanged.
    void
    set_from(const LA::MPI::Vector &part,
             const unsigned int     f,
             LA::MPI::Vector       &full) const;

    /// Local positions (within the owned range) of field @p f's owned
    /// degrees of freedom, in the field's numbering order.
    const std::vector<unsigned int> &
    owned_positions(const unsigned int f) const
    {
      return positions[f];
    }

    /// Index of the relevant degree of freedom @p i in its field's
    /// numbering.
    dealii::types::global_dof_index
    field_index(const dealii::types::global_dof_index i) const
    {
      return relevant_index[relevant.index_within_set(i)];
    }

  private:
    MPI_Comm                               comm = MPI_COMM_NULL;
    dealii::IndexSet                       owned;
    dealii::IndexSet                       relevant;
    std::vector<dealii::IndexSet>          owned_parts;
    std::vector<std::vector<unsigned int>> positions;
    /// For each relevant dof: its field.
    std::vector<unsigned char> relevant_field;
    /// For each relevant dof: its index in its field's numbering.
    std::vector<dealii::types::global_dof_index> relevant_index;
    /// Whether the sparsity of block (r, c) has been set up, at
    /// r * n_fields() + c.
    std::vector<bool> block_ready;
    /// Trilinos: field and field index of every local column of the
    /// matrix last extracted from (its column map, identified by address
    /// and size), so that extraction needs no index-set search per entry.
    const void                                  *cached_column_map = nullptr;
    std::vector<unsigned char>                   column_field;
    std::vector<dealii::types::global_dof_index> column_index;
  };
} // namespace chemomech

#endif
