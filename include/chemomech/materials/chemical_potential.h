/**
 * @file chemical_potential.h
 * @brief Stress-free chemical potential mu0(c) of lithium in the host and the
 * mobility that goes with it.
 */
#ifndef chemomech_materials_chemical_potential_h
#define chemomech_materials_chemical_potential_h

namespace chemomech
{
  /// Choice of mu0(c).
  enum class ChemicalPotentialModel
  {
    /// Ideal dilute solution, mu0 = RT ln(c/c_ref), mobility M = D/(RT).
    dilute,
    /// Ideal lattice gas, mu0 = RT ln(x/(1-x)), mobility M = D(1-x)/(RT).
    lattice_gas
  };

  /**
   * @brief Coefficients of the lithium flux J = -D_c grad c + B grad sigma_h
   * at one concentration, with their derivatives with respect to c.
   */
  struct FluxCoefficients
  {
    /// Fickian coefficient D_c = D(x) f(x). Units: m^2/s.
    double fickian = 0;
    /// d D_c / d c. Units: m^5/(mol s).
    double d_fickian_dc = 0;
    /// Stress drift coefficient B = D m(x) Omega_mu c / (R T), so that
    /// B grad sigma_h is a molar flux. Units: m^2/(Pa s) mol/m^3.
    double drift = 0;
    /// d B / d c. Units: m^2/(Pa s).
    double d_drift_dc = 0;
  };

  /**
   * @brief mu0(c) and the two flux coefficients it produces.
   *
   * With mu = mu0(c) - Omega_mu sigma_h and J = -M c grad mu, the flux is
   *   J = -D f(x) grad c + D m(x) (Omega_mu c / (R T)) grad sigma_h,
   * where m = M R T / D is the mobility factor and
   * f = m c mu0'(c) / (R T) the thermodynamic (diffusion) factor:
   * dilute: m = 1, f = 1 (Fick's law plus the stress drift);
   * lattice gas: m = 1 - x, f = 1 (so D is the chemical diffusivity and the
   * stress drift vanishes at x = 1).
   * All functions take x = c/c_max (dimensionless).
   */
  class ChemicalPotential
  {
  public:
    /**
     * @param model Which mu0.
     * @param temperature T. Units: K.
     * @param x_ref Stoichiometry at which the dilute mu0 vanishes
     * (c_ref/c_max).
     */
    ChemicalPotential(
      const ChemicalPotentialModel model       = ChemicalPotentialModel::dilute,
      const double                 temperature = 298.15,
      const double                 x_ref       = 0.5);

    /// mu0 at stoichiometry @p x. Units: J/mol.
    double
    value(const double x) const;

    /// Diffusion factor f(x) multiplying D in the Fickian term. Units: none.
    double
    diffusion_factor(const double x) const;

    /// d f / d x. Units: none.
    double
    diffusion_factor_derivative(const double x) const;

    /// Mobility factor m(x) multiplying D in the stress drift. Units: none.
    double
    mobility_factor(const double x) const;

    /// d m / d x. Units: none.
    double
    mobility_factor_derivative(const double x) const;

    /**
     * @brief The flux coefficients at concentration @p c (mol/m^3) of a host
     * with maximum concentration @p max_concentration (mol/m^3), diffusivity
     * @p diffusivity = D (m^2/s) and @p d_diffusivity_dc = dD/dc
     * (m^5/(mol s)) at c, and coupling molar volume
     * @p coupling_molar_volume = Omega_mu (m^3/mol; 0: no stress drift).
     */
    FluxCoefficients
    flux_coefficients(const double c,
                      const double max_concentration,
                      const double diffusivity,
                      const double d_diffusivity_dc,
                      const double coupling_molar_volume) const;

    /// The model.
    ChemicalPotentialModel model;
    /// Temperature. Units: K.
    double temperature;
    /// Reference stoichiometry of the dilute model. Units: none.
    double x_ref;
  };
} // namespace chemomech

#endif
