#include <chemomech/io/statistics_table.h>
#include <chemomech/physics/particle/particle_problem.h>
#include <chemomech/postprocess/stress_measures.h>

#include <deal.II/base/quadrature_lib.h>
#include <deal.II/base/timer.h>
#include <deal.II/base/utilities.h>
#include <deal.II/fe/fe_values.h>

#include <limits>

namespace chemomech
{
  using namespace dealii;



  template <int dim>
  ParticleStatistics
  ParticleProblem<dim>::compute_statistics()
  {
    TimerOutput::Scope t(*get_timer(comm), "statistics");
    ghosted = solution;
    ParticleStatistics                   s;
    const QGauss<dim>                    quad(fe->degree + 1);
    const QGauss<dim - 1>                fquad(fe->degree + 1);
    FEValues<dim>                        fv(*mapping,
                     *fe,
                     quad,
                     update_values | update_gradients | update_JxW_values |
                       update_quadrature_points);
    FEFaceValues<dim>                    ffv(*mapping,
                          *fe,
                          fquad,
                          update_values | update_gradients | update_JxW_values |
                            update_quadrature_points);
    const FEValuesExtractors::Vector     u_ex(0);
    const FEValuesExtractors::Scalar     c_ex(dim);
    std::vector<SymmetricTensor<2, dim>> eps(quad.size()), eps_f(fquad.size());
    std::vector<double>                  c(quad.size()), c_f(fquad.size());
    const Point<dim>                     centre = geometry.centre();
    const double                         cmax   = material.max_concentration;

    const double big = std::numeric_limits<double>::max();
    double sh_min = big, sh_max = -big, p_max = -big, x_min = big, x_max = -big,
           hoop_max = -big;
    double li = 0, energy = 0, x_int = 0, hoop_int = 0, flux = 0, eta_int = 0,
           sh_int = 0;
    for (const auto &cell : dof_handler.active_cell_iterators())
      if (cell->is_locally_owned())
        {
          fv.reinit(cell);
          fv[u_ex].get_function_symmetric_gradients(ghosted, eps);
          fv[c_ex].get_function_values(ghosted, c);
          for (unsigned int q = 0; q < quad.size(); ++q)
            {
              const auto m =
                compute_stress_measures<dim>(material.elasticity,
                                             eps[q],
                                             material.eigenstrain(c[q]),
                                             fv.quadrature_point(q),
                                             centre);
              li += c[q] * fv.JxW(q);
              energy += m.strain_energy_density * fv.JxW(q);
              sh_min = std::min(sh_min, m.hydrostatic);
              sh_max = std::max(sh_max, m.hydrostatic);
              p_max  = std::max(p_max, m.max_principal);
            }
          for (const auto f : cell->face_indices())
            if (cell->at_boundary(f) &&
                surface.is_active(cell->face(f)->boundary_id()))
              {
                ffv.reinit(cell, f);
                ffv[u_ex].get_function_symmetric_gradients(ghosted, eps_f);
                ffv[c_ex].get_function_values(ghosted, c_f);
                for (unsigned int q = 0; q < fquad.size(); ++q)
                  {
                    const auto m =
                      compute_stress_measures<dim>(material.elasticity,
                                                   eps_f[q],
                                                   material.eigenstrain(c_f[q]),
                                                   ffv.quadrature_point(q),
                                                   centre);
                    const double x = c_f[q] / cmax;
                    x_int += x * ffv.JxW(q);
                    x_min = std::min(x_min, x);
                    x_max = std::max(x_max, x);
                    hoop_int += m.hoop * ffv.JxW(q);
                    hoop_max = std::max(hoop_max, m.hoop);
                    // sigma_h enters only with the stress-shifted
                    // equilibrium potential.
                    const double sh =
                      material.hydrostatic_stress(eps_f[q], c_f[q]);
                    sh_int += sh * ffv.JxW(q);
                    flux += surface.inward_flux(c_f[q], sh).value * ffv.JxW(q);
                    if (surface.type == SurfaceConditionType::butler_volmer)
                      eta_int += surface.overpotential(c_f[q], sh) * ffv.JxW(q);
                  }
              }
        }
    s.total_lithium         = Utilities::MPI::sum(li, comm);
    s.elastic_energy        = Utilities::MPI::sum(energy, comm);
    s.mean_stoichiometry    = s.total_lithium / (cmax * volume);
    s.surface_x_mean        = Utilities::MPI::sum(x_int, comm) / active_area;
    s.surface_x_min         = Utilities::MPI::min(x_min, comm);
    s.surface_x_max         = Utilities::MPI::max(x_max, comm);
    s.sigma_h_min           = Utilities::MPI::min(sh_min, comm);
    s.sigma_h_max           = Utilities::MPI::max(sh_max, comm);
    s.max_principal         = Utilities::MPI::max(p_max, comm);
    s.surface_hoop_mean     = Utilities::MPI::sum(hoop_int, comm) / active_area;
    s.surface_hoop_max      = Utilities::MPI::max(hoop_max, comm);
    s.surface_flux          = Utilities::MPI::sum(flux, comm);
    s.surface_overpotential = Utilities::MPI::sum(eta_int, comm) / active_area;
    s.surface_sigma_h_mean  = Utilities::MPI::sum(sh_int, comm) / active_area;

    const auto centre_sample =
      sample_points<dim>(*mapping, dof_handler, ghosted, {centre});
    if (centre_sample[0].found)
      {
        s.centre_x = centre_sample[0].values[dim] / cmax;
        SymmetricTensor<2, dim> e;
        for (unsigned int i = 0; i < dim; ++i)
          for (unsigned int j = 0; j < dim; ++j)
            e[i][j] = 0.5 * (centre_sample[0].gradients[i][j] +
                             centre_sample[0].gradients[j][i]);
        s.centre_radial_stress =
          compute_stress_measures<dim>(material.elasticity,
                                       e,
                                       material.eigenstrain(
                                         centre_sample[0].values[dim]),
                                       centre,
                                       centre)
            .radial;
      }

    LA::MPI::Vector change(solution);
    change -= old_solution;
    change.scale(concentration_mask);
    s.max_dx = change.linfty_norm() / cmax;
    return s;
  }



