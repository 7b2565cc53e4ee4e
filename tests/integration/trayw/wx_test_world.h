// WxTestWorld: what the tray-window tests need around wx — a private Xvfb
// big enough for the windows (1280x1024), wx initialised on it, the event
// loop pumped until a condition holds, the widget tree searched by name and
// label, and screenshots of a top-level window as PNG.
//
// One world per test program: wx cannot be initialised twice. main()
// (trayw_test_main.cc) creates it before the tests run.
//
// Test-only; UI thread only.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <functional>
#include <string>
#include <vector>

class wxImage;
class wxWindow;

namespace limber::test {

// Starts Xvfb and wx on it. False, with *err, if either fails.
bool start_wx_world(int argc, char** argv, std::string* err);
void stop_wx_world();

// Runs wx's event loop until `done()` is true or `timeout` passes; returns
// done()'s last value.
bool pump_until(const std::function<bool()>& done, std::chrono::milliseconds timeout);
// Runs the event loop for `time` (lets layout and painting settle).
void pump_for(std::chrono::milliseconds time);

// The window named `name` at or under `root` (depth first), or null.
wxWindow* find_named(wxWindow* root, const std::string& name);
// Every label (GetLabel) at or under `root`, shown or not, in tree order,
// with line breaks (from wrapping) as spaces.
std::vector<std::string> labels_under(wxWindow* root);
// True when some label under `root` that is shown on screen contains `text`.
bool shows_text(wxWindow* root, const std::string& text);
// Sends a button click (wxEVT_BUTTON) as a mouse click would.
void click(wxWindow* button);

// The top-level window as GTK draws it (into an image, not read back from
// the screen).
bool capture_window(wxWindow* top_level, wxImage* image, std::string* err);
// Distinct colours in `image`, counting at most `limit` of them: a blank
// or single-colour capture has 1 or 2.
size_t distinct_colours(const wxImage& image, size_t limit = 64);

}  // namespace limber::test
