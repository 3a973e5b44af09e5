/**
 * @file electrode_point_state.h
 * @brief The internal state variables of the porous-electrode model at one
 * quadrature point (representative particle, SEI film, porosity), packable
 * for quadrature-point data transfer and checkpoints.
 */
#ifndef chemomech_materials_electrode_point_state_h
#define chemomech_materials_electrode_point_state_h

#include <chemomech/materials/particle_diffusion.h>

#include <deal.II/base/quadrature_point_data.h>

#include <array>
#include <vector>

namespace chemomech
{
  /**
   * @brief State of the porous electrode at one quadrature point: the
   * representative particle, the SEI film and the porosity
   * (doc/electrode-model.md section 11).
   *
   * All "per unit electrode volume" quantities refer to the reference
   * (undeformed) electrode volume. The SEI quantities count the growth
   * beyond the initial film of thickness SEIKinetics::initial_thickness,
   * which is already part of the reference porosity.
   *
   * <h3>Committed and trial states</h3>
   * The state is advanced by ElectrodePointUpdate::update(), which reads a
   * committed state (end of the last accepted time step) and writes a trial
   * state; it never modifies the committed one. The caller keeps the two
   * apart. The intended use with deal.II's CellDataStorage is two storages
   * with the same layout,
   * @code
   * CellDataStorage<cell_iterator, ElectrodePointState> committed, trial;
   * // per cell: committed.initialize<S>(cell, n_q); trial.initialize<S>(...)
   * // Newton iteration: for every q,
   * //   update.update(*committed.get_data(cell)[q], dt, ..., *trial...[q]);
   * // step accepted: *committed.get_data(cell)[q] = *trial.get_data(cell)[q];
   * // step rejected: nothing to do (the next update overwrites trial).
   * @endcode
   * The state is packable (pack_values(), unpack_values()) so that it can
   * be transferred on mesh refinement
   * (parallel::distributed::ContinuousQuadratureDataTransfer) and written to
   * checkpoints; no model does either yet. For that purpose only the
   * committed storage needs packing; the trial storage would be
   * re-initialised as a copy of it.
   *
   * <h3>Rates of the last update (not packed)</h3>
   * ElectrodePointUpdate::update() also stores in the trial state the
   * currents, the particle surface concentration and the surface
   * hydrostatic stress it computed (member @p rates), so that statistics
   * and output can be evaluated from the state after a step without
   * repeating the update. They are derived quantities of the step that led
   * to the state and are not part of the packed layout.
   *
   * <h3>Fixed number of values</h3>
   * number_of_values() = 2 n + 8 with n the number of particle values
   * (RepresentativeParticle::n_shells, or 1 for PolynomialParticle); n is
   * fixed per run and set by the constructor or reinit(). CellDataStorage
   * default-constructs its points (n = 0), so before
   * ContinuousQuadratureDataTransfer::interpolate() unpacks into new cells,
   * every new point must be given n: either call reinit(n) on each point
   * after CellDataStorage::initialize(), or initialise with a derived type
   * whose default constructor fixes n, e.g.
   * @code
   * struct PointState20 : ElectrodePointState
   * { PointState20() : ElectrodePointState(20) {} };
   * storage.initialize<PointState20>(cell, n_q_points);
   * @endcode
   *
   * <h3>Packed layout</h3>
   * [0, n) particle concentrations; [n, 2n) previous concentrations (BDF2
   * history, zeros if none); 2n history flag (1: present); 2n+1 previous
   * particle time step; 2n+2 L_SEI; 2n+3 SEI moles; 2n+4 lithium lost;
   * 2n+5 SEI pore-volume loss; 2n+6 porosity; 2n+7 clogging flag (1: set).
   * Flags are unpacked as "value >= 0.5", so that the L2 projection of a
   * data transfer yields a definite flag. unpack_values() stores the values
   * as given (pack/unpack is an exact round trip); after an L2-projecting
   * transfer the caller may want to re-evaluate the porosity from the
   * transferred concentrations (the projection does not respect the floor).
   */
  class ElectrodePointState : public dealii::TransferableQuadraturePointData
  {
  public:
    /// An empty state with no particle values (n = 0); call reinit().
    ElectrodePointState() = default;

