#include "dnd/capture_stream_watch.h"

#include <algorithm>

#include "log.h"

namespace limber {
namespace {

constexpr uint64_t kFirstRestartDelayMs = 10'000;
constexpr uint64_t kMaxRestartDelayMs = 300'000;
// A pw-dump that ran this long was connected: the next failure starts the
// back-off from the beginning.
constexpr uint64_t kSettledMs = 60'000;

}  // namespace

CaptureStreamWatch::~CaptureStreamWatch() {
  stop();
}

bool CaptureStreamWatch::start(uv_loop_t* loop, Changed on_change, std::string* why) {
  stop();
  loop_ = loop;
  restart_timer_.emplace();
  uv_timer_init(loop, restart_timer_->get());
  restart_timer_->get()->data = this;
  restart_delay_ms_ = kFirstRestartDelayMs;
  said_unreachable_ = false;
  if (!run_pw_dump(why)) {
    *why += " (Debian: pipewire-bin)";
    stop();
    return false;
  }
  on_change_ = std::move(on_change);
  return true;
}

void CaptureStreamWatch::stop() {
  pw_dump_.stop();
  restart_timer_.reset();
  nodes_.reset();
  active_ = false;
  on_change_ = nullptr;
}

bool CaptureStreamWatch::run_pw_dump(std::string* why) {
  started_at_ms_ = uv_now(loop_);
  return pw_dump_.start(
      loop_, {"pw-dump", "--monitor", "--no-colors"},
      [this](std::string_view chunk) {
        nodes_.feed(chunk);
        update();
      },
      [this](int64_t exit_status, int signal) { pw_dump_ended(exit_status, signal); }, why);
}

void CaptureStreamWatch::pw_dump_ended(int64_t exit_status, int signal) {
  nodes_.reset();
  update();
  const uint64_t ran_ms = uv_now(loop_) - started_at_ms_;
  if (ran_ms >= kSettledMs) restart_delay_ms_ = kFirstRestartDelayMs;
  const std::string how =
      signal != 0 ? "signal " + std::to_string(signal) : "status " + std::to_string(exit_status);
  const std::string line = "do not disturb: PipeWire is not reachable (pw-dump ended with " + how +
                           "); calls are not noticed until it is (next try in " +
                           std::to_string(restart_delay_ms_ / 1000) + " s)";
  if (said_unreachable_) {
    log_debug(line);
  } else {
    log_notice(line);
    said_unreachable_ = true;
  }
  uv_timer_start(
      restart_timer_->get(),
      [](uv_timer_t* timer) {
        auto* self = static_cast<CaptureStreamWatch*>(timer->data);
        std::string why;
        if (!self->run_pw_dump(&why)) log_notice("do not disturb: calls no longer watched: " + why);
      },
      restart_delay_ms_, 0);
  restart_delay_ms_ = std::min(restart_delay_ms_ * 2, kMaxRestartDelayMs);
}

void CaptureStreamWatch::update() {
  const bool now = nodes_.capture_running();
  if (now == active_) return;
  active_ = now;
  if (on_change_) on_change_();
}

}  // namespace limber
