#include "break_prompt.h"

namespace limber::tray {

bool parse_break_prompt(const rpc::Json& j, BreakPrompt* out) {
  if (!j.is_object() || !j.contains("id") || !j["id"].is_number_unsigned()) return false;
  BreakPrompt p;
  p.id = j["id"].get<uint64_t>();
  p.kind = j.value("kind", std::string("micro"));
  p.duration_s = j.value("duration_s", int64_t{0});
  p.postpones_left = j.value("postpones_left", 0);
  p.can_skip = j.value("can_skip", false);
  p.started = j.value("started", false);
  p.held = j.value("held", false);
  p.progress_s = j.value("progress_s", int64_t{0});
  p.by_window = j.value("prompt", std::string("window")) != "notification";
  for (const rpc::Json& e : j.value("exercises", rpc::Json::array())) {
    if (!e.is_object()) continue;
    p.exercises.push_back(PromptExercise{e.value("id", std::string()), e.value("name", std::string()),
                                         e.value("illustration", std::string()),
                                         e.value("duration_s", int64_t{0})});
  }
  *out = std::move(p);
  return true;
}

}  // namespace limber::tray
