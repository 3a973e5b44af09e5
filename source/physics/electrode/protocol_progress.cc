#include <chemomech/core/physical_constants.h>
#include <chemomech/physics/electrode/protocol_progress.h>

#include <algorithm>
#include <cmath>

namespace chemomech
{
  void
  ProtocolProgress::reset()
  {
    measured.clear();
    measured_cost.clear();
  }



  void
  ProtocolProgress::step_finished(const unsigned int step,
                                  const double       duration,
                                  const double       cost)
  {
    if (measured.size() <= step)
      measured.resize(step + 1, -1.0);
    measured[step] = std::max(duration, 0.0);
    if (measured_cost.size() <= step)
      measured_cost.resize(step + 1, -1.0);
    measured_cost[step] = cost;
  }



  double
  ProtocolProgress::expected_duration(const CyclingProtocol &protocol,
                                      const unsigned int     step) const
  {
    if (step < measured.size() && measured[step] >= 0)
      return measured[step];
    const ProtocolStep &s = protocol.steps().at(step);
    if (std::isfinite(s.time_limit()))
      return s.time_limit();
    const double one_c = protocol.one_c_current_density();
    switch (s.kind)
      {
        case StepKind::constant_current:
          if (one_c > 0 && std::isfinite(s.current) && s.current != 0)
            return constants::seconds_per_hour * one_c / std::abs(s.current);
          return constants::seconds_per_hour;
        case StepKind::constant_voltage:
          return 0.5 * constants::seconds_per_hour;
        case StepKind::rest:
        default:
          return 600;
      }
  }



  double
  ProtocolProgress::fraction(const CyclingProtocol &protocol,
                             const double           time) const
  {
    if (protocol.finished())
      return 1;
    const ProtocolState &state   = protocol.state();
    const unsigned int   n_steps = protocol.steps().size();
    if (n_steps == 0)
      return 0;
    // Weights: the steps' costs once all are known, else their durations.
    const bool by_cost = measured_cost.size() >= n_steps &&
                         std::all_of(measured_cost.begin(),
                                     measured_cost.begin() + n_steps,
                                     [](const double c) { return c >= 0; });
    double done = 0, total = 0;
    for (unsigned int i = 0; i < n_steps; ++i)
      {
        double d = expected_duration(protocol, i);
        if (by_cost)
          {
            const double w = std::max(measured_cost[i], 1.0);
            if (i == state.step)
              {
                const double in_step = std::max(0.0, state.time_in_step(time));
                done += w * std::min(in_step / std::max(d, 1e-300), step_cap);
              }
            else if (i < state.step)
              done += w;
            total += w;
            continue;
          }
        if (i == state.step)
          {
            const double in_step = std::max(0.0, state.time_in_step(time));
            d                    = std::max(d, in_step / step_cap);
            done += std::min(in_step, step_cap * d);
          }
        else if (i < state.step)
          done += d;
        total += d;
      }
    const double in_cycle = total > 0 ? done / total : 0;
    return std::clamp((state.cycle + in_cycle) /
                        std::max(1u, protocol.n_cycles()),
                      0.0,
                      1.0);
  }
} // namespace chemomech
