#include "activity/x11_source.h"

#include <array>
#include <cstdlib>
#include <string>
#include <utility>

#include "log.h"

// Xlib last: its macros (Status, None, Bool, True …) must not reach the
// project's headers.
#include <X11/Xlib.h>
#include <X11/extensions/XInput2.h>
#include <X11/extensions/scrnsaver.h>

namespace limber {
namespace {

// Xlib's default handlers call exit(). These return, and the per-display
// exit handler (X11Source::on_connection_broken) records the loss.
int log_protocol_error(Display* /*display*/, XErrorEvent* error) {
  log_warning("x11: X protocol error " + std::to_string(error->error_code) + " on request " +
              std::to_string(error->request_code) + "." + std::to_string(error->minor_code));
  return 0;
}

int ignore_io_error(Display* /*display*/) { return 0; }

bool is_raw_input(const XEvent& event, int xi_opcode) {
  if (event.type != GenericEvent || event.xcookie.extension != xi_opcode) return false;
  // Only the event type is looked at: the payload (key code, valuators) is
  // never fetched.
  const int type = event.xcookie.evtype;
  return type == XI_RawKeyPress || type == XI_RawButtonPress || type == XI_RawMotion;
}

}  // namespace

X11Source::~X11Source() { stop(); }

bool X11Source::start(uv_loop_t* loop, const Clock& clock, Duration /*watch_timeout*/,
                      ActivitySink& sink, std::string* why) {
  const char* env = std::getenv("DISPLAY");
  if (env == nullptr || *env == '\0') {
    *why = "no X display ($DISPLAY is not set)";
    return false;
  }
  display_name_ = env;
  const std::string where = "X display \"" + display_name_ + "\"";

  XSetErrorHandler(log_protocol_error);
  XSetIOErrorHandler(ignore_io_error);
  Display* display = XOpenDisplay(nullptr);
  if (display == nullptr) {
    *why = "cannot open " + where + " (from $DISPLAY)";
    return false;
  }
  XSetIOErrorExitHandler(display, on_connection_broken, this);

  auto fail = [&](std::string reason) {
    XCloseDisplay(display);
    *why = std::move(reason);
    return false;
  };
  int first_event = 0;
  int first_error = 0;
  if (!XQueryExtension(display, "XInputExtension", &xi_opcode_, &first_event, &first_error)) {
    return fail(where + " has no XInput extension");
  }
  int major = 2;
  int minor = 2;
  if (XIQueryVersion(display, &major, &minor) != Success) {
    return fail(where + " has XInput " + std::to_string(major) + "." + std::to_string(minor) +
                ", raw input events need 2.2");
  }
  if (!XScreenSaverQueryExtension(display, &first_event, &first_error)) {
    return fail(where + " has no MIT-SCREEN-SAVER extension (needed for idle time)");
  }

  int rc = uv_poll_init(loop, poll_.get(), XConnectionNumber(display));
  if (rc == 0) {
    poll_.get()->data = this;
    rc = uv_poll_start(poll_.get(), UV_READABLE | UV_DISCONNECT, on_readable);
  }
  if (rc != 0) {
    poll_.close();
    return fail("cannot poll the connection to " + where + ": " + uv_strerror(rc));
  }
  uv_timer_init(loop, deferred_.get());
  deferred_.get()->data = this;

  display_ = display;
  root_ = XDefaultRootWindow(display);
  clock_ = &clock;
  sink_ = &sink;
  log_info("x11: watching input on " + where + " (XInput " + std::to_string(major) + "." +
           std::to_string(minor) + ", MIT-SCREEN-SAVER)");
  return true;
}

void X11Source::watch_for_input() {
  if (display_ == nullptr || broken_ || watching_) return;
  watching_ = true;
  select_raw_events(true);
  // Events already buffered by an earlier round trip would not wake the poll.
  if (broken_ || XQLength(display_) > 0) defer();
}

std::optional<Duration> X11Source::idle_time() {
  if (display_ == nullptr || broken_) return std::nullopt;
  XScreenSaverInfo* info = XScreenSaverAllocInfo();
  if (info == nullptr) return std::nullopt;
  const int ok = XScreenSaverQueryInfo(display_, root_, info);
  const unsigned long idle_ms = info->idle;
  XFree(info);
  // The round trip may have found the server gone, or read events into
  // Xlib's queue where the poll cannot see them: handle both on the loop.
  if (broken_ || XQLength(display_) > 0) defer();
  if (broken_ || ok == 0) return std::nullopt;
  return Duration{static_cast<Duration::rep>(idle_ms)};
}

void X11Source::stop() {
  watching_ = false;
  deferred_.close();
  poll_.close();  // before the fd is closed by XCloseDisplay
  if (display_ != nullptr) {
    XCloseDisplay(display_);  // skips the final sync once the connection broke
    display_ = nullptr;
  }
  sink_ = nullptr;
}

void X11Source::on_readable(uv_poll_t* poll, int status, int /*events*/) {
  auto* self = static_cast<X11Source*>(poll->data);
  ++self->wakeups_;
  // A closed connection is readable (or, to libuv, an error): reading it
  // makes Xlib report it.
  self->drain_events(status);
}

void X11Source::on_deferred(uv_timer_t* timer) {
  static_cast<X11Source*>(timer->data)->drain_events(0);
}

void X11Source::on_connection_broken(Display* /*display*/, void* self) {
  // Called from inside an Xlib call: only note it; the caller of that Xlib
  // call tears the connection down once Xlib has returned.
  static_cast<X11Source*>(self)->broken_ = true;
}

void X11Source::drain_events(int poll_status) {
  bool input = false;
  while (display_ != nullptr && !broken_ && XPending(display_) > 0) {
    XEvent event;
    XNextEvent(display_, &event);
    // Raw events still in flight after the selection was dropped are ignored.
    if (watching_ && is_raw_input(event, xi_opcode_)) input = true;
  }
  if (poll_status < 0 && !broken_) {
    // libuv has stopped polling a connection Xlib still thinks is fine:
    // without the poll no input can be seen, so the source is lost anyway.
    broken_ = true;
    poll_error_ = uv_strerror(poll_status);
  }
  if (input && !broken_) {
    watching_ = false;
    select_raw_events(false);
  }
  if (broken_) {
    report_loss();
    return;
  }
  if (input) sink_->on_input(clock_->mono());  // last: the sink may destroy this source
}

void X11Source::select_raw_events(bool on) {
  constexpr int kMaskBytes = (XI_LASTEVENT >> 3) + 1;  // XIMaskLen(XI_LASTEVENT)
  std::array<unsigned char, kMaskBytes> mask{};
  if (on) {
    for (int type : {XI_RawKeyPress, XI_RawButtonPress, XI_RawMotion}) {
      mask[static_cast<std::size_t>(type >> 3)] |= static_cast<unsigned char>(1U << (type & 7));
    }
  }
  // An all-zero mask removes the selection: the server stops sending.
  XIEventMask selection{};
  selection.deviceid = XIAllMasterDevices;
  selection.mask_len = kMaskBytes;
  selection.mask = mask.data();
  XISelectEvents(display_, root_, &selection, 1);
  XFlush(display_);
}

void X11Source::defer() {
  if (deferred_.get() != nullptr) uv_timer_start(deferred_.get(), on_deferred, 0, 0);
}

void X11Source::report_loss() {
  watching_ = false;
  poll_.close();  // a dead connection stays readable: stop polling it first
  if (display_ != nullptr) {
    XCloseDisplay(display_);
    display_ = nullptr;
  }
  if (loss_reported_ || sink_ == nullptr) return;
  loss_reported_ = true;
  std::string why = "lost the connection to X display \"" + display_name_ + "\"";
  if (!poll_error_.empty()) why += " (polling it failed: " + poll_error_ + ")";
  log_warning("x11: " + why);
  sink_->on_source_lost("x11", why);  // last: the sink may destroy this source
}

}  // namespace limber
