/**
 * @file electrolyte_properties.h
 * @brief Transport properties of the binary electrolyte as functions of
 * the salt concentration, with derivatives (subsection "Electrolyte").
 */
#ifndef chemomech_materials_electrolyte_properties_h
#define chemomech_materials_electrolyte_properties_h

#include <deal.II/base/parameter_handler.h>

namespace chemomech
{
  /// Choice of electrolyte correlations.
  enum class ElectrolyteModel
  {
    /// Constant D_e, kappa, thermodynamic factor and t+.
    constant,
    /// LiPF6 correlations of Valoen and Reimers (2005).
    valoen_reimers
  };

  /**
   * @brief D_e(c_e), kappa(c_e), thermodynamic factor
   * 1 + dln f/dln c_e, and transference number t+ (constant in both models).
   *
   * valoen_reimers: L. O. Valoen and J. N. Reimers, "Transport properties of
   * LiPF6-based Li-ion battery electrolytes", J. Electrochem. Soc. 152 (2005)
   * A882-A891 (LiPF6 in PC:EC:DMC; used for LiPF6 carbonate electrolytes by,
   * e.g., PyBaMM's Ai2020 set). With c = c_e/1000 in mol/L and T in K:
   *  - conductivity (mS/cm; here *0.1 to S/m):
   *    kappa = c (-10.5 + 0.0740 T - 6.96e-5 T^2 + c (0.668 - 0.0178 T
   *            + 2.80e-5 T^2) + c^2 (0.494 - 8.86e-4 T))^2;
   *  - diffusivity (cm^2/s; here *1e-4 to m^2/s):
   *    log10 D = -4.43 - 54/(T - (229 + 5 c)) - 0.22 c;
   *  - thermodynamic factor, fitted as the product
   *    (1 - t+)(1 + dln f/dln c) = 0.601 - 0.24 c^0.5
   *                                + 0.982 (1 - 0.0052 (T - 294)) c^1.5,
   *    divided here by (1 - t+) with the transference number below (the
   *    paper used t+ = 0.38, the default).
   * Robustness: c_e is floored at 1e-3 mol/m^3 (derivatives zero below) so
   * that c^0.5 has a finite slope; T - T_g is floored at 1 K. Outside the
   * paper's measured range the fits are extrapolations.
   */
  class ElectrolyteProperties
  {
  public:
    /// Declares subsection "Electrolyte"; the values of @p defaults are the
    /// declared defaults (a preset passes its own).
    static void
    declare_parameters(dealii::ParameterHandler    &prm,
                       const ElectrolyteProperties &defaults);

    /// The same with the generic defaults.
    static void
    declare_parameters(dealii::ParameterHandler &prm);

    /// Reads and validates subsection "Electrolyte".
    void
    parse_parameters(dealii::ParameterHandler &prm);

    /// Salt diffusivity D_e at c_e (mol/m^3). Units: m^2/s.
    double
    diffusivity(const double c_e) const;

    /// d D_e / d c_e. Units: m^5/(mol s).
    double
    diffusivity_derivative(const double c_e) const;

    /// Ionic conductivity kappa. Units: S/m.
    double
    conductivity(const double c_e) const;

    /// d kappa / d c_e. Units: S m^2/mol.
    double
    conductivity_derivative(const double c_e) const;

    /// Thermodynamic factor 1 + dln f/dln c_e. Units: none.
    double
    thermodynamic_factor(const double c_e) const;

    /// d (thermodynamic factor) / d c_e. Units: m^3/mol.
    double
    thermodynamic_factor_derivative(const double c_e) const;

    /// Cation transference number t+. Units: none.
    double
    transference_number(const double c_e) const;

    /// d t+ / d c_e (zero: t+ is constant). Units: m^3/mol.
    double
    transference_number_derivative(const double c_e) const;

    /// Model.
    ElectrolyteModel model = ElectrolyteModel::valoen_reimers;
    /// Constant model: D_e. Units: m^2/s.
    double constant_diffusivity = 3e-10;
    /// Constant model: kappa. Units: S/m.
    double constant_conductivity = 1.0;
    /// Constant model: thermodynamic factor. Units: none.
    double constant_thermodynamic_factor = 1.0;
    /// t+ (both models). Units: none.
    double cation_transference_number = 0.38;
    /// Temperature T (set by the caller, not a parameter here). Units: K.
    double temperature = 298.15;
  };
} // namespace chemomech

#endif
