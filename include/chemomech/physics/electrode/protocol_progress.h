/**
 * @file protocol_progress.h
 * @brief The fraction of a cycling protocol done, weighted by the expected
 * durations of its steps, for the estimate of the time left.
 */
#ifndef chemomech_physics_electrode_protocol_progress_h
#define chemomech_physics_electrode_protocol_progress_h

#include <chemomech/physics/electrode/cycling_protocol.h>

#include <vector>

namespace chemomech
{
  /**
   * @brief Progress through a CyclingProtocol in simulated time.
   *
   * Each step of a cycle is weighted by its expected duration: the duration
   * it took the last time it ran (from the second cycle on), else its time
   * limit, else for a constant-current step the time to pass the nominal
   * capacity at its current (3600 s x 1C current / |current|), else a
   * default (CV: 1800 s; rest without a time limit: 600 s). Within the
   * active step the fraction grows with the time spent in it, up to 95 % of
   * its expected duration (a step that runs longer than expected stretches
   * its estimate). The fraction of the protocol is
   *   (cycle + (done + in step) / (sum of the cycle's durations)) / n_cycles,
   * exact at every cycle boundary and, with durations that repeat from
   * cycle to cycle, proportional to simulated time.
   *
   * A step that has run and reported its cost (the time steps it took) is
   * weighted by its cost instead, and a step that has not yet by its
   * expected duration times the cost per second of those of its kind that
   * have (constant current, constant voltage, rest; of all if none has) (the
   * time fraction within the active step still measures the progress in
   * it): a CV step of a few long time steps or a rest of many short ones
   * then counts for what it costs, not for its hours, and the rate of
   * progress per unit of work stays even.
   */
  class ProtocolProgress
  {
  public:
    /// Forgets the measured durations (a new run or a resumed one).
    void
    reset();

    /// Records that step @p step of a cycle took @p duration (s).
    void
    step_finished(const unsigned int step,
                  const double       duration,
                  const double       cost = -1);

    /**
     * @brief The expected duration of step @p step of @p protocol (s):
     * measured, else estimated as described above.
     */
    double
    expected_duration(const CyclingProtocol &protocol,
                      const unsigned int     step) const;

    /// Fraction of @p protocol done at time @p time (s), in [0, 1].
    double
    fraction(const CyclingProtocol &protocol, const double time) const;

    /// Share of its expected duration that the active step may reach.
    static constexpr double step_cap = 0.95;

  private:
    /// Measured durations by step index (negative: not yet measured). s.
    std::vector<double> measured;
    /// The cost (time steps) of each step the last time it ran (-1: none).
    std::vector<double> measured_cost;
  };
} // namespace chemomech

#endif
