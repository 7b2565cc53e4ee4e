#include "events.h"

#include <array>
#include <cstdio>
#include <cstdlib>

namespace limber {

std::string_view break_name(BreakKind k) {
  switch (k) {
    case BreakKind::kMicro: return "micro-break";
    case BreakKind::kRest: return "rest break";
    case BreakKind::kDaily: return "daily limit";
  }
  return "break";
}

std::string_view to_string(BreakKind k) {
  switch (k) {
    case BreakKind::kMicro: return "micro";
    case BreakKind::kRest: return "rest";
    case BreakKind::kDaily: return "daily";
  }
  return "micro";
}

bool parse_break_kind(std::string_view s, BreakKind* out) {
  for (BreakKind k : {BreakKind::kMicro, BreakKind::kRest, BreakKind::kDaily}) {
    if (s == to_string(k)) {
      *out = k;
      return true;
    }
  }
  return false;
}

std::string_view to_string(Outcome o) {
  switch (o) {
    case Outcome::kNone: return "none";
    case Outcome::kTaken: return "taken";
    case Outcome::kPostponed: return "postponed";
    case Outcome::kSkipped: return "skipped";
    case Outcome::kIgnored: return "ignored";
    case Outcome::kCancelled: return "cancelled";
  }
  return "none";
}

std::string_view to_string(Mode m) {
  switch (m) {
    case Mode::kWorking: return "working";
    case Mode::kQuiet: return "quiet";
    case Mode::kPaused: return "paused";
    case Mode::kOffHours: return "off-hours";
  }
  return "working";
}

std::string_view to_string(EventKind k) {
  switch (k) {
    case EventKind::kBecameActive: return "active";
    case EventKind::kBecameIdle: return "idle";
    case EventKind::kNaturalBreak: return "natural";
    case EventKind::kBreakDue: return "due";
    case EventKind::kBreakHeld: return "held";
    case EventKind::kBreakStarted: return "started";
    case EventKind::kBreakPaused: return "paused";
    case EventKind::kBreakResumed: return "resumed";
    case EventKind::kBreakEnded: return "ended";
    case EventKind::kModeChanged: return "mode";
    case EventKind::kDayStarted: return "day";
    case EventKind::kClockChanged: return "clock";
  }
  return "mode";
}

namespace {

std::string clock_text(Duration d) {
  const bool negative = d.count() < 0;
  const long long s = std::llabs(static_cast<long long>(d.count())) / 1000;
  std::array<char, 32> buf{};
  std::snprintf(buf.data(), buf.size(), "%s%02lld:%02lld:%02lld", negative ? "-" : "", s / 3600,
                (s / 60) % 60, s % 60);
  return buf.data();
}

std::string seconds_text(Duration d) { return std::to_string(d.count() / 1000) + "s"; }

}  // namespace

std::string describe(const EngineEvent& e, MonoTime origin) {
  std::string out = clock_text(e.at - origin) + " " + std::string(to_string(e.kind));
  switch (e.kind) {
    case EventKind::kBecameActive:
    case EventKind::kBecameIdle:
      break;
    case EventKind::kNaturalBreak:
      out += " " + std::string(to_string(e.brk)) + " after " + seconds_text(e.amount) + " idle";
      break;
    case EventKind::kBreakDue:
    case EventKind::kBreakHeld:
    case EventKind::kBreakStarted:
    case EventKind::kBreakPaused:
    case EventKind::kBreakResumed:
      out += " " + std::string(to_string(e.brk)) + " #" + std::to_string(e.id);
      if (e.requested && e.kind == EventKind::kBreakDue) out += " (requested)";
      break;
    case EventKind::kBreakEnded:
      out += " " + std::string(to_string(e.brk)) + " #" + std::to_string(e.id) + " " +
             std::string(to_string(e.outcome));
      break;
    case EventKind::kModeChanged:
      out += " " + std::string(to_string(e.mode));
      break;
    case EventKind::kDayStarted:
      break;
    case EventKind::kClockChanged:
      out += std::string(e.amount.count() >= 0 ? " +" : " -") +
             seconds_text(Duration{std::llabs(static_cast<long long>(e.amount.count()))});
      break;
  }
  return out;
}

}  // namespace limber
