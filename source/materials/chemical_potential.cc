#include <chemomech/core/physical_constants.h>
#include <chemomech/materials/chemical_potential.h>

#include <algorithm>
#include <cmath>

namespace chemomech
{
  ChemicalPotential::ChemicalPotential(const ChemicalPotentialModel model,
                                       const double                 temperature,
                                       const double                 x_ref)
    : model(model)
    , temperature(temperature)
    , x_ref(x_ref)
  {}



  double
  ChemicalPotential::value(const double x) const
  {
    const double RT = constants::gas_constant * temperature;
    const double xs = std::clamp(x, 1e-12, 1 - 1e-12);
    switch (model)
      {
        case ChemicalPotentialModel::dilute:
          return RT * std::log(std::max(x, 1e-12) / x_ref);
        case ChemicalPotentialModel::lattice_gas:
          return RT * std::log(xs / (1 - xs));
      }
    return 0;
  }



  double
  ChemicalPotential::diffusion_factor(const double) const
  {
    // dilute: m = 1, c mu0' / RT = 1; lattice gas: (1-x) * 1/(1-x) = 1.
    return 1.0;
  }



  double
  ChemicalPotential::diffusion_factor_derivative(const double) const
  {
    return 0.0;
  }



  double
  ChemicalPotential::mobility_factor(const double x) const
  {
    switch (model)
      {
        case ChemicalPotentialModel::dilute:
          return 1.0;
        case ChemicalPotentialModel::lattice_gas:
          return 1.0 - x;
      }
    return 1.0;
  }



  double
  ChemicalPotential::mobility_factor_derivative(const double) const
  {
    switch (model)
      {
        case ChemicalPotentialModel::dilute:
          return 0.0;
        case ChemicalPotentialModel::lattice_gas:
          return -1.0;
      }
    return 0.0;
  }


  FluxCoefficients
  ChemicalPotential::flux_coefficients(const double c,
                                       const double max_concentration,
                                       const double D,
                                       const double dD_dc,
                                       const double coupling_molar_volume) const
  {
    const double x     = c / max_concentration;
    const double f     = diffusion_factor(x);
    const double df_dc = diffusion_factor_derivative(x) / max_concentration;

    FluxCoefficients k;
    k.fickian      = D * f;
    k.d_fickian_dc = dD_dc * f + D * df_dc;
    if (coupling_molar_volume != 0)
      {
        const double RT    = constants::gas_constant * temperature;
        const double m     = mobility_factor(x);
        const double dm_dc = mobility_factor_derivative(x) / max_concentration;
        const double a     = coupling_molar_volume / RT;
        k.drift            = D * m * a * c;
        k.d_drift_dc       = a * (dD_dc * m * c + D * dm_dc * c + D * m);
      }
    return k;
  }
} // namespace chemomech
