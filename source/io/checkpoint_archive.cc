#include <chemomech/io/checkpoint_archive.h>

#include <deal.II/base/exceptions.h>
#include <deal.II/base/mpi.h>

#include <cstdint>
#include <fstream>
#include <iomanip>
#include <sstream>

namespace chemomech
{
  namespace
  {
    constexpr const char *magic = "chemomech-checkpoint 1";

    void
    fail(const std::string &file, const std::string &what)
    {
      AssertThrow(false,
                  dealii::ExcMessage("checkpoint file " + file + ": " + what));
    }
  } // namespace



  void
  CheckpointArchive::set(const std::string         &key,
                         const std::vector<double> &values)
  {
    numbers[key] = values;
  }



  void
  CheckpointArchive::set(const std::string &key, const double value)
  {
    numbers[key] = {value};
  }



  void
  CheckpointArchive::set_text(const std::string &key, const std::string &text)
  {
    texts[key] = text;
  }



  const std::vector<double> &
  CheckpointArchive::get(const std::string &key) const
  {
    const auto it = numbers.find(key);
    AssertThrow(it != numbers.end(),
                dealii::ExcMessage("the checkpoint has no entry '" + key +
                                   "' (written by another version?)"));
    return it->second;
  }



  double
  CheckpointArchive::get_double(const std::string &key) const
  {
    const std::vector<double> &v = get(key);
    AssertThrow(!v.empty(),
                dealii::ExcMessage("the checkpoint entry '" + key +
                                   "' is empty"));
    return v[0];
  }



  const std::string &
  CheckpointArchive::get_text(const std::string &key) const
  {
    const auto it = texts.find(key);
    AssertThrow(it != texts.end(),
                dealii::ExcMessage("the checkpoint has no entry '" + key +
                                   "' (written by another version?)"));
    return it->second;
  }



  bool
  CheckpointArchive::has(const std::string &key) const
  {
    return numbers.count(key) > 0 || texts.count(key) > 0;
  }



  void
  CheckpointArchive::set_cell(const std::string         &key,
                              const std::vector<double> &values)
  {
    cells[key] = values;
  }



  const std::vector<double> *
  CheckpointArchive::find_cell(const std::string &key) const
  {
    const auto it = cells.find(key);
    return (it != cells.end()) ? &it->second : nullptr;
  }



  void
  CheckpointArchive::write(const std::string &directory,
                           const MPI_Comm     comm) const
  {
    const unsigned int rank = dealii::Utilities::MPI::this_mpi_process(comm);
    const unsigned int size = dealii::Utilities::MPI::n_mpi_processes(comm);
    if (rank == 0)
      {
        const std::string file = directory + "/state.txt";
        std::ofstream     out(file);
        out << magic << '\n' << "files " << size << '\n';
        out << std::setprecision(17);
        for (const auto &[key, values] : numbers)
          {
            out << "d " << key << ' ' << values.size();
            for (const double v : values)
              out << ' ' << v;
            out << '\n';
          }
        for (const auto &[key, text] : texts)
          out << "s " << key << ' ' << text << '\n';
        out.close();
        if (!out)
          fail(file, "could not be written");
      }
    const std::string file =
      directory + "/cells-" + std::to_string(rank) + ".bin";
    std::ofstream out(file, std::ios::binary);
    const auto    put = [&](const auto value) {
      out.write(reinterpret_cast<const char *>(&value), sizeof(value));
    };
    put(static_cast<std::uint64_t>(cells.size()));
    for (const auto &[key, values] : cells)
      {
        put(static_cast<std::uint32_t>(key.size()));
        out.write(key.data(), key.size());
        put(static_cast<std::uint64_t>(values.size()));
        out.write(reinterpret_cast<const char *>(values.data()),
                  values.size() * sizeof(double));
      }
    out.close();
    const bool ok = static_cast<bool>(out);
    AssertThrow(dealii::Utilities::MPI::min(ok ? 1 : 0, comm) == 1,
                dealii::ExcMessage("checkpoint: a rank could not write its "
                                   "cell file in " +
                                   directory));
  }



  void
  CheckpointArchive::read(const std::string &directory,
                          const std::function<bool(const std::string &)> &keep,
                          const MPI_Comm                                  comm)
  {
    (void)comm;
    numbers.clear();
    texts.clear();
    cells.clear();
    const std::string state = directory + "/state.txt";
    std::ifstream     in(state);
    if (!in)
      fail(state, "cannot be read");
    std::string line;
    std::getline(in, line);
    if (line != magic)
      fail(state, "is not a chemomech checkpoint");
    unsigned int n_files = 0;
    {
      std::getline(in, line);
      std::istringstream s(line);
      std::string        word;
      if (!(s >> word >> n_files) || word != "files" || n_files == 0)
        fail(state, "has no file count");
    }
    while (std::getline(in, line))
      {
        if (line.empty())
          continue;
        std::istringstream s(line);
        std::string        kind, key;
        s >> kind >> key;
        if (kind == "d")
          {
            std::size_t n = 0;
            s >> n;
            std::vector<double> v(n);
            for (double &x : v)
              s >> x;
            if (!s)
              fail(state, "entry '" + key + "' is damaged");
            numbers[key] = std::move(v);
          }
        else if (kind == "s")
          {
            std::string text;
            std::getline(s, text);
            texts[key] = text.empty() ? text : text.substr(1);
          }
        else
          fail(state, "has an unknown line: " + line);
      }

    for (unsigned int f = 0; f < n_files; ++f)
      {
        const std::string file =
          directory + "/cells-" + std::to_string(f) + ".bin";
        std::ifstream cin(file, std::ios::binary);
        if (!cin)
          fail(file, "cannot be read");
        const auto get = [&](auto &value) {
          cin.read(reinterpret_cast<char *>(&value), sizeof(value));
          if (!cin)
            fail(file, "is truncated");
        };
        std::uint64_t n_records = 0;
        get(n_records);
        for (std::uint64_t r = 0; r < n_records; ++r)
          {
            std::uint32_t key_size = 0;
            get(key_size);
            std::string key(key_size, ' ');
            cin.read(key.data(), key_size);
            std::uint64_t n = 0;
            get(n);
            std::vector<double> v(n);
            cin.read(reinterpret_cast<char *>(v.data()), n * sizeof(double));
            if (!cin)
              fail(file, "is truncated");
            if (keep(key))
              cells[key] = std::move(v);
          }
      }
  }
} // namespace chemomech
