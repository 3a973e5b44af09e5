// Unit tests of the porosity law (PorosityModel) against closed forms and
// central finite differences: the worked example 0.35 -> 0.285, the
// fixed-volume and mixture swelling laws, the SEI pore loss per reference
// volume (J eps = J - eps_i - eps_a (1 + beta dc) - Delta_SEI exactly), the
// SEI porosity rate and the clogging floor.
#include <chemomech/core/physical_constants.h>
#include <chemomech/materials/effective_properties.h>
#include <chemomech/materials/porosity_model.h>

#include <deal.II/base/mpi.h>

#include <cmath>
#include <functional>
#include <iomanip>
#include <sstream>
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
  const double                     F = constants::faraday;

  // Worked example 0.35 -> 0.285, D_eff ratio 0.551.
  {
    // eps_0 = 0.225 + 0.625*0.2 = 0.35; alpha (1 - eps_m) = 0.5;
    // Delta eps = 0.5 * 4e-6 * 32500 = 0.065 -> eps = 0.285.
    PorosityModel p;
    p.macro_porosity          = 0.225;
    p.micro_porosity          = 0.2;
    p.agglomerate_fraction    = 0.625;
    p.vegard_coefficient      = 4e-6;
    p.reference_concentration = 0;
    p.minimum_porosity        = 0.01;
    check.near("eps_0 = eps_M + alpha eps_m",
               p.reference_porosity(),
               0.35,
               1e-14);
    const double eps = p.evaluate(32500).value;
    check.near("swelling takes eps to 0.285", eps, 0.285, 1e-12);
    EffectiveProperties eff(1.9, 0.5);
    const double ratio = eff.electrolyte(1, eps) / eff.electrolyte(1, 0.35);
    check.near("D_eff ratio (0.285/0.35)^2.9 = 0.551", ratio, 0.551, 1e-3);
    check.near("D_eff ratio vs pow", ratio, std::pow(0.285 / 0.35, 2.9), 1e-12);

    // closed form eps_0 - alpha (1 - eps_m) beta (c - c0), c0 = 1000
    p.reference_concentration = 1000;
    for (const double c : {0.0, 5000.0, 20000.0})
      check.near("swelling closed form at c = " + std::to_string(c),
                 p.swelling_porosity(c),
                 0.35 - 0.625 * 0.8 * 4e-6 * (c - 1000),
                 1e-13);
    // integrate d eps / d c (trapezoid) from c0 to 20000
    {
      const unsigned int n   = 1000;
      double             e   = 0.35;
      const double       dcs = (20000.0 - 1000.0) / n;
      for (unsigned int i = 0; i < n; ++i)
        {
          const double c0 = 1000 + i * dcs;
          e += 0.5 * dcs *
               (p.swelling_derivative_concentration(c0) +
                p.swelling_derivative_concentration(c0 + dcs));
        }
      check.near("integral of d eps/dc = closed form",
                 e,
                 0.35 - 0.5 * 4e-6 * 19000,
                 1e-12);
    }
    check.near("fixed volume d eps/dc (FD)",
               p.evaluate(8000).d_dconcentration,
               fd([&](double c) { return p.swelling_porosity(c); }, 8000, 1),
               1e-8);

    // mixture kinematics
    PorosityModel m = p;
    m.kinematics    = PorosityKinematics::mixture;
    check.near("mixture with tr eps = 0 equals linear law",
               m.swelling_porosity(12000, 0),
               p.swelling_porosity(12000),
               1e-14);
    // no inert solid: eps = 1 - (1 - eps_0)(1 + beta dc)/(1 + tr)
    {
      PorosityModel q        = m;
      q.macro_porosity       = 0.1;
      q.micro_porosity       = 0.25 / 0.9; // alpha eps_m = 0.25
      q.agglomerate_fraction = 0.9;        // eps_i = 0
      const double bdc       = 4e-6 * (12000 - 1000);
      check.near("mixture, no inert solid: 1 - (1-eps0)(1+b dc)/(1+tr)",
                 q.swelling_porosity(12000, 0.02),
                 1 - (1 - 0.35) * (1 + bdc) / 1.02,
                 1e-12);
    }
    // first order: eps ~ eps_lin + (1 - eps_0) tr, error second order
    for (const double h : {1e-3, 1e-4})
      {
        const double c   = 1000 + h / 4e-6; // beta dc = h
        const double lin = p.swelling_porosity(c) + (1 - 0.35) * h;
        const double err = std::abs(m.swelling_porosity(c, h) - lin);
        check.is_true("mixture = linear law to first order (h = " +
                        std::to_string(h) + ")",
                      err <= 2 * h * h,
                      "error " + sci(err) + " <= 2 h^2 = " + sci(2 * h * h));
      }
    check.near("mixture d eps/dc (FD)",
               m.evaluate(9000, 0.03).d_dconcentration,
               fd([&](double c) { return m.swelling_porosity(c, 0.03); },
                  9000,
                  1),
               1e-8);
    check.near("mixture d eps/d tr (FD)",
               m.evaluate(9000, 0.03).d_dtrace_strain,
               fd([&](double t) { return m.swelling_porosity(9000, t); },
                  0.03,
                  1e-6),
               1e-8);
    check.near("d eps/d SEI loss",
               p.evaluate(9000, 0, 0.01).d_dsei_loss,
               -1,
               0);

    // SEI porosity rate
    const double a_s = 3 * 0.5 / 5e-6, V = 9.585e-5;
    check.near("SEI d eps/dt = -V a_s |j|/(nF)",
               PorosityModel::sei_porosity_rate(a_s, -2e-6, V, 2),
               -V * a_s * 2e-6 / (2 * F),
               1e-14);
    check.near(
      "d (SEI d eps/dt)/d j (FD)",
      PorosityModel::sei_porosity_rate_derivative(a_s, -2e-6, V, 2),
      fd([&](
           double j) { return PorosityModel::sei_porosity_rate(a_s, j, V, 2); },
         -2e-6,
         1e-9),
      1e-8);

    // floor
    const PorosityValue f = p.evaluate(9000, 0, 0.5);
    check.is_true("floor hit and held at eps_min",
                  f.floor_hit && f.value == 0.01 && f.d_dconcentration == 0 &&
                    f.d_dsei_loss == 0);
    bool hit = true;
    check.is_true("floor not hit above eps_min",
                  p.apply_floor(0.2, hit) == 0.2 && !hit);
    p.minimum_porosity = 0;
    check.is_true("porosity never negative",
                  p.evaluate(1e6, 0, 2).value == 0 &&
                    p.evaluate(1e6, 0, 2).floor_hit);
  }


  // Mixture kinematics per reference volume with SEI: the pore volume per
  // reference volume J eps = J - eps_i - eps_a (1 + beta dc) - Delta_SEI.
  {
    PorosityModel m;
    m.macro_porosity          = 0.25;
    m.micro_porosity          = 0.1;
    m.agglomerate_fraction    = 0.6; // eps_i = 0.15, eps_a = 0.54
    m.vegard_coefficient      = 3e-6;
    m.reference_concentration = 5000;
    m.minimum_porosity        = 0;
    m.kinematics              = PorosityKinematics::mixture;
    const double        c = 15000, tr = 0.02, loss = 0.03, J = 1 + tr;
    const double        e_i = 1 - 0.25 - 0.6, e_a = 0.6 * 0.9;
    const PorosityValue v = m.evaluate(c, tr, loss);
    check.near("mixture with SEI: J eps = J - eps_i - eps_a(1+b dc) - Delta",
               J * v.value,
               J - e_i - e_a * (1 + 3e-6 * (c - 5000)) - loss,
               1e-14);
    check.near("mixture with SEI: d eps/d Delta = -1/J",
               v.d_dsei_loss,
               fd([&](double d) { return m.evaluate(c, tr, d).value; },
                  loss,
                  1e-6),
               1e-8);
    check.near("mixture with SEI: d eps/d tr (FD)",
               v.d_dtrace_strain,
               fd([&](double t) { return m.evaluate(c, t, loss).value; },
                  tr,
                  1e-6),
               1e-8);
    check.near("J = 1 + tr eps (mixture)", m.volume_ratio(tr), J, 1e-15);
    PorosityModel f = m;
    f.kinematics    = PorosityKinematics::fixed_volume;
    check.near("fixed volume: J = 1, Delta subtracted as is",
               f.evaluate(c, tr, loss).value,
               f.swelling_porosity(c) - loss,
               1e-15);
  }

  return check.finish();
}
