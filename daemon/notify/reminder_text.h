// The words of a break reminder: a short summary ("Time for a micro-break")
// and a body with the exercise chosen for the break and its first step, so
// the notification alone says what to do.
//
// Pure logic; any thread.
#pragma once

#include <string>

#include "engine/engine_config.h"
#include "limber/catalog.h"

namespace limber {

struct ReminderText {
  std::string summary;
  std::string body;
};

// `exercise` is the one shown with the break, or nullptr (none chosen, or
// the daily limit).
ReminderText reminder_text(BreakKind kind, Duration duration, const Exercise* exercise);

}  // namespace limber
