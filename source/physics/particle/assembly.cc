#include <chemomech/physics/particle/particle_problem.h>

#include <deal.II/base/timer.h>

#include <cmath>

namespace chemomech
{
  using namespace dealii;



  template <int dim>
  void
  ParticleProblem<dim>::assemble(const LA::MPI::Vector &evaluation_point,
                                 const bool             with_jacobian)
  {
    TimerOutput::Scope t(*get_timer(comm),
                         with_jacobian ? "assemble Jacobian" :
                                         "assemble residual");
    ghosted = evaluation_point;
    // Refill only the concentration rows when the rest is already there.
    const bool partial =
      with_jacobian && partial_jacobian_allowed && constant_jacobian_assembled;
    if (partial)
      system.matrix.clear_rows(owned_concentration_rows);
    else if (with_jacobian)
      system.matrix = 0;
    system.rhs = 0;

    ParticleAssemblyScratch<dim> scratch(*mapping,
                                         *fe,
                                         surface.depends_on_stress());
    for (const auto &cell : dof_handler.active_cell_iterators())
      if (cell->is_locally_owned())
        {
          assemble_cell(cell, scratch, with_jacobian, partial);
          cell->get_dof_indices(scratch.dofs);
          if (partial)
            {
              zero_constraints.distribute_local_to_global(scratch.cell_rhs,
                                                          scratch.dofs,
                                                          system.rhs);
              add_concentration_rows(scratch);
            }
          else if (with_jacobian)
            zero_constraints.distribute_local_to_global(scratch.cell_matrix,
                                                        scratch.cell_rhs,
                                                        scratch.dofs,
                                                        system.matrix,
                                                        system.rhs);
          else
            zero_constraints.distribute_local_to_global(scratch.cell_rhs,
                                                        scratch.dofs,
                                                        system.rhs);
        }

    system.rhs.compress(VectorOperation::add);
    if (with_jacobian)
      {
        system.matrix.compress(VectorOperation::add);
        constant_jacobian_assembled = true;
        system.update_inverse_diagonal();
      }
  }



  template <int dim>
  void
  ParticleProblem<dim>::assemble_cell(
    const typename DoFHandler<dim>::active_cell_iterator &cell,
    ParticleAssemblyScratch<dim>                         &scratch,
    const bool                                            with_jacobian,
    const bool                                            partial) const
  {
    const FEValuesExtractors::Vector u_ex(0);
    const FEValuesExtractors::Scalar c_ex(dim), p_ex(dim + 1);
    auto                            &fv = scratch.fv;
    fv.reinit(cell);
    scratch.cell_matrix = 0;
    scratch.cell_rhs    = 0;
    fv[u_ex].get_function_symmetric_gradients(ghosted, scratch.eps_q);
    fv[c_ex].get_function_values(ghosted, scratch.c_q);
    fv[c_ex].get_function_gradients(ghosted, scratch.grad_c_q);
    fv[p_ex].get_function_values(ghosted, scratch.p_q);
    fv[p_ex].get_function_gradients(ghosted, scratch.grad_p_q);
    fv[c_ex].get_function_values(ghosted_old, scratch.c_old_q);
    fv[c_ex].get_function_values(ghosted_older, scratch.c_older_q);
    std::fill(scratch.lumped.begin(), scratch.lumped.end(), 0.0);

    for (unsigned int q = 0; q < scratch.nq; ++q)
      {
        evaluate_point(scratch, q);
        add_point_residual(scratch, q);
        if (with_jacobian)
          add_point_jacobian(scratch, partial);
      }

    // Lumped (row-sum) storage term m_i dc_i/dt with nodal values: no over-
    // and undershoots next to a sudden change of the surface concentration,
    // so c stays within its bounds.
    if (lumped_mass)
      add_lumped_storage(cell, scratch, with_jacobian);

    if (!equilibrium_mode &&
        surface.type != SurfaceConditionType::fixed_concentration)
      add_surface_flux(cell, scratch, with_jacobian);
  }



