#include <chemomech/physics/electrode/electrode_problem.h>
#include <chemomech/physics/electrode/field_components.h>

#include <deal.II/base/mpi.h>
#include <deal.II/base/quadrature_lib.h>
#include <deal.II/fe/fe_values.h>

#include <cmath>
#include <limits>
#include <utility>

namespace chemomech
{
  using namespace dealii;
  using namespace electrode_fields;

  namespace
  {
    /// Reduces the local sums and extrema of @p I over @p comm; per unit
    /// collector area @p A; the volumes are local too.
    void
    reduce_integrals(ElectrodeIntegrals    &I,
                     std::array<double, 2> &region_volume,
                     double                 electrode_volume,
                     double                 sei_volume,
                     double                 terminal_area,
                     const double           A,
                     const MPI_Comm         comm)
    {
      const auto sum = [&](double &v) { v = Utilities::MPI::sum(v, comm) / A; };
      sum(I.electrolyte_lithium);
      for (unsigned int e = 0; e < 2; ++e)
        {
          sum(I.solid_lithium[e]);
          sum(I.lost_lithium[e]);
          sum(I.reaction_current[e]);
          sum(I.sei_current[e]);
          region_volume[e] = Utilities::MPI::sum(region_volume[e], comm);
          I.mean_stoichiometry[e] =
            (region_volume[e] > 0) ?
              Utilities::MPI::sum(I.mean_stoichiometry[e], comm) /
                region_volume[e] :
              0.0;
          I.electrode_porosity_mean[e] =
            (region_volume[e] > 0) ?
              Utilities::MPI::sum(I.electrode_porosity_mean[e], comm) /
                region_volume[e] :
              0.0;
          I.electrode_porosity_min[e] =
            Utilities::MPI::min(I.electrode_porosity_min[e], comm);
          I.electrode_porosity_max[e] =
            Utilities::MPI::max(I.electrode_porosity_max[e], comm);
        }
      sum(I.counter_current);
      terminal_area = Utilities::MPI::sum(terminal_area, comm);
      I.terminal_potential =
        Utilities::MPI::sum(I.terminal_potential, comm) / terminal_area;
      electrode_volume = Utilities::MPI::sum(electrode_volume, comm);
      sei_volume       = Utilities::MPI::sum(sei_volume, comm);
      I.porosity_mean =
        Utilities::MPI::sum(I.porosity_mean, comm) / electrode_volume;
      I.porosity_min = Utilities::MPI::min(I.porosity_min, comm);
      I.porosity_max = Utilities::MPI::max(I.porosity_max, comm);
      I.sei_thickness_mean =
        (sei_volume > 0) ?
          Utilities::MPI::sum(I.sei_thickness_mean, comm) / sei_volume :
          0.0;
      I.sei_thickness_max = Utilities::MPI::max(I.sei_thickness_max, comm);
      I.surface_x_min     = Utilities::MPI::min(I.surface_x_min, comm);
      I.surface_x_max     = Utilities::MPI::max(I.surface_x_max, comm);
      for (unsigned int e = 0; e < 2; ++e)
        {
          I.electrode_x_min[e] =
            Utilities::MPI::min(I.electrode_x_min[e], comm);
          I.electrode_x_max[e] =
            Utilities::MPI::max(I.electrode_x_max[e], comm);
        }
      I.max_dx = Utilities::MPI::max(I.max_dx, comm);

      // The clogged location of the lowest rank that has one.
      const unsigned long long mine = I.clogged_points;
      I.clogged_points              = Utilities::MPI::sum(mine, comm);
      const unsigned int rank       = Utilities::MPI::this_mpi_process(comm);
      const unsigned int first =
        Utilities::MPI::min(mine > 0 ? rank :
                                       std::numeric_limits<unsigned int>::max(),
                            comm);
      for (auto &x : I.clogged_location)
        x = Utilities::MPI::sum(rank == first ? x : 0.0, comm);
    }
  } // namespace



