/**
 * @file stress_measures.h
 * @brief Scalar measures of the (3D) stress tensor used in output and
 * statistics: hydrostatic, von Mises, largest principal, radial and hoop
 * stress about a centre.
 */
#ifndef chemomech_postprocess_stress_measures_h
#define chemomech_postprocess_stress_measures_h

#include <chemomech/materials/isotropic_elasticity.h>

#include <deal.II/base/point.h>
#include <deal.II/base/symmetric_tensor.h>
#include <deal.II/base/tensor.h>

namespace chemomech
{
  /**
   * @brief Stress measures at one point. All units: Pa, except
   * strain_energy_density (J/m^3).
   *
   * In 2D (plane strain) the tensor is completed with sigma_zz, in 1D
   * (uniaxial strain) with sigma_yy = sigma_zz. The radial
   * stress is r.sigma.r with r the unit vector from the centre; the hoop
   * stress is the mean normal stress in the plane orthogonal to r,
   * (tr sigma - sigma_rr)/2. At the centre itself r is taken along x.
   */
  struct StressMeasures
  {
    /// Full 3D stress tensor.
    dealii::SymmetricTensor<2, 3> sigma;
    /// tr(sigma)/3.
    double hydrostatic = 0;
    /// sqrt(3/2 s:s), s the deviator.
    double von_mises = 0;
    /// Largest eigenvalue of sigma.
    double max_principal = 0;
    /// Radial normal stress about the centre.
    double radial = 0;
    /// Mean tangential (hoop) normal stress about the centre.
    double hoop = 0;
    /// 1/2 (eps - eps*) : sigma. Units: J/m^3.
    double strain_energy_density = 0;
  };

  /**
   * @brief Evaluates the measures for strain @p eps and eigenstrain @p e_star
   * at @p position, radial direction about @p centre.
   */
  template <int dim>
  StressMeasures
  compute_stress_measures(const IsotropicElasticity             &elasticity,
                          const dealii::SymmetricTensor<2, dim> &eps,
                          const double                           e_star,
                          const dealii::Point<dim>              &position,
                          const dealii::Point<dim>              &centre);
} // namespace chemomech

#endif
