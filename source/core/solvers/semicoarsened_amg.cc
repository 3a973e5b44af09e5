#include <chemomech/core/solvers/petsc_options.h>
#include <chemomech/core/solvers/semicoarsened_amg.h>

#include <deal.II/base/exceptions.h>
#include <deal.II/lac/dynamic_sparsity_pattern.h>

#include <cmath>
#include <string>
#include <utility>

#ifdef CHEMOMECH_USE_PETSC
#  include <petscpc.h>
#else
#  include <deal.II/lac/trilinos_precondition.h>
#endif

namespace chemomech
{
  struct SemicoarsenedAmg::Implementation
  {
    const LA::MPI::SparseMatrix *matrix      = nullptr;
    const LA::MPI::SparseMatrix *prolongator = nullptr;
    LA::MPI::SparseMatrix        coarse_matrix;
    FieldPreconditioner          coarse;
#ifdef CHEMOMECH_USE_PETSC
    PC smoother = nullptr;
    ~Implementation()
    {
      if (smoother)
        PCDestroy(&smoother);
    }
#else
    std::unique_ptr<dealii::TrilinosWrappers::PreconditionBase> smoother;
#endif
    unsigned int            cycles = 1;
    unsigned int            sweeps = 2;
    mutable LA::MPI::Vector residual, correction, coarse_residual,
      coarse_correction;

    /// residual = src - A dst
    void
    compute_residual(const LA::MPI::Vector &dst,
                     const LA::MPI::Vector &src) const
    {
      matrix->vmult(residual, dst);
      residual.sadd(-1.0, 1.0, src);
    }

    /// dst += S^{-1} (src - A dst)
    void
    smooth(LA::MPI::Vector &dst, const LA::MPI::Vector &src) const
    {
      compute_residual(dst, src);
#ifdef CHEMOMECH_USE_PETSC
      const PetscErrorCode ierr = PCApply(smoother,
                                          static_cast<const Vec &>(residual),
                                          static_cast<const Vec &>(correction));
      AssertThrow(ierr == 0, dealii::ExcPETScError(ierr));
#else
      smoother->vmult(correction, residual);
#endif
      dst += correction;
    }
  };



  SemicoarsenedAmg::SemicoarsenedAmg()  = default;
  SemicoarsenedAmg::~SemicoarsenedAmg() = default;



  void
  SemicoarsenedAmg::make_prolongator(const dealii::IndexSet  &rows,
                                     const InterpolationRows &interpolation,
                                     const MPI_Comm           comm,
                                     LA::MPI::SparseMatrix   &prolongator)
  {
    using dealii::types::global_dof_index;
    AssertThrow(interpolation.size() == rows.n_elements(),
                dealii::ExcDimensionMismatch(interpolation.size(),
                                             rows.n_elements()));
    // The coarse rows, numbered in order over the ranks.
    std::vector<bool> coarse_row(interpolation.size());
    global_dof_index  n_coarse = 0;
    {
      std::size_t j = 0;
      for (const auto i : rows)
        {
          coarse_row[j] = interpolation[j].size() == 1 &&
                          interpolation[j][0].first == i &&
                          interpolation[j][0].second == 1.0;
          n_coarse += coarse_row[j];
          ++j;
        }
    }
    const dealii::IndexSet coarse_owned =
      dealii::Utilities::MPI::create_ascending_partitioning(
        comm,
        n_coarse)[dealii::Utilities::MPI::this_mpi_process(comm)];

    // Coarse number + 1 of every row (0: fine), owned and referenced.
    dealii::IndexSet referenced(rows.size());
    referenced.add_indices(rows);
    for (const auto &row : interpolation)
      for (const auto &entry : row)
        referenced.add_index(entry.first);
    referenced.compress();
    LA::MPI::Vector number(rows, comm);
    {
      std::size_t      j = 0;
      global_dof_index c =
        coarse_owned.n_elements() ? *coarse_owned.begin() : 0;
      for (const auto i : rows)
        if (coarse_row[j++])
          number(i) = static_cast<double>(++c);
    }
    number.compress(dealii::VectorOperation::insert);
    LA::MPI::Vector ghosted(rows, referenced, comm);
    ghosted = number;

    const global_dof_index         n_coarse_total = coarse_owned.size();
    dealii::DynamicSparsityPattern dsp(rows.size(), n_coarse_total, rows);
    std::vector<std::vector<std::pair<global_dof_index, double>>> entries(
      interpolation.size());
    {
      std::size_t j = 0;
      for (const auto i : rows)
        {
          for (const auto &[g, w] : interpolation[j])
            {
              const double c = ghosted(g);
              AssertThrow(c > 0.5,
                          dealii::ExcMessage("Row " + std::to_string(i) +
                                             " interpolates from row " +
                                             std::to_string(g) +
                                             ", which is not coarse."));
              const auto column = static_cast<global_dof_index>(c - 0.5);
              dsp.add(i, column);
              entries[j].emplace_back(column, w);
            }
          ++j;
        }
    }
    prolongator.reinit(rows, coarse_owned, dsp, comm);
    {
      std::size_t j = 0;
      for (const auto i : rows)
        for (const auto &[column, w] : entries[j++])
          prolongator.set(i, column, w);
    }
    prolongator.compress(dealii::VectorOperation::insert);
  }



