// DoNotDisturb: the set of conditions that hold break prompts (see
// dnd_condition.h), each switched on or off by its own setting:
//
//   dnd.fullscreen  FullscreenWatch     "fullscreen"
//   dnd.inhibitors  inhibitor watch     "inhibitor"
//   dnd.desktop     DesktopDndWatch     "desktop-dnd"
//   dnd.calls       CaptureStreamWatch  "calls" (off by default)
//
// Limberd asks active_names() for status.held_by and holds prompts (the
// engine's quiet mode) while any is active. A line is logged when a
// condition starts and when it ends.
//
// Threading: the loop thread only.
#pragma once

#include <uv.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "dnd/dnd_condition.h"

namespace limber {

struct DndSettings {
  bool fullscreen = true;
  bool inhibitors = true;
  bool desktop = true;
  bool calls = false;
};

class DoNotDisturb {
 public:
  using Changed = std::function<void()>;

  DoNotDisturb();
  ~DoNotDisturb();
  DoNotDisturb(const DoNotDisturb&) = delete;
  DoNotDisturb& operator=(const DoNotDisturb&) = delete;

  // Starts the conditions `settings` turns on and stops the others. Called
  // at start-up and on every configuration reload. `on_change` runs after
  // any condition started or ended (also when a change here caused it).
  void configure(uv_loop_t* loop, const DndSettings& settings, Changed on_change);
  void stop();

  bool any_active() const;
  // The names of the active conditions, in a stable order.
  std::vector<std::string> active_names() const;

 private:
  struct Slot {
    std::unique_ptr<DndCondition> condition;
    bool running = false;
    bool was_active = false;
  };
  void enable(Slot& slot, bool on);
  void condition_changed(Slot& slot);

  uv_loop_t* loop_ = nullptr;
  std::vector<Slot> slots_;  // fullscreen, inhibitor, desktop-dnd, calls
  Changed on_change_;
};

}  // namespace limber
