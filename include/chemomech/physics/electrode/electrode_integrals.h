/**
 * @file electrode_integrals.h
 * @brief Integrals and extrema over the porous-electrode cell after a step
 * (or of the initial state), reduced over all MPI ranks.
 */
#ifndef chemomech_physics_electrode_electrode_integrals_h
#define chemomech_physics_electrode_electrode_integrals_h

#include <chemomech/postprocess/stress_measures.h>

#include <array>

namespace chemomech
{
  /**
   * @brief The electrode-scale stress at one point: sigma_el = C(eps) :
   * (eps(u) - e* I) with the measures of StressMeasures, and the
   * hydrostatic stress carried by the solid phase.
   */
  struct ElectrodeStress
  {
    /// sigma_el completed to 3D and its measures. Units: Pa.
    StressMeasures measures;
    /// The porosity whose stiffness gave it. Units: none.
    double porosity = 0;
    /// tr(sigma_el) / (3 (1 - eps)). Units: Pa.
    double solid_hydrostatic = 0;
  };

  /**
   * @brief Integrals over the cell, reduced over all ranks.
   * "Per area" means per unit area of the current collector
   * (ElectrodeGeometry::cross_section_area()). Units as stated.
   *
   * ElectrodeProblem computes them in a pass of their own over the
   * quadrature-point state (the trial state after a converged Newton solve,
   * which becomes the committed state when the step is accepted) and over
   * the solution (terminal potential, counter-electrode current on faces).
   */
  struct ElectrodeIntegrals
  {
    /// Lithium in the electrolyte, int J eps c_e (per reference volume).
    /// mol/m^2.
    double electrolyte_lithium = 0;
    /// Lithium in the particles, int eps_a c_avg, per electrode. mol/m^2.
    std::array<double, 2> solid_lithium = {{0, 0}};
    /// Lithium consumed by SEI growth, per electrode. mol/m^2.
    std::array<double, 2> lost_lithium = {{0, 0}};
    /// int a_s (i_int + i_SEI) per electrode. A/m^2.
    std::array<double, 2> reaction_current = {{0, 0}};
    /// int a_s i_SEI per electrode. A/m^2.
    std::array<double, 2> sei_current = {{0, 0}};
    /// Anodic current of the lithium-metal counter electrode. A/m^2.
    double counter_current = 0;
    /// Mean of phi_s over the terminal face (the cell voltage). V.
    double terminal_potential = 0;
    /// Porosity over all electrode quadrature points: volume mean, min, max.
    /// Units: none.
    double porosity_mean = 0, porosity_min = 0, porosity_max = 0;
    /// Porosity per electrode (negative, positive): volume mean, min, max;
    /// an absent electrode has mean 0 and min > max. Units: none.
    std::array<double, 2> electrode_porosity_mean = {{0, 0}},
                          electrode_porosity_min  = {{0, 0}},
                          electrode_porosity_max  = {{0, 0}};
    /// SEI thickness over the electrodes with SEI growth: mean and max. m.
    double sei_thickness_mean = 0, sei_thickness_max = 0;
    /// Mean stoichiometry of the particles per electrode. Units: none.
    std::array<double, 2> mean_stoichiometry = {{0, 0}};
    /// Surface stoichiometry of the particles, min and max over all. none.
    double surface_x_min = 0, surface_x_max = 0;
    /// Surface stoichiometry of the particles per electrode (negative,
    /// positive), min and max; an absent electrode has min > max. none.
    std::array<double, 2> electrode_x_min = {{0, 0}},
                          electrode_x_max = {{0, 0}};
    /// Largest change of a particle's mean stoichiometry in the step. none.
    double max_dx = 0;
    /// Quadrature points on the porosity floor.
    unsigned long long clogged_points = 0;
    /// Position of one clogged point (if any). m.
    std::array<double, 3> clogged_location = {{0, 0, 0}};
    /**
     * Thickness change of each electrode, (1/A) int eps_xx(u) over it
     * (the mean displacement of its right face minus that of its left
     * face). Units: m.
     */
    std::array<double, 2> thickness_change = {{0, 0}};
    /// Thickness change of the whole cell. Units: m.
    double cell_thickness_change = 0;
    /**
     * Stack pressure, the volume mean of -sigma_xx over the cell
     * (compression positive). By div sigma = 0 with rollers on the sides
     * and x = 0 at the collector face it equals the pressure on the stack
     * face x = L: the given one, the spring's, or the reaction of a rigid
     * can. Units: Pa.
     */
    double stack_pressure = 0;
    /// Volume mean of the particle-surface hydrostatic stress sigma_h,surf
    /// per electrode. Units: Pa.
    std::array<double, 2> surface_stress_mean = {{0, 0}};
    /// Volume mean of the solid-phase hydrostatic stress
    /// tr(sigma_el)/(3(1 - eps)) per electrode. Units: Pa.
    std::array<double, 2> solid_stress_mean = {{0, 0}};

    /// Total cyclable lithium (electrolyte + particles + SEI). mol/m^2.
    double
    total_lithium() const
    {
      return electrolyte_lithium + solid_lithium[0] + solid_lithium[1] +
             lost_lithium[0] + lost_lithium[1];
    }
  };
} // namespace chemomech

#endif
