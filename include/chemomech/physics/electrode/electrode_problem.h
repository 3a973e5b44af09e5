/**
 * @file electrode_problem.h
 * @brief The porous-electrode model (DESIGN section 2): electrolyte
 * concentration c_e, electrolyte and solid potentials phi_e, phi_s and the
 * electrode displacement u in one monolithic Newton system, with the
 * representative particle, SEI and porosity as quadrature-point state, driven
 * by a cycling protocol.
 */
#ifndef chemomech_physics_electrode_electrode_problem_h
#define chemomech_physics_electrode_electrode_problem_h

#include <chemomech/physics/electrode/cycling_protocol.h>
#include <chemomech/core/linear_algebra.h>
#include <chemomech/core/solvers/linear_solver.h>
#include <chemomech/core/newton_solver.h>
#include <chemomech/core/nonlinear_problem.h>
#include <chemomech/core/time_stepping.h>
#include <chemomech/geometry/electrode_geometry.h>
#include <chemomech/io/csv_writer.h>
#include <chemomech/io/pvd_recorder.h>
#include <chemomech/materials/butler_volmer.h>
#include <chemomech/materials/electrode_material.h>
#include <chemomech/materials/electrolyte_properties.h>
#include <chemomech/materials/electrode_point_state.h>

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
  /// What the cell's terminal imposes.
  enum class OperatingMode
  {
    /// A current density (A/m^2, positive on discharge); 0 is a rest.
    current,
    /// A cell voltage (V).
    voltage
  };

  /**
   * @brief Integrals over the cell after a step, reduced over all ranks.
   * "Per area" means per unit area of the current collector
   * (ElectrodeGeometry::cross_section_area()). Units as stated.
   */
  struct ElectrodeIntegrals
  {
    /// Lithium in the electrolyte, int eps c_e. mol/m^2.
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
    double porosity_mean = 0, porosity_min = 0, porosity_max = 0;
    /// SEI thickness over the electrodes with SEI growth: mean and max. m.
    double sei_thickness_mean = 0, sei_thickness_max = 0;
    /// Mean stoichiometry of the particles per electrode. none.
    std::array<double, 2> mean_stoichiometry = {{0, 0}};
    /// Surface stoichiometry of the particles, min and max over all. none.
    double surface_x_min = 0, surface_x_max = 0;
    /// Largest change of a particle's mean stoichiometry in the step.
    double max_dx = 0;
    /// Quadrature points on the porosity floor.
    unsigned long long clogged_points = 0;
    /// Position of one clogged point (if any). m.
    std::array<double, 3> clogged_location = {{0, 0, 0}};
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
   */
  template <int dim>
  class ElectrodeProblem : public NonlinearProblem
  {
  public:
    /// Declares all parameters of the electrode model.
    static void
    declare_parameters(dealii::ParameterHandler &prm);

    /**
     * @brief Applies the presets named in @p input_file ("Negative
     * electrode/Preset", "Positive electrode/Preset", "Electrolyte preset")
     * to @p prm, before the file itself is parsed into it.
     */
    static void
    apply_presets(dealii::ParameterHandler &prm, const std::string &input_file);

    /// As apply_presets(), from the text of a parameter file.
    static void
    apply_presets_from_string(dealii::ParameterHandler &prm,
                              const std::string        &text);

    explicit ElectrodeProblem(const MPI_Comm comm);

    /// Reads and checks all parameters.
    void
    parse_parameters(dealii::ParameterHandler &prm);

    /// Runs the cycling simulation and writes all output.
    void
    run(const dealii::ParameterHandler &prm);

    /// Mesh, DoFs, initial state (equilibrium at rest).
    void
    setup();

    /// Sets what the terminal imposes (and the constraints that go with it).
    void
    set_operating_point(const OperatingMode mode, const double value);

    /// The time step of the next solve. Units: s.
    void
    set_time_step(const double dt);

    /**
     * @brief Newton solve of one step of size set_time_step() from the last
     * accepted state; on success the trial quadrature-point state and
     * integrals() belong to the new solution. Returns whether it converged.
     */
    bool
    advance();

    /// Makes the last advance() the accepted state.
    void
    accept_step();

    /// Restores the last accepted state after a failed or rejected advance().
    void
    reject_step();

    /// Integrals of the last assembly (after advance(): of its solution).
    const ElectrodeIntegrals &
    integrals() const
    {
      return last_integrals;
    }

    /// Cell voltage of the last assembly. Units: V.
    double
    cell_voltage() const;

    /// Current density of the last assembly from the reaction integrals
    /// (positive on discharge). Units: A/m^2.
    double
    cell_current() const;

    /// Total cyclable lithium (electrolyte + particles + SEI). mol/m^2.
    double
    total_lithium() const;

    LA::MPI::Vector &
    current_solution()
    {
      return solution;
    }

    const LA::MPI::SparseMatrix &
    jacobian() const
    {
      return system_matrix;
    }

    /// F at the last assembly (the negative of the assembled right side).
    LA::MPI::Vector
    residual_vector() const;

    const dealii::AffineConstraints<double> &
    get_zero_constraints() const
    {
      return zero_constraints;
    }

    const dealii::DoFHandler<dim> &
    get_dof_handler() const
    {
      return dof_handler;
    }

    /// Characteristic size of the field of DoF @p i (Newton norms).
    double
    dof_scale(const dealii::types::global_dof_index i) const
    {
      return 1.0 / inverse_scale[i];
    }

    const ElectrodeGeometry<dim> &
    get_geometry() const
    {
      return geometry;
    }

    // NonlinearProblem interface
    void
    assemble(const LA::MPI::Vector &evaluation_point,
             const bool             with_jacobian) override;

    unsigned int
    solve_linearized(LA::MPI::Vector &update, const double forcing) override;

    double
    update_norm(const LA::MPI::Vector &update) const override;

    double
    residual_norm() const override;

    bool
    is_admissible(const LA::MPI::Vector &state) const override;

  private:
    void
    run_cycling(const dealii::ParameterHandler &prm);

    void
    setup_dofs();

    void
    make_constraints();

    void
    setup_quadrature_data();

    void
    setup_block_preconditioner();

    std::vector<unsigned char>
    field_of_relevant_dofs() const;

    void
    set_initial_state();

    /// The material of an electrode cell (nullptr for the separator).
    const ElectrodeMaterial *
    material_of(const dealii::types::material_id id) const;

    /// Index 0 (negative) or 1 (positive) of an electrode material id.
    static unsigned int
    electrode_index(const dealii::types::material_id id);

    void
    write_output(const unsigned int index);

    MPI_Comm                   comm;
    dealii::ConditionalOStream pcout;

    // Parameters
    ElectrodeGeometry<dim> geometry;
    ElectrodeMaterial      negative, positive;
    ElectrolyteProperties  electrolyte;
    ButlerVolmer           counter_kinetics;
    CyclingProtocol        protocol;
    TimeStepping           time_stepping;
    NewtonSolver           newton;
    LinearSolver           linear_solver;
    double                 temperature                  = 298.15;
    double                 initial_electrolyte          = 1000;
    double                 separator_porosity           = 0.47;
    double                 separator_bruggeman          = 0.5;
    double                 separator_youngs_modulus     = 0.5e9;
    double                 separator_poissons_ratio     = 0.3;
    bool                   confined                     = false;
    unsigned int           degree                       = 1;
    unsigned int           displacement_degree          = 1;
    bool                   stop_on_clogging             = false;
    std::string            output_directory             = "output";
    unsigned int           output_interval              = 10;
    bool                   write_vtu                    = true;
    bool                   show_progress                = true;
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
    dealii::AffineConstraints<double>           constraints, zero_constraints;
    LA::MPI::SparseMatrix                       system_matrix;
    LA::MPI::Vector                             solution, old_solution;
    LA::MPI::Vector                             ghosted, ghosted_old;
    LA::MPI::Vector                             system_rhs;
    LA::MPI::Vector                             inverse_scale;
    LA::MPI::Vector                             inverse_diagonal;
    LA::MPI::Vector                             electrolyte_mask;

    using CellIterator = typename dealii::Triangulation<dim>::cell_iterator;
    dealii::CellDataStorage<CellIterator, ElectrodePointState> committed_state;
    dealii::CellDataStorage<CellIterator, ElectrodePointState> trial_state;

    // Operating point and time
    OperatingMode mode          = OperatingMode::current;
    double        imposed_value = 0;
    double        time_step     = 1;
    double        time          = 0;
    bool          local_failure = false;
    /// Whether assemble() reports the integrals of the committed state.
    bool         initial_evaluation = false;
    std::string  failure_reason;
    NewtonResult last_newton;

    ElectrodeIntegrals last_integrals;
    double             one_c_current = 0;

    /// Cell averages of the quadrature-point quantities for output, by
    /// active cell index: porosity, SEI thickness, surface stoichiometry,
    /// surface sigma_h, i_int, i_SEI.
    std::array<std::vector<float>, 6> cell_output;

    PvdRecorder                          pvd;
    CsvWriter                            statistics_csv, cycles_csv;
    std::unique_ptr<dealii::TimerOutput> timer;
  };
} // namespace chemomech

#endif
