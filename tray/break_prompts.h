// BreakPrompts: opens the break prompt when limberd says a break is due
// and is to be shown as a window (break.due, break.prompt, or a `due` break
// in the status, e.g. after the tray starts or quiet mode ends; each says
// "prompt": "window" or "notification", decided by limberd from
// prompt.style), keeps it in step (state.changed, break.progress) and
// closes it when the break ends, is held by quiet mode, turns into a
// notification, or the link drops. A prompt the user closed stays closed
// for that break.
//
// It reads prompt.strict from limberd (and again on config.changed) to
// choose between the gentle window and strict full-screen covers.
//
// Threading: the UI thread.
#pragma once

#include <cstdint>
#include <vector>

#include "break_prompt.h"
#include "limber/jsonrpc.h"

namespace limber::tray {

class BreakCoverWindow;
class BreakPromptWindow;
class DaemonLink;

class BreakPrompts {
 public:
  explicit BreakPrompts(DaemonLink& link);
  ~BreakPrompts();
  BreakPrompts(const BreakPrompts&) = delete;
  BreakPrompts& operator=(const BreakPrompts&) = delete;

  // A full status (the `status` reply or state.changed).
  void on_status(const rpc::Json& status);

 private:
  void on_event(const std::string& method, const rpc::Json& params);
  void open(const BreakPrompt& prompt);
  void close(const char* why);
  void load_strict();

  DaemonLink& link_;
  int listener_ = 0;
  BreakPromptWindow* window_ = nullptr;
  std::vector<BreakCoverWindow*> covers_;
  uint64_t dismissed_id_ = 0;
  bool strict_ = false;
};

}  // namespace limber::tray
