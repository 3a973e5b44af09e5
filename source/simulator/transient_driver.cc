#include <chemomech/io/performance_report.h>
#include <chemomech/io/run_status.h>
#include <chemomech/io/statistics_table.h>
#include <chemomech/simulator/run_interrupted.h>
#include <chemomech/simulator/signal_monitor.h>
#include <chemomech/simulator/transient_driver.h>

#include <deal.II/base/exceptions.h>
#include <deal.II/base/mpi.h>

#include <algorithm>
#include <chrono>
#include <iomanip>
#include <iostream>
#include <sstream>

namespace chemomech
{
  using namespace dealii;



  TransientDriver::TransientDriver(const MPI_Comm comm)
    : comm(comm)
  {}



  void
  TransientDriver::set_checkpointing(const CheckpointSettings &settings,
                                     const std::string        &input)
  {
    checkpointing = settings;
    input_file    = input;
  }



  void
  TransientDriver::run(TransientProblem &problem, const ParameterHandler &prm)
  {
    const std::string directory = problem.output_settings().directory;
    if (checkpointing.resume)
      check_resume(problem, prm);
    const std::string note =
      start_run_output(directory, prm, checkpointing.resume, comm);
    ConditionalOStream pcout(std::cout,
                             Utilities::MPI::this_mpi_process(comm) == 0);
    if (!note.empty())
      pcout << note << std::endl;
    try
      {
        TimerOutput timer(comm,
                          pcout,
                          TimerOutput::never,
                          TimerOutput::wall_times);
        problem.attach_timer(timer);
        const auto start = std::chrono::steady_clock::now();
        run_loop(problem, prm, timer);
        if (!interruption.empty())
          {
            // After the checkpoint: the status says how to resume.
            write_run_status(directory, interruption, comm);
            pcout << interruption << std::endl;
          }
        else
          {
            const double seconds = std::chrono::duration<double>(
                                     std::chrono::steady_clock::now() - start)
                                     .count();
            write_performance(problem, timer, seconds);
            write_run_status(directory, "completed: " + stop_reason, comm);
            timer.print_wall_time_statistics(comm);
          }
      }
    catch (const std::exception &e)
      {
        // Mark the output as not a result; main() prints the message.
        mark_run_failed(directory, e, comm);
        throw;
      }
    // Thrown once the timer is gone (its destructor communicates).
    if (!interruption.empty())
      throw RunInterrupted(interruption);
  }



  void
  TransientDriver::start_loop(TransientProblem &problem, TimerOutput &timer)
  {
    const std::string directory = problem.output_settings().directory;
    const bool        root      = Utilities::MPI::this_mpi_process(comm) == 0;
    problem.declare_statistics(statistics);
    steps = rejected  = 0;
    newton_iterations = linear_iterations = 0;
    vtu_index = last_vtu = last_checkpoint = 0;
    proposed                               = problem.initial_time_step();
    if (checkpointing.resume)
      {
        resume(problem);
        return;
      }
    statistics.open(directory + "/statistics.csv", root);
    {
      TimerOutput::Scope t(timer, "statistics");
      problem.add_statistics(statistics, 0);
      statistics.write_row();
    }
    problem.write_output(vtu_index++);
  }



