#include <chemomech/core/parameter_checks.h>
#include <chemomech/core/range_spec.h>
#include <chemomech/physics/electrode/stack_mechanics.h>

namespace chemomech
{
  namespace
  {
    /// Allowed ranges of the entries (declared patterns and checks).
    const RangeSpec
      stack_pressure_range(0, Bound::closed, 1e9, Bound::closed, "Pa");
    const RangeSpec
      stack_stiffness_range(0, Bound::open, 1e18, Bound::closed, "Pa/m");
    const RangeSpec
      gap_displacement_range(-1e-3, Bound::closed, 1e-3, Bound::closed, "m");
  } // namespace



  void
  StackMechanics::declare_parameters(dealii::ParameterHandler &prm)
  {
    using dealii::Patterns::Selection;
    const StackMechanics d;
    prm.enter_subsection("Electrode mechanics");
    prm.declare_entry("Collector face",
                      "clamped",
                      Selection("clamped|free"),
                      "The face x = 0 (negative current collector): clamped "
                      "(u_x = 0) or free (traction-free; needs a rigid or "
                      "spring stack face). The lateral faces are always on "
                      "rollers (u.n = 0).");
    prm.declare_entry(
      "Stack face",
      "free",
      Selection("free|pressure|rigid|spring"),
      "The face x = L (positive collector of a full cell, lithium-metal side "
      "of a half cell): free (traction-free), pressure (normal pressure "
      "'Stack pressure'), rigid (u_x = 'Gap displacement': a rigid can) or "
      "spring (pressure 'Stack pressure' + 'Stack stiffness' u_x: a stack of "
      "finite stiffness).");
    prm.declare_entry("Stack pressure",
                      parameter_text(d.pressure),
                      *stack_pressure_range.pattern(),
                      "Pressure p on the stack face (pressure and spring), "
                      "compression positive. Units: Pa. Range: [0, 1e9].");
    prm.declare_entry("Stack stiffness",
                      parameter_text(d.stiffness),
                      *stack_stiffness_range.pattern(),
                      "Stiffness k of the stack per unit face area (spring): "
                      "the pressure rises by k u_x as the cell grows by u_x. "
                      "Units: Pa/m. Range: (0, 1e18].");
    prm.declare_entry("Gap displacement",
                      parameter_text(d.gap_displacement),
                      *gap_displacement_range.pattern(),
                      "Displacement u_x of the stack face held by a rigid can "
                      "(rigid): 0 keeps the thickness of the assembled cell, "
                      "a negative value compresses it. Units: m. Range: "
                      "[-1e-3, 1e-3].");
    prm.leave_subsection();
  }



  void
  StackMechanics::parse_parameters(dealii::ParameterHandler &prm)
  {
    prm.enter_subsection("Electrode mechanics");
    collector           = (prm.get("Collector face") == "clamped") ?
                            CollectorSupport::clamped :
                            CollectorSupport::free;
    const std::string s = prm.get("Stack face");
    stack               = (s == "free")     ? StackCondition::free :
                          (s == "pressure") ? StackCondition::pressure :
                          (s == "rigid")    ? StackCondition::rigid :
                                              StackCondition::spring;
    pressure            = prm.get_double("Stack pressure");
    stiffness           = prm.get_double("Stack stiffness");
    gap_displacement    = prm.get_double("Gap displacement");
    prm.leave_subsection();

    const std::string p = "Electrode mechanics/";
    stack_pressure_range.check(p + "Stack pressure", pressure);
    stack_stiffness_range.check(p + "Stack stiffness", stiffness);
    gap_displacement_range.check(p + "Gap displacement", gap_displacement);
    check_condition(collector == CollectorSupport::clamped ||
                      stack == StackCondition::rigid ||
                      stack == StackCondition::spring,
                    "parameter 'Electrode mechanics/Collector face' = free "
                    "needs 'Electrode mechanics/Stack face' = rigid or spring "
                    "(otherwise nothing holds the cell in x)");
  }



  bool
  StackMechanics::has_face_traction() const
  {
    return stack == StackCondition::pressure || stack == StackCondition::spring;
  }



  double
  StackMechanics::face_pressure(const double displacement) const
  {
    switch (stack)
      {
        case StackCondition::pressure:
          return pressure;
        case StackCondition::spring:
          return pressure + stiffness * displacement;
        default:
          return 0;
      }
  }



  double
  StackMechanics::face_pressure_derivative() const
  {
    return (stack == StackCondition::spring) ? stiffness : 0.0;
  }
} // namespace chemomech
