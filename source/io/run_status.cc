#include <chemomech/io/run_status.h>

#include <deal.II/base/mpi.h>

#include <cmath>
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
