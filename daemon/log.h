// Logging for limberd: one line per event that matters, to stderr, with the
// sd-daemon priority prefix ("<6>") that journald turns into a priority.
// Without journald (a terminal) the prefix is replaced by a readable level.
#pragma once

#include <string_view>

namespace limber {

enum class LogLevel { kError = 3, kWarning = 4, kNotice = 5, kInfo = 6, kDebug = 7 };

// Lines above `level` are dropped. Default: kInfo.
void set_log_level(LogLevel level);
LogLevel log_level();
bool parse_log_level(std::string_view text, LogLevel* out);

void log(LogLevel level, std::string_view message);
inline void log_error(std::string_view m) { log(LogLevel::kError, m); }
inline void log_warning(std::string_view m) { log(LogLevel::kWarning, m); }
inline void log_notice(std::string_view m) { log(LogLevel::kNotice, m); }
inline void log_info(std::string_view m) { log(LogLevel::kInfo, m); }
inline void log_debug(std::string_view m) { log(LogLevel::kDebug, m); }

}  // namespace limber
