// WindowViewLauncher: starts limber-tray when a break must be prompted by a
// window and no tray is connected. Strict mode (prompt.strict) belongs to
// the daemon: its due break covers the screen whatever prompt.style says
// and whether or not the user started a tray, so limberd starts one, which
// connects, receives the due break (DueBreak.strict) and covers every
// monitor. The tray it starts stays the user's tray when the break ends.
//
// Which program: $LIMBER_TRAY when it is an absolute path (tests, staged
// trees), else limber-tray beside limberd, else in the installed bindir.
//
// Threading: the loop thread.
#pragma once

#include <uv.h>

#include <functional>
#include <string>

namespace limber {

class WindowViewLauncher {
 public:
  explicit WindowViewLauncher(uv_loop_t* loop) : loop_(loop) {}
  ~WindowViewLauncher();
  WindowViewLauncher(const WindowViewLauncher&) = delete;
  WindowViewLauncher& operator=(const WindowViewLauncher&) = delete;

  // Starts the tray unless the one started before still runs; `on_exit`
  // runs when the started tray exits. False, with the reason in *why, when
  // no tray can start here (no display, no limber-tray, spawn failed).
  bool launch(std::function<void()> on_exit, std::string* why);

 private:
  struct Child;
  static void on_child_exit(uv_process_t* process, int64_t status, int signal);

  uv_loop_t* loop_;
  Child* child_ = nullptr;  // the running tray started here, or null
};

// The limber-tray to start ("" with the places looked in, in *looked_in).
std::string find_tray_program(std::string* looked_in);

}  // namespace limber
