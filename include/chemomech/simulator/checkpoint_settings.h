/**
 * @file checkpoint_settings.h
 * @brief When the time loop writes checkpoints and whether a run resumes
 * from one (subsection "Checkpointing").
 */
#ifndef chemomech_simulator_checkpoint_settings_h
#define chemomech_simulator_checkpoint_settings_h

#include <deal.II/base/parameter_handler.h>

namespace chemomech
{
  /**
   * @brief Checkpointing of a run (TransientDriver).
   *
   * A checkpoint is written after an accepted step when "Every steps"
   * accepted steps or "Every seconds" of wall-clock time have passed since
   * the last one (either switch 0 = off), and always when a signal
   * (SIGTERM, SIGINT, SIGUSR1) interrupts the run. It goes to
   * Output/Directory/checkpoint/ (written as checkpoint.new/, then rotated,
   * so that a kill while writing keeps the previous checkpoint). "Resume"
   * (or the command-line option --resume) continues a run from there.
   */
  class CheckpointSettings
  {
  public:
    /// Declares subsection "Checkpointing".
    static void
    declare_parameters(dealii::ParameterHandler &prm);

    /// Reads and validates subsection "Checkpointing".
    void
    parse_parameters(dealii::ParameterHandler &prm);

    /// Whether any periodic checkpoint is asked for.
    bool
    periodic() const
    {
      return every_steps > 0 || every_seconds > 0;
    }

    /// Accepted steps between checkpoints (0: none by step count).
    unsigned int every_steps = 0;
    /// Wall-clock time between checkpoints (0: none by time). Units: s.
    double every_seconds = 0;
    /// Whether the run resumes from Output/Directory/checkpoint/.
    bool resume = false;
    /// Stop with a checkpoint after this many accepted steps (counted from
    /// the start of the simulation; 0: never), like a signal would.
    unsigned int stop_after_steps = 0;
  };
} // namespace chemomech

#endif
