#include <chemomech/simulator/newton_transient_problem.h>

#include <deal.II/base/timer.h>

namespace chemomech
{
  using namespace dealii;



  NewtonTransientProblem::NewtonTransientProblem(const MPI_Comm comm)
    : comm(comm)
  {}



  NewtonTransientProblem::~NewtonTransientProblem()
  {
    linear_solver.new_sparsity_pattern();
  }



  const OutputSettings &
  NewtonTransientProblem::output_settings() const
  {
    return output;
  }



  double
  NewtonTransientProblem::current_time() const
  {
    return time;
  }



  double
  NewtonTransientProblem::initial_time_step() const
  {
    return time_stepping.initial_step;
  }



  double
  NewtonTransientProblem::minimum_time_step() const
  {
    return time_stepping.minimum_step;
  }



  void
  NewtonTransientProblem::reject_step()
  {
    solution = old_solution;
    linear_solver.invalidate_preconditioner();
  }



  unsigned int
  NewtonTransientProblem::solve_linearized(LA::MPI::Vector &update,
                                           const double     forcing)
  {
    TimerOutput::Scope t(*get_timer(comm), "linear solve");
    return system.solve(linear_solver, update, forcing, zero_constraints);
  }



  double
  NewtonTransientProblem::update_norm(const LA::MPI::Vector &update) const
  {
    return system.update_norm(update);
  }



  double
  NewtonTransientProblem::residual_norm() const
  {
    return system.residual_norm();
  }



  LA::MPI::Vector &
  NewtonTransientProblem::current_solution()
  {
    return solution;
  }



  const LA::MPI::SparseMatrix &
  NewtonTransientProblem::jacobian() const
  {
    return system.matrix;
  }



  LA::MPI::Vector
  NewtonTransientProblem::residual_vector() const
  {
    return system.residual();
  }



  const AffineConstraints<double> &
  NewtonTransientProblem::get_zero_constraints() const
  {
    return zero_constraints;
  }



  double
  NewtonTransientProblem::dof_scale(const types::global_dof_index i) const
  {
    return 1.0 / system.inverse_scale[i];
  }
} // namespace chemomech
