// NotificationServerMock: python3-dbusmock's notification_daemon template on
// a PrivateBus, standing in for the desktop's notification server, and the
// test's own reads of what limberd asked of it (GetMethodCalls) and its
// replies (ActionInvoked, the Inhibited property).
//
// Test-only; single-threaded. The mock process is stopped by the destructor.
#pragma once

#include <systemd/sd-bus.h>

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "test_bus.h"

namespace limber::test {

// One Notify call as the server received it.
struct NotifyCall {
  std::string app_name;
  uint32_t replaces_id = 0;
  std::string app_icon;
  std::string summary;
  std::string body;
  std::vector<std::string> actions;           // key, label, key, label …
  std::map<std::string, std::string> hints;   // strings as they are, booleans "true"/"false", bytes as numbers
  int32_t expire_timeout = 0;
};

class NotificationServerMock {
 public:
  NotificationServerMock() = default;
  ~NotificationServerMock();
  NotificationServerMock(const NotificationServerMock&) = delete;
  NotificationServerMock& operator=(const NotificationServerMock&) = delete;

  // Starts the mock on `bus` with the server capabilities `caps`
  // (space-separated, e.g. "actions body").
  bool start(const PrivateBus& bus, const std::string& caps, std::string* err);
  void stop() { mock_.stop(); }

  std::vector<NotifyCall> notify_calls();
  // The ids passed to CloseNotification, in order.
  std::vector<uint32_t> closed_ids();
  // Waits until at least `count` Notify calls were made.
  bool wait_for_notify_calls(size_t count, std::chrono::milliseconds timeout);
  bool wait_for_close(uint32_t id, std::chrono::milliseconds timeout);

  // The user clicked the action `key` of notification `id`.
  bool invoke_action(uint32_t id, const std::string& key, std::string* err);
  // Adds (first call) or changes the server's Inhibited property (KDE's
  // do-not-disturb); a change emits PropertiesChanged.
  bool set_inhibited(bool on, std::string* err);

 private:
  sd_bus_message* method_calls(const char* method);

  ChildProcess mock_;
  sd_bus* bus_ = nullptr;
  bool has_inhibited_ = false;
};

}  // namespace limber::test
