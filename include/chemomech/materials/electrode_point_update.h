/**
 * @file electrode_point_update.h
 * @brief The implicit local update of one quadrature point of the porous
 * electrode over one time step: intercalation into the representative
 * particle, stress-coupled SEI growth, porosity, and the derivatives that
 * condense the local problem into the global Newton system.
 */
#ifndef chemomech_materials_electrode_point_update_h
#define chemomech_materials_electrode_point_update_h

#include <chemomech/materials/butler_volmer.h>
#include <chemomech/materials/electrode_point_state.h>
#include <chemomech/materials/electrode_stiffness.h>
#include <chemomech/materials/particle_surface_stress.h>
#include <chemomech/materials/polynomial_particle.h>
#include <chemomech/materials/porosity_model.h>
#include <chemomech/materials/representative_particle.h>
#include <chemomech/materials/sei_kinetics.h>

#include <memory>

namespace chemomech
{
  /**
   * @brief Derivatives of one local output with respect to the three field
   * values a quadrature point sees, condensed through the local solve.
   * Units: those of the output divided by those of the field.
   */
  struct PointFieldDerivatives
  {
    /// d / d (phi_s - phi_e). Units: output / V.
    double d_dpotential = 0;
    /// d / d c_e. Units: output / (mol/m^3).
    double d_delectrolyte_concentration = 0;
    /// d / d tr eps(u). Units: output.
    double d_dtrace_strain = 0;
  };

  /**
   * @brief What ElectrodePointUpdate::update() returns for one quadrature
   * point and one time step (sign conventions in ElectrodePointUpdate).
   */
  struct ElectrodePointResult
  {
    /// Intercalation current density i_int = -F j, anodic (delithiation)
    /// positive. Units: A/m^2 of particle surface.
    double intercalation_current = 0;
    /// SEI current density i_SEI, cathodic negative (<= 0). Units: A/m^2.
    double sei_current = 0;
    /// Inward molar flux into the particle j (> 0 lithiates). mol/(m^2 s).
    double molar_flux = 0;
    /// Specific area a_s. Units: 1/m.
    double specific_area = 0;
    /// a_s i_int. Units: A/m^3 of electrode.
    double volumetric_intercalation_current = 0;
    /// a_s i_SEI. Units: A/m^3.
    double volumetric_sei_current = 0;
    /**
     * a_s (i_int + i_SEI): charge passed from the solid into the
     * electrolyte per unit volume and time, the source of the phi_e
     * equation and the sink of the phi_s equation. Units: A/m^3.
     */
    double volumetric_current = 0;
    /**
     * Li+ released into the electrolyte, a_s (i_int + i_SEI) / F (the
     * intercalation releases a_s i_int / F, the SEI consumes a_s |i_SEI| / F).
     * The salt balance takes (1 - t+) times this. Units: mol/(m^3 s).
     */
    double electrolyte_lithium_source = 0;
    /// Porosity eps at the end of the step (after the floor). Units: none.
    double porosity = 0;
    /// Particle surface concentration c_surf at the end of the step. mol/m^3.
    double surface_concentration = 0;
    /// Particle average concentration c_avg at the end of the step. mol/m^3.
    double average_concentration = 0;
    /**
     * Particle-surface hydrostatic stress sigma_h,surf (tension > 0): the
     * particle's own diffusion-induced stress plus, with
     * macroscopic_stress, the solid-phase stress of the electrode
     * sigma_h,M. Units: Pa.
     */
    double hydrostatic_stress = 0;
    /// The macroscopic part sigma_h,M (0 unless macroscopic_stress). Pa.
    double macroscopic_stress = 0;
    /**
     * Shift of the equilibrium potential seen by Butler-Volmer,
     * Omega_mu sigma_h,surf / F (0 unless stress_shifted_potential). V.
     */
    double equilibrium_potential_shift = 0;
    /// SEI overpotential eta_SEI at the end of the step. Units: V.
    double sei_overpotential = 0;

