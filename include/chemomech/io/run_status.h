/**
 * @file run_status.h
 * @brief Helpers of the run drivers: the status file that tells a finished
 * run from an aborted one, and durations for progress lines.
 */
#ifndef chemomech_io_run_status_h
#define chemomech_io_run_status_h

#include <deal.II/base/parameter_handler.h>

#include <exception>
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

  /**
   * @brief Starts a run's output: creates @p directory, marks it "running"
   * and writes @p prm to parameters_used.prm (rank 0; collective).
   *
   * Before that it reads the status.txt a previous run left there: if that
   * run is still "running" on this host (its process alive) the new run is
   * refused (two runs must not write into one directory); if it died
   * without a final status, the returned note says so. A fresh run
   * (@p resuming false) then removes the previous run's outputs
   * (solution*.vtu/.pvtu/.pvd, *.csv, events.txt, performance.json,
   * status.txt, parameters_used.prm, checkpoint*), so that files of two
   * runs are never mixed; a resumed run keeps them.
   * @return The note about a dead previous run ("" if none).
   */
  std::string
  start_run_output(const std::string              &directory,
                   const dealii::ParameterHandler &prm,
                   const bool                      resuming,
                   const MPI_Comm                  comm);

  /**
   * @brief The status of a live run: "running: host H, pid P, heartbeat
   * <UTC time>, step N, t = T s" (rank 0).
   */
  void
  write_running_status(const std::string &directory,
                       const unsigned int step,
                       const double       time,
                       const MPI_Comm     comm);

  /**
   * @brief Marks a started run as "failed: <message of @p e>" so that its
   * output is not taken for a result (nothing if the run never started).
   */
  void
  mark_run_failed(const std::string    &directory,
                  const std::exception &e,
                  const MPI_Comm        comm);

  /// @p seconds as h:mm:ss ("--:--:--" if negative or not finite).
  std::string
  format_duration(const double seconds);
} // namespace chemomech

#endif
