// GnomeBannersSetting: GNOME's do-not-disturb switch, the GSettings key
// org.gnome.desktop.notifications show-banners (false = do not disturb).
// Read through GIO's GSettings (dconf on a normal desktop) and followed by
// its "changed" signal, which arrives on GLib's default main context: a
// GlibLoopBridge must drive it. Where the schema is not installed (no GNOME
// schemas) there is nothing to watch and the switch counts as off.
//
// Threading: the loop thread only.
#pragma once

#include <functional>
#include <string>

typedef struct _GSettings GSettings;

namespace limber {

class GnomeBannersSetting {
 public:
  using Changed = std::function<void()>;

  GnomeBannersSetting() = default;
  ~GnomeBannersSetting() { stop(); }
  GnomeBannersSetting(const GnomeBannersSetting&) = delete;
  GnomeBannersSetting& operator=(const GnomeBannersSetting&) = delete;

  // False, with a reason, when the schema is not installed.
  bool start(Changed on_change, std::string* why);
  void stop();
  // True while GNOME's do-not-disturb is on.
  bool do_not_disturb() const { return dnd_; }

 private:
  static void on_changed(GSettings* settings, char* key, void* self);
  void read();

  GSettings* settings_ = nullptr;
  unsigned long handler_ = 0;
  Changed on_change_;
  bool dnd_ = false;
};

}  // namespace limber
