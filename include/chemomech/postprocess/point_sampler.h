/**
 * @file point_sampler.h
 * @brief Values and gradients of a distributed finite element field at
 * arbitrary points, independent of the partition.
 */
#ifndef chemomech_postprocess_point_sampler_h
#define chemomech_postprocess_point_sampler_h

#include <chemomech/core/linear_algebra.h>

#include <deal.II/base/point.h>
#include <deal.II/base/tensor.h>
#include <deal.II/dofs/dof_handler.h>
#include <deal.II/fe/mapping.h>
#include <deal.II/lac/vector.h>

#include <vector>

namespace chemomech
{
  /// Field values and gradients at one point.
  template <int dim>
  struct PointSample
  {
    /// Whether any cell contains the point.
    bool found = false;
    /// Value of each component.
    dealii::Vector<double> values;
    /// Gradient of each component (averaged over the cells that share the
    /// point, so discontinuous gradients get a partition-independent value).
    std::vector<dealii::Tensor<1, dim>> gradients;
  };

  /**
   * @brief Samples @p solution (ghosted) at @p points. Collective: every rank
   * receives all samples. Each point is located in the locally owned cells
   * (bounding box, then inverse mapping) and averaged over all cells that
   * contain it, then summed over ranks.
   */
  template <int dim>
  std::vector<PointSample<dim>>
  sample_points(const dealii::Mapping<dim>            &mapping,
                const dealii::DoFHandler<dim>         &dof_handler,
                const LA::MPI::Vector                 &solution,
                const std::vector<dealii::Point<dim>> &points);
} // namespace chemomech

#endif
