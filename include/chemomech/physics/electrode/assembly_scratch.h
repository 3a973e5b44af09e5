/**
 * @file assembly_scratch.h
 * @brief Scratch data and per-quadrature-point quantities of the electrode
 * model's assembly (ElectrodeProblem::assemble()).
 */
#ifndef chemomech_physics_electrode_assembly_scratch_h
#define chemomech_physics_electrode_assembly_scratch_h

#include <chemomech/core/linear_algebra.h>
#include <chemomech/materials/electrode_point_state.h>
#include <chemomech/physics/electrode/field_components.h>

#include <deal.II/base/quadrature_lib.h>
#include <deal.II/base/symmetric_tensor.h>
#include <deal.II/base/tensor.h>
#include <deal.II/fe/fe_system.h>
#include <deal.II/fe/fe_values.h>
#include <deal.II/lac/full_matrix.h>
#include <deal.II/lac/vector.h>

#include <array>
#include <string>
#include <vector>

namespace chemomech
{
  namespace electrode_assembly
  {
    /**
     * @brief The local quantities of one quadrature point and their
     * derivatives by p = phi_s - phi_e (suffix _p), c_e (_c) and tr eps
     * (_t), from ElectrodePointUpdate (zero in the separator but the
     * porosity).
     */
    struct PointCoefficients
    {
      /// Porosity at the end of the step. Units: none.
      double porosity = 0;
      /// J = V/V_0 at the end of the step and dJ/d tr eps
      /// (PorosityModel::volume_ratio(); 1, 0 in the separator and for
      /// fixed_volume kinematics). Units: none.
      double volume_ratio = 1, volume_ratio_t = 0;
      /**
       * The history value of the electrolyte storage J eps c_e per
       * reference volume (BdfFormula::history() of its values at the last
       * two commits; the last one for BDF1): the storage term is
       * (J eps c_e - storage_history) / h_eff. Units: mol/m^3.
       */
      double storage_history = 0;
      /// d porosity / dp (1/V), / dc_e (m^3/mol), / d tr eps (none).
      double porosity_p = 0, porosity_c = 0, porosity_t = 0;
      /// a_s (i_int + i_SEI). Units: A/m^3.
      double current = 0;
      /// d current / dp (A/(m^3 V)), / dc_e (A m^3/(m^3 mol)), / d tr eps
      /// (A/m^3).
      double current_p = 0, current_c = 0, current_t = 0;
      /// Isotropic swelling strain e* of the electrode. Units: none.
      double swelling = 0;
      /// d e* / dp (1/V), / dc_e (m^3/mol), / d tr eps (none).
      double swelling_p = 0, swelling_c = 0, swelling_t = 0;
    };

    /**
     * @brief Electrolyte transport at one quadrature point:
     * -i_e = fB (kappa grad phi_e - g grad c_e), N = -fB D grad c_e, with
     * the Bruggeman factor fB = eps^(1+b) and g = kappa_D / c_e.
     */
    struct TransportCoefficients
    {
      /// fB and d fB / d eps. Units: none.
      double bruggeman = 0, bruggeman_1 = 0;
      /// D (m^2/s) and dD/dc_e (m^5/(mol s)).
      double D = 0, D1 = 0;
      /// kappa (S/m) and d kappa / dc_e.
      double kappa = 0, kappa1 = 0;
      /// g = kappa_D / c_e (S m^2/mol ... V-scaled) and dg/dc_e.
      double g = 0, g1 = 0;
    };

    /**
     * @brief FEValues, field values and shape functions of the cell being
     * assembled, the local matrix and right side, and what is fixed for the
     * whole assembly (time step, transference number, RT).
     */
    template <int dim>
    struct Scratch
    {
      /// Scratch for @p fe with a Gauss rule of @p n_points per direction.
      Scratch(const dealii::FESystem<dim> &fe, const unsigned int n_points)
        : fv(fe,
             dealii::QGauss<dim>(n_points),
             dealii::update_values | dealii::update_gradients |
               dealii::update_JxW_values | dealii::update_quadrature_points)
        , ffv(fe,
              dealii::QGauss<dim - 1>(n_points),
              dealii::update_values | dealii::update_JxW_values |
                dealii::update_normal_vectors)
        , cell_matrix(fe.n_dofs_per_cell(), fe.n_dofs_per_cell())
        , cell_rhs(fe.n_dofs_per_cell())
        , dofs(fe.n_dofs_per_cell())
        , ce_q(fv.n_quadrature_points)
        , ce_old_q(fv.n_quadrature_points)
        , ce_older_q(fv.n_quadrature_points)
        , pe_q(fv.n_quadrature_points)
        , ps_q(fv.n_quadrature_points)
        , div_q(fv.n_quadrature_points)
        , div_old_q(fv.n_quadrature_points)
        , div_older_q(fv.n_quadrature_points)
        , gce_q(fv.n_quadrature_points)
        , gpe_q(fv.n_quadrature_points)
        , gps_q(fv.n_quadrature_points)
        , eps_q(fv.n_quadrature_points)
        , ce_f(ffv.n_quadrature_points)
        , pe_f(ffv.n_quadrature_points)
        , ux_f(ffv.n_quadrature_points)
        , field(fe.n_dofs_per_cell())
        , phi(fe.n_dofs_per_cell())
        , divv(fe.n_dofs_per_cell())
        , grad(fe.n_dofs_per_cell())
        , symgrad(fe.n_dofs_per_cell())
      {
        for (unsigned int i = 0; i < field.size(); ++i)
          field[i] = electrode_fields::field_of_component(
            fe.system_to_component_index(i).first);
      }

