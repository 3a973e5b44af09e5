#include <chemomech/postprocess/stress_measures.h>
#include <chemomech/postprocess/stress_postprocessor.h>

namespace chemomech
{
  template <int dim>
  StressPostprocessor<dim>::StressPostprocessor(
    const ParticleMaterial   &material,
    const dealii::Point<dim> &centre)
    : material(material)
    , centre(centre)
  {}



  template <int dim>
  std::vector<std::string>
  StressPostprocessor<dim>::get_names() const
  {
    std::vector<std::string> names = {"stoichiometry"};
    // A 3x3 tensor in 3D; in 2D (plane strain) nine scalars stress_ij.
    for (unsigned int i = 0; i < 9; ++i)
      names.emplace_back(dim == 3 ? std::string("stress") :
                                    "stress_" + std::string(1, "xyz"[i / 3]) +
                                      std::string(1, "xyz"[i % 3]));
    for (const char *n : {"sigma_h",
                          "von_mises",
                          "max_principal_stress",
                          "radial_stress",
                          "hoop_stress",
                          "strain_energy_density"})
      names.emplace_back(n);
    return names;
  }



  template <int dim>
  std::vector<dealii::DataComponentInterpretation::DataComponentInterpretation>
  StressPostprocessor<dim>::get_data_component_interpretation() const
  {
    using namespace dealii::DataComponentInterpretation;
    std::vector<DataComponentInterpretation> r(1, component_is_scalar);
    for (unsigned int i = 0; i < 9; ++i)
      r.push_back(dim == 3 ? component_is_part_of_tensor : component_is_scalar);
    for (unsigned int i = 0; i < 6; ++i)
      r.push_back(component_is_scalar);
    return r;
  }



  template <int dim>
  dealii::UpdateFlags
  StressPostprocessor<dim>::get_needed_update_flags() const
  {
    return dealii::update_values | dealii::update_gradients |
           dealii::update_quadrature_points;
  }



  template <int dim>
  void
  StressPostprocessor<dim>::evaluate_vector_field(
    const dealii::DataPostprocessorInputs::Vector<dim> &inputs,
    std::vector<dealii::Vector<double>>                &computed) const
  {
    // Tensor output is always 3x3 so that 2D and 3D files look alike.
    for (unsigned int q = 0; q < inputs.solution_values.size(); ++q)
      {
        dealii::SymmetricTensor<2, dim> eps;
        for (unsigned int i = 0; i < dim; ++i)
          for (unsigned int j = i; j < dim; ++j)
            eps[i][j] = 0.5 * (inputs.solution_gradients[q][i][j] +
                               inputs.solution_gradients[q][j][i]);
        const double c   = inputs.solution_values[q][dim];
        const auto   m   = compute_stress_measures<dim>(material.elasticity,
                                                    eps,
                                                    material.eigenstrain(c),
                                                    inputs.evaluation_points[q],
                                                    centre);
        auto        &out = computed[q];
        out[0]           = c / material.max_concentration;
        for (unsigned int i = 0; i < 3; ++i)
          for (unsigned int j = 0; j < 3; ++j)
            out[1 + 3 * i + j] = m.sigma[i][j];
        out[10] = m.hydrostatic;
        out[11] = m.von_mises;
        out[12] = m.max_principal;
        out[13] = m.radial;
        out[14] = m.hoop;
        out[15] = m.strain_energy_density;
      }
  }



  template class StressPostprocessor<2>;
  template class StressPostprocessor<3>;
} // namespace chemomech
