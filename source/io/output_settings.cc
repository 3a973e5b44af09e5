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
                      "One line per accepted step on the terminal.");
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
    write_vtu     = prm.get_bool("Write VTU");
    show_progress = prm.get_bool("Progress");
    prm.leave_subsection();
    check_condition(!directory.empty(),
                    "parameter 'Output/Directory' is empty");
  }
} // namespace chemomech
