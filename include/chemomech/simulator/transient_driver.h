/**
 * @file transient_driver.h
 * @brief The time loop shared by every model: step retry and rejection,
 * the minimum-step check, progress with an estimate of the time left,
 * statistics.csv, status.txt, performance.json, timers and the summary.
 */
#ifndef chemomech_simulator_transient_driver_h
#define chemomech_simulator_transient_driver_h

#include <chemomech/simulator/transient_problem.h>

#include <deal.II/base/parameter_handler.h>

#include <mpi.h>
#include <string>

namespace chemomech
{
  /**
   * @brief Runs a TransientProblem from its initial state to a stop reason.
   *
   * The run's output directory holds, besides what the problem writes:
   * parameters_used.prm (the parameters as read), status.txt ("running",
   * then "completed: <reason>" or "failed: <error>"), statistics.csv (one
   * row for the initial state and one per accepted step) and
   * performance.json (steps, iterations, timer sections, memory and the
   * problem's own figures). Output/VTU interval and Output/Progress come from
   * TransientProblem::output_settings(); the timer table is printed at the
   * end of every run.
   */
  class TransientDriver
  {
  public:
    explicit TransientDriver(const MPI_Comm comm);

    /**
     * @brief Runs @p problem; writes @p prm as parameters_used.prm. On an
     * exception the run is marked failed in status.txt and the exception
     * is rethrown.
     */
    void
    run(TransientProblem &problem, const dealii::ParameterHandler &prm);

    /// Accepted steps of the last run().
    unsigned int
    n_steps() const
    {
      return steps;
    }

    /// Rejected attempts of the last run().
    unsigned int
    n_rejected() const
    {
      return rejected;
    }

  private:
    void
    run_loop(TransientProblem &problem, dealii::TimerOutput &timer);

    void
    write_performance(TransientProblem          &problem,
                      const dealii::TimerOutput &timer,
                      const double               seconds) const;

    MPI_Comm           comm;
    unsigned int       steps             = 0;
    unsigned int       rejected          = 0;
    unsigned long long newton_iterations = 0;
    unsigned long long linear_iterations = 0;
    std::string        stop_reason;
  };
} // namespace chemomech

#endif