  void
  SemicoarsenedAmg::initialize(const LA::MPI::SparseMatrix &matrix,
                               const LA::MPI::SparseMatrix &prolongator,
                               const AmgSmoother            smoother,
                               const unsigned int           cycles)
  {
    AssertThrow(cycles >= 1, dealii::ExcMessage("AMG cycles must be >= 1"));
    impl              = std::make_unique<Implementation>();
    impl->matrix      = &matrix;
    impl->prolongator = &prolongator;
    impl->cycles      = cycles;
    {
      LA::MPI::SparseMatrix product;
      matrix.mmult(product, prolongator);
      prolongator.Tmmult(impl->coarse_matrix, product);
    }
    impl->coarse.initialize(impl->coarse_matrix,
                            FieldPreconditionerType::amg,
                            1,
                            {},
                            true,
                            smoother,
                            1);
    const MPI_Comm comm = matrix.get_mpi_communicator();
#ifdef CHEMOMECH_USE_PETSC
    Mat A = const_cast<LA::MPI::SparseMatrix &>(matrix).petsc_matrix();
    PetscErrorCode ierr = PCCreate(comm, &impl->smoother);
    AssertThrow(ierr == 0, dealii::ExcPETScError(ierr));
    ierr = PCSetOperators(impl->smoother, A, A);
    AssertThrow(ierr == 0, dealii::ExcPETScError(ierr));
    if (smoother == AmgSmoother::ilu)
      {
        // Block Jacobi, one block per rank, ILU(1) in each (a zero pivot
        // shifted, else PETSc returns NaN): through this PC's own options
        // prefix.
        ierr = PCSetType(impl->smoother, PCBJACOBI);
        AssertThrow(ierr == 0, dealii::ExcPETScError(ierr));
        set_pc_options(impl->smoother,
                       "chemomech_semi_ilu_",
                       {{"sub_pc_type", "ilu"},
                        {"sub_pc_factor_levels", "1"},
                        {"sub_pc_factor_shift_type", "nonzero"}});
      }
    else
      {
        // Local symmetric SOR (PETSc's default sweep), omega = 1.
        ierr = PCSetType(impl->smoother, PCSOR);
        AssertThrow(ierr == 0, dealii::ExcPETScError(ierr));
      }
    ierr = PCSetUp(impl->smoother);
    AssertThrow(ierr == 0, dealii::ExcPETScError(ierr));
#else
    namespace TW = dealii::TrilinosWrappers;
    if (smoother == AmgSmoother::ilu)
      {
        auto ilu = std::make_unique<TW::PreconditionILU>();
        ilu->initialize(matrix, TW::PreconditionILU::AdditionalData(1));
        impl->smoother = std::move(ilu);
      }
    else
      {
        auto ssor = std::make_unique<TW::PreconditionSSOR>();
        ssor->initialize(matrix);
        impl->smoother = std::move(ssor);
      }
#endif
    impl->residual.reinit(matrix.locally_owned_range_indices(), comm);
    impl->correction.reinit(impl->residual);
    impl->coarse_residual.reinit(prolongator.locally_owned_domain_indices(),
                                 comm);
    impl->coarse_correction.reinit(impl->coarse_residual);
  }



  void
  SemicoarsenedAmg::vmult(LA::MPI::Vector       &dst,
                          const LA::MPI::Vector &src) const
  {
    Assert(impl, dealii::ExcNotInitialized());
    dst = 0;
    for (unsigned int c = 0; c < impl->cycles; ++c)
      {
        for (unsigned int k = 0; k < impl->sweeps; ++k)
          impl->smooth(dst, src);
        impl->compute_residual(dst, src);
        impl->prolongator->Tvmult(impl->coarse_residual, impl->residual);
        impl->coarse.vmult(impl->coarse_correction, impl->coarse_residual);
        impl->prolongator->vmult(impl->correction, impl->coarse_correction);
        dst += impl->correction;
        for (unsigned int k = 0; k < impl->sweeps; ++k)
          impl->smooth(dst, src);
      }
  }



  const LA::MPI::SparseMatrix &
  SemicoarsenedAmg::coarse_matrix() const
  {
    Assert(impl, dealii::ExcNotInitialized());
    return impl->coarse_matrix;
  }
} // namespace chemomech
