// Test helpers of the quadrature-point level of the porous electrode: the
// laws of one graphite-like point, a stepping loop, and the central
// finite-difference check of every condensed derivative of
// ElectrodePointUpdate::update().
#ifndef chemomech_tests_point_update_helpers_h
#define chemomech_tests_point_update_helpers_h

#include <chemomech/materials/butler_volmer.h>
#include <chemomech/materials/electrode_point_state.h>
#include <chemomech/materials/electrode_point_update.h>
#include <chemomech/materials/particle_surface_stress.h>
#include <chemomech/materials/polynomial_particle.h>
#include <chemomech/materials/porosity_model.h>
#include <chemomech/materials/representative_particle.h>
#include <chemomech/materials/sei_kinetics.h>

#include <cmath>
#include <functional>
#include <iomanip>
#include <sstream>
#include <string>
#include <vector>

#include "test_tools.h"

namespace point_test
{
  using namespace chemomech;
  using chemomech_test::fd;
  using chemomech_test::sci;

  constexpr double c_max  = 30555;  // mol/m^3
  constexpr double radius = 5e-6;   // m
  constexpr double T      = 298.15; // K

  /// D(c) = D0 (1 + 0.5 x), x = c / c_max (m^2/s).
  inline DiffusivityFunction
  variable_diffusivity()
  {
    return [](const double c) {
      const double D0 = 3.9e-14;
      return DiffusivityValue{D0 * (1 + 0.5 * c / c_max), 0.5 * D0 / c_max};
    };
  }

  /// Insertion kinetics with a smooth graphite-like OCP, i0 ~ 1 A/m^2.
  inline ButlerVolmer
  kinetics()
  {
    ButlerVolmer bv;
    bv.model             = KineticsModel::insertion;
    bv.rate_constant     = 2e-11;
    bv.max_concentration = c_max;
    bv.temperature       = T;
    bv.set_open_circuit_potential("0.12 + 0.6*exp(-12*x) - 0.05*x");
    return bv;
  }

  /// Mixed SEI with stress coupling and film resistance.
  inline SEIKinetics
  sei_mixed()
  {
    SEIKinetics s;
    s.model               = SEIGrowthModel::mixed;
    s.rate_constant       = 1e-16; // 1/k_f ~ L/D_solv: both limits matter
    s.solvent_diffusivity = 1e-19;
    s.resistivity         = 2e6;
    s.stress_coupling     = true;
    s.temperature         = T;
    return s;
  }

  inline PorosityModel
  porosity_mixture()
  {
    PorosityModel p; // eps_0 = 0.35, eps_a = 0.5
    p.kinematics              = PorosityKinematics::mixture;
    p.reference_concentration = 0;
    return p;
  }

  inline ParticleSurfaceStress
  stress()
  {
    return ParticleSurfaceStress(15e9, 0.3, 3.5e-6);
  }

  inline RepresentativeParticle
  resolved_particle(
    const ParticleTimeScheme scheme = ParticleTimeScheme::implicit_euler)
  {
    return RepresentativeParticle(radius,
                                  c_max,
                                  variable_diffusivity(),
                                  20,
                                  scheme);
  }

  /// Bitwise equality of the packed values of two states.
  inline bool
  same_state(const ElectrodePointState &a, const ElectrodePointState &b)
  {
    if (a.number_of_values() != b.number_of_values())
      return false;
    std::vector<double> va(a.number_of_values()), vb(b.number_of_values());
    a.pack_values(va);
    b.pack_values(vb);
    return va == vb &&
           a.particle.previous_concentration.size() ==
             b.particle.previous_concentration.size() &&
           a.clogged == b.clogged;
  }

  /// Runs @p steps steps of length @p dt at fixed fields, committing each.
  inline ElectrodePointState
  run(const ElectrodePointUpdate &u,
      ElectrodePointState         state,
      const unsigned int          steps,
      const double                dt,
      const double                dphi,
      const double                ce,
      const double                tr = 0)
  {
    ElectrodePointState trial;
    for (unsigned int s = 0; s < steps; ++s)
      {
        u.update(state, dt, dphi, ce, tr, trial);
        state = trial;
      }
    return state;
  }

