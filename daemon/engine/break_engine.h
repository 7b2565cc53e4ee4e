// BreakEngine: decides when breaks are due and how they end.
//
// Pure logic: no I/O, no event loop, no threads. The daemon feeds it
// activity (input(), session()) and user commands, calls advance() when the
// time returned by next_deadline() comes, and forwards take_events() to its
// store and clients. Tests drive it with a SimulatedClock.
//
// Activity model: input() reports that the user gave input at a moment.
// Active time is credited up to the latest input; the user becomes idle when
// no input is seen for idle_grace, and idle time counts from the last input.
// Sources need not report every event: the daemon asks its source for the
// time of the last input when a deadline comes (see daemon/activity/).
//
// Thread safety: none; call from one thread.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "limber/clock.h"
#include "engine_config.h"
#include "events.h"
#include "limber/status.h"

namespace limber {

enum class SessionEvent { kLock, kUnlock, kSleep, kWake };

// What a view needs to draw the current state.
struct BreakStatus {
  BreakKind kind = BreakKind::kMicro;
  bool enabled = false;
  enum class Phase { kWaiting, kDue, kSnoozed, kDone } phase = Phase::kWaiting;
  Duration accrued{0};       // active time toward this break
  Duration until_due{0};     // active time left before it is due (0 when due)
  uint64_t id = 0;           // the due break, when phase is kDue
  bool started = false;      // countdown begun
  bool held = false;         // due but held by quiet mode
  Duration progress{0};      // countdown progress, when due
  int postpones_left = 0;
};

struct EngineStatus {
  Mode mode = Mode::kWorking;
  bool active = false;
  bool locked = false;
  bool quiet = false;
  std::optional<WallTime> paused_until;  // set while paused
  Duration active_today{0};
  Duration active_total{0};  // since the engine's state began (for statistics)
  std::array<BreakStatus, kBreakKinds> breaks{};
};

class BreakEngine {
 public:
  BreakEngine(EngineConfig config, const Clock& clock);

  // --- activity -----------------------------------------------------------
  // The user gave input at `at` (<= clock.mono()). Older reports are ignored.
  void input(MonoTime at);
  void session(SessionEvent event);

  // --- time ---------------------------------------------------------------
  // Processes everything up to clock.mono(). Call after the clock moved and
  // after each input() batch; cheap when nothing is due.
  void advance();
  // When advance() must next be called even if no input arrives.
  std::optional<MonoTime> next_deadline() const;
  // True while the engine would like to learn of the next input promptly
  // (the user is idle); while active, polling at deadlines is enough.
  bool wants_input_promptly() const;

  // --- commands (from the user, through IPC) -------------------------------
  Status start_break();                  // start the countdown of the due break
  Status take_break_now(BreakKind kind); // a break the user asks for now
  Status postpone();                     // the due break, after its snooze
  Status skip();                         // the due break, if allowed
  void pause_for(Duration d);
  void pause_until(WallTime t);
  void pause_until_tomorrow();           // until the next day start
  void resume();
  void set_quiet(bool quiet);
  void set_config(EngineConfig config);
  const EngineConfig& config() const { return config_; }

  // --- output -------------------------------------------------------------
  std::vector<EngineEvent> take_events();
  EngineStatus status() const;

  // --- persistence --------------------------------------------------------
  // A stable text form of the whole state ("key value" lines, versioned).
  std::string serialize() const;
  // Restores a serialized state. The time between the save and clock.wall()
  // counts as idle time. On error returns false and says why in *err.
  bool restore(const std::string& text, std::string* err);

 private:
  struct SavedState;  // engine_state.cc
  bool restore_activity(const SavedState& saved, MonoTime base, std::string* err);
  bool restore_timers(const SavedState& saved, MonoTime base, std::string* err);
  enum class Phase { kWaiting, kDue, kSnoozed, kDone };
  struct Timer {
    Phase phase = Phase::kWaiting;
    Duration accrued{0};         // active time since the last reset
    Duration snooze_accrued{0};  // active time since postponed/ignored
    int postpones = 0;           // since the last reset
    // While due:
    uint64_t id = 0;
    bool started = false;
    bool paused = false;         // started, then activity paused the countdown
    bool held = false;
    bool requested = false;      // asked for by the user (take_break_now)
    Duration progress{0};        // idle time counted toward the duration
    Duration due_active{0};      // active time since prompted (for "ignored")
    MonoTime prompted_at{};
  };

  // Time handling.
  WallTime wall_at(MonoTime t) const;
  void step_to(MonoTime t);
  std::optional<MonoTime> next_internal_event() const;
  void handle_time_events(MonoTime t);
  void credit_active(MonoTime until);
  void go_idle(MonoTime since, MonoTime now);
  void become_active(MonoTime since, MonoTime now);

  // Modes.
  Mode compute_mode(MonoTime t) const;
  void update_mode(MonoTime t);
  void check_day(MonoTime t);
  int day_number(MonoTime t) const;

  // Breaks.
  Timer& timer(BreakKind k) { return timers_[static_cast<size_t>(k)]; }
  const Timer& timer(BreakKind k) const { return timers_[static_cast<size_t>(k)]; }
  bool is_overdue(BreakKind k) const;
  std::optional<BreakKind> due_break() const;
  void add_active(Duration d, MonoTime at);
  void try_prompt(MonoTime t);
  bool folded_into_rest() const;
  void prompt(BreakKind k, MonoTime t, bool requested);
  void end_break(BreakKind k, Outcome outcome, MonoTime t);
  void reset_timer(BreakKind k);
  void accrue_progress(MonoTime from, MonoTime to);
  bool idle_now() const { return !active_ || locked_ || asleep_; }

  void emit(EventKind kind, MonoTime t, BreakKind brk = BreakKind::kMicro, uint64_t id = 0,
            Outcome outcome = Outcome::kNone, Duration amount = Duration{0});

  EngineConfig config_;
  const Clock& clock_;

  MonoTime now_;                  // processed up to here
  Duration wall_offset_{0};       // wall - mono at the last step, to spot jumps

  // Activity.
  bool active_ = false;
  MonoTime last_input_;           // latest input seen while active
  MonoTime idle_since_;           // start of the current idle run
  MonoTime credited_until_;       // active time credited up to here
  std::optional<MonoTime> candidate_start_;  // unconfirmed input (noise filter)
  MonoTime candidate_last_;
  bool locked_ = false;
  bool asleep_ = false;

  // Modes.
  Mode mode_ = Mode::kWorking;
  bool quiet_ = false;
  enum class PauseKind { kNone, kFor, kUntil } pause_kind_ = PauseKind::kNone;
  MonoTime pause_end_mono_;       // kFor
  WallTime pause_end_wall_;       // kUntil
  int day_ = 0;                   // day number of the current day
  Duration active_today_{0};
  Duration active_total_{0};

  bool crediting_mode_change_ = false;  // no prompts while settling the old mode

  std::array<Timer, kBreakKinds> timers_{};
  uint64_t next_id_ = 1;
  std::vector<EngineEvent> events_;
};

}  // namespace limber
