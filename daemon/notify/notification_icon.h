// Which icon limber-notify names in its notification, and the desktop entry
// it names as the sender. Both are Limber's application id: the packages
// install io.github.limber.desktop and the io.github.limber icon in the
// hicolor theme. A helper run from the build tree has no installed theme to
// find the name in (GNOME then draws a broken image), so it names the
// absolute path of the SVG in the source tree instead.
//
// Any thread (reads /proc/self/exe and checks a file).
#pragma once

#include <string>
#include <string_view>

namespace limber {

// The desktop file's name without ".desktop", and the theme icon's name.
inline constexpr std::string_view kLimberAppId = "io.github.limber";

// The installed icon's name when the helper runs from `installed_dir`
// (the libexec directory it is installed to); otherwise `build_tree_icon`
// if that file is readable; otherwise the name (a relocated install).
std::string choose_notification_icon(std::string_view helper_dir, std::string_view installed_dir,
                                     const std::string& build_tree_icon);

// choose_notification_icon() for this process, with the configured
// installed libexec directory and the source tree's icon.
std::string notification_icon();

}  // namespace limber
