// The presence where no tray area exists: the status window is the tray,
// shown once at start; closing it hides it, and the desktop launcher (a
// second limber-tray) brings it back.
#include "status_window.h"
#include "tray_presence.h"

namespace limber::tray {

namespace {

class WindowPresence final : public TrayPresence {
 public:
  explicit WindowPresence(StatusWindow& window) : window_(window) {}
  std::string_view kind() const override { return "window"; }
  void show(const TrayStatus&, const std::vector<TrayMenuItem>&) override {
    if (!shown_once_) window_.bring_forward();
    shown_once_ = true;
  }

 private:
  StatusWindow& window_;
  bool shown_once_ = false;
};

}  // namespace

std::unique_ptr<TrayPresence> make_window_presence(StatusWindow& window) {
  return std::make_unique<WindowPresence>(window);
}

}  // namespace limber::tray