    /// Condensed derivatives of volumetric_intercalation_current. A/m^3/...
    PointFieldDerivatives d_volumetric_intercalation_current;
    /// Condensed derivatives of volumetric_sei_current. A/m^3/...
    PointFieldDerivatives d_volumetric_sei_current;
    /// Condensed derivatives of electrolyte_lithium_source. mol/(m^3 s)/...
    PointFieldDerivatives d_electrolyte_lithium_source;
    /// Condensed derivatives of porosity. 1/...
    PointFieldDerivatives d_porosity;
    /**
     * Condensed derivatives of average_concentration (the particle's mean
     * lithium concentration, which drives the electrode's swelling).
     * mol/m^3/...
     */
    PointFieldDerivatives d_average_concentration;

    /// Newton iterations of the intercalation flux j.
    unsigned int flux_iterations = 0;
    /// Newton iterations of the SEI pair (i_SEI, L_SEI).
    unsigned int sei_iterations = 0;
    /// Whether the j iteration, every particle step and the SEI iteration
    /// converged. If false the trial state holds the last iterate.
    bool converged = false;
    /// Whether the porosity sits on the floor eps_min (pore clogging).
    bool clogged = false;
    /// Whether all particle concentrations lie in [0, c_max].
    bool within_bounds = true;
  };

