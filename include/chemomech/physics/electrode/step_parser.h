/**
 * @file step_parser.h
 * @brief The parser of one step of "Cycling/Steps" (grammar in
 * CyclingProtocol).
 */
#ifndef chemomech_physics_electrode_step_parser_h
#define chemomech_physics_electrode_step_parser_h

#include <chemomech/physics/electrode/cycling_protocol.h>

#include <string>

namespace chemomech
{
  /**
   * @brief Parses the text of one step of "Cycling/Steps", e.g. "CC
   * discharge 1C until V<3.0", the @p index-th (from 0) of the list (for
   * messages). Throws InvalidParameter naming the parameter, the step and
   * the expected grammar. C-rates are left unconverted (NaN currents).
   */
  ProtocolStep
  parse_protocol_step(const std::string &text, const unsigned int index);
} // namespace chemomech

#endif
