/**
 * @file region_masked_fields.h
 * @brief The components of a finite element solution for VTU output, with
 * the fields that exist only in some regions written as NaN elsewhere.
 */
#ifndef chemomech_postprocess_region_masked_fields_h
#define chemomech_postprocess_region_masked_fields_h

#include <deal.II/base/types.h>
#include <deal.II/numerics/data_postprocessor.h>

#include <functional>
#include <string>
#include <vector>

namespace chemomech
{
  /**
   * @brief Passes the solution components through to DataOut under the
   * given names, except that the masked components are quiet NaN in the
   * cells whose material id is not in their region (e.g. the solid
   * potential in the separator). ParaView and VTK skip NaN when they compute
   * a data range, so the colour scale of such a field is that of the region
   * where it is defined instead of being stretched to 0. Units: those of
   * the components.
   */
  template <int dim>
  class RegionMaskedFields : public dealii::DataPostprocessor<dim>
  {
  public:
    /**
     * @param names Output name of each solution component (a vector field
     * repeats its name, as for DataOut::add_data_vector()).
     * @param interpretation Scalar or part of a vector, per component.
     * @param masked Whether a component exists only where @p defined_in is
     * true.
     * @param defined_in Whether the masked fields exist in the cells of a
     * material id.
     */
    RegionMaskedFields(
      const std::vector<std::string> &names,
      const std::vector<
        dealii::DataComponentInterpretation::DataComponentInterpretation>
                                                            &interpretation,
      const std::vector<bool>                               &masked,
      const std::function<bool(dealii::types::material_id)> &defined_in);

    void
    evaluate_vector_field(
      const dealii::DataPostprocessorInputs::Vector<dim> &inputs,
      std::vector<dealii::Vector<double>> &computed_quantities) const override;

    std::vector<std::string>
    get_names() const override;

    std::vector<
      dealii::DataComponentInterpretation::DataComponentInterpretation>
    get_data_component_interpretation() const override;

    dealii::UpdateFlags
    get_needed_update_flags() const override;

  private:
    const std::vector<std::string> names;
    const std::vector<
      dealii::DataComponentInterpretation::DataComponentInterpretation>
                                                          interpretation;
    const std::vector<bool>                               masked;
    const std::function<bool(dealii::types::material_id)> defined_in;
  };
} // namespace chemomech

#endif
