// GnomeBannersSetting: GNOME's do-not-disturb switch, the GSettings key
// org.gnome.desktop.notifications show-banners (false = do not disturb),
// one part of the "desktop-dnd" condition (DesktopDndWatch).
//
// Without GLib in limberd: GNOME keeps the key in dconf, and dconf's writer
// service announces every change with the signal ca.desrt.dconf.Writer
// Notify on the session bus (path /ca/desrt/dconf/Writer/user). The watch
// matches that signal for the key's path (arg0path, so a change of the key
// or of a directory above it) and then reads the value by running
// `gsettings get org.gnome.desktop.notifications show-banners` (libglib2.0-bin,
// on every GNOME desktop): once at start and after each signal. One reading
// runs at a time; a signal during one asks for one more.
//
// Where the schema is not installed (no GNOME schemas) or gsettings is
// missing there is nothing to watch: start() says so and the switch counts
// as off. So does a reading that fails.
//
// Threading: the loop thread only.
#pragma once

#include <string>

#include "activity/sd_bus_connection.h"
#include "dnd/command_output.h"
#include "dnd/dnd_condition.h"

namespace limber {

class GnomeBannersSetting : public DndCondition {
 public:
  GnomeBannersSetting() = default;
  ~GnomeBannersSetting() override;

  std::string_view name() const override { return "desktop-dnd"; }
  bool start(uv_loop_t* loop, Changed on_change, std::string* why) override;
  void stop() override;
  // True while GNOME's do-not-disturb is on.
  bool active() const override { return dnd_; }

 private:
  static int on_dconf_notify(sd_bus_message* message, void* self, sd_bus_error* error);
  void read();
  void read_done(int64_t exit_status, int signal);
  void set(bool dnd);

  uv_loop_t* loop_ = nullptr;
  SdBusConnection bus_;
  SdBusSlot notify_match_;
  CommandOutput gsettings_;
  std::string output_;       // of the reading in progress
  bool read_again_ = false;  // a change was announced during a reading
  bool reported_failure_ = false;
  Changed on_change_;
  bool dnd_ = false;
};

// True when the GSettings schema `schema` is installed: its
// `<schema>.gschema.xml` is in glib-2.0/schemas under $GSETTINGS_SCHEMA_DIR,
// $XDG_DATA_HOME or one of $XDG_DATA_DIRS (GLib's own search path).
bool gsettings_schema_installed(const std::string& schema);

}  // namespace limber
