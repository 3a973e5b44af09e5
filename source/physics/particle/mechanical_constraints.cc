#include <chemomech/core/parameter_checks.h>
#include <chemomech/physics/particle/mechanical_constraints.h>

#include <deal.II/base/mpi.h>
#include <deal.II/dofs/dof_tools.h>
#include <deal.II/fe/fe.h>
#include <deal.II/numerics/vector_tools.h>

#include <cmath>
#include <limits>

namespace chemomech
{
  namespace
  {
    std::set<dealii::types::boundary_id>
    parse_ids(const std::string &name, const std::string &text)
    {
      std::set<dealii::types::boundary_id> ids;
      for (const double v : parse_double_list(name, text))
        {
          check_range(name, v, 0, Bound::closed, 255, Bound::closed);
          ids.insert(static_cast<dealii::types::boundary_id>(v));
        }
      return ids;
    }



    /// The mesh vertex (among locally owned cells on all ranks) nearest to
    /// @p target; ties broken by coordinates, so every rank agrees.
    template <int dim>
    dealii::Point<dim>
    nearest_vertex(const dealii::DoFHandler<dim> &dof_handler,
                   const dealii::Point<dim>      &target)
    {
      double             best = std::numeric_limits<double>::max();
      dealii::Point<dim> best_point;
      for (const auto &cell : dof_handler.active_cell_iterators())
        if (cell->is_locally_owned())
          for (const unsigned int v : cell->vertex_indices())
            {
              const double d = cell->vertex(v).distance(target);
              if (d < best)
                {
                  best       = d;
                  best_point = cell->vertex(v);
                }
            }
      const MPI_Comm comm = dof_handler.get_communicator();
      const auto     all =
        dealii::Utilities::MPI::all_gather(comm,
                                           std::make_pair(best, best_point));
      auto result = all[0];
      for (const auto &candidate : all)
        if (candidate.first < result.first - 1e-14 * std::abs(result.first))
          result = candidate;
      return result.second;
    }
  } // namespace



  template <int dim>
  void
  MechanicalConstraints<dim>::declare_parameters(dealii::ParameterHandler &prm)
  {
    prm.enter_subsection("Mechanics");
    prm.declare_entry("Symmetry boundary ids",
                      "1, 2, 3",
                      dealii::Patterns::Anything(),
                      "Boundary ids of symmetry planes (zero normal "
                      "displacement). Each id's faces must share one "
                      "coordinate-axis normal. Ids absent from the mesh are "
                      "ignored.");
    prm.declare_entry("Clamped boundary ids",
                      "",
                      dealii::Patterns::Anything(),
                      "Boundary ids with zero displacement.");
    prm.declare_entry("Rigid body motion",
                      "auto",
                      dealii::Patterns::Selection("auto|constrain|none"),
                      "How rigid-body motions of a free body are removed: "
                      "constrain: a statically determinate 3-2-1 support that "
                      "does not stress the body; auto: constrain when the "
                      "mesh has no symmetry and no clamped face; none: "
                      "never.");
    prm.leave_subsection();
  }



  template <int dim>
  void
  MechanicalConstraints<dim>::parse_parameters(dealii::ParameterHandler &prm)
  {
    prm.enter_subsection("Mechanics");
    symmetry_ids         = parse_ids("Mechanics/Symmetry boundary ids",
                             prm.get("Symmetry boundary ids"));
    clamped_ids          = parse_ids("Mechanics/Clamped boundary ids",
                            prm.get("Clamped boundary ids"));
    const std::string rb = prm.get("Rigid body motion");
    rigid_body           = (rb == "auto") ? RigidBodyConstraint::automatic :
                           (rb == "constrain") ? RigidBodyConstraint::constrain :
                                                 RigidBodyConstraint::none;
    prm.leave_subsection();
  }



