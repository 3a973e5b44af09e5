// Unit tests of the stress couplings of the porous electrode's
// quadrature-point update (doc/electrode-model.md section 2b): the
// effective-stiffness law and the solid-phase stress against their closed
// forms and the elasticity law the assembly uses, the equilibrium-potential
// shift U + Omega_mu sigma_h,surf / F at rest (zero current to round-off at
// the shifted potential), the converged update satisfying the shifted
// Butler-Volmer and SEI laws at the total surface stress, and every
// condensed derivative (including those by tr eps(u)) against central finite
// differences.
#include <chemomech/core/physical_constants.h>
#include <chemomech/materials/electrode_stiffness.h>
#include <chemomech/materials/isotropic_elasticity.h>

#include <deal.II/base/mpi.h>

#include "point_update_helpers.h"

using namespace chemomech;
using namespace dealii;
using namespace point_test;

namespace
{
  constexpr double omega_mu = 3.5e-6; // m^3/mol, = Omega of stress()

  /// A point update with both stress couplings on and E(eps) with m = 2.
  ElectrodePointUpdate
  coupled(const ElectrodePointUpdate &base)
  {
    ElectrodePointUpdate u        = base;
    u.stress_shifted_potential    = true;
    u.macroscopic_stress          = true;
    u.coupling_molar_volume       = omega_mu;
    u.stiffness                   = ElectrodeStiffness(4e9, 0.25, 2, 0.35);
    u.porosity.vegard_coefficient = 3.5e-6;
    return u;
  }
} // namespace



