#include <chemomech/core/error_messages.h>
#include <chemomech/core/solvers/layer_interpolation.h>
#include <chemomech/core/parameter_checks.h>
#include <chemomech/core/physical_constants.h>
#include <chemomech/io/run_status.h>
#include <chemomech/physics/electrode/electrode_problem.h>

#include <deal.II/base/quadrature_lib.h>
#include <deal.II/base/utilities.h>
#include <deal.II/distributed/shared_tria.h>
#include <deal.II/distributed/tria.h>
#include <deal.II/dofs/dof_tools.h>
#include <deal.II/fe/fe_q.h>
#include <deal.II/fe/fe_values.h>
#include <deal.II/fe/mapping_q1.h>
#include <deal.II/lac/dynamic_sparsity_pattern.h>
#include <deal.II/lac/sparsity_tools.h>
#include <deal.II/numerics/data_out.h>
#include <deal.II/numerics/vector_tools.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <limits>
#include <map>
#include <sstream>

namespace chemomech
{
  using namespace dealii;

  namespace
  {
    constexpr unsigned int c_comp = 0, pe_comp = 1, ps_comp = 2, u_comp = 3;

    /// Field of a component: 0 c_e, 1 phi_e, 2 phi_s, 3 u.
    unsigned int
    field_of_component(const unsigned int comp)
    {
      return std::min(comp, u_comp);
    }

    /// Reads the value of "set name = value" in subsection path @p sub
    /// of a .prm file without declaring anything ("" if absent).
    std::string
    read_entry(const std::string &text,
               const std::string &sub,
               const std::string &name)
    {
      std::istringstream       in(text);
      std::string              line;
      std::vector<std::string> path;
      std::string              value;
      const auto               trim = [](std::string s) {
        const auto b = s.find_first_not_of(" \t\r");
        const auto e = s.find_last_not_of(" \t\r");
        return (b == std::string::npos) ? std::string() :
                                                        s.substr(b, e - b + 1);
      };
      while (std::getline(in, line))
        {
          const auto hash = line.find('#');
          if (hash != std::string::npos)
            line.erase(hash);
          line = trim(line);
          if (line.rfind("subsection", 0) == 0)
            path.push_back(trim(line.substr(10)));
          else if (line == "end" && !path.empty())
            path.pop_back();
          else if (line.rfind("set", 0) == 0)
            {
              const auto eq = line.find('=');
              if (eq == std::string::npos)
                continue;
              std::string p;
              for (const auto &s : path)
                p += s + "/";
              if (p == sub && trim(line.substr(3, eq - 3)) == name)
                value = trim(line.substr(eq + 1));
            }
        }
      return value;
    }
  } // namespace



  template <int dim>
  void
  ElectrodeProblem<dim>::declare_parameters(ParameterHandler &prm)
  {
    prm.declare_entry("Model",
                      "electrode",
                      Patterns::Selection("particle|electrode"),
                      "particle: one active particle (diffusion and "
                      "elasticity); electrode: the porous-electrode cell.");
    prm.declare_entry("Dimension",
                      "3",
                      Patterns::Integer(1, 3),
                      "Space dimension of the electrode slab: 3, or 2 and 1 "
                      "for quick studies (1D is the classical "
                      "through-thickness model).");
    prm.declare_entry("Temperature",
                      "298.15",
                      Patterns::Double(),
                      "Cell temperature. Units: K. Range: [200, 400].");
    prm.declare_entry("Electrolyte preset",
                      "none",
                      Patterns::Selection("none|LiPF6"),
                      "LiPF6: LiPF6 in EC:EMC, Valoen and Reimers (2005), "
                      "sets subsection Electrolyte (entries set there in the "
                      "input file override it).");
    prm.declare_entry(
      "Initial electrolyte concentration",
      "1000",
      Patterns::Double(),
      "c_e at t = 0, uniform. Units: mol/m^3. Range: (0, 1e4].");

    ElectrodeGeometry<3>::declare_parameters(prm);
    ElectrodeMaterial::declare_parameters(prm, "Negative electrode");
    ElectrodeMaterial::declare_parameters(prm, "Positive electrode");
    // Sensible defaults of a cathode: no SEI.
    prm.enter_subsection("Positive electrode");
    prm.set("SEI growth", "false");
    prm.leave_subsection();

    prm.enter_subsection("Separator");
    prm.declare_entry("Porosity",
                      "0.47",
                      Patterns::Double(),
                      "Porosity of the separator. Units: none. Range: (0, 1).");
    prm.declare_entry("Bruggeman exponent",
                      "0.5",
                      Patterns::Double(),
                      "b of D_eff = D eps^(1+b) in the separator. Units: none. "
                      "Range: [0, 10].");
    prm.declare_entry("Young's modulus",
                      "0.5e9",
                      Patterns::Double(),
                      "Units: Pa. Range: (0, 1e13].");
    prm.declare_entry("Poisson's ratio",
                      "0.3",
                      Patterns::Double(),
                      "Units: none. Range: (-1, 0.5).");
    prm.leave_subsection();

    prm.enter_subsection("Counter electrode");
    ButlerVolmer::declare_parameters(prm);
    prm.enter_subsection("Kinetics");
    prm.set("Model", "lithium metal");
    prm.set("Exchange current density", "10");
    prm.leave_subsection();
    prm.leave_subsection();

    ElectrolyteProperties::declare_parameters(prm);
    CyclingProtocol::declare_parameters(prm);
    TimeStepping::declare_parameters(prm);
    prm.enter_subsection("Time stepping");
    // The local updates are implicit Euler; so is the cell.
    prm.set("Scheme", "bdf1");
    prm.set("End time", "1e9");
    prm.set("Maximum time step", "600");
    prm.set("Target stoichiometry change", "0.02");
    prm.leave_subsection();
    NewtonSolver::declare_parameters(prm);
    // A step switch moves the potentials by many RT/F at once: the damped
    // Newton method may need more iterations than in the particle model.
    prm.enter_subsection("Newton");
    prm.set("Maximum iterations", "30");
    prm.leave_subsection();
    // Two V-cycles per block with ILU(1) on the levels: fewer GMRES
    // iterations and less growth under refinement, on flat cells too
    // (doc/electrode-model.md section 12).
    LinearSolver::declare_parameters(prm, 2, "ILU");
    prm.enter_subsection("Linear solver");
    prm.declare_entry(
      "Thickness coarsening",
      "true",
      Patterns::Bool(),
      "Block preconditioner with AMG blocks: the first coarsening of the "
      "c_e, phi_e and phi_s blocks keeps every second layer of nodes across "
      "the cell's thickness (x) and interpolates the others linearly along "
      "their column of nodes (Galerkin operator below, then AMG). Keeps the "
      "GMRES count nearly constant under refinement on the flat cells of "
      "electrode slabs (doc/electrode-model.md section 12). Only cells at "
      "least twice as wide as thick are coarsened; meshes without node "
      "columns across the thickness (unstructured gmsh meshes) fall back to "
      "plain AMG by themselves. The run's header prints the share of rows "
      "interpolated per field.");
    prm.leave_subsection();

    prm.enter_subsection("Electrode mechanics");
    prm.declare_entry("Confined",
                      "false",
                      Patterns::Bool(),
                      "false: the face x = L is free (the cell can grow in "
                      "thickness); true: u_x = 0 there too. Always: u_x = 0 "
                      "at x = 0 and u.n = 0 on the lateral faces.");
    prm.leave_subsection();

    prm.enter_subsection("Discretization");
    prm.declare_entry("Degree",
                      "1",
                      Patterns::Integer(1, 3),
                      "Polynomial degree of the Lagrange elements for c_e, "
                      "phi_e and phi_s.");
    prm.declare_entry("Displacement degree",
                      "1",
                      Patterns::Integer(1, 3),
                      "Polynomial degree for the displacement u.");
    prm.leave_subsection();

    prm.enter_subsection("Output");
    prm.declare_entry("Directory",
                      "output",
                      Patterns::Anything(),
                      "Directory for all results (created if missing).");
    prm.declare_entry("VTU interval",
                      "10",
                      Patterns::Integer(0),
                      "Write VTU/PVTU fields every this many accepted steps "
                      "(and at every step switch and the end); 0: only at "
                      "the start and the end.");
    prm.declare_entry("Write VTU",
                      "true",
                      Patterns::Bool(),
                      "Whether to write fields for ParaView at all.");
    prm.declare_entry("Progress",
                      "true",
                      Patterns::Bool(),
                      "One line per accepted step on the terminal.");
    prm.leave_subsection();

    prm.enter_subsection("Stop conditions");
    prm.declare_entry("Stop on pore clogging",
                      "false",
                      Patterns::Bool(),
                      "true: stop when the porosity reaches 'Porosity/Minimum "
                      "porosity' anywhere; false: hold it there and report "
                      "the event once.");
    prm.leave_subsection();
  }



