// DesktopDndWatch: the "desktop-dnd" condition: the desktop's own
// do-not-disturb switch is on. GNOME keeps it in GSettings, followed
// through dconf's change signal (GnomeBannersSetting); KDE Plasma and others publish it as the
// notification server's Inhibited property, dunst as its "paused" property
// (both in session_bus_flags.h). Active while any of them says so; each
// part that cannot be watched here is skipped with a debug line.
//
// Threading: the loop thread only.
#pragma once

#include <memory>

#include "dnd/dnd_condition.h"

namespace limber {

class DesktopDndWatch : public DndCondition {
 public:
  DesktopDndWatch();
  ~DesktopDndWatch() override;

  std::string_view name() const override { return "desktop-dnd"; }
  bool start(uv_loop_t* loop, Changed on_change, std::string* why) override;
  void stop() override;
  bool active() const override;

 private:
  void changed();

  std::unique_ptr<DndCondition> server_;
  bool server_watched_ = false;
  std::unique_ptr<DndCondition> gnome_;
  bool gnome_watched_ = false;
  Changed on_change_;
  bool reported_ = false;
};

}  // namespace limber
