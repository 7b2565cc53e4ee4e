#include "tray_fixture.h"

#include <regex>

#include "history_db.h"
#include "limber/ipc_client.h"

namespace limber::test {

Typist::Typist() {
  thread_ = std::thread([this] {
    while (running_) {
      run_xdotool({"key", "shift"});
      std::this_thread::sleep_for(150ms);
    }
  });
}

void Typist::stop() {
  running_ = false;
  if (thread_.joinable()) thread_.join();
}

void TrayTest::SetUp() {
  LimberdTest::SetUp();
  std::string err;
  ASSERT_TRUE(xvfb_.start(&err)) << err;
  display_.emplace("DISPLAY", xvfb_.display().c_str());  // for xdotool
  ASSERT_TRUE(home_.write_user_config(std::string(kTrayRules) + kWindowPrompt));
}

::testing::AssertionResult TrayTest::start_daemon() {
  auto started = start({"--log-level=debug", "--source=x11", kShortScale}, {"DISPLAY=" + xvfb_.display()});
  if (!started) return started;
  return logged(kReady, 10s);
}

std::vector<std::string> TrayTest::tray_environment() const {
  // NO_AT_BRIDGE: no accessibility bus exists here; GTK would wait for it.
  return home_.environment({"DISPLAY=" + xvfb_.display(), "GDK_BACKEND=x11", "NO_AT_BRIDGE=1"});
}

::testing::AssertionResult TrayTest::start_tray(DaemonProcess& process) {
  std::string err;
  if (!process.start(LIMBER_TRAY_PATH, {"--debug"}, tray_environment(), &err)) {
    return ::testing::AssertionFailure() << err;
  }
  return ::testing::AssertionSuccess();
}

::testing::AssertionResult TrayTest::tray_logged(const std::string& pattern, milliseconds timeout, size_t from,
                                                 size_t* index) {
  if (auto at = tray_.wait_for_line(pattern, timeout, from)) {
    if (index != nullptr) *index = *at;
    return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure() << "limber-tray logged no line matching /" << pattern << "/ within "
                                       << timeout.count() << " ms; its log:\n"
                                       << tray_.stderr_text() << "\nlimberd's log:\n"
                                       << daemon_.stderr_text();
}

::testing::AssertionResult TrayTest::daemon_sees_tray(bool want, milliseconds timeout) {
  const auto end = std::chrono::steady_clock::now() + timeout;
  std::string last;
  while (std::chrono::steady_clock::now() < end) {
    IpcClient client;
    if (client.connect(home_.runtime_dir() + "/limber/limberd.sock") && client.hello("tray-test").ok()) {
      CallResult r = client.call("status");
      if (r.ok()) {
        last = r.result.dump();
        if (r.result.value("tray_connected", !want) == want) return ::testing::AssertionSuccess();
      }
    }
    std::this_thread::sleep_for(100ms);
  }
  return ::testing::AssertionFailure() << "limberd's status.tray_connected did not become " << want
                                       << "; last status: " << last << "\ntray log:\n"
                                       << tray_.stderr_text();
}

bool TrayTest::window_exists(const std::string& regex, milliseconds timeout) {
  const auto end = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < end) {
    if (run_xdotool({"search", "--name", regex})) return true;
    std::this_thread::sleep_for(100ms);
  }
  return false;
}

bool TrayTest::window_gone(const std::string& regex, milliseconds timeout) {
  const auto end = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < end) {
    if (!run_xdotool({"search", "--name", regex})) return true;
    std::this_thread::sleep_for(100ms);
  }
  return false;
}

::testing::AssertionResult TrayTest::click_prompt_button(const std::string& name, size_t from) {
  size_t at = 0;
  auto found = tray_logged("prompt: button " + name + " at [0-9]+,[0-9]+$", 10s, from, &at);
  if (!found) return found;
  // The latest position: the layout may have changed since the first line.
  std::smatch m;
  std::string x, y;
  const std::vector<std::string> lines = tray_.lines();
  const std::regex re("prompt: button " + name + " at ([0-9]+),([0-9]+)$");
  for (size_t i = at; i < lines.size(); ++i) {
    if (std::regex_search(lines[i], m, re)) {
      x = m[1];
      y = m[2];
    }
  }
  if (!run_xdotool({"mousemove", x, y}) || !run_xdotool({"click", "1"})) {
    return ::testing::AssertionFailure() << "xdotool could not click at " << x << "," << y;
  }
  return ::testing::AssertionSuccess();
}

std::string TrayTest::first_outcome() {
  HistoryDb db;
  std::string err;
  if (!db.open(home_.history_path(), &err)) return "cannot open history: " + err;
  return db.text("SELECT outcome FROM breaks WHERE outcome IS NOT NULL ORDER BY id LIMIT 1").value_or("");
}

}  // namespace limber::test
