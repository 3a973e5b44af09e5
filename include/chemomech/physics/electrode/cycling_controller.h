/**
 * @file cycling_controller.h
 * @brief The step controller of the electrode model: runs a CyclingProtocol
 * on the time steps of the TransientDriver (step sizes, limit overshoot,
 * step switches, capacities, balances, cycles.csv, the pore-clogging event).
 */
#ifndef chemomech_physics_electrode_cycling_controller_h
#define chemomech_physics_electrode_cycling_controller_h

#include <chemomech/core/bdf_formula.h>
#include <chemomech/core/time_stepping.h>
#include <chemomech/io/checkpoint_archive.h>
#include <chemomech/io/statistics_table.h>
#include <chemomech/physics/electrode/cycling_protocol.h>
#include <chemomech/physics/electrode/electrode_integrals.h>
#include <chemomech/physics/electrode/protocol_progress.h>

#include <deal.II/base/conditional_ostream.h>

#include <iostream>
#include <mpi.h>
#include <string>
#include <utility>

namespace chemomech
{
  /**
   * @brief The protocol's figures for one statistics row, taken when the
   * step is accepted (before the protocol switches). Units as stated.
   */
  struct CyclingRecord
  {
    /// Cycle, counted from 1 (at most the number of cycles).
    unsigned int cycle = 1;
    /// Step within the cycle, counted from 1.
    unsigned int step = 1;
    /// Cell current density, positive on discharge. A/m^2.
    double current = 0;
    /// Capacity discharged in this cycle so far. A h/m^2.
    double discharge_capacity = 0;
    /// Capacity charged in this cycle so far. A h/m^2.
    double charge_capacity = 0;
    /// (Li(t1) - Li(t0) - inflow) / Li(t1) over the step. Units: none.
    double lithium_balance_error = 0;
    /// Sum of the reaction currents over the 1C current density. none.
    double charge_balance_error = 0;
  };

  /// How the cell is controlled during the run (fixed for a run).
  struct CyclingSettings
  {
    /// Half cell (lithium metal counter electrode) or full cell.
    bool half_cell = true;
    /// The 1C current density. Units: A/m^2.
    double one_c_current = 1;
    /// Stop the run at the first pore clogging.
    bool stop_on_clogging = false;
    /// Output directory (cycles.csv, events.txt).
    std::string directory = "output";
  };

  /// What CyclingController::accept() decided.
  struct CyclingOutcome
  {
    /// The protocol moved to another step (or cycle, or finished).
    bool switched = false;
    /// Non-empty: stop the run (pore clogging with 'Stop on pore clogging').
    std::string stop_reason;
  };

  /**
   * @brief Runs a CyclingProtocol on the time steps of TransientDriver.
   *
   * The electrode problem imposes current_step() and calls, per step:
   * limit_time_step(), then check_step() for a converged solve (or
   * retry_step() for a failed one), accept() for an accepted step (it
   * books capacities and balances, writes cycles.csv rows and the
   * pore-clogging event to events.txt, and switches the protocol), and
   * next_time_step().
   */
  class CyclingController
  {
  public:
    /**
     * @brief A controller of @p protocol with the step-size rules of
     * @p time_stepping; both must outlive it.
     */
    CyclingController(CyclingProtocol    &protocol,
                      const TimeStepping &time_stepping);

    /**
     * @brief Resets the protocol at time 0; @p initial are the integrals of
     * the initial state, @p voltage its cell voltage. cycles.csv is opened
     * (its header written) at the first limit_time_step(), when the run's
     * output directory exists.
     */
    void
    start(const CyclingSettings    &settings,
          const ElectrodeIntegrals &initial,
          const double              voltage,
          const MPI_Comm            comm);

    /**
     * @brief Adds the protocol position, the capacities, the previous
     * observation and the cycles.csv row count to @p archive (keys
     * "cycling.*").
     */
    void
    save(CheckpointArchive &archive) const;

    /**
     * @brief Restores what save() stored (after start()) and reopens
     * cycles.csv at its rows.
     */
    void
    load(const CheckpointArchive &archive);

    /// The step the cell runs now.
    const ProtocolStep &
    current_step() const
    {
      return protocol.current_step();
    }

    /// Whether all cycles are done.
    bool
    finished() const
    {
      return protocol.finished();
    }

    /// "all cycles done", "end time reached" at @p time (s), or "".
    std::string
    stop_reason(const double time) const;

