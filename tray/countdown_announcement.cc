#include "countdown_announcement.h"

#include <gtk/gtk.h>
#include <wx/window.h>

namespace limber::tray {

int countdown_moment(int64_t duration_s, int64_t progress_s, bool started) {
  if (!started) return 0;
  const int64_t remaining = duration_s - progress_s;
  if (remaining <= 10 && duration_s > 10) return 3;
  if (duration_s >= 60 && progress_s * 2 >= duration_s) return 2;
  return 1;
}

void set_accessible_name(wxWindow* window, const wxString& name) {
  if (window == nullptr) return;
  auto* widget = static_cast<GtkWidget*>(static_cast<void*>(window->GetHandle()));
  if (widget == nullptr) return;
  if (AtkObject* accessible = gtk_widget_get_accessible(widget)) {
    atk_object_set_name(accessible, name.utf8_str().data());
  }
}

}  // namespace limber::tray
