#include <chemomech/core/physical_constants.h>
#include <chemomech/physics/electrode/protocol_progress.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

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
    // Weights: a step's measured cost (time steps) once it has run; before
    // that its expected duration times the cost per second of the steps
    // that have run (1 while none has). Rests and constant-voltage steps
    // cost more per second than constant-current ones.
    const auto known = [this](const unsigned int i) {
      return i < measured_cost.size() && measured_cost[i] >= 0;
    };
    // Cost per second of the steps that have run: of each kind (constant
    // current, constant voltage, rest) and of all.
    std::map<StepKind, std::pair<double, double>> by_kind;
    double known_cost = 0, known_time = 0;
    for (unsigned int i = 0; i < n_steps; ++i)
      if (known(i))
        {
          const double c = std::max(measured_cost[i], 1.0);
          const double t = expected_duration(protocol, i);
          known_cost += c;
          known_time += t;
          auto &k = by_kind[protocol.steps()[i].kind];
          k.first += c;
          k.second += t;
        }
    const auto rate = [&](const unsigned int i) {
      const auto k = by_kind.find(protocol.steps()[i].kind);
      if (k != by_kind.end() && k->second.second > 0)
        return k->second.first / k->second.second;
      return (known_cost > 0 && known_time > 0) ? known_cost / known_time : 1.0;
    };
    const double in_step = std::max(0.0, state.time_in_step(time));
    double       done = 0, total = 0;
    for (unsigned int i = 0; i < n_steps; ++i)
      {
        double d = expected_duration(protocol, i);
        if (i == state.step && !known(i))
          d = std::max(d, in_step / step_cap);
        const double w =
          known(i) ? std::max(measured_cost[i], 1.0) : d * rate(i);
        if (i == state.step)
          {
            // The time fraction, or the share of the expected time steps
            // already taken where that is larger (the short steps after a
            // switch cost before the time moves).
            double f = in_step / std::max(d, 1e-300);
            if (known(i) || known_cost > 0)
              f = std::max(f, state.time_steps_in_step / w);
            done += w * std::min(f, step_cap);
          }
        else if (i < state.step)
          done += w;
        total += w;
      }
    const double in_cycle = total > 0 ? done / total : 0;
    return std::clamp((state.cycle + in_cycle) /
                        std::max(1u, protocol.n_cycles()),
                      0.0,
                      1.0);
  }
} // namespace chemomech
