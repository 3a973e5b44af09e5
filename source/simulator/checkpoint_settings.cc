#include <chemomech/core/parameter_checks.h>
#include <chemomech/core/range_spec.h>
#include <chemomech/simulator/checkpoint_settings.h>

namespace chemomech
{
  namespace
  {
    /// Allowed ranges of the entries (declared patterns and checks).
    const RangeSpec stop_after_steps_range = RangeSpec::integers(0, 1000000000);
    const RangeSpec every_steps_range      = RangeSpec::integers(0, 1000000000);
    const RangeSpec
      every_seconds_range(0, Bound::closed, 1e9, Bound::closed, "s");
  } // namespace



  void
  CheckpointSettings::declare_parameters(dealii::ParameterHandler &prm)
  {
    prm.enter_subsection("Checkpointing");
    prm.declare_entry("Every steps",
                      "0",
                      *every_steps_range.pattern(),
                      "Write a checkpoint every this many accepted steps "
                      "(0: not by step count). Checkpoints go to "
                      "Output/Directory/checkpoint/. Range: [0, 1000000000].");
    prm.declare_entry("Every seconds",
                      "0",
                      *every_seconds_range.pattern(),
                      "Write a checkpoint when this much wall-clock time has "
                      "passed since the last one (0: not by time); set it "
                      "below a batch job's wall-time limit. A SIGTERM, SIGINT "
                      "or SIGUSR1 writes one in any case. Units: s. Range: "
                      "[0, 1e9].");
    prm.declare_entry("Resume",
                      "false",
                      dealii::Patterns::Bool(),
                      "true: continue the run from Output/Directory/"
                      "checkpoint/ (the same as the command-line option "
                      "--resume); parameters that change the discrete problem "
                      "must equal the checkpoint's.");
    prm.declare_entry("Stop after steps",
                      "0",
                      *stop_after_steps_range.pattern(),
                      "Stop the run with a checkpoint after this many accepted "
                      "steps (counted from the start of the simulation), as a "
                      "SIGTERM would: status.txt says 'interrupted', the exit "
                      "code is 3; 0: never. For splitting a long run into "
                      "jobs of a known length. Range: [0, 1000000000].");
    prm.leave_subsection();
  }



  void
  CheckpointSettings::parse_parameters(dealii::ParameterHandler &prm)
  {
    prm.enter_subsection("Checkpointing");
    const long steps = prm.get_integer("Every steps");
    every_seconds    = prm.get_double("Every seconds");
    resume           = prm.get_bool("Resume");
    const long stop  = prm.get_integer("Stop after steps");
    prm.leave_subsection();
    stop_after_steps_range.check_integer("Checkpointing/Stop after steps",
                                         stop);
    stop_after_steps = static_cast<unsigned int>(stop);
    every_steps_range.check_integer("Checkpointing/Every steps", steps);
    every_seconds_range.check("Checkpointing/Every seconds", every_seconds);
    every_steps = static_cast<unsigned int>(steps);
  }
} // namespace chemomech
