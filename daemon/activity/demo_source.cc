#include "activity/demo_source.h"

namespace limber {
namespace {

using namespace std::chrono_literals;
constexpr Duration kTyping = 27s;
constexpr Duration kCycle = 40s;

}  // namespace

bool DemoSource::start(uv_loop_t* loop, const Clock& clock, Duration, ActivitySink& sink,
                       std::string*) {
  clock_ = &clock;
  sink_ = &sink;
  start_ = clock.mono();
  uv_timer_init(loop, timer_.get());
  timer_.get()->data = this;
  return true;
}

Duration DemoSource::position() const { return (clock_->mono() - start_) % kCycle; }

std::optional<Duration> DemoSource::idle_time() {
  const Duration p = position();
  return p < kTyping ? Duration{0} : p - kTyping;
}

void DemoSource::watch_for_input() {
  // The pretend user comes back at the start of the next cycle; never
  // report from inside the call.
  const Duration p = position();
  const Duration wait = p < kTyping ? Duration{0} : kCycle - p;
  const auto real_ms = static_cast<uint64_t>(static_cast<double>(wait.count()) / time_scale_);
  uv_timer_start(
      timer_.get(),
      [](uv_timer_t* t) {
        auto* self = static_cast<DemoSource*>(t->data);
        self->sink_->on_input(self->clock_->mono());
      },
      real_ms, 0);
}

}  // namespace limber
