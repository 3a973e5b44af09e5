/**
 * @file separator_material.h
 * @brief The porous separator of the electrode model: porosity, Bruggeman
 * exponent and isotropic elastic constants (subsection "Separator").
 */
#ifndef chemomech_materials_separator_material_h
#define chemomech_materials_separator_material_h

#include <chemomech/materials/isotropic_elasticity.h>

#include <deal.II/base/parameter_handler.h>

namespace chemomech
{
  /**
   * @brief The separator between the electrodes: an inert porous layer
   * filled with electrolyte.
   *
   * Its electrolyte transport uses the Bruggeman factor
   * EffectiveProperties::bruggeman_factor(porosity, bruggeman_exponent);
   * its mechanics the isotropic law elasticity() without eigenstrain.
   */
  class SeparatorMaterial
  {
  public:
    /// Declares subsection "Separator" (Porosity, Bruggeman exponent,
    /// Young's modulus, Poisson's ratio).
    static void
    declare_parameters(dealii::ParameterHandler &prm);

    /// Reads and checks subsection "Separator".
    void
    parse_parameters(dealii::ParameterHandler &prm);

    /// The elastic law of the separator (E, nu).
    IsotropicElasticity
    elasticity() const;

    /// Porosity eps. Units: none, in (0, 1).
    double porosity = 0.47;
    /// Bruggeman exponent b of D_eff = D eps^(1+b). Units: none.
    double bruggeman_exponent = 0.5;
    /// Young's modulus E. Units: Pa.
    double youngs_modulus = 0.5e9;
    /// Poisson's ratio nu. Units: none.
    double poissons_ratio = 0.3;
  };
} // namespace chemomech

#endif
