#include "dnd/bus_flag_watch.h"

#include "log.h"

namespace limber {
namespace {

constexpr const char* kProperties = "org.freedesktop.DBus.Properties";

bool add_match(SdBusConnection& bus, const std::string& rule, sd_bus_message_handler_t handler, void* data,
               SdBusSlot* out, std::string* why) {
  sd_bus_slot* slot = nullptr;
  const int r = sd_bus_add_match(bus.bus(), &slot, rule.c_str(), handler, data);
  if (r < 0) {
    *why = "cannot watch D-Bus (" + rule + "): " + sd_bus_strerror(r);
    return false;
  }
  out->reset(slot);
  return true;
}

}  // namespace

bool BusFlagWatch::start(SdBusConnection& bus, Changed on_change, std::string* why) {
  bus_ = &bus;
  on_change_ = std::move(on_change);
  const std::string sender = std::string("sender='") + flag_.service + "',path='" + flag_.path + "',";
  std::string change_rule;
  if (flag_.property != nullptr) {
    change_rule = "type='signal'," + sender + "interface='" + kProperties + "',member='PropertiesChanged',arg0='" +
                  flag_.interface + "'";
  } else {
    change_rule = "type='signal'," + sender + "interface='" + flag_.interface + "',member='" +
                  flag_.changed_signal + "'";
  }
  const std::string owner_rule =
      std::string("type='signal',sender='org.freedesktop.DBus',path='/org/freedesktop/DBus',"
                  "interface='org.freedesktop.DBus',member='NameOwnerChanged',arg0='") +
      flag_.service + "'";
  if (!add_match(bus, change_rule, &BusFlagWatch::on_hint, this, &change_match_, why) ||
      !add_match(bus, owner_rule, &BusFlagWatch::on_owner_changed, this, &owner_match_, why)) {
    stop();
    return false;
  }
  read_value();
  bus.rearm();
  return true;
}

void BusFlagWatch::stop() {
  change_match_.reset();
  owner_match_.reset();
  pending_read_.reset();
  value_ = false;
  bus_ = nullptr;
  on_change_ = nullptr;
}

int BusFlagWatch::on_hint(sd_bus_message* /*message*/, void* self, sd_bus_error* /*error*/) {
  static_cast<BusFlagWatch*>(self)->read_value();
  return 0;
}

int BusFlagWatch::on_owner_changed(sd_bus_message* message, void* data, sd_bus_error* /*error*/) {
  auto* self = static_cast<BusFlagWatch*>(data);
  const char* name = nullptr;
  const char* old_owner = nullptr;
  const char* new_owner = nullptr;
  if (sd_bus_message_read(message, "sss", &name, &old_owner, &new_owner) < 0) return 0;
  if (new_owner == nullptr || *new_owner == '\0') {
    self->pending_read_.reset();
    self->set(false);  // the service went away, and with it what it held
  } else {
    self->read_value();
  }
  return 0;
}

void BusFlagWatch::read_value() {
  if (bus_ == nullptr || !bus_->is_open()) return;
  sd_bus_message* raw = nullptr;
  const bool is_property = flag_.property != nullptr;
  int r = sd_bus_message_new_method_call(bus_->bus(), &raw, flag_.service, flag_.path,
                                         is_property ? kProperties : flag_.interface,
                                         is_property ? "Get" : flag_.method);
  SdBusMessage call(raw);
  // Asking must not start the service (D-Bus activation would, for
  // example, launch a notification daemon just to ask it about itself).
  if (r >= 0) r = sd_bus_message_set_auto_start(call.get(), 0);
  if (r >= 0 && is_property) r = sd_bus_message_append(call.get(), "ss", flag_.interface, flag_.property);
  sd_bus_slot* slot = nullptr;
  if (r >= 0) r = sd_bus_call_async(bus_->bus(), &slot, call.get(), &BusFlagWatch::on_reply, this, 0);
  if (r < 0) {
    log_debug(std::string("do not disturb: cannot ask for the ") + flag_.label + ": " + sd_bus_strerror(r));
    return;
  }
  pending_read_.reset(slot);  // a newer question replaces an older one
  bus_->rearm();
}

int BusFlagWatch::on_reply(sd_bus_message* reply, void* data, sd_bus_error* /*error*/) {
  auto* self = static_cast<BusFlagWatch*>(data);
  const sd_bus_error* failure = sd_bus_message_get_error(reply);
  if (failure != nullptr) {
    // Not running, or not offering this: either way it holds nothing.
    log_debug(std::string("do not disturb: no ") + self->flag_.label + " (" + failure->name + ")");
    self->set(false);
    return 0;
  }
  const char type[2] = {self->flag_.type, '\0'};
  int r = 0;
  if (self->flag_.property != nullptr) r = sd_bus_message_enter_container(reply, 'v', type);
  bool value = false;
  if (r >= 0 && self->flag_.type == 'u') {
    uint32_t number = 0;
    r = sd_bus_message_read_basic(reply, 'u', &number);
    value = (number & self->flag_.mask) != 0;
  } else if (r >= 0) {
    int flag = 0;
    r = sd_bus_message_read_basic(reply, 'b', &flag);
    value = flag != 0;
  }
  if (r < 0) {
    log_debug(std::string("do not disturb: unexpected answer for the ") + self->flag_.label);
    value = false;
  }
  self->set(value);
  return 0;
}

void BusFlagWatch::set(bool value) {
  if (value == value_) return;
  value_ = value;
  if (on_change_) on_change_();
}

}  // namespace limber
