#include "notify/prompt_style.h"

namespace limber {

PromptStyle parse_prompt_style(std::string_view text) {
  if (text == "window") return PromptStyle::kWindow;
  if (text == "notification") return PromptStyle::kNotification;
  return PromptStyle::kAuto;
}

std::string_view to_string(PromptWay way) {
  return way == PromptWay::kWindow ? "window" : "notification";
}

bool daemon_notifies(PromptStyle style, bool tray_connected, bool user_active) {
  if (!tray_connected) return true;  // nobody else can remind
  switch (style) {
    case PromptStyle::kNotification: return true;
    case PromptStyle::kWindow: return false;
    case PromptStyle::kAuto: return user_active;
  }
  return true;
}

PromptWay choose_prompt_way(PromptStyle style, bool tray_connected, bool user_active,
                            std::optional<PromptWay> current) {
  if (tray_connected && style == PromptStyle::kAuto && current == PromptWay::kWindow) return PromptWay::kWindow;
  return daemon_notifies(style, tray_connected, user_active) ? PromptWay::kNotification : PromptWay::kWindow;
}

}  // namespace limber
