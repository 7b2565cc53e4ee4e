#include "history_recorder.h"

#include "limber/duration.h"
#include "log.h"

namespace limber {
namespace {

using namespace std::chrono_literals;

// Buffered history (active time) is written at most this long after it was
// recorded; breaks are written at once.
constexpr auto kFlushDelay = 60s;
// How often a history that could not be opened is tried again, and how
// many records are kept for it meanwhile (a month of breaks; each is a few
// dozen bytes).
constexpr auto kReopenEvery = 60s;
constexpr size_t kMaxUnrecorded = 2000;

bool is_recorded(const EngineEvent& e) {
  return e.kind == EventKind::kBreakDue || e.kind == EventKind::kBreakEnded || e.kind == EventKind::kNaturalBreak;
}

std::string recorded_line(const EngineEvent& e) {
  const std::string what = std::string(break_name(e.brk)) + " #" + std::to_string(e.id);
  switch (e.kind) {
    case EventKind::kNaturalBreak: return "natural " + std::string(break_name(e.brk)) + ": away for " + format_duration(e.amount);
    case EventKind::kBreakDue: return what + " due" + (e.requested ? " (asked for)" : "");
    case EventKind::kBreakEnded: return what + " ended: " + std::string(to_string(e.outcome));
    default: return {};
  }
}

}  // namespace

HistoryRecorder::HistoryRecorder(const Clock& clock, TimerFactory& timers, std::function<std::string()> snapshot,
                                 std::function<int()> retention_days)
    : clock_(clock),
      snapshot_(std::move(snapshot)),
      retention_days_(std::move(retention_days)),
      flush_timer_(timers.make([this] { flush(); })),
      reopen_timer_(timers.make([this] { reopen(); })) {}

HistoryRecorder::~HistoryRecorder() = default;

std::optional<std::string> HistoryRecorder::open(const std::string& path, WallTime* saved_at) {
  path_ = path;
  Status st;
  store_ = HistoryStore::open(path, &st);
  if (!store_) {
    open_error_ = st.message();
    log_error("history is not recorded: " + st.message() + "; trying again every " + format_duration(kReopenEvery));
    reopen_timer_->start(kReopenEvery, kReopenEvery);
    return std::nullopt;
  }
  log_info("history in " + path);
  std::optional<std::string> state = store_->load_timer_state(saved_at);
  prune(clock_.wall());
  return state;
}

void HistoryRecorder::reopen() {
  if (store_) return;
  Status st;
  store_ = HistoryStore::open(path_, &st);
  if (!store_) {
    if (st.message() != open_error_) {
      open_error_ = st.message();
      log_error("history is still not recorded: " + st.message());
    }
    return;
  }
  reopen_timer_->stop();
  open_error_.clear();
  catch_up();
}

// The timers running now are the truth; the saved ones are older.
void HistoryRecorder::catch_up() {
  size_t written = 0;
  for (const auto& [start, d] : unrecorded_active_) store_->add_active(start, d);
  unrecorded_active_.clear();
  for (const EngineEvent& e : unrecorded_) {
    if (store_->record(e)) ++written;
  }
  unrecorded_.clear();
  store_->save_timer_state(clock_.wall(), snapshot_());
  Status fst = store_->flush();
  log_notice("history in " + path_ + " can be written again: caught up on " + std::to_string(written) +
             " break records" + (fst ? "" : " (kept in memory for now: " + fst.message() + ")"));
  schedule_flush();
}

void HistoryRecorder::keep_unrecorded(const EngineEvent& e) {
  // The oldest go first when a very long outage fills the backlog.
  if (unrecorded_.size() >= kMaxUnrecorded) unrecorded_.erase(unrecorded_.begin());
  unrecorded_.push_back(e);
}

void HistoryRecorder::add_active(WallTime start, Duration d) {
  if (store_) {
    store_->add_active(start, d);
    return;
  }
  if (!unrecorded_active_.empty()) {
    auto& [last_start, last_d] = unrecorded_active_.back();
    if (last_start + last_d == start) {  // continues the last span
      last_d += d;
      return;
    }
  }
  if (unrecorded_active_.size() >= kMaxUnrecorded) unrecorded_active_.erase(unrecorded_active_.begin());
  unrecorded_active_.emplace_back(start, d);
}

void HistoryRecorder::record(const std::vector<EngineEvent>& events,
                             const std::function<std::string(uint64_t)>& exercise_of) {
  for (const EngineEvent& e : events) {
    if (e.kind == EventKind::kDayStarted) prune(e.wall);
  }
  if (store_) {
    write_batch(events, exercise_of);
    return;
  }
  // Kept for a history that opens later. A due break is not: its end is.
  for (const EngineEvent& e : events) {
    if (is_recorded(e) && e.kind != EventKind::kBreakDue) keep_unrecorded(e);
    if (is_recorded(e)) log_info(recorded_line(e));
  }
}

void HistoryRecorder::write_batch(const std::vector<EngineEvent>& events,
                                  const std::function<std::string(uint64_t)>& exercise_of) {
  std::vector<std::string> lines;
  for (const EngineEvent& e : events) {
    if (!is_recorded(e)) continue;
    store_->buffer(e);
    if (e.kind == EventKind::kBreakDue) {
      if (std::string id = exercise_of(e.id); !id.empty()) store_->set_exercise(e.id, std::move(id));
    }
    lines.push_back(recorded_line(e));
  }
  if (lines.empty()) return;
  // One transaction: the breaks, the exercise shown, the matching timers.
  store_->save_timer_state(clock_.wall(), snapshot_());
  if (Status st = store_->flush(); !st) log_error("history write failed (kept in memory, retried): " + st.message());
  for (const std::string& line : lines) log_info(line);
}

void HistoryRecorder::schedule_flush() {
  if (store_ && store_->has_pending() && !flush_timer_->active()) flush_timer_->start(kFlushDelay);
}

void HistoryRecorder::flush() {
  if (!store_) return;
  store_->save_timer_state(clock_.wall(), snapshot_());
  if (Status st = store_->flush(); !st) {
    log_error("history write failed (kept in memory, retried): " + st.message());
    schedule_flush();
  }
}

void HistoryRecorder::prune(WallTime now) {
  if (!store_) return;
  if (Status st = store_->prune(now, retention_days_()); !st) log_warning("history pruning failed: " + st.message());
}

void HistoryRecorder::close() {
  flush();
  flush_timer_->stop();
  reopen_timer_->stop();
  store_.reset();  // closes the database
}

protocol::HistoryHealth HistoryRecorder::health() const {
  if (!store_) {
    return {false, "not recorded: " + open_error_ + " (retried every minute)",
            static_cast<uint64_t>(unrecorded_.size()), "", ""};
  }
  const HistoryHealth h = store_->health();
  return {h.ok(), h.ok() ? std::string() : h.summary(), static_cast<uint64_t>(store_->unwritten()), h.moved_aside,
          h.prune_problem};
}

}  // namespace limber
