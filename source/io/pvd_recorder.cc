#include <chemomech/io/checkpoint_archive.h>
#include <chemomech/io/pvd_recorder.h>

#include <deal.II/base/data_out_base.h>
#include <deal.II/base/mpi.h>

#include <fstream>
#include <sstream>

namespace chemomech
{
  void
  PvdRecorder::initialize(const std::string &directory_,
                          const std::string &base_)
  {
    directory = directory_;
    base      = base_;
    times_and_names.clear();
  }



  void
  PvdRecorder::restore(
    const std::vector<std::pair<double, std::string>> &records)
  {
    times_and_names = records;
  }



  void
  PvdRecorder::save(CheckpointArchive &archive, const std::string &key) const
  {
    std::vector<double> times;
    std::string         names;
    for (const auto &[t, name] : times_and_names)
      {
        times.push_back(t);
        names += (names.empty() ? "" : "|") + name;
      }
    archive.set(key + "_times", times);
    archive.set_text(key + "_names", names);
  }



  void
  PvdRecorder::load(const CheckpointArchive &archive, const std::string &key)
  {
    std::istringstream names(archive.get_text(key + "_names"));
    std::vector<std::pair<double, std::string>> records;
    std::string                                 name;
    for (const double t : archive.get(key + "_times"))
      {
        std::getline(names, name, '|');
        records.emplace_back(t, name);
      }
    restore(records);
  }



  template <int dim>
  void
  PvdRecorder::write(const dealii::DataOut<dim> &data_out,
                     const double                time,
                     const unsigned int          index,
                     const MPI_Comm              comm)
  {
    const std::string pvtu =
      data_out
        .write_vtu_with_pvtu_record(directory + "/", base, index, comm, 5, 0);
    times_and_names.emplace_back(time, pvtu);
    if (dealii::Utilities::MPI::this_mpi_process(comm) == 0)
      {
        std::ofstream pvd(directory + "/" + base + ".pvd");
        dealii::DataOutBase::write_pvd_record(pvd, times_and_names);
      }
  }



  template void
  PvdRecorder::write<1>(const dealii::DataOut<1> &,
                        double,
                        unsigned int,
                        MPI_Comm);
  template void
  PvdRecorder::write<2>(const dealii::DataOut<2> &,
                        double,
                        unsigned int,
                        MPI_Comm);
  template void
  PvdRecorder::write<3>(const dealii::DataOut<3> &,
                        double,
                        unsigned int,
                        MPI_Comm);
} // namespace chemomech
