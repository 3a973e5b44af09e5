#include <chemomech/simulator/transient_problem.h>

#include <iostream>

namespace chemomech
{
  using namespace dealii;



  void
  TransientProblem::print_summary(std::ostream &) const
  {}



  void
  TransientProblem::add_performance(PerformanceReport &) const
  {}



  TimerOutput *
  TransientProblem::get_timer(const MPI_Comm comm)
  {
    if (!timer)
      {
        silent    = std::make_unique<ConditionalOStream>(std::cout, false);
        own_timer = std::make_unique<TimerOutput>(comm,
                                                  *silent,
                                                  TimerOutput::never,
                                                  TimerOutput::wall_times);
        timer     = own_timer.get();
      }
    return timer;
  }
} // namespace chemomech
