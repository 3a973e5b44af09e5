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
#include <deal.II/base/symmetric_tensor.h>

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

    /// d e* / d c = Omega/3. Units: m^3/mol.
    double
    eigenstrain_derivative() const
    {
      return partial_molar_volume / 3.0;
    }

    /**
     * @brief Stress sigma(eps, c) = C : (eps - e*(c) I) for the strain
     * @p eps (none) and the concentration @p c (mol/m^3). In 2D the
     * in-plane stress of plane strain. Units: Pa.
     */
    template <int dim>
    dealii::SymmetricTensor<2, dim>
    stress(const dealii::SymmetricTensor<2, dim> &eps, const double c) const
    {
      return elasticity.stress(eps, eigenstrain(c));
    }

    /**
     * @brief Hydrostatic stress sigma_h(eps, c) = tr(sigma)/3 of the 3D
     * stress (2D: with the plane-strain sigma_zz). Units: Pa.
     */
    template <int dim>
    double
    hydrostatic_stress(const dealii::SymmetricTensor<2, dim> &eps,
                       const double                           c) const
    {
      return elasticity.hydrostatic_stress(eps, eigenstrain(c));
    }

    /**
     * @brief d sigma / d c at fixed strain: (d sigma / d e*)(d e* / d c),
     * -K Omega I for the isotropic law (in-plane block in 2D). Constant:
     * the law is linear. Units: Pa m^3/mol.
     */
    template <int dim>
    dealii::SymmetricTensor<2, dim>
    stress_concentration_derivative() const
    {
      return elasticity.stress_eigenstrain_derivative<dim>() *
             eigenstrain_derivative();
    }

    /**
     * @brief d sigma_h / d c at fixed strain: -K Omega. Constant. Units:
     * Pa m^3/mol.
     */
    double
    hydrostatic_stress_concentration_derivative() const
    {
      return elasticity.hydrostatic_stress_eigenstrain_derivative() *
             eigenstrain_derivative();
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
