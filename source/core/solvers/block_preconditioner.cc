#include <chemomech/core/solvers/block_preconditioner.h>

#include <deal.II/base/exceptions.h>
#include <deal.II/base/mpi.h>

#include <cmath>

namespace chemomech
{
  void
  BlockPreconditioner::reinit(
    const dealii::IndexSet                &owned,
    const dealii::IndexSet                &relevant,
    const std::vector<unsigned char>      &field_of_relevant,
    const std::vector<BlockFieldSettings> &fields,
    const std::vector<unsigned int>       &field_order,
    const MPI_Comm                         communicator)
  {
    AssertThrow(field_order.size() == fields.size(),
                dealii::ExcDimensionMismatch(field_order.size(),
                                             fields.size()));
    comm     = communicator;
    settings = fields;
    order    = field_order;
    split.reinit(owned, relevant, field_of_relevant, fields.size(), comm);
    for (unsigned int f = 0; f < fields.size(); ++f)
      AssertThrow(
        fields[f].block_size == 1 ||
          fields[f].coordinates.size() == split.owned_part(f).n_elements(),
        dealii::ExcDimensionMismatch(fields[f].coordinates.size(),
                                     split.owned_part(f).n_elements()));
    blocks = std::vector<LA::MPI::SparseMatrix>(fields.size());
    couplings =
      std::vector<LA::MPI::SparseMatrix>(fields.size() * fields.size());
    coupling_used.assign(fields.size() * fields.size(), false);
    scales.assign(fields.size(), 1.0);
    decoupled_rows.assign(fields.size(), {});
    decoupled_diagonals.assign(fields.size(), {});
    preconditioners.clear();
    for (unsigned int f = 0; f < fields.size(); ++f)
      preconditioners.push_back(std::make_unique<FieldPreconditioner>());
    prolongators = std::vector<LA::MPI::SparseMatrix>(fields.size());
    semicoarsened.clear();
    semicoarsened.resize(fields.size());
    // A rank without rows of a field has an empty interpolation too:
    // decide together.
    for (unsigned int f = 0; f < fields.size(); ++f)
      if (dealii::Utilities::MPI::max(static_cast<unsigned int>(
                                        !fields[f].interpolation.empty()),
                                      comm) > 0)
        build_prolongator(f);
    part_rhs.resize(fields.size());
    part_solution.resize(fields.size());
    part_tmp.resize(fields.size());
    for (unsigned int f = 0; f < fields.size(); ++f)
      {
        part_rhs[f].reinit(split.owned_part(f), comm);
        part_solution[f].reinit(split.owned_part(f), comm);
        part_tmp[f].reinit(split.owned_part(f), comm);
      }
    initialized = false;
  }



  void
  BlockPreconditioner::clear()
  {
    for (auto &p : preconditioners)
      p->clear();
    initialized = false;
  }



  void
  BlockPreconditioner::initialize(const LA::MPI::SparseMatrix &m)
  {
    AssertThrow(has_structure(),
                dealii::ExcMessage("BlockPreconditioner: reinit() first"));
    const unsigned int n = settings.size();
    for (unsigned int s = 1; s < order.size(); ++s)
      for (unsigned int t = 0; t < s; ++t)
        {
          const unsigned int pair = order[s] * n + order[t];
          split.extract_block(m, order[s], order[t], couplings[pair]);
          coupling_used[pair] = couplings[pair].n_nonzero_elements() > 0;
        }
    for (unsigned int f = 0; f < settings.size(); ++f)
      {
        preconditioners[f]->clear();
        FieldSplit::DiagonalBlockRows rows;
        split.extract_diagonal_block(m, f, blocks[f], &rows);
        // Scale the block to a unit mean diagonal over its coupled rows: in
        // SI units the blocks of a particle problem have entries of
        // 1e-30..1e4, and multigrid packages use absolute thresholds
        // internally. Rows whose only entry is the diagonal (constrained
        // DoFs, which deal.II gives a diagonal of the size of the whole
        // cell matrix's, possibly another field's and 10^6 times larger)
        // are solved exactly by vmult() and get a unit diagonal here: left
        // as they are, they dominated the mean and ML lost the solid
        // potential block of the electrode model (a one-level "AMG", i.e.
        // a KLU factorization, left a residual of 1e-2).
        {
          const double sum =
            dealii::Utilities::MPI::sum(rows.coupled_diagonal_sum, comm);
          const double n =
            dealii::Utilities::MPI::sum(static_cast<double>(rows.n_coupled),
                                        comm);
          scales[f] = (sum > 0) ? n / sum : 1.0;
          blocks[f] *= scales[f];
          for (const auto i : rows.decoupled)
            blocks[f].set(i, i, 1.0);
          blocks[f].compress(dealii::VectorOperation::insert);
          decoupled_rows[f]      = std::move(rows.decoupled);
          decoupled_diagonals[f] = std::move(rows.decoupled_diagonals);
        }
        if (semicoarsened[f])
          {
            semicoarsened[f]->initialize(blocks[f],
                                         prolongators[f],
                                         settings[f].smoother,
                                         settings[f].amg_cycles);
            continue;
          }
        preconditioners[f]->initialize(blocks[f],
                                       settings[f].type,
                                       settings[f].block_size,
                                       settings[f].coordinates,
                                       settings[f].elliptic,
                                       settings[f].smoother,
                                       settings[f].amg_cycles);
      }
    initialized = true;
  }



