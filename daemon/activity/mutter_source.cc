#include "activity/mutter_source.h"

#include <algorithm>
#include <string>
#include <utility>

#include "log.h"

namespace limber {
namespace {

constexpr const char* kBusName = "org.gnome.Mutter.IdleMonitor";
constexpr const char* kPath = "/org/gnome/Mutter/IdleMonitor/Core";
constexpr const char* kInterface = "org.gnome.Mutter.IdleMonitor";

}  // namespace

MutterSource::~MutterSource() { stop(); }

bool MutterSource::start(uv_loop_t* loop, const Clock& clock, Duration watch_timeout, ActivitySink& sink,
                         std::string* why) {
  stop();
  clock_ = &clock;
  sink_ = &sink;
  watch_timeout_ = std::max(watch_timeout, Duration{1});
  watch_.start(clock.mono(), clock.from_real(watch_timeout_));
  lost_ = false;

  auto on_closed = [this](std::string_view reason) { lost("session bus: " + std::string(reason)); };
  if (!connection_.open(loop, SdBusConnection::Bus::kSession, on_closed, why)) return false;

  std::string reason;
  if (!connection_.name_owner(kBusName, &mutter_owner_, &reason)) {
    *why = std::string(kBusName) + " is not on the session bus";
    if (reason.find("NameHasNoOwner") == std::string::npos) *why += " (" + reason + ")";
    stop();
    return false;
  }

  // Matches first, so no WatchFired for our watches can slip past. Signals
  // are taken from the current owner only.
  sd_bus_slot* slot = nullptr;
  int r = sd_bus_match_signal(connection_.bus(), &slot, mutter_owner_.c_str(), kPath, kInterface, "WatchFired",
                              &MutterSource::on_watch_fired, this);
  if (r < 0) {
    *why = "cannot subscribe to Mutter's WatchFired: " + sd_bus_strerror(r);
    stop();
    return false;
  }
  watch_fired_match_.reset(slot);

  const std::string owner_rule =
      "type='signal',sender='org.freedesktop.DBus',path='/org/freedesktop/DBus',"
      "interface='org.freedesktop.DBus',member='NameOwnerChanged',arg0='" +
      std::string(kBusName) + "'";
  r = sd_bus_add_match(connection_.bus(), &slot, owner_rule.c_str(), &MutterSource::on_name_owner_changed, this);
  if (r < 0) {
    *why = "cannot follow the owner of " + std::string(kBusName) + ": " + sd_bus_strerror(r);
    stop();
    return false;
  }
  name_owner_match_.reset(slot);

  if (!add_idle_watch(why)) {
    stop();
    return false;
  }
  // After the idle watch exists: if the user is already idle and Mutter fires
  // the new watch at once, that WatchFired finds the state already idle.
  read_initial_idle_time();
  connection_.rearm();
  return true;
}

bool MutterSource::add_idle_watch(std::string* why) {
  SdBusError error;
  sd_bus_message* raw = nullptr;
  const auto interval_ms = static_cast<uint64_t>(watch_timeout_.count());
  // A retry after an interrupted wait may leave Mutter a second watch from
  // the first try; its WatchFired carries another id and is ignored.
  int r = call_retrying_on_eintr(error, [&](sd_bus_error* e) {
    return sd_bus_call_method(connection_.bus(), mutter_owner_.c_str(), kPath, kInterface, "AddIdleWatch", e, &raw,
                              "t", interval_ms);
  });
  SdBusMessage reply(raw);
  if (r >= 0) r = sd_bus_message_read(reply.get(), "u", &idle_watch_id_);
  if (r < 0) {
    *why = "Mutter refused an idle watch: " + error.describe(r);
    return false;
  }
  return true;
}

void MutterSource::read_initial_idle_time() {
  SdBusError error;
  sd_bus_message* raw = nullptr;
  uint64_t idle_ms = 0;
  int r = call_retrying_on_eintr(error, [&](sd_bus_error* e) {
    return sd_bus_call_method(connection_.bus(), mutter_owner_.c_str(), kPath, kInterface, "GetIdletime", e, &raw,
                              "");
  });
  SdBusMessage reply(raw);
  if (r >= 0) r = sd_bus_message_read(reply.get(), "t", &idle_ms);
  if (r < 0) {
    // Not fatal: the first WatchFired will tell.
    log_warning("mutter: GetIdletime failed (" + error.describe(r) + "); idle time unknown until the user goes idle");
    return;
  }
  watch_.start_with_idle(clock_->mono(), clock_->from_real(watch_timeout_),
                         clock_->from_real(Duration{static_cast<Duration::rep>(idle_ms)}));
  if (watch_.idle()) request_active_watch();
}

void MutterSource::watch_for_input() {
  if (!lost_ && connection_.is_open()) watching_ = true;
}

std::optional<Duration> MutterSource::idle_time() {
  if (lost_ || !connection_.is_open()) return std::nullopt;
  const auto idle = watch_.idle_time(clock_->mono());  // in the clock's time; the daemon wants real time
  return idle ? std::optional<Duration>(clock_->to_real(*idle)) : std::nullopt;
}

void MutterSource::stop() {
  // Closing first: dropping the slots afterwards sends no RemoveMatch.
  // Mutter drops our watches with the connection.
  connection_.close();
  watch_fired_match_.reset();
  name_owner_match_.reset();
  active_watch_call_.reset();
  mutter_owner_.clear();
  active_watch_ = ActiveWatch::kNone;
  watching_ = false;
  watch_ = IdleWatchState{};
}

void MutterSource::request_active_watch() {
  if (lost_ || !connection_.is_open() || active_watch_ != ActiveWatch::kNone) return;
  sd_bus_slot* slot = nullptr;
  const int r = sd_bus_call_method_async(connection_.bus(), &slot, mutter_owner_.c_str(), kPath, kInterface,
                                         "AddUserActiveWatch", &MutterSource::on_active_watch_added, this, "");
  if (r < 0) {
    log_warning("mutter: cannot ask for a user-active watch: " + sd_bus_strerror(r));
    return;
  }
  active_watch_call_.reset(slot);
  active_watch_ = ActiveWatch::kRequested;
  connection_.rearm();
}

void MutterSource::became_idle() {
  // Already idle with a user-active watch out: no input happened since (the
  // watch would have fired first), so this is Mutter confirming a state we
  // know — e.g. a new idle watch firing at once for a user idle at start.
  // IdleWatchState keeps the older, more accurate time of the last input.
  const std::optional<MonoTime> unseen = watch_.idled(clock_->mono());
  request_active_watch();
  if (unseen && watching_) {
    watching_ = false;
    sink_->on_input(*unseen);  // last: the sink may stop or destroy this source
  }
}

void MutterSource::became_active() {
  // A user-active watch fires once; the next one is added when the idle
  // watch fires again.
  active_watch_ = ActiveWatch::kNone;
  watch_.resumed(clock_->mono());
  if (watching_) {
    watching_ = false;
    sink_->on_input(clock_->mono());  // last: the sink may stop or destroy this source
  }
}

void MutterSource::lost(std::string why) {
  if (lost_) return;
  lost_ = true;
  log_warning("mutter: " + why);
  // Last statement: the sink may stop or destroy this source.
  sink_->on_source_lost("mutter", why);
}

int MutterSource::on_watch_fired(sd_bus_message* message, void* userdata, sd_bus_error*) {
  auto* self = static_cast<MutterSource*>(userdata);
  uint32_t id = 0;
  if (sd_bus_message_read(message, "u", &id) < 0) return 0;
  if (id == self->idle_watch_id_) {
    self->became_idle();
  } else if (self->active_watch_ == ActiveWatch::kArmed && id == self->active_watch_id_) {
    self->became_active();
  }
  return 0;
}

int MutterSource::on_name_owner_changed(sd_bus_message* message, void* userdata, sd_bus_error*) {
  auto* self = static_cast<MutterSource*>(userdata);
  const char* name = nullptr;
  const char* old_owner = nullptr;
  const char* new_owner = nullptr;
  if (sd_bus_message_read(message, "sss", &name, &old_owner, &new_owner) < 0) return 0;
  if (std::string_view(name) != kBusName || self->mutter_owner_ == new_owner) return 0;
  // Our watches lived in the old owner: they are gone even if Mutter is back.
  self->lost(new_owner[0] == '\0' ? std::string(kBusName) + " left the session bus"
                                  : std::string(kBusName) + " was restarted");
  return 0;
}

int MutterSource::on_active_watch_added(sd_bus_message* reply, void* userdata, sd_bus_error*) {
  auto* self = static_cast<MutterSource*>(userdata);
  // sd-bus holds its own reference to the slot while this callback runs.
  self->active_watch_call_.reset();
  uint32_t id = 0;
  if (sd_bus_message_is_method_error(reply, nullptr) != 0 || sd_bus_message_read(reply, "u", &id) < 0) {
    const sd_bus_error* error = sd_bus_message_get_error(reply);
    log_warning(std::string("mutter: AddUserActiveWatch failed: ") +
                (error != nullptr && error->name != nullptr ? error->name : "bad reply"));
    self->active_watch_ = ActiveWatch::kNone;
    return 0;
  }
  self->active_watch_id_ = id;
  self->active_watch_ = ActiveWatch::kArmed;
  return 0;
}

}  // namespace limber
