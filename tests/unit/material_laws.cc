// Unit tests of the material laws and small numerical building blocks
// against closed forms and finite differences.
#include <chemomech/core/physical_constants.h>
#include <chemomech/core/time_stepping.h>
#include <chemomech/materials/chemical_potential.h>
#include <chemomech/materials/effective_properties.h>
#include <chemomech/materials/isotropic_elasticity.h>
#include <chemomech/materials/particle_material.h>
#include <chemomech/materials/scalar_function_of_x.h>
#include <chemomech/physics/particle/surface_condition.h>

#include <deal.II/base/mpi.h>

#include <cmath>

#include "test_tools.h"

using namespace chemomech;
using namespace dealii;

int
main(int argc, char **argv)
{
  Utilities::MPI::MPI_InitFinalize mpi(argc, argv, 1);
  chemomech_test::Checks           check;
  const double                     RT = constants::gas_constant * 298.15;

  // Chemical potentials against their formulas.
  {
    ChemicalPotential dilute(ChemicalPotentialModel::dilute, 298.15, 0.2);
    check.near("dilute mu0(0.5)",
               dilute.value(0.5),
               RT * std::log(0.5 / 0.2),
               1e-14);
    ChemicalPotential lg(ChemicalPotentialModel::lattice_gas, 298.15, 0.2);
    check.near("lattice gas mu0(0.3)",
               lg.value(0.3),
               RT * std::log(0.3 / 0.7),
               1e-14);
    // f(x) = m(x) c mu0'(c)/(RT) must be 1 for both models (closed form).
    const double x = 0.3, h = 1e-6;
    const double dmu_dx = (lg.value(x + h) - lg.value(x - h)) / (2 * h);
    check.near("lattice gas m x mu0'/(RT) = 1",
               lg.mobility_factor(x) * x * dmu_dx / RT,
               1.0,
               1e-8);
    const double dmu_dx_d =
      (dilute.value(x + h) - dilute.value(x - h)) / (2 * h);
    check.near("dilute m x mu0'/(RT) = 1",
               dilute.mobility_factor(x) * x * dmu_dx_d / RT,
               1.0,
               1e-8);
  }

  // Flux coefficients and their c-derivatives against central differences.
  {
    ParameterHandler prm;
    ParticleMaterial::declare_parameters(prm);
    prm.parse_input_from_string("subsection Material\n"
                                " set Chemical potential model = lattice gas\n"
                                " set Diffusivity = 1e-14*(1 + 3*x^2)\n"
                                " set Initial concentration = 1000\n"
                                "end\n");
    ParticleMaterial m;
    m.parse_parameters(prm);
    const double c = 9000, h = 1e-2;
    const auto   k  = m.flux_coefficients(c);
    const auto   kp = m.flux_coefficients(c + h);
    const auto   km = m.flux_coefficients(c - h);
    check.near("dD_c/dc (FD)",
               k.d_fickian_dc,
               (kp.fickian - km.fickian) / (2 * h),
               1e-6);
    check.near("dB/dc (FD)",
               k.d_drift_dc,
               (kp.drift - km.drift) / (2 * h),
               1e-6);
    const double x = c / m.max_concentration;
    check.near("B = D (1-x) Omega c/(RT)",
               k.drift,
               1e-14 * (1 + 3 * x * x) * (1 - x) * m.coupling_molar_volume * c /
                 RT,
               1e-12);
  }

  // Elasticity: free uniform swelling is stress free, clamped gives
  // sigma_h = -E Omega (c - c_ref) / (3 (1 - 2 nu)).
  {
    const double        E = 10e9, nu = 0.3, Omega = 3.497e-6, dc = 5000;
    IsotropicElasticity el(E, nu);
    const double        e_star = Omega / 3 * dc;
    const auto          free_stress =
      el.stress<3>(e_star * unit_symmetric_tensor<3>(), e_star);
    check.near("free swelling: |sigma| = 0",
               free_stress.norm(),
               0.0,
               1e-12,
               E * e_star);
    check.near("clamped sigma_h",
               el.hydrostatic_stress<3>(SymmetricTensor<2, 3>(), e_star),
               -E * Omega * dc / (3 * (1 - 2 * nu)),
               1e-13);
    // 2D plane strain: sigma_zz completes the same hydrostatic stress.
    const SymmetricTensor<2, 2> eps({1e-3, -2e-4, 3e-4});
    const auto                  s2 = el.stress<2>(eps, e_star);
    check.near("plane strain sigma_h",
               el.hydrostatic_stress<2>(eps, e_star),
               (trace(s2) + el.plane_strain_sigma_zz(trace(eps), e_star)) / 3,
               1e-12);
  }

  // Tables and expressions.
  {
    ScalarFunctionOfX f;
    f.set_table("test", "0:4.2, 0.5:3.9, 1:3.5");
    check.near("table value", f.value(0.25), 4.05, 1e-14);
    check.near("table slope", f.derivative(0.75), -0.8, 1e-12);
    check.near("table clamps beyond the end", f.value(1.5), 3.5, 1e-14);
    f.set_expression("test", "2*x^3");
    check.near("expression derivative", f.derivative(0.5), 1.5, 1e-7);
    f.set_expression("test", "1e-14");
    check.is_true("number is a constant",
                  f.is_constant() && f.derivative(0.3) == 0);
  }

  // Butler-Volmer: zero flux at the OCP, lithiation below it, dj/dc by FD.
  {
    ParameterHandler prm;
    SurfaceCondition::declare_parameters(prm);
    prm.parse_input_from_string("subsection Surface\n"
                                " set Condition = butler-volmer\n"
                                " set OCP type = expression\n"
                                " set OCP expression = 4.2 - 0.5*x\n"
                                " set Applied potential = 3.95\n"
                                "end\n");
    SurfaceCondition s;
    s.parse_parameters(prm);
    s.initialize(1, 3, 20000);
    check.near("BV flux zero at V = U(x)",
               s.inward_flux(10000, 0).value,
               0.0,
               1e-12,
               1e-6);
    check.is_true("BV lithiates below the OCP (j > 0)",
                  s.inward_flux(5000, 0).value > 0);
    check.is_true("BV delithiates above the OCP (j < 0)",
                  s.inward_flux(15000, 0).value < 0);
    const double c = 7000, h = 1e-2;
    check.near("BV dj/dc (FD)",
               s.inward_flux(c, 0).d_dc,
               (s.inward_flux(c + h, 0).value - s.inward_flux(c - h, 0).value) /
                 (2 * h),
               1e-6);
    // Closed form at c: i0 = k F c_e^0.5 (c_max-c)^0.5 c^0.5, eta = V - U.
    const double f   = constants::faraday / RT;
    const double eta = 3.95 - (4.2 - 0.5 * c / 20000);
    const double i0 =
      1e-11 * constants::faraday * std::sqrt(1000.0 * (20000 - c) * c);
    check.near("BV closed form",
               s.inward_flux(c, 0).value,
               -i0 * (std::exp(0.5 * f * eta) - std::exp(-0.5 * f * eta)) /
                 constants::faraday,
               1e-12);

    // Stress-shifted equilibrium potential: U_eff = U + Omega_mu sigma_h/F,
    // so the flux at sigma_h equals the flux of the unshifted law at the
    // applied potential lowered by Omega_mu sigma_h / F; d/d sigma_h by FD.
    const double omega_mu = 3.1e-6, sigma = -2e8;
    check.is_true("BV flux ignores sigma_h when the option is off",
                  s.inward_flux(c, sigma).value == s.inward_flux(c, 0).value &&
                    s.inward_flux(c, sigma).d_dsigma_h == 0);
    SurfaceCondition shifted                = s;
    shifted.stress_in_equilibrium_potential = true;
    shifted.set_coupling_molar_volume(omega_mu);
    SurfaceCondition lowered = s;
    lowered.applied_potential -= omega_mu * sigma / constants::faraday;
    check.near("BV stress shift = Omega_mu sigma_h / F (-6.4 mV at -200 MPa)",
               shifted.inward_flux(c, sigma).value,
               lowered.inward_flux(c, 0).value,
               1e-12);
    check.near("BV overpotential with the stress shift",
               shifted.overpotential(c, sigma),
               eta - omega_mu * sigma / constants::faraday,
               1e-12,
               1e-9);
    const double hs = 1e3;
    check.near("BV dj/d sigma_h (FD)",
               shifted.inward_flux(c, sigma).d_dsigma_h,
               (shifted.inward_flux(c, sigma + hs).value -
                shifted.inward_flux(c, sigma - hs).value) /
                 (2 * hs),
               1e-6);
  }

  // Galvanostatic C-rate: j = C c_max (V/A) / 3600 = C c_max R / (3*3600) for a
  // sphere.
  {
    ParameterHandler prm;
    SurfaceCondition::declare_parameters(prm);
    prm.parse_input_from_string("subsection Surface\n set C-rate = 2\nend\n");
    SurfaceCondition s;
    s.parse_parameters(prm);
    const double R = 5e-6, pi = M_PI;
    s.initialize(4. / 3 * pi * R * R * R, 4 * pi * R * R, 22860);
    check.near("C-rate flux of a sphere",
               s.inward_flux(0, 0).value,
               2 * 22860 * R / (3 * 3600),
               1e-13);
  }

  // Variable-step BDF2 differentiates quadratics in time exactly.
  {
    TimeStepping ts;
    ts.scheme       = TimeScheme::bdf2;
    const auto   y  = [](double t) { return 3 + 2 * t - 0.7 * t * t; };
    const double dt = 0.3, dt_old = 0.5, t = 2.0;
    const auto   a = ts.coefficients(dt, dt_old, false);
    check.near("BDF2 exact for t^2",
               a[0] * y(t) + a[1] * y(t - dt) + a[2] * y(t - dt - dt_old),
               2 - 1.4 * t,
               1e-12);
    const auto b = ts.coefficients(dt, dt_old, true);
    check.near("BDF1 on the first step",
               b[0] * y(t) + b[1] * y(t - dt),
               (y(t) - y(t - dt)) / dt,
               1e-14);
  }

  // Bruggeman factor eps^(1+b) (electrolyte transport of the electrode
  // model): its derivative against a central finite difference.
  for (const double b : {0.0, 0.5, 1.5})
    for (const double eps : {0.05, 0.3, 0.8})
      {
        const double h  = 1e-6 * eps;
        const double fd = (EffectiveProperties::bruggeman_factor(eps + h, b) -
                           EffectiveProperties::bruggeman_factor(eps - h, b)) /
                          (2 * h);
        check.near("Bruggeman factor derivative (FD), b = " +
                     std::to_string(b) + ", eps = " + std::to_string(eps),
                   EffectiveProperties::bruggeman_factor_derivative(eps, b),
                   fd,
                   1e-7);
      }

  return check.finish();
}
