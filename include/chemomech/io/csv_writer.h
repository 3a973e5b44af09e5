/**
 * @file csv_writer.h
 * @brief CSV time series written by MPI rank 0 from reduced scalars.
 */
#ifndef chemomech_io_csv_writer_h
#define chemomech_io_csv_writer_h

#include <chemomech/io/statistics_table.h>

#include <fstream>
#include <string>
#include <vector>

namespace chemomech
{
  /**
   * @brief A CSV file with a header row of column labels ("name [unit]",
   * StatisticsColumn::label()) and rows given as vectors, each value in its
   * column's format (format_csv_value()), so that files are comparable with
   * numdiff. Only the rank that opens it with @p active = true writes.
   */
  class CsvWriter
  {
  public:
    CsvWriter() = default;

    /**
     * @brief Opens @p file_name (truncating it) and writes the header.
     * @param active Whether this process writes (rank 0).
     */
    void
    open(const std::string                   &file_name,
         const std::vector<StatisticsColumn> &columns,
         const bool                           active);

    /**
     * @brief Continues @p file_name (restored by a resumed run to its
     * content at the checkpoint): appends rows after its last line.
     */
    void
    append(const std::string                   &file_name,
           const std::vector<StatisticsColumn> &columns,
           const bool                           active);

    /// Writes one row; its size must equal the number of columns.
    void
    write_row(const std::vector<double> &values);

    /// Number of columns.
    unsigned int
    n_columns() const
    {
      return cols.size();
    }

  private:
    std::ofstream                 out;
    std::vector<StatisticsColumn> cols;
    bool                          active = false;
  };
} // namespace chemomech

#endif
