#include "notify/reminder_text.h"

#include <chrono>
#include <cstdio>

#include "limber/i18n.h"

namespace limber {
namespace {

// printf with one placeholder, for translated formats (xgettext marks
// them c-format; msgfmt --check holds the translations to the same %s/%lld).
std::string printf_one(const char* fmt, const std::string& arg) {
  const int n = std::snprintf(nullptr, 0, fmt, arg.c_str());
  if (n < 0) return fmt;
  std::string out(static_cast<size_t>(n) + 1, '\0');
  std::snprintf(out.data(), out.size(), fmt, arg.c_str());
  out.resize(static_cast<size_t>(n));
  return out;
}

std::string count(const char* fmt, long long n) {
  return printf_one(fmt, std::to_string(n));
}

// "30 seconds", "5 minutes", "1 minute 30 seconds": spelled out, as a
// sentence reads, with each language's plural forms.
std::string spoken_length(Duration d) {
  const auto total = std::chrono::duration_cast<std::chrono::seconds>(d).count();
  const auto minutes = total / 60;
  const auto seconds = total % 60;
  auto n = [](long long v) { return static_cast<unsigned long>(v); };
  const std::string secs = count(P_("%s second", "%s seconds", n(seconds)), seconds);
  if (minutes == 0) return secs;
  const std::string mins = count(P_("%s minute", "%s minutes", n(minutes)), minutes);
  if (seconds == 0) return mins;
  // TRANSLATORS: a length of time, e.g. "1 minute 30 seconds".
  std::string both = _("{minutes} {seconds}");
  const size_t m = both.find("{minutes}");
  const size_t s = both.find("{seconds}");
  if (m == std::string::npos || s == std::string::npos) return mins + " " + secs;  // a broken catalog
  // Replace the later one first, so the earlier position stays valid.
  if (m > s) {
    both.replace(m, 9, mins).replace(s, 9, secs);
  } else {
    both.replace(s, 9, secs).replace(m, 9, mins);
  }
  return both;
}

}  // namespace

ReminderText reminder_text(BreakKind kind, Duration duration, const Exercise* exercise) {
  ReminderText text;
  const std::string length = spoken_length(duration);
  switch (kind) {
    case BreakKind::kMicro:
      text.summary = _("Time for a micro-break");
      // TRANSLATORS: %s is a length of time, e.g. "30 seconds".
      text.body = printf_one(_("Look away from the screen and loosen up for %s."), length);
      break;
    case BreakKind::kRest:
      text.summary = _("Time for a rest break");
      text.body = printf_one(_("Stand up and step away from the screen for %s."), length);
      break;
    case BreakKind::kDaily:
      text.summary = _("Enough screen time for today");
      text.body = printf_one(_("You have reached your daily limit; time to stop for %s."), length);
      break;
  }
  if (exercise != nullptr) {
    text.body += "\n" + exercise->name;
    if (!exercise->steps.empty()) text.body += ": " + exercise->steps.front().text;
  }
  return text;
}

}  // namespace limber
