/**
 * @file bpx_import.h
 * @brief A BPX parameter file (JSON, battery parameter exchange format of
 * the Faraday Institution) turned into parameter lines of the electrode
 * model ("set Parameter set = file.json").
 */
#ifndef chemomech_io_bpx_import_h
#define chemomech_io_bpx_import_h

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace chemomech
{
  /**
   * @brief Maps the fields of a BPX file onto the electrode model's
   * parameters, with the unit conversions of one mapping table
   * (source/io/bpx_import.cc; listed in doc/user-guide.md, "BPX parameter
   * sets").
   *
   * Functions of the stoichiometry (particle diffusivity, OCP) become
   * muparser expressions in x or tables; functions of the electrolyte
   * concentration are evaluated at the initial electrolyte concentration
   * (chemomech's electrolyte is "constant" then). chemomech is isothermal:
   * every property is taken at the BPX reference temperature T_ref, where
   * the Arrhenius factors are 1 and "Temperature" is set to T_ref. Fields
   * with another unit than the table's are converted when the unit is known
   * (e.g. um, cm, mS.cm-1, mol.dm-3), otherwise refused. Fields the table
   * does not map are listed by report() with the reason.
   *
   * Every error is an InvalidParameter naming the parameter 'Parameter set',
   * the file and the field.
   */
  class BpxImport
  {
  public:
    /// Reads and maps the BPX file @p file_name.
    static BpxImport
    read(const std::string &file_name);

    /// Maps the BPX text @p json_text; @p file_name is for messages.
    static BpxImport
    parse(const std::string &json_text, const std::string &file_name);

    /**
     * @brief Input preprocessing: if @p code (a line without its comment)
     * is "set Parameter set = FILE" with a non-empty FILE, the line with
     * FILE resolved against @p dir (if relative) followed by the lines of
     * prm_lines(), and the report printed on rank 0; otherwise {@p line}.
     */
    static std::vector<std::string>
    splice(const std::string &line,
           const std::string &code,
           const std::string &dir);

    /// The chemomech parameters set: (path "A/B/Name", value), in order.
    const std::vector<std::pair<std::string, std::string>> &
    parameters() const;

    /// The value given to the chemomech parameter @p path (throws if none).
    const std::string &
    value(const std::string &path) const;

    /// parameters() as "subsection ... set Name = value ... end" lines.
    std::vector<std::string>
    prm_lines() const;

    /// The BPX fields not mapped: (path in the file, reason).
    const std::vector<std::pair<std::string, std::string>> &
    ignored() const;

    /// One message: what was read, T_ref, the ignored fields and why.
    std::string
    report() const;

    /// BPX reference temperature T_ref (298.15 if the file has none).
    /// Units: K.
    double
    reference_temperature() const;

  private:
    /// The file's name, for messages.
    std::string file_name;
    /// The parsed file.
    nlohmann::json root;
    /// Paths of the fields consumed by the mapping.
    std::vector<std::string> used;
    /// The mapped parameters.
    std::vector<std::pair<std::string, std::string>> mapped;
    /// The ignored fields.
    std::vector<std::pair<std::string, std::string>> unmapped;
    /// Notes for the report (defaults taken, evaluations).
    std::vector<std::string> notes;
    /// T_ref. Units: K.
    double t_ref = 298.15;
    /// Initial electrolyte concentration. Units: mol/m^3.
    double c_e0 = 1000;
    /// Initial state of charge (1 if the file has none).
    double soc = 1;
  };
} // namespace chemomech

#endif
