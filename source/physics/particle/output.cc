#include <chemomech/physics/particle/particle_problem.h>
#include <chemomech/postprocess/stress_measures.h>
#include <chemomech/postprocess/stress_postprocessor.h>

#include <deal.II/base/timer.h>
#include <deal.II/base/utilities.h>
#include <deal.II/numerics/data_out.h>

#include <iomanip>
#include <limits>
#include <sstream>

namespace chemomech
{
  using namespace dealii;



  template <int dim>
  std::vector<double>
  ParticleProblem<dim>::sample_row(const Point<dim>       &p,
                                   const PointSample<dim> &s) const
  {
    std::vector<double> row;
    for (unsigned int d = 0; d < dim; ++d)
      row.push_back(p[d]);
    if (!s.found)
      {
        row.resize(row.size() + dim + 7,
                   std::numeric_limits<double>::quiet_NaN());
        return row;
      }
    SymmetricTensor<2, dim> e;
    for (unsigned int i = 0; i < dim; ++i)
      for (unsigned int j = 0; j < dim; ++j)
        e[i][j] = 0.5 * (s.gradients[i][j] + s.gradients[j][i]);
    const double c = s.values[dim];
    const auto   m = compute_stress_measures<dim>(material.elasticity,
                                                e,
                                                material.eigenstrain(c),
                                                p,
                                                geometry.centre());
    row.push_back(c);
    row.push_back(c / material.max_concentration);
    for (unsigned int d = 0; d < dim; ++d)
      row.push_back(s.values[d]);
    for (const double v :
         {m.hydrostatic, m.von_mises, m.max_principal, m.radial, m.hoop})
      row.push_back(v);
    return row;
  }



  namespace
  {
    /// Columns of sample_row(): position, c, x, u and stress measures.
    template <int dim>
    std::vector<StatisticsColumn>
    sample_columns()
    {
      std::vector<StatisticsColumn> cols;
      for (unsigned int d = 0; d < dim; ++d)
        cols.push_back({std::string(1, "xyz"[d]), "m"});
      cols.push_back({"c", "mol/m^3"});
      cols.push_back({"stoichiometry", "-"});
      for (unsigned int d = 0; d < dim; ++d)
        cols.push_back({std::string("u_") + "xyz"[d], "m"});
      for (const char *n : {"sigma_h",
                            "von_mises",
                            "max_principal_stress",
                            "radial_stress",
                            "hoop_stress"})
        cols.push_back({n, "Pa"});
      return cols;
    }
  } // namespace



  template <int dim>
  void
  ParticleProblem<dim>::write_probes()
  {
    if (probe_points.empty())
      return;
    const auto samples = sample_points<dim>(*mapping,
                                            dof_handler,
                                            ghosted_solution(),
                                            probe_points);
    for (unsigned int k = 0; k < probe_points.size(); ++k)
      {
        std::vector<double> row  = {time, static_cast<double>(k)};
        const auto          rest = sample_row(probe_points[k], samples[k]);
        row.insert(row.end(), rest.begin(), rest.end());
        probes_csv.write_row(row);
      }
  }



  template <int dim>
  void
  ParticleProblem<dim>::write_line_out(const unsigned int index)
  {
    std::vector<Point<dim>> points;
    for (unsigned int k = 0; k < line_points; ++k)
      points.push_back(line_start +
                       (line_points > 1 ? double(k) / (line_points - 1) : 0.0) *
                         (line_end - line_start));
    const auto samples =
      sample_points<dim>(*mapping, dof_handler, ghosted_solution(), points);
    CsvWriter                     csv;
    std::vector<StatisticsColumn> cols = {{"time", "s"}, {"arc_length", "m"}};
    const auto                    rest = sample_columns<dim>();
    cols.insert(cols.end(), rest.begin(), rest.end());
    std::ostringstream name;
    name << output.directory << "/lineout-" << std::setw(3) << std::setfill('0')
         << index << ".csv";
    csv.open(name.str(), cols, Utilities::MPI::this_mpi_process(comm) == 0);
    for (unsigned int k = 0; k < points.size(); ++k)
      {
        std::vector<double> row = {time, points[k].distance(line_start)};
        const auto          r   = sample_row(points[k], samples[k]);
        row.insert(row.end(), r.begin(), r.end());
        csv.write_row(row);
      }
  }



  template <int dim>
  void
  ParticleProblem<dim>::write_output(const unsigned int index)
  {
    if (index == 0)
      {
        // The initial state: open probes.csv, sample the probes and write
        // the line-outs due at t = 0.
        if (!probe_points.empty())
          {
            probes_csv.open(output.directory + "/probes.csv",
                            probe_columns(),
                            Utilities::MPI::this_mpi_process(comm) == 0);
          }
        write_probes();
        while (line_index < line_times.size() && line_times[line_index] <= 0)
          write_line_out(line_index++);
      }
    if (!output.write_vtu)
      return;
    TimerOutput::Scope t(*get_timer(comm), "output");
    ghosted = solution;
    StressPostprocessor<dim> postprocessor(material, geometry.centre());
    DataOut<dim>             data_out;
    data_out.attach_dof_handler(dof_handler);
    std::vector<std::string> names(dim, "displacement");
    names.emplace_back("concentration");
    names.emplace_back("sigma_h_field");
    std::vector<DataComponentInterpretation::DataComponentInterpretation>
      interp(dim, DataComponentInterpretation::component_is_part_of_vector);
    interp.push_back(DataComponentInterpretation::component_is_scalar);
    interp.push_back(DataComponentInterpretation::component_is_scalar);
    data_out.add_data_vector(ghosted,
                             names,
                             DataOut<dim>::type_dof_data,
                             interp);
    data_out.add_data_vector(ghosted, postprocessor);
    Vector<float> rank(triangulation.n_active_cells());
    rank = static_cast<float>(triangulation.locally_owned_subdomain());
    data_out.add_data_vector(rank, "mpi_rank");
    data_out.build_patches(*mapping,
                           std::max(displacement_degree, mapping_degree),
                           DataOut<dim>::curved_inner_cells);
    pvd.write(data_out, time, index, comm);
  }



  template <int dim>
  std::vector<StatisticsColumn>
  ParticleProblem<dim>::probe_columns() const
  {
    std::vector<StatisticsColumn> cols = {{"time", "s"},
                                          {"probe", "", ColumnFormat::integer}};
    const auto                    rest = sample_columns<dim>();
    cols.insert(cols.end(), rest.begin(), rest.end());
    return cols;
  }



#define CHEMOMECH_INSTANTIATE(dim)                                             \
  template void ParticleProblem<dim>::write_output(const unsigned int);        \
  template void ParticleProblem<dim>::write_probes();                          \
  template void ParticleProblem<dim>::write_line_out(const unsigned int);      \
  template std::vector<StatisticsColumn> ParticleProblem<dim>::probe_columns() \
    const;

  CHEMOMECH_INSTANTIATE(2)
  CHEMOMECH_INSTANTIATE(3)
#undef CHEMOMECH_INSTANTIATE
} // namespace chemomech