  template <int dim>
  void
  ParticleProblem<dim>::evaluate_point(ParticleAssemblyScratch<dim> &s,
                                       const unsigned int            q) const
  {
    for (unsigned int k = 0; k < s.n; ++k)
      {
        s.phi[k]  = s.fv.shape_value(k, q);
        s.grad[k] = s.fv.shape_grad(k, q);
      }
    s.JxW   = s.fv.JxW(q);
    s.c     = s.c_q[q];
    s.sigma = material.stress(s.eps_q[q], s.c);
    s.sh    = material.hydrostatic_stress(s.eps_q[q], s.c);
    s.k     = material.flux_coefficients(s.c);
    s.c_dot = bdf[0] * s.c + bdf[1] * s.c_old_q[q] + bdf[2] * s.c_older_q[q];
    // -J = D_c grad c - B grad sigma_h
    s.minus_flux = s.k.fickian * s.grad_c_q[q] - s.k.drift * s.grad_p_q[q];
    // Parts of d(-J)/dc that do not depend on the test function.
    s.d_minus_flux_dc =
      s.k.d_fickian_dc * s.grad_c_q[q] - s.k.d_drift_dc * s.grad_p_q[q];
  }



  template <int dim>
  void
  ParticleProblem<dim>::add_point_residual(ParticleAssemblyScratch<dim> &s,
                                           const unsigned int q) const
  {
    // The sigma_h equation (p - sigma_h) / K = 0, scaled by the compliance.
    const double compliance = material.elasticity.bulk_compliance();
    for (unsigned int i = 0; i < s.n; ++i)
      {
        double r = 0;
        switch (s.field[i])
          {
            case 0: // sigma : eps(v) = sigma[a] . grad phi
              for (unsigned int b = 0; b < dim; ++b)
                r += s.sigma[s.comp[i]][b] * s.grad[i][b];
              break;
            case 1:
              if (lumped_mass)
                {
                  // storage term added per node in add_lumped_storage()
                  s.lumped[i] += s.phi[i] * s.JxW;
                  r = equilibrium_mode ? 0.0 : s.grad[i] * s.minus_flux;
                }
              else
                r = equilibrium_mode ?
                      s.phi[i] * (s.c - s.c_old_q[q]) :
                      s.phi[i] * s.c_dot + s.grad[i] * s.minus_flux;
              break;
            default:
              r = s.phi[i] * (s.p_q[q] - s.sh) * compliance;
          }
        s.cell_rhs(i) -= r * s.JxW;
      }
  }