  namespace
  {
    /// The text of @p file with its "include" lines replaced by the text of
    /// the included files (paths as ParameterHandler takes them: relative
    /// to the working directory), to a depth of 10.
    std::string
    text_with_includes(const std::string &file, const unsigned int depth = 0)
    {
      std::ifstream in(file);
      std::string   line, text;
      while (std::getline(in, line))
        {
          const auto b = line.find_first_not_of(" \t");
          if (depth < 10 && b != std::string::npos &&
              line.compare(b, 8, "include ") == 0)
            {
              std::string name = line.substr(b + 8);
              const auto  hash = name.find('#');
              if (hash != std::string::npos)
                name.erase(hash);
              const auto e = name.find_last_not_of(" \t\r");
              const auto f = name.find_first_not_of(" \t");
              if (e != std::string::npos)
                text +=
                  text_with_includes(name.substr(f, e - f + 1), depth + 1);
            }
          else
            text += line + '\n';
        }
      return text;
    }
  } // namespace



  template <int dim>
  void
  ElectrodeProblem<dim>::apply_presets(ParameterHandler  &prm,
                                       const std::string &input_file)
  {
    apply_presets_from_string(prm, text_with_includes(input_file));
  }



  template <int dim>
  void
  ElectrodeProblem<dim>::apply_presets_from_string(
    ParameterHandler  &prm,
    const std::string &input_file)
  {
    for (const std::string name : {"Negative electrode", "Positive electrode"})
      {
        const std::string p = read_entry(input_file, name + "/", "Preset");
        if (!p.empty())
          {
            bool known = (p == "none");
            for (const auto &n : electrode_preset_names())
              known = known || (n == p);
            check_condition(known,
                            "parameter '" + name + "/Preset' = '" + p +
                              "' is not one of none, graphite, NMC811, LCO, "
                              "LFP");
            ElectrodeMaterial::apply_preset(prm, name, p);
          }
      }
    const std::string e = read_entry(input_file, "", "Electrolyte preset");
    if (e == "LiPF6")
      {
        const ElectrolyteProperties p = lipf6_electrolyte_preset();
        prm.enter_subsection("Electrolyte");
        prm.set("Model", "Valoen-Reimers");
        prm.set("Transference number",
                std::to_string(p.cation_transference_number));
        prm.leave_subsection();
      }
  }



  template <int dim>
  ElectrodeProblem<dim>::ElectrodeProblem(const MPI_Comm comm)
    : comm(comm)
    , pcout(std::cout, Utilities::MPI::this_mpi_process(comm) == 0)
  {}



  template <int dim>
  void
  ElectrodeProblem<dim>::parse_parameters(ParameterHandler &prm)
  {
    temperature         = prm.get_double("Temperature");
    initial_electrolyte = prm.get_double("Initial electrolyte concentration");
    check_range("Temperature",
                temperature,
                200,
                Bound::closed,
                400,
                Bound::closed,
                "K");
    check_range("Initial electrolyte concentration",
                initial_electrolyte,
                0,
                Bound::open,
                1e4,
                Bound::closed,
                "mol/m^3");
    geometry.parse_parameters(prm);
    negative.parse_parameters(prm, "Negative electrode", temperature);
    positive.parse_parameters(prm, "Positive electrode", temperature);
    electrolyte.parse_parameters(prm);
    electrolyte.temperature = temperature;

    prm.enter_subsection("Separator");
    separator_porosity       = prm.get_double("Porosity");
    separator_bruggeman      = prm.get_double("Bruggeman exponent");
    separator_youngs_modulus = prm.get_double("Young's modulus");
    separator_poissons_ratio = prm.get_double("Poisson's ratio");
    prm.leave_subsection();
    check_range("Separator/Porosity",
                separator_porosity,
                0,
                Bound::open,
                1,
                Bound::open);
    check_range("Separator/Bruggeman exponent",
                separator_bruggeman,
                0,
                Bound::closed,
                10,
                Bound::closed);
    check_range("Separator/Young's modulus",
                separator_youngs_modulus,
                0,
                Bound::open,
                1e13,
                Bound::closed,
                "Pa");
    check_range("Separator/Poisson's ratio",
                separator_poissons_ratio,
                -1,
                Bound::open,
                0.5,
                Bound::open);

    prm.enter_subsection("Counter electrode");
    try
      {
        counter_kinetics.parse_parameters(prm);
      }
    catch (const InvalidParameter &e)
      {
        prm.leave_subsection();
        std::string m   = e.what();
        const auto  pos = m.find("parameter '");
        if (pos != std::string::npos)
          m.insert(pos + 11, "Counter electrode/");
        throw InvalidParameter(m);
      }
    prm.leave_subsection();
    counter_kinetics.temperature = temperature;
    check_condition(counter_kinetics.model == KineticsModel::lithium_metal,
                    "parameter 'Counter electrode/Kinetics/Model' must be "
                    "'lithium metal'");

    protocol.parse_parameters(prm);
    time_stepping.parse_parameters(prm);
    check_condition(time_stepping.scheme == TimeScheme::bdf1,
                    "parameter 'Time stepping/Scheme' must be 'bdf1' for the "
                    "electrode model (its quadrature-point updates are "
                    "implicit Euler)");
    newton.parse_parameters(prm);
    // The diagonally scaled residual of the potentials hides a common-mode
    // error of phi_s and phi_e (charge balance): converge on the update.
    newton.converge_on_residual = false;
    linear_solver.parse_parameters(prm);
    prm.enter_subsection("Linear solver");
    thickness_coarsening = prm.get_bool("Thickness coarsening");
    prm.leave_subsection();

    prm.enter_subsection("Electrode mechanics");
    confined = prm.get_bool("Confined");
    prm.leave_subsection();
    prm.enter_subsection("Discretization");
    degree              = prm.get_integer("Degree");
    displacement_degree = prm.get_integer("Displacement degree");
    prm.leave_subsection();
    prm.enter_subsection("Output");
    output_directory = prm.get("Directory");
    output_interval  = prm.get_integer("VTU interval");
    write_vtu        = prm.get_bool("Write VTU");
    show_progress    = prm.get_bool("Progress");
    prm.leave_subsection();
    check_condition(!output_directory.empty(),
                    "parameter 'Output/Directory' is empty");
    prm.enter_subsection("Stop conditions");
    stop_on_clogging = prm.get_bool("Stop on pore clogging");
    prm.leave_subsection();

    // The nominal 1C current density: the capacity of the limiting
    // electrode between stoichiometry 0 and 1, per collector area.
    {
      const double q_neg = constants::faraday * negative.active_fraction() *
                           negative.particle.max_concentration *
                           geometry.negative_electrode_thickness;
      const double q_pos = constants::faraday * positive.active_fraction() *
                           positive.particle.max_concentration *
                           geometry.positive_electrode_thickness;
      const double q = (geometry.cell_type == CellType::half_cell) ?
                         q_neg :
                         std::min(q_neg, q_pos);
      one_c_current  = (protocol.one_c_current_density() > 0) ?
                         protocol.one_c_current_density() :
                         q / constants::seconds_per_hour;
      if (!(protocol.one_c_current_density() > 0))
        protocol.set_one_c_current_density(one_c_current);
    }
  }



  template <int dim>
  const ElectrodeMaterial *
  ElectrodeProblem<dim>::material_of(const types::material_id id) const
  {
    if (id == ElectrodeGeometry<dim>::negative_electrode_id)
      return &negative;
    if (id == ElectrodeGeometry<dim>::positive_electrode_id)
      return &positive;
    return nullptr;
  }



  template <int dim>
  unsigned int
  ElectrodeProblem<dim>::electrode_index(const types::material_id id)
  {
    return (id == ElectrodeGeometry<dim>::positive_electrode_id) ? 1 : 0;
  }



  template <int dim>
  void
  ElectrodeProblem<dim>::setup()
  {
    if (!timer)
      timer = std::make_unique<TimerOutput>(comm,
                                            pcout,
                                            TimerOutput::never,
                                            TimerOutput::wall_times);
    TimerOutput::Scope t(*timer, "setup");
    if (dim == 1)
      triangulation =
        std::make_unique<parallel::shared::Triangulation<dim>>(comm);
    else
      triangulation =
        std::make_unique<parallel::distributed::Triangulation<dim>>(comm);
    geometry.create_mesh(*triangulation);
    fe = std::make_unique<FESystem<dim>>(FE_Q<dim>(degree),
                                         1,
                                         FE_Q<dim>(degree),
                                         1,
                                         FE_Q<dim>(degree),
                                         1,
                                         FE_Q<dim>(displacement_degree),
                                         dim);
    dof_handler.reinit(*triangulation);
    setup_dofs();
    setup_quadrature_data();
    set_initial_state();
  }



