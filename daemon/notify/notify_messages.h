// The lines limberd and its notification helper, limber-notify, exchange
// over the helper's stdin and stdout: one JSON object per line, with a
// "type". Internal to Limber (both ends ship together), so there is no
// version: an unknown type or a malformed line is dropped by the reader.
//
//   daemon -> helper   {"type":"show","break_id":1,"summary":"…","body":"…",
//                        "offer_postpone":true,"offer_skip":true,"sound":false,
//                        "replaces_id":0}
//                      {"type":"close","break_id":1}
//   helper -> daemon   {"type":"shown","break_id":1,"server_id":7,"server":"dunst 1.9.0 (knopwob)"}
//                      {"type":"action","break_id":1,"action":"start"|"postpone"|"skip"}
//                      {"type":"closed","break_id":1,"reason":"dismissed"}
//                      {"type":"failed","break_id":1,"error":"…"}
//
// Used by BreakNotifier (daemon side, break_notifier.h) and by the helper
// (limber_notify_main.cc). Pure data and parsing; any thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace limber {

enum class PromptAction { kStart, kPostpone, kSkip };
std::string_view to_string(PromptAction action);
bool parse_prompt_action(std::string_view text, PromptAction* out);

// What one break's notification says and offers.
struct BreakPrompt {
  uint64_t break_id = 0;
  std::string summary;  // "Time for a micro-break"
  std::string body;     // the exercise and one line of instructions
  bool offer_postpone = false;
  bool offer_skip = false;
  bool sound = false;         // play the "bell" sound-theme event
  uint32_t replaces_id = 0;   // the server's id of this break's earlier notification; 0: none
};

// daemon -> helper.
struct NotifyRequest {
  enum class Kind { kShow, kClose };
  Kind kind = Kind::kShow;
  BreakPrompt prompt;  // kClose uses only prompt.break_id
};

// helper -> daemon.
struct NotifyReport {
  enum class Kind { kShown, kAction, kClosed, kFailed };
  Kind kind = Kind::kShown;
  uint64_t break_id = 0;
  uint32_t server_id = 0;                      // kShown
  PromptAction action = PromptAction::kStart;  // kAction
  std::string text;  // kShown: the server ("dunst 1.9.0 (knopwob)"); kClosed: why; kFailed: the error
};

// Each returns one line, ending in '\n'.
std::string encode(const NotifyRequest& request);
std::string encode(const NotifyReport& report);
// False (and *err) for a line that is not a valid message of that direction.
bool decode(std::string_view line, NotifyRequest* out, std::string* err);
bool decode(std::string_view line, NotifyReport* out, std::string* err);

// Longest line either side accepts; a longer one means the peer is broken.
inline constexpr size_t kMaxNotifyLine = 64 * 1024;

// Appends `data` to `*pending` and moves each complete line (without its
// '\n') to `*lines`. False when an unfinished line grows past
// kMaxNotifyLine (the pending text is then dropped).
bool split_lines(std::string* pending, std::string_view data, std::vector<std::string>* lines);

}  // namespace limber
