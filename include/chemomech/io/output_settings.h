/**
 * @file output_settings.h
 * @brief The entries of subsection "Output" that every model has: where
 * results go, how often fields are written, whether progress is shown.
 */
#ifndef chemomech_io_output_settings_h
#define chemomech_io_output_settings_h

#include <deal.II/base/parameter_handler.h>

#include <string>

namespace chemomech
{
  /// What the estimate of the time left in the progress lines counts.
  enum class ProgressClock
  {
    /// Wall-clock seconds (the default).
    wall_time,
    /// Newton iterations, rejected attempts included: deterministic, for
    /// tests of the estimate.
    newton_iterations
  };

  /**
   * @brief Subsection "Output": Directory, VTU interval, Write VTU,
   * Progress, Progress clock. A model may declare more entries in the same
   * subsection.
   */
  struct OutputSettings
  {
    /**
     * @brief Declares the entries in subsection "Output";
     * @p interval_doc completes the documentation of "VTU interval" (when
     * fields are written besides every N steps).
     */
    static void
    declare_parameters(dealii::ParameterHandler &prm,
                       const std::string        &interval_doc);

    /// Reads the entries of subsection "Output" and checks them.
    void
    parse_parameters(dealii::ParameterHandler &prm);

    /// Directory for all results (created if missing).
    std::string directory = "output";
    /// Write fields every this many accepted steps (0: start and end only).
    unsigned int vtu_interval = 10;
    /// Whether fields are written for ParaView at all.
    bool write_vtu = true;
    /// One progress line per accepted step on the terminal.
    bool show_progress = true;
    /// What the estimate of the time left counts.
    ProgressClock progress_clock = ProgressClock::wall_time;
  };
} // namespace chemomech

#endif
