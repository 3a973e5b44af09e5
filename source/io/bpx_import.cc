#include <chemomech/core/parameter_checks.h>
#include <chemomech/io/bpx_function.h>
#include <chemomech/io/bpx_import.h>
#include <chemomech/io/bpx_mapping.h>

#include <deal.II/base/mpi.h>
#include <deal.II/base/utilities.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <regex>
#include <sstream>
#include <stdexcept>

namespace chemomech
{
  namespace
  {
    using json = nlohmann::json;

    /// "Name [unit]" -> (Name, unit); unit "" if there is none.
    std::pair<std::string, std::string>
    split_unit(const std::string &field)
    {
      const auto open = field.rfind(" [");
      if (open == std::string::npos || field.back() != ']')
        return {field, ""};
      return {field.substr(0, open),
              field.substr(open + 2, field.size() - open - 3)};
    }



    /// @p text with every "<E>" replaced by @p electrode.
    std::string
    with_electrode(std::string text, const std::string &electrode)
    {
      for (auto p = text.find("<E>"); p != std::string::npos;
           p      = text.find("<E>"))
        text.replace(p, 3, electrode);
      return text;
    }



    /// The work of one import: the file, what has been used, the results.
    struct Mapping
    {
      std::string                                       file;
      const json                                       &root;
      std::vector<std::string>                         &used;
      std::vector<std::pair<std::string, std::string>> &mapped;
      std::vector<std::string>                         &notes;
      double                                            t_ref = 298.15;
      double                                            c_e0  = 1000;
      double                                            soc   = 1;

      /// InvalidParameter naming 'Parameter set', the file and @p what.
      InvalidParameter
      error(const std::string &what) const
      {
        return InvalidParameter("parameter 'Parameter set' = '" + file +
                                "': " + what);
      }

      /// A found field: its value, the factor to the SI unit, its path.
      struct Found
      {
        const json *value  = nullptr;
        double      factor = 1;
        std::string path;
      };

      /// The field at one of the '|'-separated @p paths, converted to the
      /// unit named in it; value nullptr if absent.
      Found
      find(const std::string &paths)
      {
        for (const auto &path :
             dealii::Utilities::split_string_list(paths, '|'))
          {
            const auto  parts = dealii::Utilities::split_string_list(path, '/');
            const json *node  = &root;
            for (std::size_t i = 0; i + 1 < parts.size() && node; ++i)
              node = (node->is_object() && node->contains(parts[i])) ?
                       &(*node)[parts[i]] :
                       nullptr;
            if (!node || !node->is_object())
              continue;
            const std::string parent = path.substr(0, path.rfind('/') + 1);
            const auto [name, unit]  = split_unit(parts.back());
            for (auto it = node->begin(); it != node->end(); ++it)
              {
                const auto [n, u] = split_unit(it.key());
                if (n != name)
                  continue;
                Found f{&it.value(), 1, parent + it.key()};
                if (u != unit)
                  {
                    const auto c = bpx_unit_factors().find(u);
                    if (c == bpx_unit_factors().end() ||
                        c->second.first != unit)
                      throw error("field '" + f.path +
                                  "': chemomech cannot "
                                  "convert the unit '" +
                                  u + "' to '" + unit + "'");
                    f.factor = c->second.second;
                  }
                used.push_back(f.path);
                return f;
              }
          }
        return {};
      }

      /// The field at @p paths as a number in the SI unit; throws if absent
      /// or not a number.
      double
      number(const std::string &paths)
      {
        const Found f = find(paths);
        if (!f.value)
          throw error("the BPX file has no field '" + paths + "'");
        if (!f.value->is_number())
          throw error("field '" + f.path + "' must be a number");
        return f.value->get<double>() * f.factor;
      }

      /// The field as a BpxFunction with the variables @p x_names -> x.
      BpxFunction
      function(const Found &f, const std::vector<std::string> &x_names)
      {
        std::map<std::string, std::string> v;
        for (const auto &n : x_names)
          v[n] = "x";
        v["T"] = "(" + BpxFunction::number(t_ref) + ")";
        try
          {
            return BpxFunction::from_json(*f.value, v, f.factor);
          }
        catch (const std::invalid_argument &e)
          {
            throw error("field '" + f.path + "': " + e.what());
          }
      }

      /// The value of @p rule for the electrode @p e (or "").
      std::string
      convert(const BpxRule &rule, const std::string &e);

      /// Applies the table.
      void
      apply();
    };



