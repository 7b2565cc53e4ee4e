// IdleWatchState: what an event-driven source knows about the last input
// from one idle watch of timeout P (an ext-idle-notify or org_kde_kwin_idle
// notification, a Mutter AddIdleWatch plus its user-active watches).
//
// The compositor says "idled" P after the last input and "resumed" at the
// first input after that, so:
//  - after "idled" at t the last input was at t - P, unless this is the
//    first event and that is within one P of the watch's creation (or, for
//    a later one, not after it): the first "idled" can come late (its
//    delivery racing the reply that confirmed the watch, a compositor busy
//    starting up), and read as input it invented a key press just after
//    start, which made one real key press look like a second of typing
//    on sway. Input in the watch's first P is given up instead;
//  - after "resumed" at r there was input at r, and input keeps coming with
//    gaps shorter than P: the last input is within P of now;
//  - before the first event nothing is known.
// idle_time() answers with the longest the user can have been idle given
// that, so the daemon credits only input that certainly happened (see
// activity_source.h). Pure logic: the caller passes the time.
#pragma once

#include <algorithm>
#include <optional>

#include "limber/clock.h"

namespace limber {

class IdleWatchState {
 public:
  // The watch with timeout `timeout` was created at `now`.
  void start(MonoTime now, Duration timeout) {
    state_ = State::kUnknown;
    started_ = now;
    timeout_ = timeout;
  }
  // The backend told the idle time at start (Mutter's GetIdletime).
  void start_with_idle(MonoTime now, Duration timeout, Duration idle) {
    start(now, timeout);
    last_input_ = now - idle;
    state_ = idle < timeout ? State::kActive : State::kIdle;
  }

  // "idled" at `now`. Returns the moment of the last input when it is news:
  // input after start that no "resumed" told of.
  std::optional<MonoTime> idled(MonoTime now) {
    if (idle()) return std::nullopt;  // a repeat (Mutter) changes nothing
    const bool news = state_ == State::kUnknown;
    state_ = State::kIdle;
    last_input_ = now - timeout_;
    if (last_input_ <= started_ + (news ? timeout_ : Duration{0})) {
      state_ = State::kNoInput;
      return std::nullopt;
    }
    return news ? std::optional<MonoTime>(last_input_) : std::nullopt;
  }
  // "resumed" at `now`: input now.
  void resumed(MonoTime now) {
    state_ = State::kActive;
    last_input_ = now;
  }

  // How long ago the last input was at most; nullopt when no input is known.
  std::optional<Duration> idle_time(MonoTime now) const {
    switch (state_) {
      case State::kIdle: return now - last_input_;
      case State::kActive: return std::clamp(now - last_input_, Duration{0}, timeout_);
      case State::kUnknown:
      case State::kNoInput: break;
    }
    return std::nullopt;
  }
  // True between "idled" and the next "resumed".
  bool idle() const { return state_ == State::kIdle || state_ == State::kNoInput; }
  Duration timeout() const { return timeout_; }

 private:
  enum class State {
    kUnknown,  // no event yet
    kNoInput,  // idle, and no input since start
    kIdle,     // idle since the input at last_input_
    kActive,   // input at last_input_ and since with gaps shorter than the timeout
  };
  State state_ = State::kUnknown;
  MonoTime started_{};
  MonoTime last_input_{};
  Duration timeout_{0};
};

}  // namespace limber
