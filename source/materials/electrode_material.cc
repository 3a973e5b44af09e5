#include <chemomech/core/parameter_checks.h>
#include <chemomech/core/range_spec.h>
#include <chemomech/materials/electrode_material.h>
#include <chemomech/materials/material_ranges.h>
#include <chemomech/materials/stress_enhanced_diffusivity.h>

#include <cmath>
#include <sstream>

namespace chemomech
{
  namespace
  {
    /// Allowed ranges of the entries (declared patterns and checks).
    const RangeSpec initial_stoichiometry_range(0, Bound::open, 1, Bound::open);
    const RangeSpec
      solid_conductivity_range(0, Bound::open, 1e8, Bound::closed, "S/m");
    const RangeSpec
      stiffness_porosity_exponent_range(0, Bound::closed, 10, Bound::closed);
    /// Shortest text that reads back as the same double.
    std::string
    number(const double v)
    {
      std::ostringstream o;
      o.precision(17);
      o << v;
      return o.str();
    }

    /// Prefixes the parameter paths in @p message by @p name + "/".
    std::string
    with_prefix(std::string message, const std::string &name)
    {
      const std::string key = "parameter '";
      for (std::size_t p = message.find(key); p != std::string::npos;
           p             = message.find(key, p + key.size()))
        message.insert(p + key.size(), name + "/");
      return message;
    }

    /// The declared defaults of one electrode: the generic ones, then the
    /// preset's (entries given as text: diffusivity, OCP, SEI growth model).
    struct PresetDefaults
    {
      ElectrodeMaterial material;
      std::string diffusivity = RepresentativeParticle::default_diffusivity;
      std::string open_circuit_potential =
        ButlerVolmer::default_open_circuit_potential;
      std::string sei_growth_model = "reaction limited";
    };



    PresetDefaults
    preset_defaults(const std::string &preset, const bool sei_growth)
    {
      PresetDefaults     result;
      ElectrodeMaterial &d                  = result.material;
      d.sei_growth                          = sei_growth;
      d.porosity.reference_at_initial_state = true;
      if (preset == "none")
        return result;
      const ElectrodePreset p         = electrode_preset(preset);
      d.preset                        = preset;
      d.solid_conductivity            = p.solid_conductivity;
      d.surface_stress                = ParticleSurfaceStress(p.youngs_modulus,
                                               p.poissons_ratio,
                                               p.partial_molar_volume);
      d.particle.radius               = p.particle_radius;
      d.particle.max_concentration    = p.max_concentration;
      result.diffusivity              = parameter_text(p.solid_diffusivity);
      d.kinetics.model                = KineticsModel::insertion;
      d.kinetics.rate_constant        = p.rate_constant;
      d.kinetics.max_concentration    = p.max_concentration;
      result.open_circuit_potential   = p.open_circuit_potential;
      d.porosity.macro_porosity       = p.porosity;
      d.porosity.micro_porosity       = 0;
      d.porosity.agglomerate_fraction = p.active_volume_fraction;
      d.porosity.vegard_coefficient   = p.partial_molar_volume;
      d.effective =
        EffectiveProperties(p.bruggeman_exponent, p.bruggeman_exponent);
      if (std::isfinite(p.charged_stoichiometry))
        d.initial_stoichiometry = p.charged_stoichiometry;
      if (!p.sei_growth_model.empty())
        result.sei_growth_model = p.sei_growth_model;
      return result;
    }
  } // namespace



