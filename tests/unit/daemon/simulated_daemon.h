// The pieces that run a whole DaemonCore in-process on simulated time:
// timers that fire as a SimulatedClock is advanced, an activity source
// driven by the test (it keeps the real sources' contract: it reports the
// next input once when asked to watch, and answers the idle time at
// deadlines), and views that keep every notification.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "activity/activity_source.h"
#include "daemon_timer.h"
#include "limber/clock.h"
#include "views.h"

namespace limber::testing {

class SimulatedTimers final : public TimerFactory {
 public:
  explicit SimulatedTimers(SimulatedClock& clock) : clock_(clock) {}
  std::unique_ptr<DaemonTimer> make(std::function<void()> fire) override;

  // Fires every timer due up to `end`, in order, moving the clock to each,
  // then moves the clock to `end`.
  void run_until(MonoTime end);
  // How many times a timer fired (the daemon's wake-ups).
  uint64_t fired() const { return fired_; }

  struct Timer;  // public for the implementation

 private:
  friend struct Timer;
  SimulatedClock& clock_;
  std::map<uint64_t, Timer*> timers_;  // live timers by creation order
  uint64_t next_id_ = 0;
  uint64_t fired_ = 0;
};

class ScriptedSource final : public ActivitySource {
 public:
  explicit ScriptedSource(const Clock& clock) : clock_(clock) {}
  std::string_view name() const override { return "scripted"; }
  bool start(uv_loop_t*, const Clock&, Duration, ActivitySink& sink, std::string*) override {
    sink_ = &sink;
    return true;
  }
  void watch_for_input() override { watching_ = true; }
  std::optional<Duration> idle_time() override;
  void stop() override { sink_ = nullptr; }

  // The user pressed a key now.
  void input();
  uint64_t reported() const { return reported_; }

 private:
  const Clock& clock_;
  ActivitySink* sink_ = nullptr;
  bool watching_ = false;
  std::optional<MonoTime> last_input_;
  uint64_t reported_ = 0;  // inputs reported through on_input
};

class RecordingViews final : public Views {
 public:
  void notify(const std::string& method, const rpc::Json& params) override {
    sent.push_back({method, params});
  }
  bool tray_connected() const override { return tray; }
  std::vector<rpc::Json> of(const std::string& method) const;

  struct Sent {
    std::string method;
    rpc::Json params;
  };
  std::vector<Sent> sent;
  bool tray = true;
};

}  // namespace limber::testing