  template <int dim>
  std::vector<unsigned char>
  ElectrodeProblem<dim>::field_of_relevant_dofs() const
  {
    std::vector<unsigned char> field_of(relevant_dofs.n_elements(), 255);
    std::vector<types::global_dof_index> dofs(fe->n_dofs_per_cell());
    for (const auto &cell : dof_handler.active_cell_iterators())
      if (!cell->is_artificial())
        {
          cell->get_dof_indices(dofs);
          for (unsigned int i = 0; i < dofs.size(); ++i)
            field_of[relevant_dofs.index_within_set(dofs[i])] =
              field_of_component(fe->system_to_component_index(i).first);
        }
    return field_of;
  }



  template <int dim>
  void
  ElectrodeProblem<dim>::make_constraints()
  {
    const types::boundary_id terminal =
      (geometry.cell_type == CellType::half_cell) ?
        ElectrodeGeometry<dim>::negative_boundary_id :
        ElectrodeGeometry<dim>::positive_boundary_id;
    const ComponentMask phi_s_mask =
      fe->component_mask(FEValuesExtractors::Scalar(ps_comp));
    const auto make = [&](AffineConstraints<double> &cs,
                          const bool                 homogeneous,
                          const bool                 with_terminal) {
      cs.clear();
      cs.reinit(relevant_dofs);
      DoFTools::make_hanging_node_constraints(dof_handler, cs);
      // phi_s exists only in the electrodes.
      {
        std::vector<bool> active(relevant_dofs.n_elements(), false);
        std::vector<bool> is_phi_s(relevant_dofs.n_elements(), false);
        std::vector<types::global_dof_index> dofs(fe->n_dofs_per_cell());
        for (const auto &cell : dof_handler.active_cell_iterators())
          if (!cell->is_artificial())
            {
              cell->get_dof_indices(dofs);
              const bool electrode = material_of(cell->material_id());
              for (unsigned int i = 0; i < dofs.size(); ++i)
                if (fe->system_to_component_index(i).first == ps_comp)
                  {
                    const auto k = relevant_dofs.index_within_set(dofs[i]);
                    is_phi_s[k]  = true;
                    if (electrode)
                      active[k] = true;
                  }
            }
        for (unsigned int k = 0; k < active.size(); ++k)
          if (is_phi_s[k] && !active[k])
            {
              const auto i = relevant_dofs.nth_index_in_set(k);
              if (!cs.is_constrained(i))
                cs.add_line(i);
            }
      }
      // Full cell: the negative collector is the ground.
      if (geometry.cell_type == CellType::full_cell)
        VectorTools::interpolate_boundary_values(
          dof_handler,
          ElectrodeGeometry<dim>::negative_boundary_id,
          Functions::ZeroFunction<dim>(u_comp + dim),
          cs,
          phi_s_mask);
      if (with_terminal)
        {
          std::vector<double> values(u_comp + dim, 0.0);
          values[ps_comp] = homogeneous ? 0.0 : imposed_value;
          VectorTools::interpolate_boundary_values(
            dof_handler,
            terminal,
            Functions::ConstantFunction<dim>(values),
            cs,
            phi_s_mask);
        }
      // Mechanics: u_x = 0 at x = 0 (and x = L if confined), u.n = 0 on
      // the lateral faces.
      const auto fix = [&](const types::boundary_id id, const unsigned int d) {
        VectorTools::interpolate_boundary_values(
          dof_handler,
          id,
          Functions::ZeroFunction<dim>(u_comp + dim),
          cs,
          fe->component_mask(FEValuesExtractors::Scalar(u_comp + d)));
      };
      fix(ElectrodeGeometry<dim>::negative_boundary_id, 0);
      if (confined)
        fix(ElectrodeGeometry<dim>::positive_boundary_id, 0);
      for (unsigned int axis = 1; axis < dim; ++axis)
        for (const bool upper : {false, true})
          fix(ElectrodeGeometry<dim>::lateral_boundary_id(axis, upper), axis);
      cs.close();
    };
    const bool cv = (mode == OperatingMode::voltage);
    make(constraints, false, cv);
    make(zero_constraints, true, cv);
  }



  template <int dim>
  void
  ElectrodeProblem<dim>::setup_dofs()
  {
    dof_handler.distribute_dofs(*fe);
    owned_dofs    = dof_handler.locally_owned_dofs();
    relevant_dofs = DoFTools::extract_locally_relevant_dofs(dof_handler);
    cell_output.fill(std::vector<float>(triangulation->n_active_cells(), 0));

    // The pattern of the current-controlled system contains that of the
    // voltage-controlled one (which has more constraints).
    const OperatingMode m = mode;
    mode                  = OperatingMode::current;
    make_constraints();
    DynamicSparsityPattern dsp(relevant_dofs);
    DoFTools::make_sparsity_pattern(dof_handler, dsp, zero_constraints, false);
    SparsityTools::distribute_sparsity_pattern(dsp,
                                               owned_dofs,
                                               comm,
                                               relevant_dofs);
    system_matrix.reinit(owned_dofs, owned_dofs, dsp, comm);
    mode = m;
    make_constraints();

    for (auto *v : {&solution,
                    &old_solution,
                    &system_rhs,
                    &inverse_scale,
                    &inverse_diagonal,
                    &electrolyte_mask})
      v->reinit(owned_dofs, comm);
    for (auto *v : {&ghosted, &ghosted_old})
      v->reinit(owned_dofs, relevant_dofs, comm);

    // Characteristic sizes: c_e0, RT/F, and the swelling displacement of
    // the cell for 1 % of volume change.
    const double                         scales[4] = {initial_electrolyte,
                                                      constants::gas_constant * temperature /
                                                        constants::faraday,
                                                      constants::gas_constant * temperature /
                                                        constants::faraday,
                                                      1e-2 * geometry.total_thickness()};
    std::vector<types::global_dof_index> dofs(fe->n_dofs_per_cell());
    for (const auto &cell : dof_handler.active_cell_iterators())
      if (cell->is_locally_owned())
        {
          cell->get_dof_indices(dofs);
          for (unsigned int i = 0; i < dofs.size(); ++i)
            if (owned_dofs.is_element(dofs[i]))
              {
                const unsigned int f =
                  field_of_component(fe->system_to_component_index(i).first);
                inverse_scale[dofs[i]]    = 1.0 / scales[f];
                electrolyte_mask[dofs[i]] = (f == 0) ? 1.0 : 0.0;
              }
        }
    inverse_scale.compress(VectorOperation::insert);
    electrolyte_mask.compress(VectorOperation::insert);

    if (linear_solver.type == LinearSolverType::gmres &&
        linear_solver.preconditioner == PreconditionerType::block)
      setup_block_preconditioner();
  }



