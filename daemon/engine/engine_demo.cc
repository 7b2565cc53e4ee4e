// engine_demo: replays a scripted working day through the break engine on a
// simulated clock and prints every event, in a fraction of a second.
//
//   engine_demo              the built-in day
//   engine_demo TRACE_FILE   your own trace (format: daemon/engine/trace_replay.h)
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

#include "break_engine.h"
#include "trace_replay.h"

namespace {

constexpr const char* kBuiltInDay = R"(# A working morning with the default rules
09:00 type 20m20s    # focused work: the micro-break falls due at 09:20
09:20:20 start       # the user stops and takes it
09:21 type 20m30s    # the next one...
09:41:30 postpone    # ..."not now"
09:41:30 type 3m30s  # it comes back after 3 active minutes
09:45 skip           # "not this one"
09:45 type 11m30s    # the rest break falls due after 55 active minutes
09:56:30 start
10:03 type 20m10s    # a prompt, and the user simply stops for a moment:
10:24 type 20m20s    # the countdown runs while they are away
10:45 key            # a bumped mouse is not work
10:46 type 14m
11:02 lock           # a meeting away from the desk: a natural break
12:00 unlock
12:01 type 18m
12:19 quiet on       # a presentation: prompts are held...
12:19 type 5m
12:24 quiet off      # ...and delivered when it ends
12:24:10 start
13:00 pause 45m      # lunch, reminders paused
13:45 type 21m
14:06 end
)";

void usage(FILE* out) {
  std::fputs(
      "Usage: engine_demo [TRACE_FILE]\n"
      "Replays a day of activity through Limber's break engine with the default\n"
      "rules (micro-break 30 s after 20 min, rest break 5 min after 55 min) and\n"
      "prints each event: when breaks fall due, how they end, natural breaks.\n",
      out);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace limber;
  if (argc > 2 || (argc == 2 && (!std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h")))) {
    usage(argc > 2 ? stderr : stdout);
    return argc > 2 ? 2 : 0;
  }
  std::string trace = kBuiltInDay;
  if (argc == 2) {
    std::ifstream file(argv[1]);
    if (!file) {
      std::fprintf(stderr, "engine_demo: cannot read %s: %s\n", argv[1], std::strerror(errno));
      return 1;
    }
    std::stringstream buf;
    buf << file.rdbuf();
    trace = buf.str();
  }

  // Monday 2 March 2026, 00:00 local (UTC+1).
  const WallTime midnight = std::chrono::sys_days{std::chrono::year{2026} / 3 / 2} -
                            std::chrono::hours(1);
  SimulatedClock clock(midnight, std::chrono::hours(1));
  BreakEngine engine(EngineConfig{}, clock);
  TraceReplay replay(clock, engine);
  std::string err;
  const bool ok = replay.run(
      trace,
      [&](const EngineEvent& e) {
        if (e.kind == EventKind::kBecameActive || e.kind == EventKind::kBecameIdle) return;
        std::printf("%s\n", describe(e, replay.origin()).c_str());
      },
      &err);
  for (const std::string& r : replay.refusals()) std::printf("refused: %s\n", r.c_str());
  if (!ok) {
    std::fprintf(stderr, "engine_demo: %s\n", err.c_str());
    return 1;
  }
  return 0;
}
