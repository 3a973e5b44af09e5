#include <chemomech/core/parameter_checks.h>
#include <chemomech/core/physical_constants.h>
#include <chemomech/core/range_spec.h>
#include <chemomech/materials/porosity_model.h>

#include <deal.II/base/utilities.h>

#include <algorithm>
#include <cmath>

namespace chemomech
{
  namespace
  {
    /// Allowed ranges of the entries (declared patterns and checks).
    /// Envelopes of ranges that depend on other entries (checked in
    /// parse_parameters()).
    const RangeSpec
      agglomerate_fraction_range(0, Bound::open, 1, Bound::closed);
    const RangeSpec minimum_porosity_range(0, Bound::closed, 1, Bound::open);
    const RangeSpec porosity_range(0, Bound::open, 1, Bound::open);
    const RangeSpec microporosity_range(0, Bound::closed, 1, Bound::open);
    const RangeSpec vegard_coefficient_range(-1e-3,
                                             Bound::closed,
                                             1e-3,
                                             Bound::closed,
                                             "m^3/mol");
    const RangeSpec reference_concentration_range(0,
                                                  Bound::closed,
                                                  1e6,
                                                  Bound::closed,
                                                  "mol/m^3");
  } // namespace



  void
  PorosityModel::declare_parameters(dealii::ParameterHandler &prm)
  {
    declare_parameters(prm, PorosityModel());
  }



  void
  PorosityModel::declare_parameters(dealii::ParameterHandler &prm,
                                    const PorosityModel      &defaults)
  {
    const PorosityModel &d = defaults;
    prm.declare_entry("Porosity",
                      parameter_text(d.macro_porosity),
                      *porosity_range.pattern(),
                      "eps_M, volume fraction of the pores between "
                      "agglomerates (the electrolyte's path through the "
                      "electrode; the separator's 'Porosity' is the same "
                      "quantity). The reference porosity is eps_0 = eps_M + "
                      "alpha eps_m (subsection 'Pore structure'). Units: "
                      "none. Range: (0, 1).");
    prm.enter_subsection("Pore structure");
    prm.declare_entry("Microporosity",
                      parameter_text(d.micro_porosity),
                      *microporosity_range.pattern(),
                      "eps_m, pore fraction inside an agglomerate. Units: "
                      "none. Range: [0, 1).");
    prm.declare_entry("Agglomerate volume fraction",
                      parameter_text(d.agglomerate_fraction),
                      *agglomerate_fraction_range.pattern(),
                      "alpha in eps = eps_M + alpha eps_m; the rest "
                      "1 - eps_M - alpha is inert solid. Units: none. Range: "
                      "(0, 1 - eps_M].");
    prm.declare_entry("Vegard coefficient",
                      parameter_text(d.vegard_coefficient),
                      *vegard_coefficient_range.pattern(),
                      "beta in dV/V = beta (c_s - c_s0) of the active solid. "
                      "Units: m^3/mol. Range: [-1e-3, 1e-3].");
    prm.declare_entry("Reference concentration",
                      d.reference_at_initial_state ?
                        "initial" :
                        parameter_text(d.reference_concentration),
                      dealii::Patterns::Anything(),
                      "c_s0, particle-averaged lithium concentration at which "
                      "eps = eps_M + alpha eps_m and the electrode is free of "
                      "swelling strain: 'initial' (the initial particle "
                      "concentration, so the electrode starts at eps_M + "
                      "alpha eps_m and unstressed) or a number. Units: "
                      "mol/m^3. Range: [0, 1e6].");
    prm.declare_entry("Minimum porosity",
                      parameter_text(d.minimum_porosity),
                      *minimum_porosity_range.pattern(),
                      "eps_min, pore-clogging floor. Units: none. Range: "
                      "[0, eps_M + alpha eps_m).");
    prm.declare_entry("Kinematics",
                      (d.kinematics == PorosityKinematics::mixture) ?
                        "mixture" :
                        "fixed volume",
                      dealii::Patterns::Selection("fixed volume|mixture"),
                      "fixed volume: eps = eps_0 - alpha (1-eps_m) beta dc. "
                      "mixture: the electrode volume follows tr eps(u), "
                      "eps = 1 - (eps_i + alpha (1-eps_m)(1 + beta dc))/(1 + "
                      "tr eps).");
    prm.leave_subsection();
  }



