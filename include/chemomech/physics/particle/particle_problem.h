/**
 * @file particle_problem.h
 * @brief Coupled diffusion-elasticity in an active particle (DESIGN section 1),
 * solved monolithically with Newton's method.
 */
#ifndef chemomech_physics_particle_particle_problem_h
#define chemomech_physics_particle_particle_problem_h

#include <chemomech/core/linear_algebra.h>
#include <chemomech/core/newton_solver.h>
#include <chemomech/geometry/particle_geometry.h>
#include <chemomech/io/csv_writer.h>
#include <chemomech/io/pvd_recorder.h>
#include <chemomech/materials/particle_material.h>
#include <chemomech/physics/particle/assembly_scratch.h>
#include <chemomech/physics/particle/mechanical_constraints.h>
#include <chemomech/physics/particle/surface_condition.h>
#include <chemomech/postprocess/point_sampler.h>
#include <chemomech/simulator/newton_transient_problem.h>

#include <deal.II/base/conditional_ostream.h>
#include <deal.II/base/parameter_handler.h>
#include <deal.II/base/timer.h>
#include <deal.II/distributed/tria.h>
#include <deal.II/dofs/dof_handler.h>
#include <deal.II/fe/fe_system.h>
#include <deal.II/fe/mapping_q.h>
#include <deal.II/lac/affine_constraints.h>

#include <array>
#include <memory>
#include <string>

namespace chemomech
{
  /**
   * @brief Scalars describing the state after an accepted step; one row of
   * statistics.csv. Units in the column documentation (doc/user-guide.md).
   */
  struct ParticleStatistics
  {
    double total_lithium        = 0; ///< mol
    double mean_stoichiometry   = 0; ///< -
    double surface_x_mean       = 0; ///< -
    double surface_x_min        = 0; ///< -
    double surface_x_max        = 0; ///< -
    double sigma_h_min          = 0; ///< Pa
    double sigma_h_max          = 0; ///< Pa
    double max_principal        = 0; ///< Pa
    double surface_hoop_mean    = 0; ///< Pa
    double surface_hoop_max     = 0; ///< Pa
    double centre_radial_stress = 0; ///< Pa
    double elastic_energy       = 0; ///< J (J/m in 2D)
    double surface_flux = 0; ///< mol/s, inward, through the active surface
    double surface_overpotential = 0; ///< V, mean over the active surface
    double max_dx                = 0; ///< largest change of x in the step
    /// Pa, mean over the active surface of the law's sigma_h(eps(u), c)
    double surface_sigma_h_mean = 0;
    double centre_x             = 0; ///< -, stoichiometry at the centre
  };

  /**
   * @brief The particle model: fields u (displacement, m), c (lithium
   * concentration, mol/m^3) and sigma_h (hydrostatic stress, Pa, as an
   * independent continuous field), solved by one Newton method per time step.
   *
   * Equations (weak form in doc/theory.md):
   *   div sigma = 0, sigma = C:(eps(u) - (Omega/3)(c - c_ref) I);
   *   dc/dt + div J = 0, J = -D f(x) grad c + D m(x) Omega_mu c/(RT) grad
   * sigma_h; sigma_h = K (tr eps(u) - Omega (c - c_ref)).
   *
   * A run is driven by TransientDriver through the TransientProblem
   * interface; Newton's method sees it as a NonlinearProblem.
   * NewtonTransientProblem holds what the model shares with the electrode
   * model (linear solve, norms, solution, time, rollback). The member
   * functions are defined by concern in source/physics/particle/:
   * parameters.cc, setup.cc, assembly.cc, solver.cc, statistics.cc,
   * output.cc and transient.cc.
   */
  template <int dim>
  class ParticleProblem : public NewtonTransientProblem
  {
  public:
    /// Declares every parameter of a particle run.
    static void
    declare_parameters(dealii::ParameterHandler &prm);

    /// @param comm MPI communicator.
    explicit ParticleProblem(const MPI_Comm comm);

    /// Reads and validates all parameters (throws InvalidParameter).
    void
    parse_parameters(dealii::ParameterHandler &prm);

