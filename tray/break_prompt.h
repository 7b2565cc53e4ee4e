// BreakPrompt: what a prompt shows about one due break, as limberd sends it
// (protocol::DueBreak: break.due, break.prompt and the `due` object of
// state.changed): the break, its exercises, and what the rules allow now.
//
// Pure data and parsing. Threading: any.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "limber/jsonrpc.h"

namespace limber::tray {

struct PromptExercise {
  std::string id;
  std::string name;
  std::string illustration;  // absolute SVG path, may be empty
  int64_t duration_s = 0;
};

struct BreakPrompt {
  uint64_t id = 0;
  std::string kind;  // micro, rest, daily
  int64_t duration_s = 0;
  std::vector<PromptExercise> exercises;
  int postpones_left = 0;  // 0 for a break the user asked for
  bool can_skip = false;
  bool started = false;
  bool held = false;
  int64_t progress_s = 0;
  // limberd's "prompt": "window" (the tray shows it) or "notification"
  // (limberd does). A daemon that does not say means the window.
  bool by_window = true;
  // prompt.strict, said by limberd with the break: cover every monitor.
  bool strict = false;
};

// Parses break.due's params or status's `due` object. False when there is
// no usable break id.
bool parse_break_prompt(const rpc::Json& j, BreakPrompt* out);

}  // namespace limber::tray
