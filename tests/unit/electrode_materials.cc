// Unit tests of the electrode-scale material laws (effective properties,
// particle surface stress, Butler-Volmer kinetics,
// electrolyte correlations, presets) against independent closed forms,
// hand-computed literature values and central finite differences.
#include <chemomech/core/parameter_checks.h>
#include <chemomech/core/physical_constants.h>
#include <chemomech/materials/butler_volmer.h>
#include <chemomech/materials/effective_properties.h>
#include <chemomech/materials/electrode_presets.h>
#include <chemomech/materials/electrolyte_properties.h>
#include <chemomech/materials/particle_surface_stress.h>
#include <chemomech/materials/polynomial_particle.h>
#include <chemomech/materials/porosity_model.h>
#include <chemomech/materials/representative_particle.h>
#include <chemomech/materials/scalar_function_of_x.h>
#include <chemomech/materials/sei_kinetics.h>

#include <deal.II/base/mpi.h>
#include <deal.II/base/parameter_handler.h>

#include <cmath>
#include <functional>
#include <sstream>

#include "test_tools.h"

using namespace chemomech;
using namespace dealii;
using chemomech_test::fd;
using chemomech_test::sci;

namespace
{
  /// Volume average (3/R^3) int_0^R c(r) r^2 dr by composite Simpson.
  double
  sphere_average(const std::function<double(double)> &c, const double R)
  {
    const unsigned int n = 2000; // even
    const double       h = R / n;
    double             s = 0;
    for (unsigned int i = 0; i <= n; ++i)
      {
        const double r = i * h;
        const double w = (i == 0 || i == n) ? 1 : (i % 2 ? 4 : 2);
        s += w * c(r) * r * r;
      }
    return 3.0 / (R * R * R) * s * h / 3;
  }

  /// Whether parsing @p text after declaring with @p declare throws
  /// InvalidParameter whose message names @p name.
  template <typename Law>
  bool
  rejects(const std::string &text, const std::string &name)
  {
    ParameterHandler prm;
    Law::declare_parameters(prm);
    prm.parse_input_from_string(text);
    Law law;
    try
      {
        law.parse_parameters(prm);
      }
    catch (const InvalidParameter &e)
      {
        return std::string(e.what()).find(name) != std::string::npos;
      }
    return false;
  }
} // namespace

