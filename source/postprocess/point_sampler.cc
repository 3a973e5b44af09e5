#include <chemomech/postprocess/point_sampler.h>

#include <deal.II/base/mpi.h>
#include <deal.II/base/quadrature.h>
#include <deal.II/fe/fe_values.h>

namespace chemomech
{
  template <int dim>
  std::vector<PointSample<dim>>
  sample_points(const dealii::Mapping<dim>            &mapping,
                const dealii::DoFHandler<dim>         &dof_handler,
                const LA::MPI::Vector                 &solution,
                const std::vector<dealii::Point<dim>> &points)
  {
    using namespace dealii;
    const unsigned int n_comp = dof_handler.get_fe().n_components();
    const unsigned int n_per  = 1 + n_comp + n_comp * dim;
    // Packed per point: count, values, gradients.
    std::vector<double> packed(points.size() * n_per, 0.0);

    for (const auto &cell : dof_handler.active_cell_iterators())
      if (cell->is_locally_owned())
        {
          const auto box = cell->bounding_box();
          for (unsigned int k = 0; k < points.size(); ++k)
            {
              // Enlarge the box a little for curved cells and roundoff.
              const double h      = box.side_length(0);
              bool         inside = true;
              for (unsigned int d = 0; d < dim; ++d)
                if (points[k][d] < box.lower_bound(d) - 0.1 * h ||
                    points[k][d] > box.upper_bound(d) + 0.1 * h)
                  inside = false;
              if (!inside)
                continue;
              Point<dim> unit;
              try
                {
                  unit = mapping.transform_real_to_unit_cell(cell, points[k]);
                }
              catch (...)
                {
                  continue;
                }
              if (!GeometryInfo<dim>::is_inside_unit_cell(unit, 1e-10))
                continue;
              unit = GeometryInfo<dim>::project_to_unit_cell(unit);
              const Quadrature<dim> quad(unit);
              FEValues<dim>         fe_values(mapping,
                                      dof_handler.get_fe(),
                                      quad,
                                      update_values | update_gradients);
              fe_values.reinit(cell);
              std::vector<Vector<double>> v(1, Vector<double>(n_comp));
              std::vector<std::vector<Tensor<1, dim>>> g(
                1,
                std::vector<Tensor<1, dim>>(n_comp));
              fe_values.get_function_values(solution, v);
              fe_values.get_function_gradients(solution, g);
              double *p = &packed[k * n_per];
              p[0] += 1;
              for (unsigned int c = 0; c < n_comp; ++c)
                {
                  p[1 + c] += v[0][c];
                  for (unsigned int d = 0; d < dim; ++d)
                    p[1 + n_comp + c * dim + d] += g[0][c][d];
                }
            }
        }

    MPI_Allreduce(MPI_IN_PLACE,
                  packed.data(),
                  static_cast<int>(packed.size()),
                  MPI_DOUBLE,
                  MPI_SUM,
                  dof_handler.get_communicator());

    std::vector<PointSample<dim>> samples(points.size());
    for (unsigned int k = 0; k < points.size(); ++k)
      {
        const double *p = &packed[k * n_per];
        auto         &s = samples[k];
        s.values.reinit(n_comp);
        s.gradients.resize(n_comp);
        s.found = p[0] > 0;
        if (!s.found)
          continue;
        for (unsigned int c = 0; c < n_comp; ++c)
          {
            s.values[c] = p[1 + c] / p[0];
            for (unsigned int d = 0; d < dim; ++d)
              s.gradients[c][d] = p[1 + n_comp + c * dim + d] / p[0];
          }
      }
    return samples;
  }



  template std::vector<PointSample<2>>
  sample_points<2>(const dealii::Mapping<2> &,
                   const dealii::DoFHandler<2> &,
                   const LA::MPI::Vector &,
                   const std::vector<dealii::Point<2>> &);
  template std::vector<PointSample<3>>
  sample_points<3>(const dealii::Mapping<3> &,
                   const dealii::DoFHandler<3> &,
                   const LA::MPI::Vector &,
                   const std::vector<dealii::Point<3>> &);
} // namespace chemomech
