/**
 * @file porosity_model.h
 * @brief Porosity of an agglomerate electrode as a state variable: swelling
 * of the active solid, SEI growth and the clogging floor (entry "Porosity"
 * and subsection "Pore structure" of an electrode).
 */
#ifndef chemomech_materials_porosity_model_h
#define chemomech_materials_porosity_model_h

#include <deal.II/base/parameter_handler.h>

namespace chemomech
{
  /// How the electrode volume responds to swelling.
  enum class PorosityKinematics
  {
    /// Total volume fixed (confined electrode): the linear law.
    fixed_volume,
    /// Total volume follows the displacement field through tr eps(u).
    mixture
  };

  /// Porosity after the floor, with its derivatives (all zero on the floor).
  struct PorosityValue
  {
    /// eps, never below eps_min >= 0. Units: none.
    double value = 0;
    /// d eps / d c_s. Units: m^3/mol.
    double d_dconcentration = 0;
    /// d eps / d tr eps(u). Units: none.
    double d_dtrace_strain = 0;
    /// d eps / d (SEI pore-volume loss). Units: none.
    double d_dsei_loss = 0;
    /// Whether the floor eps_min was hit (pore clogging).
    bool floor_hit = false;
  };

  /**
   * @brief Porosity eps(c_s, tr eps, SEI) of an agglomerate electrode.
   *
   * Agglomerate rule: eps = eps_M + alpha eps_m, with macro-porosity eps_M
   * (between agglomerates), agglomerate volume fraction alpha and
   * micro-porosity eps_m inside agglomerates. Per unit electrode volume the
   * active solid occupies eps_a = alpha (1 - eps_m) and inert solid (binder,
   * carbon) eps_i = 1 - eps_M - alpha, so 1 - eps_0 = eps_a + eps_i with
   * eps_0 = eps_M + alpha eps_m the reference porosity.
   *
   * Swelling (Vegard): the active solid volume is V_a(c_s) = V_a0 (1 + beta
   * (c_s - c_s0)), beta in m^3/mol (for isotropic linear Vegard beta equals
   * the partial molar volume Omega), c_s the particle-averaged lithium
   * concentration (mol/m^3), c_s0 the reference at which eps = eps_0.
   *
   * - fixed_volume (total volume and eps_m fixed): the pores lose what the
   *   solid gains, d eps / d c_s = -alpha (1 - eps_m) beta, i.e. exactly
   *   eps(c_s) = eps_0 - alpha (1 - eps_m) beta (c_s - c_s0).
   * - mixture: the electrode volume is V = V_0 (1 + tr eps(u)) (small
   *   strain, det F ~ 1 + tr eps), solid volumes are V_0 eps_i (inert) and
   *   V_0 eps_a (1 + beta dc), so the pore fraction is
   *   eps = 1 - [eps_i + eps_a (1 + beta (c_s - c_s0))] / (1 + tr eps).
   *   With no inert solid (eps_a = 1 - eps_0) this is
   *   eps = 1 - (1 - eps_0)(1 + beta dc)/(1 + tr eps).
   *   Relation to the linear law: for tr eps = 0 (confined electrode) it IS
   *   the linear law exactly; to first order in (beta dc, tr eps),
   *   eps ~ eps_0 - alpha (1 - eps_m) beta dc + (1 - eps_0) tr eps.
   *   Requires tr eps > -1 (the denominator is floored at 1e-12).
   *
   * SEI: the film fills pore volume at the rate V_SEI a_s |j_SEI| / (n F)
   * per unit REFERENCE volume (see sei_porosity_rate(); a_s is per
   * reference volume); its time integral, the SEI volume
   * Delta_SEI >= 0 per reference volume, is solid volume like the rest:
   *   eps = eps_swelling(c_s, tr eps) - Delta_SEI / J,
   * J = volume_ratio(tr eps) (1 for fixed_volume).
   *
   * Per reference volume throughout: the pore volume per unit reference
   * volume is J eps (the electrolyte's salt storage is J eps c_e), the
   * solids' volumes eps_i, eps_a (1 + beta dc) and Delta_SEI are per
   * reference volume, so J eps = J - eps_i - eps_a (1 + beta dc) - Delta_SEI
   * exactly (mixture kinematics).
   *
   * Floor: eps is held at eps_min >= 0 (pore clogging) and flagged; it is
   * never negative.
   */
  class PorosityModel
  {
  public:
    /// Declares the entry "Porosity" (eps_M) and subsection "Pore
    /// structure" (the rest) in the current subsection (an electrode's);
    /// the values of @p defaults are the declared defaults (a preset
    /// passes its own).
    static void
    declare_parameters(dealii::ParameterHandler &prm,
                       const PorosityModel      &defaults);

