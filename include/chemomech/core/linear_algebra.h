/**
 * @file linear_algebra.h
 * @brief The switch between the PETSc and the Trilinos linear algebra backends.
 *
 * The backend is chosen when configuring with
 * `-DCHEMOMECH_LINEAR_ALGEBRA=Trilinos` (default) or `=PETSc`; all code uses
 * the types in namespace chemomech::LA.
 */
#ifndef chemomech_core_linear_algebra_h
#define chemomech_core_linear_algebra_h

#include <deal.II/lac/generic_linear_algebra.h>

namespace chemomech
{
  namespace LA
  {
#ifdef CHEMOMECH_USE_PETSC
    using namespace dealii::LinearAlgebraPETSc;
    /// Name of the backend, printed at start-up.
    constexpr const char *backend_name = "PETSc";
    /// Whether the backend is PETSc.
    constexpr bool uses_petsc = true;
#else
    using namespace dealii::LinearAlgebraTrilinos;
    /// Name of the backend, printed at start-up.
    constexpr const char *backend_name = "Trilinos";
    /// Whether the backend is PETSc.
    constexpr bool uses_petsc = false;
#endif
  } // namespace LA
} // namespace chemomech

#endif
