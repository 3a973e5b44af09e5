/**
 * @file effective_properties.h
 * @brief Effective transport properties of a porous electrode (Bruggeman
 * relation) and the specific surface area of its active particles
 * (subsection "Effective properties").
 */
#ifndef chemomech_materials_effective_properties_h
#define chemomech_materials_effective_properties_h

#include <deal.II/base/parameter_handler.h>

namespace chemomech
{
  /**
   * @brief Bruggeman relation P_eff = P f^(1+b) for a bulk property P of a
   * phase with volume fraction f, and the specific area a_s = 3 eps_s / r_p.
   *
   * Convention: the tortuosity of a phase is
   * tau = f^-b, so P_eff = P f / tau = P f^(1+b). The classical Bruggeman
   * value D_eff = D eps^1.5 is b = 0.5. (PyBaMM's "Bruggeman coefficient" is
   * our 1 + b.)
   *
   * - Electrolyte: f = porosity eps, exponent b_e, applied to the salt
   *   diffusivity D_e and the ionic conductivity kappa.
   * - Solid: f = volume fraction of the conducting solid eps_s, exponent b_s,
   *   applied to the electronic conductivity sigma_s.
   *
   * A fraction f <= 0 is treated as 0 (P_eff = 0, no NaN); the derivative
   * there is that of the one-sided limit (0 for b > 0).
   */
  class EffectiveProperties
  {
  public:
    /**
     * @param electrolyte_exponent b_e (tortuosity eps^-b_e). Units: none.
     * @param solid_exponent b_s (tortuosity eps_s^-b_s). Units: none.
     */
    EffectiveProperties(const double electrolyte_exponent = 0.5,
                        const double solid_exponent       = 0.5);

    /// Declares subsection "Effective properties"; the values of @p defaults
    /// are the declared defaults (a preset passes its own).
    static void
    declare_parameters(dealii::ParameterHandler  &prm,
                       const EffectiveProperties &defaults);

    /// The same with the generic defaults.
    static void
    declare_parameters(dealii::ParameterHandler &prm);

    /// Reads and validates subsection "Effective properties".
    void
    parse_parameters(dealii::ParameterHandler &prm);

    /// f^(1+b) for volume fraction @p fraction (none) and exponent @p b.
    static double
    bruggeman_factor(const double fraction, const double b);

    /// d f^(1+b) / d f = (1+b) f^b. Units: none.
    static double
    bruggeman_factor_derivative(const double fraction, const double b);

    /// Effective electrolyte property P eps^(1+b_e); units of @p bulk.
    double
    electrolyte(const double bulk, const double porosity) const;

    /// d/d eps of electrolyte(); units of @p bulk.
    double
    electrolyte_derivative(const double bulk, const double porosity) const;

    /// Electrolyte tortuosity tau = eps^-b_e (infinite for eps <= 0).
    double
    electrolyte_tortuosity(const double porosity) const;

    /// Effective solid conductivity sigma eps_s^(1+b_s); units of @p bulk.
    double
    solid(const double bulk, const double solid_fraction) const;

    /// d/d eps_s of solid(); units of @p bulk.
    double
    solid_derivative(const double bulk, const double solid_fraction) const;

    /**
     * @brief Specific interfacial area of spheres, a_s = 3 eps_s / r_p.
     * @param active_fraction eps_s, active material volume fraction (none).
     * @param particle_radius r_p. Units: m.
     * @return a_s. Units: 1/m (m^2 of surface per m^3 of electrode).
     */
    static double
    specific_area(const double active_fraction, const double particle_radius);

    /// d a_s / d eps_s = 3 / r_p. Units: 1/m.
    static double
    specific_area_derivative(const double particle_radius);

    /// Electrolyte Bruggeman exponent b_e. Units: none.
    double electrolyte_exponent;
    /// Solid Bruggeman exponent b_s. Units: none.
    double solid_exponent;
  };
} // namespace chemomech

#endif
