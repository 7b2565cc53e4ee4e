// MutterSource against a python3-dbusmock stand-in for Mutter's
// org.gnome.Mutter.IdleMonitor on a private session bus. The test plays
// Mutter: it fires the watches the source added, as Mutter would on input or
// idleness.
#include "activity/mutter_source.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "recording_sink.h"
#include "test_bus.h"

namespace limber {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

constexpr const char* kName = "org.gnome.Mutter.IdleMonitor";
constexpr const char* kPath = "/org/gnome/Mutter/IdleMonitor/Core";
constexpr const char* kInterface = "org.gnome.Mutter.IdleMonitor";
constexpr Duration kIdleGrace = seconds(5);
// The mock answers AddIdleWatch(ms) with id ms/1000, so the id the source
// must recognise also proves it asked for an idle_grace-long watch.
constexpr uint32_t kIdleWatchId = 5;
// The mock numbers user-active watches 101, 102, … in the order asked.
constexpr uint32_t active_watch_id(int nth) { return 100u + static_cast<uint32_t>(nth); }

class MutterSourceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(uv_loop_init(&loop_), 0);
    std::string err;
    ASSERT_TRUE(bus_.start(&err)) << err;
    env_.emplace("DBUS_SESSION_BUS_ADDRESS", bus_.address().c_str());
    ASSERT_TRUE(client_.connect(bus_.address(), &err)) << err;
  }
  void TearDown() override {
    source_.stop();
    uv_run(&loop_, UV_RUN_NOWAIT);
    EXPECT_EQ(uv_loop_close(&loop_), 0) << "a libuv handle was left open";
    mock_.stop();
  }

  // Starts the mock; GetIdletime answers `idle_ms`.
  void start_mutter_mock(uint64_t idle_ms) {
    std::string err;
    ASSERT_TRUE(test::start_dbusmock(&mock_, bus_, {kName, kPath, kInterface}, kName, &err)) << err;
    ASSERT_TRUE(client_.add_method(kName, kPath, kInterface, "GetIdletime", "", "t",
                                   "ret = dbus.UInt64(" + std::to_string(idle_ms) + ")", &err))
        << err;
    ASSERT_TRUE(client_.add_method(kName, kPath, kInterface, "AddIdleWatch", "t", "u",
                                   "ret = dbus.UInt32(args[0] // 1000)", &err))
        << err;
    ASSERT_TRUE(client_.add_method(kName, kPath, kInterface, "AddUserActiveWatch", "", "u",
                                   "ret = dbus.UInt32(100 + len(["
                                   "c for c in self.call_log if c[1] == 'AddUserActiveWatch']))",
                                   &err))
        << err;
    ASSERT_TRUE(client_.add_method(kName, kPath, kInterface, "RemoveWatch", "u", "", "", &err)) << err;
  }

  void start_source() {
    std::string why;
    ASSERT_TRUE(source_.start(&loop_, clock_, kIdleGrace, sink_, &why)) << why;
  }

  int active_watch_requests() { return client_.method_calls(kName, kPath, "AddUserActiveWatch"); }

  // Runs the loop until the mock has seen `n` AddUserActiveWatch calls.
  bool wait_for_active_watch_requests(int n) {
    return test::run_until(&loop_, [&] { return active_watch_requests() >= n; }, milliseconds(5000));
  }

  void fire_watch(uint32_t id) {
    std::string err;
    ASSERT_TRUE(client_.emit_signal_u(kName, kPath, kInterface, "WatchFired", id, &err)) << err;
  }

  uv_loop_t loop_{};
  test::PrivateBus bus_;
  std::optional<test::ScopedEnv> env_;
  test::BusClient client_;
  test::ChildProcess mock_;
  SimulatedClock clock_{WallTime{seconds(1'700'000'000)}};
  test::RecordingSink sink_;
  MutterSource source_;
};

TEST_F(MutterSourceTest, FailsClearlyWhenServiceAbsent) {
  std::string why;
  EXPECT_FALSE(source_.start(&loop_, clock_, kIdleGrace, sink_, &why));
  EXPECT_EQ(why, "org.gnome.Mutter.IdleMonitor is not on the session bus");
}

TEST_F(MutterSourceTest, ReportsInputWhenUserActiveWatchFires) {
  start_mutter_mock(60'000);  // idle at start: a user-active watch goes out
  start_source();
  source_.watch_for_input();
  ASSERT_TRUE(wait_for_active_watch_requests(1));
  EXPECT_TRUE(sink_.inputs.empty());

  clock_.advance(seconds(2));
  fire_watch(active_watch_id(1));
  ASSERT_TRUE(test::run_until(&loop_, [&] { return !sink_.inputs.empty(); }));
  ASSERT_EQ(sink_.inputs.size(), 1u);
  EXPECT_EQ(sink_.inputs[0], clock_.mono());
}

TEST_F(MutterSourceTest, ActiveWatchIsReArmedAfterEachIdle) {
  start_mutter_mock(60'000);
  start_source();
  source_.watch_for_input();
  source_.watch_for_input();  // a second request while one is out adds no watch
  ASSERT_TRUE(wait_for_active_watch_requests(1));
  fire_watch(active_watch_id(1));
  ASSERT_TRUE(test::run_until(&loop_, [&] { return sink_.inputs.size() == 1; }));
  EXPECT_EQ(active_watch_requests(), 1);

  // A user-active watch fires once: the same id again means nothing, and
  // the source does not re-arm while the user is active.
  fire_watch(active_watch_id(1));
  source_.watch_for_input();
  test::run_for(&loop_, milliseconds(200));
  EXPECT_EQ(sink_.inputs.size(), 1u);
  EXPECT_EQ(active_watch_requests(), 1);

  // The idle watch firing arms the next one; its input is reported.
  fire_watch(kIdleWatchId);
  ASSERT_TRUE(wait_for_active_watch_requests(2));
  fire_watch(active_watch_id(2));
  ASSERT_TRUE(test::run_until(&loop_, [&] { return sink_.inputs.size() == 2; }));
}

TEST_F(MutterSourceTest, IdleTimeFollowsIdleWatch) {
  start_mutter_mock(0);
  start_source();
  EXPECT_EQ(source_.idle_time(), Duration{0});  // GetIdletime: 0 ms
  clock_.advance(seconds(10));
  // No idle watch fired: the last input is within one watch timeout.
  EXPECT_EQ(source_.idle_time(), kIdleGrace);

  // Mutter: idle for one watch timeout.
  fire_watch(kIdleWatchId);
  ASSERT_TRUE(wait_for_active_watch_requests(1));
  test::run_for(&loop_, milliseconds(100));
  EXPECT_EQ(source_.idle_time(), kIdleGrace);
  clock_.advance(seconds(10));
  EXPECT_EQ(source_.idle_time(), kIdleGrace + seconds(10));

  // Going idle armed a user-active watch; its firing ends the idle time,
  // and without watch_for_input() it is not reported.
  fire_watch(active_watch_id(1));
  ASSERT_TRUE(test::run_until(&loop_, [&] { return source_.idle_time() == Duration{0}; }));
  EXPECT_TRUE(sink_.inputs.empty());

  // The idle watch fires again after each active→idle cycle.
  clock_.advance(seconds(30));
  fire_watch(kIdleWatchId);
  ASSERT_TRUE(wait_for_active_watch_requests(2));
  clock_.advance(seconds(1));
  EXPECT_EQ(source_.idle_time(), kIdleGrace + seconds(1));
}

TEST_F(MutterSourceTest, NothingIsKnownWhenGetIdletimeFails) {
  std::string err;
  ASSERT_TRUE(test::start_dbusmock(&mock_, bus_, {kName, kPath, kInterface}, kName, &err)) << err;
  ASSERT_TRUE(client_.add_method(kName, kPath, kInterface, "AddIdleWatch", "t", "u",
                                 "ret = dbus.UInt32(args[0] // 1000)", &err))
      << err;
  start_source();
  EXPECT_EQ(source_.idle_time(), std::nullopt) << "no GetIdletime, no event: nothing known";
}

TEST_F(MutterSourceTest, IdleTimeAtStartComesFromGetIdletime) {
  start_mutter_mock(60'000);
  start_source();
  EXPECT_EQ(source_.idle_time(), seconds(60));
  clock_.advance(seconds(1));
  EXPECT_EQ(source_.idle_time(), seconds(61));

  // Mutter may fire a fresh idle watch at once for a user already idle; that
  // must not shorten the idle time we already know.
  ASSERT_TRUE(wait_for_active_watch_requests(1));
  fire_watch(kIdleWatchId);
  test::run_for(&loop_, milliseconds(200));
  EXPECT_EQ(source_.idle_time(), seconds(61));
}

TEST_F(MutterSourceTest, LossIsReportedWhenMutterExits) {
  start_mutter_mock(0);
  start_source();
  mock_.stop();

  ASSERT_TRUE(test::run_until(&loop_, [&] { return !sink_.losses.empty(); }));
  EXPECT_EQ(sink_.losses.size(), 1u);
  EXPECT_EQ(sink_.losses[0].source, "mutter");
  EXPECT_NE(sink_.losses[0].why.find("left the session bus"), std::string::npos) << sink_.losses[0].why;
  EXPECT_EQ(source_.idle_time(), std::nullopt);
}

TEST_F(MutterSourceTest, SinkMayStopTheSourceWhenToldOfLoss) {
  start_mutter_mock(0);
  start_source();
  // The daemon stops a lost source from inside on_source_lost(), that is
  // from inside the source's own D-Bus callback.
  sink_.when_lost = [this] { source_.stop(); };
  mock_.stop();

  ASSERT_TRUE(test::run_until(&loop_, [&] { return !sink_.losses.empty(); }));
  test::run_for(&loop_, milliseconds(50));
  EXPECT_EQ(sink_.losses.size(), 1u);
  EXPECT_EQ(source_.idle_time(), std::nullopt);
}

TEST_F(MutterSourceTest, LossIsReportedWhenTheSessionBusDies) {
  start_mutter_mock(0);
  start_source();
  bus_.kill_now();

  ASSERT_TRUE(test::run_until(&loop_, [&] { return !sink_.losses.empty(); }));
  test::run_for(&loop_, milliseconds(100));
  EXPECT_EQ(sink_.losses.size(), 1u);
  EXPECT_EQ(sink_.losses[0].source, "mutter");
  EXPECT_NE(sink_.losses[0].why.find("session bus"), std::string::npos) << sink_.losses[0].why;
}

}  // namespace
}  // namespace limber
