#include <chemomech/core/parameter_checks.h>
#include <chemomech/core/range_spec.h>
#include <chemomech/core/solvers/linear_solver.h>

#include <deal.II/lac/solver_control.h>
#include <deal.II/lac/solver_gmres.h>

#include <chrono>
#include <cmath>
#include <string>

#ifdef CHEMOMECH_USE_PETSC
#  include <deal.II/lac/petsc_precondition.h>
#  include <deal.II/lac/petsc_solver.h>
#  include <deal.II/lac/petsc_sparse_matrix.h>
#else
#  include <deal.II/lac/trilinos_precondition.h>
#  include <deal.II/lac/trilinos_solver.h>
#endif

namespace chemomech
{
  namespace
  {
    /// Allowed ranges of the entries (declared patterns and checks).
    const RangeSpec amg_cycles_range         = RangeSpec::integers(1, 10);
    const RangeSpec maximum_iterations_range = RangeSpec::integers(1, 1000000);
    const RangeSpec restart_range            = RangeSpec::integers(5, 1000);
    const RangeSpec
      relative_tolerance_range(1e-16, Bound::closed, 0.1, Bound::closed);
    double
    seconds_since(const std::chrono::steady_clock::time_point &start)
    {
      return std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                           start)
        .count();
    }

    /// W J: the matrix with its rows weighted.
    struct WeightedOperator
    {
      const LA::MPI::SparseMatrix &matrix;
      const LA::MPI::Vector       *weights;

      void
      vmult(LA::MPI::Vector &dst, const LA::MPI::Vector &src) const
      {
        matrix.vmult(dst, src);
        if (weights)
          dst.scale(*weights);
      }
    };

    /// P W^{-1}.
    struct WeightedPreconditioner
    {
      const BlockPreconditioner &preconditioner;
      const LA::MPI::Vector     *inverse_weights;

      /// Work vector, allocated once per solve, not per application.
      mutable LA::MPI::Vector tmp;

