// SessionBusFlags: a DndCondition made of BusFlagWatches on one session-bus
// connection of its own; active while any of its flags is true. The two
// conditions built from it:
//
//   inhibitor    the session has an idle inhibitor (a video or a
//                presentation asked the desktop not to blank the screen):
//                GNOME's org.gnome.SessionManager InhibitedActions has the
//                idle bit (8), or org.freedesktop.PowerManagement.Inhibit
//                HasInhibit() is true (KDE, Xfce).
//   desktop-dnd  the notification server is told not to disturb: the
//                Inhibited property of org.freedesktop.Notifications (KDE
//                Plasma and others), or dunst's "paused" property
//                (org.dunstproject.cmd0). GNOME's switch is a GSettings key
//                instead, watched by GnomeBannersSetting (DesktopDndWatch
//                combines the two).
//
// Threading: the loop thread only.
#pragma once

#include <memory>
#include <vector>

#include "activity/sd_bus_connection.h"
#include "dnd/bus_flag_watch.h"
#include "dnd/dnd_condition.h"

namespace limber {

class SessionBusFlags : public DndCondition {
 public:
  SessionBusFlags(std::string name, std::vector<BusFlag> flags);
  ~SessionBusFlags() override;

  std::string_view name() const override { return name_; }
  bool start(uv_loop_t* loop, Changed on_change, std::string* why) override;
  void stop() override;
  bool active() const override;

 private:
  void changed();

  std::string name_;
  std::vector<BusFlag> flags_;
  SdBusConnection bus_;
  std::vector<std::unique_ptr<BusFlagWatch>> watches_;
  Changed on_change_;
  bool reported_ = false;  // active() as last reported
};

std::unique_ptr<DndCondition> make_inhibitor_condition();
std::unique_ptr<DndCondition> make_notification_server_dnd_condition();

}  // namespace limber
