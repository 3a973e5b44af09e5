/**
 * @file physical_constants.h
 * @brief Physical constants used throughout chemomech, defined once (SI units,
 * CODATA 2018 exact values).
 */
#ifndef chemomech_core_physical_constants_h
#define chemomech_core_physical_constants_h

namespace chemomech
{
  namespace constants
  {
    /// Universal gas constant R. Units: J/(mol K).
    constexpr double gas_constant = 8.314462618;

    /// Faraday constant F. Units: C/mol.
    constexpr double faraday = 96485.33212;

    /// Seconds per hour, used for C-rates. Units: s/h.
    constexpr double seconds_per_hour = 3600.0;
  } // namespace constants
} // namespace chemomech

#endif