    /// @name Access for tests.
    /// @{
    /// Creates mesh and dofs and the initial state with its statistics (no
    /// output).
    void
    setup() override;
    /// Sets the step size for assemble() and imports the ghosts of the
    /// previous time levels; call before every (re)try of a step.
    void
    set_time_step(const double dt, const bool first_step);
    /// Statistics of the current solution.
    ParticleStatistics
    compute_statistics();
    /// Solves one time step of size dt; returns whether Newton converged.
    bool
    advance(const double dt);
    /// The DoF handler.
    const dealii::DoFHandler<dim> &
    get_dof_handler() const
    {
      return dof_handler;
    }
    /// The mapping.
    const dealii::Mapping<dim> &
    get_mapping() const
    {
      return *mapping;
    }
    /// Ghosted copy of the current solution.
    const LA::MPI::Vector &
    ghosted_solution();
    /// Material parameters.
    const ParticleMaterial &
    get_material() const
    {
      return material;
    }
    /// Volume of the particle. Units: m^3 (m^2 in 2D).
    double
    get_volume() const
    {
      return volume;
    }
    /// @}

    /// @name NonlinearProblem interface (the rest in NewtonTransientProblem)
    /// @{
    /// Residual F and (with_jacobian) J at @p evaluation_point; once the
    /// state-independent rows are assembled, only the concentration rows
    /// of J are refilled.
    void
    assemble(const LA::MPI::Vector &evaluation_point,
             const bool             with_jacobian) override;
    /// @}

    /// @name TransientProblem interface (transient.cc, statistics.cc,
    /// output.cc; the rest in NewtonTransientProblem)
    /// @{
    /// Mesh, unknowns, volume and active surface, coupling, output.
    void
    print_header(std::ostream &out) const override;
    /// "end time reached" once the end time is reached, else "".
    std::string
    stop_reason() const override;
    /// Shortens @p proposed to the end time, the next line-out time and
    /// (galvanostatic) the time the target state of charge is reached.
    double
    limit_time_step(const double proposed) override;
    /// BDF2 step (BDF1 on the first step and after a step-size jump by
    /// more than 2.4), the statistics of the trial state and the check of
    /// the change of stoichiometry.
    StepAttempt
    try_step(const double dt) override;
    /// Commits the step, updates the lithium balance, writes probes and
    /// line-outs; stops at the target state of charge or when the surface
    /// stoichiometry leaves its window.
    StepReport
    accept_step() override;
    /// The step-size rule on the largest change of x, scaled up from a
    /// shortened step to the proposed one.
    double
    next_time_step(const double dt, const double proposed) override;
    /**
     * @brief Progress counted in time steps, the run's cost: steps done /
     * (steps done + steps left), the steps left being the simulated time
     * left (from simulated_progress() and its rate over the last step) at
     * the step size the run settles at (the maximum step, or the step of
     * the target change of x at the present pace). Unlike the simulated
     * time, it is not fooled by the short first steps.
     */
    double
    progress_fraction() const override;
    /// The fraction of the end time or of the way to the target state of
    /// charge, whichever is further, in [0, 1].
    double
    simulated_progress() const;
    /// Mean and largest surface stoichiometry, Newton and linear
    /// iterations of the last accepted step.
    std::string
    progress_line() const override;
    /**
     * @brief The columns of statistics.csv, with SI units: time, dt (s);
     * newton_iterations, linear_iterations (integers); mean_x and the
     * surface stoichiometries (1); sigma_h_min/max, max_principal_stress,
     * surface hoop stresses and centre_radial_stress (Pa); total_lithium
     * (mol; in 2D mol per metre of thickness); lithium_balance_error
     * (1, relative to the content); elastic_energy (J; in 2D J/m);
     * surface_flux (mol/s, inward; in 2D mol/(m s)); surface_overpotential
     * (V); surface_sigma_h_mean (Pa, the mean over the active surface of
     * the hydrostatic stress, tension positive); centre_x (1, the
     * stoichiometry at Geometry centre).
     */
    void
    declare_statistics(StatisticsTable &table) const override;
    /// The columns of declare_statistics() from the statistics of the
    /// committed state and the lithium balance.
    void
    add_statistics(StatisticsTable &table, const double dt) const override;
    /// Writes VTU/PVTU fields; index 0 (the initial state) also opens
    /// probes.csv and writes the probes and line-outs of the initial state.
    void
    write_output(const unsigned int index) override;
    /// Results written and the linear solver's totals.
    void
    print_summary(std::ostream &out) const override;
    /// Unknowns per field, linear-solver totals and memory (matrix, block
    /// preconditioner, mesh and DoFs, peak after the DoF setup).
    void
    add_performance(PerformanceReport &report) const override;

