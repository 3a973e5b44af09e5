// Checkpoint and restart of the particle model (TransientProblem's
// checkpoint functions; the driver's part is in simulator/).
#include <chemomech/io/checkpoint_archive.h>
#include <chemomech/physics/particle/particle_problem.h>
#include <chemomech/simulator/checkpoint_cells.h>

#include <deal.II/base/mpi.h>


namespace chemomech
{
  using namespace dealii;

  template <int dim>
  bool
  ParticleProblem<dim>::supports_checkpoints() const
  {
    return true;
  }



  template <int dim>
  std::function<bool(const std::string &)>
  ParticleProblem<dim>::checkpoint_cell_filter() const
  {
    return checkpoint_cells::owned_cell_filter(dof_handler);
  }



  template <int dim>
  void
  ParticleProblem<dim>::save_checkpoint(CheckpointArchive &archive) const
  {
    archive.set("particle.time",
                {time,
                 dt_old,
                 double(step),
                 initial_lithium,
                 cumulative_inflow,
                 initial_soc,
                 double(line_index)});
    pvd.save(archive, "particle.pvd");
    LA::MPI::Vector v(owned_dofs, relevant_dofs, comm);
    v = old_solution;
    checkpoint_cells::save_vector(dof_handler, v, "solution", archive);
    v = older_solution;
    checkpoint_cells::save_vector(dof_handler, v, "older", archive);
  }



  template <int dim>
  void
  ParticleProblem<dim>::load_checkpoint(const CheckpointArchive &archive)
  {
    const std::vector<double> &t = archive.get("particle.time");
    time                         = t.at(0);
    dt_old                       = t.at(1);
    step                         = static_cast<unsigned int>(t.at(2));
    initial_lithium              = t.at(3);
    cumulative_inflow            = t.at(4);
    initial_soc                  = t.at(5);
    line_index                   = static_cast<unsigned int>(t.at(6));
    pvd.load(archive, "particle.pvd");
    checkpoint_cells::load_vector(dof_handler,
                                  archive,
                                  "older",
                                  owned_dofs,
                                  older_solution);
    checkpoint_cells::load_vector(dof_handler,
                                  archive,
                                  "solution",
                                  owned_dofs,
                                  solution);
    old_solution  = solution;
    ghosted       = solution;
    ghosted_old   = old_solution;
    ghosted_older = older_solution;
    stats         = compute_statistics();
    if (!probe_points.empty())
      probes_csv.append(output.directory + "/probes.csv",
                        probe_columns(),
                        Utilities::MPI::this_mpi_process(comm) == 0);
  }



#define CHEMOMECH_INSTANTIATE(dim)                                         \
  template bool ParticleProblem<dim>::supports_checkpoints() const;        \
  template std::function<bool(const std::string &)>                        \
                ParticleProblem<dim>::checkpoint_cell_filter() const;      \
  template void ParticleProblem<dim>::save_checkpoint(CheckpointArchive &) \
    const;                                                                 \
  template void ParticleProblem<dim>::load_checkpoint(                     \
    const CheckpointArchive &);

  CHEMOMECH_INSTANTIATE(2)
  CHEMOMECH_INSTANTIATE(3)
#undef CHEMOMECH_INSTANTIATE
} // namespace chemomech