  void
  BlockPreconditioner::vmult(LA::MPI::Vector       &dst,
                             const LA::MPI::Vector &src) const
  {
    Assert(initialized, dealii::ExcNotInitialized());
    dst                  = 0;
    const unsigned int n = settings.size();
    for (unsigned int s = 0; s < order.size(); ++s)
      {
        const unsigned int f = order[s];
        // (src - J dst)_f = src_f - sum over the fields g done so far of
        // J_fg dst_g
        split.restrict_to(src, f, part_rhs[f]);
        for (unsigned int t = 0; t < s; ++t)
          {
            const unsigned int g    = order[t];
            const unsigned int pair = f * n + g;
            if (!coupling_used[pair])
              continue;
            couplings[pair].vmult(part_tmp[f], part_solution[g]);
            part_rhs[f] -= part_tmp[f];
          }
        if (semicoarsened[f])
          semicoarsened[f]->vmult(part_solution[f], part_rhs[f]);
        else
          preconditioners[f]->vmult(part_solution[f], part_rhs[f]);
        part_solution[f] *= scales[f];
        for (std::size_t k = 0; k < decoupled_rows[f].size(); ++k)
          part_solution[f][decoupled_rows[f][k]] =
            part_rhs[f][decoupled_rows[f][k]] / decoupled_diagonals[f][k];
        // collective, also on ranks without decoupled rows
        part_solution[f].compress(dealii::VectorOperation::insert);
        split.set_from(part_solution[f], f, dst);
      }
  }


  void
  BlockPreconditioner::build_prolongator(const unsigned int f)
  {
    const auto &interpolation = settings[f].interpolation;
    AssertThrow(interpolation.size() == split.owned_part(f).n_elements(),
                dealii::ExcDimensionMismatch(interpolation.size(),
                                             split.owned_part(f).n_elements()));
    AssertThrow(settings[f].block_size == 1 &&
                  settings[f].type == FieldPreconditionerType::amg,
                dealii::ExcMessage("Field '" + settings[f].name +
                                   "': an interpolation (semi-coarsened "
                                   "first level) needs a scalar AMG block"));
    // The interpolation in the field's own numbering.
    InterpolationRows rows(interpolation.size());
    for (std::size_t j = 0; j < interpolation.size(); ++j)
      for (const auto &[g, w] : interpolation[j])
        rows[j].emplace_back(split.field_index(g), w);
    SemicoarsenedAmg::make_prolongator(split.owned_part(f),
                                       rows,
                                       comm,
                                       prolongators[f]);
    semicoarsened[f] = std::make_unique<SemicoarsenedAmg>();
  }



  std::size_t
  BlockPreconditioner::block_memory_consumption() const
  {
    std::size_t bytes = 0;
    for (const auto &b : blocks)
      if (b.m() > 0)
        bytes += b.memory_consumption();
    for (unsigned int k = 0; k < couplings.size(); ++k)
      if (coupling_used[k])
        bytes += couplings[k].memory_consumption();
    return bytes;
  }
} // namespace chemomech
