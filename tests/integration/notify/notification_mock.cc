#include "notification_mock.h"

#include <cstring>
#include <thread>

namespace limber::test {
namespace {

constexpr const char* kName = "org.freedesktop.Notifications";
constexpr const char* kPath = "/org/freedesktop/Notifications";
constexpr const char* kMock = "org.freedesktop.DBus.Mock";

std::string read_string_variant(sd_bus_message* m) {
  const char* text = nullptr;
  if (sd_bus_message_enter_container(m, 'v', "s") < 0) return "";
  sd_bus_message_read_basic(m, 's', &text);
  sd_bus_message_exit_container(m);
  return text != nullptr ? text : "";
}

// A hint's value as text; the variant is entered whatever its type.
std::string read_hint_value(sd_bus_message* m) {
  char type = 0;
  const char* contents = nullptr;
  if (sd_bus_message_peek_type(m, &type, &contents) < 0 || contents == nullptr) return "";
  std::string out = "?";
  if (sd_bus_message_enter_container(m, 'v', contents) < 0) return out;
  if (std::strcmp(contents, "s") == 0) {
    const char* text = nullptr;
    sd_bus_message_read_basic(m, 's', &text);
    out = text != nullptr ? text : "";
  } else if (std::strcmp(contents, "b") == 0) {
    int flag = 0;
    sd_bus_message_read_basic(m, 'b', &flag);
    out = flag != 0 ? "true" : "false";
  } else if (std::strcmp(contents, "y") == 0) {
    uint8_t byte = 0;
    sd_bus_message_read_basic(m, 'y', &byte);
    out = std::to_string(byte);
  } else {
    sd_bus_message_skip(m, contents);
  }
  sd_bus_message_exit_container(m);
  return out;
}

}  // namespace

NotificationServerMock::~NotificationServerMock() {
  mock_.stop();
  if (bus_ != nullptr) sd_bus_flush_close_unref(bus_);
}

bool NotificationServerMock::start(const PrivateBus& bus, const std::string& caps, std::string* err) {
  if (!start_dbusmock(&mock_, bus, {"--template", "notification_daemon", "-p", "{\"capabilities\": \"" + caps + "\"}"},
                      kName, err)) {
    return false;
  }
  int r = sd_bus_new(&bus_);
  if (r >= 0) r = sd_bus_set_address(bus_, bus.address().c_str());
  if (r >= 0) r = sd_bus_set_bus_client(bus_, 1);
  if (r >= 0) r = sd_bus_start(bus_);
  if (r < 0) *err = std::string("cannot connect to the test bus: ") + std::strerror(-r);
  return r >= 0;
}

sd_bus_message* NotificationServerMock::method_calls(const char* method) {
  sd_bus_error error = SD_BUS_ERROR_NULL;
  sd_bus_message* reply = nullptr;
  const int r = sd_bus_call_method(bus_, kName, kPath, kMock, "GetMethodCalls", &error, &reply, "s", method);
  sd_bus_error_free(&error);
  if (r < 0) return nullptr;
  return reply;
}

std::vector<NotifyCall> NotificationServerMock::notify_calls() {
  std::vector<NotifyCall> calls;
  sd_bus_message* m = method_calls("Notify");
  if (m == nullptr) return calls;
  sd_bus_message_enter_container(m, 'a', "(tav)");
  while (sd_bus_message_enter_container(m, 'r', "tav") > 0) {
    uint64_t when = 0;
    sd_bus_message_read_basic(m, 't', &when);
    sd_bus_message_enter_container(m, 'a', "v");
    NotifyCall call;
    call.app_name = read_string_variant(m);
    sd_bus_message_enter_container(m, 'v', "u");
    sd_bus_message_read_basic(m, 'u', &call.replaces_id);
    sd_bus_message_exit_container(m);
    call.app_icon = read_string_variant(m);
    call.summary = read_string_variant(m);
    call.body = read_string_variant(m);
    sd_bus_message_enter_container(m, 'v', "as");
    sd_bus_message_enter_container(m, 'a', "s");
    const char* action = nullptr;
    while (sd_bus_message_read_basic(m, 's', &action) > 0) call.actions.emplace_back(action);
    sd_bus_message_exit_container(m);
    sd_bus_message_exit_container(m);
    sd_bus_message_enter_container(m, 'v', "a{sv}");
    sd_bus_message_enter_container(m, 'a', "{sv}");
    while (sd_bus_message_enter_container(m, 'e', "sv") > 0) {
      const char* key = nullptr;
      sd_bus_message_read_basic(m, 's', &key);
      const std::string name = key != nullptr ? key : "";
      call.hints[name] = read_hint_value(m);
      sd_bus_message_exit_container(m);
    }
    sd_bus_message_exit_container(m);
    sd_bus_message_exit_container(m);
    sd_bus_message_enter_container(m, 'v', "i");
    sd_bus_message_read_basic(m, 'i', &call.expire_timeout);
    sd_bus_message_exit_container(m);
    sd_bus_message_exit_container(m);  // av
    sd_bus_message_exit_container(m);  // struct
    calls.push_back(std::move(call));
  }
  sd_bus_message_unref(m);
  return calls;
}

std::vector<uint32_t> NotificationServerMock::closed_ids() {
  std::vector<uint32_t> ids;
  sd_bus_message* m = method_calls("CloseNotification");
  if (m == nullptr) return ids;
  sd_bus_message_enter_container(m, 'a', "(tav)");
  while (sd_bus_message_enter_container(m, 'r', "tav") > 0) {
    uint64_t when = 0;
    sd_bus_message_read_basic(m, 't', &when);
    sd_bus_message_enter_container(m, 'a', "v");
    // The mock declares the id as 'i' while the specification says 'u':
    // take it whichever way it was logged.
    uint32_t id = 0;
    char type = 0;
    const char* contents = nullptr;
    sd_bus_message_peek_type(m, &type, &contents);
    const char signature = contents != nullptr && contents[0] == 'i' ? 'i' : 'u';
    sd_bus_message_enter_container(m, 'v', signature == 'i' ? "i" : "u");
    sd_bus_message_read_basic(m, signature, &id);
    sd_bus_message_exit_container(m);
    sd_bus_message_exit_container(m);
    sd_bus_message_exit_container(m);
    ids.push_back(id);
  }
  sd_bus_message_unref(m);
  return ids;
}

bool NotificationServerMock::wait_for_notify_calls(size_t count, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (notify_calls().size() < count) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return true;
}

bool NotificationServerMock::wait_for_close(uint32_t id, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    for (uint32_t closed : closed_ids()) {
      if (closed == id) return true;
    }
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

bool NotificationServerMock::invoke_action(uint32_t id, const std::string& key, std::string* err) {
  sd_bus_error error = SD_BUS_ERROR_NULL;
  const int r = sd_bus_call_method(bus_, kName, kPath, kMock, "EmitSignal", &error, nullptr, "sssav",
                                   "org.freedesktop.Notifications", "ActionInvoked", "us", 2, "u", id, "s",
                                   key.c_str());
  if (r < 0) *err = std::string("EmitSignal ActionInvoked: ") + (error.message ? error.message : std::strerror(-r));
  sd_bus_error_free(&error);
  return r >= 0;
}

bool NotificationServerMock::set_inhibited(bool on, std::string* err) {
  sd_bus_error error = SD_BUS_ERROR_NULL;
  int r = 0;
  if (!has_inhibited_) {
    r = sd_bus_call_method(bus_, kName, kPath, kMock, "AddProperty", &error, nullptr, "ssv",
                           "org.freedesktop.Notifications", "Inhibited", "b", on ? 1 : 0);
    has_inhibited_ = r >= 0;
  } else {
    r = sd_bus_call_method(bus_, kName, kPath, "org.freedesktop.DBus.Properties", "Set", &error, nullptr, "ssv",
                           "org.freedesktop.Notifications", "Inhibited", "b", on ? 1 : 0);
  }
  if (r < 0) *err = std::string("Inhibited: ") + (error.message ? error.message : std::strerror(-r));
  sd_bus_error_free(&error);
  return r >= 0;
}

}  // namespace limber::test
