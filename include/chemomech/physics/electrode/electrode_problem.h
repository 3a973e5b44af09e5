/**
 * @file electrode_problem.h
 * @brief The porous-electrode model (doc/electrode-model.md): electrolyte
 * concentration c_e, electrolyte and solid potentials phi_e, phi_s and the
 * electrode displacement u in one monolithic Newton system, with the
 * representative particle, SEI and porosity as quadrature-point state, driven
 * by a cycling protocol.
 */
#ifndef chemomech_physics_electrode_electrode_problem_h
#define chemomech_physics_electrode_electrode_problem_h

#include <chemomech/core/bdf_formula.h>
#include <chemomech/core/linear_algebra.h>
#include <chemomech/core/newton_solver.h>
#include <chemomech/core/step_error_control.h>
#include <chemomech/geometry/electrode_geometry.h>
#include <chemomech/io/input_prescan.h>
#include <chemomech/io/pvd_recorder.h>
#include <chemomech/materials/butler_volmer.h>
#include <chemomech/materials/electrode_material.h>
#include <chemomech/materials/electrode_point_state.h>
#include <chemomech/materials/electrolyte_properties.h>
#include <chemomech/materials/separator_material.h>
#include <chemomech/physics/electrode/cycling_controller.h>
#include <chemomech/physics/electrode/cycling_protocol.h>
#include <chemomech/physics/electrode/electrode_integrals.h>
#include <chemomech/physics/electrode/stack_mechanics.h>
#include <chemomech/simulator/newton_transient_problem.h>

#include <deal.II/base/conditional_ostream.h>
#include <deal.II/base/parameter_handler.h>
#include <deal.II/base/point.h>
#include <deal.II/base/quadrature_point_data.h>
#include <deal.II/base/timer.h>
#include <deal.II/dofs/dof_handler.h>
#include <deal.II/fe/fe_system.h>
#include <deal.II/grid/tria.h>
#include <deal.II/lac/affine_constraints.h>

#include <array>
#include <memory>
#include <string>
#include <vector>

namespace chemomech
{
  namespace electrode_assembly
  {
    template <int dim>
    struct Scratch;
  } // namespace electrode_assembly

  /// What the cell's terminal imposes.
  enum class OperatingMode
  {
    /// A current density (A/m^2, positive on discharge); 0 is a rest.
    current,
    /// A cell voltage (V).
    voltage
  };

  /**
   * @brief The porous-electrode cell model.
   *
   * Fields (FESystem, in this order): c_e (mol/m^3), phi_e (V), phi_s (V;
   * only in the electrodes: its degrees of freedom away from the electrodes
   * are constrained to 0), u (m, dim components). Weak forms, boundary
   * conditions and sign conventions are in doc/electrode-model.md section 12:
   *   d(eps c_e)/dt = div(D eps^(1+b) grad c_e) + (1 - t+) a_s i_tot / F,
   *   div(-kappa_eff grad phi_e + kappa_D,eff grad ln c_e) = a_s i_tot,
   *   div(-sigma_eff grad phi_s) = -a_s i_tot,
   *   div C:(eps(u) - (1/3) eps_a beta (c_avg - c_ref) I) = 0,
   * with i_tot = i_int + i_SEI and eps, c_avg from ElectrodePointUpdate at
   * every quadrature point (implicit Euler, condensed into the Jacobian).
   * Half cell: graphite (or any electrode) at x = 0 with its current
   * collector, lithium metal at x = L through Butler-Volmer (phi_Li = 0).
   * Full cell: negative collector at x = 0 grounded (phi_s = 0), positive
   * at x = L. The terminal (x = 0 for a half cell, x = L for a full cell)
   * carries a uniform current density (OperatingMode::current) or a uniform
   * potential (OperatingMode::voltage).
   *
   * <h3>Where things are</h3>
   * TransientDriver runs the time loop through the TransientProblem
   * interface; the cycling protocol is the step controller
   * (CyclingController: step sizes, limits, switches, cycles.csv).
   * NewtonTransientProblem holds what the model shares with the particle
   * model (linear solve, norms, solution, time, rollback). The
   * implementation is split by concern in source/physics/electrode/:
   * parameters.cc (declare/parse), setup.cc (mesh, DoFs, constraints,
   * point state, initial state), preconditioner.cc (block preconditioner),
   * assembly.cc (residual, Jacobian, admissibility), integrals.cc
   * (ElectrodeIntegrals from the point state after a solve), output.cc
   * (VTU, header, progress), transient.cc (the TransientProblem methods and
   * statistics.csv).
   */
  template <int dim>
  class ElectrodeProblem : public NewtonTransientProblem
  {
  public:
    /**
     * @brief Declares all parameters of the electrode model. The presets
     * named in @p scan ("Negative electrode/Preset", "Positive
     * electrode/Preset", "Electrolyte preset", read by InputPrescan) then
     * give the entries they define their starting values, before the input
     * file is parsed (entries set in the file win). Throws InvalidParameter
     * for an unknown preset name.
     */
    static void
    declare_parameters(dealii::ParameterHandler &prm,
                       const InputPrescan       &scan = InputPrescan());

