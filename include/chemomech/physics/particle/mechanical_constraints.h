/**
 * @file mechanical_constraints.h
 * @brief Displacement conditions of a particle (subsection "Mechanics"):
 * symmetry planes, clamped faces, and removal of rigid-body motions of a
 * free body by a statically determinate (3-2-1) support.
 */
#ifndef chemomech_physics_particle_mechanical_constraints_h
#define chemomech_physics_particle_mechanical_constraints_h

#include <deal.II/base/parameter_handler.h>
#include <deal.II/base/types.h>
#include <deal.II/dofs/dof_handler.h>
#include <deal.II/fe/mapping.h>
#include <deal.II/lac/affine_constraints.h>

#include <set>

namespace chemomech
{
  /// How rigid-body motions are removed.
  enum class RigidBodyConstraint
  {
    /// 3-2-1 support when no symmetry or clamped face is present.
    automatic,
    /// Always a 3-2-1 support.
    constrain,
    /// Never (the other conditions must remove them).
    none
  };

  /**
   * @brief Adds the displacement constraints to an AffineConstraints object.
   *
   * A symmetry face (all its faces must share one axis-aligned normal)
   * fixes the normal displacement component. A clamped face fixes all
   * components. The 3-2-1 support fixes all components at the vertex A
   * nearest the particle centre, the two components normal to x at the
   * vertex B nearest A + L/2 e_x and the z component at the vertex C nearest
   * A + L/2 e_y (2D: A fixed, y at B). It is statically determinate, so the
   * self-equilibrated loads of an eigenstrain produce no reactions and the
   * stress is that of a free body.
   */
  template <int dim>
  class MechanicalConstraints
  {
  public:
    /// Declares subsection "Mechanics".
    static void
    declare_parameters(dealii::ParameterHandler &prm);

    /// Reads subsection "Mechanics".
    void
    parse_parameters(dealii::ParameterHandler &prm);

    /**
     * @brief Adds homogeneous displacement constraints for the first dim
     * components of @p dof_handler's element.
     * @param centre Particle centre. Units: m.
     * @param length Particle size for the 3-2-1 support. Units: m.
     */
    void
    make_constraints(const dealii::DoFHandler<dim>     &dof_handler,
                     const dealii::Point<dim>          &centre,
                     const double                       length,
                     dealii::AffineConstraints<double> &constraints) const;

    /// Symmetry boundary ids.
    std::set<dealii::types::boundary_id> symmetry_ids = {1, 2, 3};
    /// Clamped boundary ids.
    std::set<dealii::types::boundary_id> clamped_ids;
    /// Rigid-body handling.
    RigidBodyConstraint rigid_body = RigidBodyConstraint::automatic;
  };
} // namespace chemomech

#endif
