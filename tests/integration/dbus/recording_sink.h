// RecordingSink: an ActivitySink that keeps what it was told, for tests to
// assert on.
//
// Test-only; single-threaded.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "activity/activity_source.h"

namespace limber::test {

class RecordingSink final : public ActivitySink {
 public:
  struct Loss {
    std::string source;
    std::string why;
  };

  void on_input(MonoTime at) override { inputs.push_back(at); }
  void on_session(SessionEvent event) override { sessions.push_back(event); }
  void on_source_lost(std::string_view source, std::string_view why) override {
    losses.push_back({std::string(source), std::string(why)});
    if (when_lost) when_lost();
  }

  // Run after recording a loss, as a daemon reacting to it would.
  std::function<void()> when_lost;

  std::vector<MonoTime> inputs;
  std::vector<SessionEvent> sessions;
  std::vector<Loss> losses;
};

}  // namespace limber::test
