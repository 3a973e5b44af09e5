#include <chemomech/io/checkpoint_archive.h>
#include <chemomech/simulator/transient_problem.h>

#include <deal.II/base/exceptions.h>

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



  double
  TransientProblem::local_update_seconds() const
  {
    return 0;
  }



  bool
  TransientProblem::supports_checkpoints() const
  {
    return false;
  }



  std::function<bool(const std::string &)>
  TransientProblem::checkpoint_cell_filter() const
  {
    return [](const std::string &) { return false; };
  }



  void
  TransientProblem::save_checkpoint(CheckpointArchive &) const
  {
    AssertThrow(false, ExcMessage("this model cannot write checkpoints"));
  }



  void
  TransientProblem::load_checkpoint(const CheckpointArchive &)
  {
    AssertThrow(false, ExcMessage("this model cannot resume from checkpoints"));
  }



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
