// Where limberd finds limber-notify, its desktop-notification helper: next
// to its own executable (the build tree, or any relocated install that
// keeps the two together), else in the installed libexec directory
// (/usr/libexec/limber/limber-notify for the packages). No environment
// override: tests run the build tree's pair.
//
// Any thread (reads /proc/self/exe and checks files).
#pragma once

#include <string>

namespace limber {

// The helper's path, or "" when neither place has an executable one;
// `*looked_in` lists the places tried (for the log line).
std::string find_notify_helper(std::string* looked_in);

}  // namespace limber