  template <int dim>
  void
  ElectrodeProblem<dim>::setup_block_preconditioner()
  {
    const std::vector<unsigned char> field_of = field_of_relevant_dofs();
    std::map<types::global_dof_index, Point<dim>> points;
    DoFTools::map_dofs_to_support_points(MappingQ1<dim>(), dof_handler, points);
    std::vector<BlockFieldSettings> fields(4);
    const char                     *names[4] = {"electrolyte concentration",
                                                "electrolyte potential",
                                                "solid potential",
                                                "displacement"};
    for (unsigned int f = 0; f < 4; ++f)
      {
        fields[f].name     = names[f];
        fields[f].type     = linear_solver.transport_preconditioner;
        fields[f].elliptic = true;
        // "AMG smoother", ILU by default here: the point smoothers lose the
        // weak in-plane direction of the slabs' flat cells, and the Krylov
        // count of the coupled system then grows with every level the
        // hierarchies gain (doc/electrode-model.md section 12).
        fields[f].smoother   = linear_solver.amg_smoother;
        fields[f].amg_cycles = linear_solver.amg_cycles;
      }
    fields[3].type       = linear_solver.elasticity_preconditioner;
    fields[3].block_size = dim;
    std::vector<types::global_dof_index> u_rows;
    for (const auto i : owned_dofs)
      if (field_of[relevant_dofs.index_within_set(i)] == 3)
        u_rows.push_back(i);
    if (thickness_coarsening &&
        linear_solver.transport_preconditioner == FieldPreconditionerType::amg)
      {
        // Across the thickness (x) for the three scalar fields.
        auto rows = layer_interpolation(dof_handler,
                                        zero_constraints,
                                        relevant_dofs,
                                        field_of,
                                        {true, true, true, false},
                                        0);
        // "c_e 48 %, ...": the share of each field's rows interpolated.
        std::ostringstream summary;
        summary << "  thickness coarsening, rows interpolated:";
        const char *short_names[3] = {"c_e", "phi_e", "phi_s"};
        for (unsigned int f = 0; f < 3; ++f)
          {
            types::global_dof_index n_fine = 0, n_rows = 0;
            for (const auto i : owned_dofs)
              n_rows += (field_of[relevant_dofs.index_within_set(i)] == f);
            for (const auto &row : rows[f])
              n_fine += (row.size() > 1);
            n_fine = Utilities::MPI::sum(n_fine, comm);
            n_rows = Utilities::MPI::sum(n_rows, comm);
            summary << (f > 0 ? ", " : " ") << short_names[f] << ' '
                    << std::lround(100.0 * n_fine / std::max<double>(n_rows, 1))
                    << " %";
            fields[f].interpolation = std::move(rows[f]);
          }
        preconditioner_summary = summary.str();
      }
    fields[3].coordinates.resize(u_rows.size());
    for (std::size_t j = 0; j < u_rows.size(); ++j)
      fields[3].coordinates[j] = points.at(u_rows[j])[j % dim];
    // The two potentials are coupled most strongly (through the
    // Butler-Volmer term), then the salt, then the displacement it loads.
    linear_solver.set_block_structure(owned_dofs,
                                      relevant_dofs,
                                      field_of,
                                      fields,
                                      {2, 1, 0, 3},
                                      comm);
  }



  template <int dim>
  void
  ElectrodeProblem<dim>::setup_quadrature_data()
  {
    const QGauss<dim>  quad(std::max(degree, displacement_degree) + 1);
    const unsigned int nq = quad.size();
    for (const auto &cell : triangulation->active_cell_iterators())
      if (cell->is_locally_owned())
        if (const ElectrodeMaterial *mat = material_of(cell->material_id()))
          {
            committed_state.template initialize<ElectrodePointState>(cell, nq);
            trial_state.template initialize<ElectrodePointState>(cell, nq);
            const ElectrodePointUpdate &up = mat->point_update();
            const ElectrodePointState   s0 =
              up.initial_state(mat->initial_concentration(), 0.0);
            auto c = committed_state.get_data(cell);
            auto t = trial_state.get_data(cell);
            for (unsigned int q = 0; q < nq; ++q)
              {
                *c[q] = s0;
                *t[q] = s0;
              }
          }
  }



  template <int dim>
  void
  ElectrodeProblem<dim>::set_initial_state()
  {
    // Equilibrium at rest: uniform c_e, phi_s - phi_e = U(x_0) in each
    // electrode, phi_Li = 0 (half cell) or phi_s = 0 at x = 0 (full cell).
    const double U_n = negative.kinetics.open_circuit_potential(
      negative.initial_concentration());
    const double U_p = positive.kinetics.open_circuit_potential(
      positive.initial_concentration());
    const double phi_e0 =
      (geometry.cell_type == CellType::half_cell) ? 0.0 : -U_n;
    std::vector<types::global_dof_index> dofs(fe->n_dofs_per_cell());
    solution = 0;
    for (const auto &cell : dof_handler.active_cell_iterators())
      if (!cell->is_artificial())
        {
          cell->get_dof_indices(dofs);
          const ElectrodeMaterial *mat = material_of(cell->material_id());
          for (unsigned int i = 0; i < dofs.size(); ++i)
            if (owned_dofs.is_element(dofs[i]))
              {
                const unsigned int comp =
                  fe->system_to_component_index(i).first;
                if (comp == c_comp)
                  solution[dofs[i]] = initial_electrolyte;
                else if (comp == pe_comp)
                  solution[dofs[i]] = phi_e0;
                else if (comp == ps_comp && mat)
                  solution[dofs[i]] = phi_e0 + ((mat == &negative) ? U_n : U_p);
              }
        }
    solution.compress(VectorOperation::insert);
    constraints.distribute(solution);
    old_solution = solution;
    time         = 0;
    // The integrals of the initial state.
    set_time_step(1);
    initial_evaluation = true;
    assemble(solution, false);
    initial_evaluation = false;
  }



  template <int dim>
  void
  ElectrodeProblem<dim>::set_operating_point(const OperatingMode m,
                                             const double        value)
  {
    const bool changed =
      (m != mode) || (m == OperatingMode::voltage && value != imposed_value);
    mode          = m;
    imposed_value = value;
    if (changed && fe)
      {
        make_constraints();
        linear_solver.invalidate_preconditioner();
      }
  }



  template <int dim>
  void
  ElectrodeProblem<dim>::set_time_step(const double dt)
  {
    time_step   = dt;
    ghosted_old = old_solution;
  }



