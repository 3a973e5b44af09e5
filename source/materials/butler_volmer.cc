#include <chemomech/core/parameter_checks.h>
#include <chemomech/core/physical_constants.h>
#include <chemomech/core/range_spec.h>
#include <chemomech/materials/butler_volmer.h>

#include <algorithm>
#include <cmath>

namespace chemomech
{
  namespace
  {
    /// Allowed ranges of the entries (declared patterns and checks).
    const RangeSpec rate_constant_range(0, Bound::open, 1, Bound::closed);
    const RangeSpec exchange_current_density_range(0,
                                                   Bound::closed,
                                                   1e6,
                                                   Bound::closed,
                                                   "A/m^2");
    const RangeSpec
      anodic_transfer_coefficient_range(0, Bound::open, 1, Bound::closed);
    const RangeSpec
      cathodic_transfer_coefficient_range(0, Bound::open, 1, Bound::closed);
    const RangeSpec maximum_concentration_range(0,
                                                Bound::open,
                                                1e6,
                                                Bound::closed,
                                                "mol/m^3");
    /// U(x) from an expression, "table: x:U, ..." or "file: NAME".
    void
    set_ocp(ScalarFunctionOfX &f,
            const std::string &name,
            const std::string &text)
    {
      const auto        b = text.find_first_not_of(" \t");
      const std::string t = (b == std::string::npos) ? text : text.substr(b);
      if (t.rfind("table:", 0) == 0)
        f.set_table(name, t.substr(6));
      else if (t.rfind("file:", 0) == 0)
        {
          std::string file = t.substr(5);
          file.erase(0, file.find_first_not_of(" \t"));
          file.erase(file.find_last_not_of(" \t\r") + 1);
          f.set_table_file(name, file);
        }
      else
        f.set_expression(name, text);
    }
  } // namespace

  namespace
  {
    constexpr double solid_floor       = 1e-9; // fraction of c_max
    constexpr double electrolyte_floor = 1e-6; // mol/m^3

    /// exp(a) with a clamped at +-300, and whether a was inside.
    double
    clamped_exp(const double a, bool &inside)
    {
      inside = std::abs(a) < 300;
      return std::exp(std::clamp(a, -300.0, 300.0));
    }
  } // namespace



  void
  ButlerVolmer::declare_parameters(dealii::ParameterHandler &prm)
  {
    declare_parameters(prm, ButlerVolmer(), default_open_circuit_potential);
  }



  void
  ButlerVolmer::declare_parameters(dealii::ParameterHandler &prm,
                                   const ButlerVolmer       &defaults,
                                   const std::string &open_circuit_potential)
  {
    const ButlerVolmer &d = defaults;
    prm.enter_subsection("Kinetics");
    prm.declare_entry("Model",
                      (d.model == KineticsModel::lithium_metal) ?
                        "lithium metal" :
                        "insertion",
                      dealii::Patterns::Selection("insertion|lithium metal"),
                      "insertion: i0 = k F c_e^a_a (c_max-c_s)^a_a c_s^a_c, "
                      "eta = phi_s - phi_e - U(x). lithium metal: i0 = k F "
                      "c_e^a_a (or the given exchange current density), "
                      "eta = phi_s - phi_e.");
    prm.declare_entry("Rate constant",
                      parameter_text(d.rate_constant),
                      *rate_constant_range.pattern(),
                      "k. Units: m^2.5 mol^-0.5 s^-1 for a_a = a_c = 0.5 "
                      "(generally A m^-2 / (C mol^-1 (mol m^-3)^(2a_a+a_c))). "
                      "Range: (0, 1].");
    prm.declare_entry("Exchange current density",
                      parameter_text(d.exchange_current_density),
                      *exchange_current_density_range.pattern(),
                      "Lithium metal only: i0 if > 0, else i0 = k F c_e^a_a. "
                      "Units: A/m^2. Range: [0, 1e6].");
    prm.declare_entry("Anodic transfer coefficient",
                      parameter_text(d.anodic_transfer_coefficient),
                      *anodic_transfer_coefficient_range.pattern(),
                      "a_a. Units: none. Range: (0, 1].");
    prm.declare_entry("Cathodic transfer coefficient",
                      parameter_text(d.cathodic_transfer_coefficient),
                      *cathodic_transfer_coefficient_range.pattern(),
                      "a_c. Units: none. Range: (0, 1].");
    prm.declare_entry("Maximum concentration",
                      parameter_text(d.max_concentration),
                      *maximum_concentration_range.pattern(),
                      "c_max of the active material. Units: mol/m^3. Range: "
                      "(0, 1e6].");
    prm.declare_entry("Open-circuit potential",
                      open_circuit_potential,
                      dealii::Patterns::Anything(),
                      "U(x) vs Li/Li+ as a number, a muparser expression in "
                      "the stoichiometry x, 'table: x1:U1, x2:U2, ...' "
                      "(linear interpolation, x increasing) or 'file: NAME' "
                      "(two columns x, U). Units: V. Range: finite on [0,1].");
    prm.leave_subsection();
  }



