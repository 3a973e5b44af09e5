#include <chemomech/core/error_messages.h>
#include <chemomech/io/run_status.h>

#include <deal.II/base/mpi.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <sstream>

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



  void
  start_run_output(const std::string              &directory,
                   const dealii::ParameterHandler &prm,
                   const MPI_Comm                  comm)
  {
    const bool root = dealii::Utilities::MPI::this_mpi_process(comm) == 0;
    if (root)
      std::filesystem::create_directories(directory);
    MPI_Barrier(comm);
    write_run_status(directory, "running", comm);
    if (root)
      {
        std::ofstream out(directory + "/parameters_used.prm");
        prm.print_parameters(out, dealii::ParameterHandler::PRM);
      }
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
