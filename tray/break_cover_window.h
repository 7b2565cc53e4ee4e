// BreakCoverWindow: in strict mode, a plain full-screen window over each
// monitor that does not show the prompt, so the break covers every screen
// until it ends. BreakPrompts opens and closes them with the prompt.
//
// Threading: the UI thread.
#pragma once

#include <wx/frame.h>

namespace limber::tray {

class BreakCoverWindow final : public wxFrame {
 public:
  // Covers the monitor whose geometry is `area`.
  explicit BreakCoverWindow(const wxRect& area);
};

}  // namespace limber::tray
