// The Wayland source and BreakLoop against the real KWin (5.27 in Debian
// 12: ext-idle-notify-v1 version 1 and org_kde_kwin_idle), `kwin_wayland
// --virtual`, with KWin's fake-input protocol as the user (kwin_keys). KWin
// is started once for the whole binary, as an unprivileged uid.
//
// Two things the real KWin needs here: Debian gives kwin_wayland a file
// capability (cap_sys_resource) that a container may refuse to exec, so a
// plain copy of the binary runs instead (KWin loads its own Qt platform
// plugin only when its executable is named kwin_wayland); and KWin offers
// fake input, even with KWIN_WAYLAND_NO_PERMISSION_CHECKS=1, only to clients
// of its own uid, so kwin_keys runs as KWin's uid. Skipped, with a message,
// only when kwin_wayland is not installed.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <thread>

#include "activity/wayland_source.h"
#include "real_desktop.h"

namespace limber::test {
namespace {

constexpr const char* kKwin = "/usr/bin/kwin_wayland";
constexpr const char* kSocket = "wayland-limber-kwin";
constexpr uid_t kNobody = 65534;

// argv run as KWin's uid: as nobody when the tests run as root.
std::vector<std::string> as_kwin_user(std::vector<std::string> argv) {
  if (geteuid() != 0) return argv;
  argv.insert(argv.begin(), {"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"});
  return argv;
}

class Kwin : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
#ifdef LIMBER_SANITIZED
    return;  // every test skips (SetUp): start nothing
#endif
    if (access(kKwin, X_OK) != 0) return;
    namespace fs = std::filesystem;
    dir_ = new fs::path(fs::temp_directory_path() / ("limber-kwin-" + std::to_string(getpid())));
    fs::create_directories(*dir_ / "bin");
    std::error_code error;
    fs::copy_file(kKwin, *dir_ / "bin/kwin_wayland", error);
    fs::copy_file(LIMBER_KWIN_KEYS, *dir_ / "bin/kwin_keys", error);
    if (error) return;
    fs::permissions(*dir_, fs::perms::owner_all);
    fs::permissions(*dir_ / "bin", fs::perms::owner_all | fs::perms::group_exec | fs::perms::others_exec);
    if (geteuid() == 0) {
      for (const fs::path& p : {*dir_, *dir_ / "bin"}) {
        if (chown(p.c_str(), kNobody, kNobody) != 0) return;
      }
    }
    kwin_ = new ChildProcess;
    std::string err;
    // No session bus: KWin runs without one (it logs that kglobalaccel is
    // missing), and a bus of the test's uid would refuse KWin's.
    if (!kwin_->spawn(as_kwin_user({(*dir_ / "bin/kwin_wayland").string(), "--virtual", "--no-lockscreen",
                                    "--no-global-shortcuts", "--no-kactivities", "--socket", kSocket}),
                      {"XDG_RUNTIME_DIR=" + dir_->string(), "HOME=" + dir_->string(),
                       "KWIN_WAYLAND_NO_PERMISSION_CHECKS=1", "WAYLAND_DISPLAY=", "DISPLAY=",
                       "DBUS_SESSION_BUS_ADDRESS=", "QT_QPA_PLATFORM="},
                      -1, (*dir_ / "kwin.log").string(), &err)) {
      return;
    }
    for (int i = 0; i < 200 && !fs::exists(*dir_ / kSocket); ++i) std::this_thread::sleep_for(50ms);
  }
  static void TearDownTestSuite() {
    delete kwin_;
    kwin_ = nullptr;
    if (dir_ != nullptr) {
      std::error_code ignored;
      std::filesystem::remove_all(*dir_, ignored);
    }
    delete dir_;
    dir_ = nullptr;
  }

  void SetUp() override {
#ifdef LIMBER_SANITIZED
    // These measure time bounds, which the sanitizers distort; the source's
    // code runs under the sanitizers in tests/integration/wayland.
    GTEST_SKIP() << "time bounds are measured in the ci build, not under the sanitizers";
#endif
    if (access(kKwin, X_OK) != 0) GTEST_SKIP() << kKwin << " is not installed (apt-get install kwin-wayland)";
    ASSERT_NE(dir_, nullptr);
    ASSERT_TRUE(std::filesystem::exists(*dir_ / kSocket)) << "KWin did not start; see " << (*dir_ / "kwin.log");
    runtime_.emplace("XDG_RUNTIME_DIR", dir_->c_str());
    display_.emplace("WAYLAND_DISPLAY", kSocket);
    ASSERT_TRUE(run_.start([] { return std::make_unique<WaylandSource>(); }));
  }

  static RealDesktopRun::Span keys(RealDesktopRun& run, int count, int delay_ms) {
    return run.play(as_kwin_user({(*dir_ / "bin/kwin_keys").string(), std::to_string(count), std::to_string(delay_ms)}),
                    {"XDG_RUNTIME_DIR=" + dir_->string(), std::string("WAYLAND_DISPLAY=") + kSocket});
  }

  static DesktopInput input() {
    DesktopInput in;
    in.tap = [](RealDesktopRun& run) { return keys(run, 1, 0); };
    // 5 keys a second: the first and the last `seconds` apart.
    in.type = [](RealDesktopRun& run, int seconds) { return keys(run, seconds * 5 + 1, 200); };
    return in;
  }

  static std::filesystem::path* dir_;
  static ChildProcess* kwin_;
  std::optional<ScopedEnv> runtime_;
  std::optional<ScopedEnv> display_;
  RealDesktopRun run_;
};

std::filesystem::path* Kwin::dir_ = nullptr;
ChildProcess* Kwin::kwin_ = nullptr;

LIMBER_REAL_COMPOSITOR_TESTS(Kwin, "kwin", [] { return std::make_unique<WaylandSource>(); })

}  // namespace
}  // namespace limber::test
