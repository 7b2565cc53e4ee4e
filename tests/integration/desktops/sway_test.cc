// The Wayland source and BreakLoop against the real sway (org_kde_kwin_idle
// in sway 1.7), headless, with wtype's virtual keyboard as the user. sway is
// started once for the whole binary, as an unprivileged uid (it refuses
// root). Skipped, with a message, only when sway or wtype is not installed.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "activity/wayland_source.h"
#include "real_desktop.h"

namespace limber::test {
namespace {

constexpr const char* kSway = "/usr/bin/sway";
constexpr const char* kWtype = "/usr/bin/wtype";
constexpr uid_t kNobody = 65534;

class Sway : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
#ifdef LIMBER_SANITIZED
    return;  // every test skips (SetUp): start nothing
#endif
    if (access(kSway, X_OK) != 0 || access(kWtype, X_OK) != 0) return;
    dir_ = new std::string(std::filesystem::temp_directory_path() / ("limber-sway-" + std::to_string(getpid())));
    std::filesystem::create_directories(*dir_);
    const std::string config = *dir_ + "/config";
    std::ofstream(config) << "output HEADLESS-1 resolution 800x600\n";
    chmod(dir_->c_str(), 0700);
    chmod(config.c_str(), 0644);
    if (geteuid() == 0 && chown(dir_->c_str(), kNobody, kNobody) != 0) return;
    const std::vector<std::string> argv = geteuid() == 0
        ? std::vector<std::string>{"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", kSway, "-c", config}
        : std::vector<std::string>{kSway, "-c", config};
    sway_ = new ChildProcess;
    std::string err;
    if (!sway_->spawn(argv, {"XDG_RUNTIME_DIR=" + *dir_, "WLR_BACKENDS=headless", "WLR_LIBINPUT_NO_DEVICES=1",
                             "WLR_RENDERER=pixman", "WAYLAND_DISPLAY="},
                      -1, *dir_ + "/sway.log", &err)) {
      return;
    }
    for (int i = 0; i < 100 && !std::filesystem::exists(*dir_ + "/wayland-1"); ++i) {
      std::this_thread::sleep_for(50ms);
    }
  }
  static void TearDownTestSuite() {
    delete sway_;
    sway_ = nullptr;
    if (dir_ != nullptr) std::filesystem::remove_all(*dir_);
    delete dir_;
    dir_ = nullptr;
  }

  void SetUp() override {
#ifdef LIMBER_SANITIZED
    // These measure time bounds (credit within 1 s, idle within grace +
    // 1 s), which the sanitizers distort; the ci build measures them, and
    // the sources' code runs under the sanitizers in tests/integration/wayland
    // and tests/integration/dbus.
    GTEST_SKIP() << "time bounds are measured in the ci build, not under the sanitizers";
#endif
    if (access(kSway, X_OK) != 0) GTEST_SKIP() << kSway << " is not installed (apt-get install sway)";
    if (access(kWtype, X_OK) != 0) GTEST_SKIP() << kWtype << " is not installed (apt-get install wtype)";
    ASSERT_NE(dir_, nullptr);
    ASSERT_TRUE(std::filesystem::exists(*dir_ + "/wayland-1")) << "sway did not start; see " << *dir_ << "/sway.log";
    runtime_.emplace("XDG_RUNTIME_DIR", dir_->c_str());
    display_.emplace("WAYLAND_DISPLAY", "wayland-1");
    ASSERT_TRUE(run_.start([] { return std::make_unique<WaylandSource>(); }));
  }

  static DesktopInput input() {
    DesktopInput in;
    in.tap = [](RealDesktopRun& run) { return run.play({kWtype, "a"}); };
    in.type = [](RealDesktopRun& run, int seconds) {
      // 5 keys a second: the first and the last `seconds` apart.
      return run.play({kWtype, "-d", "200", std::string(static_cast<size_t>(seconds * 5 + 1), 'a')});
    };
    return in;
  }

  static std::string* dir_;
  static ChildProcess* sway_;
  std::optional<ScopedEnv> runtime_;
  std::optional<ScopedEnv> display_;
  RealDesktopRun run_;
};

std::string* Sway::dir_ = nullptr;
ChildProcess* Sway::sway_ = nullptr;

LIMBER_REAL_COMPOSITOR_TESTS(Sway, "sway", [] { return std::make_unique<WaylandSource>(); })

}  // namespace
}  // namespace limber::test
