#include "trace_replay.h"

#include <cctype>
#include <charconv>
#include <sstream>

namespace limber {

bool parse_trace_duration(std::string_view text, Duration* out) {
  bool negative = false;
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
    negative = text[0] == '-';
    text.remove_prefix(1);
  }
  if (text.empty()) return false;
  long long total_ms = 0;
  while (!text.empty()) {
    long long n = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc() || ptr == text.data() + text.size()) return false;
    text.remove_prefix(static_cast<size_t>(ptr - text.data()));
    const char unit = text[0];
    text.remove_prefix(1);
    if (unit == 'h') total_ms += n * 3'600'000;
    else if (unit == 'm') total_ms += n * 60'000;
    else if (unit == 's') total_ms += n * 1000;
    else return false;
  }
  *out = Duration{negative ? -total_ms : total_ms};
  return true;
}

namespace {

bool parse_time_of_day(std::string_view text, Duration* out) {
  int h = 0, m = 0, s = 0;
  const auto colon = text.find(':');
  if (colon == std::string_view::npos) return false;
  auto num = [](std::string_view part, int* v) {
    return !part.empty() && std::from_chars(part.data(), part.data() + part.size(), *v).ec == std::errc();
  };
  std::string_view rest = text.substr(colon + 1);
  const auto colon2 = rest.find(':');
  if (!num(text.substr(0, colon), &h)) return false;
  if (colon2 == std::string_view::npos) {
    if (!num(rest, &m)) return false;
  } else if (!num(rest.substr(0, colon2), &m) || !num(rest.substr(colon2 + 1), &s)) {
    return false;
  }
  if (h < 0 || h > 47 || m < 0 || m > 59 || s < 0 || s > 59) return false;
  *out = std::chrono::hours(h) + std::chrono::minutes(m) + std::chrono::seconds(s);
  return true;
}

}  // namespace

TraceReplay::TraceReplay(SimulatedClock& clock, BreakEngine& engine)
    : TraceReplay(clock, engine, clock.mono()) {}

TraceReplay::TraceReplay(SimulatedClock& clock, BreakEngine& engine, MonoTime origin)
    : clock_(clock), engine_(engine), origin_(origin) {}

void TraceReplay::drain() {
  for (const EngineEvent& e : engine_.take_events()) {
    if (on_event_) on_event_(e);
  }
}

void TraceReplay::run_until(MonoTime t) {
  for (;;) {
    const auto deadline = engine_.next_deadline();
    if (!deadline || *deadline > t) break;
    if (*deadline > clock_.mono()) clock_.advance(*deadline - clock_.mono());
    engine_.advance();
    drain();
  }
  if (t > clock_.mono()) clock_.advance(t - clock_.mono());
  engine_.advance();
  drain();
}

// One action of the trace at `at` (`offset` into the day); a refused
// command goes to *st, a malformed action to *why (and false).
bool TraceReplay::act(const std::string& action, const std::string& arg, MonoTime at, Duration offset, Status* st,
                      std::string* why) {
  Duration d{};
  if (action == "type" || action == "mouse") {
    if (!parse_trace_duration(arg, &d) || d <= Duration{0}) return (*why = "expected a duration", false);
    const Duration step = std::chrono::seconds(action == "type" ? 1 : 2);
    for (MonoTime t = at; t < at + d; t += step) {
      run_until(t);
      engine_.input(t);
      drain();
    }
  } else if (action == "key") {
    engine_.input(at);
  } else if (action == "lock") {
    engine_.session(SessionEvent::kLock);
  } else if (action == "unlock") {
    engine_.session(SessionEvent::kUnlock);
  } else if (action == "sleep") {
    engine_.session(SessionEvent::kSleep);
  } else if (action == "wake") {
    engine_.session(SessionEvent::kWake);
  } else if (action == "start") {
    *st = engine_.start_break();
  } else if (action == "postpone") {
    *st = engine_.postpone();
  } else if (action == "skip") {
    *st = engine_.skip();
  } else if (action == "take") {
    BreakKind kind{};
    if (!parse_break_kind(arg, &kind)) return (*why = "expected micro, rest or daily", false);
    *st = engine_.take_break_now(kind);
  } else if (action == "pause") {
    if (!parse_trace_duration(arg, &d)) return (*why = "expected a duration", false);
    engine_.pause_for(d);
  } else if (action == "pause-until") {
    Duration tod{};
    if (!parse_time_of_day(arg, &tod)) return (*why = "expected a time", false);
    engine_.pause_until(clock_.wall() + (tod - offset));
  } else if (action == "pause-tomorrow") {
    engine_.pause_until_tomorrow();
  } else if (action == "resume") {
    engine_.resume();
  } else if (action == "quiet") {
    if (arg != "on" && arg != "off") return (*why = "expected 'quiet on' or 'quiet off'", false);
    engine_.set_quiet(arg == "on");
  } else if (action == "jump") {
    if (!parse_trace_duration(arg, &d)) return (*why = "expected a duration", false);
    clock_.jump_wall(d);
    engine_.advance();
  } else if (action != "end") {
    return (*why = "unknown action '" + action + "'", false);
  }
  return true;
}

bool TraceReplay::run(const std::string& trace,
                      const std::function<void(const EngineEvent&)>& on_event, std::string* err) {
  on_event_ = on_event;
  std::istringstream in(trace);
  std::string line;
  int line_no = 0;
  auto fail = [&](const std::string& why) {
    *err = "line " + std::to_string(line_no) + ": " + why;
    return false;
  };
  while (std::getline(in, line)) {
    ++line_no;
    if (auto hash = line.find('#'); hash != std::string::npos) line.resize(hash);
    std::istringstream words(line);
    std::string when, action, arg;
    if (!(words >> when)) continue;
    words >> action >> arg;
    Duration offset{};
    if (!parse_time_of_day(when, &offset)) return fail("expected a time like 09:30, got '" + when + "'");
    const MonoTime at = origin_ + offset;
    if (at < clock_.mono()) return fail("time goes backwards");
    run_until(at);

    Status st;
    std::string why;
    if (!act(action, arg, at, offset, &st, &why)) return fail(why);
    drain();
    // A refused command is part of the story, not an error in the trace.
    if (!st) refusals_.push_back(when + " " + action + ": " + st.message());
  }
  return true;
}

}  // namespace limber
