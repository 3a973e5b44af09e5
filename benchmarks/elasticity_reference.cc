/**
 * @file elasticity_reference.cc
 * @brief The "speed of light" of the benchmark harness: one solve of plain
 * linear elasticity on the mesh of a chemomech parameter file, with the
 * element (Q2 displacement, MappingQ2), the supports, the preconditioner
 * (smoothed-aggregation AMG with the rigid-body modes) and the Krylov method
 * (right-preconditioned GMRES) that the coupled particle solver uses for its
 * displacement block.
 *
 * Usage: chemomech-elasticity-reference input.prm [relative tolerance]
 *
 * The load is the eigenstrain of the parabolic profile
 * c = c_ref (1 + r^2/R^2), so the solve has the closed-form free-sphere
 * solution and is not trivial. Writes elasticity_reference.json (sizes,
 * iterations, timings, memory) into Output/Directory; nothing is written
 * for a failed run.
 */
#include <chemomech/core/error_messages.h>
#include <chemomech/core/linear_algebra.h>
#include <chemomech/core/solvers/field_preconditioner.h>
#include <chemomech/geometry/particle_geometry.h>
#include <chemomech/io/performance_report.h>
#include <chemomech/materials/particle_material.h>
#include <chemomech/physics/particle/mechanical_constraints.h>
#include <chemomech/physics/particle/particle_problem.h>

#include <deal.II/base/conditional_ostream.h>
#include <deal.II/base/quadrature_lib.h>
#include <deal.II/base/timer.h>
#include <deal.II/distributed/tria.h>
#include <deal.II/dofs/dof_handler.h>
#include <deal.II/dofs/dof_tools.h>
#include <deal.II/fe/fe_q.h>
#include <deal.II/fe/fe_system.h>
#include <deal.II/fe/fe_values.h>
#include <deal.II/fe/mapping_q.h>
#include <deal.II/lac/affine_constraints.h>
#include <deal.II/lac/dynamic_sparsity_pattern.h>
#include <deal.II/lac/solver_control.h>
#include <deal.II/lac/solver_gmres.h>
#include <deal.II/lac/sparsity_tools.h>

#include <filesystem>
#include <iostream>

using namespace dealii;
using namespace chemomech;

namespace
{
  constexpr int dim = 3;

