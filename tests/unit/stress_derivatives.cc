// The stress derivatives the particle Jacobian uses (ParticleMaterial,
// IsotropicElasticity), against central finite differences of the stress
// functions the residual uses, in 2D (plane strain) and 3D, at a generic
// strain and concentration (E = 10 GPa, nu = 0.3, Omega = 3.497e-6 m^3/mol):
//   d sigma/d e*  vs FD of IsotropicElasticity::stress() in e*
//   d sigma/dc    vs FD of ParticleMaterial::stress() in c
//   d sigma_h/dc  vs FD of ParticleMaterial::hydrostatic_stress() in c, and
//                 vs tr(d sigma/dc)/3 (2D: plus d sigma_zz/dc, the
//                 FD of plane_strain_sigma_zz(), as sigma_h is the 3D trace/3)
//   d sigma_h/d eps : E  vs FD of hydrostatic_stress() in the strain
//                 directions E (every symmetric basis tensor and a generic
//                 one); in 3D also vs the FD of tr(stress())/3
//   1/K (bulk compliance) times the FD of sigma_h in the volumetric strain
//                 = 1
// Criterion: relative error <= 1e-8 of the derivative's norm (the laws are
// linear: the differences are exact up to round-off, ~1e-13). A flipped sign
// or a factor 3 is an error of order 1.
#include <chemomech/materials/isotropic_elasticity.h>
#include <chemomech/materials/particle_material.h>

#include <deal.II/base/symmetric_tensor.h>

#include <cmath>
#include <string>

#include "test_tools.h"

using namespace chemomech;
using namespace dealii;

namespace
{
  constexpr double tolerance = 1e-8;

  /// A generic (non-isotropic) strain. Units: none.
  template <int dim>
  SymmetricTensor<2, dim>
  generic_strain(const double amplitude, const double phase)
  {
    SymmetricTensor<2, dim> eps;
    for (unsigned int k = 0; k < dim; ++k)
      for (unsigned int l = k; l < dim; ++l)
        eps[k][l] = amplitude * std::sin(k + 2.0 * l + phase);
    return eps;
  }



  /// |a - b| / |b| for tensors (Frobenius norm).
  template <int dim>
  double
  relative_error(const SymmetricTensor<2, dim> &a,
                 const SymmetricTensor<2, dim> &b)
  {
    return (a - b).norm() / b.norm();
  }



