#include <chemomech/core/solvers/scaled_linear_system.h>

#include <deal.II/dofs/dof_tools.h>
#include <deal.II/lac/dynamic_sparsity_pattern.h>
#include <deal.II/lac/sparsity_tools.h>

#include <cmath>

namespace chemomech
{
  using namespace dealii;



  template <int dim>
  void
  ScaledLinearSystem::reinit(const DoFHandler<dim>           &dof_handler,
                             const AffineConstraints<double> &constraints,
                             const IndexSet                  &owned_dofs,
                             const IndexSet                  &relevant_dofs,
                             const MPI_Comm                   comm)
  {
    DynamicSparsityPattern dsp(relevant_dofs);
    DoFTools::make_sparsity_pattern(dof_handler, dsp, constraints, false);
    SparsityTools::distribute_sparsity_pattern(dsp,
                                               owned_dofs,
                                               comm,
                                               relevant_dofs);
    matrix.reinit(owned_dofs, owned_dofs, dsp, comm);
    for (auto *v : {&rhs, &inverse_scale, &inverse_diagonal})
      v->reinit(owned_dofs, comm);
  }



  void
  ScaledLinearSystem::set_field_scales(
    const IndexSet                   &relevant_dofs,
    const std::vector<unsigned char> &field_of_relevant,
    const std::vector<double>        &field_scales)
  {
    for (const auto i : inverse_scale.locally_owned_elements())
      inverse_scale[i] =
        1.0 /
        field_scales[field_of_relevant[relevant_dofs.index_within_set(i)]];
    inverse_scale.compress(VectorOperation::insert);
  }



  void
  ScaledLinearSystem::update_inverse_diagonal()
  {
    for (const auto i : inverse_diagonal.locally_owned_elements())
      {
        const double d      = std::abs(matrix.diag_element(i));
        inverse_diagonal[i] = (d > 0) ? inverse_scale[i] / d : 0.0;
      }
    inverse_diagonal.compress(VectorOperation::insert);
  }



  unsigned int
  ScaledLinearSystem::solve(LinearSolver                    &solver,
                            LA::MPI::Vector                 &update,
                            const double                     forcing,
                            const AffineConstraints<double> &zero_constraints)
  {
    const unsigned int its =
      solver.solve(matrix, update, rhs, forcing, &inverse_diagonal);
    zero_constraints.distribute(update);
    return its;
  }



  double
  ScaledLinearSystem::update_norm(const LA::MPI::Vector &update) const
  {
    LA::MPI::Vector tmp(update);
    tmp.scale(inverse_scale);
    return tmp.linfty_norm();
  }



  double
  ScaledLinearSystem::residual_norm() const
  {
    LA::MPI::Vector tmp(rhs);
    tmp.scale(inverse_diagonal);
    return tmp.linfty_norm();
  }



  LA::MPI::Vector
  ScaledLinearSystem::residual() const
  {
    LA::MPI::Vector r(rhs);
    r *= -1.0;
    return r;
  }



  template void
  ScaledLinearSystem::reinit(const DoFHandler<1> &,
                             const AffineConstraints<double> &,
                             const IndexSet &,
                             const IndexSet &,
                             const MPI_Comm);
  template void
  ScaledLinearSystem::reinit(const DoFHandler<2> &,
                             const AffineConstraints<double> &,
                             const IndexSet &,
                             const IndexSet &,
                             const MPI_Comm);
  template void
  ScaledLinearSystem::reinit(const DoFHandler<3> &,
                             const AffineConstraints<double> &,
                             const IndexSet &,
                             const IndexSet &,
                             const MPI_Comm);
} // namespace chemomech
