// limber-tray on a real GNOME Shell (43 in Debian 12), stock and with the
// AppIndicator extension, in a private session the test starts: two private
// buses (session and system), GNOME Shell as a headless Wayland compositor
// (--headless --wayland --virtual-monitor) or as the X11 window manager of
// an Xvfb, and limberd with the Mutter source on that session.
//
// What the user would see is read from GNOME Shell itself: a test probe
// extension (gnome-probe/ for GNOME Shell 43 and 44, gnome-probe-esm/ for
// 45 and later; loaded only into this private shell) turns on unsafe mode,
// so the test may ask org.gnome.Shell.Eval for window frames and panel
// items and org.gnome.Shell.Screenshot for their pixels. Eval runs inside
// GNOME Shell's D-Bus module, where `Main` is GNOME Shell's main module.
// Settings come from a GSettings keyfile in the test's home, so the user's
// dconf is never touched. Skipped, with a message, only when gnome-shell is
// not installed.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <regex>
#include <thread>

#include "limberd_test.h"
#include "test_bus.h"
#include "xvfb_server.h"

namespace limber::test {
namespace {

namespace fs = std::filesystem;

constexpr const char* kGnomeShell = "/usr/bin/gnome-shell";
constexpr const char* kProbe = "limber-probe@limber.test";
constexpr const char* kAppIndicator = "ubuntu-appindicators@ubuntu.com";

std::string run_text(const std::string& command) {
  std::string out;
  if (FILE* p = ::popen(command.c_str(), "r")) {
    char buf[512];
    while (std::fgets(buf, sizeof buf, p) != nullptr) out += buf;
    ::pclose(p);
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

// `text` in single quotes for sh.
std::string sh_quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

struct Frame {
  int x = 0, y = 0, w = 0, h = 0;
};

enum class Backend { kWayland, kX11 };

class GnomeShellTray : public LimberdTest {
 protected:
  void SetUp() override {
    LimberdTest::SetUp();
    if (access(kGnomeShell, X_OK) != 0) GTEST_SKIP() << kGnomeShell << " is not installed (apt-get install gnome-shell)";
    const std::string version = run_text(std::string(kGnomeShell) + " --version 2>/dev/null");
    const int major = std::atoi(version.substr(version.find_last_of(' ') + 1).c_str());
    if (major < 43) GTEST_SKIP() << "the test probe extension needs GNOME Shell 43 or later; this is " << version;
    // GNOME Shell 45 and later load extensions as ES modules only.
    probe_dir_ = std::string(LIMBER_GNOME_PROBE_DIR) + (major >= 45 ? "-esm" : "");
  }

  void TearDown() override {
    tray_.kill_now();
    daemon_.kill_now();
    shell_.stop();
  }

  std::string home() const { return home_.root() + "/home"; }
  std::string shell_runtime() const { return home_.root() + "/shell-run"; }

  // GNOME Shell with the probe and, if asked, the AppIndicator extension,
  // answering Eval, within 30 s.
  ::testing::AssertionResult start_shell(Backend backend, bool appindicator) {
    const fs::path extensions = fs::path(home()) / ".local/share/gnome-shell/extensions";
    std::error_code error;
    fs::create_directories(extensions / kProbe, error);
    fs::create_directories(shell_runtime(), error);
    fs::permissions(shell_runtime(), fs::perms::owner_all, error);
    for (const char* file : {"metadata.json", "extension.js"}) {
      fs::copy_file(fs::path(probe_dir_) / file, extensions / kProbe / file, error);
    }
    const std::string enabled =
        std::string("['") + kProbe + "'" + (appindicator ? std::string(", '") + kAppIndicator + "'" : "") + "]";
    if (error || !DaemonHome::write_file(home_.root() + "/config/glib-2.0/settings/keyfile",
                                         "[org/gnome/shell]\nenabled-extensions=" + enabled + "\n")) {
      return ::testing::AssertionFailure() << "cannot prepare the shell's home: " << error.message();
    }
    std::string err;
    if (!session_.start(&err) || !system_.start(&err)) return ::testing::AssertionFailure() << err;
    std::vector<std::string> argv = {kGnomeShell};
    std::vector<std::string> env = shell_environment();
    if (backend == Backend::kWayland) {
      argv.insert(argv.end(), {"--headless", "--wayland", "--no-x11", "--virtual-monitor", "1280x800",
                               "--wayland-display", "limber-gnome-0"});
    } else {
      if (!xvfb_.start(&err)) return ::testing::AssertionFailure() << err;
      argv.push_back("--x11");
      std::erase(env, std::string("DISPLAY="));
      env.push_back("DISPLAY=" + xvfb_.display());
    }
    if (!shell_.spawn(argv, env, -1, home_.root() + "/gnome-shell.log", &err)) {
      return ::testing::AssertionFailure() << err;
    }
    const auto end = std::chrono::steady_clock::now() + 30s;
    while (std::chrono::steady_clock::now() < end) {
      // GNOME Shell opens the overview at start-up; the user's desktop is
      // what is left when it closes.
      if (eval("String(global.context.unsafe_mode && !Main.layoutManager._startingUp &&"
               " (Main.overview.hide(), !Main.overview.visible))") == "true") {
        return ::testing::AssertionSuccess();
      }
      std::this_thread::sleep_for(250ms);
    }
    return ::testing::AssertionFailure() << "GNOME Shell did not answer Eval within 30 s; its log:\n"
                                         << run_text("tail -n 25 " + sh_quoted(home_.root() + "/gnome-shell.log"));
  }

  std::vector<std::string> shell_environment() const {
    return {"HOME=" + home(),
            "XDG_RUNTIME_DIR=" + shell_runtime(),
            "XDG_CONFIG_HOME=" + home_.root() + "/config",
            "XDG_DATA_HOME=" + home() + "/.local/share",
            "GSETTINGS_BACKEND=keyfile",
            "DBUS_SESSION_BUS_ADDRESS=" + session_.address(),
            "DBUS_SYSTEM_BUS_ADDRESS=" + system_.address(),
            "WAYLAND_DISPLAY=",
            "DISPLAY=",
            "NO_AT_BRIDGE=1"};
  }

  // limberd (Mutter source on the shell's session) and limber-tray on the
  // shell's display; the tray connected.
  ::testing::AssertionResult start_limber(Backend backend) {
    const std::vector<std::string> bus = {"DBUS_SESSION_BUS_ADDRESS=" + session_.address(),
                                          "GSETTINGS_BACKEND=keyfile", "NO_AT_BRIDGE=1"};
    auto started = start({"--log-level=debug", "--source=mutter"}, bus);
    if (!started) return started;
    if (!logged(kReady, 10s)) return logged(kReady, 0s);
    std::vector<std::string> env = bus;
    if (backend == Backend::kWayland) {
      env.insert(env.end(), {"WAYLAND_DISPLAY=" + shell_runtime() + "/limber-gnome-0", "GDK_BACKEND=wayland"});
    } else {
      env.insert(env.end(), {"DISPLAY=" + xvfb_.display(), "GDK_BACKEND=x11"});
    }
    std::string err;
    if (!tray_.start(LIMBER_TRAY_PATH, {"--debug"}, home_.environment(env), &err)) {
      return ::testing::AssertionFailure() << err;
    }
    if (!tray_.wait_for_line("connected to limberd$", 15s)) {
      return ::testing::AssertionFailure() << "limber-tray did not connect; its log:\n" << tray_.stderr_text();
    }
    return ::testing::AssertionSuccess();
  }

  // GNOME Shell's answer to Eval(`js`) when it is a string, else "".
  std::string eval(const std::string& js) const {
    const std::string out =
        run_text("DBUS_SESSION_BUS_ADDRESS=" + sh_quoted(session_.address()) +
                 " gdbus call --session --dest org.gnome.Shell --object-path /org/gnome/Shell"
                 " --method org.gnome.Shell.Eval " +
                 sh_quoted(js) + " 2>&1");
    std::smatch m;
    static const std::regex kString(R"re(^\(true, '"(.*)"'\)$)re");
    return std::regex_match(out, m, kString) ? m[1].str() : "";
  }

  // "x y w h" of `js` (an expression giving a Clutter actor or a frame).
  static std::optional<Frame> parse_frame(const std::string& text) {
    Frame f;
    if (std::sscanf(text.c_str(), "%d %d %d %d", &f.x, &f.y, &f.w, &f.h) != 4) return std::nullopt;
    return f;
  }

  // The frame of the first window whose title starts with "Limber — ",
  // within `timeout`.
  std::optional<Frame> limber_window(milliseconds timeout) const {
    const auto end = std::chrono::steady_clock::now() + timeout;
    std::optional<Frame> frame;
    while (std::chrono::steady_clock::now() < end) {
      frame = parse_frame(
          eval("(() => { const w = global.get_window_actors().map(a => a.meta_window)"
               ".find(w => (w.get_title() || '').startsWith('Limber \u2014 ')); if (!w) return '';"
               " const r = w.get_frame_rect(); return [r.x, r.y, r.width, r.height].join(' '); })()"));
      // The window is sized to its content once mapped: wait for that.
      if (frame && frame->h >= 90) return frame;
      std::this_thread::sleep_for(250ms);
    }
    return frame;
  }

  // Raises the Limber window above all others, as a click on it would.
  void raise_limber_window() const {
    eval("(() => { const w = global.get_window_actors().map(a => a.meta_window)"
         ".find(w => (w.get_title() || '').startsWith('Limber \u2014 ')); if (w) w.activate(global.get_current_time());"
         " return ''; })()");
  }

  // The number of colours in a screenshot of `frame` (0 when it failed).
  int colours_in(const Frame& frame, const std::string& name) const {
    const std::string png = home_.root() + "/" + name + ".png";
    const std::string reply = run_text(
        "DBUS_SESSION_BUS_ADDRESS=" + sh_quoted(session_.address()) +
        " gdbus call --session --dest org.gnome.Shell --object-path /org/gnome/Shell/Screenshot"
        " --method org.gnome.Shell.Screenshot.ScreenshotArea " +
        std::to_string(frame.x) + " " + std::to_string(frame.y) + " " + std::to_string(frame.w) + " " +
        std::to_string(frame.h) + " false " + sh_quoted(png) + " 2>&1");
    if (!fs::exists(png)) {
      ADD_FAILURE() << "no screenshot: " << reply;
      return 0;
    }
    if (const char* keep = std::getenv("LIMBER_SCREENSHOT_DIR")) fs::copy_file(png, fs::path(keep) / (name + ".png"),
                                                                              fs::copy_options::overwrite_existing);
    return std::atoi(run_text("identify -format '%k' " + sh_quoted(png)).c_str());
  }

  void expect_status_window_with_content(Backend backend, const char* name) {
    ASSERT_TRUE(start_shell(backend, false));
    ASSERT_TRUE(start_limber(backend));
    ASSERT_TRUE(tray_.wait_for_line("showing the tray as window \\(", 1s)) << tray_.stderr_text();
    const std::optional<Frame> frame = limber_window(15s);
    ASSERT_TRUE(frame) << "no Limber window in GNOME Shell; tray log:\n" << tray_.stderr_text();
    std::printf("%s: the status window's frame is %dx%d\n", name, frame->w, frame->h);
    // Its content (icon, two lines of text, a row of buttons), not a title
    // bar alone (388x37 before the fix).
    EXPECT_GE(frame->w, 300);
    EXPECT_GE(frame->h, 90);
    raise_limber_window();
    std::this_thread::sleep_for(500ms);  // the next frame is drawn
    // Below the title bar: the content, drawn.
    const Frame content{frame->x, frame->y + 40, frame->w, frame->h - 40};
    EXPECT_GE(colours_in(content, name), 30) << "the window shows no content";
  }

  std::string probe_dir_;  // gnome-probe/ (43, 44) or gnome-probe-esm/ (45 and later)
  PrivateBus session_;
  PrivateBus system_;
  XvfbServer xvfb_;
  ChildProcess shell_;
  DaemonProcess tray_;
};

TEST_F(GnomeShellTray, StockWaylandShowsTheStatusWindowWithItsContent) {
  expect_status_window_with_content(Backend::kWayland, "gnome-wayland-status-window");
}

TEST_F(GnomeShellTray, StockX11ShowsTheStatusWindowWithItsContent) {
  expect_status_window_with_content(Backend::kX11, "gnome-x11-status-window");
}

// With the AppIndicator extension, the tray registers a StatusNotifierItem,
// which the extension draws in the top bar with Limber's icon; no status
// window opens.
TEST_F(GnomeShellTray, AppIndicatorExtensionShowsLimberInTheTopBar) {
  ASSERT_TRUE(start_shell(Backend::kWayland, true));
  ASSERT_TRUE(start_limber(Backend::kWayland));
  ASSERT_TRUE(tray_.wait_for_line("showing the tray as appindicator \\(", 1s)) << tray_.stderr_text();
  const std::string find_item =
      "(() => { const sa = Main.panel.statusArea;"
      " const k = Object.keys(sa).find(k => k.startsWith('appindicator-') && k.includes('limber'));"
      " if (!k) return ''; const a = sa[k]; if (!a.visible || !a.mapped) return 'hidden';"
      " const [x, y] = a.get_transformed_position(); return [x, y, a.width, a.height].join(' '); })()";
  std::optional<Frame> item;
  const auto end = std::chrono::steady_clock::now() + 15s;
  std::string last;
  while (!item && std::chrono::steady_clock::now() < end) {
    last = eval(find_item);
    item = parse_frame(last);
    if (!item) std::this_thread::sleep_for(250ms);
  }
  ASSERT_TRUE(item) << "no Limber item in the top bar (last answer: '" << last << "'); tray log:\n"
                    << tray_.stderr_text();
  const int panel_height = std::atoi(eval("String(Main.panel.height)").c_str());
  std::printf("the top bar (%d px high) shows Limber at %d,%d, %dx%d\n", panel_height, item->x, item->y, item->w,
              item->h);
  EXPECT_EQ(item->y, 0) << "in the top bar";
  EXPECT_GT(item->w, 0);
  EXPECT_LE(item->h, panel_height);
  std::this_thread::sleep_for(500ms);
  EXPECT_GE(colours_in(*item, "gnome-appindicator"), 10) << "nothing drawn";
  // The icons the extension draws for the item (any St.Icon under it, as
  // "type string": the extension's internals differ between versions), and
  // none is the missing-icon placeholder.
  const std::string icons = eval(
      "(() => { const sa = Main.panel.statusArea;"
      " const a = sa[Object.keys(sa).find(k => k.startsWith('appindicator-') && k.includes('limber'))];"
      " const found = []; const walk = x => { if (x.gicon) found.push(x.gicon.constructor.name + ' ' +"
      " (x.gicon.to_string() || '')); (x.get_children ? x.get_children() : []).forEach(walk); };"
      " if (a) walk(a); return found.join(' | '); })()");
  std::printf("its icons: %s\n", icons.c_str());
  EXPECT_FALSE(icons.empty()) << "the item shows no icon";
  EXPECT_EQ(icons.find("image-missing"), std::string::npos) << icons;
  EXPECT_FALSE(limber_window(1s)) << "a status window opened although the top bar shows Limber";
}

}  // namespace
}  // namespace limber::test
