#include <chemomech/io/input_file.h>
#include <chemomech/io/input_prescan.h>

#include <deal.II/base/parameter_handler.h>

namespace chemomech
{
  using namespace dealii;



  namespace
  {
    /// A handler with only the entries of the pre-scan declared.
    void
    declare_prescan_entries(ParameterHandler &pre)
    {
      pre.declare_entry("Model",
                        "particle",
                        Patterns::Selection("particle|electrode"));
      pre.declare_entry("Dimension", "", Patterns::Anything());
      pre.declare_entry("Electrolyte preset",
                        InputPrescan::default_electrolyte_preset,
                        Patterns::Anything());
      pre.enter_subsection("Negative electrode");
      pre.declare_entry("Preset",
                        InputPrescan::default_negative_preset,
                        Patterns::Anything());
      pre.leave_subsection();
      pre.enter_subsection("Positive electrode");
      pre.declare_entry("Preset",
                        InputPrescan::default_positive_preset,
                        Patterns::Anything());
      pre.leave_subsection();
    }



    /// The pre-scan's values from a parsed handler.
    InputPrescan
    extract(ParameterHandler &pre)
    {
      InputPrescan scan;
      scan.model = (pre.get("Model") == "electrode") ? ModelKind::electrode :
                                                       ModelKind::particle;
      scan.dimension          = pre.get("Dimension");
      scan.electrolyte_preset = pre.get("Electrolyte preset");
      pre.enter_subsection("Negative electrode");
      scan.negative_preset = pre.get("Preset");
      pre.leave_subsection();
      pre.enter_subsection("Positive electrode");
      scan.positive_preset = pre.get("Preset");
      pre.leave_subsection();
      return scan;
    }
  } // namespace



  InputPrescan
  InputPrescan::read(const std::string &input_file)
  {
    return from_input(InputFile::read(input_file));
  }



  InputPrescan
  InputPrescan::from_input(const InputFile &input)
  {
    ParameterHandler pre;
    declare_prescan_entries(pre);
    input.parse(pre, true);
    return extract(pre);
  }



  InputPrescan
  InputPrescan::from_string(const std::string &text)
  {
    ParameterHandler pre;
    declare_prescan_entries(pre);
    pre.parse_input_from_string(text, "", true);
    return extract(pre);
  }
} // namespace chemomech