    std::string
    Mapping::convert(const BpxRule &rule, const std::string &e)
    {
      const std::string path = with_electrode(rule.bpx, e);
      const std::string dir  = path.substr(0, path.rfind('/') + 1);
      using N                = BpxFunction;
      if (rule.convert == BpxConversion::fixed)
        return rule.value;
      if (rule.convert == BpxConversion::reference_temperature)
        return find(path).value ? N::number(t_ref) : "";
      const Found f = find(path);
      if (!f.value)
        {
          if (std::string(rule.value) == "optional")
            return "";
          throw error("the BPX file has no field '" + path + "'");
        }
      if (rule.convert == BpxConversion::function_of_x)
        return function(f, {"x", "sto"}).expression();
      if (rule.convert == BpxConversion::function_of_x_or_table)
        return function(f, {"x", "sto"}).function_text();
      if (rule.convert == BpxConversion::function_of_ce)
        {
          const double v = function(f, {"x", "ce", "c_e"}).value(c_e0);
          notes.push_back(f.path + " = " + N::number(v) +
                          " at c_e0 = " + N::number(c_e0) + " mol/m^3");
          return N::number(v);
        }
      const double v = number(path);
      switch (rule.convert)
        {
          case BpxConversion::rate_constant:
            return N::number(v /
                             (number(dir + "Maximum concentration [mol.m-3]") *
                              std::sqrt(c_e0)));
          case BpxConversion::bruggeman:
            return N::number(std::log(v) / std::log(number(dir + "Porosity")) -
                             1);
          case BpxConversion::active_fraction:
            return N::number(v * number(dir + "Particle radius [m]") / 3);
          case BpxConversion::solid_conductivity:
            return N::number(
              v / (number(dir + "Surface area per unit volume [m-1]") *
                   number(dir + "Particle radius [m]") / 3));
            case BpxConversion::initial_stoichiometry: {
              const double x_max = number(dir + "Maximum stoichiometry");
              return N::number((e == "Negative electrode") ?
                                 v + soc * (x_max - v) :
                                 x_max - soc * (x_max - v));
            }
          case BpxConversion::one_c_current:
            return N::number(
              v / (number(std::string("Parameterisation/") +
                          "Cell/Electrode area [m2]") *
                   number(std::string("Parameterisation/") +
                          "Cell/Number of electrode pairs connected in "
                          "parallel to make a cell")));
          default:
            return N::number(v);
        }
    }



    void
    Mapping::apply()
    {
      for (const char *e : {"Negative electrode", "Positive electrode"})
        {
          const std::string p = std::string("Parameterisation/") + e;
          if (!root.contains("Parameterisation") ||
              !root["Parameterisation"].is_object() ||
              !root["Parameterisation"].contains(e))
            throw error("the BPX file has no field '" + p + "'");
          if (root["Parameterisation"][e].contains("Particle"))
            throw error("field '" + p +
                        "/Particle': blended electrodes (several active "
                        "materials) are not supported");
        }
      // T_ref and c_e0 first: other conversions use them.
      const auto bpx_of = [](const std::string &target) {
        for (const BpxRule &r : bpx_rules())
          if (target == r.target)
            return std::string(r.bpx);
        throw std::logic_error("BpxImport: no rule for " + target);
      };
      if (find(bpx_of("Temperature")).value)
        t_ref = number(bpx_of("Temperature"));
      else
        notes.push_back("no 'Reference temperature [K]': T_ref = 298.15 K");
      c_e0               = number(bpx_of("Initial electrolyte concentration"));
      const Found s      = find("State/Initial conditions/Initial "
                                "state-of-charge");
      const bool  no_soc = !s.value;
      if (s.value)
        soc = number("State/Initial conditions/Initial state-of-charge");
      if (no_soc)
        notes.push_back("no initial state-of-charge: the cell starts charged "
                        "(state of charge 1)");
      for (const BpxRule &rule : bpx_rules())
        {
          const bool per_electrode =
            std::string(rule.target).find("<E>") != std::string::npos;
          for (const char *e : {"Negative electrode", "Positive electrode"})
            {
              const std::string v = convert(rule, per_electrode ? e : "");
              if (!v.empty())
                mapped.emplace_back(with_electrode(rule.target, e), v);
              if (!per_electrode)
                break;
            }
        }
    }



    /// Appends the leaves of @p node (path @p path) that are not in @p used.
    void
    collect_unused(const json                                       &node,
                   const std::string                                &path,
                   const std::vector<std::string>                   &used,
                   std::vector<std::pair<std::string, std::string>> &out)
    {
      const bool table = node.is_object() && node.contains("x") &&
                         node.contains("y") && node.size() == 2;
      if (node.is_object() && !table && path != "Validation" &&
          path != "Parameterisation/User-defined")
        {
          for (auto it = node.begin(); it != node.end(); ++it)
            collect_unused(it.value(),
                           path.empty() ? it.key() : path + "/" + it.key(),
                           used,
                           out);
          return;
        }
      if (std::find(used.begin(), used.end(), path) != used.end())
        return;
      const std::string leaf = path.substr(path.rfind('/') + 1);
      out.emplace_back(path, bpx_ignore_reason(path, split_unit(leaf).first));
    }
  } // namespace



