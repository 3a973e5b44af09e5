#include <chemomech/physics/particle/particle_problem.h>

#include <deal.II/base/timer.h>

namespace chemomech
{
  using namespace dealii;



  template <int dim>
  void
  ParticleProblem<dim>::set_time_step(const double dt, const bool first_step)
  {
    bdf = time_stepping.coefficients(dt, dt_old, first_step);
    // The previous time levels are fixed during a step: import their ghosts
    // once here, not in every assembly.
    ghosted_old   = old_solution;
    ghosted_older = older_solution;
  }



  template <int dim>
  unsigned int
  ParticleProblem<dim>::solve_linearized(LA::MPI::Vector &update,
                                         const double     forcing)
  {
    TimerOutput::Scope t(*get_timer(comm), "linear solve");
    return system.solve(linear_solver, update, forcing, zero_constraints);
  }



  template <int dim>
  double
  ParticleProblem<dim>::update_norm(const LA::MPI::Vector &update) const
  {
    return system.update_norm(update);
  }



  template <int dim>
  double
  ParticleProblem<dim>::residual_norm() const
  {
    return system.residual_norm();
  }



  template <int dim>
  LA::MPI::Vector
  ParticleProblem<dim>::residual_vector() const
  {
    return system.residual();
  }



  template <int dim>
  const LA::MPI::Vector &
  ParticleProblem<dim>::ghosted_solution()
  {
    ghosted = solution;
    return ghosted;
  }



  template <int dim>
  bool
  ParticleProblem<dim>::advance(const double dt)
  {
    solution = old_solution;
    constraints.distribute(solution);
    try
      {
        last_newton = newton.solve(*this, solution);
        return last_newton.converged;
      }
    catch (const std::exception &e)
      {
        last_newton                = NewtonResult();
        last_newton.failure_reason = std::string("linear solver: ") + e.what();
        (void)dt;
        return false;
      }
  }



#define CHEMOMECH_INSTANTIATE(dim)                                               \
  template void ParticleProblem<dim>::set_time_step(const double, const bool);   \
  template unsigned int ParticleProblem<dim>::solve_linearized(                  \
    LA::MPI::Vector &,                                                           \
    const double);                                                               \
  template double ParticleProblem<dim>::update_norm(const LA::MPI::Vector &)     \
    const;                                                                       \
  template double                 ParticleProblem<dim>::residual_norm() const;   \
  template LA::MPI::Vector        ParticleProblem<dim>::residual_vector() const; \
  template const LA::MPI::Vector &ParticleProblem<dim>::ghosted_solution();      \
  template bool                   ParticleProblem<dim>::advance(const double);

  CHEMOMECH_INSTANTIATE(2)
  CHEMOMECH_INSTANTIATE(3)
#undef CHEMOMECH_INSTANTIATE
} // namespace chemomech
