/**
 * @file particle_problem.h
 * @brief Coupled diffusion-elasticity in an active particle (DESIGN section 1),
 * solved monolithically with Newton's method.
 */
#ifndef chemomech_physics_particle_particle_problem_h
#define chemomech_physics_particle_particle_problem_h

#include <chemomech/core/linear_algebra.h>
#include <chemomech/core/solvers/linear_solver.h>
#include <chemomech/core/newton_solver.h>
#include <chemomech/core/nonlinear_problem.h>
#include <chemomech/core/time_stepping.h>
#include <chemomech/geometry/particle_geometry.h>
#include <chemomech/io/csv_writer.h>
#include <chemomech/io/pvd_recorder.h>
#include <chemomech/materials/particle_material.h>
#include <chemomech/physics/particle/mechanical_constraints.h>
#include <chemomech/physics/particle/surface_condition.h>
#include <chemomech/postprocess/point_sampler.h>

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
   */
  template <int dim>
  class ParticleProblem : public NonlinearProblem
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

    /**
     * @brief Runs the simulation: mesh, initial equilibrium, time loop,
     * output. @p prm is written to the output directory as used.
     */
    void
    run(const dealii::ParameterHandler &prm);

    /// @name Access for tests.
    /// @{
    /// Creates mesh and dofs and the initial state (no output).
    void
    setup();
    /// The current solution (locally owned).
    LA::MPI::Vector &
    current_solution()
    {
      return solution;
    }
    /// Sets the step size for assemble() and imports the ghosts of the
    /// previous time levels; call before every (re)try of a step.
    void
    set_time_step(const double dt, const bool first_step);
    /// The assembled Jacobian.
    const LA::MPI::SparseMatrix &
    jacobian() const
    {
      return system_matrix;
    }
    /// The assembled residual F (not -F).
    LA::MPI::Vector
    residual_vector() const;
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
    /// Characteristic scale of the field that dof @p i belongs to (locally
    /// owned i): m for u, mol/m^3 for c, Pa for sigma_h.
    double
    dof_scale(const dealii::types::global_dof_index i) const
    {
      return 1.0 / inverse_scale[i];
    }
    /// Homogeneous constraints of the Newton updates.
    const dealii::AffineConstraints<double> &
    get_zero_constraints() const
    {
      return zero_constraints;
    }
    /// Volume of the particle. Units: m^3.
    double
    get_volume() const
    {
      return volume;
    }
    /// @}

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

  private:
    /// The body of run(); run() marks the output as failed on exceptions.
    void
    run_simulation(const dealii::ParameterHandler &prm);
    /// Declares the fields to the block preconditioner of the linear
    /// solver.
    void
    setup_block_preconditioner();

    /// Writes performance.json (sizes, iteration counts, timings, memory)
    /// for the benchmark harness.
    void
    write_performance_report(const unsigned int steps,
                             const unsigned int rejected);

    /// Field (0 u, 1 c, 2 sigma_h) of each locally relevant DoF.
    std::vector<unsigned char>
    field_of_relevant_dofs() const;

    void
    setup_dofs();
    void
    set_initial_state();
    void
    write_output(const unsigned int index);
    void
    write_probes();
    void
    write_line_out(const unsigned int index);
    std::vector<double>
    sample_row(const dealii::Point<dim> &p, const PointSample<dim> &s) const;

    MPI_Comm                   comm;
    dealii::ConditionalOStream pcout;

    // Parameters
    ParticleGeometry<dim>           geometry;
    ParticleMaterial                material;
    SurfaceCondition                surface;
    MechanicalConstraints<dim>      mechanics;
    TimeStepping                    time_stepping;
    NewtonSolver                    newton;
    LinearSolver                    linear_solver;
    unsigned int                    displacement_degree  = 2;
    unsigned int                    concentration_degree = 1;
    unsigned int                    mapping_degree       = 2;
    bool                            lumped_mass          = true;
    std::string                     output_directory     = "output";
    unsigned int                    output_interval      = 10;
    bool                            write_vtu            = true;
    bool                            show_progress        = true;
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
    dealii::AffineConstraints<double>                 zero_constraints;
    LA::MPI::SparseMatrix                             system_matrix;
    LA::MPI::Vector solution, old_solution, older_solution;
    LA::MPI::Vector ghosted, ghosted_old, ghosted_older;
    LA::MPI::Vector system_rhs;       // -F
    LA::MPI::Vector inverse_scale;    // 1/field scale
    LA::MPI::Vector inverse_diagonal; // 1/(|J_ii| scale_i)
    LA::MPI::Vector concentration_mask;

    // Time state
    double                time             = 0;
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
    /// Newton and linear iterations of all attempted steps (with rejected).
    unsigned long long total_newton_iterations = 0;
    unsigned long long total_linear_iterations = 0;
    /// Wall clock of the whole run.
    dealii::Timer wall_clock;
    /// Peak resident memory of this rank after the DoFs, sparsity and
    /// matrix were set up (before any solve). Units: bytes.
    double peak_memory_after_dofs = 0;

    // Output
    PvdRecorder                          pvd;
    CsvWriter                            statistics_csv, probes_csv;
    std::unique_ptr<dealii::TimerOutput> timer;
  };
} // namespace chemomech

#endif
