/**
 * @file rigid_body_modes.h
 * @brief The rigid-body motions of an elastic body as vectors over its
 * displacement degrees of freedom: the near-null space that algebraic
 * multigrid needs for elasticity (deal.II 9.4 has no helper for it).
 */
#ifndef chemomech_core_solvers_rigid_body_modes_h
#define chemomech_core_solvers_rigid_body_modes_h

#include <deal.II/base/mpi.h>

#include <vector>

namespace chemomech
{
  /**
   * @brief Rigid-body modes for displacement degrees of freedom that are
   * interleaved per node.
   *
   * @param coordinates Row j holds coordinate (j % dim) of the support point
   * of row j, for the rows owned by this rank; the dim rows of one node are
   * consecutive. Units: m.
   * @param dim Space dimension (2 or 3).
   * @param comm Communicator over which the centroid is taken.
   * @return dim translations followed by the rotations (1 in 2D, 3 in 3D)
   * about the global centroid of the points, each of the size of
   * @p coordinates. Rotations are scaled by the inverse of the largest
   * distance from the centroid so all modes are of order one.
   */
  std::vector<std::vector<double>>
  rigid_body_modes(const std::vector<double> &coordinates,
                   const unsigned int         dim,
                   const MPI_Comm             comm);
} // namespace chemomech

#endif
