#include <chemomech/core/solvers/rigid_body_modes.h>

#include <deal.II/base/exceptions.h>

#include <algorithm>
#include <cmath>

namespace chemomech
{
  std::vector<std::vector<double>>
  rigid_body_modes(const std::vector<double> &coordinates,
                   const unsigned int         dim,
                   const MPI_Comm             comm)
  {
    AssertThrow(dim == 2 || dim == 3, dealii::ExcNotImplemented());
    AssertThrow(coordinates.size() % dim == 0,
                dealii::ExcMessage("displacement rows are not interleaved "
                                   "per node"));
    const std::size_t n_nodes = coordinates.size() / dim;

    // Centroid and extent, over all ranks.
    std::vector<double> sum(dim + 1, 0.0);
    for (std::size_t n = 0; n < n_nodes; ++n)
      for (unsigned int d = 0; d < dim; ++d)
        sum[d] += coordinates[n * dim + d];
    sum[dim] = static_cast<double>(n_nodes);
    dealii::Utilities::MPI::sum(sum, comm, sum);
    std::vector<double> centre(dim, 0.0);
    for (unsigned int d = 0; d < dim; ++d)
      centre[d] = (sum[dim] > 0) ? sum[d] / sum[dim] : 0.0;
    double extent = 0;
    for (std::size_t n = 0; n < n_nodes; ++n)
      {
        double r2 = 0;
        for (unsigned int d = 0; d < dim; ++d)
          r2 += std::pow(coordinates[n * dim + d] - centre[d], 2);
        extent = std::max(extent, std::sqrt(r2));
      }
    extent             = dealii::Utilities::MPI::max(extent, comm);
    const double scale = (extent > 0) ? 1.0 / extent : 1.0;

    const unsigned int               n_modes = (dim == 2) ? 3 : 6;
    std::vector<std::vector<double>> modes(
      n_modes,
      std::vector<double>(coordinates.size(), 0.0));
    for (std::size_t n = 0; n < n_nodes; ++n)
      {
        double x[3] = {0, 0, 0};
        for (unsigned int d = 0; d < dim; ++d)
          x[d] = (coordinates[n * dim + d] - centre[d]) * scale;
        for (unsigned int d = 0; d < dim; ++d)
          modes[d][n * dim + d] = 1.0;
        if (dim == 2)
          {
            // rotation about z: (-y, x)
            modes[2][n * dim + 0] = -x[1];
            modes[2][n * dim + 1] = x[0];
          }
        else
          {
            // about x: (0, -z, y); about y: (z, 0, -x); about z: (-y, x, 0)
            modes[3][n * dim + 1] = -x[2];
            modes[3][n * dim + 2] = x[1];
            modes[4][n * dim + 0] = x[2];
            modes[4][n * dim + 2] = -x[0];
            modes[5][n * dim + 0] = -x[1];
            modes[5][n * dim + 1] = x[0];
          }
      }
    return modes;
  }
} // namespace chemomech