    /// @param comm MPI communicator.
    explicit ElectrodeProblem(const MPI_Comm comm);

    /// Reads and checks all parameters.
    void
    parse_parameters(dealii::ParameterHandler &prm);

    /// @name TransientProblem interface (driven by TransientDriver; the
    /// rest in NewtonTransientProblem)
    /// @{

    /// Mesh, DoFs, initial state (equilibrium at rest), the protocol's
    /// first step imposed, cycles.csv opened.
    void
    setup() override;

    /// Cell type, mesh, unknowns, 1C, protocol, open-circuit voltage.
    void
    print_header(std::ostream &out) const override;

    /// "all cycles done" or "end time reached"
    /// (CyclingController::stop_reason()).
    std::string
    stop_reason() const override;

    /// Shortened to the end time, the maximum step and the step limit of
    /// the protocol step (CyclingController::limit_time_step()).
    double
    limit_time_step(const double proposed) override;

    /// advance() and the protocol's checks (stoichiometry change, limits).
    StepAttempt
    try_step(const double dt) override;

    /// Commits the trial state, books the step in the protocol and imposes
    /// the next step after a switch.
    StepReport
    accept_step() override;

    /// At least the initial step after a protocol switch, else the
    /// step-size rule on the largest change of stoichiometry
    /// (CyclingController::next_time_step()).
    double
    next_time_step(const double dt, const double proposed) override;

    /// The protocol's progress or the fraction of the end time, whichever
    /// is further.
    double
    progress_fraction() const override;

    /// Cycle, step, current, voltage and Newton iterations.
    std::string
    progress_line() const override;

    /// Time, protocol position, current, voltage, capacities, lithium and
    /// charge balances, porosity, SEI, surface stoichiometry, iterations
    /// (units in doc/electrode-model.md section 13).
    void
    declare_statistics(StatisticsTable &table) const override;

    /// The columns of declare_statistics() from integrals() and the
    /// protocol's record.
    void
    add_statistics(StatisticsTable &table, const double dt) const override;

    /// VTU/PVTU of the committed state; cell averages of the point state.
    void
    write_output(const unsigned int index) override;

    /// The results written: statistics.csv, cycles.csv, solution.pvd.
    void
    print_summary(std::ostream &out) const override;

    /// Time in ElectrodePointUpdate during the assemblies. Units: s.
    double
    local_update_seconds() const override;

    /// Checkpoints are supported (checkpoint.cc).
    bool
    supports_checkpoints() const override;

    /// See TransientProblem::checkpoint_cell_filter().
    std::function<bool(const std::string &)>
    checkpoint_cell_filter() const override;

    /**
     * @brief The committed solution, the quadrature-point state (packed,
     * with the rates of its step), time, operating point, the cycling
     * controller and the PVD list.
     */
    void
    save_checkpoint(CheckpointArchive &archive) const override;

    /// Restores them after setup(); the integrals are recomputed.
    void
    load_checkpoint(const CheckpointArchive &archive) override;

