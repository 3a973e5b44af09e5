#include <chemomech/core/solvers/field_split.h>

#include <deal.II/base/exceptions.h>
#include <deal.II/lac/dynamic_sparsity_pattern.h>

#include <cmath>

#ifdef CHEMOMECH_USE_PETSC
#  include <petscmat.h>
#  include <petscvec.h>
#else
#  include <deal.II/lac/trilinos_sparse_matrix.h>

#  include <Epetra_CrsMatrix.h>
#endif

namespace chemomech
{
  namespace
  {
    /// Pointer to the locally owned entries of a distributed vector.
    class LocalArray
    {
    public:
      explicit LocalArray(const LA::MPI::Vector &v)
        : vec(const_cast<LA::MPI::Vector &>(v))
      {
#ifdef CHEMOMECH_USE_PETSC
        PetscScalar *p    = nullptr;
        const int    ierr = VecGetArray(static_cast<const Vec &>(vec), &p);
        AssertThrow(ierr == 0, dealii::ExcPETScError(ierr));
        data = p;
#else
        data = vec.begin();
#endif
      }

      ~LocalArray()
      {
#ifdef CHEMOMECH_USE_PETSC
        PetscScalar *p = data;
        VecRestoreArray(static_cast<const Vec &>(vec), &p);
#endif
      }

      LocalArray(const LocalArray &) = delete;
      LocalArray &
      operator=(const LocalArray &) = delete;

      double &
      operator[](const std::size_t i)
      {
        return data[i];
      }

    private:
      LA::MPI::Vector &vec;
      double          *data = nullptr;
    };
  } // namespace



  void
  FieldSplit::reinit(const dealii::IndexSet           &owned_dofs,
                     const dealii::IndexSet           &relevant_dofs,
                     const std::vector<unsigned char> &field_of_relevant,
                     const unsigned int                n_fields,
                     const MPI_Comm                    communicator)
  {
    using dealii::types::global_dof_index;
    AssertThrow(owned_dofs.is_contiguous(),
                dealii::ExcMessage("FieldSplit needs a contiguous range of "
                                   "owned degrees of freedom per rank"));
    AssertThrow(field_of_relevant.size() == relevant_dofs.n_elements(),
                dealii::ExcDimensionMismatch(field_of_relevant.size(),
                                             relevant_dofs.n_elements()));
    comm           = communicator;
    owned          = owned_dofs;
    relevant       = relevant_dofs;
    relevant_field = field_of_relevant;

    positions.assign(n_fields, {});
    const global_dof_index first = owned.n_elements() ? *owned.begin() : 0;
    for (unsigned int k = 0; k < owned.n_elements(); ++k)
      {
        const unsigned int f =
          relevant_field[relevant.index_within_set(first + k)];
        AssertThrow(f < n_fields, dealii::ExcIndexRange(f, 0, n_fields));
        positions[f].push_back(k);
      }

    // Each field's owned range: offset = number of the field's dofs owned
    // by lower ranks.
    std::vector<unsigned long long> counts(n_fields), offsets(n_fields, 0),
      totals(n_fields);
    for (unsigned int f = 0; f < n_fields; ++f)
      counts[f] = positions[f].size();
    int ierr = MPI_Exscan(counts.data(),
                          offsets.data(),
                          n_fields,
                          MPI_UNSIGNED_LONG_LONG,
                          MPI_SUM,
                          comm);
    AssertThrowMPI(ierr);
    if (dealii::Utilities::MPI::this_mpi_process(comm) == 0)
      std::fill(offsets.begin(), offsets.end(), 0ULL);
    ierr = MPI_Allreduce(counts.data(),
                         totals.data(),
                         n_fields,
                         MPI_UNSIGNED_LONG_LONG,
                         MPI_SUM,
                         comm);
    AssertThrowMPI(ierr);
    owned_parts.clear();
    for (unsigned int f = 0; f < n_fields; ++f)
      {
        dealii::IndexSet part(totals[f]);
        part.add_range(offsets[f], offsets[f] + counts[f]);
        part.compress();
        owned_parts.push_back(part);
      }

    // The field numbering of the ghosts comes from their owners.
    LA::MPI::Vector index(owned, comm);
    {
      LocalArray a(index);
      for (unsigned int f = 0; f < n_fields; ++f)
        for (unsigned int j = 0; j < positions[f].size(); ++j)
          a[positions[f][j]] = static_cast<double>(offsets[f] + j);
    }
    index.compress(dealii::VectorOperation::insert);
    LA::MPI::Vector ghosted(owned, relevant, comm);
    ghosted = index;
    relevant_index.resize(relevant.n_elements());
    unsigned int r = 0;
    for (const auto i : relevant)
      relevant_index[r++] = static_cast<global_dof_index>(ghosted[i] + 0.5);

    block_ready.assign(n_fields * n_fields, false);
    cached_column_map = nullptr;
  }



  unsigned int
  FieldSplit::field_of(const dealii::types::global_dof_index i) const
  {
    return relevant_field[relevant.index_within_set(i)];
  }



  void
  FieldSplit::extract_diagonal_block(const LA::MPI::SparseMatrix &matrix,
                                     const unsigned int           f,
                                     LA::MPI::SparseMatrix       &block,
                                     DiagonalBlockRows           *rows)
  {
    extract_block(matrix, f, f, block, rows);
  }



