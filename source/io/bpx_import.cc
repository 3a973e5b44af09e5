#include <chemomech/core/parameter_checks.h>
#include <chemomech/io/bpx_function.h>
#include <chemomech/io/bpx_import.h>

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

    /// How a BPX field becomes the value of a chemomech parameter.
    enum class Convert
    {
      /// The number times the unit factor.
      number,
      /// Function of the stoichiometry x: a muparser expression (a table
      /// becomes linear pieces).
      function_of_x,
      /// Function of x, tables kept as "table: x:y, ...".
      function_of_x_or_table,
      /// Function of c_e, evaluated at the initial c_e (and T_ref).
      function_of_ce,
      /// k = k_BPX / (c_max sqrt(c_e0)), c_max the sibling "Maximum
      /// concentration [mol.m-3]".
      rate_constant,
      /// b = ln(tau)/ln(eps) - 1, eps the sibling "Porosity": tau =
      /// eps^(1+b).
      bruggeman,
      /// eps_a = a R/3, R the sibling "Particle radius [m]".
      active_fraction,
      /// sigma_s = sigma_eff/eps_a (with Solid Bruggeman exponent 0).
      solid_conductivity,
      /// x_0 from the sibling "Maximum stoichiometry" and the initial
      /// state of charge s: x_min + s (x_max - x_min) (negative),
      /// x_max - s (x_max - x_min) (positive).
      initial_stoichiometry,
      /// Q/(A N) with the cell's "Electrode area [m2]" A and number of
      /// electrode pairs N. Units: A/m^2 from A.h (per hour).
      one_c_current,
      /// T_ref.
      reference_temperature,
      /// A fixed value (no BPX field).
      fixed
    };

    /// One row of the mapping table.
    struct Rule
    {
      /// BPX path below the root, alternatives separated by '|'; "<E>"
      /// stands for "Negative electrode" and "Positive electrode".
      const char *bpx;
      /// chemomech parameter path; "<E>" as above.
      const char *target;
      /// Conversion.
      Convert convert;
      /// Convert::fixed: the value. Otherwise "optional" if the field may
      /// be missing (the chemomech parameter keeps its value then).
      const char *value;
    };

    // The mapping table: BPX field -> chemomech parameter (doc/user-guide.md,
    // "BPX parameter sets", lists it). Fields are named with their SI unit;
    // the same field with a unit of unit_factors() is converted.
    const char *const P = "Parameterisation/";
    const Rule        rules[] = {
      {"Parameterisation/Cell/Reference temperature [K]",
              "Temperature",
              Convert::reference_temperature,
              "optional"},
      {"Parameterisation/Electrolyte/Initial concentration [mol.m-3]|State/"
              "Initial conditions/Initial electrolyte concentration [mol.m-3]",
              "Initial electrolyte concentration",
              Convert::number,
              ""},
      {"", "Electrode geometry/Cell type", Convert::fixed, "full cell"},
      {"Parameterisation/Negative electrode/Thickness [m]",
              "Electrode geometry/Negative electrode thickness",
              Convert::number,
              ""},
      {"Parameterisation/Separator/Thickness [m]",
              "Electrode geometry/Separator thickness",
              Convert::number,
              ""},
      {"Parameterisation/Positive electrode/Thickness [m]",
              "Electrode geometry/Positive electrode thickness",
              Convert::number,
              ""},
      {"Parameterisation/Cell/Nominal cell capacity [A.h]",
              "Cycling/1C current density",
              Convert::one_c_current,
              "optional"},
      {"", "Electrolyte/Model", Convert::fixed, "constant"},
      {"Parameterisation/Electrolyte/Diffusivity [m2.s-1]",
              "Electrolyte/Diffusivity",
              Convert::function_of_ce,
              ""},
      {"Parameterisation/Electrolyte/Conductivity [S.m-1]",
              "Electrolyte/Conductivity",
              Convert::function_of_ce,
              ""},
      {"", "Electrolyte/Thermodynamic factor", Convert::fixed, "1"},
      {"Parameterisation/Electrolyte/Cation transference number",
              "Electrolyte/Transference number",
              Convert::number,
              ""},
      {"Parameterisation/Separator/Porosity",
              "Separator/Porosity",
              Convert::number,
              ""},
      {"Parameterisation/Separator/Transport efficiency",
              "Separator/Bruggeman exponent",
              Convert::bruggeman,
              ""},
      {"Parameterisation/<E>/Minimum stoichiometry",
              "<E>/Initial stoichiometry",
              Convert::initial_stoichiometry,
              ""},
      {"Parameterisation/<E>/Conductivity [S.m-1]",
              "<E>/Solid conductivity",
              Convert::solid_conductivity,
              ""},
      {"Parameterisation/<E>/Particle radius [m]",
              "<E>/Representative particle/Radius",
              Convert::number,
              ""},
      {"Parameterisation/<E>/Maximum concentration [mol.m-3]",
              "<E>/Representative particle/Maximum concentration",
              Convert::number,
              ""},
      {"Parameterisation/<E>/Diffusivity [m2.s-1]",
              "<E>/Representative particle/Diffusivity",
              Convert::function_of_x,
              ""},
      {"", "<E>/Kinetics/Model", Convert::fixed, "insertion"},
      {"Parameterisation/<E>/Reaction rate constant [mol.m-2.s-1]",
              "<E>/Kinetics/Rate constant",
              Convert::rate_constant,
              ""},
      {"", "<E>/Kinetics/Anodic transfer coefficient", Convert::fixed, "0.5"},
      {"", "<E>/Kinetics/Cathodic transfer coefficient", Convert::fixed, "0.5"},
      {"Parameterisation/<E>/Maximum concentration [mol.m-3]",
              "<E>/Kinetics/Maximum concentration",
              Convert::number,
              ""},
      {"Parameterisation/<E>/OCP [V]",
              "<E>/Kinetics/Open-circuit potential",
              Convert::function_of_x_or_table,
              ""},
      {"Parameterisation/<E>/Porosity",
              "<E>/Porosity/Macroporosity",
              Convert::number,
              ""},
      {"", "<E>/Porosity/Microporosity", Convert::fixed, "0"},
      {"Parameterisation/<E>/Surface area per unit volume [m-1]",
              "<E>/Porosity/Agglomerate volume fraction",
              Convert::active_fraction,
              ""},
      {"Parameterisation/<E>/Transport efficiency",
              "<E>/Effective properties/Electrolyte Bruggeman exponent",
              Convert::bruggeman,
              ""},
      {"",
              "<E>/Effective properties/Solid Bruggeman exponent",
              Convert::fixed,
              "0"}};



    /// Units the table's SI units can be given in: unit -> (SI unit, factor).
    const std::map<std::string, std::pair<std::string, double>> &
    unit_factors()
    {
      static const std::map<std::string, std::pair<std::string, double>> u = {
        {"nm", {"m", 1e-9}},
        {"um", {"m", 1e-6}},
        {"mm", {"m", 1e-3}},
        {"cm", {"m", 1e-2}},
        {"mol.dm-3", {"mol.m-3", 1e3}},
        {"mol.L-1", {"mol.m-3", 1e3}},
        {"mol.cm-3", {"mol.m-3", 1e6}},
        {"cm2.s-1", {"m2.s-1", 1e-4}},
        {"S.cm-1", {"S.m-1", 1e2}},
        {"mS.cm-1", {"S.m-1", 1e-1}},
        {"mV", {"V", 1e-3}},
        {"mA.h", {"A.h", 1e-3}},
        {"cm-1", {"m-1", 1e2}},
        {"um-1", {"m-1", 1e6}},
        {"mol.cm-2.s-1", {"mol.m-2.s-1", 1e4}},
        {"cm2", {"m2", 1e-4}},
        {"mm2", {"m2", 1e-6}}};
      return u;
    }



    /// Why a BPX field is not mapped, by its name without the unit.
    std::string
    ignore_reason(const std::string &path, const std::string &name)
    {
      const auto has = [&name](const char *s) {
        return name.find(s) != std::string::npos;
      };
      if (has("activation energy"))
        return "Arrhenius factor exp(E_a/R (1/T_ref - 1/T)) is 1 at T = T_ref "
               "(chemomech is isothermal)";
      if (has("Entropic change"))
        return "not modelled (isothermal: no reversible heat)";
      if (has("temperature") || has("Heat transfer") || has("heat capacity") ||
          has("Density") || has("Thermal conductivity") ||
          has("External surface area") || name == "Volume")
        return "not modelled (isothermal at the reference temperature)";
      if (has("voltage cut-off"))
        return "not used: the voltage limits are those of Cycling/Steps";
      if (has("hysteresis") || has("OCP ("))
        return "not modelled (no OCP hysteresis)";
      if (name == "LLI" || has("LAM"))
        return "not modelled (degradation state)";
      if (path == "Validation")
        return "measured data, not used by a simulation";
      if (path.rfind("Parameterisation/User-defined", 0) == 0)
        return "user-defined field, not part of the standard";
      return "not modelled by chemomech";
    }



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
        const json *value = nullptr;
        double      factor = 1;
        std::string path;
      };

      /// The field at one of the '|'-separated @p paths, converted to the
      /// unit named in it; value nullptr if absent.
      Found
      find(const std::string &paths)
      {
        for (const auto &path : dealii::Utilities::split_string_list(paths, '|'))
          {
            const auto parts = dealii::Utilities::split_string_list(path, '/');
            const json *node = &root;
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
                    const auto c = unit_factors().find(u);
                    if (c == unit_factors().end() || c->second.first != unit)
                      throw error("field '" + f.path + "': chemomech cannot "
                                  "convert the unit '" + u + "' to '" + unit +
                                  "'");
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
      convert(const Rule &rule, const std::string &e);

      /// Applies the table.
      void
      apply();
    };



    std::string
    Mapping::convert(const Rule &rule, const std::string &e)
    {
      const std::string path = with_electrode(rule.bpx, e);
      const std::string dir  = path.substr(0, path.rfind('/') + 1);
      using N                = BpxFunction;
      if (rule.convert == Convert::fixed)
        return rule.value;
      if (rule.convert == Convert::reference_temperature)
        return find(path).value ? N::number(t_ref) : "";
      const Found f = find(path);
      if (!f.value)
        {
          if (std::string(rule.value) == "optional")
            return "";
          throw error("the BPX file has no field '" + path + "'");
        }
      if (rule.convert == Convert::function_of_x)
        return function(f, {"x", "sto"}).expression();
      if (rule.convert == Convert::function_of_x_or_table)
        return function(f, {"x", "sto"}).function_text();
      if (rule.convert == Convert::function_of_ce)
        {
          const double v = function(f, {"x", "ce", "c_e"}).value(c_e0);
          notes.push_back(f.path + " = " + N::number(v) + " at c_e0 = " +
                          N::number(c_e0) + " mol/m^3");
          return N::number(v);
        }
      const double v = number(path);
      switch (rule.convert)
        {
          case Convert::rate_constant:
            return N::number(
              v / (number(dir + "Maximum concentration [mol.m-3]") *
                   std::sqrt(c_e0)));
          case Convert::bruggeman:
            return N::number(std::log(v) / std::log(number(dir + "Porosity")) -
                             1);
          case Convert::active_fraction:
            return N::number(v * number(dir + "Particle radius [m]") / 3);
          case Convert::solid_conductivity:
            return N::number(
              v / (number(dir + "Surface area per unit volume [m-1]") *
                   number(dir + "Particle radius [m]") / 3));
          case Convert::initial_stoichiometry:
            {
              const double x_max = number(dir + "Maximum stoichiometry");
              return N::number((e == "Negative electrode") ?
                                 v + soc * (x_max - v) :
                                 x_max - soc * (x_max - v));
            }
          case Convert::one_c_current:
            return N::number(
              v / (number(std::string(P) + "Cell/Electrode area [m2]") *
                   number(std::string(P) +
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
          const std::string p = std::string(P) + e;
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
        for (const Rule &r : rules)
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
      for (const Rule &rule : rules)
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
      out.emplace_back(path, ignore_reason(path, split_unit(leaf).first));
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
      p.is_absolute() ? value :
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
