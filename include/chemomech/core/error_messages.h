/**
 * @file error_messages.h
 * @brief The user-facing text of an exception.
 */
#ifndef chemomech_core_error_messages_h
#define chemomech_core_error_messages_h

#include <exception>
#include <string>

namespace chemomech
{
  /**
   * @brief The message of @p e without deal.II's file/line/stack trace
   * decoration: for a deal.II exception the "Additional information" part,
   * otherwise what().
   */
  std::string
  user_message(const std::exception &e);
} // namespace chemomech

#endif