int
main(int argc, char **argv)
{
  Utilities::MPI::MPI_InitFinalize mpi(argc, argv, 1);
  chemomech_test::Checks           check;
  const double                     T  = 298.15;
  const double                     R  = constants::gas_constant;
  const double                     F  = constants::faraday;
  const double                     RT = R * T;

  // 1. Bruggeman relation and specific area.
  {
    EffectiveProperties eff(1.9, 0.7);
    check.near("Bruggeman eps^(1+b)",
               eff.electrolyte(2.0, 0.3),
               2.0 * std::pow(0.3, 2.9),
               1e-14);
    check.near("tortuosity eps^-b",
               eff.electrolyte_tortuosity(0.3),
               std::pow(0.3, -1.9),
               1e-14);
    check.near("d D_eff / d eps (FD)",
               eff.electrolyte_derivative(2.0, 0.3),
               fd([&](double e) { return eff.electrolyte(2.0, e); }, 0.3, 1e-6),
               1e-8);
    check.near("solid sigma eps_s^(1+b_s)",
               eff.solid(100, 0.6),
               100 * std::pow(0.6, 1.7),
               1e-14);
    check.near("d sigma_eff / d eps_s (FD)",
               eff.solid_derivative(100, 0.6),
               fd([&](double e) { return eff.solid(100, e); }, 0.6, 1e-6),
               1e-8);
    check.near("a_s = 3 eps_s / r_p",
               EffectiveProperties::specific_area(0.6, 5e-6),
               360000,
               1e-14);
    check.near(
      "d a_s / d eps_s (FD)",
      EffectiveProperties::specific_area_derivative(5e-6),
      fd([](double e) { return EffectiveProperties::specific_area(e, 5e-6); },
         0.6,
         1e-6),
      1e-8);
    check.is_true("Bruggeman at eps <= 0 is 0, finite",
                  eff.electrolyte(1, -0.1) == 0 &&
                    std::isfinite(eff.electrolyte_derivative(1, 0)));
  }

  // 4. Particle surface stress.
  {
    const double          E = 10e9, nu = 0.3, Om = 3.497e-6, Rp = 5e-6;
    ParticleSurfaceStress ps(E, nu, Om);
    // c = c0 (1 + a r^2/R^2): sigma_h(R) = -4 E Omega c0 a / (45 (1-nu)),
    // sigma_tt(R) = -2 E eta c0 a / (5 (1 - nu)), eta = Omega/3.
    const double c0 = 10000, a = 0.3;
    const double cavg =
      sphere_average([&](double r) { return c0 * (1 + a * r * r / (Rp * Rp)); },
                     Rp);
    const double csurf = c0 * (1 + a);
    check.near("sigma_h(R) for c0(1 + a r^2/R^2)",
               ps.hydrostatic_stress(cavg, csurf),
               -4 * E * Om * c0 * a / (45 * (1 - nu)),
               1e-10);
    check.near("sigma_tt(R) for c0(1 + a r^2/R^2)",
               ps.hoop_stress(cavg, csurf),
               -2 * E * (Om / 3) * c0 * a / (5 * (1 - nu)),
               1e-10);
    check.near("d sigma_h / d c_avg (FD)",
               ps.hydrostatic_stress_derivative_average(),
               fd([&](double x) { return ps.hydrostatic_stress(x, csurf); },
                  cavg,
                  1),
               1e-8);
    check.near("d sigma_h / d c_surf (FD)",
               ps.hydrostatic_stress_derivative_surface(),
               fd([&](double x) { return ps.hydrostatic_stress(cavg, x); },
                  csurf,
                  1),
               1e-8);
    // polynomial approximation vs the long-time galvanostatic profile
    // c(r,t) = c_i + 3 j t/R + j R/(2D) (r^2/R^2 - 3/5), inward flux j.
    const double D = 1e-14, j = 2e-5, t = 100;
    auto         profile = [&](double r, double tt) {
      return 5000 + 3 * j * tt / Rp +
             j * Rp / (2 * D) * (r * r / (Rp * Rp) - 0.6);
    };
    const double pavg =
      sphere_average([&](double r) { return profile(r, t); }, Rp);
    // The polynomial particle (physics/polynomial_particle) on this profile.
    const PolynomialParticle poly(Rp,
                                  30000,
                                  RepresentativeParticle::constant_diffusivity(
                                    D));
    const double             poly_surface =
      poly.surface_concentration(poly.initial_state(pavg), j);
    check.near("polynomial c_surf = c_avg + j R/(5D)",
               poly_surface,
               profile(Rp, t),
               1e-10);
    ParticleState next;
    const auto step = poly.solve_step(poly.initial_state(pavg), 2.0, j, next);
    check.near(
      "polynomial d c_avg/dt = 3 j / R (one step of 2 s)",
      (step.average_concentration - pavg) / 2.0,
      (sphere_average([&](double r) { return profile(r, t + 1); }, Rp) -
       sphere_average([&](double r) { return profile(r, t - 1); }, Rp)) /
        2,
      1e-8);
    check.near("polynomial sigma_h(R) = -2 E Omega j R/(45 D (1-nu))",
               ps.hydrostatic_stress(pavg, poly_surface),
               -2 * E * Om * j * Rp / (45 * D * (1 - nu)),
               1e-9);
  }

  // 5. Butler-Volmer.
  {
    ButlerVolmer bv;
    bv.temperature       = T;
    bv.rate_constant     = 2e-11;
    bv.max_concentration = 30000;
    const double ce = 1000, cs = 12000;
    const double i0 = 2e-11 * F * std::sqrt(ce * (30000 - cs) * cs);
    check.near("i0 = k F sqrt(c_e (c_max - c_s) c_s)",
               bv.exchange_current(ce, cs),
               i0,
               1e-13);
    for (const double eta : {0.05, -0.1})
      check.near("symmetric BV = 2 i0 sinh(F eta/(2RT)), eta = " +
                   std::to_string(eta),
                 bv.evaluate_at_overpotential(eta, ce, cs).current,
                 2 * i0 * std::sinh(F * eta / (2 * RT)),
                 1e-12);
    // OCP as a table: linear interpolation and the segment's slope
    {
      ButlerVolmer tb;
      tb.max_concentration = 30000;
      tb.set_open_circuit_potential("table: 0:1.0, 0.5:0.2, 1:0.1");
      check.near("tabulated U at x = 0.25 (linear interpolation)",
                 tb.open_circuit_potential(0.25 * 30000),
                 0.6,
                 1e-14);
      check.near("tabulated U at x = 0.75",
                 tb.open_circuit_potential(0.75 * 30000),
                 0.15,
                 1e-14);
    }
    // derivatives, asymmetric coefficients, with the graphite OCP
    bv.anodic_transfer_coefficient   = 0.3;
    bv.cathodic_transfer_coefficient = 0.7;
    bv.set_open_circuit_potential(
      electrode_preset("graphite").open_circuit_potential);
    const double          eta = 0.03, dphi = 0.2;
    const KineticsCurrent r   = bv.evaluate_at_overpotential(eta, ce, cs);
    const double          ref = std::abs(r.current);
    check.near("BV di/deta (FD)",
               r.d_doverpotential,
               fd(
                 [&](double x) {
                   return bv.evaluate_at_overpotential(x, ce, cs).current;
                 },
                 eta,
                 1e-6),
               1e-7,
               ref);
    check.near("BV di/dc_e (FD)",
               r.d_delectrolyte_concentration,
               fd(
                 [&](double x) {
                   return bv.evaluate_at_overpotential(eta, x, cs).current;
                 },
                 ce,
                 1e-2),
               1e-7,
               ref * 1e-3);
    check.near("BV di/dc_s at fixed eta (FD)",
               r.d_dsolid_concentration,
               fd(
                 [&](double x) {
                   return bv.evaluate_at_overpotential(eta, ce, x).current;
                 },
                 cs,
                 1e-1),
               1e-7,
               ref * 1e-4);
    const KineticsCurrent rt = bv.evaluate(dphi, ce, cs);
    check.near("BV total di/dc_s incl. OCP slope (FD)",
               rt.d_dsolid_concentration,
               fd([&](double x) { return bv.evaluate(dphi, ce, x).current; },
                  cs,
                  1e-1),
               1e-5,
               std::abs(rt.current) * 1e-4);
    check.near("BV eta = dphi - U(x)",
               rt.overpotential,
               dphi - bv.ocp.value(cs / 30000),
               1e-14);
    bool finite = true;
    for (const double c : {-1.0, 0.0, 1e-20, 30000.0, 30001.0})
      {
        const KineticsCurrent q = bv.evaluate(0.1, ce, c);
        finite                  = finite && std::isfinite(q.current) &&
                 std::isfinite(q.d_doverpotential) &&
                 std::isfinite(q.d_dsolid_concentration) &&
                 std::isfinite(q.d_delectrolyte_concentration);
      }
    const KineticsCurrent q0 = bv.evaluate(0.1, 0.0, 0.0);
    check.is_true("BV finite as c_s -> 0, c_max and c_e -> 0",
                  finite && std::isfinite(q0.current) &&
                    std::isfinite(q0.d_delectrolyte_concentration));

    // lithium metal
    ButlerVolmer li;
    li.model         = KineticsModel::lithium_metal;
    li.temperature   = T;
    li.rate_constant = 1e-9;
    check.near("Li metal i0 = k F c_e^0.5",
               li.exchange_current(ce, 0),
               1e-9 * F * std::sqrt(ce),
               1e-13);
    check.near("Li metal U = 0: eta = phi_s - phi_e",
               li.evaluate(0.02, ce, 0).current,
               2 * 1e-9 * F * std::sqrt(ce) * std::sinh(F * 0.02 / (2 * RT)),
               1e-12);
    check.near("Li metal di/dc_e (FD)",
               li.evaluate(0.02, ce, 0).d_delectrolyte_concentration,
               fd([&](double x) { return li.evaluate(0.02, x, 0).current; },
                  ce,
                  1e-2),
               1e-7);
    li.exchange_current_density = 10;
    check.near("Li metal given i0",
               li.evaluate(0.02, ce, 0).current,
               20 * std::sinh(F * 0.02 / (2 * RT)),
               1e-12);
  }

  // 6. Electrolyte: Valoen-Reimers at c_e = 1000 mol/m^3, T = 298.15 K.
  {
    ElectrolyteProperties el = lipf6_electrolyte_preset(T);
    // Hand evaluation of the paper's fits (c = 1 mol/L, T = 298.15 K):
    // kappa = 0.1 * c * (A + B c + C c^2)^2 S/m with
    //   A = -10.5 + 0.0740 T - 6.96e-5 T^2 = 5.3761174...
    //   B = 0.668 - 0.0178 T + 2.80e-5 T^2 = -2.1500539...
    //   C = 0.494 - 8.86e-4 T = 0.2298391
    //   -> (3.4559026)^2 * 0.1 = 1.1943264 S/m
    check.near("VR kappa(1 M, 298.15 K)",
               el.conductivity(1000),
               1.194326363775062,
               1e-12);
    // D = 1e-4 * 10^(-4.43 - 54/(298.15 - 234) - 0.22) = 3.2227e-10 m^2/s
    check.near("VR D_e(1 M, 298.15 K)",
               el.diffusivity(1000),
               3.222722528605264e-10,
               1e-12);
    // (0.601 - 0.24 + 0.982 (1 - 0.0052 * 4.15)) / (1 - 0.38) = 2.1319491
    check.near("VR thermodynamic factor(1 M, 298.15 K)",
               el.thermodynamic_factor(1000),
               2.1319490967741936,
               1e-12);
    check.near("VR t+", el.transference_number(1000), 0.38, 0);
    for (const double c : {300.0, 1000.0, 2500.0})
      {
        const std::string at = " at " + std::to_string(int(c));
        check.near("VR dD_e/dc_e (FD)" + at,
                   el.diffusivity_derivative(c),
                   fd([&](double x) { return el.diffusivity(x); }, c, 1e-2),
                   1e-7);
        check.near("VR dkappa/dc_e (FD)" + at,
                   el.conductivity_derivative(c),
                   fd([&](double x) { return el.conductivity(x); }, c, 1e-2),
                   1e-7);
        check.near("VR dTDF/dc_e (FD)" + at,
                   el.thermodynamic_factor_derivative(c),
                   fd([&](double x) { return el.thermodynamic_factor(x); },
                      c,
                      1e-2),
                   1e-7);
      }
    check.is_true("VR finite at c_e = 0",
                  std::isfinite(el.thermodynamic_factor_derivative(0)) &&
                    std::isfinite(el.diffusivity(0)) &&
                    std::isfinite(el.conductivity(0)));
    el.model = ElectrolyteModel::constant;
    check.is_true("constant electrolyte",
                  el.diffusivity(700) == el.constant_diffusivity &&
                    el.conductivity_derivative(700) == 0 &&
                    el.thermodynamic_factor(700) == 1.0);
  }

  // 7. Presets.
  {
    struct Range
    {
      std::string name;
      double      x0, x1, umin, umax;
    };
    for (const Range &rg : {Range{"graphite", 0.05, 0.95, 0.05, 1.0},
                            Range{"NMC811", 0.3, 0.9, 3.4, 4.4},
                            Range{"LCO", 0.5, 0.99, 3.5, 4.5},
                            Range{"LFP", 0.1, 0.9, 3.3, 3.5}})
      {
        const ElectrodePreset p = electrode_preset(rg.name);
        ScalarFunctionOfX     U;
        U.set_expression(rg.name, p.open_circuit_potential);
        bool ok = true;
        for (double x = rg.x0; x <= rg.x1 + 1e-12; x += 0.05)
          ok = ok && U.value(x) > rg.umin && U.value(x) < rg.umax;
        check.is_true(rg.name + " preset OCP in plausible range", ok);
        check.is_true(rg.name + " preset complete",
                      p.max_concentration > 0 && p.particle_radius > 0 &&
                        p.solid_diffusivity > 0 && p.rate_constant > 0 &&
                        p.youngs_modulus > 0 && p.porosity > 0 &&
                        !p.reference.empty());
      }
    {
      ScalarFunctionOfX U;
      U.set_expression("g",
                       electrode_preset("graphite").open_circuit_potential);
      const double x = 0.5;
      check.near("graphite preset OCP = Chen 2020 fit at x = 0.5",
                 U.value(x),
                 1.9793 * std::exp(-39.3631 * x) + 0.2482 -
                   0.0909 * std::tanh(29.8538 * (x - 0.1234)) -
                   0.04478 * std::tanh(14.9159 * (x - 0.2769)) -
                   0.0205 * std::tanh(30.4444 * (x - 0.6103)),
                 1e-12);
    }
    bool thrown = false;
    try
      {
        electrode_preset("unobtainium");
      }
    catch (const InvalidParameter &)
      {
        thrown = true;
      }
    check.is_true("unknown preset throws InvalidParameter", thrown);
  }

  // 8. Parameter validation.
  {
    check.is_true("defaults parse",
                  !rejects<PorosityModel>("", "Porosity") &&
                    !rejects<SEIKinetics>("", "SEI") &&
                    !rejects<ButlerVolmer>("", "Kinetics") &&
                    !rejects<ElectrolyteProperties>("", "Electrolyte") &&
                    !rejects<EffectiveProperties>("", "Effective"));
    check.is_true("Porosity = 1.2 rejected",
                  rejects<PorosityModel>("set Porosity = 1.2\n",
                                         "'Porosity' = 1.2"));
    check.is_true(
      "Pore structure/Minimum porosity >= eps_0 rejected",
      rejects<PorosityModel>(
        "subsection Pore structure\n set Minimum porosity = 0.5\nend\n",
        "Pore structure/Minimum porosity"));
    check.is_true("SEI/Transfer coefficient = 1.5 rejected",
                  rejects<SEIKinetics>(
                    "subsection SEI\n set Transfer coefficient = 1.5\nend\n",
                    "SEI/Transfer coefficient"));
    check.is_true(
      "Kinetics/Anodic transfer coefficient = 0 rejected",
      rejects<ButlerVolmer>(
        "subsection Kinetics\n set Anodic transfer coefficient = 0\nend\n",
        "Kinetics/Anodic transfer coefficient"));
    check.is_true(
      "Electrolyte/Transference number = 1 rejected",
      rejects<ElectrolyteProperties>(
        "subsection Electrolyte\n set Transference number = 1\nend\n",
        "Electrolyte/Transference number"));
    check.is_true("Effective properties/Electrolyte Bruggeman exponent = -1 "
                  "rejected",
                  rejects<EffectiveProperties>(
                    "subsection Effective properties\n set Electrolyte "
                    "Bruggeman exponent = -1\nend\n",
                    "Effective properties/Electrolyte Bruggeman exponent"));
  }

  return check.finish();
}
