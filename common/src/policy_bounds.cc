#include "limber/policy_bounds.h"

#include <string>

#include "limber/duration.h"

namespace limber {
namespace {

// A refusal because of `key`: "managed" when a policy locks it.
Status refused(const Config& config, std::string_view key, const std::string& what) {
  const bool managed = config.explain(key).locked;
  return managed ? Status::managed(what) : Status::denied(what);
}

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
  if (max <= Duration{0}) {
    return refused(config, "pause.max", "pausing is not allowed: " + whose(config, "pause.max"));
  }
  if (requested <= max) return Status::ok();
  return refused(config, "pause.max", "a pause of " + format_duration(requested) + " is longer than allowed (at most " +
                        format_duration(max) + "): " + whose(config, "pause.max"));
}

Status check_quiet_allowed(const Config& config) {
  if (config.get_bool("quiet.allowed")) return Status::ok();
  return refused(config, "quiet.allowed", "quiet mode is not allowed: " + whose(config, "quiet.allowed"));
}

Duration quiet_limit(const Config& config) {
  return config.get_duration("quiet.max");
}

}  // namespace limber
