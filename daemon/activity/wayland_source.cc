#include "activity/wayland_source.h"

#include <wayland-client.h>

#include <cerrno>
#include <cstdlib>
#include <algorithm>
#include <cstring>
#include <limits>
#include <utility>

#include "ext-idle-notify-v1-client-protocol.h"
#include "kde-idle-client-protocol.h"
#include "log.h"

// wayland-protocols 1.31 (Debian 12) has ext-idle-notify-v1 version 1 only;
// version 2 adds get_input_idle_notification, which ignores idle inhibitors.
#ifdef EXT_IDLE_NOTIFIER_V1_GET_INPUT_IDLE_NOTIFICATION_SINCE_VERSION
#define LIMBER_HAVE_INPUT_IDLE 1
#else
#define LIMBER_HAVE_INPUT_IDLE 0
#endif

namespace limber {
namespace {

std::string errno_text(int err) { return err == 0 ? "unknown error" : std::strerror(err); }

// Why wl_display_connect(nullptr) failed, in the words a user checks first.
std::string connect_failure(int err) {
  const char* display = std::getenv("WAYLAND_DISPLAY");
  const char* runtime_dir = std::getenv("XDG_RUNTIME_DIR");
  if (display == nullptr || *display == '\0') {
    return "no Wayland display ($WAYLAND_DISPLAY not set, and no wayland-0 socket in "
           "$XDG_RUNTIME_DIR)";
  }
  std::string why = "cannot connect to Wayland display \"" + std::string(display) + "\"";
  if (display[0] != '/' && (runtime_dir == nullptr || *runtime_dir == '\0')) {
    why += " ($XDG_RUNTIME_DIR not set)";
  }
  return why + ": " + errno_text(err);
}

// Why the connection failed: errno, or the compositor's protocol error.
std::string connection_error(wl_display* display) {
  const int err = wl_display_get_error(display);
  if (err != EPROTO) return errno_text(err);
  const wl_interface* interface = nullptr;
  uint32_t id = 0;
  const uint32_t code = wl_display_get_protocol_error(display, &interface, &id);
  return "protocol error " + std::to_string(code) + " on " +
         (interface != nullptr ? interface->name : "unknown object") + "@" + std::to_string(id);
}

// The compositor takes the timeout in milliseconds as a uint32.
uint32_t timeout_ms(Duration d) {
  const auto ms = d.count();
  if (ms < 1) return 1;
  if (ms > std::numeric_limits<uint32_t>::max()) return std::numeric_limits<uint32_t>::max();
  return static_cast<uint32_t>(ms);
}

}  // namespace

// libwayland calls these C callbacks from wl_display_dispatch*(); they only
// record what happened, so no sink call runs inside libwayland.
struct WaylandSource::Listeners {
  static void global(void* data, wl_registry*, uint32_t name, const char* interface,
                     uint32_t version) {
    auto* self = static_cast<WaylandSource*>(data);
    if (std::strcmp(interface, wl_seat_interface.name) == 0) {
      if (self->seat_name_ == 0) self->seat_name_ = name;  // the first seat is the user's
    } else if (std::strcmp(interface, ext_idle_notifier_v1_interface.name) == 0) {
      self->ext_notifier_name_ = name;
      self->ext_notifier_version_ = version;
    } else if (std::strcmp(interface, org_kde_kwin_idle_interface.name) == 0) {
      self->kde_idle_name_ = name;
    }
  }
  // Globals are bound once in start(); a seat or notifier going away later
  // shows up as the compositor destroying our objects, not here.
  static void global_remove(void*, wl_registry*, uint32_t) {}

  static void ext_idled(void* data, ext_idle_notification_v1*) {
    static_cast<WaylandSource*>(data)->on_idled();
  }
  static void ext_resumed(void* data, ext_idle_notification_v1*) {
    static_cast<WaylandSource*>(data)->on_resumed();
  }
  static void kde_idle(void* data, org_kde_kwin_idle_timeout*) {
    static_cast<WaylandSource*>(data)->on_idled();
  }
  static void kde_resumed(void* data, org_kde_kwin_idle_timeout*) {
    static_cast<WaylandSource*>(data)->on_resumed();
  }

