#include "notify/reminder_text.h"

#include <chrono>

namespace limber {
namespace {

// "30 seconds", "5 minutes", "1 minute 30 seconds": spelled out, as a
// sentence reads.
std::string spoken_length(Duration d) {
  const auto total = std::chrono::duration_cast<std::chrono::seconds>(d).count();
  const auto minutes = total / 60;
  const auto seconds = total % 60;
  auto unit = [](long long n, const char* one) {
    return std::to_string(n) + " " + one + (n == 1 ? "" : "s");
  };
  if (minutes == 0) return unit(seconds, "second");
  if (seconds == 0) return unit(minutes, "minute");
  return unit(minutes, "minute") + " " + unit(seconds, "second");
}

}  // namespace

ReminderText reminder_text(BreakKind kind, Duration duration, const Exercise* exercise) {
  ReminderText text;
  const std::string length = spoken_length(duration);
  switch (kind) {
    case BreakKind::kMicro:
      text.summary = "Time for a micro-break";
      text.body = "Look away from the screen and loosen up for " + length + ".";
      break;
    case BreakKind::kRest:
      text.summary = "Time for a rest break";
      text.body = "Stand up and step away from the screen for " + length + ".";
      break;
    case BreakKind::kDaily:
      text.summary = "Enough screen time for today";
      text.body = "You have reached your daily limit; time to stop for " + length + ".";
      break;
  }
  if (exercise != nullptr) {
    text.body += "\n" + exercise->name;
    if (!exercise->steps.empty()) text.body += ": " + exercise->steps.front().text;
  }
  return text;
}

}  // namespace limber
