// limberd on a GNOME-like desktop: a python3-dbusmock Mutter IdleMonitor on
// a private session bus drives active and idle, and a dbusmock logind on a
// second private bus (the "system bus", through $DBUS_SYSTEM_BUS_ADDRESS)
// locks the screen and suspends the machine.
#include <gtest/gtest.h>

#include <thread>

#include "history_db.h"
#include "limberd_test.h"
#include "test_bus.h"

namespace limber::test {
namespace {

constexpr const char* kMutter = "org.gnome.Mutter.IdleMonitor";
constexpr const char* kMutterPath = "/org/gnome/Mutter/IdleMonitor/Core";
constexpr const char* kLogind = "org.freedesktop.login1";
constexpr const char* kManagerPath = "/org/freedesktop/login1";
constexpr const char* kManagerInterface = "org.freedesktop.login1.Manager";
constexpr const char* kSessionInterface = "org.freedesktop.login1.Session";
// The mock numbers the idle watch 7 and user-active watches 101, 102, ….
constexpr uint32_t kIdleWatch = 7;
constexpr uint32_t kFirstActiveWatch = 101;

class LimberdDbus : public LimberdTest {
 protected:
  void SetUp() override {
    LimberdTest::SetUp();
    std::string err;
    ASSERT_TRUE(session_bus_.start(&err)) << err;
    ASSERT_TRUE(system_bus_.start(&err)) << err;
    ASSERT_TRUE(session_client_.connect(session_bus_.address(), &err)) << err;
    ASSERT_TRUE(system_client_.connect(system_bus_.address(), &err)) << err;
    ASSERT_TRUE(home_.write_user_config(kShortRules));
    start_mutter_mock();
  }
  void TearDown() override {
    daemon_.kill_now();  // before its buses go
  }

  // Mutter with a user who has just typed (idle time 0).
  void start_mutter_mock() {
    std::string err;
    ASSERT_TRUE(start_dbusmock(&mutter_, session_bus_, {kMutter, kMutterPath, kMutter}, kMutter, &err)) << err;
    auto add = [&](const char* method, const char* in, const char* out, const std::string& code) {
      ASSERT_TRUE(session_client_.add_method(kMutter, kMutterPath, kMutter, method, in, out, code, &err)) << err;
    };
    add("GetIdletime", "", "t", "ret = dbus.UInt64(0)");
    add("AddIdleWatch", "t", "u", "ret = dbus.UInt32(" + std::to_string(kIdleWatch) + ")");
    add("AddUserActiveWatch", "", "u",
        "ret = dbus.UInt32(100 + len([c for c in self.call_log if c[1] == 'AddUserActiveWatch']))");
    add("RemoveWatch", "u", "", "");
  }

  // logind with one session "c1", limberd's by $XDG_SESSION_ID.
  void start_logind_mock() {
    std::string err;
    ASSERT_TRUE(start_dbusmock(&logind_, system_bus_, {"--system", "--template", "logind"}, kLogind, &err)) << err;
    ASSERT_TRUE(system_client_.add_logind_session("c1", &session_path_, &err)) << err;
  }

  ::testing::AssertionResult start_limberd() {
    return start({"--log-level=debug", "--source=mutter", kShortScale},
                 {"DBUS_SESSION_BUS_ADDRESS=" + session_bus_.address(),
                  "DBUS_SYSTEM_BUS_ADDRESS=" + system_bus_.address(), "XDG_SESSION_ID=c1"});
  }

  // Waits until limberd has called `method` of the Mutter mock `n` times.
  bool mutter_calls_reach(const char* method, int n) {
    const auto deadline = std::chrono::steady_clock::now() + 5s;
    while (session_client_.method_calls(kMutter, kMutterPath, method) < n) {
      if (std::chrono::steady_clock::now() > deadline) return false;
      std::this_thread::sleep_for(20ms);
    }
    return true;
  }

  void fire_mutter_watch(uint32_t id) {
    std::string err;
    ASSERT_TRUE(session_client_.emit_signal_u(kMutter, kMutterPath, kMutter, "WatchFired", id, &err)) << err;
  }
  void session_call(const char* method) {
    std::string err;
    ASSERT_TRUE(system_client_.call(kLogind, session_path_.c_str(), kSessionInterface, method, &err)) << err;
  }
  void prepare_for_sleep(bool sleeping) {
    std::string err;
    ASSERT_TRUE(system_client_.emit_signal_b(kLogind, kManagerPath, kManagerInterface, "PrepareForSleep", sleeping,
                                             &err))
        << err;
  }

