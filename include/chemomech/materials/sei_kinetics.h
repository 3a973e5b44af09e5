/**
 * @file sei_kinetics.h
 * @brief SEI growth current density with reaction, diffusion and mixed
 * limitation, the stress shift of its rate, and the film growth rates
 * (subsection "SEI").
 */
#ifndef chemomech_materials_sei_kinetics_h
#define chemomech_materials_sei_kinetics_h

#include <deal.II/base/parameter_handler.h>

namespace chemomech
{
  /// What limits SEI growth.
  enum class SEIGrowthModel
  {
    /// Cathodic Tafel kinetics of solvent reduction.
    reaction_limited,
    /// Solvent diffusion through the film.
    diffusion_limited,
    /// Reaction and diffusion in series.
    mixed
  };

  /// SEI current density and its derivatives.
  struct SEICurrent
  {
    /// j_SEI, cathodic negative. Units: A/m^2.
    double current = 0;
    /// d j_SEI / d (phi_s - phi_e) (= d j_SEI / d eta_SEI). Units: A/(m^2 V).
    double d_dpotential = 0;
    /// d j_SEI / d L_SEI (includes the film-resistance term). Units: A/m^3.
    double d_dthickness = 0;
    /// d j_SEI / d sigma_h. Units: A/(m^2 Pa).
    double d_dstress = 0;
    /// d j_SEI / d j_tot (through the film-resistance term). Units: none.
    double d_dtotal_current = 0;
    /// eta_SEI = phi_s - phi_e - U_SEI - j_tot rho_SEI L_SEI. Units: V.
    double overpotential = 0;
  };

  /**
   * @brief SEI growth current density j_SEI (A/m^2 of particle surface,
   * cathodic negative) from solvent reduction at the particle surface.
   *
   * Overpotential: eta_SEI = (phi_s - phi_e) - U_SEI - j_tot R_film with
   * R_film = rho_SEI L_SEI (Ohm m^2; rho_SEI = 0 switches the film term off)
   * and j_tot the total interfacial current density (A/m^2).
   *
   * Reaction rate (m/s): k_f = k s(sigma_h) exp(-alpha_c n F eta_SEI/(R T)).
   *
   * Stress convention (compression slows SEI growth): s(sigma_h) = exp(alpha_c
   * Omega_SEI sigma_h / (R T)), sigma_h the hydrostatic stress of the particle
   * at its surface, tension positive. Compression (sigma_h < 0) gives s < 1 and
   * slows the reaction, tension speeds it up; the ratio of rates at +sigma and
   * -sigma is exp(2 alpha_c Omega_SEI sigma / (R T)). Read as an overpotential,
   * the mechanical work Omega_SEI sigma_h / (n F) is added to eta_SEI's
   * cathodic drive. Switchable off (s = 1). Stress acts on the reaction step
   * only, not on solvent diffusion.
   *
   * - reaction_limited: j = -n F k_f c_solv.
   * - diffusion_limited: j = -n F D_solv c_solv / L_SEI.
   * - mixed: j = -n F c_solv / (1/k_f + L_SEI/D_solv), which tends to the two
   *   limits when D_solv or k_f becomes large.
   *
   * The exponent is clamped at +-300 (derivatives then zero); L_SEI is
   * floored at 1e-12 m.
   *
   * Film growth: dL/dt = V_SEI |j_SEI| / (n F) (m/s); SEI moles formed
   * |j_SEI| / (n F) and lithium consumed |j_SEI| / F (mol/(m^2 s)).
   */
  class SEIKinetics
  {
  public:
    /// Declares subsection "SEI"; @p growth_model is the default of
    /// "Growth model" (an electrode preset may choose it).
    static void
    declare_parameters(dealii::ParameterHandler &prm,
                       const std::string &growth_model = "reaction limited");

    /// Reads and validates subsection "SEI".
    void
    parse_parameters(dealii::ParameterHandler &prm);

    /**
     * @brief j_SEI and its derivatives.
     * @param potential_difference phi_s - phi_e. Units: V.
     * @param thickness L_SEI. Units: m.
     * @param hydrostatic_stress sigma_h at the particle surface, tension
     * positive. Units: Pa.
     * @param total_current j_tot through the film (for R_film). Units: A/m^2.
     */
    SEICurrent
    current(const double potential_difference,
            const double thickness,
            const double hydrostatic_stress = 0,
            const double total_current      = 0) const;

    /// Stress factor s(sigma_h) of the rate constant (1 if off). Units: none.
    double
    stress_factor(const double hydrostatic_stress) const;

    /// Film growth rate dL/dt = V_SEI |j| / (n F). Units: m/s.
    double
    thickness_rate(const double sei_current) const;

    /// d (dL/dt) / d j_SEI. Units: m^3/(A s).
    double
    thickness_rate_derivative(const double sei_current) const;

    /// SEI formed, |j| / (n F). Units: mol/(m^2 s).
    double
    sei_moles_rate(const double sei_current) const;

    /// Lithium consumed, |j| / F. Units: mol/(m^2 s).
    double
    lithium_loss_rate(const double sei_current) const;

    /// Growth model.
    SEIGrowthModel model = SEIGrowthModel::reaction_limited;
    /// Electrons per SEI molecule n. Units: none.
    double electrons = 2;
    /// Rate constant k. Units: m/s.
    double rate_constant = 1e-12;
    /// Solvent concentration c_solv. Units: mol/m^3.
    double solvent_concentration = 2636;
    /// Solvent diffusivity in the film D_solv. Units: m^2/s.
    double solvent_diffusivity = 2.5e-22;
    /// Cathodic transfer coefficient alpha_c. Units: none.
    double transfer_coefficient = 0.5;
    /// SEI open-circuit potential U_SEI. Units: V.
    double open_circuit_potential = 0.4;
    /// Molar volume of SEI V_SEI. Units: m^3/mol.
    double molar_volume = 9.585e-5;
    /// Film resistivity rho_SEI (0: no film resistance). Units: Ohm m.
    double resistivity = 0;
    /// Initial thickness L_0. Units: m.
    double initial_thickness = 5e-9;
    /// Whether the stress factor is on.
    bool stress_coupling = true;
    /// Volume Omega_SEI in the stress factor. Units: m^3/mol.
    double stress_coupling_volume = 9.585e-5;
    /// Temperature T (set by the caller, not a parameter here). Units: K.
    double temperature = 298.15;
  };
} // namespace chemomech

#endif