  template <int dim>
  void
  MechanicalConstraints<dim>::make_constraints(
    const dealii::DoFHandler<dim>     &dof_handler,
    const dealii::Point<dim>          &centre,
    const double                       length,
    dealii::AffineConstraints<double> &constraints) const
  {
    using namespace dealii;
    const MPI_Comm     comm         = dof_handler.get_communicator();
    const unsigned int n_components = dof_handler.get_fe().n_components();

    // Which ids exist in the mesh, and the normal axis of each symmetry id.
    std::vector<unsigned int> present(256, 0);
    std::vector<int>          axis(256, -1);
    for (const auto &cell : dof_handler.active_cell_iterators())
      if (cell->is_locally_owned())
        for (const auto &face : cell->face_iterators())
          if (face->at_boundary())
            {
              const auto id = face->boundary_id();
              check_condition(id < 256,
                              "boundary id " + std::to_string(id) +
                                " is above 255; renumber the gmsh physical "
                                "surface tags to 0..255");
              present[id] = 1;
              if (symmetry_ids.count(id))
                {
                  // Normal from the face's vertices: the axis along which
                  // all vertices share one coordinate.
                  int found = -1;
                  for (unsigned int d = 0; d < dim; ++d)
                    {
                      bool same = true;
                      for (const unsigned int v : face->vertex_indices())
                        if (std::abs(face->vertex(v)[d] - face->vertex(0)[d]) >
                            1e-10 * length)
                          same = false;
                      if (same)
                        found = d;
                    }
                  check_condition(found >= 0 &&
                                    (axis[id] < 0 || axis[id] == found),
                                  "Mechanics/Symmetry boundary ids: the faces "
                                  "of boundary id " +
                                    std::to_string(id) +
                                    " are not one plane normal to a "
                                    "coordinate axis");
                  axis[id] = found;
                }
            }
    MPI_Allreduce(MPI_IN_PLACE,
                  present.data(),
                  256,
                  MPI_UNSIGNED,
                  MPI_MAX,
                  comm);
    std::vector<int> axis_plus_one(256);
    for (unsigned int i = 0; i < 256; ++i)
      axis_plus_one[i] = axis[i] + 1;
    MPI_Allreduce(MPI_IN_PLACE,
                  axis_plus_one.data(),
                  256,
                  MPI_INT,
                  MPI_MAX,
                  comm);

    // Zero displacement in the components of @p mask on boundary @p id.
    bool       any_support = false;
    const auto fix         = [&](const types::boundary_id id,
                         const ComponentMask     &mask) {
      any_support = true;
      VectorTools::interpolate_boundary_values(dof_handler,
                                               id,
                                               Functions::ZeroFunction<dim>(
                                                 n_components),
                                               constraints,
                                               mask);
    };
    for (const auto id : symmetry_ids)
      if (present[id])
        {
          ComponentMask mask(n_components, false);
          mask.set(axis_plus_one[id] - 1, true);
          fix(id, mask);
        }
    for (const auto id : clamped_ids)
      if (present[id])
        {
          ComponentMask mask(n_components, false);
          for (unsigned int d = 0; d < dim; ++d)
            mask.set(d, true);
          fix(id, mask);
        }

    const bool use_321 =
      rigid_body == RigidBodyConstraint::constrain ||
      (rigid_body == RigidBodyConstraint::automatic && !any_support);
    if (!use_321)
      return;

    const Point<dim> a  = nearest_vertex(dof_handler, centre);
    Point<dim>       tb = a, tc = a;
    tb[0] += 0.5 * length;
    tc[1] += 0.5 * length;
    const Point<dim> b = nearest_vertex(dof_handler, tb);
    const Point<dim> c = nearest_vertex(dof_handler, tc);

    // (point, components to fix)
    std::vector<std::pair<Point<dim>, std::vector<unsigned int>>> supports;
    if (dim == 2)
      supports = {{a, {0, 1}}, {b, {1}}};
    else
      supports = {{a, {0, 1, 2}}, {b, {1, 2}}, {c, {2}}};

    const double tol = 1e-10 * length;
    for (const auto &cell : dof_handler.active_cell_iterators())
      if (!cell->is_artificial())
        for (const unsigned int v : cell->vertex_indices())
          for (const auto &support : supports)
            if (cell->vertex(v).distance(support.first) < tol)
              for (const unsigned int comp : support.second)
                {
                  // On a vertex, FESystem numbers dofs by base element and
                  // multiplicity, so displacement component d is index d.
                  const types::global_dof_index dof =
                    cell->vertex_dof_index(v, comp);
                  if (!constraints.is_constrained(dof))
                    constraints.add_line(dof);
                }
  }



  template class MechanicalConstraints<2>;
  template class MechanicalConstraints<3>;
} // namespace chemomech
