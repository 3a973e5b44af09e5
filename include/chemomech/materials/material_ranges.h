/**
 * @file material_ranges.h
 * @brief Allowed ranges of the mechanical constants that the particle, the
 * electrode and the separator materials share, so that each is declared and
 * checked with the same bounds everywhere.
 */
#ifndef chemomech_materials_material_ranges_h
#define chemomech_materials_material_ranges_h

#include <chemomech/core/range_spec.h>

namespace chemomech
{
  namespace material_ranges
  {
    /// Young's modulus E. Units: Pa. Range: (0, 1e13].
    inline const RangeSpec
      youngs_modulus(0, Bound::open, 1e13, Bound::closed, "Pa");
    /// Poisson's ratio nu (isotropic, stable). Units: none. Range: (-1, 0.5).
    inline const RangeSpec poissons_ratio(-1, Bound::open, 0.5, Bound::open);
    /// Partial molar volume Omega. Units: m^3/mol. Range: [-1e-3, 1e-3].
    inline const RangeSpec partial_molar_volume(-1e-3,
                                                Bound::closed,
                                                1e-3,
                                                Bound::closed,
                                                "m^3/mol");
    /// Volume Omega_mu coupling sigma_h into the chemical potential. Units:
    /// m^3/mol. Range: [-1e-3, 1e-3].
    inline const RangeSpec chemical_potential_coupling_volume(-1e-3,
                                                              Bound::closed,
                                                              1e-3,
                                                              Bound::closed,
                                                              "m^3/mol");
  } // namespace material_ranges
} // namespace chemomech

#endif
