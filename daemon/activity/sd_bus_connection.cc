#include "activity/sd_bus_connection.h"

#include <poll.h>
#include <time.h>

#include <cstdint>
#include <cstring>
#include <utility>

namespace limber {
namespace {

// sd_bus_get_timeout() answers in microseconds of CLOCK_MONOTONIC.
uint64_t monotonic_usec() {
  timespec now{};
  clock_gettime(CLOCK_MONOTONIC, &now);
  return static_cast<uint64_t>(now.tv_sec) * 1'000'000u + static_cast<uint64_t>(now.tv_nsec) / 1'000u;
}

int uv_events_for(int poll_events) {
  int events = 0;
  if ((poll_events & POLLIN) != 0) events |= UV_READABLE;
  if ((poll_events & POLLOUT) != 0) events |= UV_WRITABLE;
  return events;
}

const char* bus_label(SdBusConnection::Bus which) {
  return which == SdBusConnection::Bus::kSession ? "session bus" : "system bus";
}

}  // namespace

std::string sd_bus_strerror(int r) { return std::strerror(-r); }

std::string SdBusError::describe(int r) const {
  if (sd_bus_error_is_set(&error_) == 0) return sd_bus_strerror(r);
  std::string text = error_.name;
  if (error_.message != nullptr && error_.message[0] != '\0') {
    text += ": ";
    text += error_.message;
  }
  return text;
}

SdBusConnection::~SdBusConnection() {
  *alive_ = false;
  close();
}

bool SdBusConnection::open(uv_loop_t* loop, Bus which, ClosedCallback on_closed, std::string* why,
                           std::chrono::milliseconds call_timeout) {
  close();
  sd_bus* bus = nullptr;
  int r = which == Bus::kSession ? sd_bus_open_user(&bus) : sd_bus_open_system(&bus);
  if (r < 0) {
    *why = std::string("cannot connect to the ") + bus_label(which) + ": " + sd_bus_strerror(r);
    return false;
  }
  sd_bus_set_method_call_timeout(bus, static_cast<uint64_t>(call_timeout.count()) * 1'000u);

  const int fd = sd_bus_get_fd(bus);
  if (fd < 0) {
    *why = std::string("no file descriptor for the ") + bus_label(which) + ": " + sd_bus_strerror(fd);
    sd_bus_close_unref(bus);
    return false;
  }
  poll_.emplace();
  timer_.emplace();
  if (int rc = uv_poll_init(loop, poll_->get(), fd); rc < 0) {
    *why = std::string("cannot watch the ") + bus_label(which) + ": " + uv_strerror(rc);
    poll_.reset();
    timer_.reset();
    sd_bus_close_unref(bus);
    return false;
  }
  uv_timer_init(loop, timer_->get());
  poll_->get()->data = this;
  timer_->get()->data = this;

  bus_ = bus;
  on_closed_ = std::move(on_closed);
  polled_events_ = -1;
  rearm();
  return true;
}

bool SdBusConnection::name_owner(const char* name, std::string* owner, std::string* why) {
  SdBusError error;
  sd_bus_message* raw = nullptr;
  int r = call_retrying_on_eintr(error, [&](sd_bus_error* e) {
    return sd_bus_call_method(bus_, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                              "GetNameOwner", e, &raw, "s", name);
  });
  SdBusMessage reply(raw);
  rearm();
  if (r < 0) {
    *why = error.describe(r);
    return false;
  }
  const char* unique = nullptr;
  r = sd_bus_message_read(reply.get(), "s", &unique);
  if (r < 0) {
    *why = "bad GetNameOwner reply: " + sd_bus_strerror(r);
    return false;
  }
  *owner = unique;
  return true;
}

void SdBusConnection::rearm() {
  if (bus_ == nullptr) return;
  auto on_poll = [](uv_poll_t* handle, int, int) { static_cast<SdBusConnection*>(handle->data)->dispatch(); };
  auto on_timer = [](uv_timer_t* handle) { static_cast<SdBusConnection*>(handle->data)->dispatch(); };

  const int events = sd_bus_get_events(bus_);
  uint64_t deadline_usec = 0;
  const int timeout_result = sd_bus_get_timeout(bus_, &deadline_usec);
  if (events < 0 || timeout_result < 0) {
    // The connection is failing. Let dispatch() find out from
    // sd_bus_process() and report it from the loop, never from inside the
    // caller of rearm().
    uv_timer_start(timer_->get(), on_timer, 0, 0);
    return;
  }

  const int uv_events = uv_events_for(events);
  if (uv_events != polled_events_) {
    if (uv_events == 0) {
      uv_poll_stop(poll_->get());
    } else {
      uv_poll_start(poll_->get(), uv_events, on_poll);
    }
    polled_events_ = uv_events;
  }

  if (deadline_usec == UINT64_MAX) {
    uv_timer_stop(timer_->get());
    return;
  }
  const uint64_t now = monotonic_usec();
  // Round up: waking a little early would find nothing due and spin.
  const uint64_t delay_ms = deadline_usec <= now ? 0 : (deadline_usec - now + 999u) / 1'000u;
  uv_timer_start(timer_->get(), on_timer, delay_ms, 0);
}

void SdBusConnection::dispatch() {
  // A callback may close this connection or destroy it; `alive` tells which.
  const std::shared_ptr<bool> alive = alive_;
  for (;;) {
    sd_bus* bus = bus_;
    if (bus == nullptr) return;
    // sd_bus_process() holds its own reference to `bus` while it runs, so a
    // callback that closes the connection does not free it under our feet.
    const int r = sd_bus_process(bus, nullptr);
    if (!*alive || bus_ != bus) return;
    if (r < 0) {
      report_closed("the connection closed: " + sd_bus_strerror(r));
      return;
    }
    if (r == 0) break;
  }
  rearm();
}

void SdBusConnection::report_closed(std::string why) {
  ClosedCallback callback = std::move(on_closed_);
  close();
  if (callback) callback(why);
}

void SdBusConnection::close() {
  // Stop polling before sd-bus closes the fd.
  poll_.reset();
  timer_.reset();
  polled_events_ = -1;
  on_closed_ = nullptr;
  if (bus_ != nullptr) sd_bus_close_unref(std::exchange(bus_, nullptr));
}

}  // namespace limber
