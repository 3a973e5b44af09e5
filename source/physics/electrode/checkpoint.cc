// Checkpoint and restart of the electrode model (TransientProblem's
// checkpoint functions; the driver's part is in simulator/).
#include <chemomech/io/checkpoint_archive.h>
#include <chemomech/physics/electrode/electrode_problem.h>
#include <chemomech/simulator/checkpoint_cells.h>

#include <deal.II/base/exceptions.h>
#include <deal.II/base/mpi.h>

#include <algorithm>


namespace chemomech
{
  using namespace dealii;

  namespace
  {
    /// The rates of a point state as numbers (not part of its packing).
    void
    append_rates(const ElectrodePointState::Rates &r, std::vector<double> &v)
    {
      v.insert(v.end(),
               {r.intercalation_current,
                r.sei_current,
                r.volumetric_current,
                r.volumetric_sei_current,
                r.surface_concentration,
                r.hydrostatic_stress,
                r.macroscopic_stress});
    }

    constexpr unsigned int n_rates = 7;
  } // namespace



  template <int dim>
  bool
  ElectrodeProblem<dim>::supports_checkpoints() const
  {
    return true;
  }



  template <int dim>
  std::function<bool(const std::string &)>
  ElectrodeProblem<dim>::checkpoint_cell_filter() const
  {
    return checkpoint_cells::owned_cell_filter(dof_handler);
  }



  template <int dim>
  void
  ElectrodeProblem<dim>::save_checkpoint(CheckpointArchive &archive) const
  {
    archive.set("electrode.time", time);
    archive.set("electrode.operating_point",
                {mode == OperatingMode::voltage ? 1.0 : 0.0, imposed_value});
    pvd.save(archive, "electrode.pvd");
    controller.save(archive);

    LA::MPI::Vector committed(owned_dofs, relevant_dofs, comm);
    committed = old_solution;
    checkpoint_cells::save_vector(dof_handler, committed, "solution", archive);
    // The history of the predictor, the BDF2 formula and the error
    // estimate: a resumed run takes the same steps.
    const bool          older = steps_in_mode >= 1, oldest = steps_in_mode >= 2;
    std::vector<double> history = {older ? 1.0 : 0.0,
                                   older_time_step,
                                   double(steps_in_mode)};
    for (const auto *x : {&surface_x_old, &surface_x_older, &surface_x_oldest})
      history.insert(history.end(), x->begin(), x->end());
    history.insert(history.end(), {oldest ? 1.0 : 0.0, oldest_time_step});
    history.insert(history.end(),
                   observable_history.begin(),
                   observable_history.end());
    archive.set("electrode.predictor", history);
    if (older)
      {
        committed = older_solution;
        checkpoint_cells::save_vector(dof_handler,
                                      committed,
                                      "older_solution",
                                      archive);
      }
    if (oldest)
      {
        committed = oldest_solution;
        checkpoint_cells::save_vector(dof_handler,
                                      committed,
                                      "oldest_solution",
                                      archive);
      }
    const bool older_states = older && time_stepping.scheme == TimeScheme::bdf2;
    std::vector<double> packed, record;
    for (const auto &cell : dof_handler.active_cell_iterators())
      if (cell->is_locally_owned() && material_of(cell->material_id()))
        for (const auto *storage : {&committed_state, &older_state})
          {
            if (storage == &older_state && !older_states)
              continue;
            record.clear();
            for (const auto &q : storage->get_data(cell))
              {
                packed.resize(q->number_of_values());
                q->pack_values(packed);
                record.insert(record.end(), packed.begin(), packed.end());
                append_rates(q->rates, record);
              }
            archive.set_cell(checkpoint_cells::key(storage == &older_state ?
                                                     "older_state" :
                                                     "state",
                                                   cell),
                             record);
          }
  }