    /// The same with the generic defaults.
    static void
    declare_parameters(dealii::ParameterHandler &prm);

    /// Reads and validates "Porosity" and subsection "Pore structure".
    void
    parse_parameters(dealii::ParameterHandler &prm);

    /// Reference porosity eps_0 = eps_M + alpha eps_m. Units: none.
    double
    reference_porosity() const;

    /// Active solid fraction alpha (1 - eps_m). Units: none.
    double
    active_fraction() const;

    /**
     * @brief Porosity from swelling only (no floor).
     * @param c_s Particle-averaged lithium concentration. Units: mol/m^3.
     * @param trace_strain tr eps(u) (ignored for fixed_volume). Units: none.
     */
    double
    swelling_porosity(const double c_s, const double trace_strain = 0) const;

    /// d swelling_porosity / d c_s. Units: m^3/mol.
    double
    swelling_derivative_concentration(const double c_s,
                                      const double trace_strain = 0) const;

    /// d swelling_porosity / d tr eps (0 for fixed_volume). Units: none.
    double
    swelling_derivative_trace_strain(const double c_s,
                                     const double trace_strain = 0) const;

    /**
     * @brief Rate of porosity change by SEI growth,
     * -d Delta_SEI/dt = -V_SEI a_s |j_SEI| / (n F) per unit reference
     * volume (d eps/dt itself for fixed_volume kinematics).
     * @param specific_area a_s. Units: 1/m.
     * @param sei_current j_SEI (cathodic negative). Units: A/m^2.
     * @param sei_molar_volume V_SEI. Units: m^3/mol.
     * @param electrons n per SEI molecule. Units: none.
     * @return d eps / dt. Units: 1/s.
     */
    static double
    sei_porosity_rate(const double specific_area,
                      const double sei_current,
                      const double sei_molar_volume,
                      const double electrons);

    /// d (sei_porosity_rate) / d j_SEI. Units: m^2/(A s).
    static double
    sei_porosity_rate_derivative(const double specific_area,
                                 const double sei_current,
                                 const double sei_molar_volume,
                                 const double electrons);

    /**
     * @brief J = V / V_0 = 1 + tr eps (small strain, floored at 1e-12) for
     * mixture kinematics, 1 for fixed_volume (the electrode's volume is
     * fixed by assumption). Units: none.
     */
    double
    volume_ratio(const double trace_strain) const;

    /// d J / d tr eps: 1 for mixture kinematics, 0 for fixed_volume.
    double
    volume_ratio_derivative() const;

    /**
     * @brief Isotropic swelling strain of the electrode skeleton,
     * e* = eps_a beta (c_s - c_s0) / 3: the linear strain whose volume
     * change 3 e* is the active solid's volume gain per unit electrode
     * volume (the eigenstrain of the electrode-scale elasticity).
     * @param c_s Particle-averaged lithium concentration. Units: mol/m^3.
     * @return e*. Units: none.
     */
    double
    swelling_strain(const double c_s) const;

    /// d e* / d c_s = eps_a beta / 3. Units: m^3/mol.
    double
    swelling_strain_derivative() const;

    /**
     * @brief Applies the floor: max(eps, eps_min), and whether it was hit.
     * @param porosity Unfloored porosity. Units: none.
     * @param[out] floor_hit true when eps < eps_min (clogging).
     */
    double
    apply_floor(const double porosity, bool &floor_hit) const;

    /**
     * @brief eps = eps_swelling(c_s, tr eps) - Delta_SEI / J with the floor and
     * derivatives w.r.t. c_s, tr eps and Delta_SEI (all zero on the floor).
     * @param sei_loss Delta_SEI, accumulated pore-volume fraction filled by
     * SEI. Units: none.
     */
    PorosityValue
    evaluate(const double c_s,
             const double trace_strain = 0,
             const double sei_loss     = 0) const;

    /// Macro-porosity eps_M. Units: none.
    double macro_porosity = 0.225;
    /// Micro-porosity eps_m. Units: none.
    double micro_porosity = 0.2;
    /// Agglomerate volume fraction alpha. Units: none.
    double agglomerate_fraction = 0.625;
    /// Vegard coefficient beta, dV/V = beta dc_s. Units: m^3/mol.
    double vegard_coefficient = 3.1e-6;
    /// Reference concentration c_s0. Units: mol/m^3.
    double reference_concentration = 0;
    /**
     * Whether c_s0 is the initial particle concentration (input
     * "initial"); the owner (ElectrodeMaterial) then sets
     * reference_concentration to it after parsing.
     */
    bool reference_at_initial_state = false;
    /// Floor eps_min. Units: none.
    double minimum_porosity = 0.01;
    /// Kinematics.
    PorosityKinematics kinematics = PorosityKinematics::fixed_volume;
  };
} // namespace chemomech

#endif
