// The Mutter source and BreakLoop against the real Mutter (43 in Debian 12):
// `mutter --headless --wayland --virtual-monitor 1280x800` on a private
// session bus, its real org.gnome.Mutter.IdleMonitor, and input through
// org.gnome.Mutter.RemoteDesktop (mutter_keys.py). Mutter is started once
// for the whole binary. Skipped, with a message, only when mutter or
// python3-dbus is not installed.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <thread>

#include "activity/mutter_source.h"
#include "real_desktop.h"

namespace limber::test {
namespace {

constexpr const char* kMutter = "/usr/bin/mutter";
constexpr const char* kPython = "/usr/bin/python3";

bool python_has_dbus() { return std::system("/usr/bin/python3 -c 'import dbus' 2>/dev/null") == 0; }

class Mutter : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
#ifdef LIMBER_SANITIZED
    return;  // every test skips (SetUp): start nothing
#endif
    if (access(kMutter, X_OK) != 0 || !python_has_dbus()) return;
    world_ = new World;
    std::string err;
    if (!world_->bus.start(&err)) return;
    world_->dir = std::filesystem::temp_directory_path() / ("limber-mutter-" + std::to_string(getpid()));
    std::filesystem::create_directories(world_->dir);
    std::filesystem::permissions(world_->dir, std::filesystem::perms::owner_all);
    world_->mutter.spawn({kMutter, "--headless", "--wayland", "--no-x11", "--virtual-monitor", "1280x800",
                          "--wayland-display", "limber-mutter-0"},
                         {"DBUS_SESSION_BUS_ADDRESS=" + world_->bus.address(), "XDG_RUNTIME_DIR=" + world_->dir.string(),
                          "WAYLAND_DISPLAY=", "DISPLAY="},
                         -1, (world_->dir / "mutter.log").string(), &err);
    BusClient client;
    if (!client.connect(world_->bus.address(), &err)) return;
    for (int i = 0; i < 200 && !client.has_owner("org.gnome.Mutter.RemoteDesktop"); ++i) {
      std::this_thread::sleep_for(50ms);
    }
    world_->ready = client.has_owner("org.gnome.Mutter.IdleMonitor") && client.has_owner("org.gnome.Mutter.RemoteDesktop");
  }
  static void TearDownTestSuite() {
    if (world_ != nullptr) {
      world_->mutter.stop();
      std::error_code ignored;
      std::filesystem::remove_all(world_->dir, ignored);
    }
    delete world_;
    world_ = nullptr;
  }

  void SetUp() override {
#ifdef LIMBER_SANITIZED
    // These measure time bounds (credit within 1 s, idle within grace +
    // 1 s), which the sanitizers distort; the ci build measures them, and
    // the sources' code runs under the sanitizers in tests/integration/wayland
    // and tests/integration/dbus.
    GTEST_SKIP() << "time bounds are measured in the ci build, not under the sanitizers";
#endif
    if (access(kMutter, X_OK) != 0) GTEST_SKIP() << kMutter << " is not installed (apt-get install mutter)";
    if (!python_has_dbus()) GTEST_SKIP() << "python3-dbus is not installed (needed for RemoteDesktop input)";
    ASSERT_NE(world_, nullptr);
    ASSERT_TRUE(world_->ready) << "mutter did not start; see " << (world_->dir / "mutter.log");
    bus_env_.emplace("DBUS_SESSION_BUS_ADDRESS", world_->bus.address().c_str());
    ASSERT_TRUE(run_.start([] { return std::make_unique<MutterSource>(); }));
  }

  static DesktopInput input() {
    DesktopInput in;
    in.tap = [](RealDesktopRun& run) { return run.play({kPython, LIMBER_MUTTER_KEYS, "1", "0"}); };
    in.type = [](RealDesktopRun& run, int seconds) {
      return run.play({kPython, LIMBER_MUTTER_KEYS, std::to_string(seconds * 5 + 1), "200"});
    };
    return in;
  }

  struct World {
    PrivateBus bus;
    ChildProcess mutter;
    std::filesystem::path dir;
    bool ready = false;
  };
  static World* world_;
  std::optional<ScopedEnv> bus_env_;
  RealDesktopRun run_;
};

Mutter::World* Mutter::world_ = nullptr;

LIMBER_REAL_COMPOSITOR_TESTS(Mutter, "mutter", [] { return std::make_unique<MutterSource>(); })

}  // namespace
}  // namespace limber::test
