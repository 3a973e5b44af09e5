/**
 * @file transient_problem.h
 * @brief The interface through which the time-loop driver (TransientDriver)
 * sees a physics model: try a step, accept it or roll it back, propose the
 * next step size, say why to stop, add a statistics row, write output.
 */
#ifndef chemomech_simulator_transient_problem_h
#define chemomech_simulator_transient_problem_h

#include <chemomech/io/output_settings.h>

#include <deal.II/base/conditional_ostream.h>
#include <deal.II/base/timer.h>

#include <functional>
#include <memory>
#include <mpi.h>
#include <ostream>
#include <string>

namespace chemomech
{
  class StatisticsTable;
  class CheckpointArchive;
  class PerformanceReport;

  /// What TransientProblem::try_step() reports about one attempted step.
  struct StepAttempt
  {
    /// Whether the step may be accepted (solver converged and the model's
    /// own checks passed).
    bool acceptable = false;
    /// Why not (for the rejection message).
    std::string reason;
    /// When not acceptable: the step size to retry with. Units: s.
    double retry_step = 0;
    /**
     * When not acceptable and non-empty: no step can be accepted here (e.g.
     * an electrode is full before the protocol's limit is reached); the run
     * ends cleanly at the last accepted state, for this reason.
     */
    std::string stop_reason;
    /// Newton iterations of the attempt.
    unsigned int newton_iterations = 0;
    /// Linear (Krylov) iterations of the attempt.
    unsigned int linear_iterations = 0;
  };

  /// What TransientProblem::accept_step() reports after committing a step.
  struct StepReport
  {
    /// Write fields (VTU) now, whatever the output interval (e.g. at a
    /// switch of the cycling protocol).
    bool write_output = false;
    /// Non-empty: stop the run after this step, for this reason.
    std::string stop_reason;
  };

  /**
   * @brief A time-dependent model driven by TransientDriver.
   *
   * The driver calls, in this order: attach_timer(), setup(),
   * print_header(), declare_statistics(); then add_statistics() and
   * write_output() for the initial state; then per step
   * stop_reason() (empty: go on), limit_time_step(), try_step(), and either
   * reject_step() or accept_step(), add_statistics(), possibly
   * write_output(), progress_line() and next_time_step(); at the end
   * write_output() (if the last step was not written), print_summary() and
   * add_performance().
   */
  class TransientProblem
  {
  public:
    virtual ~TransientProblem() = default;

    /// Where results go, how often fields are written, progress on or off.
    virtual const OutputSettings &
    output_settings() const = 0;

    /// Mesh, DoFs and the initial state at time 0.
    virtual void
    setup() = 0;

    /// Lines that describe the run (model, mesh, unknowns, output).
    virtual void
    print_header(std::ostream &out) const = 0;

    /// Current (committed) time. Units: s.
    virtual double
    current_time() const = 0;

    /// Size of the first step. Units: s.
    virtual double
    initial_time_step() const = 0;

    /// Smallest step size; a retry below it stops the run. Units: s.
    virtual double
    minimum_time_step() const = 0;

    /// Why the run stops before the next step ("" to go on), e.g. the end
    /// time or the end of the cycling protocol.
    virtual std::string
    stop_reason() const = 0;

    /**
     * @brief The step size to try next: the controller's @p proposed size,
     * shortened to land on end times, output times or protocol limits.
     * Units: s.
     */
    virtual double
    limit_time_step(const double proposed) = 0;

    /// Solves one step of size @p dt from the committed state; the result
    /// is a trial state until accept_step() or reject_step().
    virtual StepAttempt
    try_step(const double dt) = 0;

    /// Restores the committed state after a failed or rejected attempt.
    virtual void
    reject_step() = 0;

    /// Commits the last attempt; runs the model's events and stop checks.
    virtual StepReport
    accept_step() = 0;

    /**
     * @brief Step size proposed after the accepted step of size @p dt, when
     * @p proposed had been proposed for it (@p dt may be shorter). Units: s.
     */
    virtual double
    next_time_step(const double dt, const double proposed) = 0;

    /// Fraction of the run done, in [0, 1], for the estimated time left.
    virtual double
    progress_fraction() const = 0;

    /// The model's part of a progress line (after step, t and dt).
    virtual std::string
    progress_line() const = 0;

    /// Declares the columns of statistics.csv.
    virtual void
    declare_statistics(StatisticsTable &table) const = 0;

    /// Sets every column of statistics.csv for the committed state; @p dt
    /// is the size of the step that led to it (0 for the initial state).
    virtual void
    add_statistics(StatisticsTable &table, const double dt) const = 0;

    /// Writes the fields (VTU/PVTU, PVD entry) with file index @p index.
    virtual void
    write_output(const unsigned int index) = 0;

    /// Lines after the run (results written besides statistics.csv, solver
    /// totals).
    virtual void
    print_summary(std::ostream &out) const;

    /// Sizes and model-specific figures for performance.json.
    virtual void
    add_performance(PerformanceReport &report) const;

    /**
     * @brief Wall time this rank spent so far in local (quadrature-point)
     * updates inside the assembly, for the timer breakdown (default: 0, no
     * local updates). Units: s.
     */
    virtual double
    local_update_seconds() const;

    /// @name Checkpoints (see TransientDriver)
    /// @{

    /// Whether the model implements the three functions below (default:
    /// no).
    virtual bool
    supports_checkpoints() const;

    /// After setup(): which cell records of a checkpoint this rank needs
    /// (its locally owned cells).
    virtual std::function<bool(const std::string &)>
    checkpoint_cell_filter() const;

    /**
     * @brief Adds the committed state to @p archive: the fields and their
     * history, the quadrature-point state, time, step-size and protocol
     * controllers, the PVD list, the row counts of the model's own CSV
     * files. Collective.
     */
    virtual void
    save_checkpoint(CheckpointArchive &archive) const;

    /**
     * @brief After setup(): restores what save_checkpoint() stored and
     * reopens the model's own CSV files (restored by the driver to their
     * content at the checkpoint) at their rows. Collective.
     */
    virtual void
    load_checkpoint(const CheckpointArchive &archive);

    /// @}

    /**
     * @brief Gives the problem the driver's timer (sections "setup",
     * "assemble Jacobian", "assemble residual", "linear solve", "output",
     * "statistics"). Without one, setup() makes its own.
     */
    void
    attach_timer(dealii::TimerOutput &t)
    {
      timer = &t;
    }

  protected:
    /// The timer sections are added to; see attach_timer().
    dealii::TimerOutput *
    get_timer(const MPI_Comm comm);

    /// The attached timer (nullptr before attach_timer() or get_timer()).
    dealii::TimerOutput *timer = nullptr;

  private:
    /// Fallback when no driver attached a timer (unit tests).
    std::unique_ptr<dealii::TimerOutput> own_timer;
    /// Silent stream of the fallback timer.
    std::unique_ptr<dealii::ConditionalOStream> silent;
  };
} // namespace chemomech

#endif
