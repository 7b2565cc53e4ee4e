#include "uv/uv_timers.h"

#include "uv/uv_handle.h"

namespace limber {
namespace {

class UvTimer final : public DaemonTimer {
 public:
  UvTimer(uv_loop_t* loop, const SystemClock& clock, std::function<void()> fire)
      : clock_(clock), fire_(std::move(fire)) {
    uv_timer_init(loop, handle_.get());
    handle_.get()->data = this;
  }

  void start(Duration after, Duration repeat) override {
    uv_timer_start(
        handle_.get(), [](uv_timer_t* t) { static_cast<UvTimer*>(t->data)->fire_(); }, real_ms(after),
        repeat.count() > 0 ? real_ms(repeat) : 0);
  }
  void stop() override { uv_timer_stop(handle_.get()); }
  bool active() const override { return uv_is_active(handle_.base()) != 0; }
  Duration due_in() const override {
    if (!active()) return Duration{0};
    return clock_.from_real(Duration{static_cast<int64_t>(uv_timer_get_due_in(handle_.get()))});
  }

 private:
  uint64_t real_ms(Duration d) const {
    const Duration real = clock_.to_real(d);
    return real.count() <= 0 ? 0 : static_cast<uint64_t>(real.count());
  }

  const SystemClock& clock_;
  std::function<void()> fire_;
  UvHandle<uv_timer_t> handle_;  // closed (and so stopped) by its destructor
};

}  // namespace

std::unique_ptr<DaemonTimer> UvTimers::make(std::function<void()> fire) {
  return std::make_unique<UvTimer>(loop_, clock_, std::move(fire));
}

}  // namespace limber