  template <int dim>
  void
  ParticleProblem<dim>::add_point_jacobian(ParticleAssemblyScratch<dim> &s,
                                           const bool partial) const
  {
    // Derivatives of the material law (constant: the law is linear) and the
    // compliance 1/K that scales the sigma_h equation (p - sigma_h) / K.
    const auto  &el        = material.elasticity;
    const auto   dsigma_dc = material.stress_concentration_derivative<dim>();
    const auto   dsh_deps  = el.hydrostatic_stress_strain_derivative<dim>();
    const double dsh_dc =
      material.hydrostatic_stress_concentration_derivative();
    const double compliance = el.bulk_compliance();
    // Everything the inner loop reads, as locals: the writes into the cell
    // matrix would otherwise force the compiler to reload them.
    const unsigned int    n           = s.n;
    const unsigned int   *field       = s.field.data();
    const unsigned int   *comp        = s.comp.data();
    const double         *phi         = s.phi.data();
    const Tensor<1, dim> *grad        = s.grad.data();
    const double          JxW         = s.JxW;
    const double          fickian     = s.k.fickian;
    const double          drift       = s.k.drift;
    const Tensor<1, dim>  d_flux      = s.d_minus_flux_dc;
    const bool            equilibrium = equilibrium_mode;
    const double          storage_factor =
      lumped_mass ? 0.0 : (equilibrium ? 1.0 : bdf[0]);
    // Per column: d sigma_h/d eps : eps(w_j), w_j = phi_j e_b (symmetric).
    double *dsh_w = s.dsh_w.data();
    for (unsigned int j = 0; j < n; ++j)
      {
        dsh_w[j] = 0;
        if (field[j] == 0)
          for (unsigned int k = 0; k < dim; ++k)
            dsh_w[j] += dsh_deps[comp[j]][k] * grad[j][k];
      }
    for (unsigned int i = 0; i < n; ++i)
      {
        const unsigned int fi = field[i];
        if (partial && fi != 1)
          continue;
        const unsigned int   a      = comp[i];
        const double         phi_i  = phi[i];
        const Tensor<1, dim> grad_i = grad[i];
        // d sigma/dc contracted with grad phi_i: the (u, c) row factor.
        double dsigma_dc_grad_i = 0;
        if (fi == 0)
          for (unsigned int k = 0; k < dim; ++k)
            dsigma_dc_grad_i += dsigma_dc[a][k] * grad_i[k];
        double *row = &s.cell_matrix(i, 0);
        for (unsigned int j = 0; j < n; ++j)
          {
            double v = 0;
            switch (3 * fi + field[j])
              {
                case 0: // (u, u): eps(v):C:eps(w)
                  v = el.shape_tangent(grad_i, a, grad[j], comp[j]);
                  break;
                case 1: // (u, c): (d sigma/dc phi_j) : eps(v)
                  v = phi[j] * dsigma_dc_grad_i;
                  break;
                case 4: // (c, c)
                  v = storage_factor * phi_i * phi[j];
                  if (!equilibrium)
                    v += grad_i * (phi[j] * d_flux + fickian * grad[j]);
                  break;
                case 5: // (c, sigma_h): stress drift
                  if (!equilibrium)
                    v = -drift * (grad_i * grad[j]);
                  break;
                case 6: // (sigma_h, u): -(d sigma_h/d eps : eps(w)) / K
                  v = -compliance * phi_i * dsh_w[j];
                  break;
                case 7: // (sigma_h, c): -(d sigma_h/dc) / K
                  v = -compliance * dsh_dc * phi_i * phi[j];
                  break;
                case 8: // (sigma_h, sigma_h)
                  v = compliance * phi_i * phi[j];
                  break;
                default: // (u, sigma_h), (c, u): no coupling
                  break;
              }
            row[j] += v * JxW;
          }
      }
  }



  template <int dim>
  void
  ParticleProblem<dim>::add_lumped_storage(
    const typename DoFHandler<dim>::active_cell_iterator &cell,
    ParticleAssemblyScratch<dim>                         &s,
    const bool                                            with_jacobian) const
  {
    cell->get_dof_values(ghosted, s.local_now);
    cell->get_dof_values(ghosted_old, s.local_old);
    cell->get_dof_values(ghosted_older, s.local_older);
    for (unsigned int i = 0; i < s.n; ++i)
      if (s.field[i] == 1)
        {
          const double rate = equilibrium_mode ?
                                s.local_now[i] - s.local_old[i] :
                                bdf[0] * s.local_now[i] +
                                  bdf[1] * s.local_old[i] +
                                  bdf[2] * s.local_older[i];
          s.cell_rhs(i) -= s.lumped[i] * rate;
          if (with_jacobian)
            s.cell_matrix(i, i) +=
              s.lumped[i] * (equilibrium_mode ? 1.0 : bdf[0]);
        }
  }



