// LogindWatch against python3-dbusmock's logind template on a private bus
// that stands in for the system bus ($DBUS_SYSTEM_BUS_ADDRESS). Lock, unlock,
// sleep and wake must reach the sink as SessionEvents, which the engine
// counts as idle time.
#include "activity/logind_watch.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "recording_sink.h"
#include "test_bus.h"

namespace limber {
namespace {

using std::chrono::milliseconds;
using Events = std::vector<SessionEvent>;

constexpr const char* kLogind = "org.freedesktop.login1";
constexpr const char* kManagerPath = "/org/freedesktop/login1";
constexpr const char* kManagerInterface = "org.freedesktop.login1.Manager";
constexpr const char* kSessionInterface = "org.freedesktop.login1.Session";

class LogindWatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(uv_loop_init(&loop_), 0);
    std::string err;
    ASSERT_TRUE(bus_.start(&err)) << err;
    system_bus_env_.emplace("DBUS_SYSTEM_BUS_ADDRESS", bus_.address().c_str());
    ASSERT_TRUE(client_.connect(bus_.address(), &err)) << err;
  }
  void TearDown() override {
    watch_.stop();
    uv_run(&loop_, UV_RUN_NOWAIT);
    EXPECT_EQ(uv_loop_close(&loop_), 0) << "a libuv handle was left open";
    mock_.stop();
  }

  // Starts the logind mock with one session "c1", ours by $XDG_SESSION_ID.
  void start_logind_mock() {
    std::string err;
    ASSERT_TRUE(test::start_dbusmock(&mock_, bus_, {"--system", "--template", "logind"}, kLogind, &err)) << err;
    ASSERT_TRUE(client_.add_logind_session("c1", &session_path_, &err)) << err;
  }

  void start_watch() {
    std::string why;
    ASSERT_TRUE(watch_.start(&loop_, sink_, &why)) << why;
  }

  void session_call(const char* method) {
    std::string err;
    ASSERT_TRUE(client_.call(kLogind, session_path_.c_str(), kSessionInterface, method, &err)) << err;
  }
  void set_locked_hint(bool locked) {
    std::string err;
    ASSERT_TRUE(client_.call_b(kLogind, session_path_.c_str(), kSessionInterface, "SetLockedHint", locked, &err))
        << err;
  }
  void prepare_for_sleep(bool sleeping) {
    std::string err;
    ASSERT_TRUE(
        client_.emit_signal_b(kLogind, kManagerPath, kManagerInterface, "PrepareForSleep", sleeping, &err))
        << err;
  }
  bool wait_for_events(size_t n) {
    return test::run_until(&loop_, [&] { return sink_.sessions.size() >= n; }, milliseconds(5000));
  }

  uv_loop_t loop_{};
  test::PrivateBus bus_;
  std::optional<test::ScopedEnv> system_bus_env_;
  test::ScopedEnv session_id_env_{"XDG_SESSION_ID", "c1"};
  test::BusClient client_;
  test::ChildProcess mock_;
  std::string session_path_;
  test::RecordingSink sink_;
  LogindWatch watch_;
};

TEST_F(LogindWatchTest, FailsClearlyWhenLogindAbsent) {
  std::string why;
  EXPECT_FALSE(watch_.start(&loop_, sink_, &why));
  EXPECT_EQ(why, "logind (org.freedesktop.login1) is not on the system bus");
}

TEST_F(LogindWatchTest, LockAndUnlockReachTheSink) {
  start_logind_mock();
  start_watch();
  EXPECT_EQ(watch_.session_path(), session_path_);
  EXPECT_TRUE(sink_.sessions.empty());

  session_call("Lock");  // the mock emits the session's Lock signal
  ASSERT_TRUE(wait_for_events(1));
  session_call("Unlock");
  ASSERT_TRUE(wait_for_events(2));
  EXPECT_EQ(sink_.sessions, (Events{SessionEvent::kLock, SessionEvent::kUnlock}));
}

TEST_F(LogindWatchTest, LockedHintChangesReachTheSinkOncePerChange) {
  start_logind_mock();
  start_watch();

  // A Lock request followed by the locker setting LockedHint is one lock.
  session_call("Lock");
  set_locked_hint(true);
  ASSERT_TRUE(wait_for_events(1));
  test::run_for(&loop_, milliseconds(200));
  EXPECT_EQ(sink_.sessions, (Events{SessionEvent::kLock}));

  // The locker clearing LockedHint (user typed the password) is an unlock.
  set_locked_hint(false);
  ASSERT_TRUE(wait_for_events(2));
  EXPECT_EQ(sink_.sessions, (Events{SessionEvent::kLock, SessionEvent::kUnlock}));
}

TEST_F(LogindWatchTest, SleepAndWakeReachTheSink) {
  start_logind_mock();
  start_watch();

  prepare_for_sleep(true);
  ASSERT_TRUE(wait_for_events(1));
  prepare_for_sleep(false);
  ASSERT_TRUE(wait_for_events(2));
  EXPECT_EQ(sink_.sessions, (Events{SessionEvent::kSleep, SessionEvent::kWake}));
}

TEST_F(LogindWatchTest, AlreadyLockedAtStartCountsAsLocked) {
  start_logind_mock();
  set_locked_hint(true);
  start_watch();
  EXPECT_EQ(sink_.sessions, (Events{SessionEvent::kLock}));

  set_locked_hint(false);
  ASSERT_TRUE(wait_for_events(2));
  EXPECT_EQ(sink_.sessions, (Events{SessionEvent::kLock, SessionEvent::kUnlock}));
}

TEST_F(LogindWatchTest, LockSignalFromAnotherClientIsIgnored) {
  start_logind_mock();
  start_watch();

  // Any system-bus client can send a signal with logind's path; only
  // logind's own count.
  std::string err;
  ASSERT_TRUE(client_.emit_own_signal(session_path_.c_str(), kSessionInterface, "Lock", &err)) << err;
  test::run_for(&loop_, milliseconds(200));
  EXPECT_TRUE(sink_.sessions.empty());

  session_call("Lock");
  ASSERT_TRUE(wait_for_events(1));
  EXPECT_EQ(sink_.sessions, (Events{SessionEvent::kLock}));
}

TEST_F(LogindWatchTest, FindsTheSessionThroughAutoWithoutXdgSessionId) {
  // A systemd user service has no $XDG_SESSION_ID and is in no session;
  // logind's session/auto then names the user's graphical session.
  test::ScopedEnv no_session_id("XDG_SESSION_ID", nullptr);
  start_logind_mock();
  std::string err;
  ASSERT_TRUE(client_.add_object_with_id(kLogind, "/org/freedesktop/login1/session/auto", kSessionInterface, "c1",
                                         &err))
      << err;
  start_watch();
  EXPECT_EQ(watch_.session_path(), session_path_);

  session_call("Lock");
  ASSERT_TRUE(wait_for_events(1));
  EXPECT_EQ(sink_.sessions, (Events{SessionEvent::kLock}));
}

TEST_F(LogindWatchTest, WithoutASessionSleepIsStillSeen) {
  test::ScopedEnv no_session_id("XDG_SESSION_ID", nullptr);
  start_logind_mock();  // no GetSessionByPID, no session/auto in the mock
  start_watch();
  EXPECT_EQ(watch_.session_path(), "");

  prepare_for_sleep(true);
  ASSERT_TRUE(wait_for_events(1));
  EXPECT_EQ(sink_.sessions, (Events{SessionEvent::kSleep}));
}

}  // namespace
}  // namespace limber