    /// Checkpoints are supported (checkpoint.cc).
    bool
    supports_checkpoints() const override;

    /// See TransientProblem::checkpoint_cell_filter().
    std::function<bool(const std::string &)>
    checkpoint_cell_filter() const override;

    /**
     * @brief The committed solution and the one before (BDF2 history),
     * time, step sizes, step count, the lithium-balance and state-of-charge
     * references, the line-out position and the PVD list.
     */
    void
    save_checkpoint(CheckpointArchive &archive) const override;

    /// Restores them after setup(); reopens probes.csv.
    void
    load_checkpoint(const CheckpointArchive &archive) override;
    /// @}

  private:
    /// Refuses a refinement whose estimated memory exceeds the memory
    /// available (MemoryCheck; parameters.cc).
    void
    check_memory() const;
    /// Refuses an initial concentration that is neither a number nor an
    /// expression in the coordinates (parameters.cc).
    void
    check_initial_concentration_syntax() const;

    /// @name Set-up (setup.cc)
    /// @{
    void
    setup_dofs(); ///< DoFs, constraints, matrix, scales, preconditioner.
    /// Volume and active area of the mesh.
    void
    compute_volume_and_area();
    /// Hanging nodes, mechanical constraints and Dirichlet values of c
    /// (@p c_value, mol/m^3) on the active surface.
    void
    make_constraints(dealii::AffineConstraints<double> &cs,
                     const double                       c_value) const;
    /// Sparsity pattern, matrix and vectors.
    void
    setup_system();
    /// Field scales of the Newton norms and the concentration mask.
    void
    setup_scales();
    /// Whether later Jacobian assemblies may refill the concentration rows
    /// only, and which rows these are.
    void
    setup_partial_jacobian();
    /// Declares the fields to the block preconditioner of the linear
    /// solver.
    void
    setup_block_preconditioner();
    /// Field (0 u, 1 c, 2 sigma_h) of each locally relevant DoF.
    std::vector<unsigned char>
    field_of_relevant_dofs() const;
    /// Interpolates the initial concentration and checks its range.
    void
    interpolate_initial_concentration();
    /// Initial state: concentration, mechanical equilibrium, statistics.
    void
    set_initial_state();
    /// @}

    /// @name Assembly (assembly.cc)
    /// @{
    /// Residual and Jacobian of one locally owned cell.
    void
    assemble_cell(
      const typename dealii::DoFHandler<dim>::active_cell_iterator &cell,
      ParticleAssemblyScratch<dim>                                 &scratch,
      const bool with_jacobian,
      const bool partial) const;
    /// Material response at quadrature point @p q of the current cell.
    void
    evaluate_point(ParticleAssemblyScratch<dim> &scratch,
                   const unsigned int            q) const;
    /// Residual contribution of quadrature point @p q.
    void
    add_point_residual(ParticleAssemblyScratch<dim> &scratch,
                       const unsigned int            q) const;
    /// Jacobian contribution of quadrature point @p q (concentration rows
    /// only if @p partial).
    void
    add_point_jacobian(ParticleAssemblyScratch<dim> &scratch,
                       const bool                    partial) const;
    /// Row-sum lumped storage term with nodal values.
    void
    add_lumped_storage(
      const typename dealii::DoFHandler<dim>::active_cell_iterator &cell,
      ParticleAssemblyScratch<dim>                                 &scratch,
      const bool with_jacobian) const;
    /// Lithium exchange through the active surface of the cell.
    void
    add_surface_flux(
      const typename dealii::DoFHandler<dim>::active_cell_iterator &cell,
      ParticleAssemblyScratch<dim>                                 &scratch,
      const bool with_jacobian) const;
    /// Adds the concentration rows of the cell matrix to the Jacobian.
    void
    add_concentration_rows(ParticleAssemblyScratch<dim> &scratch);
    /// @}

