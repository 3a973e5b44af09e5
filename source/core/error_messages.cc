#include <chemomech/core/error_messages.h>

namespace chemomech
{
  std::string
  user_message(const std::exception &e)
  {
    const std::string what = e.what();
    const std::string key  = "Additional information:";
    const auto        pos  = what.find(key);
    if (pos == std::string::npos)
      return what;
    std::string msg = what.substr(pos + key.size());
    const auto  end = msg.find("Stacktrace:");
    if (end != std::string::npos)
      msg = msg.substr(0, end);
    // Fold the indented continuation lines into one line.
    std::string folded;
    bool        space = false;
    for (const char ch : msg)
      {
        const bool blank = (ch == ' ' || ch == '\n' || ch == '\t');
        if (blank)
          space = !folded.empty();
        else
          {
            if (space)
              folded += ' ';
            folded += ch;
            space = false;
          }
      }
    while (!folded.empty() && folded.back() == '-')
      folded.pop_back();
    while (!folded.empty() && folded.back() == ' ')
      folded.pop_back();
    return folded;
  }
} // namespace chemomech
