/**
 * @file checkpoint_archive.h
 * @brief The contents of a checkpoint: named numbers and texts (the run's
 * scalars, written by rank 0) and named per-cell records (each rank's
 * locally owned cells), with exact round trips.
 */
#ifndef chemomech_io_checkpoint_archive_h
#define chemomech_io_checkpoint_archive_h

#include <functional>
#include <map>
#include <mpi.h>
#include <string>
#include <vector>

namespace chemomech
{
  /**
   * @brief Named data of a checkpoint.
   *
   * Scalars: keys (no white space) with a list of doubles or a text line,
   * written by rank 0 as text with 17 significant digits (an exact round
   * trip of every double) to @p directory/state.txt. Cells: keys (e.g.
   * "solution:" + the CellId of a cell, which does not depend on the number
   * of ranks) with a list of doubles; every rank writes the records of its
   * own cells in binary to @p directory/cells-<rank>.bin, and reading keeps
   * the records a filter accepts from all files, so that a checkpoint
   * written on P ranks is read on any number of ranks.
   */
  class CheckpointArchive
  {
  public:
    /// Stores the numbers @p values under @p key.
    void
    set(const std::string &key, const std::vector<double> &values);

    /// Stores one number.
    void
    set(const std::string &key, const double value);

    /// Stores a text (one line, no newline).
    void
    set_text(const std::string &key, const std::string &text);

    /// The numbers under @p key; throws naming the key if there are none.
    const std::vector<double> &
    get(const std::string &key) const;

    /// The first number under @p key.
    double
    get_double(const std::string &key) const;

    /// The text under @p key; throws naming the key if there is none.
    const std::string &
    get_text(const std::string &key) const;

    /// Whether numbers or a text are stored under @p key.
    bool
    has(const std::string &key) const;

    /// Adds the record @p values of a cell under @p key.
    void
    set_cell(const std::string &key, const std::vector<double> &values);

    /// The cell record under @p key (nullptr if absent).
    const std::vector<double> *
    find_cell(const std::string &key) const;

    /**
     * @brief Writes the scalars (rank 0) and this rank's cell records into
     * the existing directory @p directory. Collective.
     */
    void
    write(const std::string &directory, const MPI_Comm comm) const;

    /**
     * @brief Reads @p directory: the scalars, and from every cells-*.bin
     * the cell records whose key @p keep accepts. Throws with the file's
     * name if a file is missing or damaged. Collective.
     */
    void
    read(const std::string                              &directory,
         const std::function<bool(const std::string &)> &keep,
         const MPI_Comm                                  comm);

  private:
    std::map<std::string, std::vector<double>> numbers;
    std::map<std::string, std::string>         texts;
    std::map<std::string, std::vector<double>> cells;
  };
} // namespace chemomech

#endif
