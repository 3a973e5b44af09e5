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
    scales.assign(fields.size(), 1.0);
    preconditioners.clear();
    for (unsigned int f = 0; f < fields.size(); ++f)
      preconditioners.push_back(std::make_unique<FieldPreconditioner>());
    part_rhs.resize(fields.size());
    part_solution.resize(fields.size());
    for (unsigned int f = 0; f < fields.size(); ++f)
      {
        part_rhs[f].reinit(split.owned_part(f), comm);
        part_solution[f].reinit(split.owned_part(f), comm);
      }
    residual.reinit(owned, comm);
    matrix      = nullptr;
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
    matrix = &m;
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
                                       settings[f].elliptic);
      }
    initialized = true;
  }



  void
  BlockPreconditioner::vmult(LA::MPI::Vector       &dst,
                             const LA::MPI::Vector &src) const
  {
    Assert(initialized, dealii::ExcNotInitialized());
    dst = 0;
    for (unsigned int s = 0; s < order.size(); ++s)
      {
        const unsigned int f = order[s];
        if (s == 0)
          split.restrict_to(src, f, part_rhs[f]);
        else
          {
            // residual = src - J dst
            matrix->vmult(residual, dst);
            residual.sadd(-1.0, 1.0, src);
            split.restrict_to(residual, f, part_rhs[f]);
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
    return bytes;
  }
} // namespace chemomech
