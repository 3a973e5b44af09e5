#include <chemomech/physics/electrode/electrode_problem.h>
#include <chemomech/physics/electrode/field_components.h>
#include <chemomech/postprocess/stress_measures.h>

#include <deal.II/base/mpi.h>
#include <deal.II/base/quadrature_lib.h>
#include <deal.II/fe/fe_values.h>

#include <limits>
#include <utility>

namespace chemomech
{
  using namespace dealii;
  using namespace electrode_fields;

  template <int dim>
  ElectrodeStress
  ElectrodeProblem<dim>::electrode_stress(
    const ElectrodeMaterial       *mat,
    const ElectrodePointState     *state,
    const ElectrodePointState     *committed,
    const SymmetricTensor<2, dim> &strain) const
  {
    ElectrodeStress s;
    double          e_star = 0;
    if (mat)
      {
        // The stiffness of the committed porosity and the swelling of the
        // state: the stress the momentum balance of the step carries.
        s.porosity = committed->porosity;
        e_star     = mat->swelling_strain(
          mat->point_update().average_concentration(*state));
      }
    else
      s.porosity = separator.porosity;
    const IsotropicElasticity law =
      mat ? mat->stiffness.elasticity(s.porosity) : separator.elasticity();
    s.measures =
      compute_stress_measures(law, strain, e_star, Point<dim>(), Point<dim>());
    s.solid_hydrostatic = s.measures.hydrostatic / (1 - s.porosity);
    return s;
  }



  template <int dim>
  void
  ElectrodeProblem<dim>::add_mechanics_integrals(
    ElectrodeIntegrals                                       &I,
    const CellDataStorage<CellIterator, ElectrodePointState> &state) const
  {
    FEValues<dim>                        fv(*fe,
                     QGauss<dim>(n_gauss_points()),
                     update_gradients | update_JxW_values);
    std::vector<SymmetricTensor<2, dim>> eps_q(fv.n_quadrature_points);
    const FEValuesExtractors::Vector     u(u_comp);
    double                               sigma_xx = 0, volume = 0;
    std::array<double, 2>                region_volume = {{0, 0}};
    for (const auto &cell : dof_handler.active_cell_iterators())
      if (cell->is_locally_owned())
        {
          fv.reinit(cell);
          fv[u].get_function_symmetric_gradients(ghosted, eps_q);
          const ElectrodeMaterial *mat = material_of(cell->material_id());
          const unsigned int       e   = electrode_index(cell->material_id());
          std::vector<std::shared_ptr<const ElectrodePointState>> st, cs;
          if (mat)
            {
              st = state.get_data(cell);
              cs = std::as_const(committed_state).get_data(cell);
            }
          for (unsigned int q = 0; q < fv.n_quadrature_points; ++q)
            {
              const double          JxW = fv.JxW(q);
              const ElectrodeStress s =
                mat ?
                  electrode_stress(mat, st[q].get(), cs[q].get(), eps_q[q]) :
                  electrode_stress(nullptr, nullptr, nullptr, eps_q[q]);
              I.cell_thickness_change += eps_q[q][0][0] * JxW;
              sigma_xx += s.measures.sigma[0][0] * JxW;
              volume += JxW;
              if (!mat)
                continue;
              I.thickness_change[e] += eps_q[q][0][0] * JxW;
              I.surface_stress_mean[e] += st[q]->rates.hydrostatic_stress * JxW;
              I.solid_stress_mean[e] += s.solid_hydrostatic * JxW;
              region_volume[e] += JxW;
            }
        }
    const double A = geometry.cross_section_area();
    I.cell_thickness_change =
      Utilities::MPI::sum(I.cell_thickness_change, comm) / A;
    // int sigma_xx dV = L F_x(x = L) (div sigma = 0, rollers, x = 0 at the
    // collector face): the mean of -sigma_xx is the stack-face pressure.
    I.stack_pressure =
      -Utilities::MPI::sum(sigma_xx, comm) / Utilities::MPI::sum(volume, comm);
    for (unsigned int e = 0; e < 2; ++e)
      {
        I.thickness_change[e] =
          Utilities::MPI::sum(I.thickness_change[e], comm) / A;
        const double v = Utilities::MPI::sum(region_volume[e], comm);
        I.surface_stress_mean[e] =
          (v > 0) ? Utilities::MPI::sum(I.surface_stress_mean[e], comm) / v :
                    0.0;
        I.solid_stress_mean[e] =
          (v > 0) ? Utilities::MPI::sum(I.solid_stress_mean[e], comm) / v : 0.0;
      }
  }