    /// @}

    /// Sets what the terminal imposes (and the constraints that go with it).
    void
    set_operating_point(const OperatingMode mode, const double value);

    /**
     * @brief The time step of the next solve (s) and its BDF formula
     * (#bdf): BDF2 with the "Time stepping/Scheme = bdf2" once a step of the
     * protocol step is committed, otherwise backward Euler.
     */
    void
    set_time_step(const double dt);

    /// Sets #error_weights: 1/tolerance for c_e, 0 for the potentials and
    /// the displacement.
    void
    setup_error_weights();

    /**
     * @brief The local error estimate of the last attempt in units of the
     * tolerance: BdfFormula::error_factor() |y - y_p| / tolerance, the
     * largest over the electrolyte concentration DoFs and the surface
     * stoichiometry extrema of the electrodes, with the predictor y_p
     * through the last error_estimate_order() + 1 committed states of the
     * protocol step (the state at its start included). Collective.
     */
    double
    local_error_estimate() const;

    /// The free terminal observable of @p obs in the current mode.
    double
    free_observable(const CyclingObservables &obs) const;

    /// Its local error estimate in units of its tolerance (0 without two
    /// steps of history in the protocol step).
    double
    observable_error_estimate() const;

    /// The order of the estimate of the next attempt: 2 for a BDF2 step
    /// with three states of the protocol step, 1 with two, 0 (none) at its
    /// first step.
    unsigned int
    error_estimate_order() const;

    /// Reads the point states of @p cell saved as @p name into @p storage.
    void
    load_point_states(
      const CheckpointArchive                                      &archive,
      const std::string                                            &name,
      const typename dealii::DoFHandler<dim>::active_cell_iterator &cell,
      dealii::CellDataStorage<
        typename dealii::Triangulation<dim>::cell_iterator,
        ElectrodePointState> &storage);

    /// The stoichiometries of @p integrals under error control (as
    /// #surface_x_old; an electrode that does not exist gives zeros).
    static std::array<double, 6>
    controlled_stoichiometries(const ElectrodeIntegrals &integrals);

    /**
     * @brief Newton solve of one step of size set_time_step() from the last
     * accepted state; on return the trial quadrature-point state and
     * integrals() belong to the last iterate. Returns whether it converged.
     */
    bool
    advance();

    /// Integrals of the last advance() (or of the initial state).
    const ElectrodeIntegrals &
    integrals() const
    {
      return last_integrals;
    }

    /// Cell voltage of integrals(). Units: V.
    double
    cell_voltage() const;

    /// Current density from the reaction integrals of integrals()
    /// (positive on discharge). Units: A/m^2.
    double
    cell_current() const;

    /// Total cyclable lithium (electrolyte + particles + SEI). mol/m^2.
    double
    total_lithium() const;

    /// The DoF handler of (c_e, phi_e, phi_s, u).
    const dealii::DoFHandler<dim> &
    get_dof_handler() const
    {
      return dof_handler;
    }

    /// Geometry parameters and ids.
    const ElectrodeGeometry<dim> &
    get_geometry() const
    {
      return geometry;
    }

    /// @name NonlinearProblem interface (the rest in NewtonTransientProblem)
    /// @{

    /**
     * @brief Residual (and Jacobian) at @p evaluation_point; every
     * quadrature point's state is updated from the committed state into the
     * trial state on the way.
     */
    void
    assemble(const LA::MPI::Vector &evaluation_point,
             const bool             with_jacobian) override;

    /// NaN if a quadrature-point update failed in the last assembly (Newton
    /// then damps the update), else NewtonTransientProblem::residual_norm().
    double
    residual_norm() const override;

    /// Whether c_e stays above minimum_electrolyte_fraction of the initial
    /// electrolyte concentration on every rank.
    bool
    is_admissible(const LA::MPI::Vector &state) const override;

    /// @}

  private:
    void
    setup_dofs();

    void
    make_constraints();

    void
    setup_quadrature_data();

    void
    setup_block_preconditioner();

