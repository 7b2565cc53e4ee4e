#include "activity/logind_watch.h"

#include <unistd.h>

#include <cstdlib>
#include <string_view>

#include "log.h"

namespace limber {
namespace {

constexpr const char* kBusName = "org.freedesktop.login1";
constexpr const char* kManagerPath = "/org/freedesktop/login1";
constexpr const char* kManagerInterface = "org.freedesktop.login1.Manager";
constexpr const char* kSessionInterface = "org.freedesktop.login1.Session";
constexpr const char* kAutoSessionPath = "/org/freedesktop/login1/session/auto";

// Takes the reply of a call answering an object path (r: the call's result).
// On failure appends "method: reason; " to *problems.
bool read_object_path(const char* method, int r, const SdBusError& error, sd_bus_message* raw_reply,
                      std::string* path, std::string* problems) {
  SdBusMessage reply(raw_reply);
  const char* found = nullptr;
  if (r >= 0) r = sd_bus_message_read(reply.get(), "o", &found);
  if (r < 0) {
    *problems += std::string(method) + ": " + error.describe(r) + "; ";
    return false;
  }
  *path = found;
  return true;
}

}  // namespace

LogindWatch::~LogindWatch() { stop(); }

bool LogindWatch::start(uv_loop_t* loop, ActivitySink& sink, std::string* why) {
  stop();
  sink_ = &sink;
  auto on_closed = [](std::string_view reason) {
    log_warning("logind: system bus " + std::string(reason) + "; lock and sleep are no longer seen");
  };
  if (!connection_.open(loop, SdBusConnection::Bus::kSystem, on_closed, why)) return false;

  std::string reason;
  if (!connection_.name_owner(kBusName, &logind_owner_, &reason)) {
    *why = "logind (org.freedesktop.login1) is not on the system bus";
    if (reason.find("NameHasNoOwner") == std::string::npos) *why += " (" + reason + ")";
    stop();
    return false;
  }

  // Subscribe before reading state, so no change falls between the two.
  const std::string owner_rule =
      "type='signal',sender='org.freedesktop.DBus',path='/org/freedesktop/DBus',"
      "interface='org.freedesktop.DBus',member='NameOwnerChanged',arg0='" +
      std::string(kBusName) + "'";
  sd_bus_slot* slot = nullptr;
  int r = sd_bus_add_match(connection_.bus(), &slot, owner_rule.c_str(), &LogindWatch::on_name_owner_changed, this);
  if (r < 0) {
    *why = "cannot follow the owner of org.freedesktop.login1: " + sd_bus_strerror(r);
    stop();
    return false;
  }
  owner_match_.reset(slot);
  if (!subscribe(kManagerPath, kManagerInterface, "PrepareForSleep", &LogindWatch::on_prepare_for_sleep,
                 &sleep_match_, why)) {
    stop();
    return false;
  }

  std::string session_problem;
  if (!find_session(&session_path_, &session_problem)) {
    log_warning("logind: no session found (" + session_problem + "); only sleep and wake will be seen");
  } else if (!watch_session(why)) {
    stop();
    return false;
  }
  connection_.rearm();
  return true;
}

void LogindWatch::stop() {
  connection_.close();
  owner_match_.reset();
  sleep_match_.reset();
  lock_match_.reset();
  unlock_match_.reset();
  properties_match_.reset();
  logind_owner_.clear();
  session_path_.clear();
  locked_ = false;
  sleeping_ = false;
}

bool LogindWatch::subscribe(const char* path, const char* interface, const char* member,
                            sd_bus_message_handler_t handler, SdBusSlot* slot, std::string* why) {
  // No sender in the rule: logind's unique name changes when it restarts.
  // from_logind() checks the sender instead.
  sd_bus_slot* raw = nullptr;
  const int r = sd_bus_match_signal(connection_.bus(), &raw, nullptr, path, interface, member, handler, this);
  if (r < 0) {
    *why = std::string("cannot subscribe to logind's ") + member + ": " + sd_bus_strerror(r);
    return false;
  }
  slot->reset(raw);
  return true;
}

bool LogindWatch::find_session(std::string* path, std::string* why) {
  sd_bus* bus = connection_.bus();
  const char* logind = logind_owner_.c_str();
  std::string problems;

  if (const char* id = std::getenv("XDG_SESSION_ID"); id != nullptr && id[0] != '\0') {
    SdBusError error;
    sd_bus_message* reply = nullptr;
    const int r = call_retrying_on_eintr(error, [&](sd_bus_error* e) {
      return sd_bus_call_method(bus, logind, kManagerPath, kManagerInterface, "GetSession", e, &reply, "s", id);
    });
    if (read_object_path("GetSession", r, error, reply, path, &problems)) return true;
  }
  {
    SdBusError error;
    sd_bus_message* reply = nullptr;
    const int r = call_retrying_on_eintr(error, [&](sd_bus_error* e) {
      return sd_bus_call_method(bus, logind, kManagerPath, kManagerInterface, "GetSessionByPID", e, &reply, "u",
                                static_cast<uint32_t>(getpid()));
    });
    if (read_object_path("GetSessionByPID", r, error, reply, path, &problems)) return true;
  }
  // "auto" names the caller's session or, outside any session, the user's
  // graphical one. Signals come from the session's real path, so resolve it.
  SdBusError error;
  char* id = nullptr;
  int r = call_retrying_on_eintr(error, [&](sd_bus_error* e) {
    return sd_bus_get_property_string(bus, logind, kAutoSessionPath, kSessionInterface, "Id", e, &id);
  });
  if (r < 0) {
    *why = problems + "session/auto: " + error.describe(r);
    return false;
  }
  const std::string auto_id = id;
  std::free(id);
  SdBusError lookup_error;
  sd_bus_message* reply = nullptr;
  r = call_retrying_on_eintr(lookup_error, [&](sd_bus_error* e) {
    return sd_bus_call_method(bus, logind, kManagerPath, kManagerInterface, "GetSession", e, &reply, "s",
                              auto_id.c_str());
  });
  if (read_object_path("GetSession(auto)", r, lookup_error, reply, path, &problems)) return true;
  *why = problems.substr(0, problems.size() - 2);  // without the last "; "
  return false;
}

bool LogindWatch::watch_session(std::string* why) {
  const char* path = session_path_.c_str();
  if (!subscribe(path, kSessionInterface, "Lock", &LogindWatch::on_lock, &lock_match_, why) ||
      !subscribe(path, kSessionInterface, "Unlock", &LogindWatch::on_unlock, &unlock_match_, why) ||
      !subscribe(path, "org.freedesktop.DBus.Properties", "PropertiesChanged", &LogindWatch::on_session_properties,
                 &properties_match_, why)) {
    return false;
  }
  SdBusError error;
  int locked = 0;
  const int r = sd_bus_get_property_trivial(connection_.bus(), logind_owner_.c_str(), path, kSessionInterface,
                                            "LockedHint", error.get(), 'b', &locked);
  if (r < 0) {
    // Older logind (before v230) has no LockedHint; the signals still work.
    log_warning("logind: cannot read LockedHint of " + session_path_ + ": " + error.describe(r));
  } else if (locked != 0) {
    set_locked(true);
  }
  return true;
}

bool LogindWatch::from_logind(sd_bus_message* message) const {
  const char* sender = sd_bus_message_get_sender(message);
  return sender != nullptr && logind_owner_ == sender;
}

void LogindWatch::set_locked(bool locked) {
  if (locked == locked_) return;
  locked_ = locked;
  log_info(locked ? "logind: session locked" : "logind: session unlocked");
  sink_->on_session(locked ? SessionEvent::kLock : SessionEvent::kUnlock);
}

void LogindWatch::set_sleeping(bool sleeping) {
  if (sleeping == sleeping_) return;
  sleeping_ = sleeping;
  log_info(sleeping ? "logind: going to sleep" : "logind: woke up");
  sink_->on_session(sleeping ? SessionEvent::kSleep : SessionEvent::kWake);
}

int LogindWatch::on_lock(sd_bus_message* message, void* userdata, sd_bus_error*) {
  auto* self = static_cast<LogindWatch*>(userdata);
  if (self->from_logind(message)) self->set_locked(true);
  return 0;
}

int LogindWatch::on_unlock(sd_bus_message* message, void* userdata, sd_bus_error*) {
  auto* self = static_cast<LogindWatch*>(userdata);
  if (self->from_logind(message)) self->set_locked(false);
  return 0;
}

int LogindWatch::on_session_properties(sd_bus_message* message, void* userdata, sd_bus_error*) {
  auto* self = static_cast<LogindWatch*>(userdata);
  if (!self->from_logind(message)) return 0;
  const char* interface = nullptr;
  if (sd_bus_message_read(message, "s", &interface) < 0 || std::string_view(interface) != kSessionInterface) {
    return 0;
  }
  if (sd_bus_message_enter_container(message, 'a', "{sv}") <= 0) return 0;
  while (sd_bus_message_enter_container(message, 'e', "sv") > 0) {
    const char* key = nullptr;
    if (sd_bus_message_read(message, "s", &key) < 0) return 0;
    if (std::string_view(key) == "LockedHint") {
      int locked = 0;
      if (sd_bus_message_read(message, "v", "b", &locked) < 0) return 0;
      self->set_locked(locked != 0);
    } else if (sd_bus_message_skip(message, "v") < 0) {
      return 0;
    }
    if (sd_bus_message_exit_container(message) < 0) return 0;
  }
  return 0;
}

int LogindWatch::on_prepare_for_sleep(sd_bus_message* message, void* userdata, sd_bus_error*) {
  auto* self = static_cast<LogindWatch*>(userdata);
  int sleeping = 0;
  if (!self->from_logind(message) || sd_bus_message_read(message, "b", &sleeping) < 0) return 0;
  self->set_sleeping(sleeping != 0);
  return 0;
}

int LogindWatch::on_name_owner_changed(sd_bus_message* message, void* userdata, sd_bus_error*) {
  auto* self = static_cast<LogindWatch*>(userdata);
  const char* name = nullptr;
  const char* old_owner = nullptr;
  const char* new_owner = nullptr;
  if (sd_bus_message_read(message, "sss", &name, &old_owner, &new_owner) < 0) return 0;
  if (std::string_view(name) != kBusName) return 0;
  // Sessions survive a logind restart; follow the new instance.
  self->logind_owner_ = new_owner;
  if (new_owner[0] == '\0') log_warning("logind left the system bus; waiting for it to return");
  return 0;
}

}  // namespace limber