  template <int dim>
  void
  ElectrodeProblem<dim>::assemble(const LA::MPI::Vector &evaluation_point,
                                  const bool             with_jacobian)
  {
    TimerOutput::Scope t(*timer,
                         with_jacobian ? "assemble Jacobian" :
                                         "assemble residual");
    // (ghosted_old is imported once per step, in set_time_step())
    ghosted = evaluation_point;
    if (with_jacobian)
      system_matrix = 0;
    system_rhs = 0;

    const double F  = constants::faraday;
    const double RT = constants::gas_constant * temperature;
    const double dt = time_step;
    const double tp = electrolyte.transference_number(initial_electrolyte);

    const QGauss<dim>     quad(std::max(degree, displacement_degree) + 1);
    const QGauss<dim - 1> fquad(std::max(degree, displacement_degree) + 1);
    FEValues<dim>         fv(*fe,
                     quad,
                     update_values | update_gradients | update_JxW_values |
                       update_quadrature_points);
    FEFaceValues<dim>     ffv(*fe, fquad, update_values | update_JxW_values);
    const unsigned int    n  = fe->n_dofs_per_cell();
    const unsigned int    nq = quad.size();

    const FEValuesExtractors::Scalar ce_ex(c_comp), pe_ex(pe_comp),
      ps_ex(ps_comp);
    const FEValuesExtractors::Vector u_ex(u_comp);

    FullMatrix<double>                   cell_matrix(n, n);
    Vector<double>                       cell_rhs(n);
    std::vector<types::global_dof_index> dofs(n);
    std::vector<double> ce_q(nq), ce_old_q(nq), pe_q(nq), ps_q(nq), div_q(nq);
    std::vector<Tensor<1, dim>>          gce_q(nq), gpe_q(nq), gps_q(nq);
    std::vector<SymmetricTensor<2, dim>> eps_q(nq);
    std::vector<double>                  ce_f(fquad.size()), pe_f(fquad.size()),
      ps_f(fquad.size());

    std::vector<unsigned int> field(n), comp(n);
    for (unsigned int i = 0; i < n; ++i)
      {
        comp[i]  = fe->system_to_component_index(i).first;
        field[i] = field_of_component(comp[i]);
      }
    std::vector<double>                  phi(n), divv(n);
    std::vector<Tensor<1, dim>>          grad(n);
    std::vector<SymmetricTensor<2, dim>> symgrad(n);

    const types::boundary_id terminal =
      (geometry.cell_type == CellType::half_cell) ?
        ElectrodeGeometry<dim>::negative_boundary_id :
        ElectrodeGeometry<dim>::positive_boundary_id;

    ElectrodeIntegrals I;
    I.porosity_min                         = std::numeric_limits<double>::max();
    I.porosity_max                         = -I.porosity_min;
    I.surface_x_min                        = std::numeric_limits<double>::max();
    I.surface_x_max                        = -I.surface_x_min;
    double                electrode_volume = 0;
    double                sei_volume       = 0;
    double                terminal_area    = 0;
    std::array<double, 2> region_volume    = {{0, 0}};
    bool                  failed           = false;
    std::string           failure;

    for (const auto &cell : dof_handler.active_cell_iterators())
      if (cell->is_locally_owned())
        {
          fv.reinit(cell);
          cell_matrix                  = 0;
          cell_rhs                     = 0;
          const ElectrodeMaterial *mat = material_of(cell->material_id());
          const unsigned int       e   = electrode_index(cell->material_id());
          fv[ce_ex].get_function_values(ghosted, ce_q);
          fv[ce_ex].get_function_values(ghosted_old, ce_old_q);
          fv[ce_ex].get_function_gradients(ghosted, gce_q);
          fv[pe_ex].get_function_values(ghosted, pe_q);
          fv[pe_ex].get_function_gradients(ghosted, gpe_q);
          fv[ps_ex].get_function_values(ghosted, ps_q);
          fv[ps_ex].get_function_gradients(ghosted, gps_q);
          fv[u_ex].get_function_symmetric_gradients(ghosted, eps_q);
          fv[u_ex].get_function_divergences(ghosted, div_q);

          // Elastic constants of the region.
          const double E = mat ? mat->youngs_modulus : separator_youngs_modulus;
          const double nu =
            mat ? mat->poissons_ratio : separator_poissons_ratio;
          const double lambda = E * nu / ((1 + nu) * (1 - 2 * nu));
          const double mu     = E / (2 * (1 + nu));
          const double K3     = 3 * lambda + 2 * mu;
          const double b_e =
            mat ? mat->effective.electrolyte_exponent : separator_bruggeman;
          const double sigma_eff =
            mat ? mat->effective_solid_conductivity() : 0;

          std::vector<std::shared_ptr<ElectrodePointState>> cs, ts;
          if (mat)
            {
              cs = committed_state.get_data(cell);
              ts = trial_state.get_data(cell);
            }
          std::array<double, 6> cell_avg = {{0, 0, 0, 0, 0, 0}};
          double                cell_vol = 0;

          for (unsigned int q = 0; q < nq; ++q)
            {
              const double JxW = fv.JxW(q);
              for (unsigned int k = 0; k < n; ++k)
                {
                  phi[k]  = fv.shape_value(k, q);
                  grad[k] = fv.shape_grad(k, q);
                  if (field[k] == 3)
                    {
                      symgrad[k] = fv[u_ex].symmetric_gradient(k, q);
                      divv[k]    = fv[u_ex].divergence(k, q);
                    }
                  else
                    {
                      symgrad[k] = SymmetricTensor<2, dim>();
                      divv[k]    = 0;
                    }
                }
              const double ce = ce_q[q];

              // Local state: porosity, currents, swelling and derivatives
              // with respect to p = phi_s - phi_e, c_e, tr eps.
              double eps = separator_porosity, eps_old = separator_porosity;
              double eps_now = separator_porosity;
              double eps_p = 0, eps_c = 0, eps_t = 0;
              double itot = 0, itot_p = 0, itot_c = 0;
              double sw = 0, sw_p = 0, sw_c = 0;
              if (mat)
                {
                  const ElectrodePointUpdate &up = mat->point_update();
                  eps_old                        = cs[q]->porosity;
                  ElectrodePointResult r;
                  try
                    {
                      r = up.update(*cs[q],
                                    dt,
                                    ps_q[q] - pe_q[q],
                                    ce,
                                    div_q[q],
                                    *ts[q]);
                    }
                  catch (const std::exception &)
                    {
                      r.converged = false;
                      r.porosity  = eps_old;
                    }
                  if (!r.converged && !failed)
                    {
                      failed = true;
                      std::ostringstream o;
                      o << "the local update of a quadrature point did not "
                           "converge at x = "
                        << fv.quadrature_point(q)
                        << " m (phi_s - phi_e = " << ps_q[q] - pe_q[q]
                        << " V, c_e = " << ce << " mol/m^3)";
                      failure = o.str();
                    }
                  eps    = r.porosity;
                  eps_p  = r.d_porosity.d_dpotential;
                  eps_c  = r.d_porosity.d_delectrolyte_concentration;
                  eps_t  = r.d_porosity.d_dtrace_strain;
                  itot   = r.volumetric_current;
                  itot_p = r.d_volumetric_intercalation_current.d_dpotential +
                           r.d_volumetric_sei_current.d_dpotential;
                  itot_c =
                    r.d_volumetric_intercalation_current
                      .d_delectrolyte_concentration +
                    r.d_volumetric_sei_current.d_delectrolyte_concentration;
                  const double s1 = mat->swelling_strain_derivative();
                  sw   = mat->swelling_strain(r.average_concentration);
                  sw_p = s1 * r.d_average_concentration.d_dpotential;
                  sw_c =
                    s1 * r.d_average_concentration.d_delectrolyte_concentration;

                  // Integrals and output: of the trial state, or of the
                  // committed one for the initial state (no step taken).
                  const ElectrodePointState &st =
                    initial_evaluation ? *cs[q] : *ts[q];
                  eps_now           = st.porosity;
                  const double cmax = up.max_concentration();
                  const double xs   = r.surface_concentration / cmax;
                  const double xa   = up.average_concentration(st) / cmax;
                  const double xa0  = up.average_concentration(*cs[q]) / cmax;
                  I.solid_lithium[e] += up.solid_lithium(st) * JxW;
                  I.lost_lithium[e] += st.lithium_lost * JxW;
                  I.reaction_current[e] += itot * JxW;
                  I.sei_current[e] += r.volumetric_sei_current * JxW;
                  I.mean_stoichiometry[e] += xa * JxW;
                  region_volume[e] += JxW;
                  I.porosity_mean += st.porosity * JxW;
                  I.porosity_min = std::min(I.porosity_min, st.porosity);
                  I.porosity_max = std::max(I.porosity_max, st.porosity);
                  if (mat->sei_growth)
                    {
                      I.sei_thickness_mean += st.sei_thickness * JxW;
                      I.sei_thickness_max =
                        std::max(I.sei_thickness_max, st.sei_thickness);
                      sei_volume += JxW;
                    }
                  I.surface_x_min = std::min(I.surface_x_min, xs);
                  I.surface_x_max = std::max(I.surface_x_max, xs);
                  I.max_dx        = std::max(I.max_dx, std::abs(xa - xa0));
                  if (r.clogged)
                    {
                      if (I.clogged_points == 0)
                        for (unsigned int d = 0; d < dim; ++d)
                          I.clogged_location[d] = fv.quadrature_point(q)[d];
                      ++I.clogged_points;
                    }
                  electrode_volume += JxW;
                  cell_avg[0] += eps * JxW;
                  cell_avg[1] += ts[q]->sei_thickness * JxW;
                  cell_avg[2] += xs * JxW;
                  cell_avg[3] += r.hydrostatic_stress * JxW;
                  cell_avg[4] += r.intercalation_current * JxW;
                  cell_avg[5] += r.sei_current * JxW;
                  cell_vol += JxW;
                }
              I.electrolyte_lithium += eps_now * ce * JxW;

              // Electrolyte transport.
              const double fB  = std::pow(eps, 1 + b_e);
              const double fB1 = (1 + b_e) * std::pow(eps, b_e);
              const double D   = electrolyte.diffusivity(ce);
              const double D1  = electrolyte.diffusivity_derivative(ce);
              const double ka  = electrolyte.conductivity(ce);
              const double ka1 = electrolyte.conductivity_derivative(ce);
              const double TF  = electrolyte.thermodynamic_factor(ce);
              const double TF1 =
                electrolyte.thermodynamic_factor_derivative(ce);
              // kappa_D / c_e = g: -i_e = fB (ka grad phi_e - g grad c_e)
              const double cg = 2 * RT / F * (1 - tp);
              const double g  = cg * TF * ka / ce;
              const double g1 =
                cg * (TF1 * ka / ce + TF * ka1 / ce - TF * ka / (ce * ce));
              const Tensor<1, dim> salt_flux = D * gce_q[q]; // times fB
              const Tensor<1, dim> ion_flux  = ka * gpe_q[q] - g * gce_q[q];
              const auto           sigma =
                lambda * trace(eps_q[q]) * unit_symmetric_tensor<dim>() +
                2 * mu * eps_q[q] - K3 * sw * unit_symmetric_tensor<dim>();

              for (unsigned int i = 0; i < n; ++i)
                {
                  double r = 0;
                  switch (field[i])
                    {
                      case 0:
                        r = phi[i] * (eps * ce - eps_old * ce_old_q[q]) / dt +
                            fB * (grad[i] * salt_flux) -
                            phi[i] * (1 - tp) * itot / F;
                        break;
                      case 1:
                        r = fB * (grad[i] * ion_flux) - phi[i] * itot;
                        break;
                      case 2:
                        if (mat)
                          r = sigma_eff * (grad[i] * gps_q[q]) + phi[i] * itot;
                        break;
                      default:
                        r = scalar_product(sigma, symgrad[i]);
                    }
                  cell_rhs(i) -= r * JxW;
                }
              if (!with_jacobian)
                continue;

              for (unsigned int j = 0; j < n; ++j)
                {
                  // Derivatives of the local quantities by trial function j.
                  double d_eps = 0, d_itot = 0, d_sw = 0;
                  switch (field[j])
                    {
                      case 0:
                        d_eps  = eps_c * phi[j];
                        d_itot = itot_c * phi[j];
                        d_sw   = sw_c * phi[j];
                        break;
                      case 1:
                        d_eps  = -eps_p * phi[j];
                        d_itot = -itot_p * phi[j];
                        d_sw   = -sw_p * phi[j];
                        break;
                      case 2:
                        if (mat)
                          {
                            d_eps  = eps_p * phi[j];
                            d_itot = itot_p * phi[j];
                            d_sw   = sw_p * phi[j];
                          }
                        break;
                      default:
                        d_eps = eps_t * divv[j];
                    }
                  const double d_fB = fB1 * d_eps;
                  for (unsigned int i = 0; i < n; ++i)
                    {
                      double v = 0;
                      switch (field[i])
                        {
                          case 0:
                            v = phi[i] * d_eps * ce / dt +
                                d_fB * (grad[i] * salt_flux) -
                                phi[i] * (1 - tp) * d_itot / F;
                            if (field[j] == 0)
                              v += phi[i] * eps * phi[j] / dt +
                                   fB * (D1 * phi[j] * (grad[i] * gce_q[q]) +
                                         D * (grad[i] * grad[j]));
                            break;
                          case 1:
                            v = d_fB * (grad[i] * ion_flux) - phi[i] * d_itot;
                            if (field[j] == 0)
                              v += fB * (ka1 * phi[j] * (grad[i] * gpe_q[q]) -
                                         g1 * phi[j] * (grad[i] * gce_q[q]) -
                                         g * (grad[i] * grad[j]));
                            else if (field[j] == 1)
                              v += fB * ka * (grad[i] * grad[j]);
                            break;
                          case 2:
                            if (mat)
                              {
                                v = phi[i] * d_itot;
                                if (field[j] == 2)
                                  v += sigma_eff * (grad[i] * grad[j]);
                              }
                            break;
                          default:
                            v = -K3 * d_sw * divv[i];
                            if (field[j] == 3)
                              v +=
                                lambda * divv[j] * divv[i] +
                                2 * mu * scalar_product(symgrad[j], symgrad[i]);
                        }
                      cell_matrix(i, j) += v * JxW;
                    }
                }
            }
          if (mat && cell_vol > 0)
            for (unsigned int k = 0; k < 6; ++k)
              cell_output[k][cell->active_cell_index()] =
                static_cast<float>(cell_avg[k] / cell_vol);

          // Boundary terms.
          for (const auto f : cell->face_indices())
            if (cell->at_boundary(f))
              {
                const auto id = cell->face(f)->boundary_id();
                const bool li_metal =
                  geometry.cell_type == CellType::half_cell &&
                  id == ElectrodeGeometry<dim>::positive_boundary_id;
                const bool term = (id == terminal) && mat;
                if (!li_metal && !term)
                  continue;
                ffv.reinit(cell, f);
                ffv[ce_ex].get_function_values(ghosted, ce_f);
                ffv[pe_ex].get_function_values(ghosted, pe_f);
                ffv[ps_ex].get_function_values(ghosted, ps_f);
                for (unsigned int q = 0; q < fquad.size(); ++q)
                  {
                    const double JxW = ffv.JxW(q);
                    if (term)
                      {
                        I.terminal_potential += ps_f[q] * JxW;
                        terminal_area += JxW;
                        if (mode == OperatingMode::current)
                          for (unsigned int i = 0; i < n; ++i)
                            if (field[i] == 2)
                              cell_rhs(i) -=
                                ffv.shape_value(i, q) * imposed_value * JxW;
                      }
                    if (li_metal)
                      {
                        const KineticsCurrent k =
                          counter_kinetics.evaluate(-pe_f[q], ce_f[q], 0.0);
                        I.counter_current += k.current * JxW;
                        for (unsigned int i = 0; i < n; ++i)
                          {
                            const double w = ffv.shape_value(i, q);
                            if (w == 0 || field[i] > 1)
                              continue;
                            const double factor =
                              (field[i] == 0) ? (1 - tp) / F : 1.0;
                            cell_rhs(i) += w * factor * k.current * JxW;
                            if (with_jacobian)
                              for (unsigned int j = 0; j < n; ++j)
                                {
                                  const double d =
                                    (field[j] == 0) ?
                                      k.d_delectrolyte_concentration :
                                    (field[j] == 1) ? -k.d_doverpotential :
                                                      0.0;
                                  if (d != 0)
                                    cell_matrix(i, j) -= w * factor * d *
                                                         ffv.shape_value(j, q) *
                                                         JxW;
                                }
                          }
                      }
                  }
              }

          cell->get_dof_indices(dofs);
          if (with_jacobian)
            zero_constraints.distribute_local_to_global(cell_matrix,
                                                        cell_rhs,
                                                        dofs,
                                                        system_matrix,
                                                        system_rhs);
          else
            zero_constraints.distribute_local_to_global(cell_rhs,
                                                        dofs,
                                                        system_rhs);
        }

    system_rhs.compress(VectorOperation::add);
    if (with_jacobian)
      {
        system_matrix.compress(VectorOperation::add);
        for (const auto i : owned_dofs)
          {
            const double d      = std::abs(system_matrix.diag_element(i));
            inverse_diagonal[i] = (d > 0) ? inverse_scale[i] / d : 0.0;
          }
        inverse_diagonal.compress(VectorOperation::insert);
      }

    // Reduce the integrals over the ranks; per unit collector area.
    const double A   = geometry.cross_section_area();
    const auto   sum = [&](double &v) { v = Utilities::MPI::sum(v, comm) / A; };
    sum(I.electrolyte_lithium);
    for (unsigned int e = 0; e < 2; ++e)
      {
        sum(I.solid_lithium[e]);
        sum(I.lost_lithium[e]);
        sum(I.reaction_current[e]);
        sum(I.sei_current[e]);
        region_volume[e] = Utilities::MPI::sum(region_volume[e], comm);
        I.mean_stoichiometry[e] =
          (region_volume[e] > 0) ?
            Utilities::MPI::sum(I.mean_stoichiometry[e], comm) /
              region_volume[e] :
            0.0;
      }
    sum(I.counter_current);
    terminal_area = Utilities::MPI::sum(terminal_area, comm);
    I.terminal_potential =
      Utilities::MPI::sum(I.terminal_potential, comm) / terminal_area;
    electrode_volume = Utilities::MPI::sum(electrode_volume, comm);
    sei_volume       = Utilities::MPI::sum(sei_volume, comm);
    I.porosity_mean =
      Utilities::MPI::sum(I.porosity_mean, comm) / electrode_volume;
    I.porosity_min = Utilities::MPI::min(I.porosity_min, comm);
    I.porosity_max = Utilities::MPI::max(I.porosity_max, comm);
    I.sei_thickness_mean =
      (sei_volume > 0) ?
        Utilities::MPI::sum(I.sei_thickness_mean, comm) / sei_volume :
        0.0;
    I.sei_thickness_max = Utilities::MPI::max(I.sei_thickness_max, comm);
    I.surface_x_min     = Utilities::MPI::min(I.surface_x_min, comm);
    I.surface_x_max     = Utilities::MPI::max(I.surface_x_max, comm);
    I.max_dx            = Utilities::MPI::max(I.max_dx, comm);
    {
      // The clogged location of the lowest rank that has one.
      const unsigned long long mine = I.clogged_points;
      I.clogged_points              = Utilities::MPI::sum(mine, comm);
      const unsigned int rank       = Utilities::MPI::this_mpi_process(comm);
      const unsigned int first =
        Utilities::MPI::min(mine > 0 ? rank :
                                       std::numeric_limits<unsigned int>::max(),
                            comm);
      for (auto &x : I.clogged_location)
        x = Utilities::MPI::sum(rank == first ? x : 0.0, comm);
    }
    last_integrals = I;

    local_failure = Utilities::MPI::max(failed ? 1 : 0, comm) == 1;
    if (local_failure)
      {
        // A state at which a local update fails is outside the domain of
        // the constitutive laws: a non-finite residual makes the Newton
        // method damp its update (or reject the step at its start).
        failure_reason = failed ? failure : "local update failed on a rank";
        system_rhs     = std::numeric_limits<double>::quiet_NaN();
      }
  }



