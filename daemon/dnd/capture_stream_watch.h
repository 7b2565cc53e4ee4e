// CaptureStreamWatch: the "calls" condition: a PipeWire audio or video
// capture stream is running, that is, an application records from the
// microphone or the camera (a call, a recording). Off by default
// (dnd.calls); when off, nothing of it runs.
//
// PipeWire announces its streams only through its own protocol. Rather than
// linking libpipewire into limberd (every user would pay for it in memory,
// and a PipeWire upgrade could break the daemon), the watch runs PipeWire's
// own `pw-dump --monitor --no-colors` (package pipewire-bin), which prints
// each change of the graph as JSON the moment it happens, and reads its
// output as it comes (PwDumpNodes). No polling: while nothing changes,
// neither process wakes.
//
// When pw-dump is not installed, start() fails with a reason (the condition
// is then off). When PipeWire is not running (pw-dump ends) or restarts, the
// condition is off and pw-dump is started again after a delay that grows
// from 10 s to 5 min; this is said once at notice level.
//
// Privacy: only "a capture stream is running" is known and logged; node
// names and application names are never kept or logged.
//
// Threading: the loop thread only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "dnd/command_output.h"
#include "dnd/dnd_condition.h"
#include "dnd/pw_dump_nodes.h"
#include "uv/uv_handle.h"

namespace limber {

class CaptureStreamWatch : public DndCondition {
 public:
  CaptureStreamWatch() = default;
  ~CaptureStreamWatch() override;

  std::string_view name() const override { return "calls"; }
  bool start(uv_loop_t* loop, Changed on_change, std::string* why) override;
  void stop() override;
  bool active() const override { return active_; }

 private:
  bool run_pw_dump(std::string* why);
  void pw_dump_ended(int64_t exit_status, int signal);
  void update();

  uv_loop_t* loop_ = nullptr;
  CommandOutput pw_dump_;
  PwDumpNodes nodes_;
  std::optional<UvHandle<uv_timer_t>> restart_timer_;
  uint64_t started_at_ms_ = 0;
  uint64_t restart_delay_ms_ = 0;
  bool said_unreachable_ = false;
  Changed on_change_;
  bool active_ = false;
};

}  // namespace limber
