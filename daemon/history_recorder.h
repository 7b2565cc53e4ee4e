// HistoryRecorder: the only part of limberd that writes the history. It
// opens the HistoryStore (and, when that fails — a read-only or missing
// disk — keeps trying every minute while it holds the breaks that ended
// meanwhile), records each batch of engine events in one transaction with
// the matching timer state, credits active time, flushes what is buffered a
// minute later, prunes old history once a day, and reports its health.
//
// A break's due and end, and natural breaks, are written at once, so a
// kill -9 right after loses none; a line in the log about a recorded break
// is written only after the break is.
//
// Threading: the loop thread.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "daemon_timer.h"
#include "limber/protocol.h"
#include "store/history_store.h"

namespace limber {

class HistoryRecorder {
 public:
  // `snapshot` returns the engine's state to save (BreakLoop::snapshot);
  // `retention_days` the history.retention_days setting.
  HistoryRecorder(const Clock& clock, TimerFactory& timers, std::function<std::string()> snapshot,
                  std::function<int()> retention_days);
  ~HistoryRecorder();
  HistoryRecorder(const HistoryRecorder&) = delete;
  HistoryRecorder& operator=(const HistoryRecorder&) = delete;

  // Opens the history at `path`; on failure logs why and retries every
  // minute. Returns the saved timer state, if one was found.
  std::optional<std::string> open(const std::string& path, WallTime* saved_at);

  // Records one wake's events; `exercise_of` names the exercise shown with
  // a due break (empty: none).
  void record(const std::vector<EngineEvent>& events, const std::function<std::string(uint64_t)>& exercise_of);
  void add_active(WallTime start, Duration d);
  // Plans the buffered writes (called after each wake).
  void schedule_flush();
  // Saves the timers and writes everything buffered now.
  void flush();
  // The last flush, then closes the database.
  void close();

  // nullptr while the history cannot be opened.
  HistoryStore* store() { return store_.get(); }
  std::string path() const { return store_ ? store_->path() : std::string(); }
  protocol::HistoryHealth health() const;

 private:
  void reopen();
  void catch_up();
  void prune(WallTime now);
  void write_batch(const std::vector<EngineEvent>& events, const std::function<std::string(uint64_t)>& exercise_of);
  void keep_unrecorded(const EngineEvent& e);

  const Clock& clock_;
  std::function<std::string()> snapshot_;
  std::function<int()> retention_days_;
  std::string path_;
  std::unique_ptr<HistoryStore> store_;
  std::string open_error_;
  // While the history cannot be opened: the break records and the active
  // time that would have been written, oldest first, bounded.
  std::vector<EngineEvent> unrecorded_;
  std::vector<std::pair<WallTime, Duration>> unrecorded_active_;
  std::unique_ptr<DaemonTimer> flush_timer_;
  std::unique_ptr<DaemonTimer> reopen_timer_;
};

}  // namespace limber