  template <int dim>
  unsigned int
  ElectrodeProblem<dim>::solve_linearized(LA::MPI::Vector &update,
                                          const double     forcing)
  {
    TimerOutput::Scope t(*timer, "linear solve");
    const unsigned int its = linear_solver.solve(system_matrix,
                                                 update,
                                                 system_rhs,
                                                 forcing,
                                                 &inverse_diagonal);
    zero_constraints.distribute(update);
    return its;
  }



  template <int dim>
  double
  ElectrodeProblem<dim>::update_norm(const LA::MPI::Vector &update) const
  {
    LA::MPI::Vector tmp(update);
    tmp.scale(inverse_scale);
    return tmp.linfty_norm();
  }



  template <int dim>
  double
  ElectrodeProblem<dim>::residual_norm() const
  {
    if (local_failure)
      return std::numeric_limits<double>::quiet_NaN();
    LA::MPI::Vector tmp(system_rhs);
    tmp.scale(inverse_diagonal);
    return tmp.linfty_norm();
  }



  template <int dim>
  bool
  ElectrodeProblem<dim>::is_admissible(const LA::MPI::Vector &state) const
  {
    // c_e stays above a small fraction of its initial value.
    bool ok = true;
    for (const auto i : owned_dofs)
      if (electrolyte_mask[i] > 0 &&
          !(state[i] > minimum_electrolyte_fraction * initial_electrolyte))
        ok = false;
    return Utilities::MPI::min(ok ? 1 : 0, comm) == 1;
  }



