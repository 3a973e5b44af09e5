#include <chemomech/simulator/progress_estimator.h>

#include <algorithm>

namespace chemomech
{
  ProgressEstimator::ProgressEstimator(const double window_share)
    : window_share(std::clamp(window_share, 1e-3, 1.0))
  {}



  void
  ProgressEstimator::start(const double cost, const double fraction)
  {
    samples.clear();
    samples.emplace_back(cost, fraction);
    start_cost = cost;
  }



  void
  ProgressEstimator::add_sample(const double cost, const double fraction)
  {
    if (samples.empty())
      {
        start(cost, fraction);
        return;
      }
    samples.emplace_back(std::max(cost, samples.back().first), fraction);
    // Drop the samples the window has passed, keeping the last one at or
    // before its start.
    const double window_start =
      samples.back().first - window_share * (samples.back().first - start_cost);
    while (samples.size() > 2 && samples[1].first <= window_start)
      samples.pop_front();
  }



  double
  ProgressEstimator::remaining() const
  {
    if (samples.size() < 2)
      return -1;
    const auto &[c0, f0] = samples.front();
    const auto &[c1, f1] = samples.back();
    if (f1 >= 1)
      return 0;
    if (!(f1 > f0) || !(c1 > c0))
      return -1;
    return (1 - f1) * (c1 - c0) / (f1 - f0);
  }



  double
  ProgressEstimator::spent() const
  {
    return samples.empty() ? 0 : samples.back().first - start_cost;
  }
} // namespace chemomech
