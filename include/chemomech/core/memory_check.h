/**
 * @file memory_check.h
 * @brief Refuses a mesh refinement whose estimated memory exceeds the memory
 * available to the run, before anything is allocated or written.
 */
#ifndef chemomech_core_memory_check_h
#define chemomech_core_memory_check_h

#include <deal.II/base/mpi.h>

#include <string>

namespace chemomech
{
  /**
   * @brief Estimated memory of a run against MemAvailable of its nodes.
   *
   * The estimate is the number of unknowns times a bytes-per-unknown figure
   * measured from a real run (see the .cc file). The available memory is
   * the sum of /proc/meminfo's MemAvailable over the distinct nodes (shared
   * memory domains) of the communicator; where /proc/meminfo cannot be read
   * the check is skipped.
   */
  class MemoryCheck
  {
  public:
    /**
     * Peak resident memory per unknown of a particle run with the direct
     * solver (MUMPS), all ranks together. Units: bytes. Measured once:
     * 3D sphere, Global refinements = 3 (3584 cells, 96197 unknowns), End
     * time = 2, Initial time step = 1, Write VTU = false, 1 rank:
     * `/usr/bin/time -v build/chemomech mem.prm` gave a maximum resident
     * set of 4669476 kB, performance.json peak_memory_bytes_sum =
     * 4.78e9 B, i.e. 49700 B per unknown (rounded up to 5e4). The LU
     * fill-in grows faster than the unknowns, so the figure is a lower
     * bound for finer meshes.
     */
    static constexpr double particle_bytes_per_unknown_direct = 5e4;

    /**
     * As particle_bytes_per_unknown_direct for GMRES (any preconditioner).
     * Measured once as above with tests/solvers/gmres_block.prm included
     * and End time = 1: peak_memory_bytes_sum = 1.12e9 B for 96197
     * unknowns, 11700 B per unknown (rounded to 1.2e4; it includes the
     * fixed cost of the libraries, so it overestimates large meshes a
     * little).
     */
    static constexpr double particle_bytes_per_unknown_iterative = 1.2e4;

    /// Sum of MemAvailable over the nodes of @p comm (collective); 0 if
    /// unknown. Units: bytes.
    static double
    available_bytes(const MPI_Comm comm);

    /**
     * @brief Throws InvalidParameter naming @p name (e.g. "Geometry/Global
     * refinements") = @p refinements, the estimate, the available memory
     * and the finest refinement that fits when @p n_unknowns *
     * @p bytes_per_unknown exceeds available_bytes() (collective: every
     * rank takes the same decision). @p growth: factor by which one more
     * refinement multiplies the unknowns (8 in 3D, 4 in 2D).
     */
    static void
    check(const std::string &name,
          const unsigned int refinements,
          const double       n_unknowns,
          const double       growth,
          const double       bytes_per_unknown,
          const MPI_Comm     comm);
  };
} // namespace chemomech

#endif
