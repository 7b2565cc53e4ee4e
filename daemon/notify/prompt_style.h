// Who shows a due break's prompt: the daemon's desktop notification or the
// tray's prompt window. The `prompt.style` setting chooses; see
// docs/notifications.md for the split between daemon and tray.
//
//   notification  the daemon always notifies (the tray shows no window)
//   window        the tray's window; the daemon notifies only when no tray
//                 is connected, so a reminder is never lost
//   auto          the daemon notifies while the user is busy typing (a
//                 notification does not take the keyboard) or when no tray
//                 is connected; the tray's window once the user pauses
//
// The daemon decides when a break falls due and reviews the decision when
// the user pauses, a tray comes or goes, or the setting changes; it tells
// the views with every prompt (`prompt` in break.due, break.prompt and the
// status's due break).
//
// Pure logic; any thread.
#pragma once

#include <optional>
#include <string_view>

namespace limber {

enum class PromptStyle { kAuto, kWindow, kNotification };
// How one due break is presented.
enum class PromptWay { kWindow, kNotification };

// "auto", "window", "notification"; anything else is kAuto (the config
// loader has already rejected other values).
PromptStyle parse_prompt_style(std::string_view text);
// "window", "notification": the words of the IPC protocol.
std::string_view to_string(PromptWay way);

// Whether the daemon shows a notification for a break falling due now.
bool daemon_notifies(PromptStyle style, bool tray_connected, bool user_active);

// How a due break is presented now, given how it is presented already
// (`current`; nullopt when it is first prompted). A window the tray has
// put up stays up when the user types again: only a lost tray (or a
// changed setting) takes it back to a notification.
PromptWay choose_prompt_way(PromptStyle style, bool tray_connected, bool user_active,
                            std::optional<PromptWay> current);

}  // namespace limber
