/**
 * @file electrode_material.h
 * @brief All parameters of one porous electrode (negative or positive): its
 * representative particle, kinetics, SEI, porosity, effective properties,
 * conductivity, mechanics and initial state, read from one subsection
 * ("Negative electrode" or "Positive electrode"), optionally starting from a
 * named preset.
 */
#ifndef chemomech_materials_electrode_material_h
#define chemomech_materials_electrode_material_h

#include <chemomech/materials/butler_volmer.h>
#include <chemomech/materials/chemical_potential.h>
#include <chemomech/materials/effective_properties.h>
#include <chemomech/materials/electrode_point_update.h>
#include <chemomech/materials/electrode_presets.h>
#include <chemomech/materials/electrode_stiffness.h>
#include <chemomech/materials/particle_surface_stress.h>
#include <chemomech/materials/porosity_model.h>
#include <chemomech/materials/representative_particle.h>
#include <chemomech/materials/sei_kinetics.h>

#include <deal.II/base/parameter_handler.h>

#include <memory>
#include <string>

namespace chemomech
{
  /**
   * @brief The material of one porous electrode.
   *
   * Subsection @p name (e.g. "Negative electrode") holds
   * - "Preset": none or a name of electrode_preset_names(); a preset sets
   *   the particle (radius, c_max, D_s), the kinetics (k, c_max, U(x)), the
   *   particle mechanics (E, nu, Omega), the porosity ("Porosity" eps_M =
   *   the preset's porosity; in "Pore structure" micro-porosity 0, agglomerate
   * fraction = the active fraction, Vegard coefficient = Omega), the Bruggeman
   * exponents and the solid conductivity; anything set explicitly in the same
   * subsection of the input file wins (the preset's values are the declared
   * defaults);
   * - "Initial stoichiometry" x_0 of the particles, "Solid conductivity"
   *   sigma_s (bulk, S/m), "SEI growth" (on/off), the electrode-scale
   *   elastic constants ("Young's modulus" at the reference porosity,
   *   "Poisson's ratio" and "Stiffness porosity exponent" of the composite
   *   electrode, see ElectrodeStiffness);
   * - "Porosity" eps_M (PorosityModel);
   * - subsections "Representative particle", "Kinetics", "SEI", "Pore
   *   structure" (PorosityModel),
   *   "Effective properties" of the classes of the same names, and
   *   "Particle mechanics" (E, nu, Omega of the active particles, for the
   *   particles' surface stress, and the stress drift in the particles:
   *   "Stress-enhanced diffusion", "Chemical potential model", "Chemical
   *   potential coupling volume", see StressEnhancedDiffusivity), and the
   *   two couplings of the particle surface to stress: "Stress in
   *   equilibrium potential" and "Macroscopic stress" (see
   *   ElectrodePointUpdate).
   */
  class ElectrodeMaterial
  {
  public:
    /**
     * @brief Declares subsection @p name with all entries (see class doc).
     * The declared defaults are the preset's values for @p preset (none or
     * a name of electrode_preset_names()) and @p sei_growth for "SEI
     * growth"; entries set in the input file override them.
     */
    static void
    declare_parameters(dealii::ParameterHandler &prm,
                       const std::string        &name,
                       const std::string        &preset     = "none",
                       const bool                sei_growth = true);

    /**
     * @brief Reads subsection @p name; @p temperature (K) is given to the
     * kinetics, SEI and particle laws. Error messages name the parameter
     * with its full path ("Negative electrode/Kinetics/Rate constant").
     */
    void
    parse_parameters(dealii::ParameterHandler &prm,
                     const std::string        &name,
                     const double              temperature);

    /// The local quadrature-point update built from these parameters.
    const ElectrodePointUpdate &
    point_update() const;

    /// Active-material volume fraction eps_a. Units: none.
    double
    active_fraction() const;

    /// Solid-phase volume fraction for the solid conductivity (1 - eps_0).
    double
    solid_fraction() const;

    /// Effective solid conductivity sigma_s (1 - eps_0)^(1+b_s). S/m.
    double
    effective_solid_conductivity() const;

    /// Initial particle concentration x_0 c_max. Units: mol/m^3.
    double
    initial_concentration() const;

    /**
     * @brief Isotropic swelling strain of the electrode at particle mean
     * concentration @p c_avg: (1/3) eps_a beta (c_avg - c_ref), beta the
     * Vegard coefficient and c_ref the porosity's reference concentration.
     * Units: none.
     */
    double
    swelling_strain(const double c_avg) const;

    /// d swelling_strain / d c_avg. Units: m^3/mol.
    double
    swelling_strain_derivative() const;

    /// Name of the subsection ("Negative electrode", ...).
    std::string name;
    /// Preset used ("none" if none).
    std::string preset = "none";
    /// Initial stoichiometry x_0. Units: none.
    double initial_stoichiometry = 0.5;
    /// Bulk solid conductivity. Units: S/m.
    double solid_conductivity = 100;
    /// Whether SEI grows on this electrode.
    bool sei_growth = true;
    /// Effective elasticity of the composite electrode (E at the reference
    /// porosity, nu, porosity exponent). Units: Pa, none, none.
    ElectrodeStiffness stiffness{5e9, 0.3, 0, 0};
    /// Whether sigma_h,surf shifts the equilibrium potential in
    /// Butler-Volmer (ElectrodePointUpdate::stress_shifted_potential).
    bool stress_shifted_potential = false;
    /// Whether the electrode's solid-phase stress adds to the particles'
    /// surface stress (ElectrodePointUpdate::macroscopic_stress).
    bool macroscopic_stress = false;
    /// Whether the particles' own stress drives lithium
    /// (StressEnhancedDiffusivity).
    bool stress_enhanced_diffusion = false;
    /// mu0 of lithium in the particles (for the stress drift).
    ChemicalPotentialModel chemical_potential = ChemicalPotentialModel::dilute;
    /// Omega_mu in mu = mu0 - Omega_mu sigma_h. Units: m^3/mol.
    double coupling_molar_volume = 3.1e-6;

    RepresentativeParticle particle;
    ButlerVolmer           kinetics;
    SEIKinetics            sei;
    PorosityModel          porosity;
    EffectiveProperties    effective;
    ParticleSurfaceStress  surface_stress{15e9, 0.3, 3.1e-6};

  private:
    /**
     * @brief Reads subsection "Particle mechanics" (E, nu, Omega and the
     * stress drift) and, with the drift on, wraps the particle's D(c) into
     * the StressEnhancedDiffusivity at @p temperature (K).
     */
    void
    parse_particle_mechanics(dealii::ParameterHandler &prm,
                             const double              temperature);

    std::shared_ptr<const ElectrodePointUpdate> update;
  };
} // namespace chemomech

#endif
