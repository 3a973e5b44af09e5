#include <chemomech/io/statistics_table.h>

#include <deal.II/base/exceptions.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

namespace chemomech
{
  std::string
  format_csv_value(const double value, const ColumnFormat format)
  {
    // Round tiny values to zero so that roundoff noise does not differ
    // between runs with different numbers of ranks.
    const double v = (std::abs(value) < 1e-300) ? 0.0 : value;
    char         buffer[64];
    if (format == ColumnFormat::integer && std::isfinite(v))
      std::snprintf(buffer, sizeof(buffer), "%lld", std::llround(v));
    else
      std::snprintf(buffer, sizeof(buffer), "%.10e", v);
    return buffer;
  }



  void
  StatisticsTable::add_column(const std::string &name,
                              const std::string &unit,
                              const ColumnFormat format)
  {
    AssertThrow(index.find(name) == index.end(),
                dealii::ExcMessage("statistics column '" + name +
                                   "' declared twice"));
    index[name] = cols.size();
    cols.push_back({name, unit, format});
    row.push_back(0);
    is_set.push_back(false);
  }



  void
  StatisticsTable::open(const std::string &file_name, const bool active_)
  {
    active = active_;
    std::fill(is_set.begin(), is_set.end(), false);
    rows_written = 0;
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
  StatisticsTable::reopen(const std::string &file_name,
                          const bool         active_,
                          const unsigned int rows)
  {
    active = active_;
    std::fill(is_set.begin(), is_set.end(), false);
    rows_written = rows;
    if (!active)
      return;
    std::string header;
    for (unsigned int i = 0; i < cols.size(); ++i)
      header += (i ? "," : "") + cols[i].label();
    std::vector<std::string> lines;
    {
      std::ifstream in(file_name);
      AssertThrow(in,
                  dealii::ExcMessage("cannot resume: '" + file_name +
                                     "' cannot be read"));
      std::string line;
      while (lines.size() < rows + 1 && std::getline(in, line))
        lines.push_back(line);
    }
    AssertThrow(!lines.empty() && lines[0] == header,
                dealii::ExcMessage("cannot resume: '" + file_name +
                                   "' has another header than this run's"));
    AssertThrow(lines.size() == rows + 1,
                dealii::ExcMessage("cannot resume: '" + file_name + "' has " +
                                   std::to_string(lines.size() - 1) +
                                   " rows, the checkpoint expects " +
                                   std::to_string(rows)));
    out.open(file_name, std::ios::trunc);
    for (const auto &l : lines)
      out << l << '\n';
    out.flush();
    AssertThrow(out, dealii::ExcMessage("cannot write '" + file_name + "'"));
  }



  void
  StatisticsTable::set(const std::string &name, const double value)
  {
    const auto it = index.find(name);
    AssertThrow(it != index.end(),
                dealii::ExcMessage("no statistics column '" + name + "'"));
    row[it->second]    = value;
    is_set[it->second] = true;
  }



  void
  StatisticsTable::write_row()
  {
    for (unsigned int i = 0; i < cols.size(); ++i)
      AssertThrow(is_set[i],
                  dealii::ExcMessage("statistics column '" + cols[i].name +
                                     "' not set in this row"));
    std::fill(is_set.begin(), is_set.end(), false);
    ++rows_written;
    if (!active)
      return;
    for (unsigned int i = 0; i < cols.size(); ++i)
      out << (i ? "," : "") << format_csv_value(row[i], cols[i].format);
    out << '\n';
    out.flush();
  }
} // namespace chemomech
