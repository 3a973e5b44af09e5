/**
 * @file electrode_presets.h
 * @brief Named parameter presets of common active materials and of the
 * LiPF6 carbonate electrolyte, with their sources.
 */
#ifndef chemomech_materials_electrode_presets_h
#define chemomech_materials_electrode_presets_h

#include <chemomech/materials/electrolyte_properties.h>

#include <limits>
#include <string>
#include <vector>

namespace chemomech
{
  /**
   * @brief Parameters of one active material / electrode.
   *
   * Sources (values transcribed as used in the named PyBaMM parameter sets,
   * which reproduce the papers' tables):
   * - "graphite": LG M50 negative electrode (graphite-SiOx) of C.-H. Chen
   *   et al., J. Electrochem. Soc. 167 (2020) 080534, parameter summary
   *   table (PyBaMM "Chen2020"): c_max, r_p, D_s, k, U(x), porosity, active
   *   fraction, sigma_s, Bruggeman. E = 15 GPa, nu = 0.3, Omega = 3.1e-6
   *   m^3/mol are NOT from Chen et al.: they are the graphite values of
   *   W. Ai et al., J. Electrochem. Soc. 167 (2020) 013512 (PyBaMM "Ai2020").
   * - "NMC811": LG M50 positive electrode of Chen et al. (2020), as above.
   *   E = 375 GPa, nu = 0.2 are NOT from Chen et al.: they are the model
   *   values of S. O'Kane et al., Phys. Chem. Chem. Phys. 24 (2022) 7909
   *   (PyBaMM "OKane2022"), representative only. Omega = Vegard beta =
   *   1.09e-6 m^3/mol is the secant of the measured unit-cell volume change
   *   of NCM811, 5.1 % between 3.0 and 4.3 V vs Li/Li+ (A. O. Kondrakov et
   *   al., J. Phys. Chem. C 121 (2017) 3286), over x = 1 to 0.26 (4.3 V on
   *   the U(x) of Chen et al.): 0.051 / (0.74 c_max). (O'Kane et al.'s
   *   1.25e-5, a cracking-model value, would mean a 79 % volume change over
   *   x in [0, 1].) The real change is concentrated at x < 0.5.
   * - "LCO": LiCoO2 of Ai et al. (2020) (PyBaMM "Ai2020"): c_max, r_p, D_s,
   *   k, E, nu, Omega, porosity, fractions, sigma_s, Bruggeman. U(x) is the
   *   Dualfoil LiCoO2 fit (Doyle / Garcia / Thomas, as in PyBaMM
   *   "lico2_ocp_Dualfoil1998"), since Ai et al. give U as a table.
   * - "LFP": LiFePO4 of M. Prada et al., J. Electrochem. Soc. 160 (2013)
   *   A616 (PyBaMM "Prada2013"): c_max, r_p, D_s, porosity, fractions,
   *   sigma_s, Bruggeman; k from the exchange current of Kashkooli et al.,
   *   J. Appl. Electrochem. 47 (2017) 281 and U(x) of Afshar et al.,
   *   arXiv:1709.03970 (both as in PyBaMM "Prada2013"). E = 125 GPa and
   *   nu = 0.25 are representative literature values (first-principles
   *   order of magnitude), and Omega = 0.068 / c_max from the ~6.8 % volume
   *   change between FePO4 and LiFePO4; none is from Prada et al.
   *
   * Rate constants: k = m_ref / F with PyBaMM's m_ref of
   * i0 = m_ref c_e^0.5 c_s^0.5 (c_max - c_s)^0.5, i.e. our
   * i0 = k F c_e^0.5 (c_max - c_s)^0.5 c_s^0.5 at 298.15 K.
   *
   * Bruggeman: stored in OUR convention, D_eff = D eps^(1+b); the sources'
   * "Bruggeman coefficient" 1.5 (D eps^1.5) is b = 0.5.
   */
  struct ElectrodePreset
  {
    /// Preset name.
    std::string name;
    /// Where the values come from.
    std::string reference;
    /// Maximum concentration c_max. Units: mol/m^3.
    double max_concentration = 0;
    /// Particle radius r_p. Units: m.
    double particle_radius = 0;
    /// Solid diffusivity D_s. Units: m^2/s.
    double solid_diffusivity = 0;
    /// Reaction rate constant k (a_a = a_c = 0.5). Units: m^2.5/(mol^0.5 s).
    double rate_constant = 0;
    /// U(x) vs Li/Li+ as a muparser expression in x. Units: V.
    std::string open_circuit_potential;
    /// Young's modulus E. Units: Pa.
    double youngs_modulus = 0;
    /// Poisson's ratio nu. Units: none.
    double poissons_ratio = 0;
    /// Partial molar volume Omega = Vegard beta (dV/V = beta dc). m^3/mol.
    double partial_molar_volume = 0;
    /// Electrolyte Bruggeman exponent b (D_eff = D eps^(1+b)). Units: none.
    double bruggeman_exponent = 0.5;
    /// Porosity eps. Units: none.
    double porosity = 0;
    /// Active material volume fraction eps_s. Units: none.
    double active_volume_fraction = 0;
    /// Electronic conductivity of the solid sigma_s. Units: S/m.
    double solid_conductivity = 0;
    /// Stoichiometry at 100 % state of charge of the published cell (the
    /// default initial stoichiometry); NaN if the source gives none.
    double charged_stoichiometry = std::numeric_limits<double>::quiet_NaN();
    /// Default of SEI/Growth model for this material ("" keeps the generic
    /// "reaction limited"): graphite grows its SEI limited by solvent
    /// diffusion through the film (O'Kane et al., Phys. Chem. Chem. Phys. 24
    /// (2022) 7909, whose k = 1e-12 m/s and D_solv = 2.5e-22 m^2/s are the
    /// generic SEI defaults).
    std::string sei_growth_model;
  };

  /// Names accepted by electrode_preset().
  std::vector<std::string>
  electrode_preset_names();

  /**
   * @brief The preset @p name ("graphite", "NMC811", "LCO", "LFP").
   * Throws InvalidParameter listing the names for an unknown one.
   */
  ElectrodePreset
  electrode_preset(const std::string &name);

  /**
   * @brief The LiPF6 carbonate electrolyte of Valoen and Reimers,
   * J. Electrochem. Soc. 152 (2005) A882: valoen_reimers correlations,
   * t+ = 0.38 (the value assumed in that paper), at @p temperature (K).
   */
  ElectrolyteProperties
  lipf6_electrolyte_preset(const double temperature = 298.15);
} // namespace chemomech

#endif
