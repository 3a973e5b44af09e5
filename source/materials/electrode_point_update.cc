#include <chemomech/core/physical_constants.h>
#include <chemomech/materials/effective_properties.h>
#include <chemomech/materials/electrode_point_update.h>

#include <deal.II/base/exceptions.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace chemomech
{
  ElectrodePointUpdate::ElectrodePointUpdate(
    const RepresentativeParticle &particle,
    const ButlerVolmer           &kinetics,
    const SEIKinetics            &sei,
    const PorosityModel          &porosity,
    const ParticleSurfaceStress  &surface_stress)
    : kinetics(kinetics)
    , sei(sei)
    , porosity(porosity)
    , surface_stress(surface_stress)
    , particle(std::make_shared<const RepresentativeParticle>(particle))
  {}



  ElectrodePointUpdate::ElectrodePointUpdate(
    const PolynomialParticle    &particle,
    const ButlerVolmer          &kinetics,
    const SEIKinetics           &sei,
    const PorosityModel         &porosity,
    const ParticleSurfaceStress &surface_stress)
    : kinetics(kinetics)
    , sei(sei)
    , porosity(porosity)
    , surface_stress(surface_stress)
    , particle(std::make_shared<const PolynomialParticle>(particle))
  {}



  ParticleModel
  ElectrodePointUpdate::particle_model() const
  {
    return particle->particle_model();
  }



  double
  ElectrodePointUpdate::particle_radius() const
  {
    return particle->particle_radius();
  }



  double
  ElectrodePointUpdate::max_concentration() const
  {
    return particle->maximum_concentration();
  }



  unsigned int
  ElectrodePointUpdate::n_particle_values() const
  {
    return particle->n_state_values();
  }



  double
  ElectrodePointUpdate::specific_area() const
  {
    return EffectiveProperties::specific_area(porosity.active_fraction(),
                                              particle_radius());
  }



  ElectrodePointState
  ElectrodePointUpdate::initial_state(const double particle_concentration,
                                      const double trace_strain) const
  {
    ElectrodePointState state(n_particle_values());
    state.particle      = particle->initial_state(particle_concentration);
    state.sei_thickness = sei.initial_thickness;
    state.sei_moles     = 0;
    state.lithium_lost  = 0;
    state.sei_pore_loss = 0;
    const PorosityValue p =
      porosity.evaluate(particle_concentration, trace_strain, 0);
    state.porosity = p.value;
    state.clogged  = p.floor_hit;
    return state;
  }



  double
  ElectrodePointUpdate::average_concentration(
    const ElectrodePointState &state) const
  {
    return particle->average_concentration(state.particle);
  }



  double
  ElectrodePointUpdate::solid_lithium(const ElectrodePointState &state) const
  {
    return porosity.active_fraction() * average_concentration(state);
  }



  ParticleStepResult
  ElectrodePointUpdate::particle_step(const ParticleState &old,
                                      const double         time_step,
                                      const double         j,
                                      ParticleState       &trial) const
  {
    return particle->solve_step(old, time_step, j, trial);
  }



  void
  ElectrodePointUpdate::surface_stress_of(FluxIterate           &it,
                                          const MacroscopicLoad &load) const
  {
    const ParticleStepResult &ps = it.step;
    const double k = surface_stress.hydrostatic_stress_derivative_average();
    it.sigma       = surface_stress.hydrostatic_stress(ps.average_concentration,
                                                 ps.surface_concentration);
    it.dsigma_dj   = k * (ps.d_average_d_flux - ps.d_surface_d_flux);
    it.sigma_macro = 0;
    if (!macroscopic_stress)
      return;
    // sigma_h,M of the stiffness at the committed porosity eps^n.
    const double e_star = porosity.swelling_strain(ps.average_concentration);
    it.sigma_macro      = stiffness.solid_hydrostatic_stress(load.trace_strain,
                                                        e_star,
                                                        load.porosity);
    it.sigma += it.sigma_macro;
    it.dsigma_dj +=
      stiffness.solid_hydrostatic_stress_eigenstrain_derivative(load.porosity) *
      porosity.swelling_strain_derivative() * ps.d_average_d_flux;
  }



  ElectrodePointUpdate::FluxIterate
  ElectrodePointUpdate::solve_flux(const ParticleState   &committed,
                                   const double           dt,
                                   const double           dph,
                                   const double           ce,
                                   const MacroscopicLoad &load,
                                   bool                  &converged,
                                   unsigned int          &iterations) const
  {
    const double F = constants::faraday;
    // d(shift)/d sigma: the equilibrium potential U + Omega_mu sigma / F.
    const double shift_per_stress =
      stress_shifted_potential ? coupling_molar_volume / F : 0.0;
    const auto evaluate = [&](const double j, FluxIterate &it) -> bool {
      it.j    = j;
      it.step = particle_step(committed, dt, j, it.particle);
      if (!it.step.converged || !std::isfinite(it.step.surface_concentration))
        return false;
      surface_stress_of(it, load);
      it.bv    = kinetics.evaluate(dph - shift_per_stress * it.sigma,
                                ce,
                                it.step.surface_concentration);
      it.R     = F * j + it.bv.current;
      it.dR_dj = F + it.bv.d_dsolid_concentration * it.step.d_surface_d_flux -
                 it.bv.d_doverpotential * shift_per_stress * it.dsigma_dj;
      return std::isfinite(it.R);
    };

    FluxIterate cur, cand;
    bool        flux_ok = evaluate(0.0, cur);
    const auto  inf     = std::numeric_limits<double>::infinity();
    // R is increasing in j: R(j_lo) < 0 < R(j_hi).
    double j_lo = -inf, j_hi = inf;
    while (flux_ok)
      {
        if (cur.R < 0)
          j_lo = std::max(j_lo, cur.j);
        else
          j_hi = std::min(j_hi, cur.j);
        // The residual cannot be resolved below the error the particle's own
        // tolerance leaves in c_surf: tolerance = flux_tolerance (F|j| +
        // i0) + |d i/d c_surf| * (particle concentration tolerance).
        const double scale = F * std::abs(cur.j) + cur.bv.exchange_current;
        const double tolerance =
          flux_tolerance * scale + std::abs(cur.bv.d_dsolid_concentration) *
                                     particle->concentration_tolerance();
        if (std::abs(cur.R) <= tolerance)
          {
            converged = true;
            break;
          }
        if (iterations >= max_iterations)
          break;
        const double dR        = cur.dR_dj;
        const bool   bracketed = std::isfinite(j_lo) && std::isfinite(j_hi);
        double       target;
        if (dR > 0 && std::isfinite(dR))
          target = cur.j - cur.R / dR;
        else if (bracketed)
          target = 0.5 * (j_lo + j_hi);
        else
          break;
        if (!(target > j_lo))
          target = 0.5 * (cur.j + j_lo);
        else if (!(target < j_hi))
          target = 0.5 * (cur.j + j_hi);

        // Backtracking on |R| towards the current iterate.
        bool accepted = false;
        for (unsigned int ls = 0; ls < 40 && !accepted; ++ls)
          {
            if (evaluate(target, cand) && std::abs(cand.R) < std::abs(cur.R))
              accepted = true;
            else
              target = cur.j + 0.5 * (target - cur.j);
          }
        ++iterations;
        if (!accepted)
          {
            // Stagnation at round-off: accept if close to the tolerance.
            converged = std::abs(cur.R) <= 100 * tolerance;
            break;
          }
        std::swap(cur, cand);
      }
    if (!flux_ok)
      {
        // The particle step at the start failed: nothing sensible to return
        // but the last evaluated iterate.
        converged = false;
      }

    converged = converged && flux_ok;
    return cur;
  }



  bool
  ElectrodePointUpdate::solve_sei(const double  dt,
                                  const double  dph,
                                  const double  L_old,
                                  const double  sigma,
                                  const double  i_in,
                                  double       &L,
                                  double       &i_s,
                                  SEICurrent   &S,
                                  unsigned int &iterations) const
  {
    L                  = L_old;
    S                  = sei.current(dph, L, sigma, i_in);
    i_s                = S.current;
    bool sei_converged = false;
    if (!sei_enabled)
      {
        S             = SEICurrent();
        i_s           = 0;
        sei_converged = true;
      }
    while (!sei_converged)
      {
        S               = sei.current(dph, L, sigma, i_in + i_s);
        const double Ra = i_s - S.current;
        const double Rb = L - L_old - dt * sei.thickness_rate(i_s);
        if (std::abs(Ra) <=
              sei_tolerance * std::max(std::abs(i_s), std::abs(S.current)) &&
            std::abs(Rb) <= sei_tolerance * std::max(L, L_old))
          {
            sei_converged = true;
            break;
          }
        if (!std::isfinite(Ra) || !std::isfinite(Rb) ||
            iterations >= max_iterations)
          break;
        const double J00 = 1 - S.d_dtotal_current, J01 = -S.d_dthickness;
        const double J10 = -dt * sei.thickness_rate_derivative(i_s), J11 = 1;
        const double det = J00 * J11 - J01 * J10;
        if (!(std::abs(det) > 0) || !std::isfinite(det))
          break;
        i_s -= (J11 * Ra - J01 * Rb) / det;
        L -= (-J10 * Ra + J00 * Rb) / det;
        L = std::max(L, L_old);
        ++iterations;
      }

    return sei_converged;
  }



  ElectrodePointResult
  ElectrodePointUpdate::update(const ElectrodePointState &committed,
                               const double               time_step,
                               const double               potential_difference,
                               const double         electrolyte_concentration,
                               const double         trace_strain,
                               ElectrodePointState &trial) const
  {
    const unsigned int n = n_particle_values();
    AssertThrow(committed.particle.concentration.size() == n,
                dealii::ExcMessage(
                  "ElectrodePointState has the wrong number of particle "
                  "values for this ElectrodePointUpdate."));
    AssertThrow(time_step > 0 && std::isfinite(time_step),
                dealii::ExcMessage("The local time step must be > 0."));
    AssertThrow(std::isfinite(potential_difference) &&
                  std::isfinite(electrolyte_concentration) &&
                  std::isfinite(trace_strain),
                dealii::ExcMessage("Non-finite field value at a quadrature "
                                   "point."));

    const double F   = constants::faraday;
    const double dt  = time_step;
    const double dph = potential_difference;
    const double ce  = electrolyte_concentration;
    const double a_s = specific_area();

    // Everything read from committed before trial is written (aliasing).
    const double L_old     = committed.sei_thickness;
    const double moles_old = committed.sei_moles;
    const double lost_old  = committed.lithium_lost;
    const double pore_old  = committed.sei_pore_loss;

    MacroscopicLoad load;
    load.trace_strain = trace_strain;
    load.porosity     = committed.porosity;

    ElectrodePointResult result;
    result.specific_area = a_s;

    // ---- 1. Intercalation flux j: R(j) = F j + i_BV(c_surf(j)) = 0 ------
    bool        flux_converged = false;
    FluxIterate cur            = solve_flux(committed.particle,
                                 dt,
                                 dph,
                                 ce,
                                 load,
                                 flux_converged,
                                 result.flux_iterations);

    const double              j    = cur.j;
    const ParticleStepResult &ps   = cur.step;
    const KineticsCurrent    &bv   = cur.bv;
    const double              i_in = -F * j;

    // ---- 2. Particle-surface stress (self + macroscopic) -----------------
    const double sigma     = cur.sigma;
    const double dsigma_dj = cur.dsigma_dj;
    const double sigma_M   = cur.sigma_macro;
    // partial d sigma / d tr eps at fixed j
    const double dsigma_dtr =
      macroscopic_stress ?
        stiffness.solid_hydrostatic_stress_strain_derivative(load.porosity) :
        0.0;
    const double shift_per_stress =
      stress_shifted_potential ? coupling_molar_volume / F : 0.0;

    const double D1      = cur.dR_dj;
    const double dj_dphi = -bv.d_doverpotential / D1;
    const double dj_dce  = -bv.d_delectrolyte_concentration / D1;
    const double dj_dtr =
      bv.d_doverpotential * shift_per_stress * dsigma_dtr / D1;

    // ---- 3. SEI: (i_SEI, L) by backward Euler at the end-of-step L ------
    double     L = L_old, i_s = 0;
    SEICurrent S;
    const bool sei_converged =
      solve_sei(dt, dph, L_old, sigma, i_in, L, i_s, S, result.sei_iterations);

    const double gp = sei_enabled ? sei.thickness_rate_derivative(i_s) : 0.0;
    const double D2 = 1 - S.d_dtotal_current - S.d_dthickness * dt * gp;
    const double sei_via_j = S.d_dstress * dsigma_dj - F * S.d_dtotal_current;
    const double di_s_dphi = (S.d_dpotential + sei_via_j * dj_dphi) / D2;
    const double di_s_dce  = (sei_via_j * dj_dce) / D2;
    const double di_s_dtr =
      (S.d_dstress * dsigma_dtr + sei_via_j * dj_dtr) / D2;

    const double moles = moles_old + dt * a_s * sei.sei_moles_rate(i_s);
    const double lost  = lost_old + dt * a_s * sei.lithium_loss_rate(i_s);
    const double pore =
      pore_old - dt * PorosityModel::sei_porosity_rate(a_s,
                                                       i_s,
                                                       sei.molar_volume,
                                                       sei.electrons);
    const double dpore_di =
      -dt * PorosityModel::sei_porosity_rate_derivative(a_s,
                                                        i_s,
                                                        sei.molar_volume,
                                                        sei.electrons);

    // ---- 4. Porosity -----------------------------------------------------
    const PorosityValue pv =
      porosity.evaluate(ps.average_concentration, trace_strain, pore);
    const double deps_dj = pv.d_dconcentration * ps.d_average_d_flux;

    // ---- Results ---------------------------------------------------------
    result.molar_flux                       = j;
    result.intercalation_current            = i_in;
    result.sei_current                      = i_s;
    result.volumetric_intercalation_current = a_s * i_in;
    result.volumetric_sei_current           = a_s * i_s;
    result.volumetric_current               = a_s * (i_in + i_s);
    result.electrolyte_lithium_source       = a_s * (i_in + i_s) / F;
    result.porosity                         = pv.value;
    result.surface_concentration            = ps.surface_concentration;
    result.average_concentration            = ps.average_concentration;
    result.hydrostatic_stress               = sigma;
    result.macroscopic_stress               = sigma_M;
    result.equilibrium_potential_shift      = shift_per_stress * sigma;
    result.sei_overpotential                = S.overpotential;

    auto &dI                        = result.d_volumetric_intercalation_current;
    dI.d_dpotential                 = -a_s * F * dj_dphi;
    dI.d_delectrolyte_concentration = -a_s * F * dj_dce;
    dI.d_dtrace_strain              = -a_s * F * dj_dtr;

    auto &dS                        = result.d_volumetric_sei_current;
    dS.d_dpotential                 = a_s * di_s_dphi;
    dS.d_delectrolyte_concentration = a_s * di_s_dce;
    dS.d_dtrace_strain              = a_s * di_s_dtr;

    auto &dQ        = result.d_electrolyte_lithium_source;
    dQ.d_dpotential = (dI.d_dpotential + dS.d_dpotential) / F;
    dQ.d_delectrolyte_concentration =
      (dI.d_delectrolyte_concentration + dS.d_delectrolyte_concentration) / F;
    dQ.d_dtrace_strain = (dI.d_dtrace_strain + dS.d_dtrace_strain) / F;

    auto &dC                        = result.d_average_concentration;
    dC.d_dpotential                 = ps.d_average_d_flux * dj_dphi;
    dC.d_delectrolyte_concentration = ps.d_average_d_flux * dj_dce;
    dC.d_dtrace_strain              = ps.d_average_d_flux * dj_dtr;

    auto &dE        = result.d_porosity;
    dE.d_dpotential = deps_dj * dj_dphi + pv.d_dsei_loss * dpore_di * di_s_dphi;
    dE.d_delectrolyte_concentration =
      deps_dj * dj_dce + pv.d_dsei_loss * dpore_di * di_s_dce;
    dE.d_dtrace_strain = pv.d_dtrace_strain + deps_dj * dj_dtr +
                         pv.d_dsei_loss * dpore_di * di_s_dtr;

    result.converged = flux_converged && ps.converged && sei_converged &&
                       std::isfinite(result.porosity);
    result.clogged       = pv.floor_hit;
    result.within_bounds = ps.within_bounds;

    // ---- Trial state (written last: it may alias committed) --------------
    if (trial.n_particle_values() != n)
      trial.reinit(n);
    trial.particle                     = std::move(cur.particle);
    trial.sei_thickness                = L;
    trial.sei_moles                    = moles;
    trial.lithium_lost                 = lost;
    trial.sei_pore_loss                = pore;
    trial.porosity                     = pv.value;
    trial.clogged                      = pv.floor_hit;
    trial.rates.intercalation_current  = i_in;
    trial.rates.sei_current            = i_s;
    trial.rates.volumetric_current     = a_s * (i_in + i_s);
    trial.rates.volumetric_sei_current = a_s * i_s;
    trial.rates.surface_concentration  = ps.surface_concentration;
    trial.rates.hydrostatic_stress     = sigma;
    trial.rates.macroscopic_stress     = sigma_M;
    return result;
  }
} // namespace chemomech
