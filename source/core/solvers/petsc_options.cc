#include <chemomech/core/solvers/petsc_options.h>

#ifdef CHEMOMECH_USE_PETSC
#  include <deal.II/base/exceptions.h>
#  include <deal.II/lac/exceptions.h>

namespace chemomech
{
  void
  set_pc_options(
    PC                                                      pc,
    const std::string                                      &prefix,
    const std::vector<std::pair<std::string, std::string>> &options)
  {
    PetscErrorCode ierr = PCSetOptionsPrefix(pc, prefix.c_str());
    AssertThrow(ierr == 0, dealii::ExcPETScError(ierr));
    for (const auto &[key, value] : options)
      {
        const std::string name = "-" + prefix + key;
        ierr = PetscOptionsSetValue(nullptr, name.c_str(), value.c_str());
        AssertThrow(ierr == 0, dealii::ExcPETScError(ierr));
      }
    ierr = PCSetFromOptions(pc);
    AssertThrow(ierr == 0, dealii::ExcPETScError(ierr));
  }
} // namespace chemomech
#endif
