#include "dnd/desktop_dnd_watch.h"

#include "dnd/gnome_banners_setting.h"
#include "dnd/session_bus_flags.h"
#include "log.h"

namespace limber {

DesktopDndWatch::DesktopDndWatch()
    : server_(make_notification_server_dnd_condition()), gnome_(std::make_unique<GnomeBannersSetting>()) {}

DesktopDndWatch::~DesktopDndWatch() { stop(); }

bool DesktopDndWatch::start(uv_loop_t* loop, Changed on_change, std::string* why) {
  stop();
  on_change_ = std::move(on_change);
  std::string server_why;
  server_watched_ = server_->start(loop, [this] { changed(); }, &server_why);
  std::string gnome_why;
  gnome_watched_ = gnome_->start(loop, [this] { changed(); }, &gnome_why);
  if (!gnome_watched_) log_debug("do not disturb: GNOME's switch not watched: " + gnome_why);
  if (!server_watched_ && !gnome_watched_) {
    *why = server_why + "; " + gnome_why;
    on_change_ = nullptr;
    return false;
  }
  if (!server_watched_) log_debug("do not disturb: the notification server's switch not watched: " + server_why);
  reported_ = active();
  return true;
}

void DesktopDndWatch::stop() {
  server_->stop();
  server_watched_ = false;
  gnome_->stop();
  gnome_watched_ = false;
  on_change_ = nullptr;
  reported_ = false;
}

bool DesktopDndWatch::active() const {
  return (server_watched_ && server_->active()) || (gnome_watched_ && gnome_->active());
}

void DesktopDndWatch::changed() {
  const bool now = active();
  if (now == reported_) return;
  reported_ = now;
  if (on_change_) on_change_();
}

}  // namespace limber
