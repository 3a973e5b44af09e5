#include <chemomech/core/error_messages.h>
#include <chemomech/core/parameter_checks.h>
#include <chemomech/core/solvers/dof_fields.h>
#include <chemomech/io/performance_report.h>
#include <chemomech/physics/particle/particle_problem.h>

#include <deal.II/base/function_parser.h>
#include <deal.II/base/quadrature_lib.h>
#include <deal.II/base/timer.h>
#include <deal.II/base/utilities.h>
#include <deal.II/dofs/dof_tools.h>
#include <deal.II/fe/fe_q.h>
#include <deal.II/fe/fe_values.h>
#include <deal.II/lac/dynamic_sparsity_pattern.h>
#include <deal.II/lac/sparsity_tools.h>
#include <deal.II/numerics/vector_tools.h>

#include <cmath>
#include <limits>
#include <map>

namespace chemomech
{
  using namespace dealii;



  template <int dim>
  void
  ParticleProblem<dim>::setup()
  {
    {
      TimerOutput::Scope t(*get_timer(comm), "setup");
      geometry.create_mesh(triangulation);
      fe      = std::make_unique<FESystem<dim>>(FE_Q<dim>(displacement_degree),
                                           dim,
                                           FE_Q<dim>(concentration_degree),
                                           1,
                                           FE_Q<dim>(concentration_degree),
                                           1);
      mapping = std::make_unique<MappingQ<dim>>(mapping_degree);
      setup_dofs();
      peak_memory_after_dofs = PerformanceReport::peak_memory_bytes();
      pvd.initialize(output.directory, "solution");
      set_initial_state();
    }
    // The statistics of the initial state: the reference of the lithium
    // balance and of the progress towards the target state of charge.
    stats             = compute_statistics();
    initial_lithium   = stats.total_lithium;
    initial_soc       = stats.mean_stoichiometry;
    cumulative_inflow = 0;
  }



  template <int dim>
  void
  ParticleProblem<dim>::setup_dofs()
  {
    dof_handler.distribute_dofs(*fe);
    // No component-wise renumbering: with deal.II 9.4 it makes the locally
    // owned set non-contiguous, and DataOut then deadlocks in parallel.
    owned_dofs    = dof_handler.locally_owned_dofs();
    relevant_dofs = DoFTools::extract_locally_relevant_dofs(dof_handler);

    compute_volume_and_area();
    surface.initialize(volume, active_area, material.max_concentration);
    surface.set_coupling_molar_volume(material.coupling_molar_volume);
    make_constraints(zero_constraints, 0.0);
    make_constraints(constraints, surface.surface_concentration);
    setup_system();
    setup_scales();
    setup_partial_jacobian();

    if (linear_solver.uses_block_preconditioner())
      setup_block_preconditioner();
  }



  template <int dim>
  void
  ParticleProblem<dim>::compute_volume_and_area()
  {
    // Volume and active area, also the characteristic length 3V/A.
    const QGauss<dim>     quad(fe->degree + 1);
    const QGauss<dim - 1> fquad(fe->degree + 1);
    FEValues<dim>         fv(*mapping, *fe, quad, update_JxW_values);
    FEFaceValues<dim>     ffv(*mapping, *fe, fquad, update_JxW_values);
    volume      = 0;
    active_area = 0;
    for (const auto &cell : dof_handler.active_cell_iterators())
      if (cell->is_locally_owned())
        {
          fv.reinit(cell);
          for (unsigned int q = 0; q < quad.size(); ++q)
            volume += fv.JxW(q);
          for (const auto f : cell->face_indices())
            if (cell->at_boundary(f) &&
                surface.is_active(cell->face(f)->boundary_id()))
              {
                ffv.reinit(cell, f);
                for (unsigned int q = 0; q < fquad.size(); ++q)
                  active_area += ffv.JxW(q);
              }
        }
    volume      = Utilities::MPI::sum(volume, comm);
    active_area = Utilities::MPI::sum(active_area, comm);
    check_condition(active_area > 0,
                    "the mesh has no face with a boundary id listed in "
                    "'Surface/Active boundary ids'");
  }



  template <int dim>
  void
  ParticleProblem<dim>::make_constraints(AffineConstraints<double> &cs,
                                         const double c_value) const
  {
    const double                     length = dim * volume / active_area;
    const FEValuesExtractors::Scalar c_extractor(dim);
    const ComponentMask              c_mask = fe->component_mask(c_extractor);
    cs.clear();
    cs.reinit(relevant_dofs);
    DoFTools::make_hanging_node_constraints(dof_handler, cs);
    mechanics.make_constraints(dof_handler, geometry.centre(), length, cs);
    if (surface.type == SurfaceConditionType::fixed_concentration)
      for (const auto id : surface.active_ids)
        VectorTools::interpolate_boundary_values(
          *mapping,
          dof_handler,
          id,
          Functions::ConstantFunction<dim>(c_value, dim + 2),
          cs,
          c_mask);
    cs.close();
  }