  template <int dim>
  void
  check_derivatives(chemomech_test::Checks &check)
  {
    const std::string d = std::to_string(dim) + "D ";
    ParticleMaterial  m;
    m.elasticity              = IsotropicElasticity(10e9, 0.3);
    m.partial_molar_volume    = 3.497e-6;
    m.reference_concentration = 2286;
    const auto  &el           = m.elasticity;
    const auto   eps          = generic_strain<dim>(1e-3, 0.3);
    const double c            = 9000;   // mol/m^3
    const double e_star       = 2.5e-3; // none
    const double hc           = 10;     // mol/m^3
    const double he           = 1e-5;   // strain

    // d sigma / d e*
    {
      const auto fd =
        (el.stress(eps, e_star + he) - el.stress(eps, e_star - he)) / (2 * he);
      const auto v = el.stress_eigenstrain_derivative<dim>();
      check.near(d + "d sigma/d e* vs finite difference",
                 relative_error(v, fd),
                 0.0,
                 tolerance,
                 1.0);
      const double fd_h = (el.hydrostatic_stress(eps, e_star + he) -
                           el.hydrostatic_stress(eps, e_star - he)) /
                          (2 * he);
      check.near(d + "d sigma_h/d e* vs finite difference",
                 el.hydrostatic_stress_eigenstrain_derivative(),
                 fd_h,
                 tolerance);
    }

    // d sigma / d c
    const auto dsigma_dc = m.stress_concentration_derivative<dim>();
    {
      const auto fd =
        (m.stress(eps, c + hc) - m.stress(eps, c - hc)) / (2 * hc);
      check.near(d + "d sigma/dc vs finite difference",
                 relative_error(dsigma_dc, fd),
                 0.0,
                 tolerance,
                 1.0);
      // the isotropic closed form -K Omega I
      check.near(d + "d sigma/dc vs -K Omega I",
                 relative_error(dsigma_dc,
                                SymmetricTensor<2, dim>(
                                  -el.bulk_modulus * m.partial_molar_volume *
                                  unit_symmetric_tensor<dim>())),
                 0.0,
                 tolerance,
                 1.0);
    }

    // d sigma_h / d c
    {
      const double dsh_dc = m.hydrostatic_stress_concentration_derivative();
      const double fd     = (m.hydrostatic_stress(eps, c + hc) -
                         m.hydrostatic_stress(eps, c - hc)) /
                        (2 * hc);
      check.near(d + "d sigma_h/dc vs finite difference",
                 dsh_dc,
                 fd,
                 tolerance);
      // sigma_h = tr(sigma)/3 of the 3D tensor: in 2D with sigma_zz.
      double trace = dealii::trace(dsigma_dc);
      if (dim == 2)
        trace +=
          (el.plane_strain_sigma_zz(dealii::trace(eps), m.eigenstrain(c + hc)) -
           el.plane_strain_sigma_zz(dealii::trace(eps),
                                    m.eigenstrain(c - hc))) /
          (2 * hc);
      check.near(d + "d sigma_h/dc vs trace(d sigma/dc)/3",
                 dsh_dc,
                 trace / 3,
                 tolerance);
    }

    // d sigma_h / d eps in every symmetric basis direction and a generic one
    {
      const auto dsh_deps = el.hydrostatic_stress_strain_derivative<dim>();
      double     worst = 0, worst_trace = 0;
      for (unsigned int n = 0;
           n <= SymmetricTensor<2, dim>::n_independent_components;
           ++n)
        {
          SymmetricTensor<2, dim> dir;
          if (n < SymmetricTensor<2, dim>::n_independent_components)
            dir[SymmetricTensor<2, dim>::unrolled_to_component_indices(n)] = 1;
          else
            dir = generic_strain<dim>(1.0, 1.1);
          const double v = dsh_deps * dir;
          const double fd =
            (m.hydrostatic_stress(SymmetricTensor<2, dim>(eps + he * dir), c) -
             m.hydrostatic_stress(SymmetricTensor<2, dim>(eps - he * dir), c)) /
            (2 * he);
          const double scale = el.bulk_modulus * dir.norm();
          worst              = std::max(worst, std::abs(v - fd) / scale);
          if (dim == 3)
            {
              const double fd_trace =
                dealii::trace(
                  m.stress(SymmetricTensor<2, dim>(eps + he * dir), c) -
                  m.stress(SymmetricTensor<2, dim>(eps - he * dir), c)) /
                (3 * 2 * he);
              worst_trace =
                std::max(worst_trace, std::abs(v - fd_trace) / scale);
            }
        }
      check.near(d + "d sigma_h/d eps : E vs finite difference",
                 worst,
                 0.0,
                 tolerance,
                 1.0);
      if (dim == 3)
        check.near(d + "d sigma_h/d eps : E vs trace(d sigma)/3",
                   worst_trace,
                   0.0,
                   tolerance,
                   1.0);
    }

    // compliance 1/K: (1/K) d sigma_h/d(tr eps) = 1
    {
      const auto   vol = (1.0 / dim) * unit_symmetric_tensor<dim>(); // tr = 1
      const double fd =
        (m.hydrostatic_stress(SymmetricTensor<2, dim>(eps + he * vol), c) -
         m.hydrostatic_stress(SymmetricTensor<2, dim>(eps - he * vol), c)) /
        (2 * he);
      check.near(d + "bulk compliance x d sigma_h/d tr(eps) = 1",
                 el.bulk_compliance() * fd,
                 1.0,
                 tolerance);
    }
  }
} // namespace



int
main()
{
  chemomech_test::Checks check;
  check_derivatives<2>(check);
  check_derivatives<3>(check);
  return check.finish();
}
