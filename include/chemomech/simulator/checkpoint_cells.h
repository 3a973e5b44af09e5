/**
 * @file checkpoint_cells.h
 * @brief Cell-wise checkpoint records of finite-element vectors: each
 * locally owned cell stores its DoF values under a key made of a tag and
 * its CellId, so that a checkpoint can be read back on any number of ranks
 * (the mesh is rebuilt from the parameters; CellIds do not depend on the
 * partition).
 */
#ifndef chemomech_simulator_checkpoint_cells_h
#define chemomech_simulator_checkpoint_cells_h

#include <chemomech/io/checkpoint_archive.h>

#include <deal.II/base/exceptions.h>
#include <deal.II/base/index_set.h>
#include <deal.II/dofs/dof_handler.h>
#include <deal.II/lac/vector.h>
#include <deal.II/lac/vector_operation.h>

#include <functional>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace chemomech
{
  namespace checkpoint_cells
  {
    /// The record key of @p cell under @p tag.
    template <class CellIterator>
    std::string
    key(const std::string &tag, const CellIterator &cell)
    {
      return tag + ":" + cell->id().to_string();
    }

    /**
     * @brief A filter for CheckpointArchive::read() that keeps the records
     * of the locally owned cells of @p dof_handler (any tag).
     */
    template <int dim>
    std::function<bool(const std::string &)>
    owned_cell_filter(const dealii::DoFHandler<dim> &dof_handler)
    {
      auto ids = std::make_shared<std::set<std::string>>();
      for (const auto &cell : dof_handler.active_cell_iterators())
        if (cell->is_locally_owned())
          ids->insert(cell->id().to_string());
      return [ids](const std::string &k) {
        const auto colon = k.find(':');
        return colon != std::string::npos &&
               ids->count(k.substr(colon + 1)) > 0;
      };
    }

    /**
     * @brief Stores the DoF values of @p vector (ghosted: every DoF of the
     * locally owned cells readable) of every locally owned cell.
     */
    template <int dim, class VectorType>
    void
    save_vector(const dealii::DoFHandler<dim> &dof_handler,
                const VectorType              &vector,
                const std::string             &tag,
                CheckpointArchive             &archive)
    {
      dealii::Vector<double> local(dof_handler.get_fe().n_dofs_per_cell());
      for (const auto &cell : dof_handler.active_cell_iterators())
        if (cell->is_locally_owned())
          {
            cell->get_dof_values(vector, local);
            archive.set_cell(key(tag, cell),
                             std::vector<double>(local.begin(), local.end()));
          }
    }

    /**
     * @brief Sets the locally owned entries of @p vector (not ghosted) from
     * the records of @p tag; throws if a locally owned cell has none.
     */
    template <int dim, class VectorType>
    void
    load_vector(const dealii::DoFHandler<dim> &dof_handler,
                const CheckpointArchive       &archive,
                const std::string             &tag,
                const dealii::IndexSet        &owned,
                VectorType                    &vector)
    {
      std::vector<dealii::types::global_dof_index> dofs(
        dof_handler.get_fe().n_dofs_per_cell());
      for (const auto &cell : dof_handler.active_cell_iterators())
        if (cell->is_locally_owned())
          {
            const std::vector<double> *r = archive.find_cell(key(tag, cell));
            AssertThrow(r != nullptr && r->size() == dofs.size(),
                        dealii::ExcMessage("the checkpoint has no matching '" +
                                           tag + "' values for cell " +
                                           cell->id().to_string() +
                                           " (another mesh or element?)"));
            cell->get_dof_indices(dofs);
            for (unsigned int i = 0; i < dofs.size(); ++i)
              if (owned.is_element(dofs[i]))
                vector[dofs[i]] = (*r)[i];
          }
      vector.compress(dealii::VectorOperation::insert);
    }
  } // namespace checkpoint_cells
} // namespace chemomech

#endif
