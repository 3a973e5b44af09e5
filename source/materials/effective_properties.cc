#include <chemomech/core/parameter_checks.h>
#include <chemomech/core/range_spec.h>
#include <chemomech/materials/effective_properties.h>

#include <cmath>
#include <limits>

namespace chemomech
{
  namespace
  {
    /// Allowed ranges of the entries (declared patterns and checks).
    const RangeSpec
      electrolyte_bruggeman_exponent_range(0, Bound::closed, 10, Bound::closed);
    const RangeSpec
      solid_bruggeman_exponent_range(0, Bound::closed, 10, Bound::closed);
  } // namespace



  EffectiveProperties::EffectiveProperties(const double electrolyte_exponent,
                                           const double solid_exponent)
    : electrolyte_exponent(electrolyte_exponent)
    , solid_exponent(solid_exponent)
  {}



  void
  EffectiveProperties::declare_parameters(dealii::ParameterHandler &prm)
  {
    declare_parameters(prm, EffectiveProperties());
  }



  void
  EffectiveProperties::declare_parameters(dealii::ParameterHandler  &prm,
                                          const EffectiveProperties &defaults)
  {
    const EffectiveProperties &d = defaults;
    prm.enter_subsection("Effective properties");
    prm.declare_entry("Electrolyte Bruggeman exponent",
                      parameter_text(d.electrolyte_exponent),
                      *electrolyte_bruggeman_exponent_range.pattern(),
                      "b_e in D_eff = D_e eps^(1+b_e), kappa_eff = kappa "
                      "eps^(1+b_e) (tortuosity eps^-b_e; classical Bruggeman "
                      "is 0.5). Units: none. Range: [0, 10].");
    prm.declare_entry("Solid Bruggeman exponent",
                      parameter_text(d.solid_exponent),
                      *solid_bruggeman_exponent_range.pattern(),
                      "b_s in sigma_eff = sigma_s eps_s^(1+b_s), eps_s the "
                      "solid volume fraction. Units: none. Range: [0, 10].");
    prm.leave_subsection();
  }



  void
  EffectiveProperties::parse_parameters(dealii::ParameterHandler &prm)
  {
    const std::string s = "Effective properties/";
    prm.enter_subsection("Effective properties");
    electrolyte_exponent = prm.get_double("Electrolyte Bruggeman exponent");
    solid_exponent       = prm.get_double("Solid Bruggeman exponent");
    prm.leave_subsection();
    electrolyte_bruggeman_exponent_range
      .check(s + "Electrolyte Bruggeman exponent", electrolyte_exponent);
    solid_bruggeman_exponent_range.check(s + "Solid Bruggeman exponent",
                                         solid_exponent);
  }



  double
  EffectiveProperties::bruggeman_factor(const double fraction, const double b)
  {
    return (fraction > 0) ? std::pow(fraction, 1 + b) : 0.0;
  }



  double
  EffectiveProperties::bruggeman_factor_derivative(const double fraction,
                                                   const double b)
  {
    if (fraction > 0)
      return (1 + b) * std::pow(fraction, b);
    return (b == 0) ? 1.0 : 0.0;
  }



  double
  EffectiveProperties::electrolyte(const double bulk,
                                   const double porosity) const
  {
    return bulk * bruggeman_factor(porosity, electrolyte_exponent);
  }



  double
  EffectiveProperties::electrolyte_derivative(const double bulk,
                                              const double porosity) const
  {
    return bulk * bruggeman_factor_derivative(porosity, electrolyte_exponent);
  }



  double
  EffectiveProperties::electrolyte_tortuosity(const double porosity) const
  {
    if (porosity > 0)
      return std::pow(porosity, -electrolyte_exponent);
    return std::numeric_limits<double>::infinity();
  }



  double
  EffectiveProperties::solid(const double bulk,
                             const double solid_fraction) const
  {
    return bulk * bruggeman_factor(solid_fraction, solid_exponent);
  }



  double
  EffectiveProperties::solid_derivative(const double bulk,
                                        const double solid_fraction) const
  {
    return bulk * bruggeman_factor_derivative(solid_fraction, solid_exponent);
  }



  double
  EffectiveProperties::specific_area(const double active_fraction,
                                     const double particle_radius)
  {
    return 3.0 * active_fraction / particle_radius;
  }



  double
  EffectiveProperties::specific_area_derivative(const double particle_radius)
  {
    return 3.0 / particle_radius;
  }
} // namespace chemomech