  void
  FieldSplit::extract_block(const LA::MPI::SparseMatrix &matrix,
                            const unsigned int           f,
                            const unsigned int           g,
                            LA::MPI::SparseMatrix       &block,
                            DiagonalBlockRows           *rows)
  {
    AssertThrow(rows == nullptr || f == g,
                dealii::ExcMessage("row summary of an off-diagonal block"));
    if (rows)
      *rows = DiagonalBlockRows();
    using dealii::types::global_dof_index;
    const global_dof_index first = owned.n_elements() ? *owned.begin() : 0;
    const global_dof_index offset =
      owned_parts[f].n_elements() ? *owned_parts[f].begin() : 0;
    std::vector<global_dof_index> cols;
    std::vector<double>           values;

#ifndef CHEMOMECH_USE_PETSC
    {
      // Field and field index of each local column, once per column map.
      const Epetra_Map &map = matrix.trilinos_matrix().ColMap();
      if (cached_column_map != &map ||
          column_field.size() != static_cast<std::size_t>(map.NumMyElements()))
        {
          column_field.resize(map.NumMyElements());
          column_index.resize(map.NumMyElements());
          for (int l = 0; l < map.NumMyElements(); ++l)
            {
              const unsigned int r = relevant.index_within_set(map.GID64(l));
              column_field[l]      = relevant_field[r];
              column_index[l]      = relevant_index[r];
            }
          cached_column_map = &map;
        }
    }
#endif

    // Calls back with the entries of field f's rows that lie in field g.
    const auto for_each_row = [&](const auto &action) {
      for (unsigned int j = 0; j < positions[f].size(); ++j)
        {
          const global_dof_index row = first + positions[f][j];
          cols.clear();
          values.clear();
#ifdef CHEMOMECH_USE_PETSC
          const auto add = [&](const global_dof_index col, const double value) {
            const unsigned int r = relevant.index_within_set(col);
            if (relevant_field[r] == g)
              {
                cols.push_back(relevant_index[r]);
                values.push_back(value);
              }
          };
          PetscInt           n = 0;
          const PetscInt    *c = nullptr;
          const PetscScalar *v = nullptr;
          const Mat         &A =
            const_cast<LA::MPI::SparseMatrix &>(matrix).petsc_matrix();
          PetscErrorCode ierr = MatGetRow(A, row, &n, &c, &v);
          AssertThrow(ierr == 0, dealii::ExcPETScError(ierr));
          for (PetscInt k = 0; k < n; ++k)
            add(c[k], v[k]);
          ierr = MatRestoreRow(A, row, &n, &c, &v);
          AssertThrow(ierr == 0, dealii::ExcPETScError(ierr));
#else
          // Epetra's local row view: deal.II's row iterators copy the row
          // on every comparison with end() and are far too slow here.
          const Epetra_CrsMatrix &A         = matrix.trilinos_matrix();
          int                     n         = 0;
          double                 *v         = nullptr;
          int                    *c         = nullptr;
          const int               local_row = A.RowMap().LID(
            static_cast<dealii::TrilinosWrappers::types::int_type>(row));
          AssertThrow(local_row >= 0, dealii::ExcInternalError());
          const int ierr = A.ExtractMyRowView(local_row, n, v, c);
          AssertThrow(ierr == 0, dealii::ExcTrilinosError(ierr));
          for (int k = 0; k < n; ++k)
            if (column_field[c[k]] == g)
              {
                cols.push_back(column_index[c[k]]);
                values.push_back(v[k]);
              }
#endif
          action(offset + j);
        }
    };

    const unsigned int pair = f * n_fields() + g;
    if (!block_ready[pair])
      {
        dealii::DynamicSparsityPattern dsp(owned_parts[f].size(),
                                           owned_parts[g].size(),
                                           owned_parts[f]);
        for_each_row([&](const global_dof_index row) {
          dsp.add_entries(row, cols.begin(), cols.end());
        });
        block.reinit(owned_parts[f], owned_parts[g], dsp, comm);
        block_ready[pair] = true;
      }
    block = 0;
    for_each_row([&](const global_dof_index row) {
      block.set(row, cols.size(), cols.data(), values.data(), false);
      if (rows)
        {
          unsigned int nonzeros = 0;
          double       diagonal = 0;
          for (std::size_t k = 0; k < cols.size(); ++k)
            if (values[k] != 0)
              {
                ++nonzeros;
                if (cols[k] == row)
                  diagonal = values[k];
              }
          if (nonzeros == 1 && diagonal != 0)
            {
              rows->decoupled.push_back(row);
              rows->decoupled_diagonals.push_back(diagonal);
            }
          else
            {
              rows->coupled_diagonal_sum += std::abs(diagonal);
              ++rows->n_coupled;
            }
        }
    });
    block.compress(dealii::VectorOperation::insert);
  }



  void
  FieldSplit::restrict_to(const LA::MPI::Vector &full,
                          const unsigned int     f,
                          LA::MPI::Vector       &part) const
  {
    LocalArray from(full);
    LocalArray to(part);
    for (unsigned int j = 0; j < positions[f].size(); ++j)
      to[j] = from[positions[f][j]];
  }



  void
  FieldSplit::set_from(const LA::MPI::Vector &part,
                       const unsigned int     f,
                       LA::MPI::Vector       &full) const
  {
    LocalArray from(part);
    LocalArray to(full);
    for (unsigned int j = 0; j < positions[f].size(); ++j)
      to[positions[f][j]] = from[j];
  }
} // namespace chemomech
