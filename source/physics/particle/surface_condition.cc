#include <chemomech/core/parameter_checks.h>
#include <chemomech/core/physical_constants.h>
#include <chemomech/core/range_spec.h>
#include <chemomech/physics/particle/surface_condition.h>

#include <algorithm>
#include <cmath>

namespace chemomech
{
  namespace
  {
    /// Allowed ranges of the entries (declared patterns and checks).
    const RangeSpec
      applied_potential_range(-10, Bound::closed, 10, Bound::closed, "V");
    /// Envelope of Surface concentration [0, c_max] (checked with c_max by the
    /// problem).
    const RangeSpec surface_concentration_range(0,
                                                Bound::closed,
                                                1e6,
                                                Bound::closed,
                                                "mol/m^3");
    const RangeSpec active_boundary_ids_range = RangeSpec::integers(0, 255);
    const RangeSpec c_rate_range(0, Bound::closed, 1000, Bound::closed, "1/h");
    const RangeSpec
      current_density_range(0, Bound::closed, 1e5, Bound::closed, "A/m^2");
    const RangeSpec electrolyte_concentration_range(0,
                                                    Bound::open,
                                                    1e4,
                                                    Bound::closed,
                                                    "mol/m^3");
    const RangeSpec rate_constant_range(0, Bound::open, 1, Bound::closed);
    const RangeSpec
      anodic_transfer_coefficient_range(0, Bound::open, 1, Bound::open);
    const RangeSpec
      cathodic_transfer_coefficient_range(0, Bound::open, 1, Bound::open);
  } // namespace



  void
  SurfaceCondition::declare_parameters(dealii::ParameterHandler &prm)
  {
    prm.enter_subsection("Surface");
    prm.declare_entry("Condition",
                      "galvanostatic",
                      dealii::Patterns::Selection(
                        "galvanostatic|butler-volmer|fixed concentration"),
                      "galvanostatic: constant inward flux; butler-volmer: "
                      "kinetics under the applied potential; fixed "
                      "concentration: c = Surface concentration.");
    prm.declare_entry("Active boundary ids",
                      "0",
                      dealii::Patterns::Anything(),
                      "Boundary ids through which lithium enters or leaves "
                      "(comma separated). All other boundaries have zero "
                      "flux. Range: integers in [0, 255].");
    prm.declare_entry("Rate type",
                      "C-rate",
                      dealii::Patterns::Selection("C-rate|current density"),
                      "Galvanostatic rate given as a C-rate (full capacity "
                      "c_max*V in 1/C hours, i.e. j = C c_max (V/A)/3600 s; "
                      "R/3 for V/A of a sphere) or as a current density.");
    prm.declare_entry("C-rate",
                      "1",
                      *c_rate_range.pattern(),
                      "Galvanostatic C-rate. Units: 1/h. Range: [0, 1000].");
    prm.declare_entry("Current density",
                      "1",
                      *current_density_range.pattern(),
                      "Galvanostatic current density magnitude i, j = i/F. "
                      "Units: A/m^2. Range: [0, 1e5].");
    prm.declare_entry("Direction",
                      "lithiation",
                      dealii::Patterns::Selection("lithiation|delithiation"),
                      "Galvanostatic direction: lithiation (insertion, "
                      "flux into the particle) or delithiation.");
    prm.declare_entry("Applied potential",
                      "4.0",
                      *applied_potential_range.pattern(),
                      "Butler-Volmer: phi_s - phi_e at the surface. Units: V. "
                      "Range: [-10, 10].");
    prm.declare_entry("Electrolyte concentration",
                      "1000",
                      *electrolyte_concentration_range.pattern(),
                      "Butler-Volmer: c_e at the surface. Units: mol/m^3. "
                      "Range: (0, 1e4].");
    prm.declare_entry("Rate constant",
                      "1e-11",
                      *rate_constant_range.pattern(),
                      "Butler-Volmer k in i0 = k F c_e^alpha_a "
                      "(c_max-c)^alpha_a c^alpha_c. Units: m^2.5/(mol^0.5 s) "
                      "for alpha_a = alpha_c = 0.5 (in general "
                      "mol^(1-2 alpha_a-alpha_c) m^(1+3(2 alpha_a+alpha_c)-3) "
                      "/s). Range: (0, 1].");
    prm.declare_entry("Anodic transfer coefficient",
                      "0.5",
                      *anodic_transfer_coefficient_range.pattern(),
                      "alpha_a. Units: none. Range: (0, 1).");
    prm.declare_entry("Cathodic transfer coefficient",
                      "0.5",
                      *cathodic_transfer_coefficient_range.pattern(),
                      "alpha_c. Units: none. Range: (0, 1).");
    prm.declare_entry(
      "Stress in equilibrium potential",
      "false",
      dealii::Patterns::Bool(),
      "Butler-Volmer: true shifts the equilibrium potential by the "
      "hydrostatic stress sigma_h (Pa, tension positive) of the particle at "
      "each surface point, U_eff = U(x_surf) + Omega_mu sigma_h / F (V), "
      "Omega_mu = Material/Chemical potential coupling volume (m^3/mol), F "
      "= 96485 C/mol: tension raises U_eff, compression lowers it (about "
      "32 mV/GPa for Omega_mu = 3.1e-6 m^3/mol). false: U(x_surf).");
    prm.declare_entry("OCP type",
                      "expression",
                      dealii::Patterns::Selection(
                        "expression|table|table file"),
                      "How the open-circuit potential U(x) is given.");
    prm.declare_entry("OCP expression",
                      "4.19829 + 0.0565661*tanh(-14.5546*x + 8.60942) - "
                      "0.0275479*(1/(0.998432-x)^0.492465 - 1.90111) - "
                      "0.157123*exp(-0.04738*x^8) + "
                      "0.810239*exp(-40*(x - 0.133875))",
                      dealii::Patterns::Anything(),
                      "U(x) in muparser syntax. Default: the LiyMn2O4 fit of "
                      "Doyle, Newman et al. (J. Electrochem. Soc. 143 (1996) "
                      "1890), meant for about 0.2 < x < 1 (it rises steeply "
                      "below). Units: V.");
    prm.declare_entry("OCP table",
                      "0:4.3, 1:3.5",
                      dealii::Patterns::Anything(),
                      "U(x) as 'x1:U1, x2:U2, ...', linear in between. Units: "
                      "V.");
    prm.declare_entry("OCP table file",
                      "",
                      dealii::Patterns::Anything(),
                      "File with two columns x, U (V).");
    prm.declare_entry("Surface concentration",
                      "20000",
                      *surface_concentration_range.pattern(),
                      "Fixed concentration: c at the active surface. Units: "
                      "mol/m^3. Range: [0, c_max].");
    prm.leave_subsection();
  }



