#include <chemomech/core/error_messages.h>
#include <chemomech/core/parameter_checks.h>
#include <chemomech/io/run_status.h>

#include <deal.II/base/mpi.h>

#include <cmath>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <signal.h>
#include <sstream>
#include <unistd.h>

namespace chemomech
{
  void
  write_run_status(const std::string &directory,
                   const std::string &text,
                   const MPI_Comm     comm)
  {
    if (dealii::Utilities::MPI::this_mpi_process(comm) == 0)
      {
        std::ofstream out(directory + "/status.txt");
        out << text << '\n';
      }
  }



  namespace
  {
    /// This host's name.
    std::string
    host_name()
    {
      char name[256] = {0};
      gethostname(name, sizeof(name) - 1);
      return name;
    }

    /// Whether process @p pid of this host lives (a zombie does not).
    bool
    process_alive(const long pid)
    {
      if (kill(static_cast<pid_t>(pid), 0) != 0)
        return false;
      std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
      std::string   line;
      if (!std::getline(stat, line))
        return true;
      const auto close = line.rfind(')');
      return close == std::string::npos || close + 2 >= line.size() ||
             line[close + 2] != 'Z';
    }

    /// The field @p key of a "running: key value, ..." status line.
    std::string
    status_field(const std::string &status, const std::string &key)
    {
      const auto p = status.find(key + " ");
      if (p == std::string::npos)
        return "";
      const auto start = p + key.size() + 1;
      const auto end   = status.find(',', start);
      return status.substr(start, end == std::string::npos ? end : end - start);
    }

    /**
     * Refuses a directory a live run on this host writes into; returns a
     * note if the last run there died. Rank 0 only.
     */
    std::string
    check_previous_run(const std::string &directory)
    {
      std::ifstream in(directory + "/status.txt");
      std::string   status;
      if (!in || !std::getline(in, status) || status.rfind("running", 0) != 0)
        return "";
      const std::string host = status_field(status, "host");
      const std::string pid  = status_field(status, "pid");
      if (!host.empty() && host == host_name() && !pid.empty())
        {
          const long p = std::atol(pid.c_str());
          if (p > 0 && p != static_cast<long>(getpid()) && process_alive(p))
            throw InvalidParameter("parameter 'Output/Directory' = '" +
                                   directory + "' is in use by a live run (" +
                                   status + "); choose another directory");
        }
      const std::string beat = status_field(status, "heartbeat");
      return "note: the previous run in " + directory +
             " died without a final status" +
             (beat.empty() ? std::string() : " (last heartbeat " + beat + ")");
    }

    /// Removes the files a previous run wrote into @p directory.
    void
    remove_previous_outputs(const std::string &directory)
    {
      namespace fs = std::filesystem;
      if (!fs::is_directory(directory))
        return;
      for (const auto &entry : fs::directory_iterator(directory))
        {
          const std::string name = entry.path().filename().string();
          const auto        ends = [&](const std::string &suffix) {
            return name.size() >= suffix.size() &&
                   name.compare(name.size() - suffix.size(),
                                suffix.size(),
                                suffix) == 0;
          };
          const bool output =
            (name.rfind("solution", 0) == 0 &&
             (ends(".vtu") || ends(".pvtu") || ends(".pvd"))) ||
            ends(".csv") || name == "events.txt" ||
            name == "performance.json" || name == "status.txt" ||
            name == "parameters_used.prm" || name.rfind("checkpoint", 0) == 0;
          if (output)
            fs::remove_all(entry.path());
        }
    }
  } // namespace



  std::string
  start_run_output(const std::string              &directory,
                   const dealii::ParameterHandler &prm,
                   const bool                      resuming,
                   const MPI_Comm                  comm)
  {
    const bool  root = dealii::Utilities::MPI::this_mpi_process(comm) == 0;
    std::string note, refusal;
    if (root)
      {
        try
          {
            note = check_previous_run(directory);
            if (!resuming)
              remove_previous_outputs(directory);
            std::filesystem::create_directories(directory);
          }
        catch (const InvalidParameter &e)
          {
            refusal = e.what();
          }
      }
    refusal = dealii::Utilities::MPI::broadcast(comm, refusal, 0);
    if (!refusal.empty())
      throw InvalidParameter(refusal);
    MPI_Barrier(comm);
    write_running_status(directory, 0, 0.0, comm);
    if (root)
      {
        std::ofstream out(directory + "/parameters_used.prm");
        prm.print_parameters(out, dealii::ParameterHandler::PRM);
      }
    return note;
  }



  void
  write_running_status(const std::string &directory,
                       const unsigned int step,
                       const double       time,
                       const MPI_Comm     comm)
  {
    if (dealii::Utilities::MPI::this_mpi_process(comm) != 0)
      return;
    const std::time_t  now = std::time(nullptr);
    std::ostringstream o;
    o << "running: host " << host_name() << ", pid " << getpid()
      << ", heartbeat "
      << std::put_time(std::gmtime(&now), "%Y-%m-%dT%H:%M:%SZ") << ", step "
      << step << ", t = " << time << " s";
    write_run_status(directory, o.str(), comm);
  }



  void
  mark_run_failed(const std::string    &directory,
                  const std::exception &e,
                  const MPI_Comm        comm)
  {
    if (std::filesystem::exists(directory + "/status.txt"))
      write_run_status(directory, "failed: " + user_message(e), comm);
  }



  std::string
  format_duration(const double seconds)
  {
    if (!std::isfinite(seconds) || seconds < 0)
      return "--:--:--";
    const long         s = static_cast<long>(seconds + 0.5);
    std::ostringstream o;
    o << s / 3600 << ':' << std::setw(2) << std::setfill('0') << (s / 60) % 60
      << ':' << std::setw(2) << std::setfill('0') << s % 60;
    return o.str();
  }
} // namespace chemomech
