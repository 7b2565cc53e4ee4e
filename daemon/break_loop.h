// BreakLoop: the heart of limberd. It owns the break engine, the activity
// source and the one deadline timer, feeds the engine the user's input and
// the passage of time, and publishes what comes out to one observer (the
// daemon object, which hands it on to the recorder, the prompts and the
// reporter):
//  - the engine's events, in order, one batch per wake;
//  - active time, as credit [start, start + d) once per wake, so nothing
//    else recomputes it from the engine's status.
//
// It wakes only at the engine's next deadline or when the source reports
// input; the source is asked for the last input only at deadlines, so its
// cost does not grow with the input rate (activity_source.h).
//
// Threading: the loop thread.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "activity/activity_source.h"
#include "daemon_timer.h"
#include "engine/break_engine.h"

namespace limber {

class BreakObserver {
 public:
  // Active time the engine counted since the last call.
  virtual void on_active_time(WallTime start, Duration d) = 0;
  // The engine's events of one wake, in order (never empty).
  virtual void on_break_events(const std::vector<EngineEvent>& events) = 0;
  // After every wake, once the engine is settled and the deadline armed.
  virtual void after_wake() = 0;

 protected:
  ~BreakObserver() = default;
};

// Starts the activity source the configuration asks for, reporting to
// `sink`, with the idle watch timeout `watch_timeout` in the clock's time
// (source_watch_timeout); nullptr when none works (it has logged why).
// Called at start and whenever the source must be replaced.
using SourceStarter = std::function<std::unique_ptr<ActivitySource>(Duration watch_timeout, ActivitySink& sink)>;

// The timeout of an event-driven source's idle watch for these rules: the
// noise filter, at most half the idle grace (activity_source.h).
Duration source_watch_timeout(const EngineConfig& rules);

class BreakLoop final : public ActivitySink {
 public:
  // Sources measure real time; `time_scale` is how much faster the clock
  // runs (limberd --time-scale, SystemClock).
  BreakLoop(const Clock& clock, TimerFactory& timers, EngineConfig rules, double time_scale = 1.0);
  BreakLoop(const BreakLoop&) = delete;
  BreakLoop& operator=(const BreakLoop&) = delete;

  void set_observer(BreakObserver* observer) { observer_ = observer; }

  // Restores the timers saved at `saved_at`; the time since counts as idle.
  bool restore(const std::string& state, WallTime saved_at, std::string* err);
  // Starts the first source. False when none works.
  bool start(SourceStarter starter);
  // New rules (a reload); the source restarts when the idle grace changed.
  void set_rules(const EngineConfig& rules);

  // Runs the engine up to now, publishes its events and active time, arms
  // the next deadline. Call after anything that changed the engine.
  void wake();
  // Publishes pending active time and returns the engine's state to save.
  std::string snapshot();
  // Runs the engine one last time, publishes it, and stops the source.
  void stop();

  BreakEngine& engine() { return engine_; }
  const BreakEngine& engine() const { return engine_; }
  std::string source_name() const;

  // ActivitySink (the source and logind).
  void on_input(MonoTime at) override;
  void on_session(SessionEvent event) override;
  void on_source_lost(std::string_view source, std::string_view why) override;

 private:
  void publish(const std::vector<EngineEvent>& events);
  void credit_active_time();
  void arm();
  void replace_source();
  void start_source_again();

  const Clock& clock_;
  double time_scale_;
  BreakEngine engine_;
  BreakObserver* observer_ = nullptr;
  SourceStarter starter_;
  std::unique_ptr<ActivitySource> source_;
  bool watching_ = false;  // the source reports the next input
  bool stopping_ = false;
  Duration active_credited_{0};  // engine active time already published
  std::unique_ptr<DaemonTimer> deadline_;
  std::unique_ptr<DaemonTimer> source_retry_;
};

}  // namespace limber
