// GlibLoopBridge drives GLib's default main context from a libuv loop: GLib
// timeouts, descriptors and cross-thread wake-ups reach their callbacks, and
// an idle loop with the bridge sleeps instead of spinning.
#include "notify/glib_loop_bridge.h"

#include <gio/gio.h>
#include <glib.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "test_bus.h"

namespace limber::test {
namespace {

using namespace std::chrono_literals;

class GlibLoopBridgeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    uv_loop_init(&loop_);
    std::string why;
    ASSERT_TRUE(bridge_.start(&loop_, &why)) << why;
    // Something of the loop's own keeps it alive, as limberd's signals do.
    uv_timer_init(&loop_, keepalive_.get());
    uv_timer_start(keepalive_.get(), [](uv_timer_t*) {}, 3'600'000, 0);
  }
  void TearDown() override {
    bridge_.stop();
    keepalive_.close();
    uv_run(&loop_, UV_RUN_DEFAULT);
    uv_loop_close(&loop_);
  }

  uv_loop_t loop_{};
  GlibLoopBridge bridge_;
  UvHandle<uv_timer_t> keepalive_;
};

TEST_F(GlibLoopBridgeTest, IdleLoopWithBridgeWakesAtMostAFewTimesPerSecond) {
  // GLib's context with a D-Bus-free GIO object in it, as limberd has.
  run_for(&loop_, 100ms);  // settle
  const int wakeups = run_for(&loop_, 1000ms);
  EXPECT_LE(wakeups, 3) << "the loop woke " << wakeups << " times in an idle second";
}

TEST_F(GlibLoopBridgeTest, GlibTimeoutRunsOnTimeFromTheUvLoop) {
  bool fired = false;
  const auto started = std::chrono::steady_clock::now();
  g_timeout_add(
      100, [](gpointer data) -> gboolean {
        *static_cast<bool*>(data) = true;
        return G_SOURCE_REMOVE;
      },
      &fired);
  // No tick of our own: the bridge's timer must wake the loop.
  const int wakeups = run_for(&loop_, 300ms);
  EXPECT_TRUE(fired);
  EXPECT_LE(wakeups, 6);
  (void)started;
}

TEST_F(GlibLoopBridgeTest, GlibIdleSourceRunsWithoutBlockingTheLoop) {
  int runs = 0;
  g_idle_add(
      [](gpointer data) -> gboolean {
        ++*static_cast<int*>(data);
        return G_SOURCE_REMOVE;
      },
      &runs);
  EXPECT_TRUE(run_until(&loop_, [&] { return runs == 1; }, 1000ms));
}

TEST_F(GlibLoopBridgeTest, GlibFdWatchDispatchesWhenTheDescriptorBecomesReadable) {
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  GIOChannel* channel = g_io_channel_unix_new(fds[0]);
  bool readable = false;
  const guint watch = g_io_add_watch(
      channel, G_IO_IN,
      [](GIOChannel*, GIOCondition, gpointer data) -> gboolean {
        *static_cast<bool*>(data) = true;
        return G_SOURCE_REMOVE;
      },
      &readable);
  run_for(&loop_, 50ms);
  EXPECT_FALSE(readable);
  ASSERT_EQ(write(fds[1], "x", 1), 1);
  EXPECT_TRUE(run_until(&loop_, [&] { return readable; }, 1000ms));
  (void)watch;
  g_io_channel_unref(channel);
  close(fds[0]);
  close(fds[1]);
}

TEST_F(GlibLoopBridgeTest, SourceAddedFromAnotherThreadWakesTheSleepingLoop) {
  // GDBus delivers replies and signals this way: from its worker thread,
  // onto the default context, waking it.
  bool ran = false;
  std::thread other([&] {
    std::this_thread::sleep_for(100ms);
    g_main_context_invoke(
        nullptr,
        [](gpointer data) -> gboolean {
          *static_cast<bool*>(data) = true;
          return G_SOURCE_REMOVE;
        },
        &ran);
  });
  // run_for has no tick: only the bridge's wakeup descriptor can end the sleep early.
  const auto started = std::chrono::steady_clock::now();
  while (!ran && std::chrono::steady_clock::now() - started < 2s) uv_run(&loop_, UV_RUN_ONCE);
  other.join();
  EXPECT_TRUE(ran);
  EXPECT_LT(std::chrono::steady_clock::now() - started, 1s);
}

TEST(GlibLoopBridge, IdleLoopWithBridgeAndGdbusConnectionDoesNotSpin) {
  PrivateBus bus;
  std::string err;
  ASSERT_TRUE(bus.start(&err)) << err;
  ScopedEnv address("DBUS_SESSION_BUS_ADDRESS", bus.address().c_str());
  uv_loop_t loop{};
  uv_loop_init(&loop);
  UvHandle<uv_timer_t> keepalive;
  uv_timer_init(&loop, keepalive.get());
  uv_timer_start(keepalive.get(), [](uv_timer_t*) {}, 3'600'000, 0);
  {
    GlibLoopBridge bridge;
    ASSERT_TRUE(bridge.start(&loop, &err)) << err;
    GError* error = nullptr;
    GDBusConnection* connection =
        g_dbus_connection_new_for_address_sync(bus.address().c_str(),
                                               static_cast<GDBusConnectionFlags>(
                                                   G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                   G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION),
                                               nullptr, nullptr, &error);
    ASSERT_NE(connection, nullptr) << (error ? error->message : "");
    // A signal subscription dispatched on the default context, as libnotify's.
    bool got_signal = false;
    g_dbus_connection_signal_subscribe(
        connection, nullptr, "org.limber.Test", "Ping", nullptr, nullptr, G_DBUS_SIGNAL_FLAGS_NONE,
        [](GDBusConnection*, const gchar*, const gchar*, const gchar*, const gchar*, GVariant*, gpointer data) {
          *static_cast<bool*>(data) = true;
        },
        &got_signal, nullptr);
    run_for(&loop, 100ms);
    const int wakeups = run_for(&loop, 1000ms);
    EXPECT_LE(wakeups, 3) << "the loop woke " << wakeups << " times in an idle second";

    BusClient client;
    ASSERT_TRUE(client.connect(bus.address(), &err)) << err;
    ASSERT_TRUE(client.emit_own_signal("/org/limber/Test", "org.limber.Test", "Ping", &err)) << err;
    EXPECT_TRUE(run_until(&loop, [&] { return got_signal; }, 2000ms));
    g_dbus_connection_close_sync(connection, nullptr, nullptr);
    g_object_unref(connection);
    run_for(&loop, 50ms);
    bridge.stop();
  }
  keepalive.close();
  uv_run(&loop, UV_RUN_DEFAULT);
  uv_loop_close(&loop);
}

TEST(GlibLoopBridge, StopReleasesTheContextForAnotherStart) {
  uv_loop_t loop{};
  uv_loop_init(&loop);
  std::string why;
  {
    GlibLoopBridge first;
    ASSERT_TRUE(first.start(&loop, &why)) << why;
    first.stop();
    GlibLoopBridge second;
    EXPECT_TRUE(second.start(&loop, &why)) << why;
  }
  uv_run(&loop, UV_RUN_DEFAULT);
  EXPECT_EQ(uv_loop_close(&loop), 0);
}

}  // namespace
}  // namespace limber::test
