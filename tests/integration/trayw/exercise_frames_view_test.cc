// The break prompt's step frames on a real wx picture (private Xvfb): the
// next step's frame comes after the hold, through a cross-fade, and with
// GTK's reduced-motion setting without one.
#include "exercise_frames_view.h"

#include <gtest/gtest.h>
#include <gtk/gtk.h>
#include <unistd.h>
#include <wx/frame.h>
#include <wx/statbmp.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "wx_test_world.h"

namespace limber::tray {
namespace {

using namespace std::chrono_literals;

// A frame that is one flat colour, so the picture's centre says which frame
// (or which mix of two) shows.
void write_frame(const std::string& path, const char* colour) {
  std::ofstream(path) << "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 160 160\">"
                      << "<rect x=\"0\" y=\"0\" width=\"160\" height=\"160\" fill=\"" << colour
                      << "\"/></svg>\n";
}

class FramesViewTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char templ[] = "/tmp/limber-frames-XXXXXX";
    ASSERT_NE(mkdtemp(templ), nullptr);
    dir_ = templ;
    write_frame(dir_ + "/ex.svg", "#00ff00");
    write_frame(dir_ + "/ex-1.svg", "#ff0000");
    write_frame(dir_ + "/ex-2.svg", "#0000ff");
    frame_ = new wxFrame(nullptr, wxID_ANY, "frames");
    picture_ = new wxStaticBitmap(frame_, wxID_ANY, wxBitmap(160, 160));
    frame_->Show();
  }
  void TearDown() override {
    g_object_set(gtk_settings_get_default(), "gtk-enable-animations", TRUE, nullptr);
    frame_->Destroy();
    test::pump_for(50ms);
    std::filesystem::remove_all(dir_);
  }
  // The red and blue of the picture's centre pixel.
  std::pair<int, int> centre() const {
    const wxImage image = picture_->GetBitmap().ConvertToImage();
    return {image.GetRed(80, 80), image.GetBlue(80, 80)};
  }
  // Samples the picture until the second frame (blue) shows; returns every
  // red/blue pair seen on the way.
  std::set<std::pair<int, int>> watch_until_second_frame() {
    std::set<std::pair<int, int>> seen;
    test::pump_until(
        [&] {
          seen.insert(centre());
          return centre() == std::make_pair(0, 255);
        },
        6s);
    return seen;
  }

  std::string dir_;
  wxFrame* frame_ = nullptr;
  wxStaticBitmap* picture_ = nullptr;
};

TEST_F(FramesViewTest, ShowsTheFirstStepThenCrossFadesToTheNextAfterItsTime) {
  ExerciseFramesView view(picture_, wxSize(160, 160));
  ASSERT_TRUE(view.play(dir_ + "/ex.svg", {0, 0}));
  EXPECT_EQ(centre(), std::make_pair(255, 0));
  test::pump_for(2500ms);  // a movement step shows for 3 s
  EXPECT_EQ(centre(), std::make_pair(255, 0));
  const auto seen = watch_until_second_frame();
  EXPECT_TRUE(seen.count({0, 255}));
  bool mixed = false;
  for (const auto& [red, blue] : seen) mixed |= red > 20 && red < 235 && blue > 20 && blue < 235;
  EXPECT_TRUE(mixed) << "no cross-fade frame between red and blue";
}

TEST_F(FramesViewTest, ReducedMotionSwitchesFramesWithoutAFade) {
  g_object_set(gtk_settings_get_default(), "gtk-enable-animations", FALSE, nullptr);
  ASSERT_FALSE(ExerciseFramesView::animations_enabled());
  ExerciseFramesView view(picture_, wxSize(160, 160));
  ASSERT_TRUE(view.play(dir_ + "/ex.svg", {0, 0}));
  const auto seen = watch_until_second_frame();
  EXPECT_EQ(seen, (std::set<std::pair<int, int>>{{255, 0}, {0, 255}}));
}

TEST_F(FramesViewTest, AnExerciseWithoutFramesKeepsItsStillPicture) {
  ExerciseFramesView view(picture_, wxSize(160, 160));
  EXPECT_FALSE(view.play(dir_ + "/ex.svg", {0, 0, 5}));  // no ex-3.svg
  EXPECT_FALSE(view.playing());
}

}  // namespace
}  // namespace limber::tray
