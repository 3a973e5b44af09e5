/**
 * @file stack_mechanics.h
 * @brief Mechanical boundary conditions of the electrode cell (subsection
 * "Electrode mechanics"): the current-collector face, the stack face
 * (free, stack pressure, rigid gap or spring) and rollers on the sides.
 */
#ifndef chemomech_physics_electrode_stack_mechanics_h
#define chemomech_physics_electrode_stack_mechanics_h

#include <deal.II/base/parameter_handler.h>

namespace chemomech
{
  /// Support of the face x = 0 (the negative current collector).
  enum class CollectorSupport
  {
    /// u_x = 0.
    clamped,
    /// Traction-free.
    free
  };

  /// Condition on the stack face x = L.
  enum class StackCondition
  {
    /// Traction-free: the cell grows freely in thickness.
    free,
    /// A given normal pressure p (stack pressure).
    pressure,
    /// A rigid can: u_x = g, the gap displacement.
    rigid,
    /// A stack of finite stiffness: pressure p + k u_x.
    spring
  };

  /**
   * @brief Mechanical boundary conditions of the electrode cell.
   *
   * The cell spans x in [0, L]. The face x = 0 is the negative current
   * collector; the face x = L (the stack face) is the positive collector of
   * a full cell, the lithium-metal side of a half cell. The lateral faces
   * are always on rollers (u.n = 0, no shear traction): the cell is a slab
   * cut from a wide electrode stack.
   *
   * Stack face: the outward normal traction is t = -p_stack n with
   *   pressure: p_stack = p,
   *   spring:   p_stack = p + k u_x (a pointwise, Winkler, spring; the same
   *             as a rigid plate on a spring of k per unit area when the face
   *             moves uniformly, as it does in a laterally uniform cell),
   *   rigid:    u_x = g instead (the reaction is the pressure),
   *   free:     t = 0.
   * Pressures are positive in compression. A free collector face needs a
   * rigid or spring stack face to fix the cell in x.
   */
  class StackMechanics
  {
  public:
    /// Declares subsection "Electrode mechanics".
    static void
    declare_parameters(dealii::ParameterHandler &prm);

    /// Reads and validates subsection "Electrode mechanics".
    void
    parse_parameters(dealii::ParameterHandler &prm);

    /// Whether the stack face carries a traction (pressure or spring).
    bool
    has_face_traction() const;

    /**
     * @brief The pressure on the stack face at its normal displacement
     * @p displacement (u_x, m): p, p + k u_x, or 0. Units: Pa.
     */
    double
    face_pressure(const double displacement) const;

    /// d face_pressure / d u_x: k for a spring, else 0. Units: Pa/m.
    double
    face_pressure_derivative() const;

    /// Support of the collector face x = 0.
    CollectorSupport collector = CollectorSupport::clamped;
    /// Condition of the stack face x = L.
    StackCondition stack = StackCondition::free;
    /// Stack pressure p (pressure and spring). Units: Pa.
    double pressure = 0;
    /// Stack stiffness k (spring). Units: Pa/m.
    double stiffness = 1e12;
    /// Prescribed displacement g of the stack face (rigid). Units: m.
    double gap_displacement = 0;
  };
} // namespace chemomech

#endif
