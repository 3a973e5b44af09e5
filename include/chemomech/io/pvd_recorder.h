/**
 * @file pvd_recorder.h
 * @brief Parallel VTU output (.vtu per rank, .pvtu per step) and the .pvd
 * time series that ParaView opens.
 */
#ifndef chemomech_io_pvd_recorder_h
#define chemomech_io_pvd_recorder_h

#include <deal.II/numerics/data_out.h>

#include <mpi.h>
#include <string>
#include <utility>
#include <vector>

namespace chemomech
{
  class CheckpointArchive;

  /**
   * @brief Writes DataOut objects as solution-NNNNN.pvtu in a directory and
   * keeps @p base.pvd up to date after every write.
   */
  class PvdRecorder
  {
  public:
    /// @param directory Output directory (exists). @param base File stem.
    void
    initialize(const std::string &directory, const std::string &base);

    /**
     * @brief Writes @p data_out for @p time (s) as step @p index and
     * rewrites the .pvd record (rank 0).
     */
    template <int dim>
    void
    write(const dealii::DataOut<dim> &data_out,
          const double                time,
          const unsigned int          index,
          const MPI_Comm              comm);

    /// Continues the series of a resumed run with @p records (as returned
    /// by records() when its checkpoint was written).
    void
    restore(const std::vector<std::pair<double, std::string>> &records);

    /// Stores records() in @p archive under @p key (times and names).
    void
    save(CheckpointArchive &archive, const std::string &key) const;

    /// restore() from what save() stored under @p key.
    void
    load(const CheckpointArchive &archive, const std::string &key);

    /// (time, .pvtu file name) written so far.
    const std::vector<std::pair<double, std::string>> &
    records() const
    {
      return times_and_names;
    }

  private:
    std::string                                 directory;
    std::string                                 base;
    std::vector<std::pair<double, std::string>> times_and_names;
  };
} // namespace chemomech

#endif
