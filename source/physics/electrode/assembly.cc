#include <chemomech/core/physical_constants.h>
#include <chemomech/materials/effective_properties.h>
#include <chemomech/materials/isotropic_elasticity.h>
#include <chemomech/physics/electrode/assembly_scratch.h>
#include <chemomech/physics/electrode/electrode_problem.h>
#include <chemomech/physics/electrode/field_components.h>

#include <deal.II/base/mpi.h>

#include <chrono>
#include <cmath>
#include <limits>
#include <sstream>

namespace chemomech
{
  using namespace dealii;
  using namespace electrode_fields;

  namespace electrode_assembly
  {
    namespace
    {
      /**
       * Porosity, currents and swelling at one quadrature point from the
       * local update of @p mat (from the committed state @p cs into the
       * trial state @p ts; BDF2: from the history state of @p cs and the
       * older state @p os), with their derivatives by p = phi_s - phi_e,
       * c_e and tr eps. A failed update is recorded in @p scratch.
       */
      template <int dim>
      PointCoefficients
      evaluate_point(const ElectrodeMaterial   &mat,
                     const ElectrodePointState &cs,
                     const ElectrodePointState *os,
                     ElectrodePointState       &ts,
                     const unsigned int         q,
                     Scratch<dim>              &scratch)
      {
        const ElectrodePointUpdate &up = mat.point_update();
        const double         potential = scratch.ps_q[q] - scratch.pe_q[q];
        const double         ce        = scratch.ce_q[q];
        PointCoefficients    k;
        ElectrodePointResult r;
        const auto           start = std::chrono::steady_clock::now();
        if (os != nullptr)
          scratch.history_point.set_to_history(cs,
                                               *os,
                                               scratch.history_weights);
        const ElectrodePointState &base =
          (os != nullptr) ? scratch.history_point : cs;
        try
          {
            r =
              up.update(base, scratch.dt, potential, ce, scratch.div_q[q], ts);
          }
        catch (const std::exception &)
          {
            r.converged = false;
            r.porosity  = cs.porosity;
          }
        scratch.local_update_seconds +=
          std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                        start)
            .count();
        if (!r.converged && !scratch.failed)
          {
            scratch.failed = true;
            std::ostringstream o;
            o << "the local update of a quadrature point did not "
                 "converge at x = "
              << scratch.fv.quadrature_point(q)
              << " m (phi_s - phi_e = " << potential << " V, c_e = " << ce
              << " mol/m^3)";
            scratch.failure = o.str();
          }
        const PorosityModel &pm = up.porosity;
        k.volume_ratio          = pm.volume_ratio(scratch.div_q[q]);
        k.storage_history       = scratch.history_weights[0] *
                            pm.volume_ratio(scratch.div_old_q[q]) *
                            cs.porosity * scratch.ce_old_q[q];
        if (os != nullptr)
          k.storage_history += scratch.history_weights[1] *
                               pm.volume_ratio(scratch.div_older_q[q]) *
                               os->porosity * scratch.ce_older_q[q];
        k.volume_ratio_t = pm.volume_ratio_derivative();
        k.porosity       = r.porosity;
        k.porosity_p     = r.d_porosity.d_dpotential;
        k.porosity_c     = r.d_porosity.d_delectrolyte_concentration;
        k.porosity_t     = r.d_porosity.d_dtrace_strain;
        k.current_t = r.d_volumetric_intercalation_current.d_dtrace_strain +
                      r.d_volumetric_sei_current.d_dtrace_strain;
        k.current   = r.volumetric_current;
        k.current_p = r.d_volumetric_intercalation_current.d_dpotential +
                      r.d_volumetric_sei_current.d_dpotential;
        k.current_c =
          r.d_volumetric_intercalation_current.d_delectrolyte_concentration +
          r.d_volumetric_sei_current.d_delectrolyte_concentration;
        const double s1 = mat.swelling_strain_derivative();
        k.swelling      = mat.swelling_strain(r.average_concentration);
        k.swelling_p    = s1 * r.d_average_concentration.d_dpotential;
        k.swelling_c =
          s1 * r.d_average_concentration.d_delectrolyte_concentration;
        k.swelling_t = s1 * r.d_average_concentration.d_dtrace_strain;
        return k;
      }