  void
  TransientDriver::run_loop(TransientProblem       &problem,
                            const ParameterHandler &prm,
                            TimerOutput            &timer)
  {
    run_start = wall_start = checkpoint_wall = last_heartbeat =
      std::chrono::steady_clock::now();
    const bool            root = Utilities::MPI::this_mpi_process(comm) == 0;
    ConditionalOStream    pcout(std::cout, root);
    const OutputSettings &settings  = problem.output_settings();
    const std::string     directory = settings.directory;
    const SignalMonitor   signals;

    problem.setup();
    {
      std::ostringstream header;
      problem.print_header(header);
      pcout << header.str() << std::flush;
    }
    start_loop(problem, timer);
    // Set-up and the first output do not recur: the estimate of the time
    // left counts from here.
    wall_start = std::chrono::steady_clock::now();
    progress.start(progress_cost(problem), problem.progress_fraction());
    const auto add_row = [&](const double dt) {
      TimerOutput::Scope t(timer, "statistics");
      problem.add_statistics(statistics, dt);
      statistics.write_row();
    };

    std::string signal;
    while (true)
      {
        stop_reason = problem.stop_reason();
        if (!stop_reason.empty())
          break;
        signal = signals.pending(comm);
        if (!signal.empty())
          break;
        const double      dt      = problem.limit_time_step(proposed);
        const StepAttempt attempt = problem.try_step(dt);
        newton_iterations += attempt.newton_iterations;
        linear_iterations += attempt.linear_iterations;
        if (!attempt.acceptable)
          {
            ++rejected;
            problem.reject_step();
            if (!attempt.stop_reason.empty())
              {
                stop_reason = attempt.stop_reason;
                break;
              }
            proposed = attempt.retry_step;
            if (settings.show_progress)
              pcout << "  step rejected at t = " << problem.current_time()
                    << " s, dt = " << dt << " s (" << attempt.reason
                    << "); retrying with dt = " << proposed << " s"
                    << std::endl;
            AssertThrow(proposed >= problem.minimum_time_step(),
                        ExcMessage(
                          "the time step fell below 'Time stepping/Minimum "
                          "time step' at t = " +
                          std::to_string(problem.current_time()) +
                          " s: " + attempt.reason));
            continue;
          }

        const StepReport report = problem.accept_step();
        ++steps;
        add_row(dt);
        {
          const auto now = std::chrono::steady_clock::now();
          if (now - last_heartbeat >= std::chrono::seconds(1))
            {
              write_running_status(directory,
                                   steps,
                                   problem.current_time(),
                                   comm);
              last_heartbeat = now;
            }
        }
        if (report.write_output ||
            (settings.vtu_interval > 0 && steps % settings.vtu_interval == 0))
          {
            problem.write_output(vtu_index++);
            last_vtu = steps;
          }
        progress.add_sample(progress_cost(problem),
                            problem.progress_fraction());
        if (settings.show_progress)
          pcout << progress_line(problem, dt) << std::endl;
        if (!report.stop_reason.empty())
          {
            stop_reason = report.stop_reason;
            break;
          }
        proposed = problem.next_time_step(dt, proposed);
        if (checkpointing.stop_after_steps > 0 &&
            steps >= checkpointing.stop_after_steps)
          {
            signal = "step limit 'Checkpointing/Stop after steps' = " +
                     std::to_string(checkpointing.stop_after_steps);
            break;
          }
        if (checkpoint_due())
          write_checkpoint(problem, prm);
      }

    interruption.clear();
    if (!signal.empty())
      {
        if (problem.supports_checkpoints() && last_checkpoint != steps)
          write_checkpoint(problem, prm);
        std::ostringstream status;
        status << "interrupted: " << signal
               << " at t = " << problem.current_time() << " s after " << steps
               << " steps; resume with: chemomech --resume " << input_file;
        interruption = status.str();
        return;
      }
    if (last_vtu != steps || steps == 0)
      problem.write_output(vtu_index++);
    std::ostringstream summary;
    summary << "stopped: " << stop_reason << " after " << steps << " steps ("
            << rejected << " rejected), t = " << problem.current_time()
            << " s\n";
    problem.print_summary(summary);
    pcout << summary.str() << std::flush;
  }



