// SdBusConnection against a real, private dbus-daemon: replies are
// dispatched from the libuv loop, the loop sleeps when nothing happens, and
// a dying bus is reported.
#include "activity/sd_bus_connection.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "test_bus.h"

namespace limber {
namespace {

using std::chrono::milliseconds;

class SdBusConnectionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(uv_loop_init(&loop_), 0);
    std::string err;
    ASSERT_TRUE(bus_.start(&err)) << err;
    env_.emplace("DBUS_SESSION_BUS_ADDRESS", bus_.address().c_str());
  }
  void TearDown() override {
    connection_.close();
    uv_run(&loop_, UV_RUN_NOWAIT);
    EXPECT_EQ(uv_loop_close(&loop_), 0) << "a libuv handle was left open";
  }

  bool open(std::string* closed_why = nullptr) {
    std::string err;
    auto on_closed = [closed_why](std::string_view why) {
      if (closed_why != nullptr) *closed_why = why.empty() ? "(no reason)" : std::string(why);
    };
    const bool ok = connection_.open(&loop_, SdBusConnection::Bus::kSession, on_closed, &err);
    EXPECT_TRUE(ok) << err;
    return ok;
  }

  uv_loop_t loop_{};
  test::PrivateBus bus_;
  std::optional<test::ScopedEnv> env_;
  SdBusConnection connection_;
};

TEST_F(SdBusConnectionTest, AsyncReplyIsDispatchedFromTheLoop) {
  ASSERT_TRUE(open());
  std::string bus_id;
  sd_bus_slot* raw_slot = nullptr;
  auto on_reply = [](sd_bus_message* reply, void* userdata, sd_bus_error*) -> int {
    const char* id = nullptr;
    if (sd_bus_message_read(reply, "s", &id) >= 0) *static_cast<std::string*>(userdata) = id;
    return 0;
  };
  ASSERT_GE(sd_bus_call_method_async(connection_.bus(), &raw_slot, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                     "org.freedesktop.DBus", "GetId", on_reply, &bus_id, ""),
            0);
  SdBusSlot slot(raw_slot);
  connection_.rearm();

  EXPECT_TRUE(test::run_until(&loop_, [&] { return !bus_id.empty(); }, milliseconds(5000)));
  EXPECT_EQ(bus_id.size(), 32u) << bus_id;  // the bus id is 32 hex digits
}

TEST_F(SdBusConnectionTest, LoopSleepsWhenNothingHappens) {
  ASSERT_TRUE(open());
  // A match installed (a blocking AddMatch), as the sources do at start.
  sd_bus_slot* raw_slot = nullptr;
  ASSERT_GE(sd_bus_match_signal(connection_.bus(), &raw_slot, nullptr, "/nowhere", "org.example.Nothing", "Never",
                                nullptr, nullptr),
            0);
  SdBusSlot slot(raw_slot);
  connection_.rearm();
  test::run_for(&loop_, milliseconds(50));  // let the connection settle

  const int wakeups = test::run_for(&loop_, milliseconds(300));
  // One wake-up for the end timer; a busy loop would show thousands.
  EXPECT_LE(wakeups, 3);
}

TEST_F(SdBusConnectionTest, LoopSleepsWhileAReplyIsOutstanding) {
  ASSERT_TRUE(open());
  // A peer that never answers: sd-bus now holds a reply deadline (its
  // default call timeout), which must become one timer, not a spin.
  test::BusClient silent_peer;
  std::string err;
  ASSERT_TRUE(silent_peer.connect(bus_.address(), &err)) << err;
  bool replied = false;
  sd_bus_slot* raw_slot = nullptr;
  auto on_reply = [](sd_bus_message*, void* userdata, sd_bus_error*) -> int {
    *static_cast<bool*>(userdata) = true;
    return 0;
  };
  ASSERT_GE(sd_bus_call_method_async(connection_.bus(), &raw_slot, silent_peer.unique_name().c_str(), "/",
                                     "org.example.Silent", "Wait", on_reply, &replied, ""),
            0);
  SdBusSlot slot(raw_slot);
  connection_.rearm();
  test::run_for(&loop_, milliseconds(50));

  const int wakeups = test::run_for(&loop_, milliseconds(300));
  EXPECT_LE(wakeups, 3);
  EXPECT_FALSE(replied);
}

TEST_F(SdBusConnectionTest, LosingTheBusIsReportedOnce) {
  std::string closed_why;
  ASSERT_TRUE(open(&closed_why));
  test::run_for(&loop_, milliseconds(50));
  bus_.kill_now();

  EXPECT_TRUE(test::run_until(&loop_, [&] { return !closed_why.empty(); }, milliseconds(5000)));
  EXPECT_FALSE(connection_.is_open());
}

TEST_F(SdBusConnectionTest, OpenFailsClearlyWithoutABus) {
  test::ScopedEnv no_bus("DBUS_SESSION_BUS_ADDRESS", ("unix:path=" + bus_.dir() + "/no-such-socket").c_str());
  std::string why;
  EXPECT_FALSE(connection_.open(&loop_, SdBusConnection::Bus::kSession, nullptr, &why));
  EXPECT_NE(why.find("cannot connect to the session bus"), std::string::npos) << why;
  EXPECT_FALSE(connection_.is_open());
}

}  // namespace
}  // namespace limber
