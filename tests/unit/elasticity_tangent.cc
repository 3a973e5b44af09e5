// The elastic tangent IsotropicElasticity::shape_tangent(), which the
// particle assembly uses for its (u, u) block, against a central finite
// difference of IsotropicElasticity::stress() in the direction eps(w),
// contracted with eps(v), for v = N_i e_a and w = N_j e_b, in 2D (plane
// strain) and 3D. Criterion: relative error <= 1e-7 of E |grad N_i||grad N_j|.
#include <chemomech/materials/isotropic_elasticity.h>

#include <deal.II/base/symmetric_tensor.h>
#include <deal.II/base/tensor.h>

#include <cmath>
#include <string>

#include "test_tools.h"

using namespace chemomech;
using namespace dealii;

namespace
{
  /// Symmetric gradient of N e_a with grad N = @p g.
  template <int dim>
  SymmetricTensor<2, dim>
  shape_strain(const Tensor<1, dim> &g, const unsigned int a)
  {
    SymmetricTensor<2, dim> e;
    for (unsigned int k = 0; k < dim; ++k)
      for (unsigned int l = k; l < dim; ++l)
        e[k][l] = 0.5 * ((k == a ? g[l] : 0.0) + (l == a ? g[k] : 0.0));
    return e;
  }



  template <int dim>
  void
  check_tangent(chemomech_test::Checks &check)
  {
    const double              E = 10e9, nu = 0.3, e_star = 2.5e-3;
    const IsotropicElasticity el(E, nu);
    Tensor<1, dim>            gi, gj;
    SymmetricTensor<2, dim>   eps0;
    for (unsigned int d = 0; d < dim; ++d)
      {
        gi[d] = 1e5 * std::sin(1.3 * d + 0.4);
        gj[d] = 1e5 * std::cos(0.7 * d + 0.9);
        for (unsigned int e = d; e < dim; ++e)
          eps0[d][e] = 1e-3 * std::sin(d + 2.0 * e + 0.3);
      }
    const double scale = E * gi.norm() * gj.norm();
    double       worst = 0, worst_strain = 0;
    for (unsigned int a = 0; a < dim; ++a)
      for (unsigned int b = 0; b < dim; ++b)
        {
          const auto   ev = shape_strain<dim>(gi, a);
          const auto   ew = shape_strain<dim>(gj, b);
          const double h  = 1e-4 / gj.norm();
          const double fd = (el.stress<dim>(eps0 + h * ew, e_star) -
                             el.stress<dim>(eps0 - h * ew, e_star)) *
                            ev / (2 * h);
          const double v = el.shape_tangent<dim>(gi, a, gj, b);
          worst          = std::max(worst, std::abs(v - fd) / scale);
          const double w = el.strain_tangent<dim>(ev, trace(ev), ew, trace(ew));
          worst_strain   = std::max(worst_strain, std::abs(w - fd) / scale);
        }
    check.near(std::to_string(dim) + "D shape_tangent vs finite difference",
               worst,
               0.0,
               1e-7,
               1.0);
    check.near(std::to_string(dim) + "D strain_tangent vs finite difference",
               worst_strain,
               0.0,
               1e-7,
               1.0);
  }
} // namespace



int
main()
{
  chemomech_test::Checks check;
  check_tangent<2>(check);
  check_tangent<3>(check);
  return check.finish();
}
