/**
 * @file performance_report.h
 * @brief Machine-readable run-time figures of a run (performance.json in the
 * output directory), read by the benchmark harness `benchmarks/run`.
 *
 * Timings are not results: they are never part of statistics.csv nor of any
 * regression comparison.
 */
#ifndef chemomech_io_performance_report_h
#define chemomech_io_performance_report_h

#include <deal.II/base/mpi.h>

#include <string>
#include <utility>
#include <vector>

namespace chemomech
{
  /**
   * @brief A flat list of named numbers written as one JSON object.
   */
  class PerformanceReport
  {
  public:
    /// Adds @p value (the same on all ranks, or rank 0's).
    void
    add(const std::string &name, const double value);

    /// Adds the maximum of @p value over the ranks of @p comm (collective).
    void
    add_max(const std::string &name, const double value, const MPI_Comm comm);

    /// Writes the object to @p path on rank 0 of @p comm (collective).
    void
    write(const std::string &path, const MPI_Comm comm) const;

    /// Peak resident memory of this process so far. Units: bytes.
    static double
    peak_memory_bytes();

  private:
    std::vector<std::pair<std::string, double>> entries;
  };
} // namespace chemomech

#endif
