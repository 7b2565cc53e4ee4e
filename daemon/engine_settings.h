// The break engine's rules from the effective configuration, and the short
// rules of `limberd --demo`.
#pragma once

#include "engine/engine_config.h"
#include "limber/config.h"

namespace limber {

EngineConfig engine_config_from(const Config& config);

// Demo rules: a micro-break within 30 s of activity, a rest break after two
// minutes, so a newcomer sees the whole cycle in a few minutes. Only the
// timings are the demo's: which breaks are on, postpones and skipping stay
// as `config` (and so a policy) says.
EngineConfig demo_engine_config(const Config& config);

}  // namespace limber
