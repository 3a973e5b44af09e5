#include <chemomech/io/performance_report.h>
#include <chemomech/physics/particle/particle_problem.h>

#include <deal.II/base/utilities.h>
#include <deal.II/dofs/dof_tools.h>

namespace chemomech
{
  using namespace dealii;



  template <int dim>
  void
  ParticleProblem<dim>::add_performance(PerformanceReport &report) const
  {
    const std::vector<types::global_dof_index> per_component =
      DoFTools::count_dofs_per_fe_component(dof_handler);
    types::global_dof_index n_u = 0;
    for (unsigned int d = 0; d < dim; ++d)
      n_u += per_component[d];
    const LinearSolverStatistics &ls = linear_solver.statistics();

    report.add("cells", triangulation.n_global_active_cells());
    report.add("unknowns", dof_handler.n_dofs());
    report.add("unknowns_displacement", n_u);
    report.add("unknowns_concentration", per_component[dim]);
    report.add("unknowns_hydrostatic_stress", per_component[dim + 1]);
    report.add("linear_solves", ls.n_solves);
    report.add("preconditioner_builds",
               Utilities::MPI::max(ls.n_preconditioner_builds, comm));
    report.add_max("seconds_preconditioner", ls.preconditioner_seconds, comm);
    report.add_max("seconds_krylov", ls.solve_seconds, comm);
    // Where the memory goes (sums over the ranks): the monolithic Jacobian,
    // the block preconditioner's copies of its diagonal and coupling
    // blocks, the peak after the DoF setup, the mesh and the DoF numbering.
    report.add("matrix_bytes_sum",
               Utilities::MPI::sum(static_cast<double>(
                                     system.matrix.memory_consumption()),
                                   comm));
    report.add("preconditioner_block_bytes_sum",
               Utilities::MPI::sum(static_cast<double>(
                                     linear_solver.block_memory_consumption()),
                                   comm));
    report.add("peak_memory_after_dofs_bytes_sum",
               Utilities::MPI::sum(peak_memory_after_dofs, comm));
    report.add("mesh_and_dofs_bytes_sum",
               Utilities::MPI::sum(static_cast<double>(
                                     triangulation.memory_consumption() +
                                     dof_handler.memory_consumption()),
                                   comm));
  }



#define CHEMOMECH_INSTANTIATE(dim)                                         \
  template void ParticleProblem<dim>::add_performance(PerformanceReport &) \
    const;

  CHEMOMECH_INSTANTIATE(2)
  CHEMOMECH_INSTANTIATE(3)
#undef CHEMOMECH_INSTANTIATE
} // namespace chemomech