  template <int dim>
  void
  ElectrodeProblem<dim>::compute_stress_cell_data(
    std::vector<Vector<float>> &data) const
  {
    // xx, yy, zz, xy, yz, xz, hydrostatic, von Mises, solid hydrostatic
    data.assign(stress_cell_names().size(),
                Vector<float>(triangulation->n_active_cells()));
    FEValues<dim>                        fv(*fe,
                     QGauss<dim>(n_gauss_points()),
                     update_gradients | update_JxW_values);
    std::vector<SymmetricTensor<2, dim>> eps_q(fv.n_quadrature_points);
    const FEValuesExtractors::Vector     u(u_comp);
    for (const auto &cell : dof_handler.active_cell_iterators())
      if (cell->is_locally_owned())
        {
          fv.reinit(cell);
          fv[u].get_function_symmetric_gradients(ghosted, eps_q);
          const ElectrodeMaterial *mat = material_of(cell->material_id());
          std::vector<std::shared_ptr<const ElectrodePointState>> cs;
          if (mat)
            cs = std::as_const(committed_state).get_data(cell);
          std::vector<double> avg(data.size(), 0.0);
          double              vol = 0;
          for (unsigned int q = 0; q < fv.n_quadrature_points; ++q)
            {
              const ElectrodeStress s =
                mat ?
                  electrode_stress(mat, cs[q].get(), cs[q].get(), eps_q[q]) :
                  electrode_stress(nullptr, nullptr, nullptr, eps_q[q]);
              const auto                 &t   = s.measures.sigma;
              const double                JxW = fv.JxW(q);
              const std::array<double, 9> v   = {{t[0][0],
                                                  t[1][1],
                                                  t[2][2],
                                                  t[0][1],
                                                  t[1][2],
                                                  t[0][2],
                                                  s.measures.hydrostatic,
                                                  s.measures.von_mises,
                                                  s.solid_hydrostatic}};
              for (unsigned int k = 0; k < v.size(); ++k)
                avg[k] += v[k] * JxW;
              vol += JxW;
            }
          for (unsigned int k = 0; k < data.size(); ++k)
            data[k][cell->active_cell_index()] =
              static_cast<float>(avg[k] / vol);
          // The solid phase exists only in the electrodes.
          if (!mat)
            data[8][cell->active_cell_index()] =
              std::numeric_limits<float>::quiet_NaN();
        }
  }



  template <int dim>
  const std::vector<std::string> &
  ElectrodeProblem<dim>::stress_cell_names()
  {
    static const std::vector<std::string> names = {
      "electrode_stress_xx",
      "electrode_stress_yy",
      "electrode_stress_zz",
      "electrode_stress_xy",
      "electrode_stress_yz",
      "electrode_stress_xz",
      "electrode_hydrostatic_stress",
      "electrode_von_mises_stress",
      "solid_hydrostatic_stress"};
    return names;
  }



#define CHEMOMECH_INSTANTIATE(dim)                                    \
  template ElectrodeStress ElectrodeProblem<dim>::electrode_stress(   \
    const ElectrodeMaterial *,                                        \
    const ElectrodePointState *,                                      \
    const ElectrodePointState *,                                      \
    const SymmetricTensor<2, dim> &) const;                           \
  template void ElectrodeProblem<dim>::add_mechanics_integrals(       \
    ElectrodeIntegrals &,                                             \
    const CellDataStorage<typename Triangulation<dim>::cell_iterator, \
                          ElectrodePointState> &) const;              \
  template void ElectrodeProblem<dim>::compute_stress_cell_data(      \
    std::vector<Vector<float>> &) const;                              \
  template const std::vector<std::string>                             \
    &ElectrodeProblem<dim>::stress_cell_names();

  CHEMOMECH_INSTANTIATE(1)
  CHEMOMECH_INSTANTIATE(2)
  CHEMOMECH_INSTANTIATE(3)
#undef CHEMOMECH_INSTANTIATE
} // namespace chemomech
