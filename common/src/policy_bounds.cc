#include "limber/policy_bounds.h"

#include <string>

#include "limber/duration.h"

namespace limber {
namespace {

// Who set `key`, for the end of a refusal.
std::string whose(const Config& config, std::string_view key) {
  const ConfigExplanation e = config.explain(key);
  if (e.locked) return "managed by your organisation (" + e.locked_by + ")";
  return std::string(key) + " is " + e.value + " in your " +
         std::string(config_layer_name(e.layer)) + " settings";
}

}  // namespace

Status check_pause_allowed(const Config& config, Duration requested) {
  const Duration max = config.get_duration("pause.max");
  if (max <= Duration{0}) return Status::denied("pausing is not allowed: " + whose(config, "pause.max"));
  if (requested <= max) return Status::ok();
  return Status::denied("a pause of " + format_duration(requested) + " is longer than allowed (at most " +
                        format_duration(max) + "): " + whose(config, "pause.max"));
}

Status check_quiet_allowed(const Config& config) {
  if (config.get_bool("quiet.allowed")) return Status::ok();
  return Status::denied("quiet mode is not allowed: " + whose(config, "quiet.allowed"));
}

Duration quiet_limit(const Config& config) {
  return config.get_duration("quiet.max");
}

}  // namespace limber
