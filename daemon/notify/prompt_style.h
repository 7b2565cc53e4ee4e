// Who shows a due break's prompt: the daemon's desktop notification, the
// tray's prompt window, or both. The `prompt.style` setting chooses; see
// docs/notifications.md for the split between daemon and tray.
//
//   notification  the daemon always notifies (the tray shows no window)
//   window        the tray's window; the daemon notifies only when no tray
//                 is connected, so a reminder is never lost
//   auto          the daemon notifies while the user is busy typing (a
//                 notification does not take the keyboard) or when no tray
//                 is connected; the tray shows its window once the user
//                 pauses
//
// Pure logic; any thread.
#pragma once

#include <string_view>

namespace limber {

enum class PromptStyle { kAuto, kWindow, kNotification };

// "auto", "window", "notification"; anything else is kAuto (the config
// loader has already rejected other values).
PromptStyle parse_prompt_style(std::string_view text);

// Whether the daemon shows a notification for a due break now.
bool daemon_notifies(PromptStyle style, bool tray_connected, bool user_active);

}  // namespace limber
