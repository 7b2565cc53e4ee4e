#include "notify/break_notifier.h"

#include <libnotify/notify.h>

#include <cstring>
#include <utility>

#include "log.h"

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

}  // namespace

std::string_view to_string(PromptAction action) {
  switch (action) {
    case PromptAction::kStart: return "start";
    case PromptAction::kPostpone: return "postpone";
    case PromptAction::kSkip: return "skip";
  }
  return "start";
}

BreakNotifier::BreakNotifier(uv_loop_t* loop, std::string app_name, ActionCallback on_action)
    : loop_(loop), app_name_(std::move(app_name)), on_action_(std::move(on_action)) {
  uv_timer_init(loop_, deliver_.get());
  deliver_.get()->data = this;
  if (!notify_is_initted()) notify_init(app_name_.c_str());
}

BreakNotifier::~BreakNotifier() {
  release();
  deliver_.close();
  // notify_uninit() is left to process exit: other notifications may still
  // be in flight on GLib's context.
}

std::optional<uint64_t> BreakNotifier::shown_break() const {
  if (notification_ == nullptr || !shown_) return std::nullopt;
  return break_id_;
}

bool BreakNotifier::show(const BreakPrompt& prompt) {
  if (notification_ != nullptr && break_id_ != prompt.break_id) {
    close(break_id_);
    release();
  }
  const ServerCaps caps = server_caps();
  const std::string body = body_for(caps, prompt.body);
  if (notification_ == nullptr) {
    notification_ = notify_notification_new(prompt.summary.c_str(), body.c_str(), "limber");
    break_id_ = prompt.break_id;
  } else {
    // Same break: the same object keeps its server id, so the server
    // replaces the notification in place. libnotify forgets the id once
    // the notification was closed (a held prompt); give it back, so the
    // prompt that returns still replaces rather than stacks.
    notify_notification_update(notification_, prompt.summary.c_str(), body.c_str(), "limber");
    gint id = 0;
    g_object_get(notification_, "id", &id, nullptr);
    if (id == 0 && server_id_ != 0) g_object_set(notification_, "id", server_id_, nullptr);
  }
  NotifyNotification* n = notification_;
  notify_notification_set_app_name(n, app_name_.c_str());
  notify_notification_set_urgency(n, NOTIFY_URGENCY_NORMAL);
  notify_notification_set_category(n, "x-limber.break");
  notify_notification_set_hint(n, "desktop-entry", g_variant_new_string("limber"));
  if (prompt.sound) {
    notify_notification_set_hint(n, "sound-name", g_variant_new_string(kSoundEvent));
    notify_notification_set_hint(n, "suppress-sound", nullptr);
  } else {
    // Silent means silent: servers that play a sound of their own skip it.
    notify_notification_set_hint(n, "sound-name", nullptr);
    notify_notification_set_hint(n, "suppress-sound", g_variant_new_boolean(TRUE));
  }
  notify_notification_clear_actions(n);
  if (caps.actions) {
    auto add = [&](const char* key, const char* label) {
      notify_notification_add_action(n, key, label, &BreakNotifier::on_action, this, nullptr);
    };
    add("start", "Start");
    if (prompt.offer_postpone) add("postpone", "Postpone");
    if (prompt.offer_skip) add("skip", "Skip");
  }

  GError* error = nullptr;
  if (!notify_notification_show(n, &error)) {
    const std::string why = error_text(error);
    if (!server_missing_logged_) {
      log_warning("notifications: cannot show a break reminder (" + why +
                  "); reminders still reach the tray, and a notification server that starts later is used");
      server_missing_logged_ = true;
    }
    shown_ = false;
    return false;
  }
  shown_ = true;
  g_object_get(n, "id", &server_id_, nullptr);
  if (server_missing_logged_ || !server_logged_) {
    char* name = nullptr;
    char* vendor = nullptr;
    char* version = nullptr;
    char* spec = nullptr;
    if (notify_get_server_info(&name, &vendor, &version, &spec)) {
      log_info(std::string("notifications: shown by ") + name + " " + version + " (" + vendor + ")");
      g_free(name);
      g_free(vendor);
      g_free(version);
      g_free(spec);
    }
    server_logged_ = true;
    server_missing_logged_ = false;
  }
  return true;
}

void BreakNotifier::close(uint64_t break_id) {
  if (notification_ == nullptr || break_id != break_id_ || !shown_) return;
  shown_ = false;
  GError* error = nullptr;
  if (!notify_notification_close(notification_, &error)) {
    log_debug("notifications: closing the reminder failed: " + error_text(error));
  }
}

void BreakNotifier::release() {
  if (notification_ == nullptr) return;
  notify_notification_clear_actions(notification_);
  g_object_unref(std::exchange(notification_, nullptr));
  break_id_ = 0;
  server_id_ = 0;
  shown_ = false;
}

void BreakNotifier::on_action(NotifyNotification* /*notification*/, char* action, void* data) {
  auto* self = static_cast<BreakNotifier*>(data);
  PromptAction what = PromptAction::kStart;
  if (std::strcmp(action, "postpone") == 0) {
    what = PromptAction::kPostpone;
  } else if (std::strcmp(action, "skip") == 0) {
    what = PromptAction::kSkip;
  } else if (std::strcmp(action, "start") != 0) {
    return;
  }
  // The server closes a notification whose action was invoked.
  self->shown_ = false;
  self->pending_.emplace_back(self->break_id_, what);
  uv_timer_start(
      self->deliver_.get(),
      [](uv_timer_t* t) {
        auto* notifier = static_cast<BreakNotifier*>(t->data);
        auto actions = std::exchange(notifier->pending_, {});
        for (const auto& [id, act] : actions) notifier->on_action_(id, act);
      },
      0, 0);
}

}  // namespace limber
