/**
 * @file statistics_table.h
 * @brief One CSV time series of a run (statistics.csv, cycles.csv): named
 * columns, each with its unit and number format, written row by row by MPI
 * rank 0.
 */
#ifndef chemomech_io_statistics_table_h
#define chemomech_io_statistics_table_h

#include <fstream>
#include <map>
#include <string>
#include <vector>

namespace chemomech
{
  /// How the values of a column are printed.
  enum class ColumnFormat
  {
    /// %.10e: reals, comparable with numdiff.
    real,
    /// An integer (rounded to the nearest): counters and indices.
    integer
  };

  /// One column of a StatisticsTable or a CsvWriter.
  struct StatisticsColumn
  {
    /// Name (snake_case), by which rows are filled.
    std::string name;
    /// SI unit of the values ("s", "mol/m^2"), "-" for a dimensionless
    /// number, empty for a count or an index (which has no unit).
    std::string unit;
    /// Number format.
    ColumnFormat format = ColumnFormat::real;

    /// The header label: "name [unit]", or "name" when the unit is empty.
    std::string
    label() const
    {
      return unit.empty() ? name : name + " [" + unit + "]";
    }
  };

  /**
   * @brief @p value as a CSV field in @p format: "%.10e" for reals, the
   * nearest integer for integers (non-finite values are written as reals);
   * magnitudes below 1e-300 are written as 0.
   */
  std::string
  format_csv_value(const double value, const ColumnFormat format);

  /**
   * @brief A CSV table with a fixed list of named columns.
   *
   * Columns are declared first (add_column()), then the file is opened and
   * rows are filled by name (set()) and written (write_row()); a row must
   * set every column. Values whose magnitude is below 1e-300 are written as
   * 0, so that roundoff noise does not differ between runs on different
   * numbers of ranks. The header row holds the column labels
   * ("time [s]", "mean_x [-]", "newton_iterations": StatisticsColumn::label()).
   */
  class StatisticsTable
  {
  public:
    /// Declares a column at the end of the row (names must be unique);
    /// @p unit as in StatisticsColumn::unit.
    void
    add_column(const std::string &name,
               const std::string &unit,
               const ColumnFormat format = ColumnFormat::real);

    /**
     * @brief Opens @p file_name (truncating it) and writes the header.
     * @param active Whether this process writes (rank 0); the others only
     * check the rows.
     */
    void
    open(const std::string &file_name, const bool active);

    /**
     * @brief Reopens @p file_name of an interrupted run to continue it:
     * keeps its header and first @p rows rows (those of the checkpoint the
     * run resumes from), drops the rest, and appends from there. Throws
     * naming the file if it has fewer rows or another header.
     */
    void
    reopen(const std::string &file_name,
           const bool         active,
           const unsigned int rows);

    /// Rows written since open() (or kept by reopen()).
    unsigned int
    n_rows() const
    {
      return rows_written;
    }

    /// Sets the value of column @p name in the current row.
    void
    set(const std::string &name, const double value);

    /// Writes the current row (every column must be set) and clears it.
    void
    write_row();

    /// The declared columns, in order.
    const std::vector<StatisticsColumn> &
    columns() const
    {
      return cols;
    }

  private:
    std::vector<StatisticsColumn>       cols;
    std::map<std::string, unsigned int> index;
    std::vector<double>                 row;
    std::vector<bool>                   is_set;
    std::ofstream                       out;
    bool                                active       = false;
    unsigned int                        rows_written = 0;
  };
} // namespace chemomech

#endif