    /// @p proposed shortened to the protocol's and the scheme's limits. s.
    double
    limit_time_step(const double time, const double proposed);

    /**
     * @brief Checks a converged step of size @p dt ending at @p obs with the
     * integrals @p integrals (of its end): "" if it may be accepted, else
     * the reason, and @p retry is set to the step size to retry with. A step
     * whose particle surface stoichiometry leaves [0, 1] in an electrode is
     * retried shorter, aiming inside the bound_margin next to the bound; a
     * step that goes further into that margin after the last accepted step
     * ended in it means the protocol demands more than the electrode holds:
     * @p stop is set to bound_message() and the run ends at the last
     * accepted state.
     */
    std::string
    check_step(const CyclingObservables &obs,
               const double              dt,
               const ElectrodeIntegrals &integrals,
               double                   &retry,
               std::string              &stop) const;

    /**
     * @brief Non-empty (the message of check_step()'s @p stop) when the last
     * accepted step ended with an electrode's surface stoichiometry within
     * bound_margin of 0 or 1: a failed solve from there ends the run.
     */
    std::string
    bound_reached(const double time) const;

    /// Within this of 0 (1) an electrode counts as empty (full). none.
    static constexpr double bound_margin = 1e-3;

    /// Step size after a failed solve of size @p dt. Units: s.
    double
    retry_step(const double dt, const double max_dx) const;

    /**
     * @brief Books the accepted step of size @p dt ending at @p obs with the
     * integrals @p integrals (of its end): capacities, balances, events,
     * cycles.csv, protocol switch. The lithium balance is that of the time
     * discretisation @p bdf of the step: the lithium inventory minus its
     * BDF history value equals the counter electrode's inflow times the
     * effective step (BdfFormula).
     */
    CyclingOutcome
    accept(const CyclingObservables &obs,
           const double              dt,
           const ElectrodeIntegrals &integrals,
           const BdfFormula         &bdf);

    /// The step size after an accepted step (see TransientProblem). s.
    double
    next_time_step(const double dt,
                   const double proposed,
                   const double max_dx) const;

    /// Fraction of the protocol done at the last accepted step, in [0, 1],
    /// weighted by the steps' durations (ProtocolProgress).
    double
    progress_fraction() const;

    /// The figures of the last accepted step (or of the initial state).
    const CyclingRecord &
    record() const
    {
      return last_record;
    }

    /// The protocol's position (cycle, step) now, counted from 1.
    std::pair<unsigned int, unsigned int>
    position() const;

  private:
    /// "the Negative electrode is empty (...) at t = ... s, before the
    /// protocol step '...' reached its limit V>4.2" for electrode @p e.
    std::string
    bound_message(const unsigned int e,
                  const bool         upper,
                  const double       time) const;

    /// "Negative electrode" (0) or "Positive electrode" (1).
    static std::string
    electrode_name(const unsigned int e);

    /// The stoichiometry-bound part of check_step().
    std::string
    check_bounds(const double              time,
                 const double              dt,
                 const ElectrodeIntegrals &integrals,
                 double                   &retry,
                 std::string              &stop) const;

    void
    report_clogging(const ElectrodeIntegrals &integrals,
                    const double              time,
                    CyclingOutcome           &outcome);

    void
    write_cycle_row(const unsigned int        cycle,
                    const double              time,
                    const ElectrodeIntegrals &integrals);

    CyclingProtocol           &protocol;
    const TimeStepping        &time_stepping;
    CyclingSettings            settings;
    bool                       root = true;
    dealii::ConditionalOStream pcout{std::cout, false};

    StatisticsTable cycles;
    bool            cycles_open = false;
    CyclingRecord   last_record;
    /// Durations of the protocol's steps, for progress_fraction().
    ProtocolProgress   step_progress;
    CyclingObservables previous;
    /// Surface stoichiometry range per electrode at the last accepted step.
    std::array<double, 2> previous_x_min = {{0, 0}}, previous_x_max = {{0, 0}};
    double                discharge_q       = 0;
    double                charge_q          = 0;
    double                first_discharge_q = 0;
    double                lithium_before    = 0;
    /// The lithium inventory one accepted step before lithium_before. mol/m^2.
    double lithium_older    = 0;
    double initial_cyclable = 0;
    bool   clog_reported    = false;
    bool   last_switched    = false;
  };
} // namespace chemomech

#endif
