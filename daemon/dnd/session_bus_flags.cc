#include "dnd/session_bus_flags.h"

#include <algorithm>

#include "log.h"

namespace limber {

SessionBusFlags::SessionBusFlags(std::string name, std::vector<BusFlag> flags)
    : name_(std::move(name)), flags_(std::move(flags)) {}

SessionBusFlags::~SessionBusFlags() { stop(); }

bool SessionBusFlags::start(uv_loop_t* loop, Changed on_change, std::string* why) {
  stop();
  on_change_ = std::move(on_change);
  auto on_closed = [this](std::string_view reason) {
    log_warning("do not disturb: " + name_ + " no longer watched: the session bus " + std::string(reason));
    watches_.clear();
    changed();
  };
  if (!bus_.open(loop, SdBusConnection::Bus::kSession, on_closed, why)) return false;
  for (const BusFlag& flag : flags_) {
    auto watch = std::make_unique<BusFlagWatch>(flag);
    if (!watch->start(bus_, [this] { changed(); }, why)) {
      stop();
      return false;
    }
    watches_.push_back(std::move(watch));
  }
  return true;
}

void SessionBusFlags::stop() {
  watches_.clear();
  bus_.close();
  on_change_ = nullptr;
  reported_ = false;
}

bool SessionBusFlags::active() const {
  return std::any_of(watches_.begin(), watches_.end(), [](const auto& w) { return w->value(); });
}

void SessionBusFlags::changed() {
  const bool now = active();
  if (now == reported_) return;
  reported_ = now;
  if (on_change_) on_change_();
}

std::unique_ptr<DndCondition> make_inhibitor_condition() {
  BusFlag gnome{"org.gnome.SessionManager", "/org/gnome/SessionManager", "org.gnome.SessionManager"};
  gnome.property = "InhibitedActions";
  gnome.type = 'u';
  gnome.mask = 8;  // GSM_INHIBITOR_FLAG_IDLE
  gnome.label = "GNOME session inhibitor";
  BusFlag power{"org.freedesktop.PowerManagement", "/org/freedesktop/PowerManagement/Inhibit",
                "org.freedesktop.PowerManagement.Inhibit"};
  power.method = "HasInhibit";
  power.changed_signal = "HasInhibitChanged";
  power.label = "power-management inhibitor";
  return std::make_unique<SessionBusFlags>("inhibitor", std::vector<BusFlag>{gnome, power});
}

std::unique_ptr<DndCondition> make_notification_server_dnd_condition() {
  BusFlag inhibited{"org.freedesktop.Notifications", "/org/freedesktop/Notifications",
                    "org.freedesktop.Notifications"};
  inhibited.property = "Inhibited";
  inhibited.label = "notification server's Inhibited property";
  BusFlag dunst{"org.freedesktop.Notifications", "/org/freedesktop/Notifications", "org.dunstproject.cmd0"};
  dunst.property = "paused";
  dunst.label = "dunst pause";
  return std::make_unique<SessionBusFlags>("desktop-dnd", std::vector<BusFlag>{inhibited, dunst});
}

}  // namespace limber
