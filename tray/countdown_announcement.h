// What a screen reader hears of the break countdown. The countdown label
// changes every second; a screen reader that followed it would read the
// time again and again. Instead the label's accessible name is frozen and
// replaced only at a few moments: when the prompt appears, when the break
// starts, half-way through a break of a minute or more, and 10 seconds
// before the end.
#pragma once

#include <cstdint>

class wxWindow;
class wxString;

namespace limber::tray {

// Which of those moments the countdown is at: 0 before the start, 1 after
// it, 2 from half-way (breaks of 60 s or more), 3 in the last 10 s. The
// accessible name is updated when this number changes.
int countdown_moment(int64_t duration_s, int64_t progress_s, bool started);

// Sets the name assistive technology reads for `window` (GTK: its ATK
// object), which then no longer follows the window's label.
void set_accessible_name(wxWindow* window, const wxString& name);

}  // namespace limber::tray
