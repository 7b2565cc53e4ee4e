// FullscreenWatch: the "fullscreen" condition on X11: the focused window is
// fullscreen (a presentation, a video, a game). The window manager names the
// focused window in the root window's _NET_ACTIVE_WINDOW and marks
// fullscreen windows with _NET_WM_STATE_FULLSCREEN in their _NET_WM_STATE
// (EWMH). Both are followed by PropertyNotify on a connection of its own:
// on the root window for the active window, and on the active window for its
// state. Nothing is polled; when no property changes, nothing runs.
//
// Only window ids and atoms are read: never a title, a class or an
// application name.
//
// On Wayland there is no such information for other clients' windows; only
// XWayland windows are seen, through $DISPLAY.
//
// Threading: the loop thread only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "dnd/dnd_condition.h"
#include "uv/uv_handle.h"

typedef struct _XDisplay Display;

namespace limber {

class FullscreenWatch : public DndCondition {
 public:
  FullscreenWatch() = default;
  ~FullscreenWatch() override;

  std::string_view name() const override { return "fullscreen"; }
  bool start(uv_loop_t* loop, Changed on_change, std::string* why) override;
  void stop() override;
  bool active() const override { return fullscreen_; }

 private:
  static void on_readable(uv_poll_t* poll, int status, int events);
  static void on_connection_broken(Display* display, void* self);
  void drain_events();
  void refresh_active_window();
  void refresh_state();
  void set_fullscreen(bool on);
  void lose_connection();

  Display* display_ = nullptr;
  unsigned long root_ = 0;
  unsigned long active_window_ = 0;  // the window whose state is watched; 0: none
  unsigned long atom_active_ = 0;
  unsigned long atom_state_ = 0;
  unsigned long atom_fullscreen_ = 0;
  bool fullscreen_ = false;
  bool broken_ = false;
  Changed on_change_;
  std::optional<UvHandle<uv_poll_t>> poll_;
};

}  // namespace limber
