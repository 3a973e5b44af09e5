/**
 * @file input_prescan.h
 * @brief The few entries of a parameter file that decide which parameters
 * are declared and with which defaults: the model, the dimension and the
 * presets. Read once, with deal.II's own parser, before the full parse.
 */
#ifndef chemomech_io_input_prescan_h
#define chemomech_io_input_prescan_h

#include <string>

namespace chemomech
{
  class InputFile;

  /// The model a parameter file selects ("Model").
  enum class ModelKind
  {
    /// One or more active particles: coupled diffusion and elasticity.
    particle,
    /// The porous-electrode cell.
    electrode
  };

  /**
   * @brief Model, Dimension and the presets of an input file.
   *
   * read() parses the file (with its "include"s, see InputFile) into a
   * ParameterHandler
   * that declares only these entries and skips all others; the values are
   * kept as text, except the model. The full parse later checks every entry
   * against its pattern, so a malformed value is reported there with the
   * model's own range.
   */
  struct InputPrescan
  {
    /// Reads @p input_file (InputFile::read(); throws InvalidParameter if
    /// it cannot be read or is refused).
    static InputPrescan
    read(const std::string &input_file);

    /// The pre-scan's entries of the assembled @p input.
    static InputPrescan
    from_input(const InputFile &input);

    /// As read(), from the text of a parameter file.
    static InputPrescan
    from_string(const std::string &text);

    /// "Model".
    ModelKind model = ModelKind::particle;
    /// "Dimension" as written ("" if absent).
    std::string dimension;
    /// "Negative electrode/Preset" (default_negative_preset if absent).
    std::string negative_preset = default_negative_preset;
    /// "Positive electrode/Preset" (default_positive_preset if absent).
    std::string positive_preset = default_positive_preset;
    /// "Electrolyte preset" (default_electrolyte_preset if absent).
    std::string electrolyte_preset = default_electrolyte_preset;

    /// The default cell of the electrode model: the LG M50 cell of Chen et
    /// al., J. Electrochem. Soc. 167 (2020) 080534 (graphite | NMC811 in
    /// LiPF6).
    static constexpr const char *default_negative_preset    = "graphite";
    static constexpr const char *default_positive_preset    = "NMC811";
    static constexpr const char *default_electrolyte_preset = "LiPF6";
  };
} // namespace chemomech

#endif
