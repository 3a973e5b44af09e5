/**
 * @file isotropic_elasticity.h
 * @brief Linear isotropic elasticity with an isotropic chemical eigenstrain.
 */
#ifndef chemomech_materials_isotropic_elasticity_h
#define chemomech_materials_isotropic_elasticity_h

#include <deal.II/base/symmetric_tensor.h>
#include <deal.II/base/tensor.h>

namespace chemomech
{
  /**
   * @brief sigma = C : (eps - e* I) for isotropic C (E, nu).
   *
   * The isotropic eigenstrain e* = (Omega/3)(c - c_ref) is a scalar (strain,
   * dimensionless). In 2D the state is plane strain (eps_zz = 0), so the
   * in-plane stress is lambda (tr eps - 3 e*) I + 2 G (eps - e* I) and the
   * hydrostatic stress tr(sigma)/3 of the full 3D tensor is
   * K (tr eps - 3 e*) in both 2D and 3D, with K = lambda + 2G/3.
   */
  class IsotropicElasticity
  {
  public:
    /**
     * @param youngs_modulus E. Units: Pa.
     * @param poissons_ratio nu, in (-1, 0.5). Units: none.
     */
    IsotropicElasticity(const double youngs_modulus = 1,
                        const double poissons_ratio = 0);

    /// Stress for strain @p eps and eigenstrain @p e_star. Units: Pa.
    template <int dim>
    dealii::SymmetricTensor<2, dim>
    stress(const dealii::SymmetricTensor<2, dim> &eps,
           const double                           e_star) const
    {
      return lambda * (dealii::trace(eps) - 3 * e_star) *
               dealii::unit_symmetric_tensor<dim>() +
             2 * shear_modulus *
               (eps - e_star * dealii::unit_symmetric_tensor<dim>());
    }

    /// Hydrostatic stress tr(sigma)/3 of the 3D stress tensor. Units: Pa.
    template <int dim>
    double
    hydrostatic_stress(const dealii::SymmetricTensor<2, dim> &eps,
                       const double                           e_star) const
    {
      return bulk_modulus * (dealii::trace(eps) - 3 * e_star);
    }

    /**
     * @brief The elastic tangent between two vector shape functions:
     * eps(v) : C : eps(w) for v = N_i e_a and w = N_j e_b (e_a, e_b
     * Cartesian unit vectors), from the gradients @p grad_i of N_i and
     * @p grad_j of N_j. This is the derivative of stress() in the direction
     * eps(w), contracted with eps(v): the (u, u) entry of the stiffness
     * matrix per unit volume. Inline, no allocation: it runs in the
     * innermost assembly loop. Units: Pa/m^2.
     */
    template <int dim>
    double
    shape_tangent(const dealii::Tensor<1, dim> &grad_i,
                  const unsigned int            a,
                  const dealii::Tensor<1, dim> &grad_j,
                  const unsigned int            b) const
    {
      double v =
        lambda * grad_i[a] * grad_j[b] + shear_modulus * grad_i[b] * grad_j[a];
      if (a == b)
        v += shear_modulus * (grad_i * grad_j);
      return v;
    }

    /**
     * @brief eps_i : C : eps_j = lambda tr(eps_i) tr(eps_j) + 2 G
     * eps_i : eps_j for the strains @p eps_i, @p eps_j of two shape
     * functions with their divergences @p div_i, @p div_j (= traces): the
     * (u, u) stiffness entry per unit volume when the strains are at hand.
     * Units: Pa times the units of the strains squared.
     */
    template <int dim>
    double
    strain_tangent(const dealii::SymmetricTensor<2, dim> &eps_i,
                   const double                           div_i,
                   const dealii::SymmetricTensor<2, dim> &eps_j,
                   const double                           div_j) const
    {
      return lambda * div_i * div_j + 2 * shear_modulus * (eps_i * eps_j);
    }

    /**
     * @brief d sigma / d e*: the derivative of stress() with respect to the
     * eigenstrain, -(3 lambda + 2 G) I = -3 K I (in-plane block in 2D). The
     * law is linear, so it does not depend on the state. Units: Pa.
     */
    template <int dim>
    dealii::SymmetricTensor<2, dim>
    stress_eigenstrain_derivative() const
    {
      return -(3 * lambda + 2 * shear_modulus) *
             dealii::unit_symmetric_tensor<dim>();
    }

    /**
     * @brief d sigma_h / d e*: the derivative of hydrostatic_stress() with
     * respect to the eigenstrain, -3 K, in 2D and 3D. Units: Pa.
     */
    double
    hydrostatic_stress_eigenstrain_derivative() const
    {
      return -3 * bulk_modulus;
    }

    /**
     * @brief d sigma_h / d eps: the derivative of hydrostatic_stress() with
     * respect to the strain, K I (2D: the in-plane identity; eps_zz = 0 is
     * fixed), so that d sigma_h = (K I) : d eps. Units: Pa.
     */
    template <int dim>
    dealii::SymmetricTensor<2, dim>
    hydrostatic_stress_strain_derivative() const
    {
      return bulk_modulus * dealii::unit_symmetric_tensor<dim>();
    }

    /**
     * @brief Bulk compliance 1/K: the scaling of the hydrostatic-stress
     * equation (p - sigma_h) / K = 0, which makes that equation a strain.
     * Units: 1/Pa.
     */
    double
    bulk_compliance() const
    {
      return 1.0 / bulk_modulus;
    }

    /// The out-of-plane stress sigma_zz of plane strain (2D only). Units: Pa.
    double
    plane_strain_sigma_zz(const double trace_eps, const double e_star) const
    {
      return lambda * (trace_eps - 3 * e_star) - 2 * shear_modulus * e_star;
    }

    /// Young's modulus E. Units: Pa.
    double youngs_modulus;
    /// Poisson's ratio nu. Units: none.
    double poissons_ratio;
    /// Lame's first parameter. Units: Pa.
    double lambda;
    /// Shear modulus G. Units: Pa.
    double shear_modulus;
    /// Bulk modulus K. Units: Pa.
    double bulk_modulus;
  };
} // namespace chemomech

#endif
