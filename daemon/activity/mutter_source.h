// MutterSource: user activity on GNOME, from Mutter's idle monitor on the
// session bus (org.gnome.Mutter.IdleMonitor at
// /org/gnome/Mutter/IdleMonitor/Core). Works on GNOME under X11 and Wayland,
// where no other source can see input.
//
// Mutter offers two kinds of watch, both reported by the signal
// WatchFired(id):
//  - an idle watch (AddIdleWatch(ms)) fires each time the user has been idle
//    for that long; it fires again after every active→idle cycle;
//  - a user-active watch (AddUserActiveWatch) fires once, at the next input,
//    and is then gone: a second input needs a new watch.
// Watches die with our connection, so stop() needs no clean-up calls.
//
// The source keeps one idle watch with a short timeout P (the daemon's noise
// filter, at most half the idle grace) for its whole life. When it fires the
// last input was P ago, and the source adds a user-active watch to learn
// when input resumes. A user-active watch that fires is reported through
// on_input() when the daemon asked with watch_for_input(), so the cost is
// two messages per pause longer than P, whatever the input rate.
// idle_time() is answered from that state (IdleWatchState), never with a
// blocking round trip: idle since the idle watch fired at T → (now - T) + P;
// input since → at most P. One GetIdletime at start fills in the state
// before any watch has fired.
//
// Created by the daemon's source selection; the daemon calls start(), then
// watch_for_input() / idle_time() as ActivitySource describes, and stop().
// Losing Mutter (NameOwnerChanged: GNOME Shell restarted or exited) or the
// session bus is reported once through ActivitySink::on_source_lost("mutter").
//
// Threading: the loop thread only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "activity/activity_source.h"
#include "activity/idle_watch_state.h"
#include "activity/sd_bus_connection.h"

namespace limber {

class MutterSource final : public ActivitySource {
 public:
  MutterSource() = default;
  ~MutterSource() override;
  MutterSource(const MutterSource&) = delete;
  MutterSource& operator=(const MutterSource&) = delete;

  std::string_view name() const override { return "mutter"; }
  bool start(uv_loop_t* loop, const Clock& clock, Duration watch_timeout, ActivitySink& sink,
             std::string* why) override;
  void watch_for_input() override;
  std::optional<Duration> idle_time() override;
  void stop() override;

 private:
  enum class ActiveWatch { kNone, kRequested, kArmed };

  static int on_watch_fired(sd_bus_message* message, void* userdata, sd_bus_error* error);
  static int on_name_owner_changed(sd_bus_message* message, void* userdata, sd_bus_error* error);
  static int on_active_watch_added(sd_bus_message* reply, void* userdata, sd_bus_error* error);

  bool add_idle_watch(std::string* why);
  void read_initial_idle_time();
  void request_active_watch();
  void became_idle();
  void became_active();
  void lost(std::string why);

  const Clock* clock_ = nullptr;
  ActivitySink* sink_ = nullptr;
  Duration watch_timeout_{0};
  SdBusConnection connection_;
  std::string mutter_owner_;  // unique name of the idle monitor's owner
  SdBusSlot watch_fired_match_;
  SdBusSlot name_owner_match_;
  SdBusSlot active_watch_call_;

  uint32_t idle_watch_id_ = 0;
  ActiveWatch active_watch_ = ActiveWatch::kNone;
  uint32_t active_watch_id_ = 0;

  IdleWatchState watch_;
  bool watching_ = false;  // watch_for_input() awaits the next input
  bool lost_ = false;
};

}  // namespace limber
