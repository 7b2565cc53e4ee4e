#include "dnd/gnome_banners_setting.h"

#include <gio/gio.h>

#include <utility>

namespace limber {
namespace {

constexpr const char* kSchema = "org.gnome.desktop.notifications";
constexpr const char* kKey = "show-banners";

}  // namespace

bool GnomeBannersSetting::start(Changed on_change, std::string* why) {
  stop();
  GSettingsSchemaSource* source = g_settings_schema_source_get_default();
  GSettingsSchema* schema = source != nullptr ? g_settings_schema_source_lookup(source, kSchema, TRUE) : nullptr;
  if (schema == nullptr) {
    *why = std::string("the GSettings schema ") + kSchema + " is not installed";
    return false;
  }
  const bool has_key = g_settings_schema_has_key(schema, kKey) != FALSE;
  g_settings_schema_unref(schema);
  if (!has_key) {
    *why = std::string(kSchema) + " has no key " + kKey;
    return false;
  }
  settings_ = g_settings_new(kSchema);
  on_change_ = std::move(on_change);
  handler_ = g_signal_connect(settings_, (std::string("changed::") + kKey).c_str(),
                              G_CALLBACK(&GnomeBannersSetting::on_changed), this);
  read();
  return true;
}

void GnomeBannersSetting::stop() {
  if (settings_ == nullptr) return;
  g_signal_handler_disconnect(settings_, handler_);
  g_object_unref(std::exchange(settings_, nullptr));
  handler_ = 0;
  on_change_ = nullptr;
  dnd_ = false;
}

void GnomeBannersSetting::on_changed(GSettings* /*settings*/, char* /*key*/, void* self) {
  auto* setting = static_cast<GnomeBannersSetting*>(self);
  const bool before = setting->dnd_;
  setting->read();
  if (setting->dnd_ != before && setting->on_change_) setting->on_change_();
}

void GnomeBannersSetting::read() { dnd_ = g_settings_get_boolean(settings_, kKey) == FALSE; }

}  // namespace limber
