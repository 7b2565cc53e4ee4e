// DndCondition: one reason to hold break prompts ("do not disturb"), such as
// a focused fullscreen window or the desktop's own do-not-disturb switch.
// Each condition watches its source by events (PropertyNotify, D-Bus
// signals, GSettings "changed"), never by polling, and reports when it
// starts and ends. DoNotDisturb (do_not_disturb.h) owns them and combines
// them.
//
// Threading: the loop thread only; callbacks run from the loop.
#pragma once

#include <uv.h>

#include <functional>
#include <string>
#include <string_view>

namespace limber {

class DndCondition {
 public:
  // Called when active() changed.
  using Changed = std::function<void()>;

  virtual ~DndCondition() = default;

  // The name status.held_by shows: "fullscreen", "inhibitor", "desktop-dnd".
  virtual std::string_view name() const = 0;
  // Starts watching. False, with a one-line reason, when the thing watched
  // is not there at all (no X display, no session bus); a service that is
  // merely not running yet is watched for and is not a failure.
  virtual bool start(uv_loop_t* loop, Changed on_change, std::string* why) = 0;
  // Stops watching; active() is false afterwards. Safe to call twice.
  virtual void stop() = 0;
  virtual bool active() const = 0;
};

}  // namespace limber