  /// FD checks of every returned derivative for one update configuration.
  inline void
  check_derivatives(chemomech_test::Checks     &check,
                    const std::string          &label,
                    const ElectrodePointUpdate &u,
                    const ElectrodePointState  &committed,
                    const double                dt,
                    const double                dphi,
                    const double                ce,
                    const double                tr)
  {
    ElectrodePointState        trial;
    const ElectrodePointResult r = u.update(committed, dt, dphi, ce, tr, trial);
    check.is_true(label + ": base update converged", r.converged);

    using Output = std::function<double(const ElectrodePointResult &)>;
    using Deriv  = std::function<double(const PointFieldDerivatives &)>;
    struct Quantity
    {
      std::string name;
      Output      value;
      std::function<const PointFieldDerivatives &(const ElectrodePointResult &)>
        derivatives;
    };
    const std::vector<Quantity> quantities = {
      {"a_s i_int",
       [](const ElectrodePointResult &x) {
         return x.volumetric_intercalation_current;
       },
       [](const ElectrodePointResult &x) -> const PointFieldDerivatives & {
         return x.d_volumetric_intercalation_current;
       }},
      {"a_s i_SEI",
       [](const ElectrodePointResult &x) { return x.volumetric_sei_current; },
       [](const ElectrodePointResult &x) -> const PointFieldDerivatives & {
         return x.d_volumetric_sei_current;
       }},
      {"Li source",
       [](const ElectrodePointResult &x) {
         return x.electrolyte_lithium_source;
       },
       [](const ElectrodePointResult &x) -> const PointFieldDerivatives & {
         return x.d_electrolyte_lithium_source;
       }},
      {"porosity",
       [](const ElectrodePointResult &x) { return x.porosity; },
       [](const ElectrodePointResult &x) -> const PointFieldDerivatives & {
         return x.d_porosity;
       }}};

    // field name, step, characteristic scale, perturbed update, derivative
    struct Field
    {
      std::string                                 name;
      double                                      h;
      double                                      scale;
      std::function<ElectrodePointResult(double)> at;
      Deriv                                       pick;
    };
    const std::vector<Field> fields = {
      {"phi_s-phi_e",
       1e-5,
       0.0257,
       [&](const double d) {
         ElectrodePointState t;
         return u.update(committed, dt, dphi + d, ce, tr, t);
       },
       [](const PointFieldDerivatives &d) { return d.d_dpotential; }},
      {"c_e",
       1e-4 * ce,
       ce,
       [&](const double d) {
         ElectrodePointState t;
         return u.update(committed, dt, dphi, ce + d, tr, t);
       },
       [](const PointFieldDerivatives &d) {
         return d.d_delectrolyte_concentration;
       }},
      {"tr eps",
       1e-6,
       1.0,
       [&](const double d) {
         ElectrodePointState t;
         return u.update(committed, dt, dphi, ce, tr + d, t);
       },
       [](const PointFieldDerivatives &d) { return d.d_dtrace_strain; }}};

    for (const Field &f : fields)
      {
        const ElectrodePointResult rp = f.at(f.h), rm = f.at(-f.h);
        check.is_true(label + ": perturbed updates (" + f.name + ") converged",
                      rp.converged && rm.converged);
        for (const Quantity &q : quantities)
          {
            const double fd = (q.value(rp) - q.value(rm)) / (2 * f.h);
            const double an = f.pick(q.derivatives(r));
            // Entries that vanish identically are compared on the scale
            // 1e-8 |output| / (field scale).
            check.near(label + ": d(" + q.name + ")/d(" + f.name +
                         ") vs central FD",
                       an,
                       fd,
                       1e-6,
                       1e-8 * std::abs(q.value(r)) / f.scale);
          }
      }
  }
} // namespace point_test

#endif
