#include "notification_server.h"

#include <systemd/sd-bus.h>

#include <cstring>

namespace limber::ctl {

namespace {

constexpr const char* kName = "org.freedesktop.Notifications";

struct BusRef {
  sd_bus* bus = nullptr;
  ~BusRef() { sd_bus_flush_close_unref(bus); }
};
struct MessageRef {
  sd_bus_message* m = nullptr;
  ~MessageRef() { sd_bus_message_unref(m); }
};
struct ErrorRef {
  sd_bus_error e = SD_BUS_ERROR_NULL;
  ~ErrorRef() { sd_bus_error_free(&e); }
};

bool name_has_owner(sd_bus* bus, std::string* err) {
  ErrorRef error;
  MessageRef reply;
  if (sd_bus_call_method(bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                         "org.freedesktop.DBus", "NameHasOwner", &error.e, &reply.m, "s",
                         kName) < 0) {
    *err = error.e.message ? error.e.message : "NameHasOwner failed";
    return false;
  }
  int owned = 0;
  if (sd_bus_message_read(reply.m, "b", &owned) < 0) return false;
  return owned != 0;
}

bool activatable(sd_bus* bus) {
  ErrorRef error;
  MessageRef reply;
  if (sd_bus_call_method(bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                         "org.freedesktop.DBus", "ListActivatableNames", &error.e, &reply.m,
                         "") < 0) {
    return false;
  }
  if (sd_bus_message_enter_container(reply.m, 'a', "s") < 0) return false;
  const char* name = nullptr;
  while (sd_bus_message_read(reply.m, "s", &name) > 0) {
    if (std::strcmp(name, kName) == 0) return true;
  }
  return false;
}

std::string server_information(sd_bus* bus) {
  ErrorRef error;
  MessageRef reply;
  if (sd_bus_call_method(bus, kName, "/org/freedesktop/Notifications", kName,
                         "GetServerInformation", &error.e, &reply.m, "") < 0) {
    return {};
  }
  const char *name = nullptr, *vendor = nullptr, *version = nullptr, *spec = nullptr;
  if (sd_bus_message_read(reply.m, "ssss", &name, &vendor, &version, &spec) < 0) return {};
  return std::string(name) + " " + version + " (" + vendor + ")";
}

}  // namespace

NotificationServer find_notification_server() {
  NotificationServer out;
  BusRef bus;
  if (const int r = sd_bus_open_user(&bus.bus); r < 0) {
    out.error = std::string("cannot reach the session bus: ") + std::strerror(-r);
    return out;
  }
  // A hung bus must not hang doctor.
  sd_bus_set_method_call_timeout(bus.bus, 3'000'000);
  std::string err;
  out.running = name_has_owner(bus.bus, &err);
  if (!err.empty()) {
    out.error = "cannot ask the session bus: " + err;
    return out;
  }
  out.bus_reachable = true;
  if (out.running) {
    out.server = server_information(bus.bus);
  } else {
    out.activatable = activatable(bus.bus);
  }
  return out;
}

}  // namespace limber::ctl