  static constexpr wl_registry_listener kRegistry{global, global_remove};
  static constexpr ext_idle_notification_v1_listener kExtNotification{ext_idled, ext_resumed};
  static constexpr org_kde_kwin_idle_timeout_listener kKdeTimeout{kde_idle, kde_resumed};
};

WaylandSource::~WaylandSource() { release(); }

bool WaylandSource::start(uv_loop_t* loop, const Clock& clock, Duration watch_timeout,
                          ActivitySink& sink, std::string* why) {
  release();
  sink_ = &sink;
  clock_ = &clock;
  watching_ = false;
  input_to_report_.reset();
  seat_name_ = ext_notifier_name_ = kde_idle_name_ = 0;

  errno = 0;
  display_ = wl_display_connect(nullptr);
  if (display_ == nullptr) {
    *why = connect_failure(errno);
    return false;
  }
  auto fail = [&](std::string reason) {
    release();
    *why = std::move(reason);
    return false;
  };

  registry_ = wl_display_get_registry(display_);
  wl_registry_add_listener(registry_, &Listeners::kRegistry, this);
  if (wl_display_roundtrip(display_) < 0) {
    return fail("Wayland registry round trip failed: " + connection_error(display_));
  }
  if (seat_name_ == 0) return fail("compositor offers no wl_seat");

  const uint32_t timeout = timeout_ms(watch_timeout);
  if (!ask_for_idle_notification(timeout)) {
    return fail("compositor offers neither ext-idle-notify-v1 nor org_kde_kwin_idle");
  }
  // A second round trip makes a compositor that rejects the request fail
  // start() rather than the first poll.
  if (wl_display_roundtrip(display_) < 0) {
    return fail("Wayland idle notification request failed: " +
                connection_error(display_));
  }
  // The compositor started its timer before this round trip returned.
  watch_.start(clock.mono(), clock.from_real(Duration{timeout}));

  poll_.emplace();
  if (int err = uv_poll_init(loop, poll_->get(), wl_display_get_fd(display_)); err < 0) {
    return fail(std::string("cannot poll the Wayland connection: ") + uv_strerror(err));
  }
  poll_->get()->data = this;
  connected_ = true;
  poll_for(false);
  log_info(std::string("activity: Wayland ") + protocol_label() + ", idle watch of " +
           std::to_string(timeout) + " ms");
  return true;
}

// Binds the seat and asks for an idle notification after `timeout` ms, by
// ext-idle-notify-v1 where offered, else org_kde_kwin_idle. False when neither is.
bool WaylandSource::ask_for_idle_notification(uint32_t timeout) {
  if (ext_notifier_name_ != 0) {
    seat_ = static_cast<wl_seat*>(wl_registry_bind(registry_, seat_name_, &wl_seat_interface, 1));
    const uint32_t version =
        std::min(ext_notifier_version_, static_cast<uint32_t>(ext_idle_notifier_v1_interface.version));
    ext_notifier_ = static_cast<ext_idle_notifier_v1*>(
        wl_registry_bind(registry_, ext_notifier_name_, &ext_idle_notifier_v1_interface, version));
#if LIMBER_HAVE_INPUT_IDLE
    if (version >= EXT_IDLE_NOTIFIER_V1_GET_INPUT_IDLE_NOTIFICATION_SINCE_VERSION) {
      // Input only: a video player's idle inhibitor is not typing.
      ext_notification_ = ext_idle_notifier_v1_get_input_idle_notification(ext_notifier_, timeout, seat_);
      input_only_ = true;
    }
#endif
    if (ext_notification_ == nullptr) {
      ext_notification_ = ext_idle_notifier_v1_get_idle_notification(ext_notifier_, timeout, seat_);
    }
    ext_idle_notification_v1_add_listener(ext_notification_, &Listeners::kExtNotification, this);
    protocol_ = Protocol::kExtIdleNotify;
  } else if (kde_idle_name_ != 0) {
    seat_ = static_cast<wl_seat*>(wl_registry_bind(registry_, seat_name_, &wl_seat_interface, 1));
    kde_idle_ = static_cast<org_kde_kwin_idle*>(
        wl_registry_bind(registry_, kde_idle_name_, &org_kde_kwin_idle_interface, 1));
    kde_timeout_ = org_kde_kwin_idle_get_idle_timeout(kde_idle_, seat_, timeout);
    org_kde_kwin_idle_timeout_add_listener(kde_timeout_, &Listeners::kKdeTimeout, this);
    protocol_ = Protocol::kKdeIdle;
  } else {
    return false;
  }
  return true;
}

void WaylandSource::watch_for_input() {
  if (connected_) watching_ = true;
}

std::optional<Duration> WaylandSource::idle_time() {
  if (!connected_) return std::nullopt;
  const auto idle = watch_.idle_time(clock_->mono());
  return idle ? std::optional<Duration>(clock_->to_real(*idle)) : std::nullopt;
}

void WaylandSource::stop() { release(); }

std::string WaylandSource::protocol_label() const {
  if (protocol_ == Protocol::kKdeIdle) return "org_kde_kwin_idle";
  return input_only_ ? "ext-idle-notify-v1 (v2, input only)" : "ext-idle-notify-v1 (v1)";
}

void WaylandSource::on_idled() {
  const std::optional<MonoTime> unseen = watch_.idled(clock_->mono());
  // Input the compositor never announced with "resumed" (it began before
  // the first "idled"): the daemon learns of it now, at its real time.
  if (unseen && watching_) {
    watching_ = false;
    input_to_report_ = *unseen;
  }
}

void WaylandSource::on_resumed() {
  watch_.resumed(clock_->mono());
  if (watching_) {
    watching_ = false;
    input_to_report_ = clock_->mono();
  }
}

void WaylandSource::on_fd_ready(int status, int events) {
  if (status < 0) {
    lose(std::string("polling the Wayland connection failed: ") + uv_strerror(status));
    return;
  }
  // A hang-up arrives as readable (libuv adds it on EPOLLHUP) or as
  // disconnect; either way the read finds the end of the stream.
  if ((events & (UV_READABLE | UV_DISCONNECT)) != 0 && !read_and_dispatch()) {
    lose("connection to the Wayland compositor lost: " +
         connection_error(display_));
    return;
  }
  if (!flush()) {
    lose("cannot write to the Wayland compositor: " + errno_text(errno));
    return;
  }
  if (input_to_report_) {
    const MonoTime at = *std::exchange(input_to_report_, std::nullopt);
    sink_->on_input(at);  // last: the sink may stop or destroy this source
  }
}

// The prepare_read/read_events pair keeps libwayland's queue consistent.
// Events already queued (by a round trip, say) are dispatched first, since
// prepare_read refuses while the queue is not empty.
bool WaylandSource::read_and_dispatch() {
  while (wl_display_prepare_read(display_) != 0) {
    if (wl_display_dispatch_pending(display_) < 0) return false;
  }
  // Nothing to read (a spurious wake-up) cancels the read and returns 0; a
  // closed socket fails with EPIPE.
  if (wl_display_read_events(display_) < 0) return false;
  return wl_display_dispatch_pending(display_) >= 0;
}

// Called at the end of every wake-up, so nothing stays in libwayland's
// output buffer while the loop sleeps.
bool WaylandSource::flush() {
  if (wl_display_flush(display_) >= 0) {
    if (polling_writable_) poll_for(false);
    return true;
  }
  if (errno == EAGAIN) {
    if (!polling_writable_) poll_for(true);
    return true;
  }
  return false;
}

void WaylandSource::poll_for(bool writable) {
  polling_writable_ = writable;
  const int events = UV_READABLE | UV_DISCONNECT | (writable ? UV_WRITABLE : 0);
  uv_poll_start(poll_->get(), events, [](uv_poll_t* handle, int status, int ready) {
    static_cast<WaylandSource*>(handle->data)->on_fd_ready(status, ready);
  });
}

void WaylandSource::lose(std::string why) {
  log_warning("activity: " + why);
  ActivitySink* sink = sink_;
  release();
  sink->on_source_lost(name(), why);  // last: the sink may destroy this source
}

void WaylandSource::release() {
  connected_ = false;
  watching_ = false;
  input_to_report_.reset();
  input_only_ = false;
  polling_writable_ = false;
  poll_.reset();  // closes the handle before its fd goes away below
  if (ext_notification_ != nullptr) ext_idle_notification_v1_destroy(ext_notification_);
  if (ext_notifier_ != nullptr) ext_idle_notifier_v1_destroy(ext_notifier_);
  if (kde_timeout_ != nullptr) org_kde_kwin_idle_timeout_release(kde_timeout_);
  if (kde_idle_ != nullptr) org_kde_kwin_idle_destroy(kde_idle_);
  if (seat_ != nullptr) wl_seat_destroy(seat_);
  if (registry_ != nullptr) wl_registry_destroy(registry_);
  ext_notification_ = nullptr;
  ext_notifier_ = nullptr;
  kde_timeout_ = nullptr;
  kde_idle_ = nullptr;
  seat_ = nullptr;
  registry_ = nullptr;
  protocol_ = Protocol::kNone;
  if (display_ != nullptr) {
    wl_display_flush(display_);  // the destroy requests, if the compositor is still there
    wl_display_disconnect(display_);
    display_ = nullptr;
  }
}

}  // namespace limber
