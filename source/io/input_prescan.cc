#include <chemomech/io/input_prescan.h>

#include <deal.II/base/parameter_handler.h>

namespace chemomech
{
  using namespace dealii;



  InputPrescan
  InputPrescan::read(const std::string &input_file)
  {
    ParameterHandler pre;
    pre.declare_entry("Model",
                      "particle",
                      Patterns::Selection("particle|electrode"));
    pre.declare_entry("Dimension", "", Patterns::Anything());
    pre.declare_entry("Electrolyte preset", "none", Patterns::Anything());
    for (const char *name : {"Negative electrode", "Positive electrode"})
      {
        pre.enter_subsection(name);
        pre.declare_entry("Preset", "none", Patterns::Anything());
        pre.leave_subsection();
      }
    pre.parse_input(input_file, "", true);

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
} // namespace chemomech
