#include <chemomech/postprocess/stress_measures.h>

#include <cmath>

namespace chemomech
{
  template <int dim>
  StressMeasures
  compute_stress_measures(const IsotropicElasticity             &elasticity,
                          const dealii::SymmetricTensor<2, dim> &eps,
                          const double                           e_star,
                          const dealii::Point<dim>              &position,
                          const dealii::Point<dim>              &centre)
  {
    using namespace dealii;
    // Complete strain to 3D (plane strain in 2D: eps_zz = 0).
    SymmetricTensor<2, 3> eps3;
    for (unsigned int i = 0; i < dim; ++i)
      for (unsigned int j = i; j < dim; ++j)
        eps3[i][j] = eps[i][j];
    const SymmetricTensor<2, 3> eps_el =
      eps3 - e_star * unit_symmetric_tensor<3>();

    StressMeasures m;
    m.sigma = elasticity.lambda * trace(eps_el) * unit_symmetric_tensor<3>() +
              2 * elasticity.shear_modulus * eps_el;
    m.hydrostatic                 = trace(m.sigma) / 3;
    const SymmetricTensor<2, 3> s = deviator(m.sigma);
    m.von_mises                   = std::sqrt(1.5 * (s * s));
    const auto eig                = eigenvalues(m.sigma);
    m.max_principal               = eig[0];
    Tensor<1, 3>         r;
    const Tensor<1, dim> d     = position - centre;
    const double         dnorm = d.norm();
    if (dnorm > 0)
      for (unsigned int i = 0; i < dim; ++i)
        r[i] = d[i] / dnorm;
    else
      r[0] = 1;
    m.radial = r * (m.sigma * r);
    m.hoop   = 0.5 * (trace(m.sigma) - m.radial);
    if (dim == 2)
      // In 2D the hoop direction is the in-plane tangent.
      m.hoop = trace(m.sigma) - m.sigma[2][2] - m.radial;
    m.strain_energy_density = 0.5 * (m.sigma * eps_el);
    return m;
  }



  template StressMeasures
  compute_stress_measures<1>(const IsotropicElasticity &,
                             const dealii::SymmetricTensor<2, 1> &,
                             const double,
                             const dealii::Point<1> &,
                             const dealii::Point<1> &);
  template StressMeasures
  compute_stress_measures<2>(const IsotropicElasticity &,
                             const dealii::SymmetricTensor<2, 2> &,
                             const double,
                             const dealii::Point<2> &,
                             const dealii::Point<2> &);
  template StressMeasures
  compute_stress_measures<3>(const IsotropicElasticity &,
                             const dealii::SymmetricTensor<2, 3> &,
                             const double,
                             const dealii::Point<3> &,
                             const dealii::Point<3> &);
} // namespace chemomech