  void
  SurfaceCondition::parse_parameters(dealii::ParameterHandler &prm)
  {
    const std::string s = "Surface/";
    prm.enter_subsection("Surface");
    const std::string condition = prm.get("Condition");
    type                        = (condition == "galvanostatic") ?
                                    SurfaceConditionType::galvanostatic :
                                  (condition == "butler-volmer") ?
                                    SurfaceConditionType::butler_volmer :
                                    SurfaceConditionType::fixed_concentration;
    active_ids.clear();
    for (const double id : parse_double_list(s + "Active boundary ids",
                                             prm.get("Active boundary ids")))
      {
        check_condition(id == std::floor(id),
                        "parameter '" + s + "Active boundary ids': " +
                          parameter_text(id) + " is not an integer");
        active_ids.insert(static_cast<dealii::types::boundary_id>(
          active_boundary_ids_range.check_integer(s + "Active boundary ids",
                                                  static_cast<long>(id))));
      }
    rate_type         = (prm.get("Rate type") == "C-rate") ? RateType::c_rate :
                                                             RateType::current_density;
    c_rate            = prm.get_double("C-rate");
    current_density   = prm.get_double("Current density");
    direction         = (prm.get("Direction") == "lithiation") ? 1.0 : -1.0;
    applied_potential = prm.get_double("Applied potential");
    electrolyte_concentration = prm.get_double("Electrolyte concentration");
    rate_constant             = prm.get_double("Rate constant");
    alpha_a                   = prm.get_double("Anodic transfer coefficient");
    alpha_c                   = prm.get_double("Cathodic transfer coefficient");
    stress_in_equilibrium_potential =
      prm.get_bool("Stress in equilibrium potential");
    const std::string ocp_type = prm.get("OCP type");
    if (type == SurfaceConditionType::butler_volmer)
      {
        if (ocp_type == "expression")
          open_circuit_potential.set_expression(s + "OCP expression",
                                                prm.get("OCP expression"));
        else if (ocp_type == "table")
          open_circuit_potential.set_table(s + "OCP table",
                                           prm.get("OCP table"));
        else
          open_circuit_potential.set_table_file(s + "OCP table file",
                                                prm.get("OCP table file"));
      }
    surface_concentration = prm.get_double("Surface concentration");
    prm.leave_subsection();

    check_condition(!active_ids.empty(),
                    "parameter '" + s + "Active boundary ids' is empty");
    c_rate_range.check(s + "C-rate", c_rate);
    applied_potential_range.check(s + "Applied potential", applied_potential);
    current_density_range.check(s + "Current density", current_density);
    electrolyte_concentration_range.check(s + "Electrolyte concentration",
                                          electrolyte_concentration);
    rate_constant_range.check(s + "Rate constant", rate_constant);
    anodic_transfer_coefficient_range.check(s + "Anodic transfer coefficient",
                                            alpha_a);
    cathodic_transfer_coefficient_range.check(s +
                                                "Cathodic transfer coefficient",
                                              alpha_c);
  }



