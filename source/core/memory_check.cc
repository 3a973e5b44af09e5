#include <chemomech/core/memory_check.h>
#include <chemomech/core/parameter_checks.h>

#include <deal.II/base/mpi.h>

#include <fstream>
#include <iomanip>
#include <sstream>

namespace chemomech
{
  namespace
  {
    /// MemAvailable of this node from /proc/meminfo (0 if unknown). Units:
    /// bytes.
    double
    node_available_bytes()
    {
      std::ifstream in("/proc/meminfo");
      std::string   key, unit;
      double        value = 0;
      while (in >> key >> value >> unit)
        if (key == "MemAvailable:")
          return value * 1024; // the file gives kB
      return 0;
    }



    /// @p bytes as "12.3 GB".
    std::string
    gigabytes(const double bytes)
    {
      std::ostringstream o;
      o << std::setprecision(3) << bytes / 1e9 << " GB";
      return o.str();
    }
  } // namespace



  double
  MemoryCheck::available_bytes(const MPI_Comm comm)
  {
    // One rank per shared-memory node reads its node's figure.
    MPI_Comm node;
    MPI_Comm_split_type(comm, MPI_COMM_TYPE_SHARED, 0, MPI_INFO_NULL, &node);
    const bool node_root = dealii::Utilities::MPI::this_mpi_process(node) == 0;
    MPI_Comm_free(&node);
    const double mine = node_root ? node_available_bytes() : 0.;
    const double least =
      dealii::Utilities::MPI::min(node_root ? mine : 1e300, comm);
    // A node without the figure: unknown.
    return least > 0 ? dealii::Utilities::MPI::sum(mine, comm) : 0.;
  }



  void
  MemoryCheck::check(const std::string &name,
                     const unsigned int refinements,
                     const double       n_unknowns,
                     const double       growth,
                     const double       bytes_per_unknown,
                     const MPI_Comm     comm)
  {
    const double available = available_bytes(comm);
    const double needed    = n_unknowns * bytes_per_unknown;
    if (available <= 0 || needed <= available)
      return;
    // The finest refinement that fits: each one multiplies by @p growth.
    int fitting = static_cast<int>(refinements);
    for (double n = needed; n > available && fitting >= 0; n /= growth)
      --fitting;
    std::ostringstream s;
    s << "parameter '" << name << "' = " << refinements
      << " is too fine for this machine: about " << std::setprecision(3)
      << n_unknowns << " unknowns, estimated " << gigabytes(needed)
      << " of memory (" << bytes_per_unknown << " bytes per unknown), but only "
      << gigabytes(available)
      << " are available (MemAvailable of the nodes of the run); allowed "
         "range here: ";
    if (fitting >= 0)
      s << "[0, " << fitting << "]";
    else
      s << "none (even the coarse mesh does not fit)";
    throw InvalidParameter(s.str());
  }
} // namespace chemomech
