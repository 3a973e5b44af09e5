// The checkpoint part of TransientDriver: writing a checkpoint after an
// accepted step and resuming from it (layout in transient_driver.h).
#include <chemomech/core/parameter_checks.h>
#include <chemomech/io/checkpoint_archive.h>
#include <chemomech/io/run_status.h>
#include <chemomech/simulator/transient_driver.h>

#include <deal.II/base/exceptions.h>
#include <deal.II/base/mpi.h>

#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>

namespace chemomech
{
  using namespace dealii;
  namespace fs = std::filesystem;

  namespace
  {
    /// "Subsection/.../Entry" -> value of a parameter file in PRM format.
    std::map<std::string, std::string>
    flatten_parameters(std::istream &in)
    {
      std::map<std::string, std::string> entries;
      std::vector<std::string>           path;
      std::string                        line;
      while (std::getline(in, line))
        {
          const auto hash = line.find('#');
          if (hash != std::string::npos)
            line = line.substr(0, hash);
          line = Utilities::trim(line);
          if (line.rfind("subsection ", 0) == 0)
            path.push_back(Utilities::trim(line.substr(11)));
          else if (line == "end" && !path.empty())
            path.pop_back();
          else if (line.rfind("set ", 0) == 0)
            {
              const auto  eq   = line.find('=');
              std::string name = Utilities::trim(line.substr(4, eq - 4));
              for (auto it = path.rbegin(); it != path.rend(); ++it)
                name = *it + "/" + name;
              entries[name] = Utilities::trim(line.substr(eq + 1));
            }
        }
      return entries;
    }

    /// Whether a resumed run may change the parameter @p name.
    bool
    may_change_on_resume(const std::string &name)
    {
      for (const char *prefix : {"Output/", "Checkpointing/", "Linear solver/"})
        if (name.rfind(prefix, 0) == 0)
          return true;
      return name == "Time stepping/End time" ||
             name == "Cycling/Number of cycles";
    }

    /// Refuses to resume if a parameter of the discrete problem changed.
    void
    compare_parameters(const std::string      &saved_file,
                       const ParameterHandler &prm)
    {
      std::ifstream in(saved_file);
      AssertThrow(in,
                  ExcMessage("cannot resume: '" + saved_file +
                             "' cannot be read"));
      const auto         saved = flatten_parameters(in);
      std::ostringstream now_text;
      prm.print_parameters(now_text, ParameterHandler::PRM);
      std::istringstream now_in(now_text.str());
      const auto         now = flatten_parameters(now_in);
      for (const auto &[name, value] : now)
        {
          if (may_change_on_resume(name))
            continue;
          const auto        it  = saved.find(name);
          const std::string old = (it != saved.end()) ? it->second : "(none)";
          if (old != value)
            throw InvalidParameter(
              "parameter '" + name + "' = '" + value +
              "' differs from the checkpoint's '" + old +
              "': a resumed run must solve the same discrete problem (only "
              "Output, Checkpointing, Linear solver, 'Time stepping/End "
              "time' and 'Cycling/Number of cycles' may change)");
        }
    }

    /// Copies the CSV files of @p from into @p to (rank 0).
    void
    copy_csv_files(const std::string &from, const std::string &to)
    {
      for (const auto &entry : fs::directory_iterator(from))
        if (entry.path().extension() == ".csv")
          fs::copy_file(entry.path(),
                        to + "/" + entry.path().filename().string(),
                        fs::copy_options::overwrite_existing);
    }
  } // namespace



