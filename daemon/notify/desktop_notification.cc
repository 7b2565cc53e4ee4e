#include "notify/desktop_notification.h"

#include <libnotify/notify.h>

#include <cstring>
#include <string>
#include <utility>

#include "limber/i18n.h"
#include "notify/notification_icon.h"

namespace limber {
namespace {

// A freedesktop sound-theme event (sound-naming-spec): a short, neutral
// chime that every theme provides.
constexpr const char* kSoundEvent = "bell";

struct ServerCaps {
  bool actions = false;
  bool body_markup = false;
};

ServerCaps server_caps() {
  ServerCaps caps;
  GList* list = notify_get_server_caps();
  for (GList* c = list; c != nullptr; c = c->next) {
    const auto* cap = static_cast<const char*>(c->data);
    if (std::strcmp(cap, "actions") == 0) caps.actions = true;
    if (std::strcmp(cap, "body-markup") == 0) caps.body_markup = true;
  }
  g_list_free_full(list, g_free);
  return caps;
}

// A server with body markup reads '&' and '<' as markup.
std::string body_for(const ServerCaps& caps, const std::string& body) {
  if (!caps.body_markup) return body;
  char* escaped = g_markup_escape_text(body.c_str(), -1);
  std::string text = escaped;
  g_free(escaped);
  return text;
}

std::string error_text(GError* error) {
  std::string text = error != nullptr ? error->message : "unknown error";
  if (error != nullptr) g_error_free(error);
  return text;
}

// "dunst 1.9.0 (knopwob)", or "" when the server does not say.
std::string server_name() {
  char* name = nullptr;
  char* vendor = nullptr;
  char* version = nullptr;
  char* spec = nullptr;
  if (!notify_get_server_info(&name, &vendor, &version, &spec)) return std::string();
  std::string text = std::string(name) + " " + version + " (" + vendor + ")";
  g_free(name);
  g_free(vendor);
  g_free(version);
  g_free(spec);
  return text;
}

// The freedesktop spec's reasons (NotificationClosed).
const char* closed_reason(int reason) {
  switch (reason) {
    case 1: return "expired";
    case 2: return "dismissed";
    case 3: return "closed";
    default: return "undefined";
  }
}

}  // namespace

DesktopNotification::DesktopNotification(std::string app_name, std::string icon, ReportSink sink)
    : app_name_(std::move(app_name)), icon_(std::move(icon)), sink_(std::move(sink)) {
  if (!notify_is_initted()) notify_init(app_name_.c_str());
}

DesktopNotification::~DesktopNotification() { release(); }

void DesktopNotification::show(const BreakPrompt& prompt) {
  if (notification_ != nullptr && break_id_ != prompt.break_id) {
    close(break_id_);
    release();
  }
  const ServerCaps caps = server_caps();
  const std::string body = body_for(caps, prompt.body);
  if (notification_ == nullptr) {
    notification_ = notify_notification_new(prompt.summary.c_str(), body.c_str(), icon_.c_str());
    break_id_ = prompt.break_id;
    g_signal_connect(notification_, "closed", G_CALLBACK(&DesktopNotification::on_closed), this);
    // This break's notification from an earlier helper: replace it.
    if (prompt.replaces_id != 0) g_object_set(notification_, "id", static_cast<gint>(prompt.replaces_id), nullptr);
  } else {
    // Same break: the same object keeps its server id, so the server
    // replaces the notification in place.
    gint id = 0;
    g_object_get(notification_, "id", &id, nullptr);
    notify_notification_update(notification_, prompt.summary.c_str(), body.c_str(), icon_.c_str());
    // libnotify forgets the id once the notification was closed; give it
    // back, so the prompt that returns still replaces rather than stacks.
    if (id == 0 && prompt.replaces_id != 0) g_object_set(notification_, "id", static_cast<gint>(prompt.replaces_id), nullptr);
  }
  set_hints_and_actions(prompt, caps.actions);

  NotifyNotification* n = notification_;
  NotifyReport report;
  report.break_id = prompt.break_id;
  GError* error = nullptr;
  if (!notify_notification_show(n, &error)) {
    shown_ = false;
    report.kind = NotifyReport::Kind::kFailed;
    report.text = error_text(error);
    sink_(report);
    return;
  }
  shown_ = true;
  gint id = 0;
  g_object_get(n, "id", &id, nullptr);
  report.kind = NotifyReport::Kind::kShown;
  report.server_id = static_cast<uint32_t>(id);
  report.text = server_name();
  sink_(report);
}

// Urgency, category, sound and the buttons the server can show.
void DesktopNotification::set_hints_and_actions(const BreakPrompt& prompt, bool actions) {
  NotifyNotification* n = notification_;
  notify_notification_set_app_name(n, app_name_.c_str());
  notify_notification_set_urgency(n, NOTIFY_URGENCY_NORMAL);
  notify_notification_set_category(n, "x-limber.break");
  notify_notification_set_hint(n, "desktop-entry", g_variant_new_string(std::string(kLimberAppId).c_str()));
  if (prompt.sound) {
    notify_notification_set_hint(n, "sound-name", g_variant_new_string(kSoundEvent));
    notify_notification_set_hint(n, "suppress-sound", nullptr);
  } else {
    // Silent means silent: servers that play a sound of their own skip it.
    notify_notification_set_hint(n, "sound-name", nullptr);
    notify_notification_set_hint(n, "suppress-sound", g_variant_new_boolean(TRUE));
  }
  notify_notification_clear_actions(n);
  if (actions) {
    auto add = [&](const char* key, const char* label) {
      notify_notification_add_action(n, key, label, &DesktopNotification::on_action, this, nullptr);
    };
    // TRANSLATORS: buttons of the break notification.
    add("start", _("Start"));
    if (prompt.offer_postpone) add("postpone", _("Postpone"));
    if (prompt.offer_skip) add("skip", _("Skip"));
  }
}

void DesktopNotification::close(uint64_t break_id) {
  if (notification_ == nullptr || break_id != break_id_ || !shown_) return;
  shown_ = false;
  GError* error = nullptr;
  if (!notify_notification_close(notification_, &error)) {
    // The server may have closed it already (an action was clicked).
    g_error_free(error);
  }
}

void DesktopNotification::release() {
  if (notification_ == nullptr) return;
  g_signal_handlers_disconnect_by_data(notification_, this);
  notify_notification_clear_actions(notification_);
  g_object_unref(std::exchange(notification_, nullptr));
  break_id_ = 0;
  shown_ = false;
}

void DesktopNotification::on_action(NotifyNotification* /*notification*/, char* action, void* data) {
  auto* self = static_cast<DesktopNotification*>(data);
  NotifyReport report;
  report.kind = NotifyReport::Kind::kAction;
  report.break_id = self->break_id_;
  if (!parse_prompt_action(action, &report.action)) return;
  self->sink_(report);
}

void DesktopNotification::on_closed(NotifyNotification* notification, void* data) {
  auto* self = static_cast<DesktopNotification*>(data);
  self->shown_ = false;
  NotifyReport report;
  report.kind = NotifyReport::Kind::kClosed;
  report.break_id = self->break_id_;
  report.text = closed_reason(notify_notification_get_closed_reason(notification));
  self->sink_(report);
}

}  // namespace limber
