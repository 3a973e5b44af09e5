#include <chemomech/io/csv_writer.h>

#include <deal.II/base/exceptions.h>

namespace chemomech
{
  void
  CsvWriter::open(const std::string                   &file_name,
                  const std::vector<StatisticsColumn> &columns,
                  const bool                           active_)
  {
    active = active_;
    cols   = columns;
    if (!active)
      return;
    out.open(file_name);
    AssertThrow(out, dealii::ExcMessage("cannot write '" + file_name + "'"));
    for (unsigned int i = 0; i < cols.size(); ++i)
      out << (i ? "," : "") << cols[i].label();
    out << '\n';
    out.flush();
  }



  void
  CsvWriter::append(const std::string                   &file_name,
                    const std::vector<StatisticsColumn> &columns,
                    const bool                           active_)
  {
    active = active_;
    cols   = columns;
    if (!active)
      return;
    out.open(file_name, std::ios::app);
    AssertThrow(out, dealii::ExcMessage("cannot write '" + file_name + "'"));
  }



  void
  CsvWriter::write_row(const std::vector<double> &values)
  {
    AssertThrow(values.size() == cols.size(),
                dealii::ExcDimensionMismatch(values.size(), cols.size()));
    if (!active)
      return;
    for (unsigned int i = 0; i < values.size(); ++i)
      out << (i ? "," : "") << format_csv_value(values[i], cols[i].format);
    out << '\n';
    out.flush();
  }
} // namespace chemomech
