#include <chemomech/physics/electrode/electrode_problem.h>
#include <chemomech/postprocess/region_masked_fields.h>

#include <deal.II/base/mpi.h>
#include <deal.II/base/quadrature_lib.h>
#include <deal.II/fe/fe_values.h>
#include <deal.II/numerics/data_out.h>

#include <array>
#include <iomanip>
#include <limits>
#include <sstream>

namespace chemomech
{
  using namespace dealii;

  namespace
  {
    /// Names of the cell averages of the quadrature-point state in the VTU.
    constexpr std::array<const char *, 6> cell_names = {
      {"porosity",
       "sei_thickness",
       "surface_stoichiometry",
       "surface_hydrostatic_stress",
       "intercalation_current_density",
       "sei_current_density"}};
  } // namespace



  template <int dim>
  void
  ElectrodeProblem<dim>::write_output(const unsigned int index)
  {
    if (!output.write_vtu)
      return;
    TimerOutput::Scope t(*get_timer(comm), "output");
    ghosted = solution;
    DataOut<dim> data_out;
    data_out.attach_dof_handler(dof_handler);
    std::vector<std::string> names = {"electrolyte_concentration",
                                      "electrolyte_potential",
                                      "solid_potential"};
    for (unsigned int d = 0; d < dim; ++d)
      names.emplace_back("displacement");
    std::vector<DataComponentInterpretation::DataComponentInterpretation>
      interp(3, DataComponentInterpretation::component_is_scalar);
    for (unsigned int d = 0; d < dim; ++d)
      interp.push_back(
        DataComponentInterpretation::component_is_part_of_vector);
    // phi_s exists only in the electrodes: NaN in the separator.
    std::vector<bool> solid_only(names.size(), false);
    solid_only[2]           = true;
    const auto in_electrode = [this](const types::material_id id) {
      return material_of(id) != nullptr;
    };
    const RegionMaskedFields<dim> fields(names,
                                         interp,
                                         solid_only,
                                         in_electrode);
    data_out.add_data_vector(ghosted, fields);

    // Cell averages of the committed point state. The separator has its
    // porosity; the particle fields (1..5) are NaN there.
    const float                  nan = std::numeric_limits<float>::quiet_NaN();
    std::array<Vector<float>, 6> cell_data;
    for (auto &v : cell_data)
      v.reinit(triangulation->n_active_cells());
    FEValues<dim> fv(*fe, QGauss<dim>(n_gauss_points()), update_JxW_values);
    for (const auto &cell : dof_handler.active_cell_iterators())
      if (cell->is_locally_owned())
        {
          const unsigned int       c   = cell->active_cell_index();
          const ElectrodeMaterial *mat = material_of(cell->material_id());
          if (!mat)
            {
              cell_data[0][c] = static_cast<float>(separator.porosity);
              for (unsigned int k = 1; k < 6; ++k)
                cell_data[k][c] = nan;
              continue;
            }
          fv.reinit(cell);
          const auto   st   = std::as_const(committed_state).get_data(cell);
          const double cmax = mat->point_update().max_concentration();
          std::array<double, 6> avg = {{0, 0, 0, 0, 0, 0}};
          double                vol = 0;
          for (unsigned int q = 0; q < fv.n_quadrature_points; ++q)
            {
              const double JxW = fv.JxW(q);
              const auto  &s   = *st[q];
              avg[0] += s.porosity * JxW;
              avg[1] += s.sei_thickness * JxW;
              avg[2] += s.rates.surface_concentration / cmax * JxW;
              avg[3] += s.rates.hydrostatic_stress * JxW;
              avg[4] += s.rates.intercalation_current * JxW;
              avg[5] += s.rates.sei_current * JxW;
              vol += JxW;
            }
          if (vol > 0)
            for (unsigned int k = 0; k < 6; ++k)
              cell_data[k][c] = static_cast<float>(avg[k] / vol);
        }
    for (unsigned int k = 0; k < 6; ++k)
      data_out.add_data_vector(cell_data[k], cell_names[k]);
    std::vector<Vector<float>> stress_data;
    compute_stress_cell_data(stress_data);
    for (unsigned int k = 0; k < stress_data.size(); ++k)
      data_out.add_data_vector(stress_data[k], stress_cell_names()[k]);

    Vector<float> region(triangulation->n_active_cells());
    Vector<float> rank(triangulation->n_active_cells());
    for (const auto &cell : triangulation->active_cell_iterators())
      if (cell->is_locally_owned())
        region[cell->active_cell_index()] = cell->material_id();
    rank = static_cast<float>(Utilities::MPI::this_mpi_process(comm));
    data_out.add_data_vector(region, "material_id");
    data_out.add_data_vector(rank, "mpi_rank");
    data_out.build_patches(std::max(degree, displacement_degree));
    pvd.write(data_out, time, index, comm);
  }



  template <int dim>
  void
  ElectrodeProblem<dim>::print_header(std::ostream &out) const
  {
    const bool half = geometry.cell_type == CellType::half_cell;
    out << "chemomech " << CHEMOMECH_VERSION << ": porous-electrode model, "
        << dim << "D " << (half ? "half cell" : "full cell") << ", "
        << Utilities::MPI::n_mpi_processes(comm) << " MPI rank(s), "
        << LA::backend_name << " linear algebra\n"
        << "  mesh: " << triangulation->n_global_active_cells() << " cells, "
        << dof_handler.n_dofs() << " unknowns (c_e, phi_e, phi_s, u)\n"
        << preconditioner_summary
        << (preconditioner_summary.empty() ? "" : "\n")
        << "  1C = " << one_c_current << " A/m^2, " << protocol.n_cycles()
        << " cycle(s) of " << protocol.steps().size() << " step(s)\n"
        << "  open-circuit voltage " << cell_voltage() << " V\n"
        << "  output: " << output.directory << "/\n";
  }



  template <int dim>
  void
  ElectrodeProblem<dim>::print_summary(std::ostream &out) const
  {
    const std::string &d = output.directory;
    out << "results: " << d << "/statistics.csv, " << d << "/cycles.csv"
        << (output.write_vtu ? ", " + d + "/solution.pvd" : std::string())
        << "\n";
  }



  template <int dim>
  double
  ElectrodeProblem<dim>::local_update_seconds() const
  {
    return local_update_seconds_total;
  }



  template <int dim>
  std::string
  ElectrodeProblem<dim>::progress_line() const
  {
    const auto         p = controller.position();
    std::ostringstream line;
    line << "cycle " << p.first << " step " << p.second
         << "  I = " << std::fixed << std::setprecision(3)
         << controller.record().current
         << " A/m^2  V = " << std::setprecision(4) << cell_voltage()
         << " V  Newton " << last_newton.iterations;
    return line.str();
  }



#define CHEMOMECH_INSTANTIATE(dim)                                          \
  template void ElectrodeProblem<dim>::write_output(const unsigned int);    \
  template void ElectrodeProblem<dim>::print_header(std::ostream &) const;  \
  template void ElectrodeProblem<dim>::print_summary(std::ostream &) const; \
  template std::string ElectrodeProblem<dim>::progress_line() const;        \
  template double      ElectrodeProblem<dim>::local_update_seconds() const;

  CHEMOMECH_INSTANTIATE(1)
  CHEMOMECH_INSTANTIATE(2)
  CHEMOMECH_INSTANTIATE(3)
#undef CHEMOMECH_INSTANTIATE
} // namespace chemomech
