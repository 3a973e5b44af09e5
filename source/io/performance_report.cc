#include <chemomech/io/performance_report.h>

#include <deal.II/base/exceptions.h>

#include <cstdio>
#include <fstream>
#include <sys/resource.h>

namespace chemomech
{
  void
  PerformanceReport::add(const std::string &name, const double value)
  {
    entries.emplace_back(name, value);
  }



  void
  PerformanceReport::add_max(const std::string &name,
                             const double       value,
                             const MPI_Comm     comm)
  {
    entries.emplace_back(name, dealii::Utilities::MPI::max(value, comm));
  }



  void
  PerformanceReport::write(const std::string &path, const MPI_Comm comm) const
  {
    if (dealii::Utilities::MPI::this_mpi_process(comm) != 0)
      return;
    std::ofstream out(path);
    AssertThrow(out, dealii::ExcMessage("cannot write " + path));
    out << "{\n";
    for (std::size_t i = 0; i < entries.size(); ++i)
      {
        char buffer[64];
        std::snprintf(buffer, sizeof(buffer), "%.9g", entries[i].second);
        out << "  \"" << entries[i].first << "\": " << buffer
            << (i + 1 < entries.size() ? ",\n" : "\n");
      }
    out << "}\n";
  }



  double
  PerformanceReport::peak_memory_bytes()
  {
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    return 1024.0 * static_cast<double>(usage.ru_maxrss); // ru_maxrss in KiB
  }
} // namespace chemomech