  /**
   * @brief The implicit (backward Euler) update of one quadrature point of
   * the porous electrode over one time step dt, physics only (no FE).
   *
   * <h3>Sign conventions</h3>
   * - phi_s - phi_e (V) is the local potential difference solid minus
   *   electrolyte.
   * - Intercalation current density i_int (A/m^2 of particle surface)
   *   follows ButlerVolmer: anodic positive, i.e. i_int > 0 is
   *   delithiation, positive charge (Li+) leaving the solid into the
   *   electrolyte. The inward molar flux into the particle
   *   (RepresentativeParticle, PolynomialParticle) is therefore
   *   j = -i_int / F (mol/(m^2 s), > 0 lithiates). Lithiation needs
   *   phi_s - phi_e < U(c_surf).
   * - SEI current density i_SEI (A/m^2) follows SEIKinetics: cathodic, so
   *   i_SEI <= 0 always; each electron consumes one Li+ from the
   *   electrolyte (lithium lost |i_SEI| / F, SEI formed |i_SEI| / (n F)).
   * - The total interfacial current i_int + i_SEI is anodic positive; it
   *   is the j_tot in the SEI film-resistance term of SEIKinetics.
   * - Volumetric terms are multiplied by a_s = 3 eps_a / R
   *   (EffectiveProperties::specific_area with the active fraction
   *   eps_a = PorosityModel::active_fraction() and the particle radius R),
   *   held at its reference value (swelling of the particles does not
   *   change a_s here).
   * - Hydrostatic stress sigma_h: tension positive; compression slows SEI
   *   growth (SEIKinetics stress factor).
   *
   * <h3>Local problem</h3>
   * Given the committed state (c^n, L^n, eps^n, ...), dt, phi_s - phi_e,
   * c_e and tr eps(u):
   * 1. Intercalation: find j with
   *      R_1(j) = F j + i_BV(phi_s - phi_e - dU(j), c_e, c_surf(j)) = 0,
   *    c_surf(j), c_avg(j) the surface and average concentrations after
   *    the particle step under j from the committed particle state and
   *    dU(j) = Omega_mu sigma_h,surf(j) / F the stress shift of the
   *    equilibrium potential (0 unless stress_shifted_potential): the
   *    overpotential is phi_s - phi_e - (U(x_surf) + dU). Scalar Newton on
   *    j with dR_1/dj = F + (d i_BV/d c_surf) (d c_surf/d j)
   *    - (d i_BV/d eta) (Omega_mu/F) d sigma_h,surf/dj, the derivatives from
   *    the particle's converged step, a backtracking line search on |R_1|
   *    and a bisection safeguard once a sign change is bracketed; start
   *    j = 0. Converged when |R_1| <= tol (F |j| + i_0) plus the error the
   *    particle's own tolerance leaves in c_surf. The reported
   *    i_int = -F j (not i_BV) so that the particle inventory and the
   *    current balance agree to round-off.
   * 2. Stress at the particle surface (doc/electrode-model.md section 2b):
   *      sigma_h,surf = 2 E Omega (c_avg - c_surf) / (9 (1 - nu))
   *                     + sigma_h,M,
   *    the first term the particle's own stress (ParticleSurfaceStress),
   *    sigma_h,M = K(eps^n) (tr eps - 3 e*(c_avg)) / (1 - eps^n) the
   *    solid-phase hydrostatic stress of the electrode
   *    (ElectrodeStiffness::solid_hydrostatic_stress(), e* from
   *    PorosityModel::swelling_strain()) when macroscopic_stress is set.
   *    The stiffness is taken at the committed porosity eps^n (lagged one
   *    step), the same the electrode's momentum balance uses.
   * 3. SEI, backward Euler with the rate at the END-OF-STEP thickness:
   *    the pair (i_SEI, L) solves
   *      i_SEI = j_SEI(phi_s - phi_e, L, sigma_h, i_int + i_SEI),
   *      L = L^n + dt V_SEI |i_SEI| / (n F),
   *    by a 2x2 Newton iteration (start L = L^n; L is kept >= L^n). For a
   *    reaction-limited film without film resistance this is explicit; for
   *    diffusion limitation it is the implicit scheme
   *    L^2 - L^n L = dt V_SEI D_solv c_solv, first order in dt (it
   *    underestimates L^2 by about V_SEI D_solv c_solv dt ln(L/L_0)).
   *    Then SEI moles += dt a_s |i_SEI|/(nF), lithium lost
   *    += dt a_s |i_SEI| / F and Delta_SEI += dt V_SEI a_s |i_SEI| / (n F)
   *    (planar film: Delta_SEI - Delta_SEI^n = a_s (L - L^n)).
   * 4. Porosity: eps = PorosityModel::evaluate(c_avg, tr eps, Delta_SEI)
   *    (swelling from c_avg, SEI pore loss, floor eps_min); clogged when on
   *    the floor (porosity held there, derivatives zero; the caller decides
   *    whether to stop).
   *
   * The intercalation overpotential is that of ButlerVolmer,
   * phi_s - phi_e - U(c_surf): the film resistance enters only eta_SEI.
   *
   * <h3>Condensed derivatives</h3>
   * With I = i_BV and its partial derivatives at the solution,
   *   dj/dp = -(dR_1/dp) / (dR_1/dj),  p = phi_s - phi_e, c_e, tr eps,
   * dR_1/dp = dI/dp for the potential and c_e, and
   * dR_1/d tr = -(dI/deta) (Omega_mu/F) K/(1 - eps^n) (the formula of
   * doc/electrode-model.md section 6), d i_int/dp = -F dj/dp,
   * d sigma_h,surf/dp = (partial d sigma/dp) + (d sigma/dj) dj/dp. The SEI
   * pair gives, with S = j_SEI and its partials S_phi, S_L, S_sigma, S_tot,
   *   d i_SEI/dp = [S_phi dp_phi + S_sigma (partial d sigma/dp)
   *                 + (S_sigma dsigma/dj - F S_tot) dj/dp]
   *                / (1 - S_tot - S_L dt V_SEI' ),
   * V_SEI' = d(V_SEI |i|/(nF))/di, and
   *   d eps/dp = eps_c (dc_avg/dj) dj/dp + eps_tr dp_tr
   *              + eps_Delta dt a_s V_SEI' d i_SEI/dp.
   * tr eps(u) enters the porosity (mixture kinematics) and, with
   * macroscopic_stress, sigma_h,M and through it everything else.
   *
   * <h3>Conservation</h3>
   * With the implicit Euler particle, per step and unit electrode volume
   *   eps_a (c_avg^{n+1} - c_avg^n) + (lost^{n+1} - lost^n)
   *     = -dt a_s (i_int + i_SEI) / F
   * to round-off (solid_lithium() is eps_a c_avg). With BDF2 the particle
   * inventory follows the BDF2 weights of the flux history instead.
   *
   * The class holds only parameters; update() is const and thread-safe
   * if the diffusivity and OCP callbacks are.
   */
  class ElectrodePointUpdate
  {
  public:
    /**
     * @brief With the resolved particle.
     * @param particle Resolved representative particle (copied).
     * @param kinetics Intercalation kinetics (insertion).
     * @param sei SEI growth law.
     * @param porosity Porosity law.
     * @param surface_stress Surface stress of the particle (E, nu, Omega).
     */
    ElectrodePointUpdate(const RepresentativeParticle &particle,
                         const ButlerVolmer           &kinetics,
                         const SEIKinetics            &sei,
                         const PorosityModel          &porosity,
                         const ParticleSurfaceStress  &surface_stress);

