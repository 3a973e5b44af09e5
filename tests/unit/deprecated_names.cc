// Old parameter names still read: DeprecatedNames rewrites an electrode's
// "subsection Porosity" to "Pore structure" and its "set Macroporosity" to
// the electrode's "set Porosity" (each new line keeps the origin of the line
// it replaces); other subsections are untouched. A parameter file with the
// old names parses to the same values as the one with the new names, names
// both in one message, and deal.II's errors still point at the right line.
#include <chemomech/core/parameter_checks.h>
#include <chemomech/io/deprecated_names.h>
#include <chemomech/io/input_file.h>
#include <chemomech/io/input_prescan.h>
#include <chemomech/physics/electrode/electrode_problem.h>

#include <deal.II/base/mpi.h>
#include <deal.II/base/parameter_handler.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "test_tools.h"

using namespace chemomech;
using namespace dealii;

namespace
{
  /// Writes @p text to @p path.
  void
  write(const std::string &path, const std::string &text)
  {
    std::ofstream(path) << text;
  }



  /// Every parameter of the electrode model parsed from @p input, printed.
  std::string
  parsed(const InputFile &input)
  {
    ParameterHandler prm;
    ElectrodeProblem<3>::declare_parameters(prm,
                                            InputPrescan::from_input(input));
    input.parse(prm, false);
    std::ostringstream out;
    prm.print_parameters(out, ParameterHandler::ShortPRM);
    return out.str();
  }



  /// "@p electrode/Porosity" parsed from @p input.
  double
  porosity(const InputFile &input, const std::string &electrode)
  {
    ParameterHandler prm;
    ElectrodeProblem<3>::declare_parameters(prm,
                                            InputPrescan::from_input(input));
    input.parse(prm, false);
    prm.enter_subsection(electrode);
    return prm.get_double("Porosity");
  }
} // namespace

int
main(int argc, char **argv)
{
  Utilities::MPI::MPI_InitFinalize mpi(argc, argv, 1);
  chemomech_test::Checks           check;

  // 1. The rewrite itself.
  {
    DeprecatedNames names;
    std::string     text = "subsection Separator\n"          // 0
                       "  set Porosity = 0.4\n"              // 1
                       "end\n"                               // 2
                       "SUBSECTION Negative electrode\n"     // 3
                       "  subsection Porosity  # old\n"      // 4
                       "    set Kinematics = mixture\n"      // 5
                       "    SET Macroporosity=0.3 # eps_M\n" // 6
                       "  end\n"                             // 7
                       "  subsection SEI\n"                  // 8
                       "    subsection Porosity\n"           // 9
                       "    end\n"                           // 10
                       "  end\n"                             // 11
                       "END\n";                              // 12
    const auto        from     = names.rewrite(text);
    const std::string expected = "subsection Separator\n"
                                 "  set Porosity = 0.4\n"
                                 "end\n"
                                 "SUBSECTION Negative electrode\n"
                                 "subsection Pore structure\n"
                                 "    set Kinematics = mixture\n"
                                 "end\n"
                                 "set Porosity = 0.3\n"
                                 "subsection Pore structure\n"
                                 "  end\n"
                                 "  subsection SEI\n"
                                 "    subsection Porosity\n"
                                 "    end\n"
                                 "  end\n"
                                 "END\n";
    check.is_true("rewritten text", text == expected, "\n" + text);
    const std::vector<std::size_t>
      origin{0, 1, 2, 3, 4, 5, 6, 6, 6, 7, 8, 9, 10, 11, 12};
    check.is_true("each new line keeps its origin", from == origin);
    check.is_true("found", names.found());
    check.is_true(
      "one message naming old and new names",
      names.message() ==
        "deprecated parameter names (still accepted, please rename): "
        "'Negative electrode/Porosity/...' is now 'Negative electrode/Pore "
        "structure/...'; 'Negative electrode/Porosity/Macroporosity' is now "
        "'Negative electrode/Porosity'",
      names.message());

    DeprecatedNames   current;
    std::string       same   = "subsection Positive electrode\n"
                               "  set Porosity = 0.3\n"
                               "  subsection Pore structure\n"
                               "  end\n"
                               "end\n";
    const std::string before = same;
    current.rewrite(same);
    check.is_true("current names unchanged, nothing found",
                  same == before && !current.found() &&
                    current.message().empty());
  }

  // 2. A file with the old names = the file with the new names.
  const std::string common   = "set Model = electrode\n"
                               "set Dimension = 1\n"
                               "subsection Negative electrode\n"
                               "  set Preset = graphite\n";
  const std::string old_file = "deprecated_names_old.prm";
  const std::string new_file = "deprecated_names_new.prm";
  write(old_file,
        common + "  subsection Porosity\n"
                 "    set Macroporosity = 0.3\n"
                 "    set Minimum porosity = 0.02\n"
                 "    set Kinematics = mixture\n"
                 "  end\n"
                 "end\n"
                 "subsection Positive electrode\n"
                 "  subsection Porosity\n"
                 "    set Macroporosity = 0.31\n"
                 "  end\n"
                 "end\n");
  write(new_file,
        common + "  set Porosity = 0.3\n"
                 "  subsection Pore structure\n"
                 "    set Minimum porosity = 0.02\n"
                 "    set Kinematics = mixture\n"
                 "  end\n"
                 "end\n"
                 "subsection Positive electrode\n"
                 "  set Porosity = 0.31\n"
                 "end\n");
  const InputFile   old_input  = InputFile::read(old_file);
  const InputFile   new_input  = InputFile::read(new_file);
  const std::string old_values = parsed(old_input);
  const std::string new_values = parsed(new_input);
  check.is_true("old names parse to the same values as the new names",
                old_values == new_values,
                old_values);
  check.is_true("... and the values are the file's (not the defaults)",
                porosity(old_input, "Negative electrode") == 0.3 &&
                  porosity(old_input, "Positive electrode") == 0.31);
  check.is_true("old file: one message naming old and new names",
                old_input.deprecated_names().message().find(
                  "'Positive electrode/Porosity/Macroporosity' is now "
                  "'Positive electrode/Porosity'") != std::string::npos);
  check.is_true("new file: no message", !new_input.deprecated_names().found());

  // 3. deal.II's error after a rewritten line names the file's line.
  write(old_file,
        common + "  subsection Porosity\n"         // line 5
                 "    set Macroporosity = 0.3\n"   // line 6
                 "    set Kinematics = sideways\n" // line 7
                 "  end\n"
                 "end\n");
  std::string error;
  try
    {
      parsed(InputFile::read(old_file));
    }
  catch (const InvalidParameter &e)
    {
      error = e.what();
    }
  check.is_true("error located at line 7 of the file",
                error.find("line 7 of") != std::string::npos &&
                  error.find("sideways") != std::string::npos,
                error);
  std::remove(old_file.c_str());
  std::remove(new_file.c_str());
  return check.finish();
}
