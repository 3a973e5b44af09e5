/**
 * @file signal_monitor.h
 * @brief Catches SIGTERM, SIGINT and SIGUSR1 (what batch systems send before
 * a job's wall-time limit) so that the time loop can checkpoint and stop.
 */
#ifndef chemomech_simulator_signal_monitor_h
#define chemomech_simulator_signal_monitor_h

#include <mpi.h>
#include <string>

namespace chemomech
{
  /**
   * @brief While alive, SIGTERM, SIGINT and SIGUSR1 only set a flag (the
   * previous handlers are restored by the destructor). The time loop asks
   * pending() after each step, a collective call, so that every rank stops
   * at the same step even if the signal reached only some of them.
   */
  class SignalMonitor
  {
  public:
    /// Installs the handlers.
    SignalMonitor();

    /// Restores the previous handlers.
    ~SignalMonitor();

    SignalMonitor(const SignalMonitor &) = delete;
    SignalMonitor &
    operator=(const SignalMonitor &) = delete;

    /**
     * @brief The signal that reached any rank of @p comm since the start
     * ("" if none), e.g. "SIGTERM". Collective.
     */
    std::string
    pending(const MPI_Comm comm) const;

    /// Name of signal number @p signal ("SIGTERM", ...).
    static std::string
    name(const int signal);
  };
} // namespace chemomech

#endif