    /**
     * @brief A state with @p n_particle_values particle values, all zero.
     * @param n_particle_values n (shells; 1 for the polynomial particle).
     */
    explicit ElectrodePointState(const unsigned int n_particle_values);

    /**
     * @brief Sets n and resizes the particle concentrations to n zeros
     * (without history); the other state variables are left unchanged.
     */
    void
    reinit(const unsigned int n_particle_values);

    /// The number n of particle values fixed by the constructor or reinit().
    unsigned int
    n_particle_values() const;

    /// 2 n + 8, independent of the values held (see class doc).
    unsigned int
    number_of_values() const override;

    /**
     * @brief Writes the state into @p values (size number_of_values()),
     * in the layout of the class doc.
     */
    void
    pack_values(std::vector<double> &values) const override;

    /// Reads the state from @p values (size number_of_values()).
    void
    unpack_values(const std::vector<double> &values) override;

    /**
     * @brief The history state of a BDF2 step (BdfFormula): every
     * integrated variable (particle concentrations, L_SEI, SEI moles,
     * lithium lost, SEI pore loss) set to weights[0] * newer + weights[1] *
     * older, so that ElectrodePointUpdate::update() from this state with
     * the effective step is the BDF2 update. The porosity (the lagged
     * stiffness of the step), the clogging flag and the rates are those of
     * @p newer, the committed state; the particle's own BDF2 history is
     * cleared (the particle steps by backward Euler from the history).
     */
    void
    set_to_history(const ElectrodePointState   &newer,
                   const ElectrodePointState   &older,
                   const std::array<double, 2> &weights);

    /**
     * Representative particle: shell concentrations (or c_avg for the
     * polynomial particle) and BDF2 history. Units: mol/m^3 and s.
     */
    ParticleState particle;
    /// SEI film thickness L_SEI. Units: m.
    double sei_thickness = 0;
    /// SEI formed beyond the initial film, per unit electrode volume.
    /// Units: mol/m^3.
    double sei_moles = 0;
    /// Cyclable lithium consumed by SEI growth, per unit electrode volume.
    /// Units: mol/m^3.
    double lithium_lost = 0;
    /**
     * SEI pore-volume loss Delta_SEI, the pore volume fraction filled by the
     * film grown beyond the initial one (PorosityModel::evaluate()'s
     * @p sei_loss). Units: none (m^3 per m^3 of electrode).
     */
    double sei_pore_loss = 0;
    /// Porosity eps (cached from the last update, after the floor). Units:
    /// none.
    double porosity = 0;
    /// Whether the porosity sat on the clogging floor eps_min at the end of
    /// the step that produced this state.
    bool clogged = false;

    /**
     * @brief Quantities of the update that produced this state (not
     * packed; see the class doc). Units as stated.
     */
    struct Rates
    {
      /// Intercalation current density i_int. Units: A/m^2 of particle
      /// surface.
      double intercalation_current = 0;
      /// SEI current density i_SEI (<= 0). Units: A/m^2.
      double sei_current = 0;
      /// a_s (i_int + i_SEI). Units: A/m^3 of electrode.
      double volumetric_current = 0;
      /// a_s i_SEI. Units: A/m^3 of electrode.
      double volumetric_sei_current = 0;
      /// Particle surface concentration c_surf. Units: mol/m^3.
      double surface_concentration = 0;
      /// Particle-surface hydrostatic stress sigma_h,surf. Units: Pa.
      double hydrostatic_stress = 0;
      /// Its macroscopic part sigma_h,M (solid-phase stress). Units: Pa.
      double macroscopic_stress = 0;
    };

    /// The rates of the last update (not packed).
    Rates rates;

  private:
    /// n, the number of particle values.
    unsigned int n_values = 0;
  };
} // namespace chemomech

#endif
