#include "tray_window_fixture.h"

#include <wx/image.h>
#include <wx/toplevel.h>
#include <wx/window.h>

#include <cstdlib>

#include "tray_windows.h"
#include "wx_test_world.h"

namespace limber::test {

using namespace std::chrono_literals;

void TrayWindowTest::TearDown() {
  close_windows();
  link_.reset();
  pump_for(50ms);
}

::testing::AssertionResult TrayWindowTest::start_daemon(const std::vector<std::string>& args,
                                                        const std::string& policy) {
  if (!home_.ok()) return ::testing::AssertionFailure() << "cannot create a temp dir";
  if (!policy.empty() && !DaemonHome::write_file(policy_file(), policy)) {
    return ::testing::AssertionFailure() << "cannot write " << policy_file();
  }
  std::vector<std::string> all{"-f", "--demo", "--source", "demo"};
  all.insert(all.end(), args.begin(), args.end());
  std::string err;
  if (!daemon_.start(limberd_path(), all, home_.environment(), &err)) return ::testing::AssertionFailure() << err;
  if (!daemon_.wait_for_line("limberd: ready$", 15s)) {
    return ::testing::AssertionFailure() << "limberd did not get ready; its log:\n" << daemon_.stderr_text();
  }
  const std::string socket = home_.runtime_dir() + "/limber/limberd.sock";
  if (Status st = client_.connect(socket); !st) {
    return ::testing::AssertionFailure() << "cannot connect to " << socket << ": " << st.message();
  }
  if (!client_.hello("trayw-test").ok()) return ::testing::AssertionFailure() << "hello failed";
  link_ = std::make_unique<tray::DaemonConnection>(socket, "limber-tray-test");
  link_->start();
  if (!pump_until([this] { return link_->connected(); }, 10s)) {
    return ::testing::AssertionFailure() << "the tray's DaemonConnection did not connect to " << socket;
  }
  return ::testing::AssertionSuccess();
}

rpc::Json TrayWindowTest::call(const std::string& method, const rpc::Json& params) {
  const CallResult r = client_.call(method, params);
  EXPECT_TRUE(r.ok()) << method << ": " << r.error.message;
  return r.result;
}

wxWindow* TrayWindowTest::open(int which, const std::string& frame_name) {
  tray::show_tray_window(static_cast<tray::TrayWindow>(which), nullptr, *link_);
  wxWindow* frame = nullptr;
  pump_until(
      [&] {
        frame = wxWindow::FindWindowByName(wxString::FromUTF8(frame_name.c_str()));
        return frame != nullptr && frame->IsShownOnScreen();
      },
      5s);
  return frame;
}

void TrayWindowTest::close_windows() {
  for (wxWindow* top : wxTopLevelWindows) top->Destroy();
  pump_until([] { return wxTopLevelWindows.empty(); }, 5s);
}

::testing::AssertionResult TrayWindowTest::screenshot(wxWindow* frame, const std::string& name) {
  wxImage image;
  std::string err;
  if (!capture_window(frame, &image, &err)) return ::testing::AssertionFailure() << err;
  const size_t colours = distinct_colours(image);
  if (colours < 8) {
    return ::testing::AssertionFailure() << "the screenshot of " << name << " is blank (" << colours
                                         << " colours)";
  }
  std::vector<std::string> dirs{TRAYW_SCREENSHOT_DIR};
  if (const char* extra = std::getenv("LIMBER_SCREENSHOT_DIR"); extra != nullptr && extra[0] != '\0') {
    dirs.emplace_back(extra);
  }
  for (const std::string& dir : dirs) {
    const std::string path = dir + "/" + name + ".png";
    if (!image.SaveFile(wxString::FromUTF8(path.c_str()), wxBITMAP_TYPE_PNG)) {
      return ::testing::AssertionFailure() << "cannot write " << path;
    }
  }
  return ::testing::AssertionSuccess();
}

}  // namespace limber::test
