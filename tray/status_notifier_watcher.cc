// Asks the session bus whether a StatusNotifierWatcher is there: the test
// platform-notes.md gives for whether StatusNotifierItems will be shown.
#include <gio/gio.h>

#include "tray_presence.h"

namespace limber::tray {

bool status_notifier_watcher_present() {
  GError* error = nullptr;
  GDBusConnection* bus = g_bus_get_sync(G_BUS_TYPE_SESSION, nullptr, &error);
  if (bus == nullptr) {
    g_clear_error(&error);
    return false;
  }
  GVariant* reply = g_dbus_connection_call_sync(
      bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "NameHasOwner",
      g_variant_new("(s)", "org.kde.StatusNotifierWatcher"), G_VARIANT_TYPE("(b)"), G_DBUS_CALL_FLAGS_NONE,
      1000, nullptr, &error);
  g_object_unref(bus);
  if (reply == nullptr) {
    g_clear_error(&error);
    return false;
  }
  gboolean owned = FALSE;
  g_variant_get(reply, "(b)", &owned);
  g_variant_unref(reply);
  return owned != FALSE;
}

}  // namespace limber::tray