  bool
  TransientDriver::checkpoint_due() const
  {
    if (steps == last_checkpoint)
      return false;
    if (checkpointing.every_steps > 0 &&
        steps - last_checkpoint >= checkpointing.every_steps)
      return true;
    if (checkpointing.every_seconds > 0)
      {
        // The same decision on every rank: rank 0's clock.
        const double since =
          std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                        checkpoint_wall)
            .count();
        return Utilities::MPI::broadcast(comm, since, 0) >=
               checkpointing.every_seconds;
      }
    return false;
  }



  double
  TransientDriver::progress_cost(const TransientProblem &problem) const
  {
    if (problem.output_settings().progress_clock ==
        ProgressClock::newton_iterations)
      return static_cast<double>(newton_iterations);
    return std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                         wall_start)
      .count();
  }



  std::string
  TransientDriver::progress_line(const TransientProblem &problem,
                                 const double            dt) const
  {
    const bool iterations = problem.output_settings().progress_clock ==
                            ProgressClock::newton_iterations;
    const auto format = [&](const double cost) {
      if (!iterations)
        return format_duration(cost);
      if (cost < 0)
        return std::string("?");
      std::ostringstream n;
      n << std::fixed << std::setprecision(0) << cost << " it";
      return n.str();
    };
    std::ostringstream line;
    line << "step " << std::setw(6) << steps << "  t = " << std::scientific
         << std::setprecision(3) << problem.current_time() << " s  dt = " << dt
         << " s  " << problem.progress_line() << "  elapsed "
         << (iterations ?
               format(progress.spent()) :
               format_duration(std::chrono::duration<double>(
                                 std::chrono::steady_clock::now() - run_start)
                                 .count()))
         << "  left ~" << format(progress.remaining());
    return line.str();
  }



  void
  TransientDriver::write_performance(TransientProblem  &problem,
                                     const TimerOutput &timer,
                                     const double       seconds) const
  {
    const std::map<std::string, double> wall =
      timer.get_summary_data(TimerOutput::total_wall_time);
    const std::map<std::string, double> calls =
      timer.get_summary_data(TimerOutput::n_calls);
    const auto section = [&](const std::map<std::string, double> &data,
                             const std::string                   &name) {
      const auto it = data.find(name);
      return (it != data.end()) ? it->second : 0.0;
    };

    // This rank's time per concern (the local updates are part of the
    // assembly).
    const double assembly =
      section(wall, "assemble Jacobian") + section(wall, "assemble residual");
    const double linear = section(wall, "linear solve");
    const double integrals =
      section(wall, "integrals") + section(wall, "commit");
    const double output = section(wall, "output") + section(wall, "statistics");
    const double setup  = section(wall, "setup");
    const double local =
      Utilities::MPI::max(problem.local_update_seconds(), comm);

    PerformanceReport report;
    report.add("mpi_ranks", Utilities::MPI::n_mpi_processes(comm));
    report.add("steps", steps);
    report.add("rejected_steps", rejected);
    report.add("newton_iterations", newton_iterations);
    report.add("linear_iterations", linear_iterations);
    report.add_max("seconds_setup", setup, comm);
    report.add_max("seconds_assembly", assembly, comm);
    report.add("assemblies",
               section(calls, "assemble Jacobian") +
                 section(calls, "assemble residual"));
    report.add_max("seconds_linear_solve", linear, comm);
    report.add("seconds_local_update", local);
    report.add_max("seconds_integrals", integrals, comm);
    report.add_max("seconds_output", output, comm);
    report.add_max("seconds_total", seconds, comm);
    const double memory = PerformanceReport::peak_memory_bytes();
    report.add_max("peak_memory_bytes_max_rank", memory, comm);
    report.add("peak_memory_bytes_sum", Utilities::MPI::sum(memory, comm));
    problem.add_performance(report);
    report.write(problem.output_settings().directory + "/performance.json",
                 comm);

    // Where the time of the time loop went (rank 0's timers).
    const double rest =
      std::max(0.0, seconds - assembly - linear - integrals - output - setup);
    const auto share = [&](const std::string &name, const double s) {
      std::ostringstream o;
      o << name << ' ' << std::fixed << std::setprecision(2) << s << " s ("
        << std::setprecision(0) << 100 * s / std::max(seconds, 1e-300) << " %)";
      return o.str();
    };
    ConditionalOStream pcout(std::cout,
                             Utilities::MPI::this_mpi_process(comm) == 0);
    pcout << "time breakdown: " << share("total", seconds) << " = "
          << share("set-up", setup) << " + " << share("assembly", assembly)
          << " [of which " << share("local updates", local) << "] + "
          << share("linear solve", linear) << " + "
          << share("integrals and commit", integrals) << " + "
          << share("output and statistics", output) << " + "
          << share("other", rest) << std::endl;
  }
} // namespace chemomech
