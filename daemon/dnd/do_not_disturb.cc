#include "dnd/do_not_disturb.h"

#include <algorithm>

#include "dnd/capture_stream_watch.h"
#include "dnd/desktop_dnd_watch.h"
#include "dnd/fullscreen_watch.h"
#include "dnd/session_bus_flags.h"
#include "log.h"

namespace limber {
namespace {

const char* describe(std::string_view name) {
  if (name == "fullscreen") return "a fullscreen window is focused";
  if (name == "inhibitor") return "an application inhibits idleness (a video or a presentation)";
  if (name == "desktop-dnd") return "the desktop is set to do not disturb";
  if (name == "calls") return "a microphone or camera is in use (a call)";
  return "";
}

}  // namespace

DoNotDisturb::DoNotDisturb() {
  slots_.resize(4);
  slots_[0].condition = std::make_unique<FullscreenWatch>();
  slots_[1].condition = make_inhibitor_condition();
  slots_[2].condition = std::make_unique<DesktopDndWatch>();
  slots_[3].condition = std::make_unique<CaptureStreamWatch>();
}

DoNotDisturb::~DoNotDisturb() { stop(); }

void DoNotDisturb::configure(uv_loop_t* loop, const DndSettings& settings, Changed on_change) {
  loop_ = loop;
  on_change_ = std::move(on_change);
  const bool before = any_active();
  enable(slots_[0], settings.fullscreen);
  enable(slots_[1], settings.inhibitors);
  enable(slots_[2], settings.desktop);
  enable(slots_[3], settings.calls);
  if (any_active() != before && on_change_) on_change_();
}

void DoNotDisturb::stop() {
  for (Slot& slot : slots_) enable(slot, false);
  on_change_ = nullptr;
}

void DoNotDisturb::enable(Slot& slot, bool on) {
  if (on == slot.running) return;
  const std::string name(slot.condition->name());
  if (!on) {
    slot.condition->stop();
    slot.running = false;
    if (slot.was_active) log_info("do not disturb: no longer held by " + name + " (watch turned off)");
    slot.was_active = false;
    return;
  }
  std::string why;
  if (!slot.condition->start(loop_, [this, &slot] { condition_changed(slot); }, &why)) {
    log_info("do not disturb: " + name + " not watched: " + why);
    return;
  }
  slot.running = true;
  log_debug("do not disturb: watching " + name);
  slot.was_active = false;
  if (slot.condition->active()) {
    slot.was_active = true;
    log_info("do not disturb: prompts held: " + std::string(describe(name)) + " (" + name + ")");
  }
}

void DoNotDisturb::condition_changed(Slot& slot) {
  const bool now = slot.condition->active();
  if (now == slot.was_active) return;
  slot.was_active = now;
  const std::string name(slot.condition->name());
  if (now) {
    log_info("do not disturb: prompts held: " + std::string(describe(name)) + " (" + name + ")");
  } else {
    log_info("do not disturb: " + name + " ended");
  }
  if (on_change_) on_change_();
}

bool DoNotDisturb::any_active() const {
  return std::any_of(slots_.begin(), slots_.end(), [](const Slot& s) { return s.running && s.was_active; });
}

std::vector<std::string> DoNotDisturb::active_names() const {
  std::vector<std::string> names;
  for (const Slot& s : slots_) {
    if (s.running && s.was_active) names.emplace_back(s.condition->name());
  }
  return names;
}

}  // namespace limber
