/**
 * @file assembly_scratch.h
 * @brief Work space of the particle model's assembly: finite element values,
 * field values at the quadrature points, the cell matrix and vector, and the
 * material response at the current quadrature point.
 */
#ifndef chemomech_physics_particle_assembly_scratch_h
#define chemomech_physics_particle_assembly_scratch_h

#include <chemomech/materials/particle_material.h>

#include <deal.II/base/quadrature_lib.h>
#include <deal.II/base/symmetric_tensor.h>
#include <deal.II/base/tensor.h>
#include <deal.II/fe/fe_values.h>
#include <deal.II/fe/mapping.h>
#include <deal.II/lac/full_matrix.h>
#include <deal.II/lac/vector.h>

#include <vector>

namespace chemomech
{
  /**
   * @brief Everything ParticleProblem::assemble() needs per cell and per
   * quadrature point, allocated once per assembly (no allocation in the
   * cell loop).
   *
   * The finite element is the system (u: dim components, c, sigma_h); the
   * quadrature rules have fe.degree + 1 points per direction.
   */
  template <int dim>
  struct ParticleAssemblyScratch
  {
    /// Sets up the values and work arrays for @p fe on @p mapping; with
    /// @p face_gradients also the shape gradients on faces (for the stress
    /// at surface points).
    ParticleAssemblyScratch(const dealii::Mapping<dim>       &mapping,
                            const dealii::FiniteElement<dim> &fe,
                            const bool face_gradients = false);

    /// Cell quadrature.
    const dealii::QGauss<dim> quad;
    /// Face quadrature.
    const dealii::QGauss<dim - 1> fquad;
    /// Values, gradients and JxW on the cell.
    dealii::FEValues<dim> fv;
    /// Values and JxW on a face.
    dealii::FEFaceValues<dim> ffv;
    /// DoFs per cell and quadrature points per cell.
    const unsigned int n, nq;

    /// Cell Jacobian and cell residual (-F).
    dealii::FullMatrix<double> cell_matrix;
    /// Cell residual (-F).
    dealii::Vector<double> cell_rhs;
    /// Global DoF indices of the cell.
    std::vector<dealii::types::global_dof_index> dofs;
    /// One row of the cell matrix for the partial Jacobian update.
    std::vector<dealii::types::global_dof_index> row_columns;
    /// Values of that row.
    std::vector<double> row_values;

    /// Strain eps(u) at the quadrature points. Units: none.
    std::vector<dealii::SymmetricTensor<2, dim>> eps_q;
    /// c at the quadrature points (now, previous, before). Units: mol/m^3.
    std::vector<double> c_q, c_old_q, c_older_q;
    /// sigma_h field at the quadrature points. Units: Pa.
    std::vector<double> p_q;
    /// Gradients of c (mol/m^4) and sigma_h (Pa/m).
    std::vector<dealii::Tensor<1, dim>> grad_c_q, grad_p_q;
    /// c at the face quadrature points. Units: mol/m^3.
    std::vector<double> c_f;
    /// Strain eps(u) at the face quadrature points. Units: none.
    std::vector<dealii::SymmetricTensor<2, dim>> eps_f;

    /// Field (0 u, 1 c, 2 sigma_h) and vector component of each cell DoF.
    std::vector<unsigned int> field, comp;
    /// Shape values and gradients at the current quadrature point.
    std::vector<double> phi;
    /// Shape gradients at the current quadrature point. Units: 1/m.
    std::vector<dealii::Tensor<1, dim>> grad;
    /// d sigma_h/d eps : eps(w_j) of each displacement shape function w_j
    /// (zero for the other fields). Units: Pa/m.
    std::vector<double> dsh_w;
    /// d j / d U_k of the inward surface flux j at the current face point by
    /// each cell DoF U_k. Units: mol/(m^2 s) per unit of the DoF.
    std::vector<double> dj_dU;
    /// Row sums of the concentration mass matrix. Units: m^3.
    std::vector<double> lumped;
    /// Nodal values (now, previous, before) of the cell.
    dealii::Vector<double> local_now, local_old, local_older;

    /// @name Material response at the current quadrature point
    /// @{
    /// Quadrature weight times Jacobian determinant. Units: m^3.
    double JxW = 0;
    /// Concentration. Units: mol/m^3.
    double c = 0;
    /// Stress sigma(eps, c). Units: Pa.
    dealii::SymmetricTensor<2, dim> sigma;
    /// Hydrostatic stress of the law. Units: Pa.
    double sh = 0;
    /// Flux coefficients at c.
    FluxCoefficients k;
    /// BDF approximation of dc/dt. Units: mol/(m^3 s).
    double c_dot = 0;
    /// -J = D_c grad c - B grad sigma_h. Units: mol/(m^2 s).
    dealii::Tensor<1, dim> minus_flux;
    /// The parts of d(-J)/dc that do not depend on the test function.
    dealii::Tensor<1, dim> d_minus_flux_dc;
    /// @}
  };
} // namespace chemomech

#endif