  void
  SurfaceCondition::initialize(const double volume,
                               const double area,
                               const double c_max_)
  {
    c_max = c_max_;
    if (rate_type == RateType::c_rate)
      constant_flux = direction * c_rate * c_max * (volume / area) /
                      constants::seconds_per_hour;
    else
      constant_flux = direction * current_density / constants::faraday;
    if (type == SurfaceConditionType::fixed_concentration)
      check_range("Surface/Surface concentration",
                  surface_concentration,
                  0,
                  Bound::closed,
                  c_max,
                  Bound::closed,
                  "mol/m^3");
  }



  double
  SurfaceCondition::equilibrium_potential_shift(const double sigma_h) const
  {
    return depends_on_stress() ?
             coupling_molar_volume * sigma_h / constants::faraday :
             0.0;
  }



  double
  SurfaceCondition::overpotential(const double c, const double sigma_h) const
  {
    return applied_potential - open_circuit_potential.value(c / c_max) -
           equilibrium_potential_shift(sigma_h);
  }



  SurfaceFlux
  SurfaceCondition::inward_flux(const double c, const double sigma_h) const
  {
    switch (type)
      {
        case SurfaceConditionType::galvanostatic:
          return {constant_flux, 0.0, 0.0};
        case SurfaceConditionType::fixed_concentration:
          return {0.0, 0.0, 0.0};
          case SurfaceConditionType::butler_volmer: {
            const double f =
              constants::faraday / (constants::gas_constant * temperature);
            // Keep the kinetics defined outside (0, c_max) while Newton
            // iterates; converged states are checked against the bounds.
            const double cs = std::clamp(c, 1e-9 * c_max, (1 - 1e-9) * c_max);
            const double dcs_dc = (cs == c) ? 1.0 : 0.0;
            const double x      = cs / c_max;
            const double eta    = applied_potential -
                               open_circuit_potential.value(x) -
                               equilibrium_potential_shift(sigma_h);
            const double deta_dc =
              -open_circuit_potential.derivative(x) / c_max * dcs_dc;
            const double deta_dsigma = -equilibrium_potential_shift(1.0);
            const double pre         = rate_constant * constants::faraday *
                               std::pow(electrolyte_concentration, alpha_a);
            const double i0 =
              pre * std::pow(c_max - cs, alpha_a) * std::pow(cs, alpha_c);
            const double di0_dc =
              dcs_dc * pre *
              (-alpha_a * std::pow(c_max - cs, alpha_a - 1) *
                 std::pow(cs, alpha_c) +
               alpha_c * std::pow(c_max - cs, alpha_a) *
                 std::pow(cs, alpha_c - 1));
            const double ea     = std::exp(alpha_a * f * eta);
            const double ec     = std::exp(-alpha_c * f * eta);
            const double i      = i0 * (ea - ec);
            const double di_eta = i0 * (alpha_a * f * ea + alpha_c * f * ec);
            const double di     = di0_dc * (ea - ec) + di_eta * deta_dc;
            return {-i / constants::faraday,
                    -di / constants::faraday,
                    -di_eta * deta_dsigma / constants::faraday};
          }
      }
    return {0.0, 0.0, 0.0};
  }
} // namespace chemomech
