#include <chemomech/core/error_messages.h>
#include <chemomech/core/parameter_checks.h>
#include <chemomech/io/bpx_import.h>
#include <chemomech/io/input_file.h>

#include <deal.II/base/utilities.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <system_error>

namespace chemomech
{
  namespace
  {
    namespace fs = std::filesystem;

    /// The part of @p line before a comment, trimmed (deal.II's rules).
    std::string
    without_comment(const std::string &line)
    {
      return dealii::Utilities::trim(line.substr(0, line.find('#')));
    }



    /// The path named by "include <path>" in @p code, or "" if @p code is
    /// not an include line.
    std::string
    include_target(const std::string &code)
    {
      for (const char *keyword : {"include", "INCLUDE"})
        if (code.rfind(keyword, 0) == 0 && code.size() > 7 &&
            std::isspace(static_cast<unsigned char>(code[7])))
          return dealii::Utilities::trim(code.substr(7));
      return "";
    }



    /// @p path, if relative, resolved against the directory @p dir.
    std::string
    resolve(const std::string &path, const fs::path &dir)
    {
      const fs::path p(path);
      return p.is_absolute() ? path : (dir / p).lexically_normal().string();
    }



    /// "set Mesh file = <value>" with a relative value: the line with the
    /// value resolved against @p dir; any other line unchanged.
    std::string
    resolve_mesh_file(const std::string &line,
                      const std::string &code,
                      const fs::path    &dir)
    {
      static const std::regex set_mesh(R"(^(set|SET)\s+Mesh file\s*=\s*(.*)$)");
      std::smatch             m;
      if (!std::regex_match(code, m, set_mesh))
        return line;
      const std::string value = dealii::Utilities::trim(m[2].str());
      if (value.empty() || fs::path(value).is_absolute())
        return line;
      return "set Mesh file = " + resolve(value, dir);
    }



    /// Refuses @p path unless it is a readable regular file; @p what says
    /// how it was named.
    void
    check_input_file(const std::string &path, const std::string &what)
    {
      std::error_code ec;
      check_condition(fs::exists(path, ec),
                      "cannot find the parameter file '" + path + "'" + what);
      check_condition(!fs::is_directory(path, ec),
                      "'" + path + "'" + what +
                        " is a directory, not a parameter file");
      std::ifstream in(path);
      check_condition(static_cast<bool>(in),
                      "cannot read the parameter file '" + path + "'" + what);
    }
  } // namespace



  InputFile
  InputFile::read(const std::string &file_name)
  {
    InputFile                input;
    std::vector<std::string> chain, shown;
    input.append(file_name, chain, shown);
    // Old parameter names (DeprecatedNames) made current; each new line
    // keeps the origin of the line it replaces.
    std::vector<Origin> origins;
    for (const std::size_t i : input.deprecated.rewrite(input.assembled))
      origins.push_back(input.origins[i]);
    input.origins = origins;
    check_condition(
      input.has_content,
      "the parameter file '" + file_name +
        "' sets no parameter (it is empty or has only comments); a "
        "simulation needs at least 'set Model = ...'. 'chemomech "
        "--print-parameters' prints every parameter with its default and "
        "documentation (a valid input file to start from)");
    return input;
  }



  void
  InputFile::append(const std::string        &path,
                    std::vector<std::string> &chain,
                    std::vector<std::string> &shown)
  {
    const std::string from =
      shown.empty() ?
        std::string() :
        " (included from '" + shown.back() + "', line " +
          std::to_string(origins.empty() ? 0 : origins.back().line) + ")";
    check_input_file(path, from);
    std::error_code   ec;
    const std::string canonical = fs::weakly_canonical(path, ec).string();
    if (std::find(chain.begin(), chain.end(), canonical) != chain.end())
      {
        std::string text;
        for (const std::string &f : shown)
          text += "'" + f + "' includes ";
        throw InvalidParameter("include recursion: " + text + "'" + path +
                               "' again");
      }
    chain.push_back(canonical);
    shown.push_back(path);

    const fs::path dir = fs::absolute(fs::path(path), ec).parent_path();
    std::ifstream  in(path);
    std::string    line;
    for (unsigned int n = 1; std::getline(in, line); ++n)
      {
        const std::string code   = without_comment(line);
        const std::string target = include_target(code);
        if (!target.empty())
          {
            // The include's own position, for a message about it.
            origins.push_back({path, n});
            assembled += "\n";
            append(resolve(target, dir), chain, shown);
            continue;
          }
        has_content = has_content || !code.empty();
        // "set Parameter set = f.json": the line and f's parameters (BPX).
        for (const std::string &l :
             BpxImport::splice(resolve_mesh_file(line, code, dir), code, dir))
          {
            assembled += l + "\n";
            origins.push_back({path, n});
          }
      }
    chain.pop_back();
    shown.pop_back();
  }



  const std::string &
  InputFile::text() const
  {
    return assembled;
  }



  const DeprecatedNames &
  InputFile::deprecated_names() const
  {
    return deprecated;
  }



  void
  InputFile::parse(dealii::ParameterHandler &prm,
                   const bool                skip_undefined) const
  {
    try
      {
        prm.parse_input_from_string(assembled, "", skip_undefined);
      }
    catch (const dealii::ExceptionBase &e)
      {
        throw InvalidParameter(locate(user_message(e)));
      }
  }



  std::string
  InputFile::locate(const std::string &message) const
  {
    static const std::regex position(R"(Line <(\d+)> of file <input string>?)");
    std::smatch             m;
    if (!std::regex_search(message, m, position))
      return message;
    const unsigned long n = std::stoul(m[1].str());
    if (n < 1 || n > origins.size())
      return message;
    const Origin &o = origins[n - 1];
    return m.prefix().str() + "line " + std::to_string(o.line) + " of '" +
           o.file + "'" + m.suffix().str();
  }
} // namespace chemomech
