/**
 * @file experiment_parser.h
 * @brief The parser of steps of "Cycling/Steps" written as PyBaMM experiment
 * strings ("Discharge at 1C until 2.5 V", "Rest for 1 hour") into the
 * ProtocolStep representation of the native grammar (CyclingProtocol).
 * Python lists of such strings are split by ExperimentList.
 */
#ifndef chemomech_physics_electrode_experiment_parser_h
#define chemomech_physics_electrode_experiment_parser_h

#include <chemomech/physics/electrode/cycling_protocol.h>

#include <string>

namespace chemomech
{
  /**
   * @brief Reads PyBaMM experiment strings (the operating conditions of
   * pybamm.Experiment, documented with pybamm.step.string in the PyBaMM
   * documentation, https://docs.pybamm.org) as protocol steps.
   *
   * Grammar of one step (keywords and units case-insensitive, blanks between
   * a number and its unit optional):
   * @code
   *   step     := action [ "for" time ] [ ["or"] "until" cut-off ]
   *               [ "(" time "period)" ]           (at least "for" or "until")
   *   action   := "Discharge at" current | "Charge at" current
   *             | "Hold at" voltage | "Rest"
   *   current  := number ("C" | "A" | "mA" | "A/m2" | "A/m^2" | "mA/cm2"
   *                       | "mA/cm^2") | "C/" number
   *   cut-off  := voltage                        (Discharge: V<, Charge: V>)
   *             | current                        (Hold only: |I|<)
   *   voltage  := number ("V" | "mV")
   *   time     := number ("s" | "sec" | "second" | "seconds" | "m" | "min"
   *                       | "minute" | "minutes" | "h" | "hr" | "hour"
   *                       | "hours")
   * @endcode
   * "Discharge at 1C for 1 hour or until 2.5 V" is the native "CC discharge
   * 1C until t>3600s or V<2.5" (the duration is the first limit). Currents
   * in A or mA are divided by "Cycling/Electrode area" (m^2), which must
   * then be > 0; A/m^2 and mA/cm^2 (current densities, as the model imposes)
   * are a chemomech extension of PyBaMM's units. The period sets
   * ProtocolStep::max_time_step. Unlike PyBaMM, a step with only "until"
   * gets no default duration (the run's end time bounds it).
   *
   * Refused with InvalidParameter naming "Cycling/Steps", the step, the
   * part and the reason: power (W) and resistance (Ohm) control, drive
   * cycles ("Run ..."), temperatures ("at 25oC"), a voltage cut-off of a
   * Rest (direction unknown; PyBaMM ignores it) or of a Hold, a current
   * cut-off of a Discharge, Charge or Rest (the current is imposed), more
   * than one "until".
   */
  class ExperimentParser
  {
  public:
    /// One paragraph on the PyBaMM forms (for messages).
    static const std::string grammar;

    /**
     * @brief Currents in A are converted with @p electrode_area (m^2, the
     * current-collector area; 0: none given, such currents are refused).
     */
    explicit ExperimentParser(const double electrode_area = 0);

    /**
     * @brief Whether @p step (trimmed) is in PyBaMM form: its first word is
     * Discharge, Charge, Hold or Run, or it is "Rest" followed by "for", or
     * by "until" without "<" or ">" (else it is native, e.g. "rest 600s").
     */
    static bool
    is_experiment_step(const std::string &step);

    /**
     * @brief Parses one PyBaMM step, the @p index-th (from 0) of the list
     * (for messages). C-rates are left unconverted (NaN currents).
     */
    ProtocolStep
    parse(const std::string &step, const unsigned int index) const;

  private:
    /// Current-collector area. Units: m^2. 0: not given.
    double area;
  };
} // namespace chemomech

#endif
