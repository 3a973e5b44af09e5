#include <chemomech/core/solvers/layer_interpolation.h>

#include <deal.II/base/exceptions.h>
#include <deal.II/base/quadrature.h>
#include <deal.II/fe/fe_values.h>
#include <deal.II/fe/mapping_q1.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <set>

namespace chemomech
{
  template <int dim>
  std::vector<InterpolationRows>
  layer_interpolation(const dealii::DoFHandler<dim>           &dof_handler,
                      const dealii::AffineConstraints<double> &constraints,
                      const dealii::IndexSet                  &relevant,
                      const std::vector<unsigned char> &field_of_relevant,
                      const std::vector<bool>          &coarsened,
                      const unsigned int                axis,
                      const double                      min_fine_fraction,
                      const double                      min_aspect_ratio)
  {
    using dealii::types::global_dof_index;
    namespace MPI = dealii::Utilities::MPI;
    AssertThrow(axis < dim, dealii::ExcIndexRange(axis, 0, dim));
    const MPI_Comm                 comm     = dof_handler.get_communicator();
    const unsigned int             n_fields = coarsened.size();
    std::vector<InterpolationRows> result(n_fields);
    const auto                    &fe = dof_handler.get_fe();
    if (!fe.has_support_points())
      return result;

    const auto field_of = [&](const global_dof_index i) -> unsigned int {
      return field_of_relevant[relevant.index_within_set(i)];
    };
    const auto is_coarsened = [&](const global_dof_index i) {
      const unsigned int f = field_of(i);
      return f < n_fields && coarsened[f];
    };

    // Support points of the coarsened fields' relevant DoFs: those on ghost
    // cells too, since a column's neighbour of an owned DoF may lie there.
    std::map<global_dof_index, dealii::Point<dim>> points;
    // Smallest aspect ratio (in-plane extent / extent along the axis) of
    // the cells around each of them.
    std::map<global_dof_index, double> aspect;
    {
      const dealii::MappingQ1<dim>  mapping;
      dealii::FEValues<dim>         fe_values(mapping,
                                      fe,
                                      dealii::Quadrature<dim>(
                                        fe.get_unit_support_points()),
                                      dealii::update_quadrature_points);
      std::vector<global_dof_index> dofs(fe.n_dofs_per_cell());
      for (const auto &cell : dof_handler.active_cell_iterators())
        if (!cell->is_artificial())
          {
            fe_values.reinit(cell);
            cell->get_dof_indices(dofs);
            const auto box      = cell->bounding_box();
            double     in_plane = std::numeric_limits<double>::max();
            for (unsigned int d = 0; d < dim; ++d)
              if (d != axis)
                in_plane = std::min(in_plane, box.side_length(d));
            const double ratio = in_plane / box.side_length(axis);
            for (unsigned int i = 0; i < dofs.size(); ++i)
              if (is_coarsened(dofs[i]))
                {
                  points[dofs[i]] = fe_values.quadrature_point(i);
                  const auto it   = aspect.emplace(dofs[i], ratio).first;
                  it->second      = std::min(it->second, ratio);
                }
          }
    }

    // Coordinates are compared after rounding to 1e-9 of the mesh's extent.
    double lo = std::numeric_limits<double>::max(), hi = -lo;
    for (const auto &[i, p] : points)
      for (unsigned int d = 0; d < dim; ++d)
        {
          lo = std::min(lo, p[d]);
          hi = std::max(hi, p[d]);
        }
    lo                    = MPI::min(lo, comm);
    hi                    = MPI::max(hi, comm);
    const double rounding = (hi > lo ? hi - lo : 1.0) * 1e-9;
    const auto   key      = [rounding](const double x) {
      return std::llround(x / rounding);
    };
    using ColumnKey       = std::array<long long, (dim > 1 ? dim - 1 : 1)>;
    const auto column_key = [&](const dealii::Point<dim> &p) {
      ColumnKey    k{};
      unsigned int c = 0;
      for (unsigned int d = 0; d < dim; ++d)
        if (d != axis)
          k[c++] = key(p[d]);
      return k;
    };

    for (unsigned int f = 0; f < n_fields; ++f)
      {
        if (!coarsened[f])
          continue;
        // The layers of field f, numbered over all ranks.
        std::set<long long> local_layers;
        for (const auto &[i, p] : points)
          if (field_of(i) == f)
            local_layers.insert(key(p[axis]));
        std::set<long long> all_layers;
        for (const auto &v :
             MPI::all_gather(comm,
                             std::vector<long long>(local_layers.begin(),
                                                    local_layers.end())))
          all_layers.insert(v.begin(), v.end());
        if (all_layers.size() < 3)
          continue;
        std::map<long long, unsigned int> layer_of;
        for (const auto k : all_layers)
          layer_of.emplace(k, layer_of.size());
        const unsigned int last = layer_of.size() - 1;

        // Columns: other coordinates -> layer -> DoF.
        std::map<ColumnKey, std::map<unsigned int, global_dof_index>> columns;
        for (const auto &[i, p] : points)
          if (field_of(i) == f)
            columns[column_key(p)][layer_of.at(key(p[axis]))] = i;

        InterpolationRows rows;
        global_dof_index  n_fine = 0;
        for (const auto i : dof_handler.locally_owned_dofs())
          {
            if (field_of(i) != f)
              continue;
            const dealii::Point<dim> &p = points.at(i);
            const unsigned int        l = layer_of.at(key(p[axis]));
            rows.push_back({{i, 1.0}});
            if (l % 2 == 0 || l == last || constraints.is_constrained(i) ||
                aspect.at(i) < min_aspect_ratio)
              continue;
            const auto &column = columns.at(column_key(p));
            const auto  below = column.find(l - 1), above = column.find(l + 1);
            if (below == column.end() || above == column.end() ||
                constraints.is_constrained(below->second) ||
                constraints.is_constrained(above->second))
              continue;
            const double x0 = points.at(below->second)[axis],
                         x1 = points.at(above->second)[axis];
            const double w  = (x1 - p[axis]) / (x1 - x0);
            rows.back()     = {{below->second, w}, {above->second, 1.0 - w}};
            ++n_fine;
          }
        const global_dof_index total =
          MPI::sum(static_cast<global_dof_index>(rows.size()), comm);
        if (static_cast<double>(MPI::sum(n_fine, comm)) >=
            min_fine_fraction * static_cast<double>(total))
          result[f] = std::move(rows);
      }
    return result;
  }



#define CHEMOMECH_INSTANTIATE(dim)                             \
  template std::vector<InterpolationRows> layer_interpolation( \
    const dealii::DoFHandler<dim> &,                           \
    const dealii::AffineConstraints<double> &,                 \
    const dealii::IndexSet &,                                  \
    const std::vector<unsigned char> &,                        \
    const std::vector<bool> &,                                 \
    const unsigned int,                                        \
    const double,                                              \
    const double);
  CHEMOMECH_INSTANTIATE(1)
  CHEMOMECH_INSTANTIATE(2)
  CHEMOMECH_INSTANTIATE(3)
#undef CHEMOMECH_INSTANTIATE
} // namespace chemomech
