#include <chemomech/core/parameter_checks.h>
#include <chemomech/core/range_spec.h>
#include <chemomech/io/output_settings.h>

#include <limits>

namespace chemomech
{
  namespace
  {
    /// Allowed ranges of the entries (declared patterns and checks).
    const RangeSpec vtu_interval_range =
      RangeSpec::integers(0, std::numeric_limits<long>::max());
  } // namespace



  using namespace dealii;



  void
  OutputSettings::declare_parameters(ParameterHandler  &prm,
                                     const std::string &interval_doc)
  {
    prm.enter_subsection("Output");
    prm.declare_entry("Directory",
                      "output",
                      Patterns::Anything(),
                      "Directory for all results (created if missing).");
    prm.declare_entry("VTU interval",
                      "10",
                      *vtu_interval_range.pattern(),
                      "Write VTU/PVTU fields every this many accepted steps " +
                        interval_doc);
    prm.declare_entry("Write VTU",
                      "true",
                      Patterns::Bool(),
                      "Whether to write fields for ParaView at all.");
    prm.declare_entry("Progress",
                      "true",
                      Patterns::Bool(),
                      "One line per accepted step on the terminal: the step, "
                      "the model's progress and an estimate of the time left "
                      "(from the rate of progress over the last half of the "
                      "run so far).");
    prm.declare_entry("Progress clock",
                      "wall time",
                      Patterns::Selection("wall time|Newton iterations"),
                      "What the estimate of the time left in the progress "
                      "lines counts: 'wall time' (s) or 'Newton iterations' "
                      "(rejected attempts included; deterministic, used by "
                      "the tests of the estimate).");
    prm.leave_subsection();
  }



  void
  OutputSettings::parse_parameters(ParameterHandler &prm)
  {
    prm.enter_subsection("Output");
    directory = prm.get("Directory");
    vtu_interval =
      vtu_interval_range.check_integer("Output/VTU interval",
                                       prm.get_integer("VTU interval"));
    write_vtu      = prm.get_bool("Write VTU");
    show_progress  = prm.get_bool("Progress");
    progress_clock = (prm.get("Progress clock") == "Newton iterations") ?
                       ProgressClock::newton_iterations :
                       ProgressClock::wall_time;
    prm.leave_subsection();
    check_condition(!directory.empty(),
                    "parameter 'Output/Directory' is empty");
  }
} // namespace chemomech