  void
  ElectrodeMaterial::declare_parameters(dealii::ParameterHandler &prm,
                                        const std::string        &name,
                                        const std::string        &preset,
                                        const bool                sei_growth)
  {
    const PresetDefaults     defaults    = preset_defaults(preset, sei_growth);
    const ElectrodeMaterial &d           = defaults.material;
    const std::string       &diffusivity = defaults.diffusivity;
    const std::string       &ocp         = defaults.open_circuit_potential;
    const std::string       &sei_growth_model = defaults.sei_growth_model;

    using dealii::Patterns::Bool;
    std::string presets = "none";
    for (const auto &p : electrode_preset_names())
      presets += "|" + p;
    prm.enter_subsection(name);
    prm.declare_entry("Preset",
                      d.preset,
                      dealii::Patterns::Selection(presets),
                      "Start from a published parameter set (sources in "
                      "doc/electrode-model.md, section 9): the particle, "
                      "kinetics, particle mechanics, porosity, Bruggeman "
                      "exponents and solid conductivity. Entries set in this "
                      "subsection of the input file override the preset.");
    prm.declare_entry("Initial stoichiometry",
                      parameter_text(d.initial_stoichiometry),
                      *initial_stoichiometry_range.pattern(),
                      "x_0 = c_s/c_max of the particles at t = 0. Units: none. "
                      "Range: (0, 1).");
    prm.declare_entry("Solid conductivity",
                      parameter_text(d.solid_conductivity),
                      *solid_conductivity_range.pattern(),
                      "Bulk electronic conductivity sigma_s of the solid; the "
                      "effective one is sigma_s eps_a^(1+b_s). Units: S/m. "
                      "Range: (0, 1e8].");
    prm.declare_entry("SEI growth",
                      parameter_text(d.sei_growth),
                      Bool(),
                      "Whether an SEI film grows on this electrode's particles "
                      "(usually true for graphite, false for a cathode).");
    prm.declare_entry("Young's modulus",
                      parameter_text(d.stiffness.reference_youngs_modulus),
                      *material_ranges::youngs_modulus.pattern(),
                      "Young's modulus E_ref of the composite electrode at "
                      "its reference porosity (the electrode-scale elasticity "
                      "that carries the swelling). Units: Pa. Range: "
                      "(0, 1e13].");
    prm.declare_entry("Poisson's ratio",
                      parameter_text(d.stiffness.poissons_ratio),
                      *material_ranges::poissons_ratio.pattern(),
                      "Poisson's ratio of the composite electrode. Units: "
                      "none. Range: (-1, 0.5).");
    prm.declare_entry("Stiffness porosity exponent",
                      parameter_text(d.stiffness.porosity_exponent),
                      *stiffness_porosity_exponent_range.pattern(),
                      "m in E(eps) = E_ref ((1 - eps)/(1 - eps_0))^m, eps the "
                      "current porosity (taken at the start of each step) and "
                      "eps_0 the reference porosity: 2 is the open-cell foam "
                      "scaling (Gibson and Ashby 1997), 0 keeps E constant. "
                      "Units: none. Range: [0, 10].");
    prm.enter_subsection("Particle mechanics");
    prm.declare_entry("Young's modulus",
                      parameter_text(d.surface_stress.youngs_modulus),
                      *material_ranges::youngs_modulus.pattern(),
                      "E of the active particles (surface stress "
                      "sigma_h = 2 E Omega (c_avg - c_surf)/(9(1-nu))). "
                      "Units: Pa. Range: (0, 1e13].");
    prm.declare_entry("Poisson's ratio",
                      parameter_text(d.surface_stress.poissons_ratio),
                      *material_ranges::poissons_ratio.pattern(),
                      "nu of the active particles. Units: none. Range: "
                      "(-1, 0.5).");
    prm.declare_entry("Partial molar volume",
                      parameter_text(d.surface_stress.partial_molar_volume),
                      *material_ranges::partial_molar_volume.pattern(),
                      "Omega of lithium in the particles. Units: m^3/mol. "
                      "Range: [-1e-3, 1e-3].");
    prm.declare_entry(
      "Stress-enhanced diffusion",
      parameter_text(d.stress_enhanced_diffusion),
      Bool(),
      "true: the particle's own diffusion-induced stress drives lithium, "
      "J = -D_eff dc/dr with D_eff = D (1 + theta c (1-x if lattice gas)), "
      "theta = 2 E Omega Omega_mu/(9 (1-nu) R T) (free sphere). false: "
      "plain Fick.");
    prm.declare_entry("Chemical potential model",
                      (d.chemical_potential == ChemicalPotentialModel::dilute) ?
                        "dilute" :
                        "lattice gas",
                      dealii::Patterns::Selection("dilute|lattice gas"),
                      "mu0 of lithium in the particles for the stress drift: "
                      "dilute (mobility D/(RT)) or lattice gas (mobility "
                      "D(1-x)/(RT)), as in the particle model.");
    prm.declare_entry("Chemical potential coupling volume",
                      "same",
                      dealii::Patterns::Anything(),
                      "Omega_mu in mu = mu0 - Omega_mu sigma_h: 'same' "
                      "(Omega_mu = Omega) or a number. Units: m^3/mol. Range: "
                      "[-1e-3, 1e-3].");
    prm.declare_entry(
      "Stress in equilibrium potential",
      parameter_text(d.stress_shifted_potential),
      Bool(),
      "true: the particle-surface hydrostatic stress sigma_h,surf shifts the "
      "equilibrium potential in Butler-Volmer to U(x_surf) + Omega_mu "
      "sigma_h,surf / F (tension raises it; about 32 mV/GPa for graphite). "
      "false: U(x_surf).");
    prm.declare_entry(
      "Macroscopic stress",
      parameter_text(d.macroscopic_stress),
      Bool(),
      "true: sigma_h,surf includes the hydrostatic stress carried by the "
      "electrode's solid phase, sigma_h,M = tr(sigma_el)/(3 (1 - eps)) from "
      "the displacement u (stack pressure, confinement, swelling), in the "
      "equilibrium potential (if shifted) and in the SEI stress factor. "
      "false: only the particle's own diffusion-induced stress.");
    prm.leave_subsection();
    RepresentativeParticle::declare_parameters(prm, d.particle, diffusivity);
    ButlerVolmer::declare_parameters(prm, d.kinetics, ocp);
    SEIKinetics::declare_parameters(prm, sei_growth_model);
    PorosityModel::declare_parameters(prm, d.porosity);
    EffectiveProperties::declare_parameters(prm, d.effective);
    prm.leave_subsection();
  }



