#include <chemomech/core/parameter_checks.h>
#include <chemomech/core/physical_constants.h>
#include <chemomech/core/range_spec.h>
#include <chemomech/materials/sei_kinetics.h>

#include <algorithm>
#include <cmath>

namespace chemomech
{
  namespace
  {
    /// Allowed ranges of the entries (declared patterns and checks).
    const RangeSpec
      electrons_per_molecule_range(0, Bound::open, 10, Bound::closed);
    const RangeSpec
      rate_constant_range(0, Bound::open, 1, Bound::closed, "m/s");
    const RangeSpec solvent_concentration_range(0,
                                                Bound::open,
                                                1e5,
                                                Bound::closed,
                                                "mol/m^3");
    const RangeSpec
      solvent_diffusivity_range(0, Bound::open, 1e-5, Bound::closed, "m^2/s");
    const RangeSpec
      transfer_coefficient_range(0, Bound::open, 1, Bound::closed);
    const RangeSpec
      open_circuit_potential_range(-5, Bound::closed, 5, Bound::closed, "V");
    const RangeSpec
      molar_volume_range(0, Bound::open, 1e-2, Bound::closed, "m^3/mol");
    const RangeSpec
      resistivity_range(0, Bound::closed, 1e12, Bound::closed, "Ohm m");
    const RangeSpec
      initial_thickness_range(0, Bound::open, 1e-3, Bound::closed, "m");
    const RangeSpec stress_coupling_volume_range(-1e-2,
                                                 Bound::closed,
                                                 1e-2,
                                                 Bound::closed,
                                                 "m^3/mol");
  } // namespace



  void
  SEIKinetics::declare_parameters(dealii::ParameterHandler &prm,
                                  const std::string        &growth_model)
  {
    prm.enter_subsection("SEI");
    prm.declare_entry(
      "Growth model",
      growth_model,
      dealii::Patterns::Selection("reaction limited|diffusion limited|mixed"),
      "reaction limited: j = -n F k_f c_solv; diffusion limited: j = -n F "
      "D_solv c_solv / L; mixed: j = -n F c_solv / (1/k_f + L/D_solv), "
      "k_f = k exp(alpha_c Omega_SEI sigma_h/(RT)) exp(-alpha_c n F "
      "eta_SEI/(RT)).");
    prm.declare_entry("Electrons per molecule",
                      "2",
                      *electrons_per_molecule_range.pattern(),
                      "n, electrons per SEI molecule formed. Units: none. "
                      "Range: (0, 10].");
    prm.declare_entry("Rate constant",
                      "1e-12",
                      *rate_constant_range.pattern(),
                      "k of solvent reduction. Units: m/s. Range: (0, 1].");
    prm.declare_entry("Solvent concentration",
                      "2636",
                      *solvent_concentration_range.pattern(),
                      "c_solv at the film. Units: mol/m^3. Range: (0, 1e5].");
    prm.declare_entry("Solvent diffusivity",
                      "2.5e-22",
                      *solvent_diffusivity_range.pattern(),
                      "D_solv in the film. Units: m^2/s. Range: (0, 1e-5].");
    prm.declare_entry("Transfer coefficient",
                      "0.5",
                      *transfer_coefficient_range.pattern(),
                      "Cathodic alpha_c. Units: none. Range: (0, 1].");
    prm.declare_entry("Open-circuit potential",
                      "0.4",
                      *open_circuit_potential_range.pattern(),
                      "U_SEI vs Li/Li+. Units: V. Range: [-5, 5].");
    prm.declare_entry("Molar volume",
                      "9.585e-5",
                      *molar_volume_range.pattern(),
                      "V_SEI, volume of film per mole of SEI. Units: m^3/mol. "
                      "Range: (0, 1e-2].");
    prm.declare_entry("Resistivity",
                      "0",
                      *resistivity_range.pattern(),
                      "rho_SEI, film resistance R_film = rho_SEI L_SEI enters "
                      "eta_SEI as -j_tot R_film (0: off). Units: Ohm m. "
                      "Range: [0, 1e12].");
    prm.declare_entry("Initial thickness",
                      "5e-9",
                      *initial_thickness_range.pattern(),
                      "L_0. Units: m. Range: (0, 1e-3].");
    prm.declare_entry("Stress coupling",
                      "true",
                      dealii::Patterns::Bool(),
                      "Multiply k by exp(alpha_c Omega_SEI sigma_h/(RT)), "
                      "sigma_h the particle-surface hydrostatic stress "
                      "(tension positive): compression slows growth.");
    prm.declare_entry("Stress coupling volume",
                      "9.585e-5",
                      *stress_coupling_volume_range.pattern(),
                      "Omega_SEI in the stress factor. Units: m^3/mol. Range: "
                      "[-1e-2, 1e-2].");
    prm.leave_subsection();
  }



