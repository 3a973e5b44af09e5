/**
 * @file cycling_protocol.h
 * @brief Cycling protocols (constant current, constant voltage, rest steps
 * repeated for N cycles) parsed from subsection "Cycling", and the state
 * machine that switches steps, independent of any physics.
 */
#ifndef chemomech_physics_electrode_cycling_protocol_h
#define chemomech_physics_electrode_cycling_protocol_h

#include <deal.II/base/parameter_handler.h>

#include <limits>
#include <string>
#include <vector>

namespace chemomech
{
  /// What a protocol step controls.
  enum class StepKind
  {
    /// Imposed current density.
    constant_current,
    /// Imposed cell voltage.
    constant_voltage,
    /// Zero current (open circuit).
    rest
  };

  /// Quantity and direction of a step-ending limit.
  enum class LimitKind
  {
    /// Ends when the voltage falls to the threshold: "V<value".
    voltage_below,
    /// Ends when the voltage rises to the threshold: "V>value".
    voltage_above,
    /// Ends when the time in the step reaches the threshold: "t>value".
    time_above,
    /// Ends when |current density| falls to the threshold: "|I|<value".
    current_below
  };

  /**
   * Time, voltage and current of the cell at one instant, as computed by the
   * physics. Sign convention: the current density is positive on discharge
   * (the cell delivers current, its voltage falls) and negative on charge.
   */
  struct CyclingObservables
  {
    /// Time. Units: s.
    double time = 0;
    /// Cell voltage (positive minus negative terminal). Units: V.
    double voltage = 0;
    /// Current density through the current collector, positive on
    /// discharge. Units: A/m^2.
    double current = 0;
  };

  /// A limit that ends a step.
  struct StepLimit
  {
    /// Quantity and direction.
    LimitKind kind = LimitKind::time_above;
    /// Threshold in SI units (V, s, A/m^2; a current magnitude >= 0).
    /// NaN while a C-rate is not yet converted (see CyclingProtocol::
    /// set_one_c_current_density()).
    double value = 0;
    /// Whether the threshold was given as a C-rate.
    bool in_c_rate = false;
    /// The C-rate of a current limit given in C (else unused). Units: 1/h.
    double c_rate = 0;

    /**
     * @brief Signed distance to the limit in the limit's unit (V, s, A/m^2):
     * negative before the limit is reached, zero at it, positive beyond.
     * @p time_in_step is the time since the step began (s).
     */
    double
    violation(const CyclingObservables &obs, const double time_in_step) const;

    /// Scale that makes violation() relative: |value| (1 if zero).
    double
    scale() const;

    /// Text form, e.g. "V<3", "t>7200s", "|I|<0.5A/m^2".
    std::string
    description() const;
  };

  /// One step of the protocol.
  struct ProtocolStep
  {
    /// What the step controls.
    StepKind kind = StepKind::rest;
    /**
     * Imposed current density of a constant-current step, positive on
     * discharge. Units: A/m^2. NaN while a C-rate is not yet converted.
     */
    double current = 0;
    /// Whether the current was given as a C-rate.
    bool in_c_rate = false;
    /// Signed C-rate of the current (positive on discharge). Units: 1/h.
    double c_rate = 0;
    /// Imposed voltage of a constant-voltage step. Units: V.
    double voltage = 0;
    /// The step ends when any of these limits is reached.
    std::vector<StepLimit> limits;
    /// The step as written in the parameter file (trimmed).
    std::string text;
    /**
     * Largest time step within the step (the "(1 minute period)" of a
     * PyBaMM step), so that statistics.csv has a row at least this often;
     * infinity if not given. Units: s.
     */
    double max_time_step = std::numeric_limits<double>::infinity();

    /**
     * @brief Largest relative violation max_i violation_i / scale_i over the
     * limits: negative while no limit is reached, >= 0 once one is.
     */
    double
    limit_violation(const CyclingObservables &obs,
                    const double              time_in_step) const;

    /// Time limit of the step (the smallest "t>"), infinity if none. Units: s.
    double
    time_limit() const;
  };

  /// Position of the state machine in the protocol.
  struct ProtocolState
  {
    /// Cycle index, 0 .. n_cycles - 1 (n_cycles once finished).
    unsigned int cycle = 0;
    /// Step index within the cycle.
    unsigned int step = 0;
    /// Time at which the current step began. Units: s.
    double step_start_time = 0;
    /// Accepted time steps since the current step began.
    unsigned int time_steps_in_step = 0;
    /// Whether all cycles are done.
    bool finished = false;
    /// Index (in ProtocolStep::limits) of the limit that ended the previous
    /// step; invalid (-1 as unsigned) before the first switch.
    unsigned int ending_limit = static_cast<unsigned int>(-1);

