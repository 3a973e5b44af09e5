#include <chemomech/materials/isotropic_elasticity.h>

namespace chemomech
{
  IsotropicElasticity::IsotropicElasticity(const double youngs_modulus,
                                           const double poissons_ratio)
    : youngs_modulus(youngs_modulus)
    , poissons_ratio(poissons_ratio)
    , lambda(youngs_modulus * poissons_ratio /
             ((1 + poissons_ratio) * (1 - 2 * poissons_ratio)))
    , shear_modulus(youngs_modulus / (2 * (1 + poissons_ratio)))
    , bulk_modulus(youngs_modulus / (3 * (1 - 2 * poissons_ratio)))
  {}
} // namespace chemomech
