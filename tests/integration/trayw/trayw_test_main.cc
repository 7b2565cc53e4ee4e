// main() for the tray-window tests: wx needs one process-wide start on an
// X server before any test opens a window, and one clean-up at the end.
#include <gtest/gtest.h>
#include <wx/app.h>

#include <cstdio>

#define LIMBER_NO_GETTEXT_MACROS  // wx's _() here
#include "limber/i18n.h"
#include "wx_test_world.h"

namespace {

class TrayWindowsTestApp : public wxApp {
 public:
  bool OnInit() override { return true; }
};

}  // namespace

wxIMPLEMENT_APP_NO_MAIN(TrayWindowsTestApp);

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  // gtest_discover_tests lists the tests without an X server.
  if (::testing::GTEST_FLAG(list_tests)) return RUN_ALL_TESTS();
  // As limber-tray's main() does: a UTF-8 character set whatever the locale.
  limber::start_i18n();
  std::string err;
  if (!limber::test::start_wx_world(argc, argv, &err)) {
    std::fprintf(stderr, "cannot start the test's desktop: %s\n", err.c_str());
    limber::test::stop_wx_world();
    return 1;
  }
  const int status = RUN_ALL_TESTS();
  limber::test::stop_wx_world();
  return status;
}
