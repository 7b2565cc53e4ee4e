#include "simulated_daemon.h"

namespace limber::testing {

struct SimulatedTimers::Timer final : DaemonTimer {
  Timer(SimulatedTimers& set, uint64_t number, std::function<void()> callback)
      : owner(set), id(number), fire(std::move(callback)) {
    owner.timers_[id] = this;
  }
  ~Timer() override { owner.timers_.erase(id); }
  void start(Duration after, Duration every) override {
    due = owner.clock_.mono() + std::max(after, Duration{0});
    repeat = every;
    running = true;
  }
  void stop() override { running = false; }
  bool active() const override { return running; }
  Duration due_in() const override { return running ? std::max(Duration{0}, due - owner.clock_.mono()) : Duration{0}; }

  SimulatedTimers& owner;
  uint64_t id;
  std::function<void()> fire;
  bool running = false;
  MonoTime due{};
  Duration repeat{0};
};

std::unique_ptr<DaemonTimer> SimulatedTimers::make(std::function<void()> fire) {
  return std::make_unique<Timer>(*this, next_id_++, std::move(fire));
}

void SimulatedTimers::run_until(MonoTime end) {
  for (;;) {
    Timer* next = nullptr;
    for (auto& [id, t] : timers_) {
      if (t->running && t->due <= end && (next == nullptr || t->due < next->due)) next = t;
    }
    if (next == nullptr) break;
    if (next->due > clock_.mono()) clock_.advance(next->due - clock_.mono());
    if (next->repeat.count() > 0) {
      next->due += next->repeat;
    } else {
      next->running = false;
    }
    ++fired_;
    next->fire();
  }
  if (end > clock_.mono()) clock_.advance(end - clock_.mono());
}

std::optional<Duration> ScriptedSource::idle_time() {
  if (!last_input_) return std::nullopt;
  return clock_.mono() - *last_input_;
}

void ScriptedSource::input() {
  last_input_ = clock_.mono();
  if (watching_ && sink_ != nullptr) {
    watching_ = false;
    ++reported_;
    sink_->on_input(clock_.mono());
  }
}

std::vector<rpc::Json> RecordingViews::of(const std::string& method) const {
  std::vector<rpc::Json> out;
  for (const Sent& s : sent) {
    if (s.method == method) out.push_back(s.params);
  }
  return out;
}

}  // namespace limber::testing
