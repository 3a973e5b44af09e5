/**
 * @file bpx_mapping.h
 * @brief The mapping table of the BPX import: which BPX field becomes which
 * chemomech parameter and how (the one place to change a parameter path),
 * the units the fields may be given in, and why unmapped fields are ignored.
 */
#ifndef chemomech_io_bpx_mapping_h
#define chemomech_io_bpx_mapping_h

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace chemomech
{
  /// How a BPX field becomes the value of a chemomech parameter.
  enum class BpxConversion
  {
    /// The number times the unit factor.
    number,
    /// Function of the stoichiometry x: a muparser expression (a table
    /// becomes linear pieces).
    function_of_x,
    /// Function of x, tables kept as "table: x:y, ...".
    function_of_x_or_table,
    /// Function of c_e, evaluated at the initial c_e (and T_ref).
    function_of_ce,
    /// k = k_BPX / (c_max sqrt(c_e0)), c_max the sibling "Maximum
    /// concentration [mol.m-3]".
    rate_constant,
    /// b = ln(tau)/ln(eps) - 1, eps the sibling "Porosity": tau =
    /// eps^(1+b).
    bruggeman,
    /// eps_a = a R/3, R the sibling "Particle radius [m]".
    active_fraction,
    /// sigma_s = sigma_eff/eps_a (with Solid Bruggeman exponent 0).
    solid_conductivity,
    /// x_0 from the sibling "Maximum stoichiometry" and the initial
    /// state of charge s: x_min + s (x_max - x_min) (negative),
    /// x_max - s (x_max - x_min) (positive).
    initial_stoichiometry,
    /// Q/(A N) with the cell's "Electrode area [m2]" A and number of
    /// electrode pairs N. Units: A/m^2 from A.h (per hour).
    one_c_current,
    /// T_ref.
    reference_temperature,
    /// A fixed value (no BPX field).
    fixed
  };

  /// One row of the mapping table.
  struct BpxRule
  {
    /// BPX path below the root, alternatives separated by '|'; "<E>"
    /// stands for "Negative electrode" and "Positive electrode".
    const char *bpx;
    /// chemomech parameter path; "<E>" as above.
    const char *target;
    /// Conversion.
    BpxConversion convert;
    /// BpxConversion::fixed: the value. Otherwise "optional" if the field may
    /// be missing (the chemomech parameter keeps its value then).
    const char *value;
  };



  /**
   * @brief The mapping table, in the order the parameters are written
   * (doc/user-guide.md, section "BPX parameter sets", lists it).
   */
  const std::vector<BpxRule> &
  bpx_rules();

  /**
   * @brief Units a field may be given in besides the table's SI unit:
   * unit -> (SI unit, factor to it), e.g. "um" -> ("m", 1e-6).
   */
  const std::map<std::string, std::pair<std::string, double>> &
  bpx_unit_factors();

  /**
   * @brief Why the BPX field at @p path (its name without the unit:
   * @p name) is not mapped, for the report.
   */
  std::string
  bpx_ignore_reason(const std::string &path, const std::string &name);
} // namespace chemomech

#endif
