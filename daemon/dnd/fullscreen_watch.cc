#include "dnd/fullscreen_watch.h"

#include <cstdlib>
#include <vector>
#include <utility>

#include "log.h"

// Xlib last: its macros (Status, None, Bool …) must not reach other headers.
#include <X11/Xatom.h>
#include <X11/Xlib.h>

namespace limber {
namespace {

// Windows come and go between our requests (the active window may be gone
// by the time we ask about it). Such BadWindow errors are expected: they are
// caught around the requests that can cause them, not logged.
bool g_trapped_error = false;

int trap_error(Display* /*display*/, XErrorEvent* /*error*/) {
  g_trapped_error = true;
  return 0;
}

int ignore_io_error(Display* /*display*/) { return 0; }

// Runs `requests` with X errors caught; true when none occurred.
template <typename Requests>
bool without_errors(Display* display, Requests&& requests) {
  g_trapped_error = false;
  auto* previous = XSetErrorHandler(trap_error);
  requests();
  XSync(display, False);
  XSetErrorHandler(previous);
  return !g_trapped_error;
}

// The first `count` items of a 32-bit-format property of `window` (as longs,
// as Xlib returns them); empty when it is missing or the window is gone.
std::vector<unsigned long> read_property(Display* display, Window window, Atom property, Atom type) {
  std::vector<unsigned long> values;
  without_errors(display, [&] {
    Atom actual_type = 0;
    int format = 0;
    unsigned long count = 0;
    unsigned long after = 0;
    unsigned char* data = nullptr;
    if (XGetWindowProperty(display, window, property, 0, 64, False, type, &actual_type, &format, &count, &after,
                           &data) == Success &&
        data != nullptr) {
      if (actual_type == type && format == 32) {
        const auto* items = reinterpret_cast<const unsigned long*>(data);
        values.assign(items, items + count);
      }
      XFree(data);
    }
  });
  return values;
}

}  // namespace

FullscreenWatch::~FullscreenWatch() { stop(); }

bool FullscreenWatch::start(uv_loop_t* loop, Changed on_change, std::string* why) {
  stop();
  const char* name = std::getenv("DISPLAY");
  if (name == nullptr || *name == '\0') {
    *why = "no X display ($DISPLAY is not set)";
    return false;
  }
  XSetIOErrorHandler(ignore_io_error);  // Xlib's default prints and the process exits
  Display* display = XOpenDisplay(nullptr);
  if (display == nullptr) {
    *why = std::string("cannot open X display \"") + name + "\"";
    return false;
  }
  XSetIOErrorExitHandler(display, on_connection_broken, this);
  poll_.emplace();
  if (int rc = uv_poll_init(loop, poll_->get(), XConnectionNumber(display)); rc != 0) {
    poll_.reset();
    XCloseDisplay(display);
    *why = std::string("cannot poll the X connection: ") + uv_strerror(rc);
    return false;
  }
  poll_->get()->data = this;
  uv_poll_start(poll_->get(), UV_READABLE | UV_DISCONNECT, on_readable);

  display_ = display;
  broken_ = false;
  root_ = XDefaultRootWindow(display);
  atom_active_ = XInternAtom(display, "_NET_ACTIVE_WINDOW", False);
  atom_state_ = XInternAtom(display, "_NET_WM_STATE", False);
  atom_fullscreen_ = XInternAtom(display, "_NET_WM_STATE_FULLSCREEN", False);
  XSelectInput(display, root_, PropertyChangeMask);
  refresh_active_window();
  // Set last: the state found at start-up is reported by the owner reading
  // active(), not as a change.
  on_change_ = std::move(on_change);
  drain_events();
  return display_ != nullptr;
}

void FullscreenWatch::stop() {
  poll_.reset();  // before XCloseDisplay closes the fd
  if (display_ != nullptr) XCloseDisplay(std::exchange(display_, nullptr));
  active_window_ = 0;
  fullscreen_ = false;
  on_change_ = nullptr;
}

void FullscreenWatch::on_readable(uv_poll_t* poll, int status, int /*events*/) {
  auto* self = static_cast<FullscreenWatch*>(poll->data);
  if (status < 0) self->broken_ = true;
  self->drain_events();
}

void FullscreenWatch::on_connection_broken(Display* /*display*/, void* self) {
  // Inside an Xlib call: only note it; drain_events() tears down afterwards.
  static_cast<FullscreenWatch*>(self)->broken_ = true;
}

void FullscreenWatch::drain_events() {
  while (display_ != nullptr && !broken_ && XPending(display_) > 0) {
    XEvent event;
    XNextEvent(display_, &event);
    if (event.type != PropertyNotify) continue;
    const XPropertyEvent& p = event.xproperty;
    if (p.window == root_ && p.atom == atom_active_) {
      refresh_active_window();
    } else if (p.window == active_window_ && p.atom == atom_state_) {
      refresh_state();
    }
  }
  if (broken_) lose_connection();
}

void FullscreenWatch::refresh_active_window() {
  const std::vector<unsigned long> active = read_property(display_, root_, atom_active_, XA_WINDOW);
  const Window window = active.empty() ? 0 : active.front();
  if (window != active_window_) {
    if (active_window_ != 0) {
      without_errors(display_, [&] { XSelectInput(display_, active_window_, NoEventMask); });
    }
    active_window_ = window;
    if (window != 0 && !without_errors(display_, [&] { XSelectInput(display_, window, PropertyChangeMask); })) {
      active_window_ = 0;  // already gone
    }
  }
  refresh_state();
}

void FullscreenWatch::refresh_state() {
  bool fullscreen = false;
  if (active_window_ != 0) {
    for (unsigned long atom : read_property(display_, active_window_, atom_state_, XA_ATOM)) {
      if (atom == atom_fullscreen_) fullscreen = true;
    }
  }
  set_fullscreen(fullscreen);
}

void FullscreenWatch::set_fullscreen(bool on) {
  if (on == fullscreen_) return;
  fullscreen_ = on;
  if (on_change_) on_change_();
}

void FullscreenWatch::lose_connection() {
  poll_.reset();
  if (display_ != nullptr) XCloseDisplay(std::exchange(display_, nullptr));
  active_window_ = 0;
  log_warning("do not disturb: lost the X display; fullscreen windows are no longer noticed");
  set_fullscreen(false);
}

}  // namespace limber