    void
    set_initial_state();

    /// Imposes the protocol's current step.
    void
    apply_protocol_step();

    /// Copies the trial state into the committed state; time += dt.
    void
    commit_state();

    /// The material of an electrode cell (nullptr for the separator).
    const ElectrodeMaterial *
    material_of(const dealii::types::material_id id) const;

    /// Index 0 (negative) or 1 (positive) of an electrode material id.
    static unsigned int
    electrode_index(const dealii::types::material_id id);

    /// The boundary that carries the imposed current or voltage.
    dealii::types::boundary_id
    terminal_boundary() const;

    /// The quadrature of cells (and, in dim - 1, of faces).
    unsigned int
    n_gauss_points() const
    {
      return std::max(degree, displacement_degree) + 1;
    }

    /// Residual and Jacobian of one cell into the global system.
    void
    assemble_cell(
      const typename dealii::DoFHandler<dim>::active_cell_iterator &cell,
      electrode_assembly::Scratch<dim>                             &scratch,
      const bool with_jacobian);

    /// The terminal's current and the lithium-metal counter electrode.
    void
    assemble_boundary(
      const typename dealii::DoFHandler<dim>::active_cell_iterator &cell,
      electrode_assembly::Scratch<dim>                             &scratch,
      const bool with_jacobian) const;

    /**
     * The stack-face traction t = -p_stack(u_x) n (StackMechanics) on the
     * face in @p scratch.ffv into the local residual and Jacobian.
     */
    void
    add_stack_traction(electrode_assembly::Scratch<dim> &scratch,
                       const bool                        with_jacobian) const;

    /**
     * @brief Integrals of @p state (the trial state after a solve, or the
     * committed state for the initial one) and of the solution, reduced
     * over all ranks.
     */
    ElectrodeIntegrals
    compute_integrals(const dealii::CellDataStorage<
                      typename dealii::Triangulation<dim>::cell_iterator,
                      ElectrodePointState> &state);

    /**
     * @brief The electrode-scale stress at a point of strain @p strain:
     * with the swelling of @p state and the stiffness at the porosity of
     * @p committed in an electrode (@p mat), the separator's law if
     * @p mat is nullptr.
     */
    ElectrodeStress
    electrode_stress(const ElectrodeMaterial               *mat,
                     const ElectrodePointState             *state,
                     const ElectrodePointState             *committed,
                     const dealii::SymmetricTensor<2, dim> &strain) const;

    /// Thickness changes, stack pressure and mean stresses of @p state into
    /// @p I (reduced over all ranks; needs the ghosted solution).
    void
    add_mechanics_integrals(
      ElectrodeIntegrals &I,
      const dealii::CellDataStorage<
        typename dealii::Triangulation<dim>::cell_iterator,
        ElectrodePointState> &state) const;

    /// Cell averages of the electrode stress of the committed state, in the
    /// order of stress_cell_names(); the solid phase's stress is NaN in the
    /// separator. Units: Pa.
    void
    compute_stress_cell_data(std::vector<dealii::Vector<float>> &data) const;

    /// Names of the stress fields in the VTU.
    static const std::vector<std::string> &
    stress_cell_names();

    /// Terminal potential and counter-electrode current into @p I (local
    /// sums; @p terminal_area their area).
    void
    add_face_integrals(ElectrodeIntegrals &I, double &terminal_area) const;

    dealii::ConditionalOStream pcout;

    // Parameters
    ElectrodeGeometry<dim> geometry;
    ElectrodeMaterial      negative, positive;
    SeparatorMaterial      separator;
    ElectrolyteProperties  electrolyte;
    ButlerVolmer           counter_kinetics;
    CyclingProtocol        protocol;
    NewtonSolver           newton;
    double                 temperature         = 298.15;
    double                 initial_electrolyte = 1000;
    StackMechanics         stack_mechanics;
    unsigned int           degree                       = 1;
    unsigned int           displacement_degree          = 1;
    bool                   stop_on_clogging             = false;
    double                 minimum_electrolyte_fraction = 1e-3;

