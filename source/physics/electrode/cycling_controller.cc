#include <chemomech/core/physical_constants.h>
#include <chemomech/physics/electrode/cycling_controller.h>

#include <deal.II/base/mpi.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace chemomech
{
  using namespace dealii;



  CyclingController::CyclingController(CyclingProtocol    &protocol,
                                       const TimeStepping &time_stepping)
    : protocol(protocol)
    , time_stepping(time_stepping)
  {}



  void
  CyclingController::start(const CyclingSettings    &s,
                           const ElectrodeIntegrals &initial,
                           const double              voltage,
                           const MPI_Comm            comm)
  {
    settings = s;
    root     = Utilities::MPI::this_mpi_process(comm) == 0;
    pcout.set_condition(root);
    protocol.reset(0);
    step_progress.reset();

    cycles = StatisticsTable();
    cycles.add_column("cycle", "", ColumnFormat::integer);
    cycles.add_column("end_time", "s");
    cycles.add_column("discharge_capacity", "Ah/m^2");
    cycles.add_column("charge_capacity", "Ah/m^2");
    cycles.add_column("capacity_retention", "-");
    cycles.add_column("coulombic_efficiency", "-");
    cycles.add_column("lithium_lost", "mol/m^2");
    cycles.add_column("lithium_lost_fraction", "-");
    cycles.add_column("sei_thickness_mean", "m");
    cycles.add_column("porosity_min", "-");
    cycles_open = false;

    discharge_q = charge_q = first_discharge_q = 0;
    lithium_before                             = initial.total_lithium();
    lithium_older                              = lithium_before;
    initial_cyclable  = initial.solid_lithium[0] + initial.solid_lithium[1];
    clog_reported     = false;
    last_switched     = false;
    last_record       = CyclingRecord();
    const auto p      = position();
    last_record.cycle = p.first;
    last_record.step  = p.second;
    previous          = {0, voltage, 0};
    previous_x_min    = initial.electrode_x_min;
    previous_x_max    = initial.electrode_x_max;
  }



  void
  CyclingController::save(CheckpointArchive &archive) const
  {
    const ProtocolState &p = protocol.state();
    archive.set("cycling.protocol",
                {double(p.cycle),
                 double(p.step),
                 p.step_start_time,
                 double(p.time_steps_in_step),
                 p.finished ? 1.0 : 0.0,
                 double(p.ending_limit)});
    const CyclingRecord &r = last_record;
    archive.set("cycling.record",
                {double(r.cycle),
                 double(r.step),
                 r.current,
                 r.discharge_capacity,
                 r.charge_capacity,
                 r.lithium_balance_error,
                 r.charge_balance_error});
    archive.set("cycling.previous",
                {previous.time, previous.voltage, previous.current});
    archive.set("cycling.previous_x",
                {previous_x_min[0],
                 previous_x_min[1],
                 previous_x_max[0],
                 previous_x_max[1]});
    archive.set("cycling.totals",
                {discharge_q,
                 charge_q,
                 first_discharge_q,
                 lithium_before,
                 initial_cyclable,
                 clog_reported ? 1.0 : 0.0,
                 last_switched ? 1.0 : 0.0,
                 cycles_open ? 1.0 : 0.0,
                 double(cycles.n_rows()),
                 lithium_older});
  }



  void
  CyclingController::load(const CheckpointArchive &archive)
  {
    const std::vector<double> &p = archive.get("cycling.protocol");
    ProtocolState              s;
    s.cycle              = static_cast<unsigned int>(p.at(0));
    s.step               = static_cast<unsigned int>(p.at(1));
    s.step_start_time    = p.at(2);
    s.time_steps_in_step = static_cast<unsigned int>(p.at(3));
    s.finished           = p.at(4) > 0.5;
    s.ending_limit       = static_cast<unsigned int>(p.at(5));
    protocol.set_state(s);
    step_progress.reset();
    const std::vector<double> &r      = archive.get("cycling.record");
    last_record.cycle                 = static_cast<unsigned int>(r.at(0));
    last_record.step                  = static_cast<unsigned int>(r.at(1));
    last_record.current               = r.at(2);
    last_record.discharge_capacity    = r.at(3);
    last_record.charge_capacity       = r.at(4);
    last_record.lithium_balance_error = r.at(5);
    last_record.charge_balance_error  = r.at(6);
    const std::vector<double> &o      = archive.get("cycling.previous");
    previous                          = {o.at(0), o.at(1), o.at(2)};
    const std::vector<double> &x      = archive.get("cycling.previous_x");
    previous_x_min                    = {{x.at(0), x.at(1)}};
    previous_x_max                    = {{x.at(2), x.at(3)}};
    const std::vector<double> &t      = archive.get("cycling.totals");
    discharge_q                       = t.at(0);
    charge_q                          = t.at(1);
    first_discharge_q                 = t.at(2);
    lithium_before                    = t.at(3);
    lithium_older    = (t.size() > 9) ? t.at(9) : lithium_before;
    initial_cyclable = t.at(4);
    clog_reported    = t.at(5) > 0.5;
    last_switched    = t.at(6) > 0.5;
    cycles_open      = t.at(7) > 0.5;
    if (cycles_open)
      cycles.reopen(settings.directory + "/cycles.csv",
                    root,
                    static_cast<unsigned int>(t.at(8)));
  }



  std::pair<unsigned int, unsigned int>
  CyclingController::position() const
  {
    return {std::min(protocol.state().cycle + 1, protocol.n_cycles()),
            protocol.state().step + 1};
  }



  std::string
  CyclingController::stop_reason(const double time) const
  {
    if (protocol.finished())
      return "all cycles done";
    if (time >= time_stepping.end_time * (1 - 1e-12))
      return "end time reached";
    return "";
  }



  double
  CyclingController::limit_time_step(const double time, const double proposed)
  {
    if (!cycles_open)
      {
        cycles.open(settings.directory + "/cycles.csv", root);
        cycles_open = true;
      }
    const double dt = std::min(
      {proposed, protocol.max_time_step(time), time_stepping.end_time - time});
    return std::min(dt, time_stepping.maximum_step);
  }



  std::string
  CyclingController::check_step(const CyclingObservables &obs,
                                const double              dt,
                                const ElectrodeIntegrals &integrals,
                                double                   &retry,
                                std::string              &stop) const
  {
    const double max_dx = integrals.max_dx;
    if (time_stepping.step_too_large(max_dx))
      {
        retry = retry_step(dt, max_dx);
        return "particle stoichiometry changed by " + std::to_string(max_dx);
      }
    const std::string bounds =
      check_bounds(obs.time - dt, dt, integrals, retry, stop);
    if (!bounds.empty())
      return bounds;
    // A limit overshot by a step shorter than 1e-3 of the first step after
    // a switch is taken as reached (e.g. a limit met at once after a
    // switch): the step is accepted and the protocol moves on.
    if (protocol.limit_overshot(obs) &&
        dt > 1e-3 * protocol.max_time_step_after_switch)
      {
        const LimitCrossing c = protocol.find_crossing(previous, obs);
        retry                 = dt * std::min(0.95, std::max(0.05, c.fraction));
        return "limit " +
               protocol.current_step().limits[c.limit].description() +
               " overshot";
      }
    return "";
  }



  std::string
  CyclingController::check_bounds(const double              time,
                                  const double              dt,
                                  const ElectrodeIntegrals &I,
                                  double                   &retry,
                                  std::string              &stop) const
  {
    for (unsigned int e = 0; e < 2; ++e)
      {
        if (I.electrode_x_min[e] > I.electrode_x_max[e])
          continue; // no such electrode
        for (const bool upper : {false, true})
          {
            // Distance to the bound (negative: beyond it), before and after.
            const double d_old =
              upper ? 1 - previous_x_max[e] : previous_x_min[e];
            const double d_new =
              upper ? 1 - I.electrode_x_max[e] : I.electrode_x_min[e];
            const bool full_or_empty = d_old <= bound_margin && d_new < d_old;
            if (d_new >= 0 && !full_or_empty)
              continue;
            std::ostringstream reason;
            reason << "the particle surface stoichiometry of the "
                   << electrode_name(e)
                   << (d_new < 0 ? " left [0, 1]" : " reached its bound")
                   << " (x = " << (upper ? 1 - d_new : d_new) << ")";
            if (full_or_empty)
              {
                stop = bound_message(e, upper, time);
                return reason.str();
              }
            // Aim at the middle of the margin, linearly in time.
            const double fraction =
              (d_old - 0.5 * bound_margin) / (d_old - d_new);
            retry = dt * std::min(0.95, std::max(0.05, fraction));
            return reason.str();
          }
      }
    return "";
  }



  std::string
  CyclingController::bound_reached(const double time) const
  {
    for (unsigned int e = 0; e < 2; ++e)
      if (previous_x_min[e] <= previous_x_max[e])
        for (const bool upper : {false, true})
          if ((upper ? 1 - previous_x_max[e] : previous_x_min[e]) <=
              bound_margin)
            return bound_message(e, upper, time);
    return "";
  }



  std::string
  CyclingController::bound_message(const unsigned int e,
                                   const bool         upper,
                                   const double       time) const
  {
    std::ostringstream m;
    m << "the " << electrode_name(e) << " is " << (upper ? "full" : "empty")
      << " (particle surface stoichiometry "
      << (upper ? previous_x_max[e] : previous_x_min[e]) << ") at t = " << time
      << " s, before the protocol step '" << protocol.current_step().text
      << "' reached its limit";
    const auto &limits = protocol.current_step().limits;
    for (unsigned int l = 0; l < limits.size(); ++l)
      m << (l == 0 ? " " : " or ") << limits[l].description();
    return m.str();
  }



  std::string
  CyclingController::electrode_name(const unsigned int e)
  {
    return (e == 0) ? "Negative electrode" : "Positive electrode";
  }



  double
  CyclingController::retry_step(const double dt, const double max_dx) const
  {
    return (max_dx > 0 && time_stepping.step_too_large(max_dx)) ?
             std::min(0.5 * dt, time_stepping.next_step_size(dt, max_dx)) :
             0.25 * dt;
  }



  CyclingOutcome
  CyclingController::accept(const CyclingObservables &obs,
                            const double              dt,
                            const ElectrodeIntegrals &I,
                            const BdfFormula         &bdf)
  {
    CyclingRecord &r = last_record;
    {
      const double lithium_after = I.total_lithium();
      const double inflow =
        settings.half_cell ?
          I.counter_current * bdf.effective_step() / constants::faraday :
          0.0;
      r.lithium_balance_error =
        (lithium_after - bdf.history(lithium_before, lithium_older) - inflow) /
        lithium_after;
      lithium_older    = lithium_before;
      lithium_before   = lithium_after;
      const double tot = settings.half_cell ?
                           I.reaction_current[0] + I.counter_current :
                           I.reaction_current[0] + I.reaction_current[1];
      // relative to the 1C current density (a rest has no current)
      r.charge_balance_error = tot / settings.one_c_current;
    }
    if (obs.current > 0)
      discharge_q += obs.current * dt / constants::seconds_per_hour;
    else
      charge_q -= obs.current * dt / constants::seconds_per_hour;
    const auto p         = position();
    r.cycle              = p.first;
    r.step               = p.second;
    r.current            = obs.current;
    r.discharge_capacity = discharge_q;
    r.charge_capacity    = charge_q;

    CyclingOutcome outcome;
    report_clogging(I, obs.time, outcome);
    if (!outcome.stop_reason.empty())
      return outcome;

    const ProtocolState before       = protocol.state();
    const unsigned int  cycle_before = before.cycle;
    outcome.switched                 = protocol.advance_if_done(obs);
    if (outcome.switched)
      step_progress.step_finished(before.step,
                                  before.time_in_step(obs.time),
                                  before.time_steps_in_step + 1.0);
    last_switched       = outcome.switched;
    double next_current = obs.current;
    if (outcome.switched)
      {
        if (protocol.state().cycle != cycle_before || protocol.finished())
          write_cycle_row(cycle_before, obs.time, I);
        if (!protocol.finished())
          {
            const ProtocolStep &s = protocol.current_step();
            if (s.kind != StepKind::constant_voltage)
              next_current = (s.kind == StepKind::rest) ? 0.0 : s.current;
          }
      }
    previous       = {obs.time, obs.voltage, next_current};
    previous_x_min = I.electrode_x_min;
    previous_x_max = I.electrode_x_max;
    return outcome;
  }



  void
  CyclingController::report_clogging(const ElectrodeIntegrals &I,
                                     const double              time,
                                     CyclingOutcome           &outcome)
  {
    if (I.clogged_points == 0 || clog_reported)
      return;
    std::ostringstream o;
    o << "pore clogging: the porosity reached its floor at " << I.clogged_points
      << " quadrature point(s), first at x = (" << I.clogged_location[0] << ", "
      << I.clogged_location[1] << ", " << I.clogged_location[2]
      << ") m, t = " << time << " s";
    pcout << "  EVENT " << o.str() << '\n';
    clog_reported = true;
    if (root)
      {
        std::ofstream ev(settings.directory + "/events.txt", std::ios::app);
        ev << o.str() << '\n';
      }
    if (settings.stop_on_clogging)
      outcome.stop_reason = o.str();
  }



  void
  CyclingController::write_cycle_row(const unsigned int        cycle,
                                     const double              time,
                                     const ElectrodeIntegrals &I)
  {
    if (cycle == 0)
      first_discharge_q = discharge_q;
    const double lost = I.lost_lithium[0] + I.lost_lithium[1];
    cycles.set("cycle", cycle + 1);
    cycles.set("end_time", time);
    cycles.set("discharge_capacity", discharge_q);
    cycles.set("charge_capacity", charge_q);
    cycles.set("capacity_retention",
               first_discharge_q > 0 ? discharge_q / first_discharge_q : 0);
    cycles.set("coulombic_efficiency",
               discharge_q > 0 ? charge_q / discharge_q : 0);
    cycles.set("lithium_lost", lost);
    cycles.set("lithium_lost_fraction", lost / initial_cyclable);
    cycles.set("sei_thickness_mean", I.sei_thickness_mean);
    cycles.set("porosity_min", I.porosity_min);
    cycles.write_row();
    discharge_q = 0;
    charge_q    = 0;
  }



  double
  CyclingController::next_time_step(const double dt,
                                    const double proposed,
                                    const double max_dx) const
  {
    if (last_switched)
      return std::max(proposed, time_stepping.initial_step);
    return time_stepping.next_step_size(dt, max_dx);
  }



  double
  CyclingController::progress_fraction() const
  {
    return step_progress.fraction(protocol, previous.time);
  }
} // namespace chemomech
