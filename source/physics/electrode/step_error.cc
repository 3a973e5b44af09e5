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
  unsigned int
  ElectrodeProblem<dim>::error_estimate_order() const
  {
    if (steps_in_mode == 0 || !(older_time_step > 0))
      return 0;
    // A BDF1 step, or a BDF2 step with two states of the protocol step:
    // the linear predictor, which overestimates the BDF2 error.
    return (bdf.order() == 2 && steps_in_mode >= 2 && oldest_time_step > 0) ?
             2 :
             1;
  }



  template <int dim>
  double
  ElectrodeProblem<dim>::local_error_estimate() const
  {
    const unsigned int order = error_estimate_order();
    const double       h2    = (order == 2) ? oldest_time_step : 0.0;
    const auto         w =
      BdfFormula::extrapolation_weights(order, time_step, older_time_step, h2);
    // y - y_p with y_p = w0 y_n + w1 y_{n-1} + w2 y_{n-2}.
    LA::MPI::Vector difference(solution);
    difference.add(-w[0], old_solution, -w[1], older_solution);
    if (order == 2)
      difference.add(-w[2], oldest_solution);
    difference.scale(error_weights);
    double largest = difference.linfty_norm();
    // The stoichiometries: the same on every rank (integrals are global).
    const std::array<double, 6> x = controlled_stoichiometries(last_integrals);
    for (unsigned int i = 0; i < x.size(); ++i)
      {
        const double p = w[0] * surface_x_old[i] + w[1] * surface_x_older[i] +
                         w[2] * surface_x_oldest[i];
        largest =
          std::max(largest,
                   std::abs(x[i] - p) / error_control.stoichiometry_tolerance);
      }
    return std::max(
      BdfFormula::error_factor(order, time_step, older_time_step, h2) * largest,
      observable_error_estimate());
  }



  template <int dim>
  double
  ElectrodeProblem<dim>::free_observable(const CyclingObservables &obs) const
  {
    return (mode == OperatingMode::voltage) ? obs.current : obs.voltage;
  }



  template <int dim>
  double
  ElectrodeProblem<dim>::observable_error_estimate() const
  {
    // Only states after the switch: the observable jumps at it.
    if (steps_in_mode < 2)
      return 0;
    const unsigned int order = (bdf.order() == 2 && steps_in_mode >= 3) ? 2 : 1;
    const double       h2    = (order == 2) ? oldest_time_step : 0.0;
    const auto         w =
      BdfFormula::extrapolation_weights(order, time_step, older_time_step, h2);
    const double y = free_observable(last_observation);
    const double p = w[0] * observable_history[0] +
                     w[1] * observable_history[1] +
                     w[2] * observable_history[2];
    const double tolerance =
      (mode == OperatingMode::voltage) ?
        error_control.current_tolerance *
          (std::abs(y) + 0.01 * std::abs(one_c_current)) :
        error_control.voltage_tolerance;
    return BdfFormula::error_factor(order, time_step, older_time_step, h2) *
           std::abs(y - p) / tolerance;
  }



  template <int dim>
  std::array<double, 6>
  ElectrodeProblem<dim>::controlled_stoichiometries(const ElectrodeIntegrals &I)
  {
    std::array<double, 6> x = {};
    for (unsigned int e = 0; e < 2; ++e)
      if (I.electrode_x_min[e] <= I.electrode_x_max[e])
        {
          x[3 * e]     = I.electrode_x_min[e];
          x[3 * e + 1] = I.electrode_x_max[e];
          x[3 * e + 2] = I.mean_stoichiometry[e];
        }
    return x;
  }



#define CHEMOMECH_INSTANTIATE(dim)                                           \
  template void         ElectrodeProblem<dim>::setup_error_weights();        \
  template double       ElectrodeProblem<dim>::local_error_estimate() const; \
  template unsigned int ElectrodeProblem<dim>::error_estimate_order() const; \
  template double       ElectrodeProblem<dim>::free_observable(              \
    const CyclingObservables &) const;                                 \
  template double ElectrodeProblem<dim>::observable_error_estimate() const;  \
  template std::array<double, 6>                                             \
  ElectrodeProblem<dim>::controlled_stoichiometries(                         \
    const ElectrodeIntegrals &);

  CHEMOMECH_INSTANTIATE(1)
  CHEMOMECH_INSTANTIATE(2)
  CHEMOMECH_INSTANTIATE(3)
#undef CHEMOMECH_INSTANTIATE
} // namespace chemomech
