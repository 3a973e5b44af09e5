/**
 * @file scaled_linear_system.h
 * @brief The linearised system J dx = -F of a model's Newton method, with
 * the characteristic field scales that make its norms dimensionless: the
 * part of the NonlinearProblem interface that every model shares.
 */
#ifndef chemomech_core_solvers_scaled_linear_system_h
#define chemomech_core_solvers_scaled_linear_system_h

#include <chemomech/core/linear_algebra.h>
#include <chemomech/core/solvers/linear_solver.h>

#include <deal.II/base/index_set.h>
#include <deal.II/dofs/dof_handler.h>
#include <deal.II/lac/affine_constraints.h>

#include <mpi.h>
#include <vector>

namespace chemomech
{
  /**
   * @brief Jacobian, right side -F and the scales of a Newton system.
   *
   * - inverse_scale: 1 / (characteristic size of the field of each DoF),
   *   set by the model after reinit() with set_field_scales() (units: 1 /
   *   unit of the field);
   * - inverse_diagonal: inverse_scale / |J_ii|, refreshed by
   *   update_inverse_diagonal() after every Jacobian assembly; it weighs the
   *   residual rows (residual_norm()) and the rows of the GMRES residual.
   *
   * update_norm() and residual_norm() are maximum norms of the scaled
   * update and the scaled residual: dimensionless, so one Newton tolerance
   * serves displacements, concentrations, potentials and stresses alike.
   */
  class ScaledLinearSystem
  {
  public:
    /**
     * @brief Sparsity pattern of @p dof_handler under @p constraints (the
     * homogeneous constraints of the Newton updates), matrix and vectors.
     */
    template <int dim>
    void
    reinit(const dealii::DoFHandler<dim>           &dof_handler,
           const dealii::AffineConstraints<double> &constraints,
           const dealii::IndexSet                  &owned_dofs,
           const dealii::IndexSet                  &relevant_dofs,
           const MPI_Comm                           comm);

    /**
     * @brief inverse_scale = 1 / @p field_scales[f] for every locally owned
     * DoF of field f (collective).
     * @param relevant_dofs Locally relevant DoFs (they contain the owned
     *   ones).
     * @param field_of_relevant Field of each DoF of @p relevant_dofs, in
     *   its order (relevant_dof_fields()).
     * @param field_scales Characteristic size of each field, in its unit.
     */
    void
    set_field_scales(const dealii::IndexSet           &relevant_dofs,
                     const std::vector<unsigned char> &field_of_relevant,
                     const std::vector<double>        &field_scales);

    /// inverse_diagonal from the assembled matrix (collective).
    void
    update_inverse_diagonal();

    /**
     * @brief Solves J @p update = -F with @p solver to the relative
     * residual @p forcing (inexact Newton), then sets the constrained
     * entries of @p update from @p zero_constraints. Returns the number of
     * linear iterations.
     */
    unsigned int
    solve(LinearSolver                            &solver,
          LA::MPI::Vector                         &update,
          const double                             forcing,
          const dealii::AffineConstraints<double> &zero_constraints);

    /// max_i |update_i| inverse_scale_i. Units: none.
    double
    update_norm(const LA::MPI::Vector &update) const;

    /// max_i |F_i| inverse_diagonal_i. Units: none.
    double
    residual_norm() const;

    /// F (the negative of the assembled right side).
    LA::MPI::Vector
    residual() const;

    /// The Jacobian dF/dx.
    LA::MPI::SparseMatrix matrix;
    /// The right side -F.
    LA::MPI::Vector rhs;
    /// 1 / field scale of each locally owned DoF.
    LA::MPI::Vector inverse_scale;
    /// inverse_scale / |J_ii| (0 where J_ii = 0).
    LA::MPI::Vector inverse_diagonal;
  };
} // namespace chemomech

#endif
