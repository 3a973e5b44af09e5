#include <chemomech/core/parameter_checks.h>
#include <chemomech/core/range_spec.h>
#include <chemomech/materials/electrolyte_properties.h>

#include <algorithm>
#include <cmath>

namespace chemomech
{
  namespace
  {
    /// Allowed ranges of the entries (declared patterns and checks).
    const RangeSpec
      diffusivity_range(0, Bound::open, 1e-6, Bound::closed, "m^2/s");
    const RangeSpec
      conductivity_range(0, Bound::open, 1e3, Bound::closed, "S/m");
    const RangeSpec
      thermodynamic_factor_range(0, Bound::open, 100, Bound::closed);
    const RangeSpec transference_number_range(0, Bound::closed, 1, Bound::open);
    constexpr double c_floor = 1e-3; // mol/m^3

    /// Concentration in mol/L after the floor, and whether it is live.
    double
    molar(const double c_e, bool &live)
    {
      live = c_e > c_floor;
      return std::max(c_e, c_floor) * 1e-3;
    }
  } // namespace



  void
  ElectrolyteProperties::declare_parameters(dealii::ParameterHandler &prm)
  {
    declare_parameters(prm, ElectrolyteProperties());
  }



  void
  ElectrolyteProperties::declare_parameters(
    dealii::ParameterHandler    &prm,
    const ElectrolyteProperties &defaults)
  {
    const ElectrolyteProperties &d = defaults;
    prm.enter_subsection("Electrolyte");
    prm.declare_entry("Model",
                      (d.model == ElectrolyteModel::constant) ?
                        "constant" :
                        "Valoen-Reimers",
                      dealii::Patterns::Selection("constant|Valoen-Reimers"),
                      "constant: the values below. Valoen-Reimers: LiPF6 "
                      "correlations of J. Electrochem. Soc. 152 (2005) A882 "
                      "for D_e, kappa and the thermodynamic factor.");
    prm.declare_entry("Diffusivity",
                      parameter_text(d.constant_diffusivity),
                      *diffusivity_range.pattern(),
                      "Constant model: salt diffusivity D_e. Units: m^2/s. "
                      "Range: (0, 1e-6].");
    prm.declare_entry("Conductivity",
                      parameter_text(d.constant_conductivity),
                      *conductivity_range.pattern(),
                      "Constant model: ionic conductivity kappa. Units: S/m. "
                      "Range: (0, 1e3].");
    prm.declare_entry("Thermodynamic factor",
                      parameter_text(d.constant_thermodynamic_factor),
                      *thermodynamic_factor_range.pattern(),
                      "Constant model: 1 + dln f/dln c_e. Units: none. "
                      "Range: (0, 100].");
    prm.declare_entry("Transference number",
                      parameter_text(d.cation_transference_number),
                      *transference_number_range.pattern(),
                      "Cation transference number t+ (both models). Units: "
                      "none. Range: [0, 1).");
    prm.leave_subsection();
  }



  void
  ElectrolyteProperties::parse_parameters(dealii::ParameterHandler &prm)
  {
    const std::string s = "Electrolyte/";
    prm.enter_subsection("Electrolyte");
    model = (prm.get("Model") == "constant") ? ElectrolyteModel::constant :
                                               ElectrolyteModel::valoen_reimers;
    constant_diffusivity          = prm.get_double("Diffusivity");
    constant_conductivity         = prm.get_double("Conductivity");
    constant_thermodynamic_factor = prm.get_double("Thermodynamic factor");
    cation_transference_number    = prm.get_double("Transference number");
    prm.leave_subsection();

    diffusivity_range.check(s + "Diffusivity", constant_diffusivity);
    conductivity_range.check(s + "Conductivity", constant_conductivity);
    thermodynamic_factor_range.check(s + "Thermodynamic factor",
                                     constant_thermodynamic_factor);
    transference_number_range.check(s + "Transference number",
                                    cation_transference_number);
  }



  double
  ElectrolyteProperties::diffusivity(const double c_e) const
  {
    if (model == ElectrolyteModel::constant)
      return constant_diffusivity;
    bool         live;
    const double c  = molar(c_e, live);
    const double dT = std::max(temperature - (229 + 5 * c), 1.0);
    return 1e-4 * std::pow(10.0, -4.43 - 54 / dT - 0.22 * c);
  }



  double
  ElectrolyteProperties::diffusivity_derivative(const double c_e) const
  {
    if (model == ElectrolyteModel::constant)
      return 0.0;
    bool         live;
    const double c  = molar(c_e, live);
    const double dT = temperature - (229 + 5 * c);
    if (!live)
      return 0.0;
    // d log10 D / dc = -54*5/dT^2 - 0.22 (per mol/L; dT floor: no slope)
    const double dg_dc = (dT > 1.0 ? -270 / (dT * dT) : 0.0) - 0.22;
    return diffusivity(c_e) * std::log(10.0) * dg_dc * 1e-3;
  }



  double
  ElectrolyteProperties::conductivity(const double c_e) const
  {
    if (model == ElectrolyteModel::constant)
      return constant_conductivity;
    bool         live;
    const double T = temperature;
    const double c = molar(c_e, live);
    const double P = (-10.5 + 0.0740 * T - 6.96e-5 * T * T) +
                     c * (0.668 - 0.0178 * T + 2.80e-5 * T * T) +
                     c * c * (0.494 - 8.86e-4 * T);
    return 0.1 * c * P * P;
  }



  double
  ElectrolyteProperties::conductivity_derivative(const double c_e) const
  {
    if (model == ElectrolyteModel::constant)
      return 0.0;
    bool         live;
    const double T = temperature;
    const double c = molar(c_e, live);
    if (!live)
      return 0.0;
    const double B = 0.668 - 0.0178 * T + 2.80e-5 * T * T;
    const double C = 0.494 - 8.86e-4 * T;
    const double P = (-10.5 + 0.0740 * T - 6.96e-5 * T * T) + c * B + c * c * C;
    const double dP = B + 2 * c * C;
    return 0.1 * (P * P + 2 * c * P * dP) * 1e-3;
  }



  double
  ElectrolyteProperties::thermodynamic_factor(const double c_e) const
  {
    if (model == ElectrolyteModel::constant)
      return constant_thermodynamic_factor;
    bool         live;
    const double c = molar(c_e, live);
    const double product =
      0.601 - 0.24 * std::sqrt(c) +
      0.982 * (1 - 0.0052 * (temperature - 294)) * c * std::sqrt(c);
    return product / (1 - cation_transference_number);
  }



  double
  ElectrolyteProperties::thermodynamic_factor_derivative(const double c_e) const
  {
    if (model == ElectrolyteModel::constant)
      return 0.0;
    bool         live;
    const double c = molar(c_e, live);
    if (!live)
      return 0.0;
    const double d =
      -0.12 / std::sqrt(c) +
      1.5 * 0.982 * (1 - 0.0052 * (temperature - 294)) * std::sqrt(c);
    return d / (1 - cation_transference_number) * 1e-3;
  }



  double
  ElectrolyteProperties::transference_number(const double) const
  {
    return cation_transference_number;
  }



  double
  ElectrolyteProperties::transference_number_derivative(const double) const
  {
    return 0.0;
  }
} // namespace chemomech
