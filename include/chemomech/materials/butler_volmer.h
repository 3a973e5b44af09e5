/**
 * @file butler_volmer.h
 * @brief Butler-Volmer kinetics of lithium insertion into an active
 * material and of a lithium-metal counter electrode, with derivatives
 * (subsection "Kinetics").
 */
#ifndef chemomech_materials_butler_volmer_h
#define chemomech_materials_butler_volmer_h

#include <chemomech/materials/scalar_function_of_x.h>

#include <deal.II/base/parameter_handler.h>

#include <string>

namespace chemomech
{
  /// Which electrode reaction.
  enum class KineticsModel
  {
    /// Insertion electrode: i0 = k F c_e^a_a (c_max - c_s)^a_a c_s^a_c.
    insertion,
    /// Lithium metal: i0 = k F c_e^a_a or a given i0; U = 0.
    lithium_metal
  };

  /// Current density and its derivatives.
  struct KineticsCurrent
  {
    /// i, anodic (delithiation, current out of the solid) positive. A/m^2.
    double current = 0;
    /// d i / d eta at fixed c_e, c_s (= d i / d (phi_s - phi_e)). A/(m^2 V).
    double d_doverpotential = 0;
    /// d i / d c_e. Units: A m/mol.
    double d_delectrolyte_concentration = 0;
    /// d i / d c_s: at fixed eta from evaluate_at_overpotential(), total
    /// (including -U'(x)/c_max through eta) from evaluate(). Units: A m/mol.
    double d_dsolid_concentration = 0;
    /// Exchange current density i0. Units: A/m^2.
    double exchange_current = 0;
    /// Overpotential eta. Units: V.
    double overpotential = 0;
  };

  /**
   * @brief i = i0 [exp(a_a F eta/(RT)) - exp(-a_c F eta/(RT))].
   *
   * Insertion: i0 = k F c_e^a_a (c_max - c_s)^a_a c_s^a_c and
   * eta = phi_s - phi_e - U(x_surf), x_surf = c_s/c_max with c_s the surface
   * concentration. Lithium metal: eta = phi_s - phi_e, i0 = k F c_e^a_a, or
   * the given exchange current density when that is positive.
   *
   * Robustness: c_s is clamped to [delta, 1 - delta] c_max and c_e to
   * >= delta_e, with delta = 1e-9 (none) and delta_e = 1e-6 mol/m^3, so i0 and
   * its derivatives stay finite as c_s -> 0 or c_max (the derivative w.r.t.
   * a clamped variable is zero, consistent with the clamp). The exponents
   * are clamped at +-300.
   *
   * Units of k: (A/m^2) / (C/mol (mol/m^3)^(2 a_a + a_c)); for
   * a_a = a_c = 1/2, m^2.5 mol^-0.5 s^-1.
   */
  class ButlerVolmer
  {
  public:
    /**
     * @brief Declares subsection "Kinetics"; the values of @p defaults and
     * the U(x) text @p open_circuit_potential are the declared defaults (a
     * preset or a counter electrode passes its own).
     */
    static void
    declare_parameters(dealii::ParameterHandler &prm,
                       const ButlerVolmer       &defaults,
                       const std::string        &open_circuit_potential);

    /// Generic default of "Open-circuit potential". Units: V.
    static constexpr const char *default_open_circuit_potential = "4.0";

    /// The same with the generic defaults.
    static void
    declare_parameters(dealii::ParameterHandler &prm);

    /// Reads and validates subsection "Kinetics".
    void
    parse_parameters(dealii::ParameterHandler &prm);

    /// Sets U(x) from a muparser expression in x. Units: V.
    void
    set_open_circuit_potential(const std::string &expression);

    /// U(c_s/c_max) (0 for lithium metal). Units: V.
    double
    open_circuit_potential(const double c_s) const;

    /// i0(c_e, c_s). Units: A/m^2.
    double
    exchange_current(const double c_e, const double c_s) const;

    /// i and partial derivatives at given eta (V), c_e, c_s (mol/m^3).
    KineticsCurrent
    evaluate_at_overpotential(const double overpotential,
                              const double c_e,
                              const double c_s) const;

    /// i from phi_s - phi_e (V); d/dc_s includes the OCP slope.
    KineticsCurrent
    evaluate(const double potential_difference,
             const double c_e,
             const double c_s) const;

    /// Reaction.
    KineticsModel model = KineticsModel::insertion;
    /// Rate constant k (see class doc for units).
    double rate_constant = 2e-11;
    /// Given exchange current density of lithium metal (<= 0: from k).
    /// Units: A/m^2.
    double exchange_current_density = 0;
    /// Anodic transfer coefficient a_a. Units: none.
    double anodic_transfer_coefficient = 0.5;
    /// Cathodic transfer coefficient a_c. Units: none.
    double cathodic_transfer_coefficient = 0.5;
    /// Maximum concentration c_max. Units: mol/m^3.
    double max_concentration = 22860;
    /// Temperature T (set by the caller, not a parameter here). Units: K.
    double temperature = 298.15;
    /// Open-circuit potential U(x). Units: V.
    ScalarFunctionOfX ocp;
  };
} // namespace chemomech

#endif
