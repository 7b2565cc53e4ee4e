// The XEmbed presence: wxTaskBarIcon, which wx 3.2 on GTK3 implements as a
// GtkStatusIcon. Used where an XEmbed tray exists but no
// StatusNotifierWatcher (older Xfce, LXDE, window managers with trays).
#include <wx/taskbar.h>

#include "status_window.h"
#include "tray_icon_art.h"
#include "tray_presence.h"

namespace limber::tray {

namespace {

class TaskbarIcon final : public wxTaskBarIcon {
 public:
  explicit TaskbarIcon(StatusWindow& window) : window_(window) {
    Bind(wxEVT_TASKBAR_LEFT_UP, [this](wxTaskBarIconEvent&) { window_.bring_forward(); });
  }
  void set_items(std::vector<TrayMenuItem> items) { items_ = std::move(items); }

 protected:
  wxMenu* CreatePopupMenu() override { return TrayMenu::to_wx_menu(items_); }

 private:
  StatusWindow& window_;
  std::vector<TrayMenuItem> items_;
};

class TaskbarPresence final : public TrayPresence {
 public:
  explicit TaskbarPresence(StatusWindow& window) : icon_(window) {}
  ~TaskbarPresence() override { icon_.RemoveIcon(); }
  TaskbarPresence(const TaskbarPresence&) = delete;
  TaskbarPresence& operator=(const TaskbarPresence&) = delete;

  std::string_view kind() const override { return "xembed"; }

  void show(const TrayStatus& status, const std::vector<TrayMenuItem>& items) override {
    icon_.set_items(items);
    if (!shown_ || state_ != status.icon) {
      bundle_ = status_icon(status.icon, 22);
      state_ = status.icon;
      shown_ = true;
    }
    icon_.SetIcon(bundle_, wxString::Format("Limber — %s", status.summary));
  }

 private:
  TaskbarIcon icon_;
  wxBitmapBundle bundle_;
  TrayIconState state_ = TrayIconState::kDisconnected;
  bool shown_ = false;
};

}  // namespace

std::unique_ptr<TrayPresence> make_taskbar_presence(StatusWindow& window) {
  return std::make_unique<TaskbarPresence>(window);
}

}  // namespace limber::tray
