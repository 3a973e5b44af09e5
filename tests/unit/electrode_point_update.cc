// Unit tests of the quadrature-point level of the porous-electrode model
// (ElectrodePointState, ElectrodePointUpdate): lithium conservation, SEI
// growth against closed forms, condensed derivatives against central finite
// differences of the whole local update, porosity against the closed form
// and its floor, pack/unpack round trip and rollback.
#include <chemomech/core/physical_constants.h>

#include <deal.II/base/mpi.h>

#include "point_update_helpers.h"

using namespace chemomech;
using namespace dealii;
using namespace point_test;


int
main(int argc, char **argv)
{
  Utilities::MPI::MPI_InitFinalize mpi(argc, argv, 1);
  chemomech_test::Checks           check;
  const double                     F  = constants::faraday;
  const double                     RT = constants::gas_constant * T;

  const double ce   = 1000; // mol/m^3
  const double c0   = 0.4 * c_max;
  const double U0   = kinetics().open_circuit_potential(c0);
  const double dphi = U0 - 0.015; // lithiating

  // ---- Signs on one step ------------------------------------------------
  {
    ElectrodePointUpdate       u(resolved_particle(),
                           kinetics(),
                           sei_mixed(),
                           porosity_mixture(),
                           stress());
    ElectrodePointState        s0 = u.initial_state(c0), trial;
    const ElectrodePointResult r  = u.update(s0, 10, dphi, ce, 0, trial);
    check.is_true("one step converged", r.converged, "");
    check.is_true("phi_s - phi_e < U lithiates: i_int < 0, j > 0",
                  r.intercalation_current < 0 && r.molar_flux > 0,
                  "i_int = " + sci(r.intercalation_current) +
                    " A/m^2, j = " + sci(r.molar_flux) + " mol/(m^2 s)");
    check.near("i_int = -F j",
               r.intercalation_current,
               -F * r.molar_flux,
               1e-15);
    check.is_true("c_avg grows, surface in compression (sigma_h < 0)",
                  u.average_concentration(trial) > c0 &&
                    r.hydrostatic_stress < 0,
                  "sigma_h = " + sci(r.hydrostatic_stress) + " Pa");
    check.is_true("SEI current cathodic, L grows",
                  r.sei_current < 0 && trial.sei_thickness > s0.sei_thickness);
    check.near("F j matches i_BV(c_surf) at convergence",
               -F * r.molar_flux,
               u.kinetics.evaluate(dphi, ce, r.surface_concentration).current,
               1e-11);
    check.near("sigma_h = 2 E Omega (c_avg - c_surf)/(9(1-nu))",
               r.hydrostatic_stress,
               2 * 15e9 * 3.5e-6 *
                 (r.average_concentration - r.surface_concentration) /
                 (9 * 0.7),
               1e-12);
    // Compression slows SEI growth: the same step without stress coupling.
    ElectrodePointUpdate u_off = u;
    u_off.sei.stress_coupling  = false;
    ElectrodePointState        t_off;
    const ElectrodePointResult r_off = u_off.update(s0, 10, dphi, ce, 0, t_off);
    check.is_true("compression slows SEI: |i_SEI(stress)| < |i_SEI(off)|",
                  std::abs(r.sei_current) < std::abs(r_off.sei_current),
                  sci(r.sei_current) + " vs " + sci(r_off.sei_current) +
                    " A/m^2");
    // Delithiation at phi_s - phi_e > U.
    const ElectrodePointResult rd = u.update(s0, 10, U0 + 0.015, ce, 0, trial);
    check.is_true("phi_s - phi_e > U delithiates: i_int > 0, j < 0, tension",
                  rd.converged && rd.intercalation_current > 0 &&
                    rd.molar_flux < 0 && rd.hydrostatic_stress > 0);
  }

  // ---- (a) Lithium conservation over many steps --------------------------
  // eps_a Delta c_avg + Delta lost = -int a_s (i_int + i_SEI) / F dt, with
  // alternating lithiation and delithiation, resolved and polynomial.
  for (const bool poly : {false, true})
    {
      const std::string    label = poly ? "polynomial" : "resolved";
      ElectrodePointUpdate u =
        poly ? ElectrodePointUpdate(PolynomialParticle(resolved_particle()),
                                    kinetics(),
                                    sei_mixed(),
                                    porosity_mixture(),
                                    stress()) :
               ElectrodePointUpdate(resolved_particle(),
                                    kinetics(),
                                    sei_mixed(),
                                    porosity_mixture(),
                                    stress());
      ElectrodePointState state    = u.initial_state(c0), trial;
      const double        Li0      = u.solid_lithium(state);
      double              integral = 0, magnitude = 0;
      bool                all_converged = true;
      for (unsigned int step = 0; step < 400; ++step)
        {
          const double dt = 5 + (step % 7);
          const double d  = ((step / 100) % 2 == 0) ? dphi : U0 + 0.01;
          const ElectrodePointResult r =
            u.update(state, dt, d, ce, 0.001, trial);
          all_converged = all_converged && r.converged;
          integral += dt * r.electrolyte_lithium_source;
          magnitude += dt * std::abs(r.volumetric_intercalation_current) / F;
          state = trial;
        }
      check.is_true("(a) " + label + ": all 400 steps converged",
                    all_converged);
      const double change = (u.solid_lithium(state) - Li0) + state.lithium_lost;
      check.near("(a) " + label +
                   ": solid Li change + Li lost = -int a_s i_tot/F dt",
                 change,
                 -integral,
                 1e-10,
                 magnitude);
      check.is_true("(a) " + label + ": some lithium lost to SEI",
                    state.lithium_lost > 0,
                    sci(state.lithium_lost) + " mol/m^3");
      const double a_s = u.specific_area();
      check.near("(a) " + label + ": SEI moles = a_s (L - L0)/V_SEI",
                 state.sei_moles,
                 a_s * (state.sei_thickness - u.sei.initial_thickness) /
                   u.sei.molar_volume,
                 1e-9);
      check.near("(a) " + label + ": Li lost = n SEI moles",
                 state.lithium_lost,
                 u.sei.electrons * state.sei_moles,
                 1e-12);
      check.near("(a) " + label + ": pore loss = V_SEI SEI moles",
                 state.sei_pore_loss,
                 u.sei.molar_volume * state.sei_moles,
                 1e-12);
    }

  // ---- (b) SEI growth at fixed potential, intercalation off --------------
  {
    ButlerVolmer off  = kinetics();
    off.rate_constant = 0;   // i_0 = 0: j = 0 exactly, particle stays uniform
    const double dph  = 0.3; // eta_SEI = -0.1 V
    const double tend = 1e6;

    // Reaction limited: L = L0 + V_SEI k c_solv exp(-a n F eta/RT) t.
    {
      SEIKinetics s = sei_mixed();
      s.model       = SEIGrowthModel::reaction_limited;
      s.resistivity = 0;
      ElectrodePointUpdate u(resolved_particle(),
                             off,
                             s,
                             porosity_mixture(),
                             stress());
      ElectrodePointState  state = u.initial_state(c0);
      state                      = run(u, state, 1000, tend / 1000, dph, ce);
      const double eta           = dph - s.open_circuit_potential;
      const double L =
        s.initial_thickness +
        s.molar_volume * s.rate_constant * s.solvent_concentration *
          std::exp(-s.transfer_coefficient * s.electrons * F * eta / RT) * tend;
      check.near("(b) reaction limited: L(t) linear (closed form)",
                 state.sei_thickness,
                 L,
                 1e-11);
      check.near("(b) intercalation off: particle unchanged",
                 u.average_concentration(state),
                 c0,
                 1e-15);
    }

    // Diffusion limited: L = sqrt(L0^2 + 2 V D c t). Backward Euler at the
    // end-of-step L gives L_{n+1}^2 - L_n L_{n+1} = k dt, k = V D c, which
    // underestimates L^2 by ~ k dt ln(L/L0): expected relative error
    // e = k dt ln(L/L0) / (2 L^2). Tolerance 1.5 e, and the error must halve
    // with dt (first order: ratio 2 +- 0.1).
    {
      SEIKinetics s = sei_mixed();
      s.model       = SEIGrowthModel::diffusion_limited;
      s.resistivity = 0;
      ElectrodePointUpdate u(resolved_particle(),
                             off,
                             s,
                             porosity_mixture(),
                             stress());
      const double         k =
        s.molar_volume * s.solvent_diffusivity * s.solvent_concentration;
      const double L0 = s.initial_thickness;
      const double L  = std::sqrt(L0 * L0 + 2 * k * tend);
      double       err[2];
      for (unsigned int level = 0; level < 2; ++level)
        {
          const unsigned int  steps = 10000 << level;
          const double        dt    = tend / steps;
          ElectrodePointState state = u.initial_state(c0);
          state                     = run(u, state, steps, dt, dph, ce);
          const double expected     = k * dt * std::log(L / L0) / (2 * L * L);
          err[level]                = (L - state.sei_thickness) / L;
          check.near("(b) diffusion limited, " + std::to_string(steps) +
                       " steps: L(t) = sqrt(L0^2 + 2 V D c t)",
                     state.sei_thickness,
                     L,
                     1.5 * expected);
          check.near("(b) diffusion limited, " + std::to_string(steps) +
                       " steps: error vs first-order estimate",
                     err[level],
                     expected,
                     0.2);
        }
      check.near("(b) diffusion limited: error ratio for dt/2 (order 1)",
                 err[0] / err[1],
                 2.0,
                 0.05);
    }
  }

  // ---- (c) Condensed derivatives against central FD of the update -------
  {
    // Non-uniform committed particle (after some lithiation steps).
    ElectrodePointUpdate u(resolved_particle(),
                           kinetics(),
                           sei_mixed(),
                           porosity_mixture(),
                           stress());
    ElectrodePointState  committed =
      run(u, u.initial_state(c0), 5, 10, dphi, ce);
    check_derivatives(check,
                      "(c) resolved, mixed SEI",
                      u,
                      committed,
                      10,
                      dphi,
                      ce,
                      0.002);
    check_derivatives(check,
                      "(c) resolved, delithiation",
                      u,
                      committed,
                      10,
                      U0 + 0.02,
                      ce,
                      -0.001);

    ElectrodePointUpdate ub(resolved_particle(ParticleTimeScheme::bdf2),
                            kinetics(),
                            sei_mixed(),
                            porosity_mixture(),
                            stress());
    ub.sei.model           = SEIGrowthModel::diffusion_limited;
    ElectrodePointState cb = run(ub, ub.initial_state(c0), 5, 10, dphi, ce);
    check_derivatives(check,
                      "(c) resolved BDF2, diffusion-limited SEI",
                      ub,
                      cb,
                      7,
                      dphi,
                      ce,
                      0);

    ElectrodePointUpdate up(PolynomialParticle(resolved_particle()),
                            kinetics(),
                            sei_mixed(),
                            porosity_mixture(),
                            stress());
    up.sei.model           = SEIGrowthModel::reaction_limited;
    ElectrodePointState cp = run(up, up.initial_state(c0), 5, 10, dphi, ce);
    check_derivatives(check,
                      "(c) polynomial, reaction-limited SEI",
                      up,
                      cp,
                      10,
                      dphi,
                      ce,
                      0.001);
  }

  // ---- (d) Porosity after swelling and the floor -------------------------
  {
    SEIKinetics no_sei   = sei_mixed();
    no_sei.model         = SEIGrowthModel::reaction_limited;
    no_sei.rate_constant = 0; // i_SEI = 0 exactly
    PorosityModel pm;
    pm.kinematics              = PorosityKinematics::fixed_volume;
    pm.reference_concentration = c0;
    ElectrodePointUpdate u(resolved_particle(),
                           kinetics(),
                           no_sei,
                           pm,
                           stress());
    ElectrodePointState  s = run(u, u.initial_state(c0), 50, 20, dphi, ce);
    ElectrodePointState  trial;
    const ElectrodePointResult r = u.update(s, 20, dphi, ce, 0, trial);
    // Closed form, eps_0 = eps_M + alpha eps_m, eps_a = alpha (1 - eps_m).
    const double eps_0 = 0.225 + 0.625 * 0.2, eps_a = 0.625 * (1 - 0.2);
    const double c_avg =
      resolved_particle().average_concentration(trial.particle);
    check.is_true("(d) c_avg changed by lithiation",
                  c_avg - c0 > 100,
                  "Delta c_avg = " + sci(c_avg - c0) + " mol/m^3");
    check.near("(d) fixed volume: eps = eps_0 - alpha(1-eps_m) beta dc",
               r.porosity,
               eps_0 - eps_a * pm.vegard_coefficient * (c_avg - c0),
               1e-13);
    check.near("(d) state caches the porosity", trial.porosity, r.porosity, 0);
    check.is_true("(d) not clogged", !r.clogged && !trial.clogged);

    // Mixture kinematics at tr eps = 0.01.
    u.porosity.kinematics            = PorosityKinematics::mixture;
    const double               tr    = 0.01;
    const ElectrodePointResult rm    = u.update(s, 20, dphi, ce, tr, trial);
    const double               eps_i = 1 - 0.225 - 0.625;
    check.near("(d) mixture: eps = 1 - (eps_i + eps_a(1+beta dc))/(1+tr)",
               rm.porosity,
               1 -
                 (eps_i + eps_a * (1 + pm.vegard_coefficient * (c_avg - c0))) /
                   (1 + tr),
               1e-13);

    // Floor: a large Vegard coefficient drives eps below eps_min.
    u.porosity.kinematics         = PorosityKinematics::fixed_volume;
    u.porosity.vegard_coefficient = 3e-4;
    const ElectrodePointResult rf = u.update(s, 20, dphi, ce, 0, trial);
    check.is_true("(d) unfloored porosity would be negative",
                  eps_0 - eps_a * 3e-4 * (c_avg - c0) < 0);
    check.near("(d) floor: eps held at eps_min",
               rf.porosity,
               pm.minimum_porosity,
               0);
    check.is_true("(d) floor reported (result and state)",
                  rf.clogged && trial.clogged && trial.porosity >= 0);
    check.is_true("(d) derivatives zero on the floor",
                  rf.d_porosity.d_dpotential == 0 &&
                    rf.d_porosity.d_delectrolyte_concentration == 0 &&
                    rf.d_porosity.d_dtrace_strain == 0);
  }

  // ---- (e) Pack/unpack round trip ----------------------------------------
  {
    ElectrodePointUpdate      u(resolved_particle(ParticleTimeScheme::bdf2),
                           kinetics(),
                           sei_mixed(),
                           porosity_mixture(),
                           stress());
    const ElectrodePointState s0 = u.initial_state(c0);
    ElectrodePointState       s1 = run(u, s0, 7, 10, dphi, ce, 0.001);
    ElectrodePointState       s2 = s1;
    s2.clogged                   = true;
    const unsigned int nv        = s0.number_of_values();
    check.is_true("(e) number_of_values = 2 n + 8 = 48 and constant",
                  nv == 48 && s1.number_of_values() == nv &&
                    s2.number_of_values() == nv &&
                    ElectrodePointState(20).number_of_values() == nv,
                  std::to_string(nv));
    check.is_true("(e) stepped BDF2 state has history, initial has none",
                  s1.particle.previous_concentration.size() == 20 &&
                    s0.particle.previous_concentration.empty());
    for (const ElectrodePointState *s :
         std::vector<const ElectrodePointState *>{&s0, &s1, &s2})
      {
        std::vector<double> v(nv), w(nv);
        s->pack_values(v);
        ElectrodePointState fresh(20);
        fresh.unpack_values(v);
        fresh.pack_values(w);
        const bool exact =
          fresh.particle.concentration == s->particle.concentration &&
          fresh.particle.previous_concentration ==
            s->particle.previous_concentration &&
          fresh.particle.previous_time_step == s->particle.previous_time_step &&
          fresh.sei_thickness == s->sei_thickness &&
          fresh.sei_moles == s->sei_moles &&
          fresh.lithium_lost == s->lithium_lost &&
          fresh.sei_pore_loss == s->sei_pore_loss &&
          fresh.porosity == s->porosity && fresh.clogged == s->clogged &&
          v == w;
        check.is_true("(e) pack/unpack exact (state " +
                        std::to_string(s == &s0 ? 0 :
                                       s == &s1 ? 1 :
                                                  2) +
                        ")",
                      exact);
      }
    // A default-constructed point must be given n before unpacking.
    ElectrodePointState empty;
    bool                threw = false;
    try
      {
        std::vector<double> v(nv);
        s1.pack_values(v);
        empty.unpack_values(v);
      }
    catch (const ExceptionBase &)
      {
        threw = true;
      }
    check.is_true("(e) unpack into a point with the wrong n throws", threw);
    // Continuing from an unpacked state reproduces the original trajectory.
    std::vector<double> v(nv);
    s1.pack_values(v);
    ElectrodePointState copy(20), ta, tb;
    copy.unpack_values(v);
    u.update(s1, 10, dphi, ce, 0.001, ta);
    u.update(copy, 10, dphi, ce, 0.001, tb);
    check.is_true("(e) update from unpacked state identical",
                  same_state(ta, tb));
  }

  // ---- (f) Rollback -------------------------------------------------------
  {
    ElectrodePointUpdate      u(resolved_particle(),
                           kinetics(),
                           sei_mixed(),
                           porosity_mixture(),
                           stress());
    const ElectrodePointState committed =
      run(u, u.initial_state(c0), 10, 10, dphi, ce, 0.001);
    const ElectrodePointState  before = committed;
    ElectrodePointState        t1, t2;
    const ElectrodePointResult r1 =
      u.update(committed, 10, dphi, ce, 0.001, t1);
    // A rejected attempt with other fields in between.
    ElectrodePointState junk;
    u.update(committed, 50, dphi - 0.05, 2 * ce, 0.01, junk);
    const ElectrodePointResult r2 =
      u.update(committed, 10, dphi, ce, 0.001, t2);
    check.is_true("(f) committed state untouched by updates",
                  same_state(committed, before));
    check.is_true("(f) two updates from the same committed state identical",
                  same_state(t1, t2) && r1.molar_flux == r2.molar_flux &&
                    r1.sei_current == r2.sei_current &&
                    r1.porosity == r2.porosity &&
                    r1.d_volumetric_intercalation_current.d_dpotential ==
                      r2.d_volumetric_intercalation_current.d_dpotential);
    ElectrodePointState alias = committed;
    u.update(alias, 10, dphi, ce, 0.001, alias);
    check.is_true("(f) in-place update (trial aliases committed) identical",
                  same_state(alias, t1));
  }

  // ---- Robustness: far from equilibrium -----------------------------------
  // 0.3 V cathodic overpotential and a long step drive the surface towards
  // c_max, where i_0 -> 0: the j iteration must still converge (bracketed
  // Newton) and report the bounds.
  {
    ElectrodePointUpdate      u(resolved_particle(),
                           kinetics(),
                           sei_mixed(),
                           porosity_mixture(),
                           stress());
    const ElectrodePointState s0 = u.initial_state(c0);
    for (const double step : {1.0, 100.0, 1000.0})
      for (const double eta : {-0.3, 0.3})
        {
          ElectrodePointState        trial;
          const ElectrodePointResult r =
            u.update(s0, step, U0 + eta, ce, 0, trial);
          const double F_residual =
            -F * r.molar_flux -
            u.kinetics.evaluate(U0 + eta, ce, r.surface_concentration).current;
          check.is_true(
            "robustness: eta = " + sci(eta) + " V, dt = " + sci(step) +
              " s converged, residual small",
            r.converged &&
              std::abs(F_residual) <= 1e-10 * std::abs(r.intercalation_current),
            "j iterations " + std::to_string(r.flux_iterations) +
              ", c_surf/c_max = " + sci(r.surface_concentration / c_max) +
              ", within bounds " + (r.within_bounds ? "yes" : "no"));
        }
  }

  return check.finish();
}
