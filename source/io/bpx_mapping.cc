#include <chemomech/io/bpx_mapping.h>

namespace chemomech
{
  const std::vector<BpxRule> &
  bpx_rules()
  {
    // The mapping table: BPX field -> chemomech parameter (doc/user-guide.md,
    // "BPX parameter sets", lists it). Fields are named with their SI unit;
    // the same field with a unit of unit_factors() is converted.
    static const std::vector<BpxRule> rules = {
      {"Parameterisation/Cell/Reference temperature [K]",
       "Temperature",
       BpxConversion::reference_temperature,
       "optional"},
      {"Parameterisation/Electrolyte/Initial concentration [mol.m-3]|State/"
       "Initial conditions/Initial electrolyte concentration [mol.m-3]",
       "Initial electrolyte concentration",
       BpxConversion::number,
       ""},
      {"", "Electrode geometry/Cell type", BpxConversion::fixed, "full cell"},
      {"Parameterisation/Negative electrode/Thickness [m]",
       "Electrode geometry/Negative electrode thickness",
       BpxConversion::number,
       ""},
      {"Parameterisation/Separator/Thickness [m]",
       "Electrode geometry/Separator thickness",
       BpxConversion::number,
       ""},
      {"Parameterisation/Positive electrode/Thickness [m]",
       "Electrode geometry/Positive electrode thickness",
       BpxConversion::number,
       ""},
      {"Parameterisation/Cell/Nominal cell capacity [A.h]",
       "Cycling/1C current density",
       BpxConversion::one_c_current,
       "optional"},
      {"", "Electrolyte/Model", BpxConversion::fixed, "constant"},
      {"Parameterisation/Electrolyte/Diffusivity [m2.s-1]",
       "Electrolyte/Diffusivity",
       BpxConversion::function_of_ce,
       ""},
      {"Parameterisation/Electrolyte/Conductivity [S.m-1]",
       "Electrolyte/Conductivity",
       BpxConversion::function_of_ce,
       ""},
      {"", "Electrolyte/Thermodynamic factor", BpxConversion::fixed, "1"},
      {"Parameterisation/Electrolyte/Cation transference number",
       "Electrolyte/Transference number",
       BpxConversion::number,
       ""},
      {"Parameterisation/Separator/Porosity",
       "Separator/Porosity",
       BpxConversion::number,
       ""},
      {"Parameterisation/Separator/Transport efficiency",
       "Separator/Bruggeman exponent",
       BpxConversion::bruggeman,
       ""},
      {"Parameterisation/<E>/Minimum stoichiometry",
       "<E>/Initial stoichiometry",
       BpxConversion::initial_stoichiometry,
       ""},
      {"Parameterisation/<E>/Conductivity [S.m-1]",
       "<E>/Solid conductivity",
       BpxConversion::solid_conductivity,
       ""},
      {"Parameterisation/<E>/Particle radius [m]",
       "<E>/Representative particle/Radius",
       BpxConversion::number,
       ""},
      {"Parameterisation/<E>/Maximum concentration [mol.m-3]",
       "<E>/Representative particle/Maximum concentration",
       BpxConversion::number,
       ""},
      {"Parameterisation/<E>/Diffusivity [m2.s-1]",
       "<E>/Representative particle/Diffusivity",
       BpxConversion::function_of_x,
       ""},
      {"", "<E>/Kinetics/Model", BpxConversion::fixed, "insertion"},
      {"Parameterisation/<E>/Reaction rate constant [mol.m-2.s-1]",
       "<E>/Kinetics/Rate constant",
       BpxConversion::rate_constant,
       ""},
      {"",
       "<E>/Kinetics/Anodic transfer coefficient",
       BpxConversion::fixed,
       "0.5"},
      {"",
       "<E>/Kinetics/Cathodic transfer coefficient",
       BpxConversion::fixed,
       "0.5"},
      {"Parameterisation/<E>/Maximum concentration [mol.m-3]",
       "<E>/Kinetics/Maximum concentration",
       BpxConversion::number,
       ""},
      {"Parameterisation/<E>/OCP [V]",
       "<E>/Kinetics/Open-circuit potential",
       BpxConversion::function_of_x_or_table,
       ""},
      {"Parameterisation/<E>/Porosity",
       "<E>/Porosity",
       BpxConversion::number,
       ""},
      {"", "<E>/Pore structure/Microporosity", BpxConversion::fixed, "0"},
      {"Parameterisation/<E>/Surface area per unit volume [m-1]",
       "<E>/Pore structure/Agglomerate volume fraction",
       BpxConversion::active_fraction,
       ""},
      {"Parameterisation/<E>/Transport efficiency",
       "<E>/Effective properties/Electrolyte Bruggeman exponent",
       BpxConversion::bruggeman,
       ""},
      {"",
       "<E>/Effective properties/Solid Bruggeman exponent",
       BpxConversion::fixed,
       "0"}};



    return rules;
  }



  const std::map<std::string, std::pair<std::string, double>> &
  bpx_unit_factors()
  {
    static const std::map<std::string, std::pair<std::string, double>> u = {
      {"nm", {"m", 1e-9}},
      {"um", {"m", 1e-6}},
      {"mm", {"m", 1e-3}},
      {"cm", {"m", 1e-2}},
      {"mol.dm-3", {"mol.m-3", 1e3}},
      {"mol.L-1", {"mol.m-3", 1e3}},
      {"mol.cm-3", {"mol.m-3", 1e6}},
      {"cm2.s-1", {"m2.s-1", 1e-4}},
      {"S.cm-1", {"S.m-1", 1e2}},
      {"mS.cm-1", {"S.m-1", 1e-1}},
      {"mV", {"V", 1e-3}},
      {"mA.h", {"A.h", 1e-3}},
      {"cm-1", {"m-1", 1e2}},
      {"um-1", {"m-1", 1e6}},
      {"mol.cm-2.s-1", {"mol.m-2.s-1", 1e4}},
      {"cm2", {"m2", 1e-4}},
      {"mm2", {"m2", 1e-6}}};
    return u;
  }



  std::string
  bpx_ignore_reason(const std::string &path, const std::string &name)
  {
    const auto has = [&name](const char *s) {
      return name.find(s) != std::string::npos;
    };
    if (has("activation energy"))
      return "Arrhenius factor exp(E_a/R (1/T_ref - 1/T)) is 1 at T = T_ref "
             "(chemomech is isothermal)";
    if (has("Entropic change"))
      return "not modelled (isothermal: no reversible heat)";
    if (has("temperature") || has("Heat transfer") || has("heat capacity") ||
        has("Density") || has("Thermal conductivity") ||
        has("External surface area") || name == "Volume")
      return "not modelled (isothermal at the reference temperature)";
    if (has("voltage cut-off"))
      return "not used: the voltage limits are those of Cycling/Steps";
    if (has("hysteresis") || has("OCP ("))
      return "not modelled (no OCP hysteresis)";
    if (name == "LLI" || has("LAM"))
      return "not modelled (degradation state)";
    if (path == "Validation")
      return "measured data, not used by a simulation";
    if (path.rfind("Parameterisation/User-defined", 0) == 0)
      return "user-defined field, not part of the standard";
    return "not modelled by chemomech";
  }
} // namespace chemomech
