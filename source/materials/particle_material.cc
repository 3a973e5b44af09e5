#include <chemomech/core/parameter_checks.h>
#include <chemomech/core/physical_constants.h>
#include <chemomech/core/range_spec.h>
#include <chemomech/materials/material_ranges.h>
#include <chemomech/materials/particle_material.h>

#include <deal.II/base/utilities.h>

#include <sstream>

namespace chemomech
{
  namespace
  {
    /// Allowed ranges of the entries (declared patterns and checks).
    /// Envelope of Reference concentration (0, c_max] (checked in
    /// parse_parameters()).
    const RangeSpec reference_concentration_range(0,
                                                  Bound::open,
                                                  1e6,
                                                  Bound::closed,
                                                  "mol/m^3");
    const RangeSpec maximum_concentration_range(0,
                                                Bound::open,
                                                1e6,
                                                Bound::closed,
                                                "mol/m^3");
    const RangeSpec temperature_range(0, Bound::open, 2000, Bound::closed, "K");
  } // namespace



  void
  ParticleMaterial::declare_parameters(dealii::ParameterHandler &prm)
  {
    prm.enter_subsection("Material");
    prm.declare_entry("Maximum concentration",
                      "22860",
                      *maximum_concentration_range.pattern(),
                      "c_max, lithium concentration of the fully lithiated "
                      "host (x = 1). Units: mol/m^3. Range: (0, 1e6].");
    prm.declare_entry("Initial concentration",
                      "2286",
                      dealii::Patterns::Anything(),
                      "Lithium concentration c0 at t = 0: a number or an "
                      "expression in the coordinates x, y, z (m), e.g. "
                      "2000*(1 + 0.5*(x^2+y^2+z^2)/25e-12). Units: mol/m^3. "
                      "Range: [0, c_max] everywhere.");
    prm.declare_entry("Reference concentration",
                      "2286",
                      *reference_concentration_range.pattern(),
                      "Stress-free reference concentration c_ref of the "
                      "eigenstrain (Omega/3)(c - c_ref), and c_ref of the "
                      "dilute mu0 = RT ln(c/c_ref). Units: mol/m^3. Range: "
                      "(0, c_max].");
    prm.declare_entry("Temperature",
                      "298.15",
                      *temperature_range.pattern(),
                      "Absolute temperature T. Units: K. Range: (0, 2000].");
    prm.declare_entry("Young's modulus",
                      "10e9",
                      *material_ranges::youngs_modulus.pattern(),
                      "E of the active material. Units: Pa. Range: (0, 1e13].");
    prm.declare_entry("Poisson's ratio",
                      "0.3",
                      *material_ranges::poissons_ratio.pattern(),
                      "nu of the active material. Units: none. Range: "
                      "(-1, 0.5).");
    prm.declare_entry("Partial molar volume",
                      "3.497e-6",
                      *material_ranges::partial_molar_volume.pattern(),
                      "Omega in the isotropic eigenstrain (Omega/3)(c - c_ref) "
                      "(the coefficient of expansion is eta = Omega/3). "
                      "Units: m^3/mol. Range: "
                      "[-1e-3, 1e-3].");
    prm.declare_entry("Chemical potential coupling volume",
                      "same",
                      dealii::Patterns::Anything(),
                      "Omega_mu in mu = mu0 - Omega_mu sigma_h: 'same' (the "
                      "consistent, variational model: Omega_mu = Omega) or a "
                      "number. Units: m^3/mol. Range: [-1e-3, 1e-3].");
    prm.declare_entry("Stress-enhanced diffusion",
                      "true",
                      dealii::Patterns::Bool(),
                      "true: two-way coupling, the flux carries the stress "
                      "term D m(x) Omega_mu c/(RT) grad sigma_h. false: "
                      "one-way coupling (lithium stresses the body, stress "
                      "does not move lithium).");
    prm.declare_entry(
      "Chemical potential model",
      "dilute",
      dealii::Patterns::Selection("dilute|lattice gas"),
      "dilute: mu0 = RT ln(c/c_ref), mobility D/(RT) (Fick's "
      "law with a stress drift). lattice gas: mu0 = RT ln(x/(1-x)), "
      "mobility D(1-x)/(RT).");
    prm.declare_entry("Diffusivity",
                      "7.08e-15",
                      dealii::Patterns::Anything(),
                      "D as a number or an expression in the stoichiometry x "
                      "(muparser syntax, e.g. 1e-14*(1+x)). Units: m^2/s. "
                      "Range: > 0 for x in [0, 1].");
    prm.leave_subsection();
  }



  void
  ParticleMaterial::parse_parameters(dealii::ParameterHandler &prm)
  {
    const std::string s = "Material/";
    prm.enter_subsection("Material");
    max_concentration       = prm.get_double("Maximum concentration");
    initial_concentration   = prm.get("Initial concentration");
    reference_concentration = prm.get_double("Reference concentration");
    temperature             = prm.get_double("Temperature");
    const double E          = prm.get_double("Young's modulus");
    const double nu         = prm.get_double("Poisson's ratio");
    partial_molar_volume    = prm.get_double("Partial molar volume");
    coupling_molar_volume =
      parse_keyword_or_number(s + "Chemical potential coupling volume",
                              prm.get("Chemical potential coupling volume"),
                              "same",
                              partial_molar_volume);
    stress_enhanced_diffusion = prm.get_bool("Stress-enhanced diffusion");
    const auto model = (prm.get("Chemical potential model") == "dilute") ?
                         ChemicalPotentialModel::dilute :
                         ChemicalPotentialModel::lattice_gas;
    diffusivity.set_expression(s + "Diffusivity", prm.get("Diffusivity"));
    prm.leave_subsection();

    maximum_concentration_range.check(s + "Maximum concentration",
                                      max_concentration);
    {
      // A plain number is checked here, an expression at the mesh nodes.
      const std::string t   = dealii::Utilities::trim(initial_concentration);
      char             *end = nullptr;
      const double      c0  = std::strtod(t.c_str(), &end);
      if (!t.empty() && end == t.c_str() + t.size())
        check_range(s + "Initial concentration",
                    c0,
                    0,
                    Bound::closed,
                    max_concentration,
                    Bound::closed,
                    "mol/m^3");
    }
    check_range(s + "Reference concentration",
                reference_concentration,
                0,
                Bound::open,
                max_concentration,
                Bound::closed,
                "mol/m^3");
    temperature_range.check(s + "Temperature", temperature);
    material_ranges::youngs_modulus.check(s + "Young's modulus", E);
    material_ranges::poissons_ratio.check(s + "Poisson's ratio", nu);
    material_ranges::partial_molar_volume.check(s + "Partial molar volume",
                                                partial_molar_volume);
    material_ranges::chemical_potential_coupling_volume
      .check(s + "Chemical potential coupling volume", coupling_molar_volume);
    diffusivity.check_positive(s + "Diffusivity", "m^2/s");

    elasticity = IsotropicElasticity(E, nu);
    chemical_potential =
      ChemicalPotential(model,
                        temperature,
                        reference_concentration / max_concentration);
  }



  FluxCoefficients
  ParticleMaterial::flux_coefficients(const double c) const
  {
    const double x = c / max_concentration;
    return chemical_potential.flux_coefficients(
      c,
      max_concentration,
      diffusivity.value(x),
      diffusivity.derivative(x) / max_concentration,
      stress_enhanced_diffusion ? coupling_molar_volume : 0.0);
  }
} // namespace chemomech
