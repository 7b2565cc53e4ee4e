// The StatusNotifierItem presence, through libayatana-appindicator3. The
// indicator wants a GtkMenu, built here from the TrayMenu items; it runs
// on GTK's main loop, which is wx's.
#include <libayatana-appindicator/app-indicator.h>

#include <memory>

#include "tray_icon_art.h"
#include "tray_presence.h"

namespace limber::tray {

namespace {

class AppIndicatorPresence final : public TrayPresence {
 public:
  explicit AppIndicatorPresence(const std::string& icon_cache_dir) {
    // Built from its GObject properties: app_indicator_new() is deprecated
    // since 0.5.94 (Debian 13) for libayatana-appindicator-glib, which no
    // Debian release ships yet; this construction, which it wraps, is not.
    const std::string icon(icon_name(TrayIconState::kDisconnected));
    indicator_ = static_cast<AppIndicator*>(g_object_new(APP_INDICATOR_TYPE, "id", "limber-tray", "category",
                                                         "ApplicationStatus", "icon-name", icon.c_str(), nullptr));
    // Installed icons come from the hicolor theme; a build or a desktop
    // without them gets the files written here (SVGs or drawn PNGs).
    const std::string dir = prepare_icon_theme_dir(icon_cache_dir);
    if (!dir.empty()) app_indicator_set_icon_theme_path(indicator_, dir.c_str());
    app_indicator_set_title(indicator_, "Limber");
    app_indicator_set_status(indicator_, APP_INDICATOR_STATUS_ACTIVE);
  }
  ~AppIndicatorPresence() override {
    app_indicator_set_status(indicator_, APP_INDICATOR_STATUS_PASSIVE);
    g_object_unref(indicator_);
  }
  AppIndicatorPresence(const AppIndicatorPresence&) = delete;
  AppIndicatorPresence& operator=(const AppIndicatorPresence&) = delete;

  std::string_view kind() const override { return "appindicator"; }

  void show(const TrayStatus& status, const std::vector<TrayMenuItem>& items) override {
    const std::string summary = status.summary.utf8_string();
    app_indicator_set_icon_full(indicator_, std::string(icon_name(status.icon)).c_str(), summary.c_str());
    // Panels that show labels (waybar, Xfce) show the time to the break.
    app_indicator_set_label(indicator_, summary.c_str(), "Micro-break in 00 min");
    app_indicator_set_title(indicator_, ("Limber — " + summary).c_str());
    if (signature(items) != menu_signature_) rebuild_menu(items);
  }

 private:
  static std::string signature(const std::vector<TrayMenuItem>& items) {
    std::string s;
    for (const TrayMenuItem& i : items) {
      s += i.label.utf8_string() + (i.checked ? "+" : "-") + (i.enabled ? "1" : "0") + '\n';
    }
    return s;
  }

  void rebuild_menu(const std::vector<TrayMenuItem>& items) {
    menu_signature_ = signature(items);
    actions_ = std::make_shared<std::vector<std::function<void()>>>();
    GtkWidget* menu = gtk_menu_new();
    for (const TrayMenuItem& item : items) {
      GtkWidget* entry = nullptr;
      if (item.kind == TrayMenuItem::Kind::kSeparator) {
        entry = gtk_separator_menu_item_new();
      } else {
        const std::string label = item.label.utf8_string();
        if (item.kind == TrayMenuItem::Kind::kCheck) {
          entry = gtk_check_menu_item_new_with_label(label.c_str());
          // Before connecting: set_active emits "activate".
          gtk_check_menu_item_set_active(GTK_CHECK_MENU_ITEM(entry), item.checked);
        } else {
          entry = gtk_menu_item_new_with_label(label.c_str());
        }
        gtk_widget_set_sensitive(entry, item.enabled);
        actions_->push_back(item.run);
        // The action's 1-based index travels with the item; actions_ lives
        // as long as the menu, since the next rebuild replaces both.
        g_object_set_data(G_OBJECT(entry), "limber-action",
                          reinterpret_cast<gpointer>(static_cast<uintptr_t>(actions_->size())));
        g_signal_connect(entry, "activate", G_CALLBACK(&AppIndicatorPresence::on_activate), this);
      }
      gtk_menu_shell_append(GTK_MENU_SHELL(menu), entry);
    }
    gtk_widget_show_all(menu);
    app_indicator_set_menu(indicator_, GTK_MENU(menu));
    // The indicator holds its own reference to the menu.
  }

  static void on_activate(GtkMenuItem* entry, gpointer data) {
    auto* self = static_cast<AppIndicatorPresence*>(data);
    const auto index = reinterpret_cast<uintptr_t>(g_object_get_data(G_OBJECT(entry), "limber-action"));
    // Keep the list alive while the action runs: it may rebuild the menu.
    const auto actions = self->actions_;
    if (index >= 1 && index <= actions->size() && (*actions)[index - 1]) (*actions)[index - 1]();
  }

  AppIndicator* indicator_ = nullptr;
  std::string menu_signature_;
  std::shared_ptr<std::vector<std::function<void()>>> actions_;
};

}  // namespace

std::unique_ptr<TrayPresence> make_appindicator_presence(const std::string& icon_cache_dir) {
  return std::make_unique<AppIndicatorPresence>(icon_cache_dir);
}

}  // namespace limber::tray
