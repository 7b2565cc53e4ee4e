// WaylandSource: user activity from a Wayland compositor's idle protocol.
//
// Prefers ext-idle-notify-v1 (KWin 5.27, newer wlroots) and falls back to
// org_kde_kwin_idle (sway 1.7, wayfire, cage in Debian 12). With
// ext-idle-notify-v1 version 2 (and headers that know it) the notification
// is get_input_idle_notification, which ignores idle inhibitors, so a video
// player does not count as typing; version 1 honours inhibitors.
//
// The daemon asks for one idle notification with a short timeout P (its
// noise filter, at most half the idle grace) on the first wl_seat, over its
// own wl_display connection, and the compositor tells it two things:
// "idled" (no input for P) and "resumed" (input after that). From those the
// source knows the last input to within P (IdleWatchState); nothing else
// about the input reaches the daemon, whatever the input rate.
//
// Created and driven by the daemon's source selection; the wl_display fd
// is polled on the daemon's libuv loop. Everything runs on the loop thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "activity/activity_source.h"
#include "activity/idle_watch_state.h"
#include "uv/uv_handle.h"

struct wl_display;
struct wl_registry;
struct wl_seat;
struct ext_idle_notifier_v1;
struct ext_idle_notification_v1;
struct org_kde_kwin_idle;
struct org_kde_kwin_idle_timeout;

namespace limber {

class WaylandSource final : public ActivitySource {
 public:
  // The idle protocol start() settled on.
  enum class Protocol { kNone, kExtIdleNotify, kKdeIdle };

  WaylandSource() = default;
  ~WaylandSource() override;
  WaylandSource(const WaylandSource&) = delete;
  WaylandSource& operator=(const WaylandSource&) = delete;

  std::string_view name() const override { return "wayland"; }

  // Connects to $WAYLAND_DISPLAY (under $XDG_RUNTIME_DIR), finds a seat and
  // an idle protocol, and asks for idle notifications after `watch_timeout`.
  // Blocks for two round trips to the compositor. Fails with a reason when
  // there is no display, no seat, or neither idle protocol.
  bool start(uv_loop_t* loop, const Clock& clock, Duration watch_timeout, ActivitySink& sink,
             std::string* why) override;

  // The next "resumed" from the compositor is reported once as input; so is
  // input that only a first "idled" reveals (it began before any event).
  void watch_for_input() override;

  // IdleWatchState::idle_time: exact after "idled", at most P after
  // "resumed", nullopt before the first event, when no input was seen since
  // start, once the compositor is gone, or before start().
  std::optional<Duration> idle_time() override;

  // Releases the notification, the connection and the poll handle.
  void stop() override;

  Protocol protocol() const { return protocol_; }
  // ext-idle-notify-v1 version 2's input-only notification is in use.
  bool input_only() const { return input_only_; }

 private:
  bool ask_for_idle_notification(uint32_t timeout);
  struct Listeners;  // the wl_*_listener tables and their callbacks

  std::string protocol_label() const;
  void on_idled();
  void on_resumed();
  // The fd is readable (or writable, or hung up).
  void on_fd_ready(int status, int events);
  // Reads what the compositor sent and runs the listeners.
  bool read_and_dispatch();
  // Sends queued requests; when the socket is full, waits for writable.
  bool flush();
  void poll_for(bool writable);
  // The compositor is gone: release everything, then tell the sink.
  void lose(std::string why);
  void release();

  ActivitySink* sink_ = nullptr;
  const Clock* clock_ = nullptr;

  wl_display* display_ = nullptr;
  wl_registry* registry_ = nullptr;
  wl_seat* seat_ = nullptr;
  ext_idle_notifier_v1* ext_notifier_ = nullptr;
  ext_idle_notification_v1* ext_notification_ = nullptr;
  org_kde_kwin_idle* kde_idle_ = nullptr;
  org_kde_kwin_idle_timeout* kde_timeout_ = nullptr;
  // Registry names of the globals seen during start(), 0 when absent.
  uint32_t seat_name_ = 0;
  uint32_t ext_notifier_name_ = 0;
  uint32_t ext_notifier_version_ = 0;
  uint32_t kde_idle_name_ = 0;

  std::optional<UvHandle<uv_poll_t>> poll_;
  bool polling_writable_ = false;

  Protocol protocol_ = Protocol::kNone;
  bool connected_ = false;
  bool input_only_ = false;
  IdleWatchState watch_;
  bool watching_ = false;                 // watch_for_input() awaits "resumed"
  std::optional<MonoTime> input_to_report_;  // delivered after dispatch
};

}  // namespace limber
