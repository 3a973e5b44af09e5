#include <chemomech/physics/particle/particle_problem.h>

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



#define CHEMOMECH_INSTANTIATE(dim)                                             \
  template void ParticleProblem<dim>::set_time_step(const double, const bool); \
  template const LA::MPI::Vector &ParticleProblem<dim>::ghosted_solution();    \
  template bool                   ParticleProblem<dim>::advance(const double);

  CHEMOMECH_INSTANTIATE(2)
  CHEMOMECH_INSTANTIATE(3)
#undef CHEMOMECH_INSTANTIATE
} // namespace chemomech
