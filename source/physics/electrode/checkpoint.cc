// Checkpoint and restart of the electrode model (TransientProblem's
// checkpoint functions; the driver's part is in simulator/).
#include <chemomech/io/checkpoint_archive.h>
#include <chemomech/physics/electrode/electrode_problem.h>
#include <chemomech/simulator/checkpoint_cells.h>

#include <deal.II/base/exceptions.h>


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
    // The predictor's history: a resumed run takes the same steps.
    archive.set("electrode.predictor",
                {has_history() ? 1.0 : 0.0,
                 older_time_step,
                 double(steps_in_mode),
                 surface_x_old[0],
                 surface_x_old[1],
                 surface_x_old[2],
                 surface_x_old[3],
                 surface_x_older[0],
                 surface_x_older[1],
                 surface_x_older[2],
                 surface_x_older[3]});
    if (has_history())
      {
        committed = older_solution;
        checkpoint_cells::save_vector(dof_handler,
                                      committed,
                                      "older_solution",
                                      archive);
      }
    std::vector<double> packed, record;
    for (const auto &cell : dof_handler.active_cell_iterators())
      if (cell->is_locally_owned() && material_of(cell->material_id()))
        {
          record.clear();
          for (const auto &q : committed_state.get_data(cell))
            {
              packed.resize(q->number_of_values());
              q->pack_values(packed);
              record.insert(record.end(), packed.begin(), packed.end());
              append_rates(q->rates, record);
            }
          archive.set_cell(checkpoint_cells::key("state", cell), record);
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
    old_solution = solution;
    if (archive.has("electrode.predictor"))
      {
        const auto &p = archive.get("electrode.predictor");
        steps_in_mode = static_cast<unsigned int>(p.at(2));
        for (unsigned int i = 0; i < 4; ++i)
          {
            surface_x_old[i]   = p.at(3 + i);
            surface_x_older[i] = p.at(7 + i);
          }
        if (p.at(0) > 0.5)
          {
            checkpoint_cells::load_vector(dof_handler,
                                          archive,
                                          "older_solution",
                                          owned_dofs,
                                          older_solution);
            older_time_step = p.at(1);
          }
      }
    std::vector<double> packed;
    for (const auto &cell : dof_handler.active_cell_iterators())
      if (cell->is_locally_owned() && material_of(cell->material_id()))
        {
          const std::vector<double> *r =
            archive.find_cell(checkpoint_cells::key("state", cell));
          const auto         c = committed_state.get_data(cell);
          const auto         t = trial_state.get_data(cell);
          const unsigned int n = c.empty() ? 0 : c[0]->number_of_values();
          AssertThrow(r != nullptr && r->size() == c.size() * (n + n_rates),
                      ExcMessage("the checkpoint has no matching point state "
                                 "for cell " +
                                 cell->id().to_string() +
                                 " (another particle resolution?)"));
          auto it = r->begin();
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
              *t[q]                        = *c[q];
            }
        }
    set_time_step(time_step);
    last_integrals = compute_integrals(committed_state);
  }



#define CHEMOMECH_INSTANTIATE(dim)                                          \
  template bool ElectrodeProblem<dim>::supports_checkpoints() const;        \
  template std::function<bool(const std::string &)>                         \
                ElectrodeProblem<dim>::checkpoint_cell_filter() const;      \
  template void ElectrodeProblem<dim>::save_checkpoint(CheckpointArchive &) \
    const;                                                                  \
  template void ElectrodeProblem<dim>::load_checkpoint(                     \
    const CheckpointArchive &);

  CHEMOMECH_INSTANTIATE(1)
  CHEMOMECH_INSTANTIATE(2)
  CHEMOMECH_INSTANTIATE(3)
#undef CHEMOMECH_INSTANTIATE
} // namespace chemomech
