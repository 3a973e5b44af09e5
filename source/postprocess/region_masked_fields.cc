#include <chemomech/postprocess/region_masked_fields.h>

#include <deal.II/base/exceptions.h>

#include <limits>

namespace chemomech
{
  using namespace dealii;



  template <int dim>
  RegionMaskedFields<dim>::RegionMaskedFields(
    const std::vector<std::string> &names,
    const std::vector<DataComponentInterpretation::DataComponentInterpretation>
                                                          &interpretation,
    const std::vector<bool>                               &masked,
    const std::function<bool(dealii::types::material_id)> &defined_in)
    : names(names)
    , interpretation(interpretation)
    , masked(masked)
    , defined_in(defined_in)
  {
    AssertThrow(interpretation.size() == names.size() &&
                  masked.size() == names.size(),
                ExcDimensionMismatch(interpretation.size(), names.size()));
  }



  template <int dim>
  void
  RegionMaskedFields<dim>::evaluate_vector_field(
    const DataPostprocessorInputs::Vector<dim> &inputs,
    std::vector<Vector<double>>                &computed_quantities) const
  {
    const auto   cell    = inputs.template get_cell<dim>();
    const bool   defined = defined_in(cell->material_id());
    const double nan     = std::numeric_limits<double>::quiet_NaN();
    for (unsigned int p = 0; p < computed_quantities.size(); ++p)
      for (unsigned int k = 0; k < names.size(); ++k)
        computed_quantities[p][k] =
          (masked[k] && !defined) ? nan : inputs.solution_values[p][k];
  }



  template <int dim>
  std::vector<std::string>
  RegionMaskedFields<dim>::get_names() const
  {
    return names;
  }



  template <int dim>
  std::vector<DataComponentInterpretation::DataComponentInterpretation>
  RegionMaskedFields<dim>::get_data_component_interpretation() const
  {
    return interpretation;
  }



  template <int dim>
  UpdateFlags
  RegionMaskedFields<dim>::get_needed_update_flags() const
  {
    return update_values;
  }



  template class RegionMaskedFields<1>;
  template class RegionMaskedFields<2>;
  template class RegionMaskedFields<3>;
} // namespace chemomech
