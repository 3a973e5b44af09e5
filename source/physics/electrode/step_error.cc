// The local time-discretisation error estimate of the electrode model
// (StepErrorControl): weights per DoF and the weighted predictor-corrector
// difference.
#include <chemomech/physics/electrode/electrode_problem.h>
#include <chemomech/physics/electrode/field_components.h>

#include <deal.II/dofs/dof_tools.h>
#include <deal.II/fe/component_mask.h>

#include <algorithm>
#include <cmath>

namespace chemomech
{
  using namespace dealii;



  template <int dim>
  void
  ElectrodeProblem<dim>::setup_error_weights()
  {
    using namespace electrode_fields;
    error_weights.reinit(owned_dofs, comm);
    predicted.reinit(owned_dofs, comm);
    predicted_valid = false;
    std::vector<bool> mask(fe->n_components(), false);
    mask[c_comp] = true;
    const IndexSet dofs =
      DoFTools::extract_dofs(dof_handler, ComponentMask(mask));
    for (const auto i : dofs)
      if (owned_dofs.is_element(i))
        error_weights[i] =
          1.0 / (error_control.concentration_tolerance * initial_electrolyte);
    error_weights.compress(VectorOperation::insert);
  }



  template <int dim>
  double
  ElectrodeProblem<dim>::local_error_estimate() const
  {
    LA::MPI::Vector difference(solution);
    difference -= predicted;
    difference.scale(error_weights);
    double largest = difference.linfty_norm();
    // The stoichiometries: the same on every rank (integrals are global).
    const std::array<double, 4> x = surface_extrema(last_integrals);
    const double                r = time_step / older_time_step;
    for (unsigned int i = 0; i < x.size(); ++i)
      {
        const double p =
          surface_x_old[i] + r * (surface_x_old[i] - surface_x_older[i]);
        largest =
          std::max(largest,
                   std::abs(x[i] - p) / error_control.stoichiometry_tolerance);
      }
    return StepErrorControl::error_factor(time_step, older_time_step) * largest;
  }



  template <int dim>
  std::array<double, 4>
  ElectrodeProblem<dim>::surface_extrema(const ElectrodeIntegrals &I)
  {
    std::array<double, 4> x = {};
    for (unsigned int e = 0; e < 2; ++e)
      if (I.electrode_x_min[e] <= I.electrode_x_max[e])
        {
          x[2 * e]     = I.electrode_x_min[e];
          x[2 * e + 1] = I.electrode_x_max[e];
        }
    return x;
  }



#define CHEMOMECH_INSTANTIATE(dim)                                       \
  template void   ElectrodeProblem<dim>::setup_error_weights();          \
  template double ElectrodeProblem<dim>::local_error_estimate() const;   \
  template std::array<double, 4> ElectrodeProblem<dim>::surface_extrema( \
    const ElectrodeIntegrals &);

  CHEMOMECH_INSTANTIATE(1)
  CHEMOMECH_INSTANTIATE(2)
  CHEMOMECH_INSTANTIATE(3)
#undef CHEMOMECH_INSTANTIATE
} // namespace chemomech