  void
  TransientDriver::write_checkpoint(TransientProblem       &problem,
                                    const ParameterHandler &prm)
  {
    const auto        start     = std::chrono::steady_clock::now();
    const bool        root      = Utilities::MPI::this_mpi_process(comm) == 0;
    const std::string directory = problem.output_settings().directory;
    const std::string target    = directory + "/checkpoint";
    const std::string fresh     = target + ".new";
    if (root)
      {
        fs::remove_all(fresh);
        fs::create_directories(fresh + "/csv");
      }
    MPI_Barrier(comm);

    CheckpointArchive archive;
    archive.set("driver.steps", steps);
    archive.set("driver.rejected", rejected);
    archive.set("driver.newton_iterations", newton_iterations);
    archive.set("driver.linear_iterations", linear_iterations);
    archive.set("driver.vtu_index", vtu_index);
    archive.set("driver.last_vtu", last_vtu);
    archive.set("driver.proposed", proposed);
    archive.set("driver.statistics_rows", statistics.n_rows());
    archive.set("driver.ranks", Utilities::MPI::n_mpi_processes(comm));
    problem.save_checkpoint(archive);
    archive.write(fresh, comm);
    if (root)
      {
        std::ofstream out(fresh + "/parameters.prm");
        prm.print_parameters(out, ParameterHandler::PRM);
        out.close();
        copy_csv_files(directory, fresh + "/csv");
        // Rotate: the previous checkpoint is removed only once the new one
        // is complete.
        const std::string old = target + ".old";
        fs::remove_all(old);
        if (fs::exists(target))
          fs::rename(target, old);
        fs::rename(fresh, target);
        fs::remove_all(old);
      }
    MPI_Barrier(comm);
    last_checkpoint = steps;
    checkpoint_wall = std::chrono::steady_clock::now();
    if (root && problem.output_settings().show_progress)
      {
        std::uintmax_t bytes = 0;
        for (const auto &e : fs::recursive_directory_iterator(target))
          if (e.is_regular_file())
            bytes += e.file_size();
        std::ostringstream line;
        line << "  checkpoint at step " << steps
             << ", t = " << problem.current_time() << " s: ";
        line << std::fixed << std::setprecision(2) << bytes / 1048576.0
             << " MiB in "
             << std::chrono::duration<double>(checkpoint_wall - start).count()
             << " s";
        std::cout << line.str() << std::endl;
      }
  }



  void
  TransientDriver::check_resume(const TransientProblem &problem,
                                const ParameterHandler &prm) const
  {
    const bool        root      = Utilities::MPI::this_mpi_process(comm) == 0;
    const std::string directory = problem.output_settings().directory;
    const std::string source    = directory + "/checkpoint";
    std::string       refusal;
    if (root)
      {
        try
          {
            if (!fs::exists(source + "/state.txt"))
              throw InvalidParameter(
                "cannot resume: no checkpoint in " + source +
                " (write one with 'Checkpointing/Every steps' or 'Every "
                "seconds', or by sending SIGTERM/SIGUSR1 to a run)");
            compare_parameters(source + "/parameters.prm", prm);
          }
        catch (const InvalidParameter &e)
          {
            refusal = e.what();
          }
      }
    refusal = Utilities::MPI::broadcast(comm, refusal, 0);
    if (!refusal.empty())
      throw InvalidParameter(refusal);
  }



  void
  TransientDriver::resume(TransientProblem &problem)
  {
    const bool        root      = Utilities::MPI::this_mpi_process(comm) == 0;
    const std::string directory = problem.output_settings().directory;
    const std::string source    = directory + "/checkpoint";
    CheckpointArchive archive;
    archive.read(source, problem.checkpoint_cell_filter(), comm);
    if (root)
      copy_csv_files(source + "/csv", directory);
    MPI_Barrier(comm);
    problem.load_checkpoint(archive);
    steps             = archive.get_double("driver.steps");
    rejected          = archive.get_double("driver.rejected");
    newton_iterations = archive.get_double("driver.newton_iterations");
    linear_iterations = archive.get_double("driver.linear_iterations");
    vtu_index         = archive.get_double("driver.vtu_index");
    last_vtu          = archive.get_double("driver.last_vtu");
    proposed          = archive.get_double("driver.proposed");
    last_checkpoint   = steps;
    statistics.reopen(directory + "/statistics.csv",
                      root,
                      archive.get_double("driver.statistics_rows"));
    if (root)
      std::cout << "resumed from " << source << " at step " << steps
                << ", t = " << problem.current_time() << " s (written on "
                << archive.get_double("driver.ranks") << " rank(s))"
                << std::endl;
  }
} // namespace chemomech
