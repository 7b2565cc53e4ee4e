// SdBusConnection: one sd-bus connection driven by the daemon's libuv loop.
//
// sd-bus does no I/O on its own; it tells its owner which fd to watch
// (sd_bus_get_fd), for what (sd_bus_get_events) and until when
// (sd_bus_get_timeout). Here those map onto one uv_poll_t and one uv_timer_t.
// When either fires, messages are dispatched with sd_bus_process() until it
// has nothing left, and the poll events and the timer are armed again from
// what sd-bus then wants. When nothing happens the loop sleeps: no periodic
// wake-ups.
//
// Used by MutterSource (session bus) and LogindWatch (system bus). Callers
// that send a message or add a match outside a dispatch (that is, not from an
// sd-bus callback) must call rearm() afterwards, since sending may leave
// bytes queued or add a reply deadline.
//
// Also here: RAII owners for sd_bus_slot, sd_bus_message and sd_bus_error, so
// no caller holds a raw reference.
//
// Threading: the loop thread only. Callbacks run from inside the loop.
#pragma once

#include <systemd/sd-bus.h>
#include <uv.h>

#include <cerrno>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "uv/uv_handle.h"

namespace limber {

struct SdBusSlotUnref {
  void operator()(sd_bus_slot* slot) const { sd_bus_slot_unref(slot); }
};
// A match or a pending call; dropping it removes the match / forgets the call.
using SdBusSlot = std::unique_ptr<sd_bus_slot, SdBusSlotUnref>;

struct SdBusMessageUnref {
  void operator()(sd_bus_message* message) const { sd_bus_message_unref(message); }
};
using SdBusMessage = std::unique_ptr<sd_bus_message, SdBusMessageUnref>;

// An sd_bus_error that frees itself.
class SdBusError {
 public:
  SdBusError() = default;
  ~SdBusError() { sd_bus_error_free(&error_); }
  SdBusError(const SdBusError&) = delete;
  SdBusError& operator=(const SdBusError&) = delete;

  sd_bus_error* get() { return &error_; }
  // Empties it for another call.
  void clear() { sd_bus_error_free(&error_); }
  bool has_name(const char* name) const { return sd_bus_error_has_name(&error_, name) != 0; }
  // "org.freedesktop.DBus.Error.ServiceUnknown: …", or strerror(-r) when the
  // error carries no D-Bus name (a local failure such as a timeout).
  std::string describe(int r) const;

 private:
  sd_bus_error error_ = SD_BUS_ERROR_NULL;
};

// Runs `call(error)`, a blocking sd-bus call, again when a signal cut its
// wait short: sd-bus 252 then gives up with -EINTR ("System.Error.EINTR",
// seen when limberd asked logind for its session under the sanitizers).
// At most three tries; returns the last call's result.
template <typename Call>
int call_retrying_on_eintr(SdBusError& error, Call&& call) {
  int r = call(error.get());
  for (int tries = 1; r == -EINTR && tries < 3; ++tries) {
    error.clear();
    r = call(error.get());
  }
  return r;
}

// The text of a failed sd-bus call result r < 0.
std::string sd_bus_strerror(int r);

class SdBusConnection {
 public:
  enum class Bus {
    kSession,  // sd_bus_open_user: honours $DBUS_SESSION_BUS_ADDRESS
    kSystem,   // sd_bus_open_system: honours $DBUS_SYSTEM_BUS_ADDRESS
  };
  // Called once when the connection breaks (peer bus daemon gone, I/O error);
  // never after close(). The callback may close or destroy the connection.
  using ClosedCallback = std::function<void(std::string_view why)>;

  SdBusConnection() = default;
  ~SdBusConnection();
  SdBusConnection(const SdBusConnection&) = delete;
  SdBusConnection& operator=(const SdBusConnection&) = delete;

  // Connects and registers the connection with `loop`. Blocking calls made
  // on bus() (used only at start-up) time out after `call_timeout`.
  // Returns false and a one-line reason in *why on failure.
  bool open(uv_loop_t* loop, Bus which, ClosedCallback on_closed, std::string* why,
            std::chrono::milliseconds call_timeout = std::chrono::seconds(5));

  // REQUIRES: is_open().
  sd_bus* bus() const { return bus_; }
  bool is_open() const { return bus_ != nullptr; }

  // The unique name (":1.42") currently owning `name`. Blocking; for start-up.
  // Returns false with a reason when the name has no owner or the call fails.
  bool name_owner(const char* name, std::string* owner, std::string* why);

  // Re-reads what sd-bus wants to wait for and arms the poll and the timer.
  // Call after sending anything outside an sd-bus callback.
  void rearm();

  // Closes the connection and the loop handles. Safe from inside a callback
  // and safe to call twice. Slots that still reference the bus keep its
  // memory alive until they are dropped; they no longer fire.
  void close();

 private:
  void dispatch();
  void report_closed(std::string why);

  sd_bus* bus_ = nullptr;
  // Fresh handles per open(): a UvHandle cannot be reused once closed.
  std::optional<UvHandle<uv_poll_t>> poll_;
  std::optional<UvHandle<uv_timer_t>> timer_;
  int polled_events_ = -1;  // the uv_poll events currently armed; -1: none yet
  ClosedCallback on_closed_;
  // Shared with dispatch(), which outlives `this` when a callback destroys
  // the connection: dispatch() checks it before touching members again.
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

}  // namespace limber
