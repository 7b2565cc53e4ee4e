// The break kinds in the orders the engine walks them (engine-internal).
#pragma once

#include <array>

#include "engine/events.h"

namespace limber::engine_detail {

inline constexpr std::array<BreakKind, 3> kAllKinds = {BreakKind::kMicro, BreakKind::kRest, BreakKind::kDaily};
// Prompt order when more than one break is overdue.
inline constexpr std::array<BreakKind, 3> kByPriority = {BreakKind::kDaily, BreakKind::kRest, BreakKind::kMicro};

}  // namespace limber::engine_detail