  void
  ButlerVolmer::parse_parameters(dealii::ParameterHandler &prm)
  {
    const std::string s = "Kinetics/";
    prm.enter_subsection("Kinetics");
    model                       = (prm.get("Model") == "lithium metal") ?
                                    KineticsModel::lithium_metal :
                                    KineticsModel::insertion;
    rate_constant               = prm.get_double("Rate constant");
    exchange_current_density    = prm.get_double("Exchange current density");
    anodic_transfer_coefficient = prm.get_double("Anodic transfer coefficient");
    cathodic_transfer_coefficient =
      prm.get_double("Cathodic transfer coefficient");
    max_concentration          = prm.get_double("Maximum concentration");
    const std::string ocp_text = prm.get("Open-circuit potential");
    prm.leave_subsection();
    set_ocp(ocp, s + "Open-circuit potential", ocp_text);

    rate_constant_range.check(s + "Rate constant", rate_constant);
    exchange_current_density_range.check(s + "Exchange current density",
                                         exchange_current_density);
    anodic_transfer_coefficient_range.check(s + "Anodic transfer coefficient",
                                            anodic_transfer_coefficient);
    cathodic_transfer_coefficient_range.check(s +
                                                "Cathodic transfer coefficient",
                                              cathodic_transfer_coefficient);
    maximum_concentration_range.check(s + "Maximum concentration",
                                      max_concentration);
    for (unsigned int i = 0; i <= 100; ++i)
      check_condition(std::isfinite(ocp.value(i / 100.0)),
                      "parameter '" + s +
                        "Open-circuit potential' must be finite for x in "
                        "[0, 1] (allowed range: finite values in V)");
  }



  void
  ButlerVolmer::set_open_circuit_potential(const std::string &expression)
  {
    set_ocp(ocp, "Kinetics/Open-circuit potential", expression);
  }



  double
  ButlerVolmer::open_circuit_potential(const double c_s) const
  {
    if (model == KineticsModel::lithium_metal)
      return 0.0;
    const double x =
      std::clamp(c_s / max_concentration, solid_floor, 1 - solid_floor);
    return ocp.value(x);
  }



  double
  ButlerVolmer::exchange_current(const double c_e, const double c_s) const
  {
    return evaluate_at_overpotential(0, c_e, c_s).exchange_current;
  }



  KineticsCurrent
  ButlerVolmer::evaluate_at_overpotential(const double overpotential,
                                          const double c_e,
                                          const double c_s) const
  {
    const double F   = constants::faraday;
    const double f   = F / (constants::gas_constant * temperature);
    const double a_a = anodic_transfer_coefficient;
    const double a_c = cathodic_transfer_coefficient;

    KineticsCurrent r;
    r.overpotential = overpotential;

    // i0 and d ln i0 / d c_e, d ln i0 / d c_s
    const bool   ce_in   = c_e > electrolyte_floor;
    const double ce      = ce_in ? c_e : electrolyte_floor;
    double       dln_dce = ce_in ? a_a / ce : 0.0;
    double       dln_dcs = 0;
    if (model == KineticsModel::lithium_metal)
      {
        if (exchange_current_density > 0)
          {
            r.exchange_current = exchange_current_density;
            dln_dce            = 0;
          }
        else
          r.exchange_current = rate_constant * F * std::pow(ce, a_a);
      }
    else
      {
        const double lo    = solid_floor * max_concentration;
        const double hi    = (1 - solid_floor) * max_concentration;
        const bool   cs_in = c_s > lo && c_s < hi;
        const double cs    = std::clamp(c_s, lo, hi);
        const double vac   = max_concentration - cs;
        r.exchange_current = rate_constant * F * std::pow(ce, a_a) *
                             std::pow(vac, a_a) * std::pow(cs, a_c);
        dln_dcs = cs_in ? (a_c / cs - a_a / vac) : 0.0;
      }

    bool         in_a = true, in_c = true;
    const double ea    = clamped_exp(a_a * f * overpotential, in_a);
    const double ec    = clamped_exp(-a_c * f * overpotential, in_c);
    const double g     = ea - ec;
    r.current          = r.exchange_current * g;
    r.d_doverpotential = r.exchange_current * ((in_a ? a_a * f * ea : 0) +
                                               (in_c ? a_c * f * ec : 0));
    r.d_delectrolyte_concentration = r.current * dln_dce;
    r.d_dsolid_concentration       = r.current * dln_dcs;
    return r;
  }



  KineticsCurrent
  ButlerVolmer::evaluate(const double potential_difference,
                         const double c_e,
                         const double c_s) const
  {
    const double    eta = potential_difference - open_circuit_potential(c_s);
    KineticsCurrent r   = evaluate_at_overpotential(eta, c_e, c_s);
    if (model == KineticsModel::insertion)
      {
        const double x = c_s / max_concentration;
        if (x > solid_floor && x < 1 - solid_floor)
          r.d_dsolid_concentration -=
            r.d_doverpotential * ocp.derivative(x) / max_concentration;
      }
    return r;
  }
} // namespace chemomech