  template <int dim>
  void
  ParticleProblem<dim>::setup_system()
  {
    system.reinit(dof_handler,
                  zero_constraints,
                  owned_dofs,
                  relevant_dofs,
                  comm);
    linear_solver.new_sparsity_pattern();

    for (auto *v :
         {&solution, &old_solution, &older_solution, &concentration_mask})
      v->reinit(owned_dofs, comm);
    for (auto *v : {&ghosted, &ghosted_old, &ghosted_older})
      v->reinit(owned_dofs, relevant_dofs, comm);
  }



  template <int dim>
  void
  ParticleProblem<dim>::setup_scales()
  {
    // Characteristic scales of the fields for the Newton norms.
    const double length = dim * volume / active_area;
    const double e_ref  = (material.partial_molar_volume != 0) ?
                            std::abs(material.partial_molar_volume) *
                             material.max_concentration / 3 :
                            1e-3;
    const std::vector<unsigned char> field_of = field_of_relevant_dofs();
    system.set_field_scales(relevant_dofs,
                            field_of,
                            {length * e_ref,
                             material.max_concentration,
                             material.elasticity.youngs_modulus * e_ref});
    // Dirichlet values of c are imposed, not computed: they do not count in
    // the step-size control.
    for (const auto i : owned_dofs)
      concentration_mask[i] =
        (field_of[relevant_dofs.index_within_set(i)] == 1 &&
         !zero_constraints.is_constrained(i)) ?
          1.0 :
          0.0;
    concentration_mask.compress(VectorOperation::insert);
  }



  template <int dim>
  void
  ParticleProblem<dim>::setup_partial_jacobian()
  {
    // Only the concentration rows of the Jacobian depend on the state, the
    // time step and the equilibrium mode (theory section 5.4): after one
    // full assembly, later ones refill just those rows -- when no
    // constraint couples a concentration or sigma_h DoF to others (hanging
    // nodes would), and with Trilinos (PETSc's MatZeroRows may drop the
    // sparsity of the cleared rows). With the stress-shifted equilibrium
    // potential the concentration rows have displacement columns too, so
    // then no displacement constraint may couple DoFs either.
    const std::vector<unsigned char> field_of  = field_of_relevant_dofs();
    bool                             allowed   = !LA::uses_petsc;
    const bool                       u_columns = surface.depends_on_stress();
    for (const auto &line : zero_constraints.get_lines())
      if (!line.entries.empty() && relevant_dofs.is_element(line.index) &&
          (u_columns ||
           field_of[relevant_dofs.index_within_set(line.index)] != 0))
        allowed = false;
    partial_jacobian_allowed = Utilities::MPI::min(allowed ? 1 : 0, comm) == 1;
    owned_concentration_rows.clear();
    for (const auto i : owned_dofs)
      if (field_of[relevant_dofs.index_within_set(i)] == 1 &&
          !zero_constraints.is_constrained(i))
        owned_concentration_rows.push_back(i);
    constant_jacobian_assembled = false;
  }



  template <int dim>
  std::vector<unsigned char>
  ParticleProblem<dim>::field_of_relevant_dofs() const
  {
    // 0 displacement, 1 concentration, 2 hydrostatic stress.
    return relevant_dof_fields(dof_handler,
                               relevant_dofs,
                               [](const unsigned int comp) {
                                 return (comp < dim) ? 0u : comp - dim + 1;
                               });
  }



