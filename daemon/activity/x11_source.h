// X11Source: the activity source for an X11 session.
//
// Input is seen through XInput 2.2 raw events (XI_RawKeyPress,
// XI_RawButtonPress, XI_RawMotion) selected on the root window, which the X
// server sends for every device no matter which window has focus or a grab.
// Idle time comes from the MIT-SCREEN-SAVER extension, which also counts
// input that sends no raw event (a pointer warp, XResetScreenSaver from a
// video player).
//
// Cost does not grow with the input rate: raw events are selected only
// between watch_for_input() and the first event that follows it; that event
// is reported once and the selection is dropped again, so an active user
// wakes the daemon only when it asks idle_time() at its own deadlines.
// Only the fact that input happened is used: key codes and pointer
// positions are never read.
//
// Called by the daemon's activity set-up (see activity_source.h) on the loop
// thread; the X connection's fd is watched with a uv_poll on that loop.
//
// Xlib reports a lost connection through process-wide handlers whose
// defaults call exit(). start() installs handlers that return instead (a
// protocol-error handler that logs the error code, an I/O-error handler that
// does nothing, and a per-display exit handler), so a dying X server costs
// the source, reported through ActivitySink::on_source_lost("x11", …), not
// the daemon.
#pragma once

#include <uv.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "activity/activity_source.h"
#include "uv/uv_handle.h"

// Xlib's Display, declared here so that users of this header need not
// include Xlib.h (whose macros, such as None and Status, collide with C++).
struct _XDisplay;

namespace limber {

class X11Source final : public ActivitySource {
 public:
  X11Source() = default;
  ~X11Source() override;
  X11Source(const X11Source&) = delete;
  X11Source& operator=(const X11Source&) = delete;

  std::string_view name() const override { return "x11"; }

  // Opens $DISPLAY and checks for XInput 2.2 and MIT-SCREEN-SAVER. Fails
  // with a one-line reason when $DISPLAY is unset, the display cannot be
  // opened or an extension is missing. `watch_timeout` is unused: the daemon
  // asks idle_time() at its deadlines. REQUIRES: start() was never called
  // on this source before (make a new one to reconnect).
  bool start(uv_loop_t* loop, const Clock& clock, Duration watch_timeout, ActivitySink& sink,
             std::string* why) override;

  // Selects raw input events until the first one arrives; that one is
  // reported through on_input() from the loop, never from inside this call.
  // Calling it again while watching does nothing.
  void watch_for_input() override;

  // The XScreenSaver idle time: one round trip to the X server. nullopt
  // when the connection is gone or the server cannot tell.
  std::optional<Duration> idle_time() override;

  // Closes the X connection and releases every handle. Safe to call more
  // than once, and after the connection was lost.
  void stop() override;

  // How many times the X connection has woken the loop since start(): a
  // diagnostic that shows whether input costs wake-ups.
  std::uint64_t wakeups() const { return wakeups_; }

 private:
  static void on_readable(uv_poll_t* poll, int status, int events);
  static void on_deferred(uv_timer_t* timer);
  static void on_connection_broken(_XDisplay* display, void* self);

  // Reads every event Xlib has buffered or the socket holds; reports input
  // if watching, or the loss of the connection. `poll_status` is the uv_poll
  // status (< 0: libuv stopped polling). Calls the sink last, so the sink
  // may destroy this source.
  void drain_events(int poll_status);
  void select_raw_events(bool on);
  // Handles, on the loop, what was found while the daemon was calling in:
  // events buffered by a round trip, or a broken connection.
  void defer();
  // Closes a broken connection and tells the sink, once.
  void report_loss();

  _XDisplay* display_ = nullptr;
  unsigned long root_ = 0;  // Window
  int xi_opcode_ = 0;
  const Clock* clock_ = nullptr;
  ActivitySink* sink_ = nullptr;
  UvHandle<uv_poll_t> poll_;
  UvHandle<uv_timer_t> deferred_;
  bool watching_ = false;
  bool broken_ = false;         // Xlib reported the connection broken
  bool loss_reported_ = false;  // on_source_lost has been called
  std::string display_name_;
  std::string poll_error_;  // why libuv stopped polling, if it did
  std::uint64_t wakeups_ = 0;
};

}  // namespace limber