    /// Time since the current step began. Units: s.
    double
    time_in_step(const double time) const
    {
      return time - step_start_time;
    }
  };

  /// Where a limit was crossed between two observations.
  struct LimitCrossing
  {
    /// Whether a limit is reached at the second observation.
    bool crossed = false;
    /// Index of the first limit crossed (in ProtocolStep::limits).
    unsigned int limit = 0;
    /**
     * Fraction theta in [0, 1] of the interval at which the limit is
     * crossed by linear interpolation of its violation: the crossing is near
     * t0 + theta (t1 - t0). 1 if not crossed.
     */
    double fraction = 1;
  };

  /**
   * @brief A cycling protocol: a list of steps repeated for N cycles, read
   * from subsection "Cycling", and a state machine that switches the steps.
   *
   * Grammar of "Cycling/Steps" (keywords and units are case-insensitive,
   * blanks are optional around "<" and ">" and between a number and its unit):
   * @code
   *   steps    := step { ";" step }                 (empty steps are ignored)
   *   step     := "CC" ("charge" | "discharge") current [ "until" limits ]
   *             | "CV" voltage [ "until" limits ]
   *             | "rest" [ time ] [ "until" limits ]
   *   limits   := limit { "or" limit }
   *   limit    := "V" "<" voltage | "V" ">" voltage       (CC and rest)
   *             | "t" ">" time                            (all steps)
   *             | "|I|" "<" current                       (CV only)
   *   current  := number ("C" | "A/m^2" | "A/m2" | "mA/cm^2" | "mA/cm2")
   *             | "C/" number                             (C-rate 1/number)
   *   voltage  := number [ "V" | "mV" ]                   (default V)
   *   time     := number [ "s" | "min" | "h" ]            (default s)
   * @endcode
   * Every step needs at least one limit ("rest 3600s" is "rest until
   * t>3600s"); times are measured from the beginning of the step. Example:
   * @code
   *   CC discharge 1C until V<3.0; CV 3.0V until |I|<0.05C; rest 3600s;
   *   CC charge 2 A/m^2 until V>4.2 or t>7200s
   * @endcode
   *
   * PyBaMM experiment strings are accepted too (grammar and refusals in
   * ExperimentParser): a step whose first word is Discharge, Charge, Hold or
   * Run, or "Rest for"/"Rest until" without "<" or ">", is read as one,
   * every other step natively; the two forms may be mixed. Equivalents:
   * @code
   *   Discharge at 1C until 2.5 V              CC discharge 1C until V<2.5
   *   Charge at C/2 for 30 minutes             CC charge C/2 until t>1800s
   *   Charge at 0.5C for 30 minutes or until 4.2 V
   *                                     CC charge 0.5C until t>1800s or V>4.2
   *   Discharge at 2 A until 3 V      CC discharge (2/area) A/m^2 until V<3
   *   Hold at 4.2 V until C/50                 CV 4.2V until |I|<C/50
   *   Rest for 1 hour                          rest 3600s
   *   Rest for 10 minutes (1 minute period)    rest 600s, time step <= 60 s
   * @endcode
   * The whole text may also be a Python list of such strings (grammar in
   * ExperimentList), e.g.
   * @code
   *   [("Discharge at 1C until 2.5 V", "Rest for 1 hour")] * 3
   * @endcode
   * whose strings form one cycle; "* N" multiplies "Number of cycles".
   *
   * Sign convention: the current density is positive on discharge (the cell
   * delivers current and its voltage falls; for a graphite/lithium half cell
   * graphite is lithiated) and negative on charge. Current densities are per
   * area of the current collector (the cross section normal to x). A C-rate
   * n C is n times the "1C current density", the current density that
   * (dis)charges the nominal capacity in one hour; if that parameter is 0 the
   * model sets it with set_one_c_current_density().
   *
   * Use by a time stepper, once per time step from (t0, obs0):
   * -# dt = min(dt, max_time_step(t0)): a time limit is hit exactly, and the
   *    first step after a switch is at most "Maximum time step after switch";
   * -# solve with current_step() imposed, giving obs1 at t1 = t0 + dt;
   * -# if limit_overshot(obs1), reject and retry with dt scaled by
   *    find_crossing(obs0, obs1).fraction (or bisect);
   * -# accept and call advance_if_done(obs1), which switches to the next step
   *    (or cycle) if a limit is reached within its tolerance.
   */
  class CyclingProtocol
  {
  public:
    /// Observables of the cell (time, voltage, current).
    using Observables = CyclingObservables;

