// UvTimers: DaemonTimers on a libuv loop. Durations are the daemon's time
// and become real time through the SystemClock's scale (limberd
// --time-scale), rounded up, so a timer never fires before its moment.
#pragma once

#include <uv.h>

#include "daemon_timer.h"
#include "system_clock.h"

namespace limber {

class UvTimers final : public TimerFactory {
 public:
  UvTimers(uv_loop_t* loop, const SystemClock& clock) : loop_(loop), clock_(clock) {}
  std::unique_ptr<DaemonTimer> make(std::function<void()> fire) override;

 private:
  uv_loop_t* loop_;
  const SystemClock& clock_;
};

}  // namespace limber
