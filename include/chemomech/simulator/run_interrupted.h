/**
 * @file run_interrupted.h
 * @brief The exception that ends a run stopped by a signal after its
 * checkpoint has been written.
 */
#ifndef chemomech_simulator_run_interrupted_h
#define chemomech_simulator_run_interrupted_h

#include <stdexcept>
#include <string>

namespace chemomech
{
  /**
   * @brief Thrown by TransientDriver::run() on every rank when a signal
   * (SIGTERM, SIGINT, SIGUSR1) stopped the run; the checkpoint is written
   * and status.txt says "interrupted: ...". what() is that text. main()
   * exits with exit_code.
   */
  class RunInterrupted : public std::runtime_error
  {
  public:
    explicit RunInterrupted(const std::string &status)
      : std::runtime_error(status)
    {}

    /// The exit code of an interrupted run (documented in the user guide).
    static constexpr int exit_code = 3;
  };
} // namespace chemomech

#endif
