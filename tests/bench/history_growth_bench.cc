// history_growth_bench: how big the history database grows in a year of
// workdays. A simulated user works 250 workdays (50 weeks, weekends away)
// through the real BreakEngine on a SimulatedClock, and every event goes to
// the real HistoryStore the way limberd writes it (limberd.cc, handle() and
// the flush timer): a break that falls due or ends and a natural break are
// written at once with the timer state; active time is buffered and flushed
// every simulated minute; the exercise shown is stored with each due break;
// the day start prunes history older than the retention (400 days by
// default, so a year is all kept).
//
// The user (seeded, so every run is the same): arrives between 08:30 and
// 09:15, types with short reading pauses, has a meeting of 30-60 min most
// days, lunch at 12:00 for 30-50 min, leaves between 17:00 and 17:45. To a
// prompt it answers: take the break (60 %), postpone (20 %), skip (10 %),
// or keep working and ignore it (10 %).
//
//   history_growth_bench [--days N]   (default 250 workdays)
//
// Prints a Markdown section on stdout.
#include <sqlite3.h>
#include <sys/stat.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>

#include "bench_figures.h"
#include "engine/break_engine.h"
#include "store/history_store.h"

namespace {

using namespace limber;
using namespace std::chrono_literals;

constexpr int kRetentionDays = kDefaultRetentionDays;
constexpr auto kFlushDelay = 60s;  // limberd's flush timer
const char* const kExercises[] = {"neck-half-rolls", "chin-tuck", "shoulder-rolls", "scapular-squeeze"};

long long file_size(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 ? static_cast<long long>(st.st_size) : 0;
}

long long count_rows(sqlite3* db, const char* table) {
  const std::string sql = std::string("SELECT count(*) FROM ") + table;
  sqlite3_stmt* stmt = nullptr;
  long long n = -1;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW) {
    n = sqlite3_column_int64(stmt, 0);
  }
  sqlite3_finalize(stmt);
  return n;
}

class SimulatedYear {
 public:
  SimulatedYear(SimulatedClock& clock, BreakEngine& engine, HistoryStore& store)
      : clock_(clock), engine_(engine), store_(store) {}

  // Moves the clock forward by `d`, waking the engine at its deadlines and
  // flushing the store as limberd's timer would.
  void pass(Duration d) {
    const MonoTime until = clock_.mono() + d;
    while (true) {
      const auto deadline = engine_.next_deadline();
      MonoTime next = until;
      if (deadline && *deadline < next) next = *deadline;
      if (store_.has_pending()) next = std::min(next, last_flush_ + kFlushDelay);
      if (next > clock_.mono()) clock_.advance(next - clock_.mono());
      wake();
      if (store_.has_pending() && clock_.mono() >= last_flush_ + kFlushDelay) flush();
      if (clock_.mono() >= until) return;
    }
  }

  // Input once a second for `d`, answering prompts as the user model says.
  void work(Duration d) {
    const MonoTime until = clock_.mono() + d;
    while (clock_.mono() < until) {
      pass(1s);
      engine_.input(clock_.mono());
      wake();
      if (due_) answer();
    }
  }

  void workday(std::mt19937& rng) {
    auto minutes = [&](int lo, int hi) { return Duration{std::chrono::minutes(std::uniform_int_distribution<int>(lo, hi)(rng))}; };
    const MonoTime midnight = clock_.mono();
    pass(8h + 30min + minutes(0, 45));
    const bool meeting = std::uniform_int_distribution<int>(0, 3)(rng) != 0;
    // Morning: stretches of typing with short reading pauses, a meeting.
    while (clock_.local(clock_.wall()).minute_of_day < 12 * 60) {
      work(minutes(5, 25));
      if (meeting && clock_.local(clock_.wall()).minute_of_day > 10 * 60 + 30 && !had_meeting_) {
        pass(minutes(30, 60));
        had_meeting_ = true;
      } else {
        pass(Duration{std::chrono::seconds(std::uniform_int_distribution<int>(10, 120)(rng))});
      }
    }
    pass(minutes(30, 50));  // lunch
    const int leave = 17 * 60 + std::uniform_int_distribution<int>(0, 45)(rng);
    while (clock_.local(clock_.wall()).minute_of_day < leave) {
      work(minutes(5, 25));
      pass(Duration{std::chrono::seconds(std::uniform_int_distribution<int>(10, 120)(rng))});
    }
    had_meeting_ = false;
    pass(midnight + 24h - clock_.mono());
  }

  void flush() {
    account_active();
    store_.save_timer_state(clock_.wall(), engine_.serialize());
    store_.flush();
    last_flush_ = clock_.mono();
  }

  long long breaks_due() const { return breaks_due_; }
  void seed(unsigned s) { answers_.seed(s); }

 private:
  void wake() {
    engine_.advance();
    for (const EngineEvent& e : engine_.take_events()) handle(e);
    account_active();
  }

