// LogindWatch: screen lock and suspend, from systemd-logind on the system
// bus, for whichever activity source is in use. A locked screen or a
// suspended machine means the user is away: both count as idle, so a laptop
// that slept through lunch has had its break and does not prompt on resume.
//
// Reports through ActivitySink::on_session():
//  - kLock / kUnlock: our session's Lock and Unlock signals and changes of its
//    LockedHint property (set by the screen locker). Reported on change only:
//    a Lock signal followed by LockedHint=true is one kLock.
//  - kSleep / kWake: the manager's PrepareForSleep(true / false).
//
// Our session is $XDG_SESSION_ID if set, else the session of our pid, else
// logind's "auto" session (for a systemd user service, which is in no
// session: the user's graphical session). If no session is found, only sleep
// and wake are reported (logged once as a warning).
//
// Signals are accepted only from the current owner of org.freedesktop.login1
// (followed across logind restarts), so another system-bus client cannot fake
// a lock. If the system bus connection breaks, that is logged and the watch
// goes quiet; it is not reported as on_source_lost(), which is about the
// activity source.
//
// Created and started by the daemon next to its activity source; start()
// failing is not fatal: the daemon goes on without lock and sleep.
//
// Threading: the loop thread only.
#pragma once

#include <string>

#include "activity/activity_source.h"
#include "activity/sd_bus_connection.h"

namespace limber {

class LogindWatch {
 public:
  LogindWatch() = default;
  ~LogindWatch();
  LogindWatch(const LogindWatch&) = delete;
  LogindWatch& operator=(const LogindWatch&) = delete;

  // Connects to the system bus ($DBUS_SYSTEM_BUS_ADDRESS if set) and
  // subscribes. If the session is already locked, reports kLock through
  // `sink` before returning. Returns false and a one-line reason in *why when
  // logind is not reachable.
  bool start(uv_loop_t* loop, ActivitySink& sink, std::string* why);
  void stop();

  // The session object watched for lock and unlock; empty if none was found.
  const std::string& session_path() const { return session_path_; }

 private:
  static int on_lock(sd_bus_message* message, void* userdata, sd_bus_error* error);
  static int on_unlock(sd_bus_message* message, void* userdata, sd_bus_error* error);
  static int on_session_properties(sd_bus_message* message, void* userdata, sd_bus_error* error);
  static int on_prepare_for_sleep(sd_bus_message* message, void* userdata, sd_bus_error* error);
  static int on_name_owner_changed(sd_bus_message* message, void* userdata, sd_bus_error* error);

  bool subscribe(const char* path, const char* interface, const char* member, sd_bus_message_handler_t handler,
                 SdBusSlot* slot, std::string* why);
  bool find_session(std::string* path, std::string* why);
  bool watch_session(std::string* why);
  bool from_logind(sd_bus_message* message) const;
  void set_locked(bool locked);
  void set_sleeping(bool sleeping);

  ActivitySink* sink_ = nullptr;
  SdBusConnection connection_;
  std::string logind_owner_;  // unique name of org.freedesktop.login1's owner
  std::string session_path_;
  SdBusSlot owner_match_;
  SdBusSlot sleep_match_;
  SdBusSlot lock_match_;
  SdBusSlot unlock_match_;
  SdBusSlot properties_match_;
  bool locked_ = false;
  bool sleeping_ = false;
};

}  // namespace limber
