/**
 * @file experiment_list.h
 * @brief A PyBaMM experiment written as a Python list in "Cycling/Steps",
 * e.g. [("Discharge at 1C until 2.5 V", "Rest for 1 hour")] * 3, split into
 * its step strings and its repetition.
 */
#ifndef chemomech_physics_electrode_experiment_list_h
#define chemomech_physics_electrode_experiment_list_h

#include <string>
#include <vector>

namespace chemomech
{
  /**
   * @brief The step strings of a Python-list experiment and how often the
   * list repeats.
   *
   * Grammar (strings in single or double quotes, without escapes; blanks
   * and line breaks anywhere between the symbols):
   * @code
   *   list := [ N "*" ] "[" [ item { "," item } [","] ] "]" [ "*" N ]
   *   item := string | "(" string { "," string } [","] ")"
   * @endcode
   * with N an integer in [1, 1000000] (at most one of the two).
   *
   * All strings of the list, tuples flattened in order, are one cycle of
   * the protocol, and N multiplies "Cycling/Number of cycles". So
   * [("Discharge at 1C until 2.5 V", "Rest for 1 hour")] * 3 runs three
   * cycles, as in PyBaMM, where a tuple is a cycle. A list of several
   * tuples is one cycle here (PyBaMM counts each tuple as a cycle: the steps
   * run in the same order, cycles.csv has fewer rows). Sums of lists
   * ("[...] + [...]") are refused: every cycle of a protocol has the same
   * steps.
   */
  struct ExperimentList
  {
    /// The step strings in order (tuples flattened), unparsed.
    std::vector<std::string> steps;
    /// The N of "[...] * N" (1 without it). Units: none.
    unsigned int repeat = 1;

    /// Whether @p text is a Python list: its first non-blank is "[" or it
    /// begins with "N *".
    static bool
    is_list(const std::string &text);

    /**
     * @brief Splits @p text (grammar above); throws InvalidParameter naming
     * "Cycling/Steps", the position and the expected form otherwise.
     */
    static ExperimentList
    parse(const std::string &text);
  };
} // namespace chemomech

#endif
