// Test helper: constant-flux steps of a representative particle.
#ifndef chemomech_tests_particle_steps_h
#define chemomech_tests_particle_steps_h

#include <chemomech/materials/particle_diffusion.h>

#include <deal.II/base/exceptions.h>

namespace chemomech_test
{
  /// Runs @p n steps of @p dt (s) under the inward flux @p j (mol/(m^2 s))
  /// from @p state (updated); returns the last step's result.
  inline chemomech::ParticleStepResult
  run_constant_flux(const chemomech::ParticleDiffusion &p,
                    chemomech::ParticleState           &state,
                    const double                        dt,
                    const double                        j,
                    const unsigned int                  n)
  {
    chemomech::ParticleStepResult r;
    chemomech::ParticleState      trial;
    for (unsigned int k = 0; k < n; ++k)
      {
        r = p.solve_step(state, dt, j, trial);
        AssertThrow(r.converged,
                    dealii::ExcMessage("particle step did not converge"));
        state = trial;
      }
    return r;
  }
} // namespace chemomech_test

#endif
