// DemoSource: a pretend user for `limberd --demo` on a machine where no real
// source works (a headless box, a container). The pretend user types for
// 27 s, leaves the keyboard for 13 s, and so on: with the demo rules a
// micro-break falls due while they type and is taken while they are away.
// It never reads any input device.
#pragma once

#include "activity/activity_source.h"
#include "uv/uv_handle.h"

namespace limber {

class DemoSource final : public ActivitySource {
 public:
  // `time_scale`: how much faster than real time the daemon's clock runs.
  explicit DemoSource(double time_scale = 1.0) : time_scale_(time_scale) {}

  std::string_view name() const override { return "demo"; }
  bool start(uv_loop_t* loop, const Clock& clock, Duration watch_timeout, ActivitySink& sink,
             std::string* why) override;
  void watch_for_input() override;
  std::optional<Duration> idle_time() override;
  void stop() override { timer_.close(); }

 private:
  Duration position() const;  // where in the typing/away cycle we are

  const Clock* clock_ = nullptr;
  ActivitySink* sink_ = nullptr;
  double time_scale_;
  MonoTime start_{};
  UvHandle<uv_timer_t> timer_;
};

}  // namespace limber