  BpxImport
  BpxImport::read(const std::string &file_name)
  {
    std::error_code ec;
    check_condition(std::filesystem::is_regular_file(file_name, ec),
                    "parameter 'Parameter set' = '" + file_name +
                      "': no such file (a BPX parameter file, .json)");
    std::ifstream in(file_name);
    check_condition(static_cast<bool>(in),
                    "parameter 'Parameter set' = '" + file_name +
                      "': cannot read the file");
    std::stringstream text;
    text << in.rdbuf();
    return parse(text.str(), file_name);
  }



  BpxImport
  BpxImport::parse(const std::string &json_text, const std::string &file_name)
  {
    BpxImport b;
    b.file_name = file_name;
    try
      {
        b.root = json::parse(json_text);
      }
    catch (const json::exception &e)
      {
        throw InvalidParameter("parameter 'Parameter set' = '" + file_name +
                               "': not a valid JSON file: " + e.what());
      }
    check_condition(b.root.is_object() && b.root.contains("Parameterisation"),
                    "parameter 'Parameter set' = '" + file_name +
                      "': not a BPX file (no object 'Parameterisation')");
    Mapping m{file_name, b.root, b.used, b.mapped, b.notes};
    try
      {
        m.apply();
      }
    catch (const json::exception &e)
      {
        throw m.error(std::string("unexpected content: ") + e.what());
      }
    b.t_ref = m.t_ref;
    b.c_e0  = m.c_e0;
    b.soc   = m.soc;
    for (auto it = b.root.begin(); it != b.root.end(); ++it)
      if (it.key() != "Header")
        collect_unused(it.value(), it.key(), b.used, b.unmapped);
    return b;
  }



  const std::vector<std::pair<std::string, std::string>> &
  BpxImport::parameters() const
  {
    return mapped;
  }



  const std::string &
  BpxImport::value(const std::string &path) const
  {
    for (const auto &p : mapped)
      if (p.first == path)
        return p.second;
    throw std::out_of_range("BpxImport: no parameter '" + path + "'");
  }



  const std::vector<std::pair<std::string, std::string>> &
  BpxImport::ignored() const
  {
    return unmapped;
  }



  double
  BpxImport::reference_temperature() const
  {
    return t_ref;
  }



  std::vector<std::string>
  BpxImport::prm_lines() const
  {
    std::vector<std::string> lines;
    for (const auto &[path, value] : mapped)
      {
        const auto  parts  = dealii::Utilities::split_string_list(path, '/');
        std::string indent = "";
        for (std::size_t i = 0; i + 1 < parts.size(); ++i, indent += "  ")
          lines.push_back(indent + "subsection " + parts[i]);
        lines.push_back(indent + "set " + parts.back() + " = " + value);
        for (std::size_t i = parts.size() - 1; i > 0; --i)
          {
            indent.resize(indent.size() - 2);
            lines.push_back(indent + "end");
          }
      }
    return lines;
  }



  std::string
  BpxImport::report() const
  {
    const json       &h = root.contains("Header") ? root["Header"] : json();
    std::stringstream r;
    r << "Parameter set '" << file_name << "'";
    if (h.is_object() && h.contains("Title") && h["Title"].is_string())
      r << " (" << h["Title"].get<std::string>() << ")";
    r << ": " << mapped.size()
      << " parameters set from BPX; properties at the reference temperature "
         "T_ref = "
      << t_ref << " K.\n";
    for (const auto &n : notes)
      r << "  note: " << n << "\n";
    r << "  ignored BPX fields (" << unmapped.size() << "):\n";
    for (const auto &[path, why] : unmapped)
      r << "    " << path << ": " << why << "\n";
    return r.str();
  }



  std::vector<std::string>
  BpxImport::splice(const std::string &line,
                    const std::string &code,
                    const std::string &dir)
  {
    static const std::regex set_ps(R"(^(set|SET)\s+Parameter set\s*=\s*(.*)$)");
    std::smatch             m;
    if (!std::regex_match(code, m, set_ps))
      return {line};
    const std::string value = dealii::Utilities::trim(m[2].str());
    if (value.empty())
      return {line};
    const std::filesystem::path p(value);
    const std::string           file =
      p.is_absolute() ?
                  value :
                  (std::filesystem::path(dir) / p).lexically_normal().string();
    const BpxImport bpx = read(file);
    if (!dealii::Utilities::MPI::job_supports_mpi() ||
        dealii::Utilities::MPI::this_mpi_process(MPI_COMM_WORLD) == 0)
      std::cout << bpx.report() << std::flush;
    std::vector<std::string> lines = {"set Parameter set = " + file};
    for (const auto &l : bpx.prm_lines())
      lines.push_back(l);
    return lines;
  }
} // namespace chemomech