  template <int dim>
  ElectrodeIntegrals
  ElectrodeProblem<dim>::compute_integrals(
    const CellDataStorage<CellIterator, ElectrodePointState> &state)
  {
    ghosted = solution;
    FEValues<dim>       fv(*fe,
                     QGauss<dim>(n_gauss_points()),
                     update_values | update_gradients | update_JxW_values |
                       update_quadrature_points);
    std::vector<double> ce_q(fv.n_quadrature_points),
      div_q(fv.n_quadrature_points);

    ElectrodeIntegrals I;
    I.porosity_min           = std::numeric_limits<double>::max();
    I.porosity_max           = -I.porosity_min;
    I.surface_x_min          = std::numeric_limits<double>::max();
    I.surface_x_max          = -I.surface_x_min;
    I.electrode_x_min        = {{I.surface_x_min, I.surface_x_min}};
    I.electrode_x_max        = {{I.surface_x_max, I.surface_x_max}};
    I.electrode_porosity_min = {{I.porosity_min, I.porosity_min}};
    I.electrode_porosity_max = {{I.porosity_max, I.porosity_max}};
    double                electrode_volume = 0;
    double                sei_volume       = 0;
    double                terminal_area    = 0;
    std::array<double, 2> region_volume    = {{0, 0}};

    for (const auto &cell : dof_handler.active_cell_iterators())
      if (cell->is_locally_owned())
        {
          fv.reinit(cell);
          fv[FEValuesExtractors::Scalar(c_comp)].get_function_values(ghosted,
                                                                     ce_q);
          fv[FEValuesExtractors::Vector(u_comp)]
            .get_function_divergences(ghosted, div_q);
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
              const double JxW = fv.JxW(q);
              double       eps = separator.porosity;
              double       J = 1; // V/V_0: salt per reference volume J eps c_e
              if (mat)
                {
                  const ElectrodePointUpdate &up   = mat->point_update();
                  const ElectrodePointState  &s    = *st[q];
                  const double                cmax = up.max_concentration();
                  const double xs  = s.rates.surface_concentration / cmax;
                  const double xa  = up.average_concentration(s) / cmax;
                  const double xa0 = up.average_concentration(*cs[q]) / cmax;
                  eps              = s.porosity;
                  J                = mat->porosity.volume_ratio(div_q[q]);
                  I.solid_lithium[e] += up.solid_lithium(s) * JxW;
                  I.lost_lithium[e] += s.lithium_lost * JxW;
                  I.reaction_current[e] += s.rates.volumetric_current * JxW;
                  I.sei_current[e] += s.rates.volumetric_sei_current * JxW;
                  I.mean_stoichiometry[e] += xa * JxW;
                  region_volume[e] += JxW;
                  I.porosity_mean += s.porosity * JxW;
                  I.porosity_min = std::min(I.porosity_min, s.porosity);
                  I.porosity_max = std::max(I.porosity_max, s.porosity);
                  I.electrode_porosity_mean[e] += s.porosity * JxW;
                  I.electrode_porosity_min[e] =
                    std::min(I.electrode_porosity_min[e], s.porosity);
                  I.electrode_porosity_max[e] =
                    std::max(I.electrode_porosity_max[e], s.porosity);
                  if (mat->sei_growth)
                    {
                      I.sei_thickness_mean += s.sei_thickness * JxW;
                      I.sei_thickness_max =
                        std::max(I.sei_thickness_max, s.sei_thickness);
                      sei_volume += JxW;
                    }
                  I.surface_x_min      = std::min(I.surface_x_min, xs);
                  I.surface_x_max      = std::max(I.surface_x_max, xs);
                  I.electrode_x_min[e] = std::min(I.electrode_x_min[e], xs);
                  I.electrode_x_max[e] = std::max(I.electrode_x_max[e], xs);
                  I.max_dx             = std::max(I.max_dx, std::abs(xa - xa0));
                  if (s.clogged)
                    {
                      if (I.clogged_points == 0)
                        for (unsigned int d = 0; d < dim; ++d)
                          I.clogged_location[d] = fv.quadrature_point(q)[d];
                      ++I.clogged_points;
                    }
                  electrode_volume += JxW;
                }
              I.electrolyte_lithium += J * eps * ce_q[q] * JxW;
            }
        }
    add_face_integrals(I, terminal_area);
    add_mechanics_integrals(I, state);
    reduce_integrals(I,
                     region_volume,
                     electrode_volume,
                     sei_volume,
                     terminal_area,
                     geometry.cross_section_area(),
                     comm);
    return I;
  }



  template <int dim>
  void
  ElectrodeProblem<dim>::add_face_integrals(ElectrodeIntegrals &I,
                                            double &terminal_area) const
  {
    FEFaceValues<dim>   ffv(*fe,
                          QGauss<dim - 1>(n_gauss_points()),
                          update_values | update_JxW_values);
    std::vector<double> ce_f(ffv.n_quadrature_points),
      pe_f(ffv.n_quadrature_points), ps_f(ffv.n_quadrature_points);
    const types::boundary_id terminal = terminal_boundary();
    for (const auto &cell : dof_handler.active_cell_iterators())
      if (cell->is_locally_owned())
        for (const auto f : cell->face_indices())
          if (cell->at_boundary(f))
            {
              const auto id = cell->face(f)->boundary_id();
              const bool li_metal =
                geometry.cell_type == CellType::half_cell &&
                id == ElectrodeGeometry<dim>::positive_boundary_id;
              const bool term =
                (id == terminal) && material_of(cell->material_id());
              if (!li_metal && !term)
                continue;
              ffv.reinit(cell, f);
              ffv[FEValuesExtractors::Scalar(c_comp)]
                .get_function_values(ghosted, ce_f);
              ffv[FEValuesExtractors::Scalar(pe_comp)]
                .get_function_values(ghosted, pe_f);
              ffv[FEValuesExtractors::Scalar(ps_comp)]
                .get_function_values(ghosted, ps_f);
              for (unsigned int q = 0; q < ffv.n_quadrature_points; ++q)
                {
                  const double JxW = ffv.JxW(q);
                  if (term)
                    {
                      I.terminal_potential += ps_f[q] * JxW;
                      terminal_area += JxW;
                    }
                  if (li_metal)
                    I.counter_current +=
                      counter_kinetics.evaluate(-pe_f[q], ce_f[q], 0.0)
                        .current *
                      JxW;
                }
            }
  }



  template <int dim>
  double
  ElectrodeProblem<dim>::cell_voltage() const
  {
    return last_integrals.terminal_potential;
  }



  template <int dim>
  double
  ElectrodeProblem<dim>::cell_current() const
  {
    // Half cell: the electrode at x = 0 takes up -int a_s i_tot; full cell:
    // the negative electrode releases int a_s i_tot.
    return (geometry.cell_type == CellType::half_cell) ?
             -last_integrals.reaction_current[0] :
             -last_integrals.reaction_current[1];
  }



  template <int dim>
  double
  ElectrodeProblem<dim>::total_lithium() const
  {
    return last_integrals.total_lithium();
  }



#define CHEMOMECH_INSTANTIATE(dim)                                      \
  template ElectrodeIntegrals ElectrodeProblem<dim>::compute_integrals( \
    const CellDataStorage<typename Triangulation<dim>::cell_iterator,   \
                          ElectrodePointState> &);                      \
  template void ElectrodeProblem<dim>::add_face_integrals(              \
    ElectrodeIntegrals &,                                               \
    double &) const;                                                    \
  template double ElectrodeProblem<dim>::cell_voltage() const;          \
  template double ElectrodeProblem<dim>::cell_current() const;          \
  template double ElectrodeProblem<dim>::total_lithium() const;

  CHEMOMECH_INSTANTIATE(1)
  CHEMOMECH_INSTANTIATE(2)
  CHEMOMECH_INSTANTIATE(3)
#undef CHEMOMECH_INSTANTIATE
} // namespace chemomech