  template <int dim>
  LA::MPI::Vector
  ElectrodeProblem<dim>::residual_vector() const
  {
    LA::MPI::Vector r(system_rhs);
    r *= -1.0;
    return r;
  }



  template <int dim>
  bool
  ElectrodeProblem<dim>::advance()
  {
    solution = old_solution;
    constraints.distribute(solution);
    try
      {
        // The last assembly of the Newton method is at its final iterate:
        // the trial state and the integrals belong to the solution.
        failure_reason.clear();
        last_newton = newton.solve(*this, solution);
        if (!last_newton.converged && !failure_reason.empty())
          last_newton.failure_reason += "; " + failure_reason;
        return last_newton.converged;
      }
    catch (const std::exception &e)
      {
        last_newton                = NewtonResult();
        last_newton.failure_reason = e.what();
        return false;
      }
  }



  template <int dim>
  void
  ElectrodeProblem<dim>::accept_step()
  {
    for (const auto &cell : triangulation->active_cell_iterators())
      if (cell->is_locally_owned() && material_of(cell->material_id()))
        {
          auto c = committed_state.get_data(cell);
          auto t = trial_state.get_data(cell);
          for (unsigned int q = 0; q < c.size(); ++q)
            *c[q] = *t[q];
        }
    old_solution = solution;
    time += time_step;
  }



  template <int dim>
  void
  ElectrodeProblem<dim>::reject_step()
  {
    solution = old_solution;
    linear_solver.invalidate_preconditioner();
  }



  template <int dim>
  double
  ElectrodeProblem<dim>::cell_voltage() const
  {
    return last_integrals.terminal_potential;
  }



  template <int dim>
  double
  ElectrodeProblem<dim>::cell_current() const
  {
    // Half cell: the electrode at x = 0 takes up -int a_s i_tot; full cell:
    // the negative electrode releases int a_s i_tot.
    return (geometry.cell_type == CellType::half_cell) ?
             -last_integrals.reaction_current[0] :
             -last_integrals.reaction_current[1];
  }



  template <int dim>
  double
  ElectrodeProblem<dim>::total_lithium() const
  {
    const auto &I = last_integrals;
    return I.electrolyte_lithium + I.solid_lithium[0] + I.solid_lithium[1] +
           I.lost_lithium[0] + I.lost_lithium[1];
  }



  template <int dim>
  void
  ElectrodeProblem<dim>::write_output(const unsigned int index)
  {
    if (!write_vtu)
      return;
    TimerOutput::Scope t(*timer, "output");
    ghosted = solution;
    DataOut<dim> data_out;
    data_out.attach_dof_handler(dof_handler);
    std::vector<std::string> names = {"electrolyte_concentration",
                                      "electrolyte_potential",
                                      "solid_potential"};
    for (unsigned int d = 0; d < dim; ++d)
      names.emplace_back("displacement");
    std::vector<DataComponentInterpretation::DataComponentInterpretation>
      interp(3, DataComponentInterpretation::component_is_scalar);
    for (unsigned int d = 0; d < dim; ++d)
      interp.push_back(
        DataComponentInterpretation::component_is_part_of_vector);
    data_out.add_data_vector(ghosted,
                             names,
                             DataOut<dim>::type_dof_data,
                             interp);
    const char                  *cell_names[6] = {"porosity",
                                                  "sei_thickness",
                                                  "surface_stoichiometry",
                                                  "surface_hydrostatic_stress",
                                                  "intercalation_current_density",
                                                  "sei_current_density"};
    std::array<Vector<float>, 6> cell_data;
    for (unsigned int k = 0; k < 6; ++k)
      {
        cell_data[k].reinit(triangulation->n_active_cells());
        for (unsigned int c = 0; c < cell_output[k].size(); ++c)
          cell_data[k][c] = cell_output[k][c];
      }
    // The separator's porosity (DataOut copies cell data when added).
    for (const auto &cell : triangulation->active_cell_iterators())
      if (cell->is_locally_owned() && !material_of(cell->material_id()))
        cell_data[0][cell->active_cell_index()] =
          static_cast<float>(separator_porosity);
    for (unsigned int k = 0; k < 6; ++k)
      data_out.add_data_vector(cell_data[k], cell_names[k]);
    Vector<float> region(triangulation->n_active_cells());
    Vector<float> rank(triangulation->n_active_cells());
    for (const auto &cell : triangulation->active_cell_iterators())
      if (cell->is_locally_owned())
        {
          region[cell->active_cell_index()] = cell->material_id();
        }
    rank = static_cast<float>(Utilities::MPI::this_mpi_process(comm));
    data_out.add_data_vector(region, "material_id");
    data_out.add_data_vector(rank, "mpi_rank");
    data_out.build_patches(std::max(degree, displacement_degree));
    pvd.write(data_out, time, index, comm);
  }



  template <int dim>
  void
  ElectrodeProblem<dim>::run(const ParameterHandler &prm)
  {
    try
      {
        run_cycling(prm);
      }
    catch (const std::exception &e)
      {
        // Mark the output as not a result; main() prints the message.
        mark_run_failed(output_directory, e, comm);
        throw;
      }
  }



