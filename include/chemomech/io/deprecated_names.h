/**
 * @file deprecated_names.h
 * @brief Old parameter names still accepted: the input text is rewritten to
 * the current names before deal.II parses it.
 */
#ifndef chemomech_io_deprecated_names_h
#define chemomech_io_deprecated_names_h

#include <cstddef>
#include <string>
#include <vector>

namespace chemomech
{
  /**
   * @brief Rewrites deprecated names in the text of a parameter file.
   *
   * Renamed in an electrode ("subsection Negative electrode", "subsection
   * Positive electrode"):
   * - "subsection Porosity" -> "subsection Pore structure";
   * - "set Macroporosity = v" inside that subsection -> "set Porosity = v"
   *   in the electrode itself (the line becomes "end", "set Porosity = v",
   *   "subsection Pore structure").
   * The separator's "Porosity" and all other lines are left as they are.
   * Keywords are matched as deal.II matches them (set/SET, subsection/
   * SUBSECTION, end/END; comments after '#').
   */
  class DeprecatedNames
  {
  public:
    /**
     * @brief Rewrites @p text (lines ending in '\\n') in place.
     * @return For each line of the new text, the index (from 0) of the line
     * of the old text it came from.
     */
    std::vector<std::size_t>
    rewrite(std::string &text);

    /// Whether rewrite() replaced any name.
    bool
    found() const;

    /**
     * @brief One message naming every old name met and its new name, e.g.
     * "deprecated parameter names (still accepted, please rename):
     * 'Negative electrode/Porosity/Macroporosity' is now 'Negative
     * electrode/Porosity'; ..." ("" if none was met).
     */
    std::string
    message() const;

  private:
    /// "'old' is now 'new'" for each distinct rename met, in order.
    std::vector<std::string> renames;

    /// Adds "'@p old_name' is now '@p new_name'" unless already there.
    void
    note(const std::string &old_name, const std::string &new_name);
  };
} // namespace chemomech

#endif
