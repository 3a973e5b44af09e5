#include <chemomech/core/solvers/dof_fields.h>

namespace chemomech
{
  using namespace dealii;



  template <int dim>
  std::vector<unsigned char>
  relevant_dof_fields(
    const DoFHandler<dim>                                 &dof_handler,
    const IndexSet                                        &relevant_dofs,
    const std::function<unsigned int(const unsigned int)> &field_of_component)
  {
    const auto                &fe = dof_handler.get_fe();
    std::vector<unsigned char> field_of(relevant_dofs.n_elements(), 255);
    std::vector<types::global_dof_index> dofs(fe.n_dofs_per_cell());
    for (const auto &cell : dof_handler.active_cell_iterators())
      if (!cell->is_artificial())
        {
          cell->get_dof_indices(dofs);
          for (unsigned int i = 0; i < dofs.size(); ++i)
            field_of[relevant_dofs.index_within_set(dofs[i])] =
              field_of_component(fe.system_to_component_index(i).first);
        }
    return field_of;
  }



#define CHEMOMECH_INSTANTIATE(dim)                         \
  template std::vector<unsigned char> relevant_dof_fields( \
    const DoFHandler<dim> &,                               \
    const IndexSet &,                                      \
    const std::function<unsigned int(const unsigned int)> &);
  CHEMOMECH_INSTANTIATE(1)
  CHEMOMECH_INSTANTIATE(2)
  CHEMOMECH_INSTANTIATE(3)
#undef CHEMOMECH_INSTANTIATE
} // namespace chemomech