  template <int dim>
  void
  ElectrodeProblem<dim>::load_checkpoint(const CheckpointArchive &archive)
  {
    time           = archive.get_double("electrode.time");
    const auto &op = archive.get("electrode.operating_point");
    controller.load(archive);
    set_operating_point(op.at(0) > 0.5 ? OperatingMode::voltage :
                                         OperatingMode::current,
                        op.at(1));
    pvd.load(archive, "electrode.pvd");

    checkpoint_cells::load_vector(dof_handler,
                                  archive,
                                  "solution",
                                  owned_dofs,
                                  solution);
    old_solution  = solution;
    steps_in_mode = 0;
    // Checkpoints of other layouts (before BDF2) restart the protocol
    // step's history.
    constexpr unsigned int     n_x = 6;
    const std::vector<double> *p   = archive.has("electrode.predictor") ?
                                       &archive.get("electrode.predictor") :
                                       nullptr;
    if (p != nullptr && p->size() == 8 + 3 * n_x)
      {
        for (unsigned int i = 0; i < 3; ++i)
          observable_history[i] = p->at(5 + 3 * n_x + i);
        steps_in_mode = static_cast<unsigned int>(p->at(2));
        for (unsigned int i = 0; i < n_x; ++i)
          {
            surface_x_old[i]    = p->at(3 + i);
            surface_x_older[i]  = p->at(3 + n_x + i);
            surface_x_oldest[i] = p->at(3 + 2 * n_x + i);
          }
        if (p->at(0) > 0.5)
          {
            checkpoint_cells::load_vector(dof_handler,
                                          archive,
                                          "older_solution",
                                          owned_dofs,
                                          older_solution);
            older_time_step = p->at(1);
          }
        if (p->at(3 + 3 * n_x) > 0.5)
          {
            checkpoint_cells::load_vector(dof_handler,
                                          archive,
                                          "oldest_solution",
                                          owned_dofs,
                                          oldest_solution);
            oldest_time_step = p->at(4 + 3 * n_x);
          }
      }
    for (const auto &cell : dof_handler.active_cell_iterators())
      if (cell->is_locally_owned() && material_of(cell->material_id()))
        {
          load_point_states(archive, "state", cell, committed_state);
          const auto c = committed_state.get_data(cell);
          const auto t = trial_state.get_data(cell);
          for (unsigned int q = 0; q < c.size(); ++q)
            *t[q] = *c[q];
          if (time_stepping.scheme != TimeScheme::bdf2)
            continue;
          // Without the older states the protocol step restarts with BDF1.
          if (steps_in_mode >= 1 &&
              archive.find_cell(checkpoint_cells::key("older_state", cell)))
            load_point_states(archive, "older_state", cell, older_state);
          else
            steps_in_mode = 0;
        }
    steps_in_mode = Utilities::MPI::min(steps_in_mode, comm);
    set_time_step(time_step);
    last_integrals = compute_integrals(committed_state);
  }



  template <int dim>
  void
  ElectrodeProblem<dim>::load_point_states(
    const CheckpointArchive                              &archive,
    const std::string                                    &name,
    const typename DoFHandler<dim>::active_cell_iterator &cell,
    CellDataStorage<CellIterator, ElectrodePointState>   &storage)
  {
    const std::vector<double> *r =
      archive.find_cell(checkpoint_cells::key(name, cell));
    const auto         c = storage.get_data(cell);
    const unsigned int n = c.empty() ? 0 : c[0]->number_of_values();
    AssertThrow(r != nullptr && r->size() == c.size() * (n + n_rates),
                ExcMessage("the checkpoint has no matching point state (" +
                           name + ") for cell " + cell->id().to_string() +
                           " (another particle resolution?)"));
    std::vector<double> packed;
    auto                it = r->begin();
    for (unsigned int q = 0; q < c.size(); ++q)
      {
        packed.assign(it, it + n);
        c[q]->unpack_values(packed);
        it += n;
        auto &rates                  = c[q]->rates;
        rates.intercalation_current  = *it++;
        rates.sei_current            = *it++;
        rates.volumetric_current     = *it++;
        rates.volumetric_sei_current = *it++;
        rates.surface_concentration  = *it++;
        rates.hydrostatic_stress     = *it++;
        rates.macroscopic_stress     = *it++;
      }
  }



#define CHEMOMECH_INSTANTIATE(dim)                                          \
  template bool ElectrodeProblem<dim>::supports_checkpoints() const;        \
  template std::function<bool(const std::string &)>                         \
                ElectrodeProblem<dim>::checkpoint_cell_filter() const;      \
  template void ElectrodeProblem<dim>::save_checkpoint(CheckpointArchive &) \
    const;                                                                  \
  template void ElectrodeProblem<dim>::load_checkpoint(                     \
    const CheckpointArchive &);                                             \
  template void ElectrodeProblem<dim>::load_point_states(                   \
    const CheckpointArchive &,                                              \
    const std::string &,                                                    \
    const typename DoFHandler<dim>::active_cell_iterator &,                 \
    CellDataStorage<CellIterator, ElectrodePointState> &);

  CHEMOMECH_INSTANTIATE(1)
  CHEMOMECH_INSTANTIATE(2)
  CHEMOMECH_INSTANTIATE(3)
#undef CHEMOMECH_INSTANTIATE
} // namespace chemomech