    /// With the polynomial particle (copied); otherwise as above.
    ElectrodePointUpdate(const PolynomialParticle    &particle,
                         const ButlerVolmer          &kinetics,
                         const SEIKinetics           &sei,
                         const PorosityModel         &porosity,
                         const ParticleSurfaceStress &surface_stress);

    /// Which particle model is used.
    ParticleModel
    particle_model() const;

    /// Particle radius R. Units: m.
    double
    particle_radius() const;

    /// Maximum particle concentration c_max. Units: mol/m^3.
    double
    max_concentration() const;

    /// n, the particle values per point (shells, or 1 for polynomial).
    unsigned int
    n_particle_values() const;

    /// a_s = 3 eps_a / R with eps_a = porosity.active_fraction(). 1/m.
    double
    specific_area() const;

    /**
     * @brief Initial state: uniform particle at @p particle_concentration
     * (mol/m^3), L_SEI = sei.initial_thickness, no SEI grown, porosity from
     * the swelling law at @p trace_strain (none), floor applied.
     */
    ElectrodePointState
    initial_state(const double particle_concentration,
                  const double trace_strain = 0) const;

    /// Lithium in the particles per unit electrode volume, eps_a c_avg.
    /// Units: mol/m^3.
    double
    solid_lithium(const ElectrodePointState &state) const;

    /// Particle average concentration c_avg of @p state. Units: mol/m^3.
    double
    average_concentration(const ElectrodePointState &state) const;

    /**
     * @brief The local update over one step (see class doc).
     * @param committed State at the start of the step (not modified).
     * @param time_step dt > 0. Units: s.
     * @param potential_difference phi_s - phi_e. Units: V.
     * @param electrolyte_concentration c_e. Units: mol/m^3.
     * @param trace_strain tr eps(u), for the mixture porosity and the
     * macroscopic stress (ignored with fixed_volume kinematics and
     * macroscopic_stress off). Units: none.
     * @param[out] trial State at the end of the step (may alias
     * @p committed); on failure the last iterate.
     */
    ElectrodePointResult
    update(const ElectrodePointState &committed,
           const double               time_step,
           const double               potential_difference,
           const double               electrolyte_concentration,
           const double               trace_strain,
           ElectrodePointState       &trial) const;

