// The stress drift of a free spherical particle (StressEnhancedDiffusivity):
// - D_eff against its closed forms D (1 + theta c) (dilute) and
//   D (1 + theta c (1 - x)) (lattice gas), theta = 2 E Omega Omega_mu /
//   (9 (1 - nu) R T), and theta c_max = 0.61 for the graphite preset;
// - dD_eff/dc against a central finite difference;
// - the resolved particle with D_eff under a slow constant flux against the
//   quasi-steady closed form of the Kirchhoff transform: with
//   w(c) = int_0^c D_eff(s)/D ds the flux is J = -D dw/dr, and for
//   d c/dt nearly uniform, w(c_surf) - w(c_centre) = j R / (2 D). Plain
//   Fick would miss it by the factor 1 + theta c (about 30 % here);
// - the polynomial particle with D_eff (surface value) against the resolved
//   one: c_surf - c_avg within 1 % (its documented approximation).
#include <chemomech/core/physical_constants.h>
#include <chemomech/materials/electrode_presets.h>
#include <chemomech/materials/polynomial_particle.h>
#include <chemomech/materials/representative_particle.h>
#include <chemomech/materials/stress_enhanced_diffusivity.h>

#include <deal.II/base/mpi.h>

#include <cmath>

#include "particle_steps.h"
#include "test_tools.h"

using namespace chemomech;
using namespace dealii;

namespace
{
  const double R     = 5e-6;
  const double D0    = 1e-14;
  const double c_max = 33133;
  const double T     = 298.15;

  DiffusivityValue
  constant_d(const double)
  {
    return DiffusivityValue{D0, 0.0};
  }

  DiffusivityValue
  linear_d(const double c)
  {
    return DiffusivityValue{D0 * (1 + c / c_max), D0 / c_max};
  }

} // namespace

int
main(int argc, char **argv)
{
  Utilities::MPI::MPI_InitFinalize mpi(argc, argv, 1);
  chemomech_test::Checks           check;

  const ElectrodePreset       g = electrode_preset("graphite");
  const ParticleSurfaceStress stress(g.youngs_modulus,
                                     g.poissons_ratio,
                                     g.partial_molar_volume);
  const double                omega_mu = g.partial_molar_volume;
  const double                theta =
    2 * g.youngs_modulus * g.partial_molar_volume * omega_mu /
    (9 * (1 - g.poissons_ratio) * constants::gas_constant * T);
  check.near("graphite: theta c_max", theta * c_max, 0.61, 0.01);

  const ChemicalPotential dilute(ChemicalPotentialModel::dilute, T);
  const ChemicalPotential lattice(ChemicalPotentialModel::lattice_gas, T);
  const StressEnhancedDiffusivity d_dilute(constant_d,
                                           dilute,
                                           c_max,
                                           stress,
                                           omega_mu);
  const StressEnhancedDiffusivity d_lattice(constant_d,
                                            lattice,
                                            c_max,
                                            stress,
                                            omega_mu);
  for (const double x : {0.0, 0.1, 0.5, 0.9, 1.0})
    {
      const double c = x * c_max;
      check.near("dilute D_eff = D (1 + theta c) at x = " + std::to_string(x),
                 d_dilute(c).value,
                 D0 * (1 + theta * c),
                 1e-13);
      check.near("lattice gas D_eff = D (1 + theta c (1-x)) at x = " +
                   std::to_string(x),
                 d_lattice(c).value,
                 D0 * (1 + theta * c * (1 - x)),
                 1e-13);
    }

  // Derivative against a central difference, D(x) = D0 (1 + x).
  for (const auto &mu : {dilute, lattice})
    {
      const StressEnhancedDiffusivity d(linear_d, mu, c_max, stress, omega_mu);
      for (const double x : {0.2, 0.7})
        {
          const double c  = x * c_max;
          const double h  = 1e-4 * c_max;
          const double fd = (d(c + h).value - d(c - h).value) / (2 * h);
          check.near(std::string(mu.model == ChemicalPotentialModel::dilute ?
                                   "dilute" :
                                   "lattice gas") +
                       " dD_eff/dc = central difference at x = " +
                       std::to_string(x),
                     d(c).derivative,
                     fd,
                     1e-7);
        }
    }

  // Resolved particle, slow lithiation from x = 0.3 (tau = R^2/D = 2500 s,
  // about 12,000 s of lithiation, c_surf - c_centre about 1 % of c_max;
  // quasi-steady to 0.5 %).
  const double c0     = 0.3 * c_max;
  const double j      = 1.2e-6; // mol/(m^2 s), inward
  const double dt     = 20;
  const auto w_dilute = [&](const double c) { return c + 0.5 * theta * c * c; };
  const auto w_lattice = [&](const double c) {
    return c + 0.5 * theta * c * c - theta * c * c * c / (3 * c_max);
  };
  const std::pair<const StressEnhancedDiffusivity *,
                  std::function<double(double)>>
    laws[2] = {{&d_dilute, w_dilute}, {&d_lattice, w_lattice}};
  for (unsigned int l = 0; l < 2; ++l)
    {
      const std::string            name = (l == 0) ? "dilute" : "lattice gas";
      const RepresentativeParticle resolved(R, c_max, *laws[l].first, 100);
      ParticleState                s = resolved.initial_state(c0);
      const auto r = chemomech_test::run_constant_flux(resolved, s, dt, j, 600);
      const auto w = laws[l].second;
      // c at the centre from the two innermost shells (nodes at h/2, 3h/2,
      // the profile is even in r): c(0) = (9 c_0 - c_1)/8.
      const double c_centre = (9 * s.concentration[0] - s.concentration[1]) / 8;
      check.near(name + ": resolved w(c_surf) - w(c_centre) = j R/(2 D)",
                 w(r.surface_concentration) - w(c_centre),
                 j * R / (2 * D0),
                 0.005);

      PolynomialParticle poly(R, c_max, *laws[l].first);
      ParticleState      sp = poly.initial_state(c0);
      const auto rp = chemomech_test::run_constant_flux(poly, sp, dt, j, 600);
      check.near(name + ": polynomial c_avg = resolved c_avg",
                 rp.average_concentration,
                 r.average_concentration,
                 1e-10);
      check.near(name + ": polynomial c_surf - c_avg = resolved",
                 rp.surface_concentration - rp.average_concentration,
                 r.surface_concentration - r.average_concentration,
                 0.01);
    }
  return check.finish();
}
