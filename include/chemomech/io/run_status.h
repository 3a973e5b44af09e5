/**
 * @file run_status.h
 * @brief Helpers of the run drivers: the status file that tells a finished
 * run from an aborted one, and durations for progress lines.
 */
#ifndef chemomech_io_run_status_h
#define chemomech_io_run_status_h

#include <mpi.h>
#include <string>

namespace chemomech
{
  /**
   * @brief Writes @p text as the only line of @p directory/status.txt
   * ("running", "completed: <why>", "failed: <error>"), on rank 0 of @p comm.
   */
  void
  write_run_status(const std::string &directory,
                   const std::string &text,
                   const MPI_Comm     comm);

  /// @p seconds as h:mm:ss ("--:--:--" if negative or not finite).
  std::string
  format_duration(const double seconds);
} // namespace chemomech

#endif
