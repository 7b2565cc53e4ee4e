#include "log.h"

#include <unistd.h>

#include <cstdio>
#include <ctime>
#include <cstdlib>
#include <string>

namespace limber {
namespace {

LogLevel g_level = LogLevel::kInfo;

// journald sets JOURNAL_STREAM for the services whose stderr it reads.
bool to_journal() {
  static const bool journal = std::getenv("JOURNAL_STREAM") != nullptr;
  return journal;
}

std::string_view level_name(LogLevel level) {
  switch (level) {
    case LogLevel::kError: return "error";
    case LogLevel::kWarning: return "warning";
    case LogLevel::kNotice: return "notice";
    case LogLevel::kInfo: return "info";
    case LogLevel::kDebug: return "debug";
  }
  return "info";
}

}  // namespace

void set_log_level(LogLevel level) { g_level = level; }
LogLevel log_level() { return g_level; }

bool parse_log_level(std::string_view text, LogLevel* out) {
  for (LogLevel l : {LogLevel::kError, LogLevel::kWarning, LogLevel::kNotice, LogLevel::kInfo,
                     LogLevel::kDebug}) {
    if (text == level_name(l)) {
      *out = l;
      return true;
    }
  }
  return false;
}

void log(LogLevel level, std::string_view message) {
  if (level > g_level) return;
  std::string line;
  if (to_journal()) {
    line = "<" + std::to_string(static_cast<int>(level)) + ">";
  } else {
    // A terminal or a log file: the time of day, as journald would add it.
    const time_t now = ::time(nullptr);
    tm parts{};
    localtime_r(&now, &parts);
    char stamp[16];
    std::strftime(stamp, sizeof stamp, "%H:%M:%S ", &parts);
    line = std::string(stamp) + "limberd: ";
    if (level != LogLevel::kInfo) line += std::string(level_name(level)) + ": ";
  }
  line += message;
  line += '\n';
  // One write per line so lines from a crash-restart loop never interleave.
  ssize_t ignored = ::write(STDERR_FILENO, line.data(), line.size());
  (void)ignored;
}

}  // namespace limber
