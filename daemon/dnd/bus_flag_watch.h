// BusFlagWatch: one yes/no fact published by a D-Bus service, followed as it
// changes: a property (read with Properties.Get, followed through
// PropertiesChanged) or a method's answer (followed through a signal that
// says it changed, like PowerManagement's HasInhibitChanged). The service
// may start, stop and restart at any time: its name's owner is watched too,
// and a service that is not running counts as "no".
//
// On every hint of a change the value is read again with one asynchronous
// call, so the watch never trusts a signal's payload shape.
//
// Used by InhibitorWatch and DesktopDndWatch, on a connection they own.
// Threading: the loop thread only.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "activity/sd_bus_connection.h"

namespace limber {

struct BusFlag {
  const char* service;    // well-known name: "org.gnome.SessionManager"
  const char* path;       // object path
  const char* interface;  // of the property, the method and the signal
  // Exactly one of `property` and `method` is set.
  const char* property = nullptr;
  const char* method = nullptr;         // takes no arguments
  const char* changed_signal = nullptr; // on `interface`, for a method
  char type = 'b';                      // 'b' or 'u'
  uint32_t mask = 0;                    // for 'u': true when value & mask
  const char* label = "";               // for logs: "GNOME session inhibitor"
};

class BusFlagWatch {
 public:
  using Changed = std::function<void()>;

  explicit BusFlagWatch(BusFlag flag) : flag_(flag) {}
  BusFlagWatch(const BusFlagWatch&) = delete;
  BusFlagWatch& operator=(const BusFlagWatch&) = delete;

  // Adds the matches on `bus` and reads the value once. False with a reason
  // when a match cannot be added.
  bool start(SdBusConnection& bus, Changed on_change, std::string* why);
  void stop();
  bool value() const { return value_; }

 private:
  static int on_hint(sd_bus_message* message, void* self, sd_bus_error* error);
  static int on_owner_changed(sd_bus_message* message, void* self, sd_bus_error* error);
  static int on_reply(sd_bus_message* reply, void* self, sd_bus_error* error);
  void read_value();
  void set(bool value);

  BusFlag flag_;
  SdBusConnection* bus_ = nullptr;
  Changed on_change_;
  SdBusSlot change_match_;
  SdBusSlot owner_match_;
  SdBusSlot pending_read_;
  bool value_ = false;
};

}  // namespace limber
