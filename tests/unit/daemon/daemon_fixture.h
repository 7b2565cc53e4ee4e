// SimulatedDaemon: the test fixture that runs a whole DaemonCore
// in-process on simulated time, with a real SQLite history and the shipped
// catalog, in a temporary directory that also holds its configuration
// files (user file, site file, policy directory).
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "daemon_core.h"
#include "simulated_daemon.h"

namespace limber {

using namespace std::chrono_literals;
using rpc::Json;
using testing::RecordingViews;
using testing::ScriptedSource;
using testing::SimulatedTimers;

// Monday 2026-11-23 08:00 UTC.
const WallTime kMonday8am = WallTime{std::chrono::sys_days{std::chrono::year{2026} / 11 / 23}} + 8h;

class SimulatedDaemon : public ::testing::Test {
 protected:
  void SetUp() override {
    // tmpfs when there is one: the history's fsyncs cost nothing there.
    const char* base = std::filesystem::exists("/dev/shm") ? "/dev/shm" : ::testing::TempDir().c_str();
    dir_ = std::filesystem::path(base) / ("limber-day-" + std::to_string(::getpid()) + "-" +
                                          ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    std::ofstream(dir_ / "limber.toml") << "[schedule]\nwork_hours = \"always\"\n";
  }
  void TearDown() override {
    core_.reset();
    std::filesystem::remove_all(dir_);
  }

  void start() {
    ConfigPaths paths;
    paths.user_file = (dir_ / "limber.toml").string();
    paths.policy_dir = (dir_ / "policy.d").string();
    paths.site_file = (dir_ / "site.toml").string();
    // The test owns its policy directory, as a staged tree's owner does.
    if (::getuid() != 0) paths.policy_owners.push_back(::getuid());
    core_ = std::make_unique<DaemonCore>(DaemonDeps{clock_, timers_, views_, paths,
                                                    (dir_ / "history.sqlite3").string(), LIMBER_SOURCE_DATADIR});
    ASSERT_TRUE(core_->start([this](Duration, ActivitySink& sink) {
      auto source = std::make_unique<ScriptedSource>(clock_);
      source->start(nullptr, clock_, Duration{0}, sink, nullptr);
      source_ = source.get();
      return source;
    }));
  }

  // Writes `text` to `name` under the test's directory (limber.toml is the
  // user file, site.toml the site file, policy.d/… a policy).
  void write(const std::string& name, const std::string& text) {
    std::filesystem::create_directories((dir_ / name).parent_path());
    std::ofstream(dir_ / name) << text;
  }

  Json call(const std::string& method, Json params = Json::object()) {
    ClientContext client;
    const Json request{{"jsonrpc", "2.0"}, {"id", 1}, {"method", method}, {"params", params}};
    const std::string reply = core_->dispatcher().dispatch(request.dump(), client);
    return Json::parse(reply);
  }

  // The user types once a second for `d`.
  void type_for(Duration d) {
    ++bursts_;
    const MonoTime end = clock_.mono() + d;
    while (clock_.mono() < end) {
      source_->input();
      timers_.run_until(clock_.mono() + 1s);
      typed_ += 1s;
      take_due_breaks();
    }
  }
  void away_for(Duration d) { timers_.run_until(clock_.mono() + d); }

  // A break that fell due is started at once, and the user stays away for
  // its length (the countdown ends while nobody types).
  void take_due_breaks() {
    const auto due = views_.of("break.due");
    if (due.size() == answered_) return;
    const Json& b = due[answered_++];
    EXPECT_FALSE(call("break.start").contains("error")) << b.dump();
    away_for(std::chrono::seconds(b["duration_s"].get<int64_t>()) + 2s);
    ++bursts_;  // typing starts again
  }

  SimulatedClock clock_{kMonday8am};
  SimulatedTimers timers_{clock_};
  RecordingViews views_;
  std::filesystem::path dir_;
  std::unique_ptr<DaemonCore> core_;
  ScriptedSource* source_ = nullptr;
  Duration typed_{0};
  int64_t bursts_ = 0;
  size_t answered_ = 0;
};

}  // namespace limber