      /// Electrolyte transport coefficients at c_e = @p ce and porosity
      /// @p eps with Bruggeman exponent @p b.
      TransportCoefficients
      transport_coefficients(const ElectrolyteProperties &electrolyte,
                             const double                 RT,
                             const double                 tp,
                             const double                 ce,
                             const double                 eps,
                             const double                 b)
      {
        constexpr double      F = constants::faraday;
        TransportCoefficients t;
        t.bruggeman = EffectiveProperties::bruggeman_factor(eps, b);
        t.bruggeman_1 =
          EffectiveProperties::bruggeman_factor_derivative(eps, b);
        t.D              = electrolyte.diffusivity(ce);
        t.D1             = electrolyte.diffusivity_derivative(ce);
        t.kappa          = electrolyte.conductivity(ce);
        t.kappa1         = electrolyte.conductivity_derivative(ce);
        const double TF  = electrolyte.thermodynamic_factor(ce);
        const double TF1 = electrolyte.thermodynamic_factor_derivative(ce);
        // kappa_D / c_e = g: -i_e = fB (ka grad phi_e - g grad c_e)
        const double cg = 2 * RT / F * (1 - tp);
        t.g             = cg * TF * t.kappa / ce;
        t.g1            = cg * (TF1 * t.kappa / ce + TF * t.kappa1 / ce -
                     TF * t.kappa / (ce * ce));
        return t;
      }



      /// Residual of one quadrature point into scratch.cell_rhs.
      template <int dim>
      void
      add_point_residual(const Scratch<dim>            &s,
                         const unsigned int             q,
                         const PointCoefficients       &k,
                         const TransportCoefficients   &t,
                         const SymmetricTensor<2, dim> &sigma,
                         const double                   JxW,
                         Vector<double>                &cell_rhs)
      {
        constexpr double     F         = constants::faraday;
        const double         ce        = s.ce_q[q];
        const Tensor<1, dim> salt_flux = t.D * s.gce_q[q]; // times fB
        const Tensor<1, dim> ion_flux = t.kappa * s.gpe_q[q] - t.g * s.gce_q[q];
        for (unsigned int i = 0; i < s.field.size(); ++i)
          {
            double r = 0;
            switch (s.field[i])
              {
                case 0:
                  // storage per reference volume: d(J eps c_e)/dt
                  r = s.phi[i] *
                        (k.volume_ratio * k.porosity * ce - k.storage_history) /
                        s.dt +
                      t.bruggeman * (s.grad[i] * salt_flux) -
                      s.phi[i] * (1 - s.tp) * k.current / F;
                  break;
                case 1:
                  r =
                    t.bruggeman * (s.grad[i] * ion_flux) - s.phi[i] * k.current;
                  break;
                case 2:
                  if (s.electrode)
                    r = s.sigma_eff * (s.grad[i] * s.gps_q[q]) +
                        s.phi[i] * k.current;
                  break;
                default:
                  r = scalar_product(sigma, s.symgrad[i]);
              }
            cell_rhs(i) -= r * JxW;
          }
      }



      /// Derivatives of the local quantities (porosity, current, swelling,
      /// volume ratio J) by trial function @p j.
      template <int dim>
      void
      local_variations(const Scratch<dim>      &s,
                       const PointCoefficients &k,
                       const unsigned int       j,
                       double                  &d_eps,
                       double                  &d_cur,
                       double                  &d_sw,
                       double                  &d_J)
      {
        d_eps = d_cur = d_sw = d_J = 0;
        switch (s.field[j])
          {
            case 0:
              d_eps = k.porosity_c * s.phi[j];
              d_cur = k.current_c * s.phi[j];
              d_sw  = k.swelling_c * s.phi[j];
              break;
            case 1:
              d_eps = -k.porosity_p * s.phi[j];
              d_cur = -k.current_p * s.phi[j];
              d_sw  = -k.swelling_p * s.phi[j];
              break;
            case 2:
              if (s.electrode)
                {
                  d_eps = k.porosity_p * s.phi[j];
                  d_cur = k.current_p * s.phi[j];
                  d_sw  = k.swelling_p * s.phi[j];
                }
              break;
            default:
              d_eps = k.porosity_t * s.divv[j];
              d_cur = k.current_t * s.divv[j];
              d_sw  = k.swelling_t * s.divv[j];
              d_J   = k.volume_ratio_t * s.divv[j];
          }
      }