    /// The grammar of "Cycling/Steps" in one paragraph (for messages).
    static const std::string grammar;

    /// Declares subsection "Cycling".
    static void
    declare_parameters(dealii::ParameterHandler &prm);

    /// Reads and validates subsection "Cycling" and resets the state.
    void
    parse_parameters(dealii::ParameterHandler &prm);

    /**
     * @brief Parses the text of "Cycling/Steps"; throws InvalidParameter
     * naming the parameter, the offending step and the expected grammar.
     * C-rates are converted if @p one_c_current_density > 0 (A/m^2), else
     * left NaN; PyBaMM currents in A are divided by @p electrode_area (m^2;
     * 0: such currents are refused).
     */
    static std::vector<ProtocolStep>
    parse_steps(const std::string &text,
                const double       one_c_current_density,
                const double       electrode_area = 0);

    /**
     * @brief The factor N of a Python-list "Cycling/Steps" ("[...] * N"),
     * which multiplies "Number of cycles"; 1 for any other text.
     */
    static unsigned int
    cycle_multiplier(const std::string &text);

    /// Sets the 1C current density (A/m^2, > 0) and converts all C-rates.
    void
    set_one_c_current_density(const double one_c);

    /// The 1C current density (0 if not yet set). Units: A/m^2.
    double
    one_c_current_density() const;

    /// Returns to the first step of the first cycle, beginning at @p time (s).
    void
    reset(const double time = 0);

    /// Sets the position in the protocol (a checkpoint's).
    void
    set_state(const ProtocolState &state);

    /// Steps of one cycle.
    const std::vector<ProtocolStep> &
    steps() const;

    /// Number of cycles.
    unsigned int
    n_cycles() const;

    /// Position in the protocol.
    const ProtocolState &
    state() const;

    /// The active step. Throws if finished() or a C-rate is unconverted.
    const ProtocolStep &
    current_step() const;

    /// Whether all cycles are done.
    bool
    finished() const;

    /**
     * @brief Relative violation of the active step's limits at @p obs
     * (ProtocolStep::limit_violation with the time in step): negative
     * before, >= 0 once a limit is reached.
     */
    double
    limit_violation(const Observables &obs) const;

    /**
     * @brief Whether a limit of the active step is reached at @p obs within
     * its tolerance (violation >= -tolerance).
     */
    bool
    limit_reached(const Observables &obs) const;

    /**
     * @brief Whether a limit of the active step is exceeded by more than its
     * tolerance at @p obs: the time step should be rejected and shortened.
     */
    bool
    limit_overshot(const Observables &obs) const;

    /**
     * @brief First limit of the active step crossed between @p previous and
     * @p current, with the interpolated fraction of the interval.
     */
    LimitCrossing
    find_crossing(const Observables &previous,
                  const Observables &current) const;

    /**
     * @brief Call once per accepted time step with the observables at its
     * end. If a limit of the active step is reached (within its tolerance),
     * switches to the next step, or the first step of the next cycle, or
     * finishes, records the ending limit, sets the new step's start time to
     * obs.time and returns true. At most one switch per call.
     */
    bool
    advance_if_done(const Observables &obs);

    /**
     * @brief Largest time step allowed from @p time (s): the time remaining
     * to the active step's time limit (so that it is hit exactly, 0 if
     * passed), at most the step's ProtocolStep::max_time_step, and at most
     * the "Maximum time step after switch" for the first time step of a
     * step; infinity if none applies or finished().
     */
    double
    max_time_step(const double time) const;

    /**
     * @brief Tolerance of @p limit in its unit: "Voltage tolerance" (V),
     * "Current tolerance" times the threshold (A/m^2), 1e-9 times the
     * threshold for time limits (s).
     */
    double
    tolerance(const StepLimit &limit) const;

    /// Current-collector area for PyBaMM currents in A (0: none). m^2.
    double electrode_area = 0;
    /// Largest time step after a step switch. Units: s.
    double max_time_step_after_switch = 1;
    /// Voltage limits count as reached within this distance. Units: V.
    double voltage_tolerance = 1e-4;
    /// Current limits count as reached within this fraction. Units: none.
    double current_tolerance = 1e-3;

  private:
    std::vector<ProtocolStep> step_list;
    unsigned int              cycles = 1;
    double                    one_c  = 0;
    ProtocolState             protocol_state;
  };
} // namespace chemomech

#endif
