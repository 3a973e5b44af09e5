/**
 * @file dof_fields.h
 * @brief The field (a group of FE components, e.g. the dim displacement
 * components) of every locally relevant degree of freedom: what the field
 * scales of ScaledLinearSystem, the block preconditioner and the thickness
 * coarsening are built from.
 */
#ifndef chemomech_core_solvers_dof_fields_h
#define chemomech_core_solvers_dof_fields_h

#include <deal.II/base/index_set.h>
#include <deal.II/dofs/dof_handler.h>

#include <functional>
#include <vector>

namespace chemomech
{
  /**
   * @brief Field of each locally relevant degree of freedom, in the order of
   * @p relevant_dofs (255 for one on no cell of this rank).
   *
   * @param dof_handler DoF handler of an FESystem.
   * @param relevant_dofs Locally relevant degrees of freedom.
   * @param field_of_component Field (0, 1, ..., at most 254) of FE component
   *   c.
   */
  template <int dim>
  std::vector<unsigned char>
  relevant_dof_fields(
    const dealii::DoFHandler<dim>                         &dof_handler,
    const dealii::IndexSet                                &relevant_dofs,
    const std::function<unsigned int(const unsigned int)> &field_of_component);
} // namespace chemomech

#endif