    /// @name Output (output.cc)
    /// @{
    void
    write_probes(); ///< Appends the probes at the current time (probes.csv).
    void
    write_line_out(const unsigned int index); ///< lineout-<index>.csv
    std::vector<StatisticsColumn>
    probe_columns() const; ///< Columns (names, units) of probes.csv.
    std::vector<double>
    sample_row(const dealii::Point<dim> &p, const PointSample<dim> &s)
      const; ///< Coordinates, c, x, u and stress measures (Pa) at p (m).
    /// @}

    // Parameters
    ParticleGeometry<dim>           geometry;
    ParticleMaterial                material;
    SurfaceCondition                surface;
    MechanicalConstraints<dim>      mechanics;
    NewtonSolver                    newton;
    unsigned int                    displacement_degree  = 2;
    unsigned int                    concentration_degree = 1;
    unsigned int                    mapping_degree       = 2;
    bool                            lumped_mass          = true;
    std::vector<dealii::Point<dim>> probe_points;
    dealii::Point<dim>              line_start, line_end;
    unsigned int                    line_points = 0;
    std::vector<double>             line_times;
    double                          target_soc    = -1;
    double                          x_surface_min = 0.005;
    double                          x_surface_max = 0.995;

    // Discretisation
    dealii::parallel::distributed::Triangulation<dim> triangulation;
    std::unique_ptr<dealii::FESystem<dim>>            fe;
    std::unique_ptr<dealii::MappingQ<dim>>            mapping;
    dealii::DoFHandler<dim>                           dof_handler;
    dealii::IndexSet                                  owned_dofs, relevant_dofs;
    dealii::AffineConstraints<double>                 constraints;
    /// The solution two steps back (BDF2).
    LA::MPI::Vector older_solution;
    LA::MPI::Vector ghosted, ghosted_old, ghosted_older;
    LA::MPI::Vector concentration_mask;

    // Time state
    double                dt_old           = 0;
    std::array<double, 3> bdf              = {{0, 0, 0}};
    bool                  equilibrium_mode = false;
    /// Whether later Jacobian assemblies may refill only the concentration
    /// rows (the other rows do not depend on the state or the time step).
    bool partial_jacobian_allowed = false;
    /// Whether a full Jacobian has been assembled since setup_dofs().
    bool constant_jacobian_assembled = false;
    /// Locally owned, unconstrained concentration DoFs.
    std::vector<dealii::types::global_dof_index> owned_concentration_rows;
    double                                       volume = 0, active_area = 0;
    double       initial_lithium = 0, cumulative_inflow = 0;
    NewtonResult last_newton;
    /// Newton result of the last accepted step (empty for the initial
    /// state).
    NewtonResult accepted_newton;
    unsigned int step = 0; ///< Accepted steps.
    /// simulated_progress() before the last accepted step (-1: unknown,
    /// e.g. after a restart).
    double progress_before_step = -1;
    /// Size of the step being tried. Units: s.
    double trial_dt = 0;
    /// Statistics of the committed and of the trial state.
    ParticleStatistics stats, trial_stats;
    /// Mean stoichiometry of the initial state.
    double initial_soc = 0;
    /// Index of the next line-out.
    unsigned int line_index = 0;
    /// Peak resident memory of this rank after the DoFs, sparsity and
    /// matrix were set up (before any solve). Units: bytes.
    double peak_memory_after_dofs = 0;

    // Output
    PvdRecorder pvd;
    CsvWriter   probes_csv;
  };
} // namespace chemomech

#endif
