// store_crash_writer DB FIRST_ID: records breaks into the history store at
// DB as fast as it can, numbering them from FIRST_ID, until it is killed.
// After record() of a break's end returns ok it prints the break's id on a
// line of its own, so whoever kills it knows which breaks must have survived
// (store_crash_test). Exits 1 on any error.
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>

#include "store/history_store.h"

int main(int argc, char** argv) {
  using namespace limber;
  using std::chrono::seconds;
  uint64_t id = 0;
  if (argc != 3 || std::from_chars(argv[2], argv[2] + std::strlen(argv[2]), id).ec != std::errc()) {
    std::fprintf(stderr, "usage: store_crash_writer DB FIRST_ID\n");
    return 2;
  }
  Status status;
  auto store = HistoryStore::open(argv[1], &status);
  if (!store) {
    std::fprintf(stderr, "%s\n", status.message().c_str());
    return 1;
  }
  for (;; ++id) {
    WallTime now = std::chrono::time_point_cast<Duration>(std::chrono::system_clock::now());
    for (int i = 0; i < 5; ++i) store->add_active(now - seconds(5 - i), seconds(1));
    EngineEvent event;
    event.wall = now;
    event.kind = EventKind::kBreakDue;
    event.brk = id % 4 == 0 ? BreakKind::kRest : BreakKind::kMicro;
    event.id = id;
    status = store->record(event);
    store->set_exercise(id, "shoulder-roll");
    store->save_timer_state(now, "crash writer at break " + std::to_string(id));
    if (status) {
      event.kind = EventKind::kBreakEnded;
      event.outcome = Outcome::kTaken;
      status = store->record(event);
    }
    if (status && id % 8 == 0) status = store->flush();
    if (!status) {
      std::fprintf(stderr, "%s\n", status.message().c_str());
      return 1;
    }
    std::printf("%llu\n", static_cast<unsigned long long>(id));
    std::fflush(stdout);
  }
}
