#include <chemomech/core/solvers/dof_fields.h>
#include <chemomech/core/solvers/layer_interpolation.h>
#include <chemomech/physics/electrode/electrode_problem.h>
#include <chemomech/physics/electrode/field_components.h>

#include <deal.II/base/mpi.h>
#include <deal.II/dofs/dof_tools.h>
#include <deal.II/fe/mapping_q1.h>

#include <cmath>
#include <map>
#include <sstream>

namespace chemomech
{
  using namespace dealii;
  using namespace electrode_fields;



  template <int dim>
  void
  ElectrodeProblem<dim>::setup_block_preconditioner()
  {
    const std::vector<unsigned char> field_of =
      relevant_dof_fields(dof_handler, relevant_dofs, field_of_component);
    std::map<types::global_dof_index, Point<dim>> points;
    DoFTools::map_dofs_to_support_points(MappingQ1<dim>(), dof_handler, points);
    std::vector<BlockFieldSettings> fields(4);
    const char                     *names[4] = {"electrolyte concentration",
                                                "electrolyte potential",
                                                "solid potential",
                                                "displacement"};
    for (unsigned int f = 0; f < 4; ++f)
      {
        fields[f].name     = names[f];
        fields[f].type     = linear_solver.transport_preconditioner;
        fields[f].elliptic = true;
        // "AMG smoother", ILU by default here: the point smoothers lose the
        // weak in-plane direction of the slabs' flat cells, and the Krylov
        // count of the coupled system then grows with every level the
        // hierarchies gain (doc/electrode-model.md section 12).
        fields[f].smoother   = linear_solver.amg_smoother;
        fields[f].amg_cycles = linear_solver.amg_cycles;
      }
    fields[3].type       = linear_solver.elasticity_preconditioner;
    fields[3].block_size = dim;
    std::vector<types::global_dof_index> u_rows;
    for (const auto i : owned_dofs)
      if (field_of[relevant_dofs.index_within_set(i)] == 3)
        u_rows.push_back(i);
    if (thickness_coarsening &&
        linear_solver.transport_preconditioner == FieldPreconditionerType::amg)
      {
        // Across the thickness (x) for the three scalar fields.
        auto rows = layer_interpolation(dof_handler,
                                        zero_constraints,
                                        relevant_dofs,
                                        field_of,
                                        {true, true, true, false},
                                        0);
        // "c_e 48 %, ...": the share of each field's rows interpolated.
        std::ostringstream summary;
        summary << "  thickness coarsening, rows interpolated:";
        const char *short_names[3] = {"c_e", "phi_e", "phi_s"};
        for (unsigned int f = 0; f < 3; ++f)
          {
            types::global_dof_index n_fine = 0, n_rows = 0;
            for (const auto i : owned_dofs)
              n_rows += (field_of[relevant_dofs.index_within_set(i)] == f);
            for (const auto &row : rows[f])
              n_fine += (row.size() > 1);
            n_fine = Utilities::MPI::sum(n_fine, comm);
            n_rows = Utilities::MPI::sum(n_rows, comm);
            summary << (f > 0 ? ", " : " ") << short_names[f] << ' '
                    << std::lround(100.0 * n_fine / std::max<double>(n_rows, 1))
                    << " %";
            fields[f].interpolation = std::move(rows[f]);
          }
        preconditioner_summary = summary.str();
      }
    fields[3].coordinates.resize(u_rows.size());
    for (std::size_t j = 0; j < u_rows.size(); ++j)
      fields[3].coordinates[j] = points.at(u_rows[j])[j % dim];
    // The two potentials are coupled most strongly (through the
    // Butler-Volmer term), then the salt, then the displacement it loads.
    linear_solver.set_block_structure(owned_dofs,
                                      relevant_dofs,
                                      field_of,
                                      fields,
                                      {2, 1, 0, 3},
                                      comm);
  }



#define CHEMOMECH_INSTANTIATE(dim) \
  template void ElectrodeProblem<dim>::setup_block_preconditioner();

  CHEMOMECH_INSTANTIATE(1)
  CHEMOMECH_INSTANTIATE(2)
  CHEMOMECH_INSTANTIATE(3)
#undef CHEMOMECH_INSTANTIATE
} // namespace chemomech
