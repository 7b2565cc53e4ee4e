// ActivitySource: how limberd learns that the user is at the keyboard.
//
// One implementation per desktop backend (x11_source.cc, mutter_source.cc,
// wayland_source.cc), each in its own file, all driven by the daemon's one
// libuv loop. logind (logind_watch.cc) is not a source: it adds lock and
// sleep to whichever source is chosen.
//
// The contract keeps the daemon's cost independent of the input rate and
// carries only what the backend really knows:
//  - While the user is idle the daemon calls watch_for_input(); the source
//    reports the next input once through ActivitySink::on_input(), at the
//    moment it happened, and then stops listening for input events.
//  - Otherwise the daemon calls idle_time() at its deadlines and counts
//    input at now - idle_time(). The answer is the longest the user can
//    have been idle, never less, so the daemon credits no activity it did
//    not see: polling backends (X11) answer with the server's idle time;
//    event-driven backends (Wayland, Mutter) keep an idle watch with a short
//    timeout P and answer from its events (IdleWatchState): "idled" at t
//    means the last input was at t - P, "resumed" at r means input at r and
//    since then with gaps shorter than P. Before their first event, or when
//    no input happened since start, they answer nullopt: nothing known.
// A source never reports what was typed or where the pointer is: only that
// input happened.
//
// Thread safety: everything runs on the loop thread.
#pragma once

#include <uv.h>

#include <optional>
#include <string>
#include <string_view>

#include "engine/break_engine.h"
#include "limber/clock.h"

namespace limber {

class ActivitySink {
 public:
  // Input happened at `at` (a MonoTime from the daemon's clock).
  virtual void on_input(MonoTime at) = 0;
  // Lock, unlock, sleep, wake (from logind).
  virtual void on_session(SessionEvent event) = 0;
  // The backend was lost (X server gone, compositor exited, bus closed).
  virtual void on_source_lost(std::string_view source, std::string_view why) = 0;

 protected:
  ~ActivitySink() = default;
};

class ActivitySource {
 public:
  virtual ~ActivitySource() = default;

  // "x11", "mutter", "wayland".
  virtual std::string_view name() const = 0;

  // Connects to the backend and registers its file descriptors with `loop`.
  // Returns false and a one-line reason in *why when the backend is not
  // available here (no display, no such D-Bus service, protocol missing…).
  // `watch_timeout` (P, in real time) is the timeout of an event-driven
  // source's idle watch: it learns the time of the last input to within P.
  virtual bool start(uv_loop_t* loop, const Clock& clock, Duration watch_timeout,
                     ActivitySink& sink, std::string* why) = 0;

  // Report the next input once through sink.on_input(), then stop listening.
  virtual void watch_for_input() = 0;

  // The longest the user can have been idle (see above), without blocking
  // on a round trip when avoidable. nullopt when no input is known.
  virtual std::optional<Duration> idle_time() = 0;

  // Releases every handle; after stop() the loop can close.
  virtual void stop() = 0;
};

}  // namespace limber
