#include <chemomech/materials/particle_surface_stress.h>

namespace chemomech
{
  ParticleSurfaceStress::ParticleSurfaceStress(
    const double youngs_modulus,
    const double poissons_ratio,
    const double partial_molar_volume)
    : youngs_modulus(youngs_modulus)
    , poissons_ratio(poissons_ratio)
    , partial_molar_volume(partial_molar_volume)
  {}



  double
  ParticleSurfaceStress::hydrostatic_stress(const double c_average,
                                            const double c_surface) const
  {
    return hydrostatic_stress_derivative_average() * (c_average - c_surface);
  }



  double
  ParticleSurfaceStress::hydrostatic_stress_derivative_average() const
  {
    return 2 * youngs_modulus * partial_molar_volume /
           (9 * (1 - poissons_ratio));
  }



  double
  ParticleSurfaceStress::hydrostatic_stress_derivative_surface() const
  {
    return -hydrostatic_stress_derivative_average();
  }



  double
  ParticleSurfaceStress::hoop_stress(const double c_average,
                                     const double c_surface) const
  {
    return youngs_modulus * partial_molar_volume * (c_average - c_surface) /
           (3 * (1 - poissons_ratio));
  }
} // namespace chemomech