  void
  ElectrodeMaterial::parse_particle_mechanics(dealii::ParameterHandler &prm,
                                              const double temperature)
  {
    const std::string s = "Particle mechanics/";
    prm.enter_subsection("Particle mechanics");
    surface_stress.youngs_modulus = prm.get_double("Young's modulus");
    surface_stress.poissons_ratio = prm.get_double("Poisson's ratio");
    surface_stress.partial_molar_volume =
      prm.get_double("Partial molar volume");
    stress_enhanced_diffusion = prm.get_bool("Stress-enhanced diffusion");
    chemical_potential = (prm.get("Chemical potential model") == "dilute") ?
                           ChemicalPotentialModel::dilute :
                           ChemicalPotentialModel::lattice_gas;
    coupling_molar_volume =
      parse_keyword_or_number(s + "Chemical potential coupling volume",
                              prm.get("Chemical potential coupling volume"),
                              "same",
                              surface_stress.partial_molar_volume);
    stress_shifted_potential = prm.get_bool("Stress in equilibrium potential");
    macroscopic_stress       = prm.get_bool("Macroscopic stress");
    prm.leave_subsection();

    material_ranges::youngs_modulus.check(s + "Young's modulus",
                                          surface_stress.youngs_modulus);
    material_ranges::poissons_ratio.check(s + "Poisson's ratio",
                                          surface_stress.poissons_ratio);
    material_ranges::partial_molar_volume
      .check(s + "Partial molar volume", surface_stress.partial_molar_volume);
    material_ranges::chemical_potential_coupling_volume
      .check(s + "Chemical potential coupling volume", coupling_molar_volume);
    if (stress_enhanced_diffusion)
      particle.diffusivity =
        StressEnhancedDiffusivity(particle.diffusivity,
                                  ChemicalPotential(chemical_potential,
                                                    temperature),
                                  particle.max_concentration,
                                  surface_stress,
                                  coupling_molar_volume);
  }



