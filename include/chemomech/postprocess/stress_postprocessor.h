/**
 * @file stress_postprocessor.h
 * @brief Derived fields of the particle solution for VTU output.
 */
#ifndef chemomech_postprocess_stress_postprocessor_h
#define chemomech_postprocess_stress_postprocessor_h

#include <chemomech/materials/particle_material.h>

#include <deal.II/numerics/data_postprocessor.h>

namespace chemomech
{
  /**
   * @brief Computes from (u, c) at output points: stoichiometry x, the stress
   * tensor (3x3, Pa), sigma_h, von Mises, largest principal, radial and hoop
   * stress about the particle centre (Pa) and the strain energy density
   * (J/m^3). Solution components: u (0..dim-1), c (dim), sigma_h (dim+1).
   */
  template <int dim>
  class StressPostprocessor : public dealii::DataPostprocessor<dim>
  {
  public:
    /// @param material Particle material (elasticity, eigenstrain, c_max).
    /// @param centre Centre for radial/hoop stresses. Units: m.
    StressPostprocessor(const ParticleMaterial   &material,
                        const dealii::Point<dim> &centre);

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
    const ParticleMaterial  &material;
    const dealii::Point<dim> centre;
  };
} // namespace chemomech

#endif