int
main(int argc, char **argv)
{
  Utilities::MPI::MPI_InitFinalize mpi(argc, argv, 1);
  chemomech_test::Checks           check;
  const double                     F = constants::faraday;

  // ---- (a) Stiffness law and solid-phase stress -------------------------
  {
    const ElectrodeStiffness s(4e9, 0.25, 2, 0.3);
    check.near("(a) E(eps_ref) = E_ref", s.youngs_modulus(0.3), 4e9, 1e-15);
    check.near("(a) E(0.5) = E_ref (0.5/0.7)^2",
               s.youngs_modulus(0.5),
               4e9 * (0.5 / 0.7) * (0.5 / 0.7),
               1e-14);
    check.near("(a) m = 0: E constant",
               ElectrodeStiffness(4e9, 0.25, 0, 0.3).youngs_modulus(0.6),
               4e9,
               0);
    // sigma_h,M = tr(sigma_el)/(3 (1 - eps)) with sigma_el of the law the
    // assembly uses, for a general strain.
    SymmetricTensor<2, 3> eps;
    eps[0][0]                          = -2e-3;
    eps[1][1]                          = 5e-4;
    eps[2][2]                          = 1e-4;
    eps[0][1]                          = 3e-4;
    const double                e_star = 4e-4, porosity = 0.42;
    const SymmetricTensor<2, 3> sigma =
      s.elasticity(porosity).stress(eps, e_star);
    check.near("(a) sigma_h,M = tr(sigma_el)/(3(1-eps))",
               s.solid_hydrostatic_stress(trace(eps), e_star, porosity),
               trace(sigma) / (3 * (1 - porosity)),
               1e-13);
    const double K = s.youngs_modulus(porosity) / (3 * (1 - 2 * 0.25));
    check.near("(a) d sigma_h,M / d tr = K/(1-eps)",
               s.solid_hydrostatic_stress_strain_derivative(porosity),
               K / (1 - porosity),
               1e-14);
    check.near("(a) d sigma_h,M / d e* = -3K/(1-eps)",
               s.solid_hydrostatic_stress_eigenstrain_derivative(porosity),
               -3 * K / (1 - porosity),
               1e-14);
  }

  const double ce = 1000;
  const double c0 = 0.4 * c_max;

  // ---- (b) Rest under a macroscopic stress -------------------------------
  {
    SEIKinetics no_sei   = sei_mixed();
    no_sei.model         = SEIGrowthModel::reaction_limited;
    no_sei.rate_constant = 0;
    const ElectrodePointUpdate u =
      coupled(ElectrodePointUpdate(resolved_particle(),
                                   kinetics(),
                                   no_sei,
                                   porosity_mixture(),
                                   stress()));
    const ElectrodePointState s0 = u.initial_state(c0);
    const double              tr = -4e-3; // compressed electrode
    const double              sigma_M =
      u.stiffness.solid_hydrostatic_stress(tr,
                                           u.porosity.swelling_strain(c0),
                                           s0.porosity);
    const double               U0      = u.kinetics.open_circuit_potential(c0);
    const double               shifted = U0 + omega_mu * sigma_M / F;
    ElectrodePointState        trial;
    const ElectrodePointResult r  = u.update(s0, 10, shifted, ce, tr, trial);
    const double               i0 = u.kinetics.exchange_current(ce, c0);
    check.is_true("(b) converged", r.converged);
    check.near("(b) sigma_h,M of the update = closed form",
               r.macroscopic_stress,
               sigma_M,
               1e-12);
    check.is_true("(b) macroscopic stress is compressive",
                  sigma_M < -1e6,
                  "sigma_h,M = " + sci(sigma_M) + " Pa");
    check.near("(b) equilibrium shift = Omega_mu sigma_h,M / F",
               r.equilibrium_potential_shift,
               omega_mu * sigma_M / F,
               1e-12);
    check.near("(b) at phi_s - phi_e = U + Omega_mu sigma/F no current",
               r.intercalation_current / i0,
               0.0,
               0,
               1e-12);
    const ElectrodePointResult r_u = u.update(s0, 10, U0, ce, tr, trial);
    check.is_true("(b) at phi_s - phi_e = U compression delithiates",
                  r_u.converged && r_u.intercalation_current > 1e-3 * i0,
                  "i_int = " + sci(r_u.intercalation_current) + " A/m^2");
  }

  // ---- (c) The converged update satisfies the shifted laws ---------------
  {
    ElectrodePointUpdate u  = coupled(ElectrodePointUpdate(resolved_particle(),
                                                          kinetics(),
                                                          sei_mixed(),
                                                          porosity_mixture(),
                                                          stress()));
    const double         U0 = u.kinetics.open_circuit_potential(c0);
    const double         dphi = U0 - 0.015;
    const double         tr   = 2e-3;
    ElectrodePointState  committed =
      run(u, u.initial_state(c0), 5, 10, dphi, ce, tr);
    ElectrodePointState        trial;
    const ElectrodePointResult r = u.update(committed, 10, dphi, ce, tr, trial);
    check.is_true("(c) converged", r.converged);
    const double sigma_self =
      u.surface_stress.hydrostatic_stress(r.average_concentration,
                                          r.surface_concentration);
    const double sigma_M =
      u.stiffness.solid_hydrostatic_stress(tr,
                                           u.porosity.swelling_strain(
                                             r.average_concentration),
                                           committed.porosity);
    check.near("(c) sigma_h,surf = self + macroscopic",
               r.hydrostatic_stress,
               sigma_self + sigma_M,
               1e-12);
    const KineticsCurrent bv =
      u.kinetics.evaluate(dphi - omega_mu * r.hydrostatic_stress / F,
                          ce,
                          r.surface_concentration);
    check.near("(c) i_int = i_BV at U + Omega_mu sigma_h,surf / F",
               r.intercalation_current,
               bv.current,
               1e-9);
    const SEICurrent S = u.sei.current(dphi,
                                       trial.sei_thickness,
                                       r.hydrostatic_stress,
                                       r.intercalation_current + r.sei_current);
    check.near("(c) i_SEI = SEI law at the total surface stress",
               r.sei_current,
               S.current,
               1e-9);
    // Without the shift the same state gives a different current.
    ElectrodePointUpdate off     = u;
    off.stress_shifted_potential = false;
    const ElectrodePointResult r_off =
      off.update(committed, 10, dphi, ce, tr, trial);
    check.is_true("(c) the shift changes the current",
                  std::abs(r_off.intercalation_current -
                           r.intercalation_current) >
                    1e-3 * std::abs(r.intercalation_current));
  }

  // ---- (d) Condensed derivatives with the couplings on -------------------
  {
    const ElectrodePointUpdate u =
      coupled(ElectrodePointUpdate(resolved_particle(),
                                   kinetics(),
                                   sei_mixed(),
                                   porosity_mixture(),
                                   stress()));
    const double              U0   = u.kinetics.open_circuit_potential(c0);
    const double              dphi = U0 - 0.015;
    const ElectrodePointState committed =
      run(u, u.initial_state(c0), 5, 10, dphi, ce, 1e-3);
    check_derivatives(check,
                      "(d) resolved, coupled, lithiation",
                      u,
                      committed,
                      10,
                      dphi,
                      ce,
                      -2e-3);
    check_derivatives(check,
                      "(d) resolved, coupled, delithiation",
                      u,
                      committed,
                      10,
                      U0 + 0.02,
                      ce,
                      3e-3);

    const ElectrodePointUpdate up =
      coupled(ElectrodePointUpdate(PolynomialParticle(resolved_particle()),
                                   kinetics(),
                                   sei_mixed(),
                                   porosity_mixture(),
                                   stress()));
    const ElectrodePointState cp =
      run(up, up.initial_state(c0), 5, 10, dphi, ce, 1e-3);
    check_derivatives(check,
                      "(d) polynomial, coupled",
                      up,
                      cp,
                      10,
                      dphi,
                      ce,
                      -1e-3);

    ElectrodePointUpdate uf = u;
    uf.porosity.kinematics  = PorosityKinematics::fixed_volume;
    uf.sei.model            = SEIGrowthModel::diffusion_limited;
    const ElectrodePointState cf =
      run(uf, uf.initial_state(c0), 5, 10, dphi, ce, 0);
    check_derivatives(check,
                      "(d) fixed volume, diffusion-limited SEI",
                      uf,
                      cf,
                      10,
                      dphi,
                      ce,
                      -2e-3);
  }

  return check.finish();
}
