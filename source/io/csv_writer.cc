#include <chemomech/io/csv_writer.h>

#include <deal.II/base/exceptions.h>

#include <cstdio>

namespace chemomech
{
  void
  CsvWriter::open(const std::string              &file_name,
                  const std::vector<std::string> &columns,
                  const bool                      active_)
  {
    active = active_;
    n_cols = columns.size();
    if (!active)
      return;
    out.open(file_name);
    AssertThrow(out, dealii::ExcMessage("cannot write '" + file_name + "'"));
    for (unsigned int i = 0; i < columns.size(); ++i)
      out << (i ? "," : "") << columns[i];
    out << '\n';
    out.flush();
  }



  void
  CsvWriter::append(const std::string              &file_name,
                    const std::vector<std::string> &columns,
                    const bool                      active_)
  {
    active = active_;
    n_cols = columns.size();
    if (!active)
      return;
    out.open(file_name, std::ios::app);
    AssertThrow(out, dealii::ExcMessage("cannot write '" + file_name + "'"));
  }



  void
  CsvWriter::write_row(const std::vector<double> &values)
  {
    AssertThrow(values.size() == n_cols,
                dealii::ExcDimensionMismatch(values.size(), n_cols));
    if (!active)
      return;
    char buffer[64];
    for (unsigned int i = 0; i < values.size(); ++i)
      {
        // Round tiny values to zero so that roundoff noise does not differ
        // between runs with different numbers of ranks.
        const double v = (std::abs(values[i]) < 1e-300) ? 0.0 : values[i];
        std::snprintf(buffer, sizeof(buffer), "%.10e", v);
        out << (i ? "," : "") << buffer;
      }
    out << '\n';
    out.flush();
  }
} // namespace chemomech