    /// "Linear solver/Thickness coarsening": semi-coarsened first AMG level
    /// of the scalar blocks across the thickness.
    bool thickness_coarsening = true;
    /// Line for the run's header about the block preconditioner (empty if
    /// nothing to report).
    std::string preconditioner_summary;

    // Discretisation
    std::unique_ptr<dealii::Triangulation<dim>> triangulation;
    std::unique_ptr<dealii::FESystem<dim>>      fe;
    dealii::DoFHandler<dim>                     dof_handler;
    dealii::IndexSet                            owned_dofs, relevant_dofs;
    dealii::AffineConstraints<double>           constraints;
    LA::MPI::Vector ghosted, ghosted_old, ghosted_older;
    LA::MPI::Vector electrolyte_mask;

    using CellIterator = typename dealii::Triangulation<dim>::cell_iterator;
    dealii::CellDataStorage<CellIterator, ElectrodePointState> committed_state;
    dealii::CellDataStorage<CellIterator, ElectrodePointState> trial_state;
    /// The committed state one step earlier (BDF2 history; only with the
    /// bdf2 scheme).
    dealii::CellDataStorage<CellIterator, ElectrodePointState> older_state;

    // Operating point and time
    OperatingMode mode          = OperatingMode::current;
    double        imposed_value = 0;
    double        time_step     = 1;
    /**
     * The committed solution one step before old_solution, and the size of
     * the step between them: the first Newton iterate is extrapolated
     * linearly through both (valid while has_history(), i.e. within one
     * protocol step).
     */
    LA::MPI::Vector older_solution;
    double          older_time_step = 0;
    /// The committed solution one step before older_solution and the step
    /// between them (the quadratic predictor of the BDF2 error estimate).
    LA::MPI::Vector oldest_solution;
    double          oldest_time_step = 0;
    /// The time discretisation of the current step (set_time_step()).
    BdfFormula bdf = BdfFormula::bdf1(1);
    /// Steps committed since the last switch of the protocol.
    unsigned int steps_in_mode = 0;

    /// Whether old_solution and older_solution both belong to the current
    /// protocol step (two steps committed in it).
    bool
    has_history() const
    {
      return steps_in_mode >= 2;
    }
    /// Step sizes from the local error estimate (Time stepping/Error
    /// control).
    StepErrorControl error_control;
    /// Per DoF 1/tolerance of the error estimate (0: not controlled).
    LA::MPI::Vector error_weights;
    /**
     * The smallest and largest particle surface stoichiometry and the mean
     * particle stoichiometry of each electrode (min, max, mean of the
     * negative, then of the positive; the mean carries the error of a
     * constant-voltage step, whose surface stoichiometries hardly move) at
     * the last three commits: the history of the error estimate.
     */
    std::array<double, 6> surface_x_old = {}, surface_x_older = {},
                          surface_x_oldest = {};
    /// The terminal's free observable (the voltage under an imposed
    /// current, the current under an imposed voltage; V or A/m^2) at the
    /// last three commits of the protocol step (valid for steps_in_mode,
    /// steps_in_mode - 1, steps_in_mode - 2 >= 1).
    std::array<double, 3> observable_history = {};
    /// Error estimate of the last converged attempt, in units of the
    /// tolerance (negative: none).
    double last_error = -1;
    /// Its order (BdfFormula: the error scales as h^(order + 1)).
    unsigned int last_error_order = 1;
    /// Whether an attempt was redone for its error since the last accepted
    /// step (the next step then does not grow).
    bool rejected_for_error = false;
    bool local_failure      = false;
    /// Wall time of the local updates in all assemblies so far. Units: s.
    double       local_update_seconds_total = 0;
    std::string  failure_reason;
    NewtonResult last_newton;

    ElectrodeIntegrals last_integrals;
    double             one_c_current = 0;

    /// The cycling protocol run on the driver's time steps.
    CyclingController controller;
    /// What the last try_step() observed at the end of its step.
    CyclingObservables last_observation;

    PvdRecorder pvd;
  };
} // namespace chemomech

#endif
