#include <chemomech/core/parameter_checks.h>
#include <chemomech/materials/separator_material.h>

namespace chemomech
{
  using namespace dealii;



  void
  SeparatorMaterial::declare_parameters(ParameterHandler &prm)
  {
    prm.enter_subsection("Separator");
    prm.declare_entry("Porosity",
                      "0.47",
                      Patterns::Double(),
                      "Porosity of the separator. Units: none. Range: (0, 1).");
    prm.declare_entry("Bruggeman exponent",
                      "0.5",
                      Patterns::Double(),
                      "b of D_eff = D eps^(1+b) in the separator. Units: none. "
                      "Range: [0, 10].");
    prm.declare_entry("Young's modulus",
                      "0.5e9",
                      Patterns::Double(),
                      "Units: Pa. Range: (0, 1e13].");
    prm.declare_entry("Poisson's ratio",
                      "0.3",
                      Patterns::Double(),
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
    check_range("Separator/Porosity", porosity, 0, Bound::open, 1, Bound::open);
    check_range("Separator/Bruggeman exponent",
                bruggeman_exponent,
                0,
                Bound::closed,
                10,
                Bound::closed);
    check_range("Separator/Young's modulus",
                youngs_modulus,
                0,
                Bound::open,
                1e13,
                Bound::closed,
                "Pa");
    check_range("Separator/Poisson's ratio",
                poissons_ratio,
                -1,
                Bound::open,
                0.5,
                Bound::open);
  }



  IsotropicElasticity
  SeparatorMaterial::elasticity() const
  {
    return IsotropicElasticity(youngs_modulus, poissons_ratio);
  }
} // namespace chemomech
