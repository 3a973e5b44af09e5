/**
 * @file particle_material.h
 * @brief The active material of a particle: storage, transport and
 * elasticity laws and their parameters (subsection "Material").
 */
#ifndef chemomech_materials_particle_material_h
#define chemomech_materials_particle_material_h

#include <chemomech/materials/chemical_potential.h>
#include <chemomech/materials/isotropic_elasticity.h>
#include <chemomech/materials/scalar_function_of_x.h>

#include <deal.II/base/parameter_handler.h>

namespace chemomech
{
  /**
   * @brief Material of the active particle.
   *
   * Defaults are the LiMn2O4 values used by Zhang, Shyy and Sastry,
   * J. Electrochem. Soc. 154 (2007) A910: E = 10 GPa, nu = 0.3,
   * Omega = 3.497e-6 m^3/mol, D = 7.08e-15 m^2/s, c_max = 22860 mol/m^3.
   */
  class ParticleMaterial
  {
  public:
    /// Declares subsection "Material".
    static void
    declare_parameters(dealii::ParameterHandler &prm);

    /// Reads and validates subsection "Material".
    void
    parse_parameters(dealii::ParameterHandler &prm);

    /// Flux coefficients at concentration @p c (mol/m^3).
    FluxCoefficients
    flux_coefficients(const double c) const;

    /// Isotropic eigenstrain e* = (Omega/3)(c - c_ref). Units: none.
    double
    eigenstrain(const double c) const
    {
      return partial_molar_volume / 3.0 * (c - reference_concentration);
    }

    /// Maximum concentration c_max. Units: mol/m^3.
    double max_concentration = 22860;
    /// Initial concentration c0(x, y, z): a number or a muparser expression
    /// in x, y (, z) (m) and the constants r (= sqrt(x^2+y^2(+z^2))) is not
    /// predefined: write it out. Units: mol/m^3.
    std::string initial_concentration = "0";
    /// Stress-free reference concentration c_ref. Units: mol/m^3.
    double reference_concentration = 0;
    /// Temperature T. Units: K.
    double temperature = 298.15;
    /// Partial molar volume Omega in the eigenstrain. Units: m^3/mol.
    double partial_molar_volume = 3.497e-6;
    /// Partial molar volume Omega_mu in mu = mu0 - Omega_mu sigma_h. Units:
    /// m^3/mol.
    double coupling_molar_volume = 3.497e-6;
    /// Whether the stress term of the flux is on (two-way coupling).
    bool stress_enhanced_diffusion = true;
    /// Elastic law.
    IsotropicElasticity elasticity;
    /// mu0 and mobility.
    ChemicalPotential chemical_potential;
    /// Diffusivity D(x). Units: m^2/s.
    ScalarFunctionOfX diffusivity;
  };
} // namespace chemomech

#endif