  template <int dim>
  void
  ParticleProblem<dim>::setup_block_preconditioner()
  {
    const std::vector<unsigned char> field_of = field_of_relevant_dofs();
    std::map<types::global_dof_index, Point<dim>> points;
    DoFTools::map_dofs_to_support_points(*mapping, dof_handler, points);

    std::vector<BlockFieldSettings> fields(3);
    fields[0].name       = "displacement";
    fields[0].type       = linear_solver.elasticity_preconditioner;
    fields[0].block_size = dim;
    fields[0].elliptic   = true;
    fields[1].name       = "concentration";
    fields[1].type       = linear_solver.transport_preconditioner;
    // the stress-driven drift makes the block non-symmetric
    fields[1].elliptic = true;
    fields[2].name     = "hydrostatic stress";
    fields[2].type     = linear_solver.projection_preconditioner;
    fields[2].elliptic = true;
    for (auto &field : fields)
      {
        field.amg_cycles = linear_solver.amg_cycles;
        field.smoother   = linear_solver.amg_smoother;
      }

    // Displacement rows in the monolithic order; deal.II numbers the
    // components of a node consecutively, which AMG for elasticity needs.
    std::vector<types::global_dof_index> u_rows;
    for (const auto i : owned_dofs)
      if (field_of[relevant_dofs.index_within_set(i)] == 0)
        u_rows.push_back(i);
    fields[0].coordinates.resize(u_rows.size());
    for (std::size_t j = 0; j < u_rows.size(); ++j)
      {
        const auto &p            = points.at(u_rows[j]);
        fields[0].coordinates[j] = p[j % dim];
        // the dim rows of one node share its support point
        if (j % dim != 0)
          AssertThrow(p.distance(points.at(u_rows[j - j % dim])) <=
                        1e-12 * (1 + p.norm()),
                      ExcInternalError());
      }
    // Concentration first (it drives the eigenstrain), then the
    // displacement it loads, then sigma_h from both; only the drift of c
    // by grad sigma_h is left out of the sweep.
    linear_solver.set_block_structure(owned_dofs,
                                      relevant_dofs,
                                      field_of,
                                      fields,
                                      {1, 0, 2},
                                      comm);
  }



  template <int dim>
  void
  ParticleProblem<dim>::interpolate_initial_concentration()
  {
    // u = 0, c = c0(x), sigma_h = 0, then mechanical equilibrium at fixed c.
    std::vector<std::string> expressions(dim + 2, "0");
    expressions[dim] = material.initial_concentration;
    FunctionParser<dim> initial(dim + 2);
    try
      {
        initial.initialize(dim == 2 ? "x,y" : "x,y,z", expressions, {});
        // muparser reports syntax errors on the first evaluation
        (void)initial.value(Point<dim>(), dim);
      }
    catch (...)
      {
        throw InvalidParameter("parameter 'Material/Initial concentration': "
                               "cannot parse '" +
                               material.initial_concentration +
                               "' as a number or an expression in x, y, z");
      }
    VectorTools::interpolate(*mapping, dof_handler, initial, solution);
    double c_min_0 = std::numeric_limits<double>::max();
    double c_max_0 = -c_min_0;
    std::vector<types::global_dof_index> dofs(fe->n_dofs_per_cell());
    for (const auto &cell : dof_handler.active_cell_iterators())
      if (cell->is_locally_owned())
        {
          cell->get_dof_indices(dofs);
          for (unsigned int i = 0; i < dofs.size(); ++i)
            if (fe->system_to_component_index(i).first == dim &&
                owned_dofs.is_element(dofs[i]))
              {
                c_min_0 = std::min(c_min_0, double(solution[dofs[i]]));
                c_max_0 = std::max(c_max_0, double(solution[dofs[i]]));
              }
        }
    for (const auto i : owned_dofs)
      if (!std::isfinite(solution[i]))
        c_min_0 = -std::numeric_limits<double>::infinity();
    c_min_0 = Utilities::MPI::min(c_min_0, comm);
    c_max_0 = Utilities::MPI::max(c_max_0, comm);
    check_condition(c_min_0 >= 0 && c_max_0 <= material.max_concentration,
                    "parameter 'Material/Initial concentration' = '" +
                      material.initial_concentration + "' takes values in [" +
                      std::to_string(c_min_0) + ", " + std::to_string(c_max_0) +
                      "] mol/m^3 on the mesh, outside the allowed range [0, "
                      "c_max = " +
                      std::to_string(material.max_concentration) + "]");
  }



  template <int dim>
  void
  ParticleProblem<dim>::set_initial_state()
  {
    interpolate_initial_concentration();
    equilibrium_mode     = true;
    bdf                  = {{0, 0, 0}};
    old_solution         = solution;
    older_solution       = solution;
    ghosted_old          = old_solution;
    ghosted_older        = older_solution;
    const NewtonResult r = newton.solve(*this, solution);
    equilibrium_mode     = false;
    AssertThrow(r.converged,
                ExcMessage("the initial mechanical equilibrium did not "
                           "converge: " +
                           r.failure_reason));
    old_solution    = solution;
    older_solution  = solution;
    time            = 0;
    dt_old          = 0;
    step            = 0;
    line_index      = 0;
    last_newton     = NewtonResult();
    accepted_newton = NewtonResult();
  }



#define CHEMOMECH_INSTANTIATE(dim) template void ParticleProblem<dim>::setup();

  CHEMOMECH_INSTANTIATE(2)
  CHEMOMECH_INSTANTIATE(3)
#undef CHEMOMECH_INSTANTIATE
} // namespace chemomech
