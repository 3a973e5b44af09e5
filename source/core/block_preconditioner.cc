#include <chemomech/core/block_preconditioner.h>

#include <deal.II/base/exceptions.h>

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
    preconditioners.clear();
    for (unsigned int f = 0; f < fields.size(); ++f)
      preconditioners.push_back(std::make_unique<FieldPreconditioner>());
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
        split.extract_diagonal_block(m, f, blocks[f]);
        // Scale the block to a unit mean diagonal: in SI units the blocks
        // of a particle problem have entries of 1e-30..1e4, and multigrid
        // packages use absolute thresholds internally.
        {
          double       sum = 0;
          const double n   = static_cast<double>(split.owned_part(f).size());
          for (const auto i : split.owned_part(f))
            sum += std::abs(blocks[f].diag_element(i));
          sum       = dealii::Utilities::MPI::sum(sum, comm);
          scales[f] = (sum > 0) ? n / sum : 1.0;
          blocks[f] *= scales[f];
        }
        preconditioners[f]->initialize(blocks[f],
                                       settings[f].type,
                                       settings[f].block_size,
                                       settings[f].coordinates,
                                       settings[f].elliptic,
                                       settings[f].smoother);
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
        part_rhs[f] *= scales[f];
        preconditioners[f]->vmult(part_solution[f], part_rhs[f]);
        split.set_from(part_solution[f], f, dst);
      }
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