      void
      vmult(LA::MPI::Vector &dst, const LA::MPI::Vector &src) const
      {
        if (inverse_weights)
          {
            if (tmp.size() != src.size())
              tmp.reinit(src);
            tmp = src;
            tmp.scale(*inverse_weights);
            preconditioner.vmult(dst, tmp);
          }
        else
          preconditioner.vmult(dst, src);
      }
    };
  } // namespace



  void
  LinearSolver::declare_parameters(dealii::ParameterHandler &prm,
                                   const unsigned int        default_amg_cycles,
                                   const std::string &default_amg_smoother,
                                   const std::string &default_direct_package)
  {
    prm.enter_subsection("Linear solver");
    prm.declare_entry("Solver",
                      "direct",
                      dealii::Patterns::Selection("direct|gmres"),
                      "direct: parallel sparse LU (MUMPS), robust, for up to "
                      "about 10^5 unknowns in 3D. gmres: restarted GMRES with "
                      "the preconditioner below, for large problems.");
    prm.declare_entry("Direct solver package",
                      default_direct_package,
                      dealii::Patterns::Selection("auto|MUMPS|KLU"),
                      "Factorization of the direct solver. MUMPS: parallel "
                      "multifrontal LU. KLU: serial sparse LU on rank 0 (the "
                      "matrix gathered there), with much less overhead per "
                      "factorization for small systems (e.g. cells meshed "
                      "through the thickness only), but without MUMPS's "
                      "delayed pivoting (the particle model's clamped "
                      "equilibrium can stall with it). auto: KLU up to 20000 "
                      "unknowns, MUMPS above. With PETSc, MUMPS is used. "
                      "Either way the ordering and symbolic factorization "
                      "are kept while the sparsity pattern stays the same.");
    prm.declare_entry("Preconditioner",
                      "block",
                      dealii::Patterns::Selection("block|ilu|amg"),
                      "Preconditioner for gmres. block: one block "
                      "Gauss-Seidel sweep over the fields (concentration, "
                      "then displacement, then hydrostatic stress), each "
                      "diagonal block with the preconditioner chosen below; "
                      "scales to millions of unknowns. ilu: incomplete LU of "
                      "the whole matrix per process (small problems only). "
                      "amg: algebraic multigrid on the whole matrix.");
    prm.declare_entry("Elasticity block",
                      "amg",
                      dealii::Patterns::Selection("amg|ilu|jacobi|direct"),
                      "Block preconditioner of the displacement block. amg: "
                      "smoothed-aggregation multigrid with the rigid-body "
                      "modes as near-null space (ML with Trilinos, GAMG with "
                      "PETSc). direct: sparse LU of the block (KLU with "
                      "Trilinos, MUMPS with PETSc), for small problems and "
                      "to tell the block splitting from the block "
                      "preconditioners.");
    prm.declare_entry("Transport block",
                      "amg",
                      dealii::Patterns::Selection("amg|ilu|jacobi|direct"),
                      "Block preconditioner of the concentration block "
                      "(storage + diffusion); in the electrode model of each "
                      "of the phi_s, phi_e and c_e blocks.");
    prm.declare_entry("Projection block",
                      "ilu",
                      dealii::Patterns::Selection("amg|ilu|jacobi|direct"),
                      "Block preconditioner of the hydrostatic-stress block "
                      "(a mass matrix).");
    prm.declare_entry("AMG cycles",
                      std::to_string(default_amg_cycles),
                      *amg_cycles_range.pattern(),
                      "V-cycles per application of each AMG block "
                      "preconditioner. More cycles make every GMRES iteration "
                      "dearer and the count smaller and less dependent on the "
                      "mesh (doc/electrode-model.md section 12). Default: 1, "
                      "2 in the electrode model. Units: none. Range: [1, 10].");
    prm.declare_entry(
      "AMG smoother",
      default_amg_smoother,
      dealii::Patterns::Selection("Chebyshev|symmetric Gauss-Seidel|ILU"),
      "Smoother on the levels of every AMG block preconditioner, applied "
      "before and after the coarse correction. Chebyshev: degree-2 "
      "polynomial in the Jacobi-scaled block. symmetric Gauss-Seidel: two "
      "sweeps, Gauss-Seidel within a rank (BoomerAMG: always its hybrid "
      "Gauss-Seidel). ILU: incomplete LU with one level of fill per rank "
      "(ML: IFPACK; PETSc: block Jacobi ILU(1) in GAMG, Euclid in "
      "BoomerAMG), more memory than a level's matrix, robust on flat cells "
      "(doc/electrode-model.md section 12). Default: Chebyshev, ILU in the "
      "electrode model.");
    prm.declare_entry("Reuse preconditioner",
                      "true",
                      dealii::Patterns::Bool(),
                      "Keep the block preconditioner across Newton "
                      "iterations and time steps; it is rebuilt when a solve "
                      "needs more than 1.5 times (+1) the iterations per "
                      "decade of residual reduction it needed when built, "
                      "when a solve fails, and after a rejected step.");
    prm.declare_entry("Relative tolerance",
                      "1e-12",
                      *relative_tolerance_range.pattern(),
                      "Smallest residual reduction asked of GMRES; the "
                      "Newton forcing term (see Newton/Forcing term) may "
                      "ask for less. Units: none. Range: [1e-16, 0.1].");
    prm.declare_entry("Maximum iterations",
                      "1000",
                      *maximum_iterations_range.pattern(),
                      "GMRES iterations before the solve fails. Units: "
                      "none. Range: [1, 1000000].");
    prm.declare_entry("Restart",
                      "50",
                      *restart_range.pattern(),
                      "GMRES restart length: Krylov vectors kept (memory: "
                      "this many vectors of the full system). Units: none. "
                      "Range: [5, 1000].");
    prm.leave_subsection();
  }



  void
  LinearSolver::parse_parameters(dealii::ParameterHandler &prm)
  {
    prm.enter_subsection("Linear solver");
    type = (prm.get("Solver") == "direct") ? LinearSolverType::direct :
                                             LinearSolverType::gmres;
    const std::string package = prm.get("Direct solver package");
    direct_package            = (package == "KLU") ? DirectSolverPackage::klu :
                                (package == "MUMPS") ? DirectSolverPackage::mumps :
                                                       DirectSolverPackage::automatic;
    const std::string p       = prm.get("Preconditioner");
    preconditioner            = (p == "block") ? PreconditionerType::block :
                                (p == "ilu")   ? PreconditionerType::ilu :
                                                 PreconditionerType::amg;
    elasticity_preconditioner =
      parse_field_preconditioner_type(prm.get("Elasticity block"));
    transport_preconditioner =
      parse_field_preconditioner_type(prm.get("Transport block"));
    projection_preconditioner =
      parse_field_preconditioner_type(prm.get("Projection block"));
    const std::string s  = "Linear solver/";
    amg_cycles           = amg_cycles_range.check_integer(s + "AMG cycles",
                                                prm.get_integer("AMG cycles"));
    amg_smoother         = parse_amg_smoother(prm.get("AMG smoother"));
    reuse_preconditioner = prm.get_bool("Reuse preconditioner");
    relative_tolerance   = prm.get_double("Relative tolerance");
    max_iterations =
      maximum_iterations_range.check_integer(s + "Maximum iterations",
                                             prm.get_integer(
                                               "Maximum iterations"));
    restart =
      restart_range.check_integer(s + "Restart", prm.get_integer("Restart"));
    prm.leave_subsection();
    relative_tolerance_range.check(s + "Relative tolerance",
                                   relative_tolerance);
  }



  bool
  LinearSolver::uses_block_preconditioner() const
  {
    return type == LinearSolverType::gmres &&
           preconditioner == PreconditionerType::block;
  }



  void
  LinearSolver::set_block_structure(
    const dealii::IndexSet                &owned,
    const dealii::IndexSet                &relevant,
    const std::vector<unsigned char>      &field_of_dof,
    const std::vector<BlockFieldSettings> &fields,
    const std::vector<unsigned int>       &order,
    const MPI_Comm                         comm)
  {
    block_preconditioner
      .reinit(owned, relevant, field_of_dof, fields, order, comm);
    rebuild = true;
  }



  void
  LinearSolver::invalidate_preconditioner()
  {
    rebuild = true;
  }



  void
  LinearSolver::new_sparsity_pattern()
  {
    direct_solver.reset();
    rebuild = true;
  }



  unsigned int
  LinearSolver::solve(const LA::MPI::SparseMatrix &matrix,
                      LA::MPI::Vector             &x,
                      const LA::MPI::Vector       &rhs,
                      const double                 forcing,
                      const LA::MPI::Vector       *row_weights)
  {
    ++stats.n_solves;
    unsigned int its = 0;
    if (type == LinearSolverType::direct)
      its = solve_direct(matrix, x, rhs);
    else
      {
        const double tolerance = std::max(forcing, relative_tolerance);
        if (preconditioner == PreconditionerType::block)
          its = solve_gmres_block(matrix, x, rhs, tolerance, row_weights);
        else
          its = solve_gmres_global(matrix, x, rhs, tolerance);
      }
    stats.n_iterations += its;
    return its;
  }



  unsigned int
  LinearSolver::solve_direct(const LA::MPI::SparseMatrix &matrix,
                             LA::MPI::Vector             &x,
                             const LA::MPI::Vector       &rhs)
  {
    const auto start = std::chrono::steady_clock::now();
    direct_solver.set_package(direct_package);
    direct_solver.solve(matrix, x, rhs);
    stats.solve_seconds += seconds_since(start);
    return 1;
  }



  unsigned int
  LinearSolver::solve_gmres_block(const LA::MPI::SparseMatrix &matrix,
                                  LA::MPI::Vector             &x,
                                  const LA::MPI::Vector       &rhs,
                                  const double                 tolerance,
                                  const LA::MPI::Vector       *row_weights)
  {
    AssertThrow(block_preconditioner.has_structure(),
                dealii::ExcMessage("the block preconditioner needs the "
                                   "fields (set_block_structure)"));
    const auto build = [&]() {
      const auto start = std::chrono::steady_clock::now();
      block_preconditioner.initialize(matrix);
      ++stats.n_preconditioner_builds;
      stats.preconditioner_seconds += seconds_since(start);
    };
    // GMRES on W J (P W^{-1}) y = W b, x = P W^{-1} y: right
    // preconditioning keeps x = the solution of J x = b, and the residual
    // it minimizes is W (b - J x).
    LA::MPI::Vector weighted_rhs(rhs), inverse_weights;
    if (row_weights)
      {
        weighted_rhs.scale(*row_weights);
        inverse_weights.reinit(*row_weights);
        for (const auto i : row_weights->locally_owned_elements())
          {
            const double w     = (*row_weights)[i];
            inverse_weights[i] = (w > 0) ? 1.0 / w : 0.0;
          }
        inverse_weights.compress(dealii::VectorOperation::insert);
      }
    const WeightedOperator       op{matrix, row_weights};
    const WeightedPreconditioner prec{block_preconditioner,
                                      row_weights ? &inverse_weights : nullptr,
                                      {}};
    const auto                   gmres = [&]() {
      const auto            start = std::chrono::steady_clock::now();
      dealii::SolverControl control(max_iterations,
                                    tolerance * weighted_rhs.l2_norm(),
                                    false,
                                    false);
      dealii::SolverGMRES<LA::MPI::Vector> solver(
        control,
        dealii::SolverGMRES<LA::MPI::Vector>::AdditionalData(restart + 2,
                                                             true));
      try
        {
          solver.solve(op, x, weighted_rhs, prec);
        }
      catch (...)
        {
          stats.solve_seconds += seconds_since(start);
          throw;
        }
      stats.solve_seconds += seconds_since(start);
      return control.last_step();
    };
    // Iterations per decade of residual reduction: comparable between
    // solves with different forcing terms.
    const double decades = std::max(1.0, -std::log10(tolerance));

    bool fresh = false;
    if (!block_preconditioner.is_initialized() || rebuild ||
        !reuse_preconditioner)
      {
        build();
        fresh = true;
      }
    unsigned int its = 0;
    try
      {
        its = gmres();
      }
    catch (const dealii::SolverControl::NoConvergence &)
      {
        if (fresh)
          throw;
        build();
        fresh = true;
        x     = 0;
        its   = gmres();
      }
    const double rate = std::max(1u, its) / decades;
    if (fresh)
      rate_after_build = rate;
    rebuild = (rate > 1.5 * rate_after_build + 1.0);
    return its;
  }



  unsigned int
  LinearSolver::solve_gmres_global(const LA::MPI::SparseMatrix &matrix,
                                   LA::MPI::Vector             &x,
                                   const LA::MPI::Vector       &rhs,
                                   const double                 tolerance)
  {
    const auto            start = std::chrono::steady_clock::now();
    dealii::SolverControl control(max_iterations,
                                  tolerance * rhs.l2_norm(),
                                  false,
                                  false);
    double                setup_seconds = 0;
#ifdef CHEMOMECH_USE_PETSC
    dealii::PETScWrappers::SolverGMRES::AdditionalData gmres_data(restart);
    dealii::PETScWrappers::SolverGMRES                 solver(control,
                                              matrix.get_mpi_communicator(),
                                              gmres_data);
    if (preconditioner == PreconditionerType::ilu)
      {
        dealii::PETScWrappers::PreconditionBlockJacobi prec(matrix);
        setup_seconds = seconds_since(start);
        solver.solve(matrix, x, rhs, prec);
      }
    else
      {
        dealii::PETScWrappers::PreconditionBoomerAMG prec(matrix);
        setup_seconds = seconds_since(start);
        solver.solve(matrix, x, rhs, prec);
      }
#else
    dealii::SolverGMRES<LA::MPI::Vector> solver(
      control,
      dealii::SolverGMRES<LA::MPI::Vector>::AdditionalData(restart + 2, true));
    if (preconditioner == PreconditionerType::ilu)
      {
        dealii::TrilinosWrappers::PreconditionILU prec;
        prec.initialize(matrix);
        setup_seconds = seconds_since(start);
        solver.solve(matrix, x, rhs, prec);
      }
    else
      {
        dealii::TrilinosWrappers::PreconditionAMG                 prec;
        dealii::TrilinosWrappers::PreconditionAMG::AdditionalData data;
        data.elliptic = false;
        prec.initialize(matrix, data);
        setup_seconds = seconds_since(start);
        solver.solve(matrix, x, rhs, prec);
      }
#endif
    ++stats.n_preconditioner_builds;
    stats.preconditioner_seconds += setup_seconds;
    stats.solve_seconds += seconds_since(start) - setup_seconds;
    return control.last_step();
  }
} // namespace chemomech
