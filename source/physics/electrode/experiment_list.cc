#include <chemomech/core/parameter_checks.h>
#include <chemomech/physics/electrode/experiment_list.h>

#include <cctype>
#include <cstdlib>

namespace chemomech
{
  namespace
  {
    enum class TokenType
    {
      symbol,
      string,
      integer,
      end
    };

    struct Token
    {
      TokenType   type = TokenType::end;
      std::string text;
    };

    /// Reads the tokens of a Python-list experiment one at a time.
    class ListReader
    {
    public:
      explicit ListReader(const std::string &text)
        : text(text)
      {}

      ExperimentList
      parse()
      {
        ExperimentList list;
        Token          t = next();
        if (t.type == TokenType::integer)
          {
            list.repeat = repeat(t.text);
            expect("*");
            t = next();
          }
        if (t.text != "[" || t.type != TokenType::symbol)
          fail("expected '['");
        t = next();
        while (!(t.type == TokenType::symbol && t.text == "]"))
          {
            if (t.type == TokenType::string)
              list.steps.push_back(t.text);
            else if (t.type == TokenType::symbol && t.text == "(")
              tuple(list);
            else
              fail("expected a quoted step or '(' in the list");
            t = next();
            if (t.type == TokenType::symbol && t.text == ",")
              t = next();
            else if (!(t.type == TokenType::symbol && t.text == "]"))
              fail("expected ',' or ']'");
          }
        t = next();
        if (t.type == TokenType::symbol && t.text == "*")
          {
            if (list.repeat != 1)
              fail("two repetitions ('N * [...] * M')");
            t = next();
            if (t.type != TokenType::integer)
              fail("expected an integer after '*'");
            list.repeat = repeat(t.text);
            t           = next();
          }
        if (t.type != TokenType::end)
          fail("unexpected '" + t.text +
               "' after the list (sums of lists are not supported: every "
               "cycle of a protocol has the same steps)");
        if (list.steps.empty())
          fail("the list has no steps");
        return list;
      }

    private:
      [[noreturn]] void
      fail(const std::string &reason) const
      {
        throw InvalidParameter(
          "parameter 'Cycling/Steps': the Python-list experiment '" + text +
          "' at character " + std::to_string(start + 1) + ": " + reason +
          ". Expected [\"<step>\", (\"<step>\", \"<step>\"), ...] [* N] "
          "with N in [1, 1000000]");
      }

      void
      tuple(ExperimentList &list)
      {
        Token t = next();
        while (!(t.type == TokenType::symbol && t.text == ")"))
          {
            if (t.type != TokenType::string)
              fail("expected a quoted step in the tuple");
            list.steps.push_back(t.text);
            t = next();
            if (t.type == TokenType::symbol && t.text == ",")
              t = next();
            else if (!(t.type == TokenType::symbol && t.text == ")"))
              fail("expected ',' or ')'");
          }
      }

      void
      expect(const std::string &symbol)
      {
        const Token t = next();
        if (t.type != TokenType::symbol || t.text != symbol)
          fail("expected '" + symbol + "'");
      }

      unsigned int
      repeat(const std::string &digits) const
      {
        const long n = (digits.size() > 9) ? 0 : std::atol(digits.c_str());
        if (n < 1 || n > 1000000)
          fail("the repetition '" + digits + "' is not in [1, 1000000]");
        return static_cast<unsigned int>(n);
      }

      Token
      next()
      {
        while (pos < text.size() &&
               std::isspace(static_cast<unsigned char>(text[pos])))
          ++pos;
        start = pos;
        Token t;
        if (pos == text.size())
          return t;
        const char c = text[pos];
        if (c == '\'' || c == '"')
          {
            const std::size_t close = text.find(c, pos + 1);
            if (close == std::string::npos)
              fail("unterminated string");
            t.type = TokenType::string;
            t.text = text.substr(pos + 1, close - pos - 1);
            pos    = close + 1;
          }
        else if (std::isdigit(static_cast<unsigned char>(c)))
          {
            t.type = TokenType::integer;
            while (pos < text.size() &&
                   std::isdigit(static_cast<unsigned char>(text[pos])))
              t.text += text[pos++];
          }
        else
          {
            t.type = TokenType::symbol;
            t.text = std::string(1, c);
            ++pos;
            if (t.text.find_first_of("[](),*+") == std::string::npos)
              fail("unexpected '" + t.text + "'");
          }
        return t;
      }

      const std::string text;
      std::size_t       pos   = 0;
      std::size_t       start = 0;
    };
  } // namespace



  bool
  ExperimentList::is_list(const std::string &text)
  {
    std::size_t i = text.find_first_not_of(" \t\r\n");
    if (i == std::string::npos)
      return false;
    if (text[i] == '[')
      return true;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])))
      ++i;
    i = text.find_first_not_of(" \t\r\n", i);
    return i != std::string::npos && text[i] == '*' &&
           std::isdigit(static_cast<unsigned char>(
             text[text.find_first_not_of(" \t\r\n")]));
  }



  ExperimentList
  ExperimentList::parse(const std::string &text)
  {
    return ListReader(text).parse();
  }
} // namespace chemomech
