/**
 * @file progress_estimator.h
 * @brief The estimate of the cost left in a run from samples of (cost,
 * progress fraction): the rate of progress over a trailing window.
 */
#ifndef chemomech_simulator_progress_estimator_h
#define chemomech_simulator_progress_estimator_h

#include <deque>
#include <utility>

namespace chemomech
{
  /**
   * @brief Estimates the cost (wall seconds, or Newton iterations) left in a
   * run from the model's measure of progress f in [0, 1].
   *
   * The samples (cost c_i, fraction f_i) are taken after each accepted step,
   * counted from the start of the time loop (so that set-up and the first
   * output, which do not recur, are not extrapolated). The rate of progress
   * is measured over the trailing window of the last @p window_share of the
   * cost spent so far,
   *   r = (f_n - f_w) / (c_n - c_w),   c_w <= c_n - window_share (c_n - c_0),
   * and the cost left is (1 - f_n) / r. A window that trails (rather than the
   * whole run) follows a change of pace, e.g. after the first cycle; one that
   * spans half the run averages over the steps of a protocol.
   */
  class ProgressEstimator
  {
  public:
    /// @p window_share in (0, 1]: the share of the spent cost the rate is
    /// measured over (1: from the start).
    explicit ProgressEstimator(const double window_share = 0.8);

    /// Starts over at cost @p cost and fraction @p fraction.
    void
    start(const double cost, const double fraction);

    /// Adds a sample; the cost does not decrease.
    void
    add_sample(const double cost, const double fraction);

    /// The estimated cost left (same unit as the samples), or a negative
    /// number while there is no progress to extrapolate from.
    double
    remaining() const;

    /// The cost spent since start().
    double
    spent() const;

  private:
    double window_share;
    /// Samples (cost, fraction), oldest first; the first is kept at or just
    /// before the window's start.
    std::deque<std::pair<double, double>> samples;
    double                                start_cost = 0;
  };
} // namespace chemomech

#endif
