// Unit tests of the SEI growth law (SEIKinetics) against closed forms and
// central finite differences: reaction-limited, diffusion-limited and mixed
// growth, the film resistance, the stress factor and the rates of SEI moles,
// lithium loss and film thickness.
#include <chemomech/core/physical_constants.h>
#include <chemomech/materials/sei_kinetics.h>

#include <deal.II/base/mpi.h>

#include <cmath>
#include <functional>
#include <string>

#include "test_tools.h"

using namespace chemomech;
using namespace dealii;
using chemomech_test::fd;
using chemomech_test::sci;

int
main(int argc, char **argv)
{
  Utilities::MPI::MPI_InitFinalize mpi(argc, argv, 1);
  chemomech_test::Checks           check;
  const double                     T  = 298.15;
  const double                     R  = constants::gas_constant;
  const double                     F  = constants::faraday;
  const double                     RT = R * T;

  // SEI kinetics.
  {
    SEIKinetics s; // defaults: n = 2, k = 1e-12, c = 2636, D = 2.5e-22, ...
    s.temperature  = T;
    const double n = 2, k = 1e-12, c = 2636, D = 2.5e-22, ac = 0.5, U = 0.4,
                 V = 9.585e-5, Om = 9.585e-5;
    // phi_s - phi_e = 0.3 V (eta_SEI = -0.1 V) for the derivative checks,
    // 0.45 V (eta_SEI = +0.05 V, |j| ~ 7e-5 A/m^2) for the growth checks.
    double       dphi = 0.3;
    const double L0   = 5e-9;

    // derivatives against central differences, every model, film term on
    s.resistivity = 2e5;
    for (const auto model : {SEIGrowthModel::reaction_limited,
                             SEIGrowthModel::diffusion_limited,
                             SEIGrowthModel::mixed})
      {
        s.model               = model;
        s.solvent_diffusivity = (model == SEIGrowthModel::mixed) ? 1e-19 : D;
        const std::string tag = model == SEIGrowthModel::mixed ? "mixed" :
                                model == SEIGrowthModel::diffusion_limited ?
                                                                 "diffusion" :
                                                                 "reaction";
        const double      L = 2e-8, sh = -5e7, jt = -3.0;
        const SEICurrent  r    = s.current(dphi, L, sh, jt);
        const double      jref = std::abs(r.current);
        check.near(tag + " dj/d(phi_s-phi_e) (FD)",
                   r.d_dpotential,
                   fd([&](double x) { return s.current(x, L, sh, jt).current; },
                      dphi,
                      1e-6),
                   1e-6,
                   jref);
        check.near(
          tag + " dj/dL (FD)",
          r.d_dthickness,
          fd([&](double x) { return s.current(dphi, x, sh, jt).current; },
             L,
             1e-13),
          1e-6,
          jref / L);
        check.near(tag + " dj/dsigma_h (FD)",
                   r.d_dstress,
                   fd([&](
                        double x) { return s.current(dphi, L, x, jt).current; },
                      sh,
                      1e3),
                   1e-6,
                   jref * 1e-9);
        check.near(tag + " dj/dj_tot (FD)",
                   r.d_dtotal_current,
                   fd([&](
                        double x) { return s.current(dphi, L, sh, x).current; },
                      jt,
                      1e-4),
                   1e-6,
                   jref * 1e-3);
      }
    s.resistivity         = 0;
    s.solvent_diffusivity = D;
    dphi                  = 0.45;

    // reaction limited: L = L0 + V |j| t / (nF), |j| = nF k c exp(-ac nF
    // eta/RT)
    {
      s.model = SEIGrowthModel::reaction_limited;
      const double j_ref =
        n * F * k * c * std::exp(-ac * n * F * (dphi - U) / RT);
      const double       t_end = 3.6e6;
      const unsigned int steps = 1000;
      double             L     = L0;
      for (unsigned int i = 0; i < steps; ++i)
        L += t_end / steps * s.thickness_rate(s.current(dphi, L, 0).current);
      check.near("reaction-limited |j| closed form",
                 std::abs(s.current(dphi, L0, 0).current),
                 j_ref,
                 1e-12);
      check.near("reaction-limited SEI grows linearly",
                 L,
                 L0 + V * j_ref * t_end / (n * F),
                 1e-10);
    }
    // diffusion limited, implicit Euler with Newton: L^2 = L0^2 + 2 V D c t
    {
      s.model                  = SEIGrowthModel::diffusion_limited;
      const double       t_end = 1e6;
      const unsigned int steps = 20000;
      const double       dt    = t_end / steps;
      double             L     = L0;
      for (unsigned int i = 0; i < steps; ++i)
        {
          double Lnew = L;
          for (unsigned int it = 0; it < 20; ++it)
            {
              const SEICurrent r = s.current(dphi, Lnew, 0);
              const double res   = Lnew - L - dt * s.thickness_rate(r.current);
              const double jac   = 1 - dt *
                                       s.thickness_rate_derivative(r.current) *
                                       r.d_dthickness;
              Lnew -= res / jac;
              if (std::abs(res) < 1e-22)
                break;
            }
          L = Lnew;
        }
      check.near("diffusion-limited SEI grows as sqrt",
                 L,
                 std::sqrt(L0 * L0 + 2 * V * D * c * t_end),
                 1e-3);
    }
    // mixed tends to its limits
    {
      s.model               = SEIGrowthModel::mixed;
      s.solvent_diffusivity = 1e-8;
      SEIKinetics reaction  = s;
      reaction.model        = SEIGrowthModel::reaction_limited;
      check.near("mixed -> reaction limited for large D",
                 s.current(dphi, L0, 0).current,
                 reaction.current(dphi, L0, 0).current,
                 1e-6);
      s.solvent_diffusivity = D;
      s.rate_constant       = 1e3;
      SEIKinetics diffusion = s;
      diffusion.model       = SEIGrowthModel::diffusion_limited;
      check.near("mixed -> diffusion limited for large k",
                 s.current(dphi, L0, 0).current,
                 diffusion.current(dphi, L0, 0).current,
                 1e-6);
      s.rate_constant = k;
    }
    // stress shift: compression slows, ratio exp(2 ac Om 1e8 / RT)
    {
      s.model            = SEIGrowthModel::reaction_limited;
      const double j_ten = s.current(dphi, L0, 1e8).current;
      const double j_com = s.current(dphi, L0, -1e8).current;
      check.near("SEI rate ratio +100 MPa / -100 MPa",
                 j_ten / j_com,
                 std::exp(2 * ac * Om * 1e8 / RT),
                 1e-12);
      check.is_true("compression gives the smaller SEI rate",
                    std::abs(j_com) <
                        std::abs(s.current(dphi, L0, 0).current) &&
                      std::abs(s.current(dphi, L0, 0).current) <
                        std::abs(j_ten));
      s.stress_coupling = false;
      check.near("stress coupling off: no shift",
                 s.current(dphi, L0, 1e8).current,
                 s.current(dphi, L0, -1e8).current,
                 1e-14);
      s.stress_coupling = true;
    }
    // growth and inventory rates
    check.near("dL/dt = V |j|/(nF)",
               s.thickness_rate(-3e-6),
               V * 3e-6 / (n * F),
               1e-14);
    check.near("SEI moles rate |j|/(nF)",
               s.sei_moles_rate(-3e-6),
               3e-6 / (n * F),
               1e-14);
    check.near("lithium loss rate |j|/F",
               s.lithium_loss_rate(-3e-6),
               3e-6 / F,
               1e-14);
    check.near("d(dL/dt)/dj (FD)",
               s.thickness_rate_derivative(-3e-6),
               fd([&](double j) { return s.thickness_rate(j); }, -3e-6, 1e-9),
               1e-8);
  }


  return check.finish();
}
