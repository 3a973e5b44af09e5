#include <chemomech/core/parameter_checks.h>
#include <chemomech/core/range_spec.h>
#include <chemomech/materials/material_ranges.h>
#include <chemomech/materials/separator_material.h>

namespace chemomech
{
  namespace
  {
    /// Allowed ranges of the entries (declared patterns and checks).
    const RangeSpec porosity_range(0, Bound::open, 1, Bound::open);
    const RangeSpec
      bruggeman_exponent_range(0, Bound::closed, 10, Bound::closed);
  } // namespace



  using namespace dealii;



  void
  SeparatorMaterial::declare_parameters(ParameterHandler &prm)
  {
    prm.enter_subsection("Separator");
    prm.declare_entry("Porosity",
                      "0.47",
                      *porosity_range.pattern(),
                      "Porosity of the separator. Units: none. Range: (0, 1).");
    prm.declare_entry("Bruggeman exponent",
                      "0.5",
                      *bruggeman_exponent_range.pattern(),
                      "b of D_eff = D eps^(1+b) in the separator. Units: none. "
                      "Range: [0, 10].");
    prm.declare_entry("Young's modulus",
                      "0.5e9",
                      *material_ranges::youngs_modulus.pattern(),
                      "Units: Pa. Range: (0, 1e13].");
    prm.declare_entry("Poisson's ratio",
                      "0.3",
                      *material_ranges::poissons_ratio.pattern(),
                      "Units: none. Range: (-1, 0.5).");
    prm.leave_subsection();
  }



  void
  SeparatorMaterial::parse_parameters(ParameterHandler &prm)
  {
    prm.enter_subsection("Separator");
    porosity           = prm.get_double("Porosity");
    bruggeman_exponent = prm.get_double("Bruggeman exponent");
    youngs_modulus     = prm.get_double("Young's modulus");
    poissons_ratio     = prm.get_double("Poisson's ratio");
    prm.leave_subsection();
    porosity_range.check("Separator/Porosity", porosity);
    bruggeman_exponent_range.check("Separator/Bruggeman exponent",
                                   bruggeman_exponent);
    material_ranges::youngs_modulus.check("Separator/Young's modulus",
                                          youngs_modulus);
    material_ranges::poissons_ratio.check("Separator/Poisson's ratio",
                                          poissons_ratio);
  }



  IsotropicElasticity
  SeparatorMaterial::elasticity() const
  {
    return IsotropicElasticity(youngs_modulus, poissons_ratio);
  }
} // namespace chemomech