  // The natural breaks recorded, after a clean stop.
  int64_t natural_micro_breaks() {
    HistoryDb db;
    std::string err;
    if (!db.open(home_.history_path(), &err)) {
      ADD_FAILURE() << err;
      return -1;
    }
    return db.integer("SELECT count(*) FROM natural_breaks WHERE kind = 'micro' AND idle_ms >= 10000").value_or(-1);
  }

  PrivateBus session_bus_;
  PrivateBus system_bus_;
  BusClient session_client_;
  BusClient system_client_;
  ChildProcess mutter_;
  ChildProcess logind_;
  std::string session_path_;
};

TEST_F(LimberdDbus, MutterIdleMonitorDrivesActiveAndIdle) {
  ASSERT_TRUE(start_limberd());
  ASSERT_TRUE(logged("activity source: mutter$", 10s));
  ASSERT_TRUE(logged("debug: user active$", 5s));
  // One idle watch at idle_grace (5 s of clock time).
  ASSERT_TRUE(mutter_calls_reach("AddIdleWatch", 1));

  const size_t before_idle = daemon_.line_count();
  fire_mutter_watch(kIdleWatch);
  size_t idle_at = 0;
  ASSERT_TRUE(logged("debug: user idle$", 5s, before_idle, &idle_at));
  EXPECT_TRUE(logged("natural micro-break: away for ", 5s, idle_at));

  // Idle, limberd waits for the user through a user-active watch.
  ASSERT_TRUE(mutter_calls_reach("AddUserActiveWatch", 1));
  fire_mutter_watch(kFirstActiveWatch);
  EXPECT_TRUE(logged("debug: user active$", 5s, idle_at));

  ASSERT_TRUE(stops_cleanly());
  EXPECT_GE(natural_micro_breaks(), 1);
}

TEST_F(LimberdDbus, LogindLockCountsAsIdleAndRecordsANaturalBreak) {
  start_logind_mock();
  ASSERT_TRUE(start_limberd());
  ASSERT_TRUE(logged("watching screen lock and suspend through logind", 10s));
  ASSERT_TRUE(logged("debug: user active$", 5s));

  // Mutter still says active: only the lock makes the user idle.
  const size_t before_lock = daemon_.line_count();
  session_call("Lock");
  size_t locked_at = 0;
  ASSERT_TRUE(logged("screen locked$", 5s, before_lock, &locked_at));
  EXPECT_TRUE(logged("debug: user idle$", 5s, before_lock));
  EXPECT_TRUE(logged("natural micro-break: away for ", 5s, locked_at));

  session_call("Unlock");
  EXPECT_TRUE(logged("screen unlocked$", 5s, locked_at));

  ASSERT_TRUE(stops_cleanly());
  EXPECT_GE(natural_micro_breaks(), 1);
}

TEST_F(LimberdDbus, PrepareForSleepCountsAsIdleUntilWake) {
  start_logind_mock();
  ASSERT_TRUE(start_limberd());
  ASSERT_TRUE(logged("watching screen lock and suspend through logind", 10s));
  ASSERT_TRUE(logged("debug: user active$", 5s));

  const size_t before_sleep = daemon_.line_count();
  prepare_for_sleep(true);
  size_t asleep_at = 0;
  ASSERT_TRUE(logged("going to sleep$", 5s, before_sleep, &asleep_at));
  EXPECT_TRUE(logged("debug: user idle$", 5s, before_sleep));
  EXPECT_TRUE(logged("natural micro-break: away for ", 5s, asleep_at));

  prepare_for_sleep(false);
  EXPECT_TRUE(logged("woke up$", 5s, asleep_at));
  ASSERT_TRUE(stops_cleanly());
  EXPECT_GE(natural_micro_breaks(), 1);
}

TEST_F(LimberdDbus, WithoutLogindTheDaemonRunsAndSaysWhatItMisses) {
  ASSERT_TRUE(start_limberd());
  EXPECT_TRUE(logged("warning: no screen lock or suspend information: .*login1", 10s));
  EXPECT_TRUE(logged(kReady, 5s));
  EXPECT_TRUE(stops_cleanly());
}

}  // namespace
}  // namespace limber::test