  void
  PorosityModel::parse_parameters(dealii::ParameterHandler &prm)
  {
    const std::string s = "Pore structure/";
    macro_porosity      = prm.get_double("Porosity");
    prm.enter_subsection("Pore structure");
    micro_porosity              = prm.get_double("Microporosity");
    agglomerate_fraction        = prm.get_double("Agglomerate volume fraction");
    vegard_coefficient          = prm.get_double("Vegard coefficient");
    const std::string reference = prm.get("Reference concentration");
    reference_at_initial_state =
      (dealii::Utilities::trim(reference) == "initial");
    reference_concentration =
      parse_keyword_or_number(s + "Reference concentration",
                              reference,
                              "initial",
                              0.0);
    minimum_porosity = prm.get_double("Minimum porosity");
    kinematics       = (prm.get("Kinematics") == "mixture") ?
                         PorosityKinematics::mixture :
                         PorosityKinematics::fixed_volume;
    prm.leave_subsection();

    // eps_M > 0 first: it carries the electrolyte, and the ranges below
    // depend on it (eps_M = 0 would leave Minimum porosity the range [0, 0)).
    porosity_range.check("Porosity", macro_porosity);
    microporosity_range.check(s + "Microporosity", micro_porosity);
    check_range(s + "Agglomerate volume fraction",
                agglomerate_fraction,
                0,
                Bound::open,
                1 - macro_porosity,
                Bound::closed);
    vegard_coefficient_range.check(s + "Vegard coefficient",
                                   vegard_coefficient);
    reference_concentration_range.check(s + "Reference concentration",
                                        reference_concentration);
    check_range(s + "Minimum porosity",
                minimum_porosity,
                0,
                Bound::closed,
                reference_porosity(),
                Bound::open);
  }



  double
  PorosityModel::reference_porosity() const
  {
    return macro_porosity + agglomerate_fraction * micro_porosity;
  }



  double
  PorosityModel::active_fraction() const
  {
    return agglomerate_fraction * (1 - micro_porosity);
  }



  double
  PorosityModel::swelling_porosity(const double c_s,
                                   const double trace_strain) const
  {
    const double dc  = c_s - reference_concentration;
    const double e_a = active_fraction();
    if (kinematics == PorosityKinematics::fixed_volume)
      return reference_porosity() - e_a * vegard_coefficient * dc;
    const double e_i = 1 - macro_porosity - agglomerate_fraction;
    const double J   = std::max(1 + trace_strain, 1e-12);
    return 1 - (e_i + e_a * (1 + vegard_coefficient * dc)) / J;
  }



  double
  PorosityModel::swelling_derivative_concentration(
    const double,
    const double trace_strain) const
  {
    const double e_a = active_fraction();
    if (kinematics == PorosityKinematics::fixed_volume)
      return -e_a * vegard_coefficient;
    return -e_a * vegard_coefficient / std::max(1 + trace_strain, 1e-12);
  }



  double
  PorosityModel::swelling_derivative_trace_strain(
    const double c_s,
    const double trace_strain) const
  {
    if (kinematics == PorosityKinematics::fixed_volume ||
        1 + trace_strain <= 1e-12)
      return 0.0;
    // d/dJ of 1 - S/J is S/J^2 = (1 - eps)/J.
    return (1 - swelling_porosity(c_s, trace_strain)) / (1 + trace_strain);
  }



  double
  PorosityModel::sei_porosity_rate(const double specific_area,
                                   const double sei_current,
                                   const double sei_molar_volume,
                                   const double electrons)
  {
    return -sei_molar_volume * specific_area * std::abs(sei_current) /
           (electrons * constants::faraday);
  }



  double
  PorosityModel::sei_porosity_rate_derivative(const double specific_area,
                                              const double sei_current,
                                              const double sei_molar_volume,
                                              const double electrons)
  {
    const double sign = (sei_current > 0) ? 1.0 : (sei_current < 0 ? -1 : 0);
    return -sei_molar_volume * specific_area * sign /
           (electrons * constants::faraday);
  }



  double
  PorosityModel::apply_floor(const double porosity, bool &floor_hit) const
  {
    const double floor = std::max(minimum_porosity, 0.0);
    floor_hit          = !(porosity >= floor);
    return floor_hit ? floor : porosity;
  }



  PorosityValue
  PorosityModel::evaluate(const double c_s,
                          const double trace_strain,
                          const double sei_loss) const
  {
    PorosityValue p;
    const double  J   = volume_ratio(trace_strain);
    const double  raw = swelling_porosity(c_s, trace_strain) - sei_loss / J;
    p.value           = apply_floor(raw, p.floor_hit);
    if (!p.floor_hit)
      {
        p.d_dconcentration =
          swelling_derivative_concentration(c_s, trace_strain);
        p.d_dtrace_strain = swelling_derivative_trace_strain(c_s, trace_strain);
        if (1 + trace_strain > 1e-12)
          p.d_dtrace_strain += volume_ratio_derivative() * sei_loss / (J * J);
        p.d_dsei_loss = -1.0 / J;
      }
    return p;
  }



  double
  PorosityModel::volume_ratio(const double trace_strain) const
  {
    if (kinematics == PorosityKinematics::fixed_volume)
      return 1.0;
    return std::max(1 + trace_strain, 1e-12);
  }



  double
  PorosityModel::volume_ratio_derivative() const
  {
    return (kinematics == PorosityKinematics::mixture) ? 1.0 : 0.0;
  }


  double
  PorosityModel::swelling_strain(const double c_s) const
  {
    return swelling_strain_derivative() * (c_s - reference_concentration);
  }



  double
  PorosityModel::swelling_strain_derivative() const
  {
    return active_fraction() * vegard_coefficient / 3.0;
  }
} // namespace chemomech