      /// Moves to @p cell: clears the local system, evaluates the fields
      /// (those of @p ghosted_older only if given: BDF2).
      template <class Iterator>
      void
      reinit(const Iterator        &cell,
             const LA::MPI::Vector &ghosted,
             const LA::MPI::Vector &ghosted_old,
             const LA::MPI::Vector *ghosted_older)
      {
        using namespace electrode_fields;
        fv.reinit(cell);
        cell_matrix = 0;
        cell_rhs    = 0;
        const dealii::FEValuesExtractors::Scalar ce(c_comp), pe(pe_comp),
          ps(ps_comp);
        const dealii::FEValuesExtractors::Vector u(u_comp);
        fv[ce].get_function_values(ghosted, ce_q);
        fv[ce].get_function_values(ghosted_old, ce_old_q);
        fv[ce].get_function_gradients(ghosted, gce_q);
        fv[pe].get_function_values(ghosted, pe_q);
        fv[pe].get_function_gradients(ghosted, gpe_q);
        fv[ps].get_function_values(ghosted, ps_q);
        fv[ps].get_function_gradients(ghosted, gps_q);
        fv[u].get_function_symmetric_gradients(ghosted, eps_q);
        fv[u].get_function_divergences(ghosted, div_q);
        fv[u].get_function_divergences(ghosted_old, div_old_q);
        if (ghosted_older != nullptr)
          {
            fv[ce].get_function_values(*ghosted_older, ce_older_q);
            fv[u].get_function_divergences(*ghosted_older, div_older_q);
          }
      }

      /// Fills phi, grad, symgrad and divv at quadrature point @p q.
      void
      shape_values(const unsigned int q)
      {
        const dealii::FEValuesExtractors::Vector u(electrode_fields::u_comp);
        for (unsigned int k = 0; k < field.size(); ++k)
          {
            phi[k]  = fv.shape_value(k, q);
            grad[k] = fv.shape_grad(k, q);
            if (field[k] == 3)
              {
                symgrad[k] = fv[u].symmetric_gradient(k, q);
                divv[k]    = fv[u].divergence(k, q);
              }
            else
              {
                symgrad[k] = dealii::SymmetricTensor<2, dim>();
                divv[k]    = 0;
              }
          }
      }

      dealii::FEValues<dim>                        fv;
      dealii::FEFaceValues<dim>                    ffv;
      dealii::FullMatrix<double>                   cell_matrix;
      dealii::Vector<double>                       cell_rhs;
      std::vector<dealii::types::global_dof_index> dofs;
      /// Field values at the quadrature points (c_e at the end of the step
      /// and at the last two commits, phi_e, phi_s, div u at the end and
      /// the last two commits) and gradients, strain.
      std::vector<double> ce_q, ce_old_q, ce_older_q, pe_q, ps_q, div_q,
        div_old_q, div_older_q;
      std::vector<dealii::Tensor<1, dim>>          gce_q, gpe_q, gps_q;
      std::vector<dealii::SymmetricTensor<2, dim>> eps_q;
      /// c_e, phi_e and u_x at the face quadrature points.
      std::vector<double> ce_f, pe_f, ux_f;
      /// Field (0 c_e, 1 phi_e, 2 phi_s, 3 u) of every cell DoF.
      std::vector<unsigned int> field;
      /// Shape values, divergences, gradients and symmetric gradients at
      /// the current quadrature point.
      std::vector<double>                          phi, divv;
      std::vector<dealii::Tensor<1, dim>>          grad;
      std::vector<dealii::SymmetricTensor<2, dim>> symgrad;

      /// Whether the cell is in an electrode (phi_s and reactions live).
      bool electrode = false;
      /// Effective solid conductivity of the cell. Units: S/m.
      double sigma_eff = 0;
      /// Effective time step h_eff of the BDF formula (s), cation
      /// transference number (none), RT (J/mol).
      double dt = 1, tp = 0, RT = 0;
      /// History weights of the BDF formula ({1, 0}: BDF1) and whether it
      /// is BDF2 (the older fields and point states are read).
      std::array<double, 2> history_weights = {{1, 0}};
      bool                  bdf2            = false;
      /// The BDF2 history state of the current quadrature point.
      ElectrodePointState history_point;
      /// Whether a local update failed on this rank, and the first message.
      bool        failed = false;
      std::string failure;
      /// Wall time of the local quadrature-point updates. Units: s.
      double local_update_seconds = 0;
    };
  } // namespace electrode_assembly
} // namespace chemomech

#endif
