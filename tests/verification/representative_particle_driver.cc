// Steps the electrode model's representative particle on its own, for
// tests/verification/representative_particle.py: the resolved particle
// (RepresentativeParticle, its default number of shells unless 'shells' is
// given, BDF2) with the stress-enhanced diffusivity D_eff(c) of a free
// sphere (StressEnhancedDiffusivity, dilute mu0) and its surface stress
// sigma_h,surf = 2 E Omega (c_avg - c_surf) / (9 (1 - nu))
// (ParticleSurfaceStress), either
//  - mode=galvanostatic: under the constant inward flux j (mol/(m^2 s)), or
//  - mode=butler-volmer: through ElectrodePointUpdate at fixed phi_s - phi_e
//    (dphi, V) and c_e (ce, mol/m^3), Butler-Volmer insertion kinetics with
//    rate constant k and U(x) = ocp, no SEI, no macroscopic stress, and the
//    stress-shifted equilibrium potential U + Omega_mu sigma_h,surf / F if
//    shifted=1.
// Usage: test_representative_particle_driver key=value ... out=<file.csv>
// (keys and SI units below). Writes one row per step: time (s), mean_x,
// surface_x, centre_x (1), surface_sigma_h (Pa), flux (mol/(m^2 s), inward).
#include <chemomech/materials/butler_volmer.h>
#include <chemomech/materials/chemical_potential.h>
#include <chemomech/materials/electrode_point_update.h>
#include <chemomech/materials/particle_surface_stress.h>
#include <chemomech/materials/porosity_model.h>
#include <chemomech/materials/representative_particle.h>
#include <chemomech/materials/sei_kinetics.h>
#include <chemomech/materials/stress_enhanced_diffusivity.h>

#include <cmath>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <stdexcept>
#include <string>

using namespace chemomech;

namespace
{
  /// key=value arguments with defaults; unknown keys are an error.
  class Arguments
  {
  public:
    Arguments(int argc, char **argv)
    {
      for (int i = 1; i < argc; ++i)
        {
          const std::string a   = argv[i];
          const auto        pos = a.find('=');
          if (pos == std::string::npos || !values.count(a.substr(0, pos)))
            throw std::runtime_error("unknown argument '" + a + "'");
          values[a.substr(0, pos)] = a.substr(pos + 1);
        }
    }
    double
    number(const std::string &key) const
    {
      return std::stod(values.at(key));
    }
    std::string
    text(const std::string &key) const
    {
      return values.at(key);
    }

  private:
    // Graphite-like defaults (the graphite preset: Chen et al. 2020, Ai et
    // al. 2020).
    std::map<std::string, std::string> values = {
      {"mode", "galvanostatic"},
      {"R", "5.86e-6"},       // m
      {"cmax", "33133"},      // mol/m^3
      {"D", "3.3e-14"},       // m^2/s
      {"E", "15e9"},          // Pa
      {"nu", "0.3"},          // -
      {"Omega", "3.1e-6"},    // m^3/mol
      {"Omega_mu", "3.1e-6"}, // m^3/mol
      {"T", "298.15"},        // K
      {"x0", "0.1"},          // -
      {"j", "0"},             // mol/(m^2 s)
      {"dphi", "0.1"},        // V
      {"ce", "1000"},         // mol/m^3
      {"k", "1e-11"},         // m^2.5/(mol^0.5 s)
      {"ocp", "0.1"},         // V, expression in x
      {"shifted", "1"},       // 0 or 1
      {"shells", "0"},        // 0: the class default
      {"dt", "1"},            // s
      {"end", "1000"},        // s
      {"out", "representative_particle.csv"}};
  };
} // namespace



int
main(int argc, char **argv)
{
  try
    {
      const Arguments   a(argc, argv);
      const double      cmax = a.number("cmax");
      const double      T    = a.number("T");
      const std::string mode = a.text("mode");
      if (mode != "galvanostatic" && mode != "butler-volmer")
        throw std::runtime_error("mode must be galvanostatic or butler-volmer");

      const ParticleSurfaceStress     stress(a.number("E"),
                                         a.number("nu"),
                                         a.number("Omega"));
      const StressEnhancedDiffusivity d_eff(
        RepresentativeParticle::constant_diffusivity(a.number("D")),
        ChemicalPotential(ChemicalPotentialModel::dilute, T),
        cmax,
        stress,
        a.number("Omega_mu"));
      const unsigned int shells =
        a.number("shells") > 0 ? static_cast<unsigned int>(a.number("shells")) :
                                 RepresentativeParticle().n_shells;
      const RepresentativeParticle particle(a.number("R"),
                                            cmax,
                                            d_eff,
                                            shells,
                                            ParticleTimeScheme::bdf2);

      ButlerVolmer kinetics;
      kinetics.model             = KineticsModel::insertion;
      kinetics.rate_constant     = a.number("k");
      kinetics.max_concentration = cmax;
      kinetics.temperature       = T;
      kinetics.set_open_circuit_potential(a.text("ocp"));
      ElectrodePointUpdate update(particle,
                                  kinetics,
                                  SEIKinetics(),
                                  PorosityModel(),
                                  stress);
      update.sei_enabled              = false;
      update.macroscopic_stress       = false;
      update.stress_shifted_potential = a.number("shifted") != 0;
      update.coupling_molar_volume    = a.number("Omega_mu");

      const double c0 = a.number("x0") * cmax;
      const double dt = a.number("dt");
      const auto   n_steps =
        static_cast<unsigned int>(std::llround(a.number("end") / dt));
      ElectrodePointState state = update.initial_state(c0), trial = state;

      std::ofstream out(a.text("out"));
      out << "time,mean_x,surface_x,centre_x,surface_sigma_h,flux\n"
          << std::setprecision(12);
      auto write = [&](const double t, const double c_surf, const double j) {
        const double c_avg = particle.average_concentration(state.particle);
        out << t << ',' << c_avg / cmax << ',' << c_surf / cmax << ','
            << particle.centre_concentration(state.particle) / cmax << ','
            << stress.hydrostatic_stress(c_avg, c_surf) << ',' << j << '\n';
      };
      write(0, c0, 0);
      for (unsigned int n = 1; n <= n_steps; ++n)
        {
          double c_surf = 0, j = 0;
          bool   ok = false;
          if (mode == "galvanostatic")
            {
              j = a.number("j");
              const auto r =
                particle.solve_step(state.particle, dt, j, trial.particle);
              ok     = r.converged && r.within_bounds;
              c_surf = r.surface_concentration;
            }
          else
            {
              const auto r = update.update(state,
                                           dt,
                                           a.number("dphi"),
                                           a.number("ce"),
                                           0.0,
                                           trial);
              ok           = r.converged && r.within_bounds;
              c_surf       = r.surface_concentration;
              j            = r.molar_flux;
            }
          if (!ok)
            throw std::runtime_error("step " + std::to_string(n) +
                                     " failed or left [0, c_max]");
          state = trial;
          write(n * dt, c_surf, j);
        }
      std::cout << "representative particle: " << shells << " shells, "
                << n_steps << " steps of " << dt << " s, " << mode << '\n';
    }
  catch (const std::exception &e)
    {
      std::cerr << "error: " << e.what() << '\n';
      return 1;
    }
  return 0;
}
