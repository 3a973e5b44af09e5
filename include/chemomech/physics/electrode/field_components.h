/**
 * @file field_components.h
 * @brief The components of the electrode model's FESystem and the field
 * each belongs to.
 */
#ifndef chemomech_physics_electrode_field_components_h
#define chemomech_physics_electrode_field_components_h

#include <algorithm>

namespace chemomech
{
  namespace electrode_fields
  {
    /// Component of c_e (mol/m^3).
    constexpr unsigned int c_comp = 0;
    /// Component of phi_e (V).
    constexpr unsigned int pe_comp = 1;
    /// Component of phi_s (V).
    constexpr unsigned int ps_comp = 2;
    /// First component of u (m); u has dim components.
    constexpr unsigned int u_comp = 3;

    /// Field of a component: 0 c_e, 1 phi_e, 2 phi_s, 3 u.
    inline unsigned int
    field_of_component(const unsigned int comp)
    {
      return std::min(comp, u_comp);
    }
  } // namespace electrode_fields
} // namespace chemomech

#endif
