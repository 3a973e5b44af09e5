#include <chemomech/core/parameter_checks.h>
#include <chemomech/core/physical_constants.h>
#include <chemomech/materials/electrode_presets.h>

namespace chemomech
{
  std::vector<std::string>
  electrode_preset_names()
  {
    return {"graphite", "NMC811", "LCO", "LFP"};
  }



  ElectrodePreset
  electrode_preset(const std::string &name)
  {
    const double    F = constants::faraday;
    ElectrodePreset p;
    p.name = name;
    if (name == "graphite")
      {
        p.reference = "Chen et al., J. Electrochem. Soc. 167 (2020) 080534 "
                      "(LG M50 negative); E, nu, Omega: Ai et al., J. "
                      "Electrochem. Soc. 167 (2020) 013512";
        p.max_concentration = 33133;
        p.particle_radius   = 5.86e-6;
        p.solid_diffusivity = 3.3e-14;
        p.rate_constant     = 6.48e-7 / F;
        p.open_circuit_potential =
          "1.9793*exp(-39.3631*x) + 0.2482 - 0.0909*tanh(29.8538*(x - 0.1234))"
          " - 0.04478*tanh(14.9159*(x - 0.2769))"
          " - 0.0205*tanh(30.4444*(x - 0.6103))";
        p.youngs_modulus         = 15e9;
        p.poissons_ratio         = 0.3;
        p.partial_molar_volume   = 3.1e-6;
        p.bruggeman_exponent     = 0.5;
        p.porosity               = 0.25;
        p.active_volume_fraction = 0.75;
        p.solid_conductivity     = 215;
        p.charged_stoichiometry  = 0.9014;
        p.sei_growth_model       = "mixed";
      }
    else if (name == "NMC811")
      {
        p.reference = "Chen et al., J. Electrochem. Soc. 167 (2020) 080534 "
                      "(LG M50 positive); E, nu: O'Kane et al., Phys. Chem. "
                      "Chem. Phys. 24 (2022) 7909 (representative); Omega: "
                      "5.1 % volume change, Kondrakov et al., J. Phys. Chem. "
                      "C 121 (2017) 3286";
        p.max_concentration = 63104;
        p.particle_radius   = 5.22e-6;
        p.solid_diffusivity = 4e-15;
        p.rate_constant     = 3.42e-6 / F;
        p.open_circuit_potential =
          "-0.8090*x + 4.4875 - 0.0428*tanh(18.5138*(x - 0.5542))"
          " - 17.7326*tanh(15.7890*(x - 0.3117))"
          " + 17.5842*tanh(15.9308*(x - 0.3120))";
        p.youngs_modulus = 375e9;
        p.poissons_ratio = 0.2;
        // Secant: 5.1 % between 3.0 and 4.3 V, x = 1 to 0.26 on U(x) above.
        p.partial_molar_volume   = 0.051 / (0.74 * 63104);
        p.bruggeman_exponent     = 0.5;
        p.porosity               = 0.335;
        p.active_volume_fraction = 0.665;
        p.solid_conductivity     = 0.18;
        p.charged_stoichiometry  = 0.2661;
      }
    else if (name == "LCO")
      {
        p.reference = "Ai et al., J. Electrochem. Soc. 167 (2020) 013512 "
                      "(LiCoO2); U(x): Dualfoil LiCoO2 fit";
        p.max_concentration      = 49943;
        p.particle_radius        = 3e-6;
        p.solid_diffusivity      = 5.387e-15;
        p.rate_constant          = 1e-11;
        p.open_circuit_potential = "2.16216 + 0.07645*tanh(30.834 - 54.4806*x)"
                                   " + 2.1581*tanh(52.294 - 50.294*x)"
                                   " - 0.14169*tanh(11.0923 - 19.8543*x)"
                                   " + 0.2051*tanh(1.4684 - 5.4888*x)"
                                   " + 0.2531*tanh((-x + 0.56478)/0.1316)"
                                   " - 0.02167*tanh((x - 0.525)/0.006)";
        p.youngs_modulus         = 375e9;
        p.poissons_ratio         = 0.2;
        p.partial_molar_volume   = -7.28e-7;
        p.bruggeman_exponent     = 0.83;
        p.porosity               = 0.32;
        p.active_volume_fraction = 0.62;
        p.solid_conductivity     = 10;
      }
    else if (name == "LFP")
      {
        p.reference = "Prada et al., J. Electrochem. Soc. 160 (2013) A616 "
                      "(LiFePO4); k: Kashkooli et al. (2017); U(x): Afshar "
                      "et al. (2017); E, nu, Omega representative";
        p.max_concentration = 22806;
        p.particle_radius   = 5e-8;
        p.solid_diffusivity = 5.9e-18;
        p.rate_constant     = 6e-7 / F;
        p.open_circuit_potential =
          "3.4077 - 0.020269*x + 0.5*exp(-150*x) - 0.9*exp(-30*(1 - x))";
        p.youngs_modulus         = 125e9;
        p.poissons_ratio         = 0.25;
        p.partial_molar_volume   = 0.068 / 22806;
        p.bruggeman_exponent     = 0.5;
        p.porosity               = 0.426;
        p.active_volume_fraction = 0.374;
        p.solid_conductivity     = 0.33795074;
      }
    else
      {
        std::string list;
        for (const auto &n : electrode_preset_names())
          list += (list.empty() ? "" : ", ") + n;
        throw InvalidParameter("electrode preset '" + name +
                               "' is unknown; allowed values: " + list);
      }
    return p;
  }



  ElectrolyteProperties
  lipf6_electrolyte_preset(const double temperature)
  {
    ElectrolyteProperties e;
    e.model                      = ElectrolyteModel::valoen_reimers;
    e.cation_transference_number = 0.38;
    e.temperature                = temperature;
    return e;
  }
} // namespace chemomech