    /// Intercalation kinetics (set its temperature). Units: see ButlerVolmer.
    ButlerVolmer kinetics;
    /// SEI growth (set its temperature). Units: see SEIKinetics.
    SEIKinetics sei;
    /// Porosity law. Units: see PorosityModel.
    PorosityModel porosity;
    /// Particle-surface stress. Units: see ParticleSurfaceStress.
    ParticleSurfaceStress surface_stress;
    /// Tolerance of the j iteration, |R_1| <= tol (F|j| + i_0). Units: none.
    double flux_tolerance = 1e-13;
    /// Tolerance of the SEI pair, relative to |i_SEI| and L. Units: none.
    double sei_tolerance = 1e-13;
    /// Maximum Newton iterations of each local iteration.
    unsigned int max_iterations = 60;
    /// Whether the SEI grows at all (false: i_SEI = 0, L_SEI fixed, e.g. on
    /// a positive electrode).
    bool sei_enabled = true;
    /**
     * Whether sigma_h,surf shifts the equilibrium potential seen by
     * Butler-Volmer to U(x_surf) + Omega_mu sigma_h,surf / F (tension
     * raises it).
     */
    bool stress_shifted_potential = false;
    /**
     * Whether the solid-phase stress of the electrode sigma_h,M adds to
     * sigma_h,surf (in the equilibrium potential if shifted, and in the SEI
     * stress factor).
     */
    bool macroscopic_stress = false;
    /// Omega_mu in mu = mu0 - Omega_mu sigma_h. Units: m^3/mol.
    double coupling_molar_volume = 0;
    /// Effective stiffness of the electrode (for sigma_h,M). Units: Pa.
    ElectrodeStiffness stiffness;

  private:
    /// One evaluation of the intercalation residual R(j) = F j + i_BV.
    struct FluxIterate
    {
      /// Inward molar flux. Units: mol/(m^2 s).
      double j = 0;
      /// R(j). Units: A/m^2.
      double R = 0;
      /// The particle after the step under j.
      ParticleState particle;
      /// The particle step's surface and average values and derivatives.
      ParticleStepResult step;
      /// Butler-Volmer current at the step's surface concentration.
      KineticsCurrent bv;
      /// sigma_h,surf after the step (self + macroscopic). Units: Pa.
      double sigma = 0;
      /// d sigma_h,surf / dj. Units: Pa m^2 s/mol.
      double dsigma_dj = 0;
      /// d R / dj. Units: A s/mol.
      double dR_dj = 0;
      /// The macroscopic part sigma_h,M of sigma. Units: Pa.
      double sigma_macro = 0;
    };

    /// What the flux iteration needs of the electrode's stress state.
    struct MacroscopicLoad
    {
      /// tr eps(u). Units: none.
      double trace_strain = 0;
      /// The committed porosity eps^n (of the stiffness). Units: none.
      double porosity = 0;
    };

    /**
     * Step 1 of update(): the intercalation flux j with
     * R(j) = F j + i_BV(phi_s - phi_e, c_e, c_surf(j)) = 0 by a bracketed,
     * damped scalar Newton method from j = 0. @p converged tells whether
     * it met flux_tolerance (false also if the first particle step failed);
     * @p iterations counts the Newton steps.
     */
    FluxIterate
    solve_flux(const ParticleState   &committed,
               const double           time_step,
               const double           potential_difference,
               const double           electrolyte_concentration,
               const MacroscopicLoad &load,
               bool                  &converged,
               unsigned int          &iterations) const;

    /**
     * Step 3 of update(): the SEI pair (i_SEI, L_SEI) by backward Euler at
     * the end-of-step thickness, from @p L_old (m), under the surface stress
     * @p sigma (Pa) and the intercalation current @p i_int (A/m^2). On
     * return @p L, @p i_s and @p S hold the last iterate; returns whether
     * it converged (true at once without SEI growth).
     */
    bool
    solve_sei(const double  time_step,
              const double  potential_difference,
              const double  L_old,
              const double  sigma,
              const double  i_int,
              double       &L,
              double       &i_s,
              SEICurrent   &S,
              unsigned int &iterations) const;

    /**
     * sigma_h,surf, its macroscopic part and its derivative by j (into
     * @p it) after the particle step in @p it under @p load. Units: Pa.
     */
    void
    surface_stress_of(FluxIterate &it, const MacroscopicLoad &load) const;

    /// One particle step under the inward flux @p j (mol/(m^2 s)).
    ParticleStepResult
    particle_step(const ParticleState &old,
                  const double         time_step,
                  const double         j,
                  ParticleState       &trial) const;

    /// The particle model (resolved or polynomial).
    std::shared_ptr<const ParticleDiffusion> particle;
  };
} // namespace chemomech

#endif
