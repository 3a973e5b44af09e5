/**
 * @file input_file.h
 * @brief The text of a parameter file with its "include"s expanded, read and
 * checked before deal.II's ParameterHandler sees it.
 */
#ifndef chemomech_io_input_file_h
#define chemomech_io_input_file_h

#include <chemomech/io/deprecated_names.h>

#include <deal.II/base/parameter_handler.h>

#include <string>
#include <vector>

namespace chemomech
{
  /**
   * @brief A parameter file as one text, its "include <path>" lines replaced
   * by the included files' lines (at any depth).
   *
   * Paths inside a file resolve relative to the directory of the file that
   * contains them: the "include" lines and the values of "set Mesh file =
   * ..." are rewritten to absolute paths while the text is assembled (an
   * absolute path is kept as it is). A line "set Parameter set = FILE" is
   * followed by the parameters of the BPX file FILE (resolved the same way;
   * BpxImport::splice()), so that entries after it override them. read()
   * refuses, with InvalidParameter:
   * a missing or unreadable file, a directory, an include that is part of a
   * recursion (the message names the chain of files), and an input without
   * a single parameter line (empty or comments only). Deprecated names are
   * rewritten to the current ones (DeprecatedNames; deprecated_names() says
   * which were met). Each line of the text
   * remembers the file and line it came from, so that deal.II's parse
   * errors name the real file and line (parse()).
   */
  class InputFile
  {
  public:
    /// Reads @p file_name (relative to the working directory or absolute).
    static InputFile
    read(const std::string &file_name);

    /// The assembled text (no "include" lines left, current names).
    const std::string &
    text() const;

    /// The deprecated names met in the file (and their message).
    const DeprecatedNames &
    deprecated_names() const;

    /**
     * @brief prm.parse_input_from_string(text(), "", @p skip_undefined);
     * deal.II's errors are rethrown as InvalidParameter with "line N of
     * file F" in place of deal.II's position in the assembled text.
     */
    void
    parse(dealii::ParameterHandler &prm, const bool skip_undefined) const;

    /// @p message with deal.II's "Line <N> of file <input string>" made
    /// "line L of F" (the file and line the text's line N came from).
    std::string
    locate(const std::string &message) const;

  private:
    /// Where a line of text() came from.
    struct Origin
    {
      /// Absolute path of the file.
      std::string file;
      /// Line number in that file (from 1).
      unsigned int line;
    };

    /// Appends the lines of @p path; @p chain holds the files that include
    /// it (canonical paths, outermost first) and the names to show.
    void
    append(const std::string        &path,
           std::vector<std::string> &chain,
           std::vector<std::string> &shown);

    /// The assembled text.
    std::string assembled;
    /// Origin of each line of the assembled text.
    std::vector<Origin> origins;
    /// The old names rewritten in the assembled text.
    DeprecatedNames deprecated;
    /// Whether any line other than comments, blanks and includes was found.
    bool has_content = false;
  };
} // namespace chemomech

#endif
