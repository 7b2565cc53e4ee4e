// The notification names Limber's installed theme icon when limber-notify
// runs installed, and the source tree's SVG by absolute path when it runs
// from the build tree (where no theme has the icon).
#include "notify/notification_icon.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

namespace limber {
namespace {

// An SVG file in the test's temporary directory, removed at the end.
class SvgFile {
 public:
  SvgFile() : path_(::testing::TempDir() + "/limber-icon-" + std::to_string(::getpid()) + ".svg") {
    std::ofstream(path_) << "<svg/>";
  }
  ~SvgFile() { ::unlink(path_.c_str()); }
  SvgFile(const SvgFile&) = delete;
  SvgFile& operator=(const SvgFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

TEST(NotificationIcon, InstalledHelperNamesTheThemeIcon) {
  const SvgFile file;
  const std::string& svg = file.path();
  ASSERT_EQ(::access(svg.c_str(), R_OK), 0);
  EXPECT_EQ(choose_notification_icon("/usr/libexec/limber", "/usr/libexec/limber", svg), "io.github.limber");
}

TEST(NotificationIcon, BuildTreeHelperNamesTheSourceSvgByAbsolutePath) {
  const SvgFile file;
  const std::string& svg = file.path();
  ASSERT_EQ(::access(svg.c_str(), R_OK), 0);
  EXPECT_EQ(choose_notification_icon("/home/u/limber/build/ci/daemon", "/usr/libexec/limber", svg), svg);
}

TEST(NotificationIcon, RelocatedHelperWithoutTheSourceTreeNamesTheThemeIcon) {
  EXPECT_EQ(choose_notification_icon("/opt/limber/libexec", "/usr/libexec/limber",
                                     ::testing::TempDir() + "/no-such-limber-icon.svg"),
            "io.github.limber");
}

TEST(NotificationIcon, ThisBuildsHelperFindsTheSourceTreeIcon) {
  // The test runs from the build tree, like a limber-notify built next to it.
  const std::string icon = notification_icon();
  EXPECT_EQ(icon.front(), '/') << icon;
  EXPECT_NE(icon.find("/packaging/icons/hicolor/scalable/apps/io.github.limber.svg"), std::string::npos) << icon;
}

}  // namespace
}  // namespace limber
