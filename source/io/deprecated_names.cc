#include <chemomech/io/deprecated_names.h>

#include <deal.II/base/utilities.h>

#include <algorithm>
#include <cctype>
#include <sstream>

namespace chemomech
{
  namespace
  {
    /// The subsections whose "subsection Porosity" is the old name.
    bool
    is_electrode(const std::string &name)
    {
      return name == "Negative electrode" || name == "Positive electrode";
    }



    /// @p code without its leading keyword @p keyword (either case) and the
    /// following blank, trimmed; false if @p code does not start with it.
    bool
    strip_keyword(const std::string &code,
                  const std::string &keyword,
                  std::string       &rest)
    {
      std::string upper = keyword;
      std::transform(upper.begin(),
                     upper.end(),
                     upper.begin(),
                     [](const unsigned char c) { return std::toupper(c); });
      for (const std::string &k : {keyword, upper})
        if (code.size() > k.size() && code.compare(0, k.size(), k) == 0 &&
            std::isspace(static_cast<unsigned char>(code[k.size()])))
          {
            rest = dealii::Utilities::trim(code.substr(k.size()));
            return true;
          }
      return false;
    }
  } // namespace



  std::vector<std::size_t>
  DeprecatedNames::rewrite(std::string &text)
  {
    std::istringstream       in(text);
    std::string              out;
    std::vector<std::size_t> source;
    // Open subsections; an old "Porosity" of an electrode is held as "".
    std::vector<std::string> path;
    std::string              line, rest;
    for (std::size_t n = 0; std::getline(in, line); ++n)
      {
        const std::string code =
          dealii::Utilities::trim(line.substr(0, line.find('#')));
        std::vector<std::string> lines{line};
        if (strip_keyword(code, "subsection", rest))
          {
            if (rest == "Porosity" && path.size() == 1 && is_electrode(path[0]))
              {
                note(path[0] + "/Porosity/...",
                     path[0] + "/Pore structure/...");
                lines = {"subsection Pore structure"};
                rest  = "";
              }
            path.push_back(rest);
          }
        else if ((code == "end" || code == "END") && !path.empty())
          path.pop_back();
        else if (strip_keyword(code, "set", rest) && path.size() == 2 &&
                 path[1].empty() &&
                 dealii::Utilities::trim(rest.substr(0, rest.find('='))) ==
                   "Macroporosity" &&
                 rest.find('=') != std::string::npos)
          {
            note(path[0] + "/Porosity/Macroporosity", path[0] + "/Porosity");
            lines = {"end",
                     "set Porosity = " +
                       dealii::Utilities::trim(rest.substr(rest.find('=') + 1)),
                     "subsection Pore structure"};
          }
        for (const std::string &l : lines)
          {
            out += l + "\n";
            source.push_back(n);
          }
      }
    text = out;
    return source;
  }



  bool
  DeprecatedNames::found() const
  {
    return !renames.empty();
  }



  std::string
  DeprecatedNames::message() const
  {
    if (renames.empty())
      return "";
    std::string text =
      "deprecated parameter names (still accepted, please rename): ";
    for (std::size_t i = 0; i < renames.size(); ++i)
      text += (i > 0 ? "; " : "") + renames[i];
    return text;
  }



  void
  DeprecatedNames::note(const std::string &old_name,
                        const std::string &new_name)
  {
    const std::string text = "'" + old_name + "' is now '" + new_name + "'";
    if (std::find(renames.begin(), renames.end(), text) == renames.end())
      renames.push_back(text);
  }
} // namespace chemomech