  void
  SEIKinetics::parse_parameters(dealii::ParameterHandler &prm)
  {
    const std::string s = "SEI/";
    prm.enter_subsection("SEI");
    const std::string m    = prm.get("Growth model");
    model                  = (m == "mixed") ? SEIGrowthModel::mixed :
                             (m == "diffusion limited") ? SEIGrowthModel::diffusion_limited :
                                                          SEIGrowthModel::reaction_limited;
    electrons              = prm.get_double("Electrons per molecule");
    rate_constant          = prm.get_double("Rate constant");
    solvent_concentration  = prm.get_double("Solvent concentration");
    solvent_diffusivity    = prm.get_double("Solvent diffusivity");
    transfer_coefficient   = prm.get_double("Transfer coefficient");
    open_circuit_potential = prm.get_double("Open-circuit potential");
    molar_volume           = prm.get_double("Molar volume");
    resistivity            = prm.get_double("Resistivity");
    initial_thickness      = prm.get_double("Initial thickness");
    stress_coupling        = prm.get_bool("Stress coupling");
    stress_coupling_volume = prm.get_double("Stress coupling volume");
    prm.leave_subsection();

    electrons_per_molecule_range.check(s + "Electrons per molecule", electrons);
    rate_constant_range.check(s + "Rate constant", rate_constant);
    solvent_concentration_range.check(s + "Solvent concentration",
                                      solvent_concentration);
    solvent_diffusivity_range.check(s + "Solvent diffusivity",
                                    solvent_diffusivity);
    transfer_coefficient_range.check(s + "Transfer coefficient",
                                     transfer_coefficient);
    open_circuit_potential_range.check(s + "Open-circuit potential",
                                       open_circuit_potential);
    molar_volume_range.check(s + "Molar volume", molar_volume);
    resistivity_range.check(s + "Resistivity", resistivity);
    initial_thickness_range.check(s + "Initial thickness", initial_thickness);
    stress_coupling_volume_range.check(s + "Stress coupling volume",
                                       stress_coupling_volume);
  }



  double
  SEIKinetics::stress_factor(const double hydrostatic_stress) const
  {
    if (!stress_coupling)
      return 1.0;
    const double RT = constants::gas_constant * temperature;
    return std::exp(std::clamp(transfer_coefficient * stress_coupling_volume *
                                 hydrostatic_stress / RT,
                               -300.0,
                               300.0));
  }



  SEICurrent
  SEIKinetics::current(const double potential_difference,
                       const double thickness,
                       const double hydrostatic_stress,
                       const double total_current) const
  {
    const double RT  = constants::gas_constant * temperature;
    const double nF  = electrons * constants::faraday;
    const double L   = std::max(thickness, 1e-12);
    const bool   L_f = thickness > 1e-12; // derivative w.r.t. L is live

    SEICurrent r;
    r.overpotential = potential_difference - open_circuit_potential -
                      total_current * resistivity * L;
    // d eta / d L and d eta / d j_tot
    const double deta_dL = L_f ? -total_current * resistivity : 0.0;
    const double deta_dj = -resistivity * L;

    // k_f and its logarithmic derivatives w.r.t. eta and sigma_h
    const double arg    = -transfer_coefficient * nF * r.overpotential / RT;
    const bool   arg_in = std::abs(arg) < 300;
    const double k_f    = rate_constant * stress_factor(hydrostatic_stress) *
                       std::exp(std::clamp(arg, -300.0, 300.0));
    const double dlnk_deta = arg_in ? -transfer_coefficient * nF / RT : 0.0;
    const double s_arg =
      transfer_coefficient * stress_coupling_volume * hydrostatic_stress / RT;
    const double dlnk_dsigma =
      (stress_coupling && std::abs(s_arg) < 300) ?
        transfer_coefficient * stress_coupling_volume / RT :
        0.0;

    const double c       = solvent_concentration;
    const double D       = solvent_diffusivity;
    double       dj_deta = 0, dj_dsigma = 0, dj_dL_direct = 0;
    switch (model)
      {
        case SEIGrowthModel::reaction_limited:
          r.current = -nF * k_f * c;
          dj_deta   = r.current * dlnk_deta;
          dj_dsigma = r.current * dlnk_dsigma;
          break;
        case SEIGrowthModel::diffusion_limited:
          r.current    = -nF * D * c / L;
          dj_dL_direct = L_f ? -r.current / L : 0.0;
          break;
          case SEIGrowthModel::mixed: {
            // j = -nF c / G, G = 1/k_f + L/D; dj/dG = -j/G.
            const double G     = 1 / k_f + L / D;
            r.current          = -nF * c / G;
            const double dj_dG = -r.current / G;
            dj_deta            = dj_dG * (-dlnk_deta / k_f);
            dj_dsigma          = dj_dG * (-dlnk_dsigma / k_f);
            dj_dL_direct       = L_f ? dj_dG / D : 0.0;
            break;
          }
      }
    r.d_dpotential     = dj_deta;
    r.d_dstress        = dj_dsigma;
    r.d_dthickness     = dj_dL_direct + dj_deta * deta_dL;
    r.d_dtotal_current = dj_deta * deta_dj;
    return r;
  }



  double
  SEIKinetics::thickness_rate(const double sei_current) const
  {
    return molar_volume * std::abs(sei_current) /
           (electrons * constants::faraday);
  }



  double
  SEIKinetics::thickness_rate_derivative(const double sei_current) const
  {
    const double sign = (sei_current > 0) ? 1.0 : (sei_current < 0 ? -1 : 0);
    return molar_volume * sign / (electrons * constants::faraday);
  }



  double
  SEIKinetics::sei_moles_rate(const double sei_current) const
  {
    return std::abs(sei_current) / (electrons * constants::faraday);
  }



  double
  SEIKinetics::lithium_loss_rate(const double sei_current) const
  {
    return std::abs(sei_current) / constants::faraday;
  }
} // namespace chemomech
