/**
 * @file petsc_options.h
 * @brief PETSc only: options of one preconditioner through its own options
 * prefix, so that preconditioners built side by side do not share them.
 */
#ifndef chemomech_core_solvers_petsc_options_h
#define chemomech_core_solvers_petsc_options_h

#ifdef CHEMOMECH_USE_PETSC
#  include <petscpc.h>
#  include <string>
#  include <utility>
#  include <vector>

namespace chemomech
{
  /**
   * @brief Gives @p pc the options prefix @p prefix, sets
   * -<prefix><key> <value> for every pair in PETSc's options database and
   * lets @p pc read them (PCSetFromOptions).
   */
  void
  set_pc_options(
    PC                                                      pc,
    const std::string                                      &prefix,
    const std::vector<std::pair<std::string, std::string>> &options);
} // namespace chemomech
#endif

#endif
