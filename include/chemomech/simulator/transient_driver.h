/**
 * @file transient_driver.h
 * @brief The time loop shared by every model: step retry and rejection,
 * the minimum-step check, progress with an estimate of the time left,
 * statistics.csv, status.txt, performance.json, timers and the summary.
 */
#ifndef chemomech_simulator_transient_driver_h
#define chemomech_simulator_transient_driver_h

#include <chemomech/io/statistics_table.h>
#include <chemomech/simulator/checkpoint_settings.h>
#include <chemomech/simulator/progress_estimator.h>
#include <chemomech/simulator/transient_problem.h>

#include <deal.II/base/parameter_handler.h>

#include <chrono>
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
   *
   * <h3>Checkpoints, restarts, signals</h3>
   * With CheckpointSettings (set_checkpointing()) the driver writes
   * checkpoints into Output/Directory/checkpoint/ after accepted steps
   * (source/simulator/checkpoint_restart.cc): its own counters, the
   * problem's state (TransientProblem::save_checkpoint()), the parameters
   * and copies of the CSV files. A resumed run rebuilds the problem with
   * setup(), reads the checkpoint back (on any number of ranks), restores
   * the CSV files to their rows at the checkpoint and continues; it refuses
   * if a parameter that changes the discrete problem differs. SIGTERM,
   * SIGINT and SIGUSR1 end the run after the current step with a checkpoint,
   * status.txt "interrupted: ..." and RunInterrupted.
   *
   * <h3>status.txt</h3>
   * "running: host H, pid P, heartbeat <UTC time>, step N, t = T s" while
   * the run lives (rewritten every step), then "completed: <why>",
   * "failed: <error>" or "interrupted: <signal> ...". A fresh run into a
   * directory removes the outputs of the previous run there (a live one on
   * the same host is refused) and notes when that run had died.
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

    /**
     * @brief Checkpointing and resuming of the next run(); @p input_file is
     * named in the "interrupted" status (how to resume).
     */
    void
    set_checkpointing(const CheckpointSettings &settings,
                      const std::string        &input_file);

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
    run_loop(TransientProblem               &problem,
             const dealii::ParameterHandler &prm,
             dealii::TimerOutput            &timer);

    /// The first row and output of a fresh run, or the state of a resumed
    /// one.
    void
    start_loop(TransientProblem &problem, dealii::TimerOutput &timer);

    /// Writes a checkpoint now (checkpoint_restart.cc). Collective.
    void
    write_checkpoint(TransientProblem               &problem,
                     const dealii::ParameterHandler &prm);

    /**
     * Refuses to resume (InvalidParameter, before anything is written) if
     * there is no checkpoint or a parameter of the discrete problem differs
     * from the checkpoint's (checkpoint_restart.cc). Collective.
     */
    void
    check_resume(const TransientProblem         &problem,
                 const dealii::ParameterHandler &prm) const;

    /// Restores the driver and @p problem (after its setup()) from the
    /// checkpoint (checkpoint_restart.cc). Collective.
    void
    resume(TransientProblem &problem);

    /// Whether a periodic checkpoint is due after the accepted step.
    bool
    checkpoint_due() const;

    /// Progress line of the accepted step of size @p dt.
    std::string
    progress_line(const TransientProblem &problem, const double dt) const;

    /// The cost spent so far on the clock of Output/Progress clock (wall
    /// seconds since the loop began, or Newton iterations).
    double
    progress_cost(const TransientProblem &problem) const;

    void
    write_performance(TransientProblem          &problem,
                      const dealii::TimerOutput &timer,
                      const double               seconds) const;

    MPI_Comm           comm;
    CheckpointSettings checkpointing;
    std::string        input_file;
    StatisticsTable    statistics;
    unsigned int       vtu_index       = 0;
    unsigned int       last_vtu        = 0;
    unsigned int       last_checkpoint = 0;
    double             proposed        = 0;
    /// Estimates the time left from the model's progress fraction.
    ProgressEstimator progress;
    /// When run_loop() began, and when its time loop began (after set-up).
    std::chrono::steady_clock::time_point run_start, wall_start;
    std::chrono::steady_clock::time_point checkpoint_wall;
    /// When status.txt was last rewritten (a heartbeat at most once a
    /// second: its time stamp has a resolution of one second).
    std::chrono::steady_clock::time_point last_heartbeat;
    unsigned int                          steps             = 0;
    unsigned int                          rejected          = 0;
    unsigned long long                    newton_iterations = 0;
    unsigned long long                    linear_iterations = 0;
    std::string                           stop_reason;
    /// The "interrupted: ..." status of a run stopped by a signal or the
    /// step limit ("" otherwise).
    std::string interruption;
  };
} // namespace chemomech

#endif
