#include "break_prompt.h"

#include "limber/protocol.h"

namespace limber::tray {

bool parse_break_prompt(const rpc::Json& j, BreakPrompt* out) {
  if (!j.is_object() || !j.contains("id") || !j["id"].is_number_unsigned()) return false;
  const protocol::DueBreak due = protocol::due_break_from_json(j);
  BreakPrompt p;
  p.id = due.id;
  p.kind = due.state.kind.empty() ? std::string("micro") : due.state.kind;
  p.duration_s = due.state.duration_s;
  p.postpones_left = due.state.postpones_left;
  p.can_skip = due.state.can_skip;
  p.started = due.started;
  p.held = due.held;
  p.progress_s = due.progress_s;
  p.by_window = due.prompt != "notification";
  p.strict = due.strict;
  for (const protocol::ExerciseRef& e : due.exercises) {
    p.exercises.push_back(PromptExercise{e.id, e.name, e.illustration, e.duration_s});
  }
  *out = std::move(p);
  return true;
}

}  // namespace limber::tray