  void handle(const EngineEvent& e) {
    if (e.kind == EventKind::kBreakDue) {
      due_ = true;
      ++breaks_due_;
    }
    if (e.kind == EventKind::kBreakEnded) due_ = false;
    if (e.kind == EventKind::kDayStarted) store_.prune(e.wall, kRetentionDays);
    const bool lasting = e.kind == EventKind::kBreakDue || e.kind == EventKind::kBreakEnded ||
                         e.kind == EventKind::kNaturalBreak;
    if (!lasting) return;
    account_active();
    store_.save_timer_state(clock_.wall(), engine_.serialize());
    store_.record(e);
    if (e.kind == EventKind::kBreakDue) {
      store_.set_exercise(e.id, kExercises[e.id % std::size(kExercises)]);
    }
    if (e.kind == EventKind::kNaturalBreak || e.kind == EventKind::kBreakDue) store_.flush();
  }

  void account_active() {
    const Duration total = engine_.status().active_total;
    if (total > recorded_) {
      store_.add_active(clock_.wall() - (total - recorded_), total - recorded_);
      recorded_ = total;
    }
  }

  // The user's answer to the prompt on screen.
  void answer() {
    due_ = false;
    const int roll = std::uniform_int_distribution<int>(0, 99)(answers_);
    if (roll < 60) {
      if (engine_.start_break()) {
        const auto& rule = engine_.config().rule(current_due_kind());
        pass(rule.duration + 5s);  // away from the keyboard for the break
      }
    } else if (roll < 80) {
      engine_.postpone();
    } else if (roll < 90) {
      engine_.skip();
    }  // else: keeps working; the engine records it as ignored
    wake();
  }

  BreakKind current_due_kind() const {
    for (const BreakStatus& b : engine_.status().breaks) {
      if (b.phase == BreakStatus::Phase::kDue) return b.kind;
    }
    return BreakKind::kMicro;
  }

  SimulatedClock& clock_;
  BreakEngine& engine_;
  HistoryStore& store_;
  std::mt19937 answers_{7};
  MonoTime last_flush_{};
  Duration recorded_{0};
  bool due_ = false;
  bool had_meeting_ = false;
  long long breaks_due_ = 0;
};

}  // namespace

int main(int argc, char** argv) {
  const limber::bench::FigureLog figures(&argc, argv);
  int workdays = 250;
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::string(argv[i]) == "--days") workdays = std::max(1, std::atoi(argv[i + 1]));
  }
  char dir_template[] = "/tmp/limber-history-bench-XXXXXX";
  if (mkdtemp(dir_template) == nullptr) return 1;
  const std::string dir = dir_template;
  const std::string path = dir + "/history.sqlite3";

  const auto started = std::chrono::steady_clock::now();
  // Monday 5 January 2026, midnight UTC.
  SimulatedClock clock(std::chrono::sys_days{std::chrono::year{2026} / 1 / 5});
  BreakEngine engine(EngineConfig{}, clock);
  Status st;
  auto store = HistoryStore::open(path, &st);
  if (!store) {
    std::fprintf(stderr, "history_growth_bench: %s\n", st.message().c_str());
    return 1;
  }
  SimulatedYear year(clock, engine, *store);
  std::mt19937 days(2026);
  for (int day = 0; day < workdays; ++day) {
    year.workday(days);
    if (day % 5 == 4) year.pass(48h);  // the weekend
  }
  year.flush();
  const long long breaks_due = year.breaks_due();
  const double active_h =
      std::chrono::duration<double, std::ratio<3600>>(engine.status().active_total).count();
  store.reset();  // closes the database: the WAL is checkpointed into it
  const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  const long long bytes = file_size(path);
  const long long wal = file_size(path + "-wal");
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  const long long activity = count_rows(db, "activity");
  const long long breaks = count_rows(db, "breaks");
  const long long natural = count_rows(db, "natural_breaks");
  sqlite3_close(db);
  std::filesystem::remove_all(dir);

  std::printf("## History growth (`history_growth_bench`)\n\n");
  std::printf("%d simulated workdays (Mon-Fri from 2026-01-05, weekends away) through the real\n"
              "BreakEngine and HistoryStore, written as limberd writes them; default rules,\n"
              "retention %d days. The user typed %.0f h in all; %lld breaks fell due. Replayed\n"
              "in %.1f s.\n\n",
              workdays, kRetentionDays, active_h, breaks_due, took);
  std::printf("| figure | value |\n|---|---:|\n");
  std::printf("| database file after closing | **%lld bytes** (%.2f MiB) |\n", bytes,
              static_cast<double>(bytes) / (1024.0 * 1024.0));
  std::printf("| left in the WAL file | %lld bytes |\n", wal);
  std::printf("| per workday | **%.0f bytes** |\n", static_cast<double>(bytes) / workdays);
  std::printf("| rows: activity (5-min buckets) / breaks / natural breaks | %lld / %lld / %lld |\n",
              activity, breaks, natural);
  figures.add("history database after " + std::to_string(workdays) + " simulated workdays",
              limber::bench::format("%lld bytes (%.0f bytes/day)", bytes, static_cast<double>(bytes) / workdays));
  return 0;
}
