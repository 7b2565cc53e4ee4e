// Randomised property tests: thousands of generated days (fixed seeds, so a
// failure names a seed that reproduces it) checked against the invariants
// every day must keep, whatever the user does.
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <sstream>

#include "engine_harness.h"

namespace limber::testing {
namespace {

// The ci build replays all 2000 traces. Under the sanitizers
// (LIMBER_SANITIZED) the same code is looked at for memory and
// undefined-behaviour errors, not for other invariants: a fifth of the
// traces keeps that run short (all of them took five minutes there).
#ifdef LIMBER_SANITIZED
constexpr int kTraces = 400;
#else
constexpr int kTraces = 2000;
#endif

std::string clock_time(long seconds) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02ld:%02ld:%02ld", seconds / 3600, (seconds / 60) % 60, seconds % 60);
  return buf;
}

// A random day from 06:00 to about 40:00 (the next afternoon), mixing
// typing, absences, stray input, locks, suspends, every command, quiet,
// pauses and wall-clock jumps.
std::string random_trace(std::mt19937& rng) {
  std::ostringstream out;
  long t = 6 * 3600;
  auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
  auto between = [&](long lo, long hi) { return std::uniform_int_distribution<long>(lo, hi)(rng); };
  const int steps = 20 + pick(60);
  for (int i = 0; i < steps && t < 40 * 3600; ++i) {
    const std::string now = clock_time(t);
    switch (pick(16)) {
      case 0: case 1: case 2: case 3: {
        const long d = between(1, 40 * 60);
        out << now << " type " << d << "s\n";
        t += d;
        break;
      }
      case 4: case 5:
        t += between(1, 90 * 60);  // away: nothing happens
        break;
      case 6: out << now << " key\n"; t += between(0, 10); break;
      case 7: out << now << (pick(2) ? " lock\n" : " unlock\n"); break;
      case 8: out << now << (pick(2) ? " sleep\n" : " wake\n"); break;
      case 9: out << now << " start\n"; break;
      case 10: out << now << " postpone\n"; break;
      case 11: out << now << " skip\n"; break;
      case 12: {
        static const char* kinds[] = {"micro", "rest", "daily"};
        out << now << " take " << kinds[pick(3)] << "\n";
        break;
      }
      case 13: out << now << (pick(2) ? " quiet on\n" : " quiet off\n"); break;
      case 14:
        if (pick(3) == 0) out << now << " resume\n";
        else if (pick(2)) out << now << " pause " << between(60, 2 * 3600) << "s\n";
        else out << now << " pause-until " << clock_time(std::min(t + between(60, 4 * 3600), 47L * 3600)).substr(0, 5) << "\n";
        break;
      case 15: out << now << " jump " << (pick(2) ? "+" : "-") << between(3, 3 * 3600) << "s\n"; break;
    }
    t += between(0, 120);
  }
  out << clock_time(t + 3600) << " end\n";
  return out.str();
}

EngineConfig random_config(std::mt19937& rng) {
  EngineConfig c;
  auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
  c.micro.interval = std::chrono::minutes(5 + pick(30));
  c.rest.interval = std::chrono::minutes(30 + pick(60));
  c.micro.max_postpones = pick(4);
  c.rest.allow_skip = pick(2) == 0;
  c.daily.enabled = pick(2) == 0;
  c.daily.interval = std::chrono::hours(1 + pick(4));
  c.noise_filter = std::chrono::seconds(pick(3));
  std::string err;
  static const char* schedules[] = {"always", "mon-fri 09:00-17:00", "mon 08:00-12:00,13:00-18:00",
                                    "mon-tue 22:00-06:00"};
  EXPECT_TRUE(WorkSchedule::parse(schedules[pick(4)], &c.schedule, &err)) << err;
  return c;
}

struct Day {
  EngineConfig config;
  std::string trace;
};

Day day_for_seed(unsigned seed) {
  std::mt19937 rng(seed);
  Day d;
  d.config = random_config(rng);
  d.trace = random_trace(rng);
  return d;
}

std::vector<EngineEvent> replay(const Day& day, EngineStatus* final_status = nullptr,
                                Duration* elapsed = nullptr) {
  EngineHarness h(day.config);
  const MonoTime start = h.clock.mono();
  h.run(day.trace);
  if (final_status) *final_status = h.engine.status();
  if (elapsed) *elapsed = h.clock.mono() - start;
  return h.events();
}

TEST(BreakEngineProperty, NoPromptWhilePausedQuietOrOutsideWorkHours) {
  for (unsigned seed = 1; seed <= kTraces; ++seed) {
    const Day day = day_for_seed(seed);
    for (const EngineEvent& e : replay(day)) {
      if (e.kind != EventKind::kBreakDue || e.requested) continue;
      ASSERT_EQ(e.mode, Mode::kWorking) << "seed " << seed << ": prompt in mode " << to_string(e.mode)
                                        << "\n" << day.trace;
    }
  }
}

TEST(BreakEngineProperty, AccruedActiveTimeNeverExceedsElapsedTime) {
  for (unsigned seed = 1; seed <= kTraces; ++seed) {
    const Day day = day_for_seed(seed);
    EngineStatus status;
    Duration elapsed{};
    replay(day, &status, &elapsed);
    ASSERT_LE(status.active_total, elapsed) << "seed " << seed;
    for (const BreakStatus& b : status.breaks) {
      ASSERT_LE(b.accrued, elapsed) << "seed " << seed << " " << to_string(b.kind);
    }
  }
}

TEST(BreakEngineProperty, EveryDueBreakEndsInExactlyOneOutcome) {
  for (unsigned seed = 1; seed <= kTraces; ++seed) {
    const Day day = day_for_seed(seed);
    EngineStatus status;
    std::map<uint64_t, int> endings;
    for (const EngineEvent& e : replay(day, &status)) {
      if (e.kind == EventKind::kBreakDue) endings.try_emplace(e.id, 0);
      if (e.kind == EventKind::kBreakEnded) {
        ASSERT_TRUE(endings.count(e.id)) << "seed " << seed << ": #" << e.id << " ended, never due";
        ++endings[e.id];
      }
    }
    uint64_t still_due = 0;
    for (const BreakStatus& b : status.breaks) {
      if (b.phase == BreakStatus::Phase::kDue) still_due = b.id;
    }
    for (const auto& [id, count] : endings) {
      // The break due when the trace stops has not ended yet.
      ASSERT_EQ(count, id == still_due ? 0 : 1) << "seed " << seed << ": #" << id << "\n" << day.trace;
    }
  }
}

TEST(BreakEngineProperty, RestoringSavedStateGivesTheSameFutureAsNotRestarting) {
  for (unsigned seed = 1; seed <= kTraces / 4; ++seed) {
    const Day day = day_for_seed(seed);
    const std::vector<EngineEvent> uninterrupted = replay(day);

    // Split the trace at a random line, save and restore in between. A
    // typing line is cut in two, so the restart falls while the user types
    // (the inputs are the same: one a second).
    std::vector<std::string> lines;
    std::istringstream in(day.trace);
    for (std::string l; std::getline(in, l);) lines.push_back(l);
    std::mt19937 rng(seed * 7919);
    const size_t split = std::uniform_int_distribution<size_t>(0, lines.size() - 1)(rng);
    std::string first, second;
    for (size_t i = 0; i < lines.size(); ++i) {
      std::istringstream words(lines[i]);
      std::string when, action, length;
      words >> when >> action >> length;
      const long seconds = action == "type" ? std::stol(length) : 0;
      if (i == split && seconds > 1) {
        const long h = std::stol(when.substr(0, 2)), m = std::stol(when.substr(3, 2)),
                   s = std::stol(when.substr(6, 2));
        const long cut = std::uniform_int_distribution<long>(1, seconds - 1)(rng);
        first += when + " type " + std::to_string(cut) + "s\n";
        second += clock_time(h * 3600 + m * 60 + s + cut) + " type " +
                  std::to_string(seconds - cut) + "s\n";
        continue;
      }
      (i < split ? first : second) += lines[i] + "\n";
    }

    EngineHarness h(day.config);
    h.run(first);
    const std::string saved = h.engine.serialize();
    BreakEngine restored(day.config, h.clock);
    std::string err;
    ASSERT_TRUE(restored.restore(saved, &err)) << "seed " << seed << ": " << err;
    std::vector<EngineEvent> events = h.events();
    TraceReplay rest_of_day(h.clock, restored, h.replay.origin());
    ASSERT_TRUE(rest_of_day.run(second, [&](const EngineEvent& e) { events.push_back(e); }, &err))
        << err;

    ASSERT_EQ(events.size(), uninterrupted.size()) << "seed " << seed << " split at line " << split;
    for (size_t i = 0; i < events.size(); ++i) {
      ASSERT_EQ(events[i], uninterrupted[i])
          << "seed " << seed << " split at line " << split << ", event " << i << ": "
          << describe(events[i], h.replay.origin()) << " vs "
          << describe(uninterrupted[i], h.replay.origin());
    }
  }
}

}  // namespace
}  // namespace limber::testing
