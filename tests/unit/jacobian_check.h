// The assembled Newton Jacobian of a problem against a central
// finite-difference Jacobian of its assembled residual, column by column
// (serial, small problems): used by the Jacobian tests of both models.
#ifndef chemomech_tests_jacobian_check_h
#define chemomech_tests_jacobian_check_h

#include <chemomech/core/linear_algebra.h>

#include <deal.II/lac/full_matrix.h>

#include <algorithm>
#include <cmath>
#include <iostream>

namespace chemomech_test
{
  /**
   * A non-trivial state for a Jacobian check: the current solution of
   * @p problem with every unconstrained DoF i perturbed by
   * 0.05 sin(0.37 i + 0.1) of its field's scale.
   */
  template <class Problem>
  chemomech::LA::MPI::Vector
  perturbed_state(Problem &problem)
  {
    chemomech::LA::MPI::Vector x  = problem.current_solution();
    const auto                &cs = problem.get_zero_constraints();
    for (const auto i : x.locally_owned_elements())
      if (!cs.is_constrained(i))
        x[i] = x[i] + 0.05 * problem.dof_scale(i) * std::sin(0.37 * i + 0.1);
    x.compress(dealii::VectorOperation::insert);
    return x;
  }



  /**
   * Assembles @p problem at @p x (its time step already set), builds the
   * central-difference Jacobian with h = 1e-6 of each DoF's scale, and
   * returns max over unconstrained rows of max |J_fd - J| / max |J| (over
   * unconstrained columns). Prints the worst entry under @p label.
   *
   * With @p scale_columns every column k is first multiplied by its DoF's
   * scale (the entries then have the units of their row): a row that mixes
   * fields of very different units (m, mol/m^3, Pa) is then not dominated
   * by the columns of one field.
   */
  template <class Problem>
  double
  max_row_relative_jacobian_error(Problem                          &problem,
                                  const chemomech::LA::MPI::Vector &x,
                                  const std::string                &label,
                                  const bool scale_columns = false)
  {
    using namespace dealii;
    const auto &cs = problem.get_zero_constraints();
    problem.assemble(x, true);
    const auto        &J = problem.jacobian();
    const unsigned int n = x.size();
    FullMatrix<double> Jfd(n, n), Ja(n, n);
    for (unsigned int i = 0; i < n; ++i)
      for (unsigned int k = 0; k < n; ++k)
        Ja(i, k) = J.el(i, k);

    for (unsigned int k = 0; k < n; ++k)
      {
        if (cs.is_constrained(k))
          continue;
        const double               h = 1e-6 * problem.dof_scale(k);
        chemomech::LA::MPI::Vector xp(x), xm(x);
        xp[k] = xp[k] + h;
        xm[k] = xm[k] - h;
        xp.compress(VectorOperation::insert);
        xm.compress(VectorOperation::insert);
        problem.assemble(xp, false);
        const chemomech::LA::MPI::Vector rp = problem.residual_vector();
        problem.assemble(xm, false);
        const chemomech::LA::MPI::Vector rm = problem.residual_vector();
        for (unsigned int i = 0; i < n; ++i)
          Jfd(i, k) = (rp[i] - rm[i]) / (2 * h);
      }

    double       worst = 0;
    unsigned int wi = 0, wk = 0;
    for (unsigned int i = 0; i < n; ++i)
      {
        if (cs.is_constrained(i))
          continue;
        double       row_max = 0, row_err = 0;
        unsigned int kk = 0;
        for (unsigned int k = 0; k < n; ++k)
          if (!cs.is_constrained(k))
            {
              const double w = scale_columns ? problem.dof_scale(k) : 1.0;
              row_max        = std::max(row_max, w * std::abs(Ja(i, k)));
              if (w * std::abs(Ja(i, k) - Jfd(i, k)) > row_err)
                {
                  row_err = w * std::abs(Ja(i, k) - Jfd(i, k));
                  kk      = k;
                }
            }
        if (row_max > 0 && row_err / row_max > worst)
          {
            worst = row_err / row_max;
            wi    = i;
            wk    = kk;
          }
      }
    std::cout << "  " << label << ", " << n
              << " unknowns: max row-relative error " << worst << " (row " << wi
              << ", column " << wk << ": J = " << Ja(wi, wk)
              << ", FD = " << Jfd(wi, wk) << ")\n";
    return worst;
  }
} // namespace chemomech_test

#endif
