#include <chemomech/materials/electrode_point_state.h>

#include <deal.II/base/exceptions.h>

namespace chemomech
{
  ElectrodePointState::ElectrodePointState(const unsigned int n_particle_values)
  {
    reinit(n_particle_values);
  }



  void
  ElectrodePointState::reinit(const unsigned int n_particle_values)
  {
    n_values = n_particle_values;
    particle.concentration.assign(n_values, 0.0);
    particle.previous_concentration.clear();
    particle.previous_time_step = 0;
  }



  unsigned int
  ElectrodePointState::n_particle_values() const
  {
    return n_values;
  }



  unsigned int
  ElectrodePointState::number_of_values() const
  {
    return 2 * n_values + 8;
  }



  void
  ElectrodePointState::pack_values(std::vector<double> &values) const
  {
    const unsigned int n = n_values;
    AssertThrow(values.size() == number_of_values(),
                dealii::ExcDimensionMismatch(values.size(),
                                             number_of_values()));
    AssertThrow(particle.concentration.size() == n,
                dealii::ExcMessage(
                  "ElectrodePointState: the particle holds a different "
                  "number of values than the state was set up for."));
    const bool history = particle.previous_concentration.size() == n;
    for (unsigned int i = 0; i < n; ++i)
      {
        values[i]     = particle.concentration[i];
        values[n + i] = history ? particle.previous_concentration[i] : 0.0;
      }
    values[2 * n]     = history ? 1.0 : 0.0;
    values[2 * n + 1] = particle.previous_time_step;
    values[2 * n + 2] = sei_thickness;
    values[2 * n + 3] = sei_moles;
    values[2 * n + 4] = lithium_lost;
    values[2 * n + 5] = sei_pore_loss;
    values[2 * n + 6] = porosity;
    values[2 * n + 7] = clogged ? 1.0 : 0.0;
  }



  void
  ElectrodePointState::unpack_values(const std::vector<double> &values)
  {
    const unsigned int n = n_values;
    AssertThrow(values.size() == number_of_values(),
                dealii::ExcDimensionMismatch(values.size(),
                                             number_of_values()));
    const bool history = values[2 * n] >= 0.5;
    particle.concentration.assign(values.begin(), values.begin() + n);
    if (history)
      particle.previous_concentration.assign(values.begin() + n,
                                             values.begin() + 2 * n);
    else
      particle.previous_concentration.clear();
    particle.previous_time_step = values[2 * n + 1];
    sei_thickness               = values[2 * n + 2];
    sei_moles                   = values[2 * n + 3];
    lithium_lost                = values[2 * n + 4];
    sei_pore_loss               = values[2 * n + 5];
    porosity                    = values[2 * n + 6];
    clogged                     = values[2 * n + 7] >= 0.5;
  }



  void
  ElectrodePointState::set_to_history(const ElectrodePointState   &newer,
                                      const ElectrodePointState   &older,
                                      const std::array<double, 2> &weights)
  {
    const unsigned int n = newer.n_particle_values();
    AssertThrow(older.n_particle_values() == n,
                dealii::ExcDimensionMismatch(older.n_particle_values(), n));
    const double a = weights[0], b = weights[1];
    reinit(n);
    for (unsigned int i = 0; i < n; ++i)
      particle.concentration[i] = a * newer.particle.concentration[i] +
                                  b * older.particle.concentration[i];
    particle.previous_concentration.clear();
    particle.previous_time_step = 0;
    sei_thickness = a * newer.sei_thickness + b * older.sei_thickness;
    sei_moles     = a * newer.sei_moles + b * older.sei_moles;
    lithium_lost  = a * newer.lithium_lost + b * older.lithium_lost;
    sei_pore_loss = a * newer.sei_pore_loss + b * older.sei_pore_loss;
    porosity      = newer.porosity;
    clogged       = newer.clogged;
    rates         = newer.rates;
  }
} // namespace chemomech
