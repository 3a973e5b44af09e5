#include <chemomech/core/linear_solver.h>

#include <deal.II/lac/solver_control.h>
#include <deal.II/lac/solver_gmres.h>

#ifdef CHEMOMECH_USE_PETSC
#  include <deal.II/lac/petsc_precondition.h>
#  include <deal.II/lac/petsc_solver.h>
#  include <deal.II/lac/petsc_sparse_matrix.h>
#else
#  include <deal.II/lac/trilinos_precondition.h>
#  include <deal.II/lac/trilinos_solver.h>

#  include <Amesos_Mumps.h>
#  include <Epetra_LinearProblem.h>
#endif

namespace chemomech
{
  void
  LinearSolver::declare_parameters(dealii::ParameterHandler &prm)
  {
    prm.enter_subsection("Linear solver");
    prm.declare_entry("Solver",
                      "direct",
                      dealii::Patterns::Selection("direct|gmres"),
                      "direct: parallel sparse LU (MUMPS), robust, for up to "
                      "a few 10^5 unknowns. gmres: restarted GMRES with the "
                      "preconditioner below, for large problems.");
    prm.declare_entry("Preconditioner",
                      "ilu",
                      dealii::Patterns::Selection("ilu|amg"),
                      "Preconditioner for gmres: ilu (incomplete LU per "
                      "process) or amg (algebraic multigrid on the whole "
                      "matrix).");
    prm.declare_entry("Relative tolerance",
                      "1e-12",
                      dealii::Patterns::Double(1e-16, 1e-1),
                      "GMRES stops when the residual is reduced by this "
                      "factor. Units: none.");
    prm.declare_entry("Maximum iterations",
                      "2000",
                      dealii::Patterns::Integer(1, 1000000),
                      "GMRES iterations before the Newton step fails. Units: "
                      "none.");
    prm.leave_subsection();
  }



  void
  LinearSolver::parse_parameters(dealii::ParameterHandler &prm)
  {
    prm.enter_subsection("Linear solver");
    type = (prm.get("Solver") == "direct") ? LinearSolverType::direct :
                                             LinearSolverType::gmres;
    preconditioner     = (prm.get("Preconditioner") == "ilu") ?
                           PreconditionerType::ilu :
                           PreconditionerType::amg;
    relative_tolerance = prm.get_double("Relative tolerance");
    max_iterations     = prm.get_integer("Maximum iterations");
    prm.leave_subsection();
  }



  unsigned int
  LinearSolver::solve(const LA::MPI::SparseMatrix &matrix,
                      LA::MPI::Vector             &x,
                      const LA::MPI::Vector       &rhs) const
  {
    if (type == LinearSolverType::direct)
      {
        dealii::SolverControl control(1, 0);
#ifdef CHEMOMECH_USE_PETSC
        dealii::PETScWrappers::SparseDirectMUMPS solver(
          control,
          matrix.get_mpi_communicator());
        solver.solve(matrix, x, rhs);
#else
        // Amesos_Mumps directly, to give MUMPS more workspace than its
        // default estimate (ICNTL(14) = 20%): the coupled, unsymmetric
        // systems need delayed pivots.
        Epetra_LinearProblem problem(
          const_cast<Epetra_CrsMatrix *>(&matrix.trilinos_matrix()),
          &x.trilinos_vector(),
          const_cast<Epetra_MultiVector *>(
            static_cast<const Epetra_MultiVector *>(&rhs.trilinos_vector())));
        Amesos_Mumps solver(problem);
        solver.SetICNTL(14, 200);
        solver.SetICNTL(7, 5); // METIS ordering
        AssertThrow(solver.SymbolicFactorization() == 0,
                    dealii::ExcMessage("MUMPS symbolic factorization failed"));
        AssertThrow(solver.NumericFactorization() == 0,
                    dealii::ExcMessage("MUMPS numeric factorization failed "
                                       "(singular Jacobian?)"));
        AssertThrow(solver.Solve() == 0,
                    dealii::ExcMessage("MUMPS solve failed"));
#endif
        return 1;
      }

    dealii::SolverControl control(max_iterations,
                                  relative_tolerance * rhs.l2_norm());
#ifdef CHEMOMECH_USE_PETSC
    dealii::PETScWrappers::SolverGMRES::AdditionalData gmres_data(200);
    dealii::PETScWrappers::SolverGMRES                 solver(control,
                                              matrix.get_mpi_communicator(),
                                              gmres_data);
    if (preconditioner == PreconditionerType::ilu)
      {
        dealii::PETScWrappers::PreconditionBlockJacobi prec(matrix);
        solver.solve(matrix, x, rhs, prec);
      }
    else
      {
        dealii::PETScWrappers::PreconditionBoomerAMG prec(matrix);
        solver.solve(matrix, x, rhs, prec);
      }
#else
    dealii::SolverGMRES<LA::MPI::Vector> solver(
      control,
      dealii::SolverGMRES<LA::MPI::Vector>::AdditionalData(200));
    if (preconditioner == PreconditionerType::ilu)
      {
        dealii::TrilinosWrappers::PreconditionILU prec;
        prec.initialize(matrix);
        solver.solve(matrix, x, rhs, prec);
      }
    else
      {
        dealii::TrilinosWrappers::PreconditionAMG prec;
        dealii::TrilinosWrappers::PreconditionAMG::AdditionalData data;
        data.elliptic = false;
        prec.initialize(matrix, data);
        solver.solve(matrix, x, rhs, prec);
      }
#endif
    return control.last_step();
  }
} // namespace chemomech
