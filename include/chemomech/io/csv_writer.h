/**
 * @file csv_writer.h
 * @brief CSV time series written by MPI rank 0 from reduced scalars.
 */
#ifndef chemomech_io_csv_writer_h
#define chemomech_io_csv_writer_h

#include <fstream>
#include <string>
#include <vector>

namespace chemomech
{
  /**
   * @brief A CSV file with a header row; numbers in a fixed format
   * (%.10e) so that files are comparable with numdiff. Only the rank that
   * constructs it with @p active = true writes.
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
    open(const std::string              &file_name,
         const std::vector<std::string> &columns,
         const bool                      active);

    /**
     * @brief Continues @p file_name (restored by a resumed run to its
     * content at the checkpoint): appends rows after its last line.
     */
    void
    append(const std::string              &file_name,
           const std::vector<std::string> &columns,
           const bool                      active);

    /// Writes one row; its size must equal the number of columns.
    void
    write_row(const std::vector<double> &values);

    /// Number of columns.
    unsigned int
    n_columns() const
    {
      return n_cols;
    }

  private:
    std::ofstream out;
    unsigned int  n_cols = 0;
    bool          active = false;
  };
} // namespace chemomech

#endif