  template <int dim>
  void
  ParticleProblem<dim>::declare_statistics(StatisticsTable &table) const
  {
    // In 2D (plane strain) the extensive quantities are per metre of depth.
    const bool        plane = (dim == 2);
    const std::string mol   = plane ? "mol/m" : "mol";
    const std::string joule = plane ? "J/m" : "J";
    const std::string flux  = plane ? "mol/(m s)" : "mol/s";
    table.add_column("time", "s");
    table.add_column("dt", "s");
    table.add_column("newton_iterations", "", ColumnFormat::integer);
    table.add_column("linear_iterations", "", ColumnFormat::integer);
    table.add_column("mean_x", "-");
    table.add_column("surface_x_mean", "-");
    table.add_column("surface_x_min", "-");
    table.add_column("surface_x_max", "-");
    table.add_column("sigma_h_min", "Pa");
    table.add_column("sigma_h_max", "Pa");
    table.add_column("max_principal_stress", "Pa");
    table.add_column("surface_hoop_mean", "Pa");
    table.add_column("surface_hoop_max", "Pa");
    table.add_column("centre_radial_stress", "Pa");
    table.add_column("total_lithium", mol);
    table.add_column("lithium_balance_error", "-");
    table.add_column("elastic_energy", joule);
    table.add_column("surface_flux", flux);
    table.add_column("surface_overpotential", "V");
    table.add_column("surface_sigma_h_mean", "Pa");
    table.add_column("centre_x", "-");
  }



  template <int dim>
  void
  ParticleProblem<dim>::add_statistics(StatisticsTable &table,
                                       const double     dt) const
  {
    table.set("time", time);
    table.set("dt", dt);
    table.set("newton_iterations", accepted_newton.iterations);
    table.set("linear_iterations", accepted_newton.linear_iterations);
    table.set("mean_x", stats.mean_stoichiometry);
    table.set("surface_x_mean", stats.surface_x_mean);
    table.set("surface_x_min", stats.surface_x_min);
    table.set("surface_x_max", stats.surface_x_max);
    table.set("sigma_h_min", stats.sigma_h_min);
    table.set("sigma_h_max", stats.sigma_h_max);
    table.set("max_principal_stress", stats.max_principal);
    table.set("surface_hoop_mean", stats.surface_hoop_mean);
    table.set("surface_hoop_max", stats.surface_hoop_max);
    table.set("centre_radial_stress", stats.centre_radial_stress);
    table.set("total_lithium", stats.total_lithium);
    // relative: (inflow - change of content) / content
    table.set("lithium_balance_error",
              (cumulative_inflow - (stats.total_lithium - initial_lithium)) /
                stats.total_lithium);
    table.set("elastic_energy", stats.elastic_energy);
    table.set("surface_flux", stats.surface_flux);
    table.set("surface_overpotential", stats.surface_overpotential);
    table.set("surface_sigma_h_mean", stats.surface_sigma_h_mean);
    table.set("centre_x", stats.centre_x);
  }



#define CHEMOMECH_INSTANTIATE(dim)                                          \
  template ParticleStatistics ParticleProblem<dim>::compute_statistics();   \
  template void ParticleProblem<dim>::declare_statistics(StatisticsTable &) \
    const;                                                                  \
  template void ParticleProblem<dim>::add_statistics(StatisticsTable &,     \
                                                     const double) const;

  CHEMOMECH_INSTANTIATE(2)
  CHEMOMECH_INSTANTIATE(3)
#undef CHEMOMECH_INSTANTIATE
} // namespace chemomech