  template <int dim>
  void
  ElectrodeProblem<dim>::run_cycling(const ParameterHandler &prm)
  {
    const auto wall_start = std::chrono::steady_clock::now();
    const bool root       = Utilities::MPI::this_mpi_process(comm) == 0;
    start_run_output(output_directory, prm, comm);

    // The first step's operating point before the initial state, so that a
    // CV start is consistent.
    protocol.reset(0);
    const auto apply_step = [&]() {
      const ProtocolStep &s = protocol.current_step();
      if (s.kind == StepKind::constant_voltage)
        set_operating_point(OperatingMode::voltage, s.voltage);
      else
        set_operating_point(OperatingMode::current,
                            s.kind == StepKind::rest ? 0.0 : s.current);
    };
    setup();
    const bool half = geometry.cell_type == CellType::half_cell;
    pcout << "chemomech " << CHEMOMECH_VERSION << ": porous-electrode model, "
          << dim << "D " << (half ? "half cell" : "full cell") << ", "
          << Utilities::MPI::n_mpi_processes(comm) << " MPI rank(s), "
          << LA::backend_name << " linear algebra\n"
          << "  mesh: " << triangulation->n_global_active_cells() << " cells, "
          << dof_handler.n_dofs() << " unknowns (c_e, phi_e, phi_s, u)\n"
          << preconditioner_summary
          << (preconditioner_summary.empty() ? "" : "\n")
          << "  1C = " << one_c_current << " A/m^2, " << protocol.n_cycles()
          << " cycle(s) of " << protocol.steps().size() << " step(s)\n"
          << "  open-circuit voltage " << cell_voltage() << " V\n"
          << "  output: " << output_directory << "/\n";

    pvd.initialize(output_directory, "solution");
    statistics_csv.open(output_directory + "/statistics.csv",
                        {"time",
                         "dt",
                         "cycle",
                         "step",
                         "current",
                         "voltage",
                         "discharge_capacity",
                         "charge_capacity",
                         "soc",
                         "lithium_solid",
                         "lithium_electrolyte",
                         "lithium_sei",
                         "lithium_balance_error",
                         "charge_balance_error",
                         "porosity_mean",
                         "porosity_min",
                         "porosity_max",
                         "sei_thickness_mean",
                         "sei_thickness_max",
                         "surface_x_min",
                         "surface_x_max",
                         "newton_iterations",
                         "linear_iterations"},
                        root);
    cycles_csv.open(output_directory + "/cycles.csv",
                    {"cycle",
                     "end_time",
                     "discharge_capacity",
                     "charge_capacity",
                     "capacity_retention",
                     "coulombic_efficiency",
                     "lithium_lost",
                     "lithium_lost_fraction",
                     "sei_thickness_mean",
                     "porosity_min"},
                    root);

    double       discharge_q = 0, charge_q = 0, first_discharge_q = 0;
    double       lithium_before = total_lithium();
    const double initial_cyclable =
      last_integrals.solid_lithium[0] + last_integrals.solid_lithium[1];
    double     balance_error = 0, charge_error = 0;
    const auto write_stats = [&](const double dt, const double current) {
      const auto &I = last_integrals;
      statistics_csv.write_row(
        {time,
         dt,
         double(std::min(protocol.state().cycle + 1, protocol.n_cycles())),
         double(protocol.state().step + 1),
         current,
         cell_voltage(),
         discharge_q,
         charge_q,
         I.mean_stoichiometry[0],
         I.solid_lithium[0] + I.solid_lithium[1],
         I.electrolyte_lithium,
         I.lost_lithium[0] + I.lost_lithium[1],
         balance_error,
         charge_error,
         I.porosity_mean,
         I.porosity_min,
         I.porosity_max,
         I.sei_thickness_mean,
         I.sei_thickness_max,
         I.surface_x_min,
         I.surface_x_max,
         double(last_newton.iterations),
         double(last_newton.linear_iterations)});
    };
    last_newton = NewtonResult();
    write_stats(0, 0);
    unsigned int vtu_index = 0;
    write_output(vtu_index++);

    apply_step();
    CyclingObservables obs0{0, cell_voltage(), 0};
    double             dt_next = time_stepping.initial_step;
    unsigned int       steps = 0, rejected = 0, last_vtu = 0;
    bool               clog_reported = false;
    std::string        stop_reason   = "all cycles done";
    const double       t_end         = time_stepping.end_time;

    while (!protocol.finished())
      {
        if (time >= t_end * (1 - 1e-12))
          {
            stop_reason = "end time reached";
            break;
          }
        double dt =
          std::min({dt_next, protocol.max_time_step(time), t_end - time});
        dt = std::min(dt, time_stepping.maximum_step);
        set_time_step(dt);
        bool               ok = advance();
        CyclingObservables obs1{time + dt, cell_voltage(), cell_current()};
        if (ok && time_stepping.step_too_large(last_integrals.max_dx))
          {
            ok                         = false;
            last_newton.failure_reason = "particle stoichiometry changed by " +
                                         std::to_string(last_integrals.max_dx);
          }
        // A limit overshot by a step shorter than 1e-3 of the first step
        // after a switch is taken as reached (e.g. a limit met at once
        // after a switch): the step is accepted and the protocol moves on.
        if (ok && protocol.limit_overshot(obs1) &&
            dt > 1e-3 * protocol.max_time_step_after_switch)
          {
            ok                    = false;
            const LimitCrossing c = protocol.find_crossing(obs0, obs1);
            last_newton.failure_reason =
              "limit " + protocol.current_step().limits[c.limit].description() +
              " overshot";
            dt_next = dt * std::min(0.95, std::max(0.05, c.fraction));
          }
        else if (!ok)
          dt_next =
            (last_integrals.max_dx > 0 &&
             time_stepping.step_too_large(last_integrals.max_dx)) ?
              std::min(0.5 * dt,
                       time_stepping.next_step_size(dt,
                                                    last_integrals.max_dx)) :
              0.25 * dt;
        if (!ok)
          {
            ++rejected;
            reject_step();
            if (show_progress)
              pcout << "  step rejected at t = " << time << " s, dt = " << dt
                    << " s (" << last_newton.failure_reason
                    << "); retrying with dt = " << dt_next << " s\n";
            AssertThrow(dt_next >= time_stepping.minimum_step,
                        ExcMessage(
                          "the time step fell below 'Time stepping/Minimum "
                          "time step' at t = " +
                          std::to_string(time) +
                          " s: " + last_newton.failure_reason));
            continue;
          }

        // Accept.
        const double lithium_after = total_lithium();
        const double inflow =
          half ? last_integrals.counter_current * dt / constants::faraday : 0.0;
        balance_error =
          (lithium_after - lithium_before - inflow) / lithium_after;
        lithium_before = lithium_after;
        {
          const auto  &I   = last_integrals;
          const double tot = half ?
                               I.reaction_current[0] + I.counter_current :
                               I.reaction_current[0] + I.reaction_current[1];
          // relative to the 1C current density (a rest has no current)
          charge_error = tot / one_c_current;
        }
        accept_step();
        ++steps;
        if (obs1.current > 0)
          discharge_q += obs1.current * dt / constants::seconds_per_hour;
        else
          charge_q -= obs1.current * dt / constants::seconds_per_hour;
        write_stats(dt, obs1.current);

        if (last_integrals.clogged_points > 0 && !clog_reported)
          {
            std::ostringstream o;
            o << "pore clogging: the porosity reached its floor at "
              << last_integrals.clogged_points
              << " quadrature point(s), first at x = ("
              << last_integrals.clogged_location[0] << ", "
              << last_integrals.clogged_location[1] << ", "
              << last_integrals.clogged_location[2] << ") m, t = " << time
              << " s";
            pcout << "  EVENT " << o.str() << '\n';
            clog_reported = true;
            if (root)
              {
                std::ofstream ev(output_directory + "/events.txt",
                                 std::ios::app);
                ev << o.str() << '\n';
              }
            if (stop_on_clogging)
              {
                stop_reason = o.str();
                break;
              }
          }

        const unsigned int cycle_before = protocol.state().cycle;
        const bool         switched     = protocol.advance_if_done(obs1);
        if (switched)
          {
            if (protocol.state().cycle != cycle_before || protocol.finished())
              {
                if (cycle_before == 0)
                  first_discharge_q = discharge_q;
                const auto  &I    = last_integrals;
                const double lost = I.lost_lithium[0] + I.lost_lithium[1];
                cycles_csv.write_row(
                  {double(cycle_before + 1),
                   time,
                   discharge_q,
                   charge_q,
                   first_discharge_q > 0 ? discharge_q / first_discharge_q : 0,
                   discharge_q > 0 ? charge_q / discharge_q : 0,
                   lost,
                   lost / initial_cyclable,
                   I.sei_thickness_mean,
                   I.porosity_min});
                discharge_q = 0;
                charge_q    = 0;
              }
            if (!protocol.finished())
              apply_step();
            write_output(vtu_index++);
            last_vtu = steps;
          }
        else if (output_interval > 0 && steps % output_interval == 0)
          {
            write_output(vtu_index++);
            last_vtu = steps;
          }
        obs0 = {time,
                cell_voltage(),
                switched ? (mode == OperatingMode::current ? imposed_value :
                                                             obs1.current) :
                           obs1.current};

        if (show_progress)
          {
            const double elapsed =
              std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                            wall_start)
                .count();
            std::ostringstream line;
            line << "step " << std::setw(6) << steps
                 << "  t = " << std::scientific << std::setprecision(3) << time
                 << " s  dt = " << dt << " s  cycle "
                 << std::min(protocol.state().cycle + 1, protocol.n_cycles())
                 << " step " << protocol.state().step + 1
                 << "  I = " << std::fixed << std::setprecision(3)
                 << obs1.current << " A/m^2  V = " << std::setprecision(4)
                 << obs1.voltage << " V  Newton " << last_newton.iterations
                 << "  elapsed " << format_duration(elapsed);
            pcout << line.str() << std::endl;
          }
        if (switched)
          dt_next = std::max(dt_next, time_stepping.initial_step);
        else
          dt_next = time_stepping.next_step_size(dt, last_integrals.max_dx);
      }

    if (last_vtu != steps || steps == 0)
      write_output(vtu_index++);
    pcout << "stopped: " << stop_reason << " after " << steps << " steps ("
          << rejected << " rejected), t = " << time << " s\n"
          << "results: " << output_directory << "/statistics.csv, "
          << output_directory << "/cycles.csv"
          << (write_vtu ? ", " + output_directory + "/solution.pvd" :
                          std::string())
          << "\n";
    write_run_status(output_directory, "completed: " + stop_reason, comm);
  }



  template class ElectrodeProblem<1>;
  template class ElectrodeProblem<2>;
  template class ElectrodeProblem<3>;
} // namespace chemomech