  void
  ElectrodeMaterial::parse_parameters(dealii::ParameterHandler &prm,
                                      const std::string        &name_,
                                      const double              temperature)
  {
    name = name_;
    prm.enter_subsection(name);
    try
      {
        preset                = prm.get("Preset");
        initial_stoichiometry = prm.get_double("Initial stoichiometry");
        solid_conductivity    = prm.get_double("Solid conductivity");
        sei_growth            = prm.get_bool("SEI growth");
        stiffness.reference_youngs_modulus = prm.get_double("Young's modulus");
        stiffness.poissons_ratio           = prm.get_double("Poisson's ratio");
        stiffness.porosity_exponent =
          prm.get_double("Stiffness porosity exponent");
        particle.parse_parameters(prm);
        parse_particle_mechanics(prm, temperature);
        kinetics.parse_parameters(prm);
        sei.parse_parameters(prm);
        porosity.parse_parameters(prm);
        effective.parse_parameters(prm);
        if (porosity.reference_at_initial_state)
          porosity.reference_concentration =
            initial_stoichiometry * particle.max_concentration;

        initial_stoichiometry_range.check("Initial stoichiometry",
                                          initial_stoichiometry);
        solid_conductivity_range.check("Solid conductivity",
                                       solid_conductivity);
        material_ranges::youngs_modulus
          .check("Young's modulus", stiffness.reference_youngs_modulus);
        material_ranges::poissons_ratio.check("Poisson's ratio",
                                              stiffness.poissons_ratio);
        stiffness_porosity_exponent_range.check("Stiffness porosity exponent",
                                                stiffness.porosity_exponent);
        stiffness.reference_porosity = porosity.reference_porosity();
        check_condition(kinetics.model == KineticsModel::insertion,
                        "parameter 'Kinetics/Model' must be 'insertion' for a "
                        "porous electrode");
        check_condition(
          std::abs(kinetics.max_concentration - particle.max_concentration) <=
            1e-12 * particle.max_concentration,
          "parameter 'Kinetics/Maximum concentration' = " +
            number(kinetics.max_concentration) +
            " mol/m^3 must equal 'Representative particle/Maximum "
            "concentration' = " +
            number(particle.max_concentration) + " mol/m^3");
      }
    catch (const InvalidParameter &e)
      {
        prm.leave_subsection();
        throw InvalidParameter(with_prefix(e.what(), name));
      }
    prm.leave_subsection();

    kinetics.temperature = temperature;
    sei.temperature      = temperature;
    std::shared_ptr<ElectrodePointUpdate> u;
    if (particle.model == ParticleModel::polynomial)
      u = std::make_shared<ElectrodePointUpdate>(PolynomialParticle(particle),
                                                 kinetics,
                                                 sei,
                                                 porosity,
                                                 surface_stress);
    else
      u = std::make_shared<ElectrodePointUpdate>(particle,
                                                 kinetics,
                                                 sei,
                                                 porosity,
                                                 surface_stress);
    u->sei_enabled              = sei_growth;
    u->stress_shifted_potential = stress_shifted_potential;
    u->macroscopic_stress       = macroscopic_stress;
    u->coupling_molar_volume    = coupling_molar_volume;
    u->stiffness                = stiffness;
    update                      = u;
  }



  const ElectrodePointUpdate &
  ElectrodeMaterial::point_update() const
  {
    return *update;
  }



  double
  ElectrodeMaterial::active_fraction() const
  {
    return porosity.active_fraction();
  }



  double
  ElectrodeMaterial::solid_fraction() const
  {
    return porosity.active_fraction();
  }



  double
  ElectrodeMaterial::effective_solid_conductivity() const
  {
    return effective.solid(solid_conductivity, solid_fraction());
  }



  double
  ElectrodeMaterial::initial_concentration() const
  {
    return initial_stoichiometry * particle.max_concentration;
  }



  double
  ElectrodeMaterial::swelling_strain(const double c_avg) const
  {
    return porosity.swelling_strain(c_avg);
  }



  double
  ElectrodeMaterial::swelling_strain_derivative() const
  {
    return porosity.swelling_strain_derivative();
  }
} // namespace chemomech
