// The names the history database stores for break kinds and outcomes.
//
// They are part of the file format, so they are spelled here once and never
// change, independent of the engine's display names: micro, rest, daily;
// taken, postponed, skipped, ignored, cancelled.
#pragma once

#include <optional>
#include <string_view>

#include "engine/events.h"

namespace limber {

std::string_view stored_name(BreakKind kind);
// Outcome::kNone has no stored name (the column is NULL while a break is open).
std::string_view stored_name(Outcome outcome);

std::optional<BreakKind> break_kind_from_stored(std::string_view name);
std::optional<Outcome> outcome_from_stored(std::string_view name);

}  // namespace limber