      /// Jacobian of one quadrature point into scratch.cell_matrix.
      template <int dim>
      void
      add_point_jacobian(const Scratch<dim>          &s,
                         const unsigned int           q,
                         const PointCoefficients     &k,
                         const TransportCoefficients &t,
                         const IsotropicElasticity   &law,
                         const double                 JxW,
                         FullMatrix<double>          &cell_matrix)
      {
        constexpr double     F         = constants::faraday;
        const double         ce        = s.ce_q[q];
        const double         dt        = s.dt;
        const Tensor<1, dim> salt_flux = t.D * s.gce_q[q];
        const Tensor<1, dim> ion_flux = t.kappa * s.gpe_q[q] - t.g * s.gce_q[q];
        // d sigma / d e* = (d sigma_h / d e*) I for the isotropic law, so
        // (d sigma / d e*) : eps(v) = (d sigma_h / d e*) div v.
        const double dsigma_de =
          law.hydrostatic_stress_eigenstrain_derivative();
        const unsigned int n = s.field.size();
        for (unsigned int j = 0; j < n; ++j)
          {
            double d_eps, d_cur, d_sw, d_J;
            local_variations(s, k, j, d_eps, d_cur, d_sw, d_J);
            // d(J eps) = J d eps + eps dJ
            const double d_pore = k.volume_ratio * d_eps + k.porosity * d_J;
            const double d_fB   = t.bruggeman_1 * d_eps;
            const auto  &gi     = s.grad;
            for (unsigned int i = 0; i < n; ++i)
              {
                double v = 0;
                switch (s.field[i])
                  {
                    case 0:
                      v = s.phi[i] * d_pore * ce / dt +
                          d_fB * (gi[i] * salt_flux) -
                          s.phi[i] * (1 - s.tp) * d_cur / F;
                      if (s.field[j] == 0)
                        v += s.phi[i] * k.volume_ratio * k.porosity * s.phi[j] /
                               dt +
                             t.bruggeman *
                               (t.D1 * s.phi[j] * (gi[i] * s.gce_q[q]) +
                                t.D * (gi[i] * gi[j]));
                      break;
                    case 1:
                      v = d_fB * (gi[i] * ion_flux) - s.phi[i] * d_cur;
                      if (s.field[j] == 0)
                        v += t.bruggeman *
                             (t.kappa1 * s.phi[j] * (gi[i] * s.gpe_q[q]) -
                              t.g1 * s.phi[j] * (gi[i] * s.gce_q[q]) -
                              t.g * (gi[i] * gi[j]));
                      else if (s.field[j] == 1)
                        v += t.bruggeman * t.kappa * (gi[i] * gi[j]);
                      break;
                    case 2:
                      if (s.electrode)
                        {
                          v = s.phi[i] * d_cur;
                          if (s.field[j] == 2)
                            v += s.sigma_eff * (gi[i] * gi[j]);
                        }
                      break;
                    default:
                      v = dsigma_de * d_sw * s.divv[i];
                      if (s.field[j] == 3)
                        v += law.strain_tangent(s.symgrad[i],
                                                s.divv[i],
                                                s.symgrad[j],
                                                s.divv[j]);
                  }
                cell_matrix(i, j) += v * JxW;
              }
          }
      }
    } // namespace
  }   // namespace electrode_assembly



  template <int dim>
  void
  ElectrodeProblem<dim>::assemble(const LA::MPI::Vector &evaluation_point,
                                  const bool             with_jacobian)
  {
    TimerOutput::Scope t(*get_timer(comm),
                         with_jacobian ? "assemble Jacobian" :
                                         "assemble residual");
    // (ghosted_old is imported once per step, in set_time_step())
    ghosted = evaluation_point;
    if (with_jacobian)
      system.matrix = 0;
    system.rhs = 0;

    electrode_assembly::Scratch<dim> scratch(*fe, n_gauss_points());
    scratch.dt              = bdf.effective_step();
    scratch.history_weights = bdf.history_weights();
    scratch.bdf2            = bdf.order() == 2;
    scratch.tp = electrolyte.transference_number(initial_electrolyte);
    scratch.RT = constants::gas_constant * temperature;

    for (const auto &cell : dof_handler.active_cell_iterators())
      if (cell->is_locally_owned())
        assemble_cell(cell, scratch, with_jacobian);
    local_update_seconds_total += scratch.local_update_seconds;

    system.rhs.compress(VectorOperation::add);
    if (with_jacobian)
      {
        system.matrix.compress(VectorOperation::add);
        system.update_inverse_diagonal();
      }

    local_failure = Utilities::MPI::max(scratch.failed ? 1 : 0, comm) == 1;
    if (local_failure)
      {
        // A state at which a local update fails is outside the domain of
        // the constitutive laws: a non-finite residual makes the Newton
        // method damp its update (or reject the step at its start).
        failure_reason =
          scratch.failed ? scratch.failure : "local update failed on a rank";
        system.rhs = std::numeric_limits<double>::quiet_NaN();
      }
  }



  template <int dim>
  void
  ElectrodeProblem<dim>::assemble_cell(
    const typename DoFHandler<dim>::active_cell_iterator &cell,
    electrode_assembly::Scratch<dim>                     &s,
    const bool                                            with_jacobian)
  {
    s.reinit(cell, ghosted, ghosted_old, s.bdf2 ? &ghosted_older : nullptr);
    const ElectrodeMaterial *mat = material_of(cell->material_id());
    s.electrode                  = (mat != nullptr);
    // The region's laws: elasticity (in an electrode E(eps) at the
    // committed porosity of each point) and Bruggeman exponent.
    IsotropicElasticity law = separator.elasticity();
    const double        b_e =
      mat ? mat->effective.electrolyte_exponent : separator.bruggeman_exponent;
    s.sigma_eff = mat ? mat->effective_solid_conductivity() : 0;
    std::vector<std::shared_ptr<ElectrodePointState>> cs, ts, os;
    if (mat)
      {
        cs = committed_state.get_data(cell);
        ts = trial_state.get_data(cell);
        if (s.bdf2)
          os = older_state.get_data(cell);
      }

    for (unsigned int q = 0; q < s.fv.n_quadrature_points; ++q)
      {
        const double JxW = s.fv.JxW(q);
        s.shape_values(q);
        electrode_assembly::PointCoefficients k;
        k.porosity = separator.porosity;
        k.storage_history =
          separator.porosity * (s.history_weights[0] * s.ce_old_q[q] +
                                s.history_weights[1] * s.ce_older_q[q]);
        if (mat)
          {
            k =
              electrode_assembly::evaluate_point(*mat,
                                                 *cs[q],
                                                 s.bdf2 ? os[q].get() : nullptr,
                                                 *ts[q],
                                                 q,
                                                 s);
            law = mat->stiffness.elasticity(cs[q]->porosity);
          }
        const electrode_assembly::TransportCoefficients tc =
          electrode_assembly::transport_coefficients(electrolyte,
                                                     s.RT,
                                                     s.tp,
                                                     s.ce_q[q],
                                                     k.porosity,
                                                     b_e);
        const SymmetricTensor<2, dim> sigma =
          law.stress(s.eps_q[q], k.swelling);
        electrode_assembly::add_point_residual(s,
                                               q,
                                               k,
                                               tc,
                                               sigma,
                                               JxW,
                                               s.cell_rhs);
        if (with_jacobian)
          electrode_assembly::add_point_jacobian(s,
                                                 q,
                                                 k,
                                                 tc,
                                                 law,
                                                 JxW,
                                                 s.cell_matrix);
      }
    assemble_boundary(cell, s, with_jacobian);

    cell->get_dof_indices(s.dofs);
    if (with_jacobian)
      zero_constraints.distribute_local_to_global(s.cell_matrix,
                                                  s.cell_rhs,
                                                  s.dofs,
                                                  system.matrix,
                                                  system.rhs);
    else
      zero_constraints.distribute_local_to_global(s.cell_rhs,
                                                  s.dofs,
                                                  system.rhs);
  }



  template <int dim>
  void
  ElectrodeProblem<dim>::assemble_boundary(
    const typename DoFHandler<dim>::active_cell_iterator &cell,
    electrode_assembly::Scratch<dim>                     &s,
    const bool                                            with_jacobian) const
  {
    constexpr double         F        = constants::faraday;
    const types::boundary_id terminal = terminal_boundary();
    const unsigned int       n        = s.field.size();
    for (const auto f : cell->face_indices())
      if (cell->at_boundary(f))
        {
          const auto id = cell->face(f)->boundary_id();
          const bool li_metal =
            geometry.cell_type == CellType::half_cell &&
            id == ElectrodeGeometry<dim>::positive_boundary_id;
          const bool term = (id == terminal) && s.electrode;
          const bool stack =
            id == ElectrodeGeometry<dim>::positive_boundary_id &&
            stack_mechanics.has_face_traction();
          if (!li_metal && !term && !stack)
            continue;
          s.ffv.reinit(cell, f);
          if (stack)
            add_stack_traction(s, with_jacobian);
          if (!li_metal && !term)
            continue;
          s.ffv[FEValuesExtractors::Scalar(c_comp)].get_function_values(ghosted,
                                                                        s.ce_f);
          s.ffv[FEValuesExtractors::Scalar(pe_comp)]
            .get_function_values(ghosted, s.pe_f);
          for (unsigned int q = 0; q < s.ffv.n_quadrature_points; ++q)
            {
              const double JxW = s.ffv.JxW(q);
              if (term && mode == OperatingMode::current)
                for (unsigned int i = 0; i < n; ++i)
                  if (s.field[i] == 2)
                    s.cell_rhs(i) -=
                      s.ffv.shape_value(i, q) * imposed_value * JxW;
              if (!li_metal)
                continue;
              const KineticsCurrent k =
                counter_kinetics.evaluate(-s.pe_f[q], s.ce_f[q], 0.0);
              for (unsigned int i = 0; i < n; ++i)
                {
                  const double w = s.ffv.shape_value(i, q);
                  if (w == 0 || s.field[i] > 1)
                    continue;
                  const double factor =
                    (s.field[i] == 0) ? (1 - s.tp) / F : 1.0;
                  s.cell_rhs(i) += w * factor * k.current * JxW;
                  if (with_jacobian)
                    for (unsigned int j = 0; j < n; ++j)
                      {
                        const double d =
                          (s.field[j] == 0) ? k.d_delectrolyte_concentration :
                          (s.field[j] == 1) ? -k.d_doverpotential :
                                              0.0;
                        if (d != 0)
                          s.cell_matrix(i, j) -=
                            w * factor * d * s.ffv.shape_value(j, q) * JxW;
                      }
                }
            }
        }
  }



  template <int dim>
  void
  ElectrodeProblem<dim>::add_stack_traction(electrode_assembly::Scratch<dim> &s,
                                            const bool with_jacobian) const
  {
    // Residual  + int p_stack(u_x) n.v  (traction t = -p_stack n).
    const FiniteElement<dim> &fe_ = s.ffv.get_fe();
    s.ffv[FEValuesExtractors::Scalar(u_comp)].get_function_values(ghosted,
                                                                  s.ux_f);
    const double       k = stack_mechanics.face_pressure_derivative();
    const unsigned int n = s.field.size();
    for (unsigned int q = 0; q < s.ffv.n_quadrature_points; ++q)
      {
        const double          JxW    = s.ffv.JxW(q);
        const double          p      = stack_mechanics.face_pressure(s.ux_f[q]);
        const Tensor<1, dim> &normal = s.ffv.normal_vector(q);
        for (unsigned int i = 0; i < n; ++i)
          {
            if (s.field[i] != 3)
              continue;
            const unsigned int di =
              fe_.system_to_component_index(i).first - u_comp;
            const double vi = s.ffv.shape_value(i, q) * normal[di];
            if (vi == 0)
              continue;
            s.cell_rhs(i) -= p * vi * JxW;
            if (with_jacobian && k != 0)
              for (unsigned int j = 0; j < n; ++j)
                if (s.field[j] == 3 &&
                    fe_.system_to_component_index(j).first == u_comp)
                  s.cell_matrix(i, j) += k * vi * s.ffv.shape_value(j, q) * JxW;
          }
      }
  }



  template <int dim>
  double
  ElectrodeProblem<dim>::residual_norm() const
  {
    if (local_failure)
      return std::numeric_limits<double>::quiet_NaN();
    return NewtonTransientProblem::residual_norm();
  }



  template <int dim>
  bool
  ElectrodeProblem<dim>::is_admissible(const LA::MPI::Vector &state) const
  {
    // c_e stays above a small fraction of its initial value.
    bool ok = true;
    for (const auto i : owned_dofs)
      if (electrolyte_mask[i] > 0 &&
          !(state[i] > minimum_electrolyte_fraction * initial_electrolyte))
        ok = false;
    return Utilities::MPI::min(ok ? 1 : 0, comm) == 1;
  }



#define CHEMOMECH_INSTANTIATE(dim)                                              \
  template void ElectrodeProblem<dim>::assemble(const LA::MPI::Vector &,        \
                                                const bool);                    \
  template void ElectrodeProblem<dim>::assemble_cell(                           \
    const typename DoFHandler<dim>::active_cell_iterator &,                     \
    electrode_assembly::Scratch<dim> &,                                         \
    const bool);                                                                \
  template void ElectrodeProblem<dim>::assemble_boundary(                       \
    const typename DoFHandler<dim>::active_cell_iterator &,                     \
    electrode_assembly::Scratch<dim> &,                                         \
    const bool) const;                                                          \
  template void ElectrodeProblem<dim>::add_stack_traction(                      \
    electrode_assembly::Scratch<dim> &,                                         \
    const bool) const;                                                          \
  template double ElectrodeProblem<dim>::residual_norm() const;                 \
  template bool   ElectrodeProblem<dim>::is_admissible(const LA::MPI::Vector &) \
    const;

  CHEMOMECH_INSTANTIATE(1)
  CHEMOMECH_INSTANTIATE(2)
  CHEMOMECH_INSTANTIATE(3)
#undef CHEMOMECH_INSTANTIATE
} // namespace chemomech
