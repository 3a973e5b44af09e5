#include <chemomech/core/solvers/direct_solver.h>

#include <deal.II/base/exceptions.h>

#ifdef CHEMOMECH_USE_PETSC
#  include <deal.II/lac/petsc_solver.h>
#  include <deal.II/lac/solver_control.h>
#else
#  include <Amesos_Klu.h>
#  include <Amesos_Mumps.h>
#  include <Epetra_CrsMatrix.h>
#  include <Epetra_LinearProblem.h>
#endif

namespace chemomech
{
  DirectSolver::DirectSolver() = default;



  DirectSolver::~DirectSolver() = default;



  void
  DirectSolver::set_package(const DirectSolverPackage p)
  {
    if (p != package)
      reset();
    package = p;
  }



  void
  DirectSolver::reset()
  {
#ifndef CHEMOMECH_USE_PETSC
    solver.reset();
    problem.reset();
    analysed_matrix = nullptr;
    analysed_rows = analysed_nnz = -1;
#endif
  }



#ifdef CHEMOMECH_USE_PETSC
  void
  DirectSolver::solve(const LA::MPI::SparseMatrix &matrix,
                      LA::MPI::Vector             &x,
                      const LA::MPI::Vector       &rhs)
  {
    dealii::SolverControl                    control(1, 0);
    dealii::PETScWrappers::SparseDirectMUMPS mumps(
      control,
      matrix.get_mpi_communicator());
    mumps.solve(matrix, x, rhs);
    ++analyses;
  }
#else
  bool
  DirectSolver::analysed_for(const Epetra_CrsMatrix &matrix) const
  {
    return solver && &matrix == analysed_matrix &&
           matrix.NumGlobalRows64() == analysed_rows &&
           matrix.NumGlobalNonzeros64() == analysed_nnz;
  }



  void
  DirectSolver::solve(const LA::MPI::SparseMatrix &matrix,
                      LA::MPI::Vector             &x,
                      const LA::MPI::Vector       &rhs)
  {
    Epetra_CrsMatrix &A =
      const_cast<Epetra_CrsMatrix &>(matrix.trilinos_matrix());
    Epetra_MultiVector *b = const_cast<Epetra_MultiVector *>(
      static_cast<const Epetra_MultiVector *>(&rhs.trilinos_vector()));
    if (!analysed_for(A))
      {
        reset();
        problem =
          std::make_unique<Epetra_LinearProblem>(&A, &x.trilinos_vector(), b);
        const bool klu = package == DirectSolverPackage::klu ||
                         (package == DirectSolverPackage::automatic &&
                          A.NumGlobalRows64() <= klu_limit);
        if (klu)
          solver = std::make_unique<Amesos_Klu>(*problem);
        else
          {
            // More workspace than MUMPS's default estimate (ICNTL(14) =
            // 20 %): the coupled, unsymmetric systems need delayed pivots.
            auto mumps = std::make_unique<Amesos_Mumps>(*problem);
            mumps->SetICNTL(14, 200);
            mumps->SetICNTL(7, 5); // METIS ordering
            solver = std::move(mumps);
          }
        AssertThrow(solver->SymbolicFactorization() == 0,
                    dealii::ExcMessage("direct solver: symbolic "
                                       "factorization failed"));
        analysed_matrix = &A;
        analysed_rows   = A.NumGlobalRows64();
        analysed_nnz    = A.NumGlobalNonzeros64();
        ++analyses;
      }
    problem->SetLHS(&x.trilinos_vector());
    problem->SetRHS(b);
    const bool factorized = solver->NumericFactorization() == 0;
    const bool solved     = factorized && solver->Solve() == 0;
    if (!solved)
      {
        // Start from a fresh analysis next time.
        reset();
        AssertThrow(factorized,
                    dealii::ExcMessage("direct solver: numeric "
                                       "factorization failed (singular "
                                       "Jacobian?)"));
        AssertThrow(false, dealii::ExcMessage("direct solver: solve failed"));
      }
  }
#endif
} // namespace chemomech
