/**
 * @file layer_interpolation.h
 * @brief The interpolation of a first, semi-coarsened multigrid level across
 * the layers of a layered mesh (the thickness of an electrode slab): every
 * second layer of support points is kept, the others are interpolated
 * linearly from their two neighbours in the same column of nodes.
 *
 * Flat cells (thin across the thickness, wide in the plane) couple the nodes
 * of a column much more strongly than neighbours in the plane; algebraic
 * aggregation then forms aggregates that are too isotropic and its coarse
 * spaces miss the smooth through-thickness modes, so the Krylov count grows
 * with every level the hierarchy gains (doc/electrode-model.md section 12).
 * Coarsening only across the thickness first, with exact linear
 * interpolation along the columns, gives the coarse operator P^T A P that a
 * mesh twice as coarse across the thickness would give (exactly so for
 * Lagrange Q1 elements on a uniform tensor-product mesh: the coarse
 * space is nested).
 */
#ifndef chemomech_core_solvers_layer_interpolation_h
#define chemomech_core_solvers_layer_interpolation_h

#include <deal.II/base/index_set.h>
#include <deal.II/base/mpi.h>
#include <deal.II/dofs/dof_handler.h>
#include <deal.II/lac/affine_constraints.h>

#include <utility>
#include <vector>

namespace chemomech
{
  /**
   * Interpolation of one field from its coarse space: for each of this
   * rank's degrees of freedom of the field, in increasing global index, the
   * (global index, weight) pairs it is interpolated from. A coarse degree
   * of freedom interpolates only itself, with weight 1.
   */
  using InterpolationRows = std::vector<
    std::vector<std::pair<dealii::types::global_dof_index, double>>>;

  /**
   * @brief Interpolation across the layers normal to coordinate @p axis.
   *
   * Layers are the distinct values of the support points' coordinate
   * @p axis (rounded to 1e-9 of the mesh's largest extent),
   * numbered from 0 over all ranks; columns are the support points of a
   * field with the same other coordinates. Layers 0, 2, 4, ... and the
   * last one stay coarse; a degree of freedom in an odd layer is
   * interpolated linearly (in the coordinate) from the degrees of freedom
   * of the layers below and above in its column. Constrained degrees of
   * freedom stay coarse, and so do the degrees of freedom of cells that
   * are not flat (@p min_aspect_ratio) and a degree of freedom whose neighbour
   * below or above is constrained or missing (unstructured meshes): the
   * block preconditioner solves constrained rows apart, and interpolating
   * from them would put their decoupled diagonal into the coarse operator.
   *
   * @param dof_handler Distributed DoF handler (support points needed).
   * @param constraints Constraints of the Newton updates.
   * @param relevant Locally relevant degrees of freedom.
   * @param field_of_relevant Field of each relevant degree of freedom, in
   *   the order of @p relevant.
   * @param coarsened For each field: whether to coarsen it (scalar fields
   *   only).
   * @param axis Coordinate across the layers (0: x, the slab thickness).
   * @param min_fine_fraction A field whose interpolated (fine) degrees of
   *   freedom are fewer than this fraction of all its degrees of freedom
   *   is not coarsened (its rows are left empty): on a mesh without
   *   columns a first level that keeps almost everything costs a second
   *   fine level and gains nothing. Units: none.
   * @param min_aspect_ratio A degree of freedom is interpolated only if
   *   every cell around it is at least this many times wider (its smallest
   *   extent normal to @p axis) than thick (its extent along @p axis): the
   *   coarse cells, twice as thick, are then at most square. On cells
   *   closer to cubes the coarse cells come out tall and the count grew
   *   (electrode slab of aspect 1.4: 6.14 GMRES iterations per Newton
   *   iteration instead of 5.88 with plain AMG). Units: none.
   * @return For each field, its InterpolationRows; empty for fields not
   *   coarsened.
   */
  template <int dim>
  std::vector<InterpolationRows>
  layer_interpolation(const dealii::DoFHandler<dim>           &dof_handler,
                      const dealii::AffineConstraints<double> &constraints,
                      const dealii::IndexSet                  &relevant,
                      const std::vector<unsigned char> &field_of_relevant,
                      const std::vector<bool>          &coarsened,
                      const unsigned int                axis,
                      const double min_fine_fraction = 0.25,
                      const double min_aspect_ratio  = 2.0);
} // namespace chemomech

#endif
