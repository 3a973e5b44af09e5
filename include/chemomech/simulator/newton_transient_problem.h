/**
 * @file newton_transient_problem.h
 * @brief What every model shares that solves its time steps with
 * NewtonSolver on a ScaledLinearSystem: the NonlinearProblem part (linear
 * solve, dimensionless norms), the committed and the trial solution, the
 * time, the time-stepping and output settings, and the rollback of a
 * rejected step.
 */
#ifndef chemomech_simulator_newton_transient_problem_h
#define chemomech_simulator_newton_transient_problem_h

#include <chemomech/core/linear_algebra.h>
#include <chemomech/core/nonlinear_problem.h>
#include <chemomech/core/solvers/linear_solver.h>
#include <chemomech/core/solvers/scaled_linear_system.h>
#include <chemomech/core/time_stepping.h>
#include <chemomech/io/output_settings.h>
#include <chemomech/simulator/transient_problem.h>

#include <deal.II/base/types.h>
#include <deal.II/lac/affine_constraints.h>

#include <mpi.h>

namespace chemomech
{
  /**
   * @brief A TransientProblem whose steps NewtonSolver solves: the base of
   * ParticleProblem and ElectrodeProblem.
   *
   * The model assembles F and J into system (NonlinearProblem::
   * assemble()), keeps zero_constraints (the homogeneous constraints
   * of the Newton updates) and sets ScaledLinearSystem::inverse_scale after
   * its DoFs; this class solves the linearised systems with
   * linear_solver and measures updates and residuals in
   * ScaledLinearSystem's dimensionless norms. The model's try_step()
   * computes solution from old_solution; its accept_step()
   * commits it.
   */
  class NewtonTransientProblem : public NonlinearProblem,
                                 public TransientProblem
  {
  public:
    /// @param comm MPI communicator of the model.
    explicit NewtonTransientProblem(const MPI_Comm comm);

    /// Releases the direct solver's factorization before the matrix it
    /// refers to.
    ~NewtonTransientProblem() override;

    /// @name TransientProblem interface, the parts every model shares
    /// @{

    /// See TransientProblem::output_settings().
    const OutputSettings &
    output_settings() const override;

    /// See TransientProblem::current_time().
    double
    current_time() const override;

    /// "Time stepping/Initial step". Units: s.
    double
    initial_time_step() const override;

    /// "Time stepping/Minimum step". Units: s.
    double
    minimum_time_step() const override;

    /// See TransientProblem::reject_step(); the preconditioner is rebuilt
    /// for the retry.
    void
    reject_step() override;

    /// @}

    /// @name NonlinearProblem interface, ScaledLinearSystem's
    /// @{

    /// ScaledLinearSystem::solve() with linear_solver, in the timer
    /// section "linear solve".
    unsigned int
    solve_linearized(LA::MPI::Vector &update, const double forcing) override;

    /// ScaledLinearSystem::update_norm().
    double
    update_norm(const LA::MPI::Vector &update) const override;

    /// ScaledLinearSystem::residual_norm().
    double
    residual_norm() const override;

    /// @}

    /// @name Access for tests
    /// @{

    /// The trial solution (locally owned entries).
    LA::MPI::Vector &
    current_solution();

    /// The Jacobian dF/dx of the last assembly.
    const LA::MPI::SparseMatrix &
    jacobian() const;

    /// F of the last assembly (not -F).
    LA::MPI::Vector
    residual_vector() const;

    /// Homogeneous constraints of the Newton updates.
    const dealii::AffineConstraints<double> &
    get_zero_constraints() const;

    /// Characteristic size of the field of the locally owned DoF @p i, in
    /// the unit of that field.
    double
    dof_scale(const dealii::types::global_dof_index i) const;

    /// @}

  protected:
    /// MPI communicator of the model.
    MPI_Comm comm;
    /// Subsection "Time stepping".
    TimeStepping time_stepping;
    /// Subsection "Linear solver".
    LinearSolver linear_solver;
    /// Output directory, VTU interval, progress.
    OutputSettings output;
    /// Homogeneous constraints of the Newton updates.
    dealii::AffineConstraints<double> zero_constraints;
    /// Jacobian, right side and field scales of the Newton system.
    ScaledLinearSystem system;
    /// Trial solution (the Newton iterate) and the committed one.
    LA::MPI::Vector solution, old_solution;
    /// Committed time. Units: s.
    double time = 0;
  };
} // namespace chemomech

#endif
