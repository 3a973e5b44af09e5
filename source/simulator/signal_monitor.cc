#include <chemomech/simulator/signal_monitor.h>

#include <deal.II/base/mpi.h>

#include <csignal>

namespace chemomech
{
  namespace
  {
    volatile std::sig_atomic_t caught = 0;

    extern "C" void
    record_signal(int signal)
    {
      caught = signal;
    }

    constexpr int    watched[] = {SIGTERM, SIGINT, SIGUSR1};
    struct sigaction previous[3];
  } // namespace



  SignalMonitor::SignalMonitor()
  {
    caught                  = 0;
    struct sigaction action = {};
    action.sa_handler       = record_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (unsigned int i = 0; i < 3; ++i)
      sigaction(watched[i], &action, &previous[i]);
  }



  SignalMonitor::~SignalMonitor()
  {
    for (unsigned int i = 0; i < 3; ++i)
      sigaction(watched[i], &previous[i], nullptr);
  }



  std::string
  SignalMonitor::pending(const MPI_Comm comm) const
  {
    const int signal =
      dealii::Utilities::MPI::max(static_cast<int>(caught), comm);
    return signal ? name(signal) : std::string();
  }



  std::string
  SignalMonitor::name(const int signal)
  {
    switch (signal)
      {
        case SIGTERM:
          return "SIGTERM";
        case SIGINT:
          return "SIGINT";
        case SIGUSR1:
          return "SIGUSR1";
        default:
          return "signal " + std::to_string(signal);
      }
  }
} // namespace chemomech