  double
  run(ParameterHandler &prm, const double tolerance)
  {
    const MPI_Comm     comm = MPI_COMM_WORLD;
    ConditionalOStream pcout(std::cout,
                             Utilities::MPI::this_mpi_process(comm) == 0);

    ParticleGeometry<dim>      geometry;
    ParticleMaterial           material;
    MechanicalConstraints<dim> mechanics;
    geometry.parse_parameters(prm);
    material.parse_parameters(prm);
    mechanics.parse_parameters(prm);
    prm.enter_subsection("Discretization");
    const unsigned int degree         = prm.get_integer("Displacement degree");
    const unsigned int mapping_degree = prm.get_integer("Mapping degree");
    prm.leave_subsection();
    prm.enter_subsection("Output");
    const std::string directory = prm.get("Directory");
    prm.leave_subsection();
    prm.enter_subsection("Linear solver");
    const unsigned int restart        = prm.get_integer("Restart");
    const unsigned int max_iterations = prm.get_integer("Maximum iterations");
    prm.leave_subsection();

    Timer  timer(comm, true);
    double seconds_setup = 0, seconds_assembly = 0, seconds_prec = 0,
           seconds_krylov = 0;

    // Setup: mesh, DoFs, constraints, matrix.
    parallel::distributed::Triangulation<dim> tria(comm);
    geometry.create_mesh(tria);
    const FESystem<dim> fe(FE_Q<dim>(degree), dim);
    const MappingQ<dim> mapping(mapping_degree);
    DoFHandler<dim>     dof_handler(tria);
    dof_handler.distribute_dofs(fe);
    const IndexSet owned = dof_handler.locally_owned_dofs();
    const IndexSet relevant =
      DoFTools::extract_locally_relevant_dofs(dof_handler);

    double volume = 0, area = 0;
    {
      const QGauss<dim>     quad(degree + 1);
      const QGauss<dim - 1> fquad(degree + 1);
      FEValues<dim>         fv(mapping, fe, quad, update_JxW_values);
      FEFaceValues<dim>     ffv(mapping, fe, fquad, update_JxW_values);
      for (const auto &cell : dof_handler.active_cell_iterators())
        if (cell->is_locally_owned())
          {
            fv.reinit(cell);
            for (unsigned int q = 0; q < quad.size(); ++q)
              volume += fv.JxW(q);
            for (const auto f : cell->face_indices())
              if (cell->at_boundary(f) && cell->face(f)->boundary_id() == 0)
                {
                  ffv.reinit(cell, f);
                  for (unsigned int q = 0; q < fquad.size(); ++q)
                    area += ffv.JxW(q);
                }
          }
      volume = Utilities::MPI::sum(volume, comm);
      area   = Utilities::MPI::sum(area, comm);
    }
    const double length = dim * volume / area;

    AffineConstraints<double> constraints;
    constraints.reinit(relevant);
    DoFTools::make_hanging_node_constraints(dof_handler, constraints);
    mechanics.make_constraints(dof_handler,
                               geometry.centre(),
                               length,
                               constraints);
    constraints.close();

    DynamicSparsityPattern dsp(relevant);
    DoFTools::make_sparsity_pattern(dof_handler, dsp, constraints, false);
    SparsityTools::distribute_sparsity_pattern(dsp, owned, comm, relevant);
    LA::MPI::SparseMatrix matrix;
    matrix.reinit(owned, owned, dsp, comm);
    LA::MPI::Vector rhs(owned, comm), solution(owned, comm);

    // Coordinates of the owned rows for the rigid-body modes.
    std::vector<double> coordinates(owned.n_elements());
    {
      std::map<types::global_dof_index, Point<dim>> points;
      DoFTools::map_dofs_to_support_points(mapping, dof_handler, points);
      std::vector<types::global_dof_index> dofs(fe.n_dofs_per_cell());
      for (const auto &cell : dof_handler.active_cell_iterators())
        if (cell->is_locally_owned())
          {
            cell->get_dof_indices(dofs);
            for (unsigned int i = 0; i < dofs.size(); ++i)
              if (owned.is_element(dofs[i]))
                coordinates[owned.index_within_set(dofs[i])] =
                  points.at(dofs[i])[fe.system_to_component_index(i).first];
          }
    }
    seconds_setup = timer.wall_time();

    // Assembly: K u = int div(v) 3 K e*(c(r)).
    timer.restart();
    {
      const QGauss<dim>                    quad(degree + 1);
      FEValues<dim>                        fv(mapping,
                       fe,
                       quad,
                       update_gradients | update_quadrature_points |
                         update_JxW_values);
      const FEValuesExtractors::Vector     u(0);
      const unsigned int                   n = fe.n_dofs_per_cell();
      FullMatrix<double>                   cell_matrix(n, n);
      Vector<double>                       cell_rhs(n);
      std::vector<SymmetricTensor<2, dim>> eps(n);
      std::vector<double>                  div(n);
      std::vector<types::global_dof_index> dofs(n);
      const IsotropicElasticity           &el = material.elasticity;
      const double radius                     = length; // 3V/A = R for a sphere
      for (const auto &cell : dof_handler.active_cell_iterators())
        if (cell->is_locally_owned())
          {
            fv.reinit(cell);
            cell_matrix = 0;
            cell_rhs    = 0;
            for (unsigned int q = 0; q < quad.size(); ++q)
              {
                const double r2 =
                  fv.quadrature_point(q).distance_square(geometry.centre());
                const double c = material.reference_concentration *
                                 (1 + r2 / (radius * radius));
                const double e_star = material.eigenstrain(c);
                const double JxW    = fv.JxW(q);
                for (unsigned int i = 0; i < n; ++i)
                  {
                    eps[i] = fv[u].symmetric_gradient(i, q);
                    div[i] = fv[u].divergence(i, q);
                  }
                for (unsigned int i = 0; i < n; ++i)
                  {
                    const SymmetricTensor<2, dim> s_i = el.stress(eps[i], 0);
                    for (unsigned int j = 0; j < n; ++j)
                      cell_matrix(i, j) += (s_i * eps[j]) * JxW;
                    cell_rhs(i) += div[i] * 3 * el.bulk_modulus * e_star * JxW;
                  }
              }
            cell->get_dof_indices(dofs);
            constraints.distribute_local_to_global(cell_matrix,
                                                   cell_rhs,
                                                   dofs,
                                                   matrix,
                                                   rhs);
          }
      matrix.compress(VectorOperation::add);
      rhs.compress(VectorOperation::add);
    }
    seconds_assembly = timer.wall_time();

    // Preconditioner and Krylov solve, as for the coupled displacement block.
    timer.restart();
    FieldPreconditioner preconditioner;
    preconditioner.initialize(matrix,
                              FieldPreconditionerType::amg,
                              dim,
                              coordinates,
                              true);
    seconds_prec = timer.wall_time();

    timer.restart();
    SolverControl control(max_iterations, tolerance * rhs.l2_norm());
    SolverGMRES<LA::MPI::Vector> solver(
      control,
      SolverGMRES<LA::MPI::Vector>::AdditionalData(restart + 2, true));
    solver.solve(matrix, solution, rhs, preconditioner);
    constraints.distribute(solution);
    seconds_krylov = timer.wall_time();

    pcout << "elasticity reference: " << dof_handler.n_dofs() << " unknowns, "
          << tria.n_global_active_cells() << " cells, " << control.last_step()
          << " GMRES iterations to " << tolerance << "; setup " << seconds_setup
          << " s, assembly " << seconds_assembly << " s, AMG " << seconds_prec
          << " s, GMRES " << seconds_krylov << " s\n";

    std::filesystem::create_directories(directory);
    PerformanceReport report;
    report.add("mpi_ranks", Utilities::MPI::n_mpi_processes(comm));
    report.add("cells", tria.n_global_active_cells());
    report.add("unknowns", dof_handler.n_dofs());
    report.add("linear_iterations", control.last_step());
    report.add("relative_tolerance", tolerance);
    report.add_max("seconds_setup", seconds_setup, comm);
    report.add_max("seconds_assembly", seconds_assembly, comm);
    report.add_max("seconds_preconditioner", seconds_prec, comm);
    report.add_max("seconds_krylov", seconds_krylov, comm);
    const double memory = PerformanceReport::peak_memory_bytes();
    report.add_max("peak_memory_bytes_max_rank", memory, comm);
    report.add("peak_memory_bytes_sum", Utilities::MPI::sum(memory, comm));
    report.add("matrix_bytes_sum",
               Utilities::MPI::sum(static_cast<double>(
                                     matrix.memory_consumption()),
                                   comm));
    report.write(directory + "/elasticity_reference.json", comm);
    return seconds_assembly + seconds_prec + seconds_krylov;
  }
} // namespace

int
main(int argc, char **argv)
{
  Utilities::MPI::MPI_InitFinalize mpi(argc, argv, 1);
  if (argc < 2)
    {
      std::cerr << "usage: chemomech-elasticity-reference input.prm "
                   "[relative tolerance]\n";
      return 1;
    }
  try
    {
      ParameterHandler prm;
      ParticleProblem<dim>::declare_parameters(prm);
      prm.parse_input(argv[1]);
      run(prm, argc > 2 ? std::stod(argv[2]) : 1e-8);
    }
  catch (const std::exception &e)
    {
      std::cerr << "chemomech-elasticity-reference: " << e.what() << "\n";
      MPI_Abort(MPI_COMM_WORLD, 1);
    }
  return 0;
}