  template <int dim>
  void
  ParticleProblem<dim>::add_surface_flux(
    const typename DoFHandler<dim>::active_cell_iterator &cell,
    ParticleAssemblyScratch<dim>                         &s,
    const bool                                            with_jacobian) const
  {
    // Lithium exchange through the active surface: -int j(c, sigma_h) q ds,
    // sigma_h = sigma_h(eps(u), c) of the material law at the surface point
    // when the equilibrium potential is stress-shifted (then j depends on u
    // and, through the eigenstrain, once more on c).
    const FEValuesExtractors::Vector u_ex(0);
    const FEValuesExtractors::Scalar c_ex(dim);
    const bool                       with_stress = surface.depends_on_stress();
    const auto                       dsh_deps =
      material.elasticity.hydrostatic_stress_strain_derivative<dim>();
    const double dsh_dc =
      material.hydrostatic_stress_concentration_derivative();
    for (const auto f : cell->face_indices())
      if (cell->at_boundary(f) &&
          surface.is_active(cell->face(f)->boundary_id()))
        {
          s.ffv.reinit(cell, f);
          s.ffv[c_ex].get_function_values(ghosted, s.c_f);
          if (with_stress)
            s.ffv[u_ex].get_function_symmetric_gradients(ghosted, s.eps_f);
          for (unsigned int q = 0; q < s.fquad.size(); ++q)
            {
              const double sh =
                with_stress ?
                  material.hydrostatic_stress(s.eps_f[q], s.c_f[q]) :
                  0.0;
              const SurfaceFlux jf  = surface.inward_flux(s.c_f[q], sh);
              const double      JxW = s.ffv.JxW(q);
              // dj/dU_k of each cell DoF k (zero for the sigma_h field).
              if (with_jacobian)
                for (unsigned int k = 0; k < s.n; ++k)
                  {
                    double d = 0;
                    if (s.field[k] == 1)
                      d = (jf.d_dc + jf.d_dsigma_h * dsh_dc) *
                          s.ffv[c_ex].value(k, q);
                    else if (s.field[k] == 0 && with_stress)
                      d = jf.d_dsigma_h *
                          scalar_product(dsh_deps,
                                         s.ffv[u_ex].symmetric_gradient(k, q));
                    s.dj_dU[k] = d;
                  }
              for (unsigned int i = 0; i < s.n; ++i)
                {
                  const double phi_i = s.ffv[c_ex].value(i, q);
                  if (phi_i == 0)
                    continue;
                  s.cell_rhs(i) += phi_i * jf.value * JxW;
                  if (with_jacobian)
                    for (unsigned int j = 0; j < s.n; ++j)
                      s.cell_matrix(i, j) -= phi_i * s.dj_dU[j] * JxW;
                }
            }
        }
  }



  template <int dim>
  void
  ParticleProblem<dim>::add_concentration_rows(ParticleAssemblyScratch<dim> &s)
  {
    // Concentration rows only; their columns are c and sigma_h DoFs (and u
    // DoFs with the stress-shifted equilibrium potential), whose constraints
    // (if any) are homogeneous Dirichlet without entries
    // (setup_partial_jacobian()): such columns are dropped, as
    // distribute_local_to_global would.
    for (unsigned int i = 0; i < s.n; ++i)
      if (s.field[i] == 1 && !zero_constraints.is_constrained(s.dofs[i]))
        {
          s.row_columns.clear();
          s.row_values.clear();
          for (unsigned int j = 0; j < s.n; ++j)
            if (s.cell_matrix(i, j) != 0 &&
                !zero_constraints.is_constrained(s.dofs[j]))
              {
                s.row_columns.push_back(s.dofs[j]);
                s.row_values.push_back(s.cell_matrix(i, j));
              }
          system.matrix.add(s.dofs[i],
                            s.row_columns.size(),
                            s.row_columns.data(),
                            s.row_values.data(),
                            false,
                            false);
        }
  }



#define CHEMOMECH_INSTANTIATE(dim)                                      \
  template void ParticleProblem<dim>::assemble(const LA::MPI::Vector &, \
                                               const bool);             \
  template void ParticleProblem<dim>::add_concentration_rows(           \
    ParticleAssemblyScratch<dim> &);

  CHEMOMECH_INSTANTIATE(2)
  CHEMOMECH_INSTANTIATE(3)
#undef CHEMOMECH_INSTANTIATE
} // namespace chemomech
