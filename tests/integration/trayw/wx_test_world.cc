#include "wx_test_world.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <wx/app.h>
#include <wx/evtloop.h>
#include <wx/image.h>
#include <wx/init.h>
#include <wx/window.h>

#include <gtk/gtk.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <set>
#include <thread>

namespace limber::test {

namespace {

using Clock = std::chrono::steady_clock;

pid_t xvfb_pid = -1;
wxGUIEventLoop* loop = nullptr;
wxEventLoopActivator* activator = nullptr;

bool start_xvfb(std::string* display, std::string* err) {
  int fds[2];
  if (pipe(fds) != 0) {
    *err = "pipe failed";
    return false;
  }
  xvfb_pid = fork();
  if (xvfb_pid < 0) {
    *err = "fork failed";
    return false;
  }
  if (xvfb_pid == 0) {
    fcntl(fds[1], F_SETFD, 0);  // the one fd Xvfb must inherit
    const int null = open("/dev/null", O_WRONLY);
    dup2(null, 1);
    dup2(null, 2);
    const std::string fd = std::to_string(fds[1]);
    execlp("Xvfb", "Xvfb", "-displayfd", fd.c_str(), "-nolisten", "tcp", "-noreset", "-screen", "0",
           "1280x1024x24", static_cast<char*>(nullptr));
    _exit(127);
  }
  close(fds[1]);
  std::string number;
  const auto deadline = Clock::now() + std::chrono::seconds(10);
  while (number.find('\n') == std::string::npos && Clock::now() < deadline) {
    pollfd p{fds[0], POLLIN, 0};
    if (poll(&p, 1, 200) <= 0) continue;
    char buf[16];
    const ssize_t n = read(fds[0], buf, sizeof buf);
    if (n <= 0) break;
    number.append(buf, static_cast<size_t>(n));
  }
  close(fds[0]);
  if (number.find('\n') == std::string::npos) {
    *err = "Xvfb did not start (is the xvfb package installed?)";
    return false;
  }
  *display = ":" + number.substr(0, number.find('\n'));
  return true;
}

}  // namespace

bool start_wx_world(int argc, char** argv, std::string* err) {
  std::string display;
  if (!start_xvfb(&display, err)) return false;
  setenv("DISPLAY", display.c_str(), 1);
  setenv("GDK_BACKEND", "x11", 1);
  unsetenv("WAYLAND_DISPLAY");
  setenv("NO_AT_BRIDGE", "1", 1);  // no accessibility bus in a test
  setenv("GTK_CSD", "0", 1);
  if (!wxEntryStart(argc, argv)) {
    *err = "wxWidgets did not start on " + display;
    return false;
  }
  wxInitAllImageHandlers();
  loop = new wxGUIEventLoop;
  activator = new wxEventLoopActivator(loop);
  return true;
}

void stop_wx_world() {
  delete activator;
  delete loop;
  activator = nullptr;
  loop = nullptr;
  wxEntryCleanup();
  if (xvfb_pid > 0) {
    kill(xvfb_pid, SIGKILL);
    waitpid(xvfb_pid, nullptr, 0);
    xvfb_pid = -1;
  }
}

namespace {

void pump_once() {
  while (loop->Pending()) loop->Dispatch();
  if (wxTheApp != nullptr) {
    wxTheApp->ProcessPendingEvents();
    wxTheApp->ProcessIdle();
  }
}

}  // namespace

bool pump_until(const std::function<bool()>& done, std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  while (true) {
    pump_once();
    if (done()) return true;
    if (Clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

void pump_for(std::chrono::milliseconds time) {
  pump_until([] { return false; }, time);
}

wxWindow* find_named(wxWindow* root, const std::string& name) {
  if (root == nullptr) return nullptr;
  if (root->GetName() == wxString::FromUTF8(name.c_str())) return root;
  for (wxWindow* child : root->GetChildren()) {
    if (wxWindow* found = find_named(child, name)) return found;
  }
  return nullptr;
}

namespace {

void collect_labels(wxWindow* root, bool shown_only, std::vector<std::string>* out) {
  if (shown_only && !root->IsShown()) return;
  // Wrapped text has newlines where the lines break: compare it as one line.
  wxString label = root->GetLabel();
  label.Replace("\n", " ");
  if (!label.empty()) out->push_back(std::string(label.utf8_str()));
  for (wxWindow* child : root->GetChildren()) collect_labels(child, shown_only, out);
}

}  // namespace

std::vector<std::string> labels_under(wxWindow* root) {
  std::vector<std::string> labels;
  if (root != nullptr) collect_labels(root, false, &labels);
  return labels;
}

bool shows_text(wxWindow* root, const std::string& text) {
  std::vector<std::string> labels;
  if (root != nullptr) collect_labels(root, true, &labels);
  for (const std::string& l : labels) {
    if (l.find(text) != std::string::npos) return true;
  }
  return false;
}

void click(wxWindow* button) {
  wxCommandEvent event(wxEVT_BUTTON, button->GetId());
  event.SetEventObject(button);
  button->GetEventHandler()->ProcessEvent(event);
}

bool capture_window(wxWindow* top_level, wxImage* image, std::string* err) {
  top_level->Raise();
  top_level->Update();
  pump_for(std::chrono::milliseconds(300));
  // GTK draws the window into an image of its own, as it would on screen:
  // no dependence on what the X server shows (no window manager here, so
  // a closed window's pixels may linger on the root window).
  auto* widget = static_cast<GtkWidget*>(top_level->GetHandle());
  const int width = gtk_widget_get_allocated_width(widget);
  const int height = gtk_widget_get_allocated_height(widget);
  if (width <= 1 || height <= 1) {
    *err = "the window has no size";
    return false;
  }
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
  cairo_t* cr = cairo_create(surface);
  gtk_widget_draw(widget, cr);
  cairo_destroy(cr);
  cairo_surface_flush(surface);
  image->Create(width, height, false);
  const unsigned char* data = cairo_image_surface_get_data(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      uint32_t pixel = 0;
      std::memcpy(&pixel, data + static_cast<ptrdiff_t>(y) * stride + x * 4, sizeof pixel);
      image->SetRGB(x, y, static_cast<unsigned char>(pixel >> 16), static_cast<unsigned char>(pixel >> 8),
                    static_cast<unsigned char>(pixel));
    }
  }
  cairo_surface_destroy(surface);
  return image->IsOk();
}

size_t distinct_colours(const wxImage& image, size_t limit) {
  std::set<unsigned long> colours;
  const unsigned char* data = image.GetData();
  const size_t pixels = static_cast<size_t>(image.GetWidth()) * static_cast<size_t>(image.GetHeight());
  for (size_t i = 0; i < pixels && colours.size() < limit; i += 7) {
    colours.insert((static_cast<unsigned long>(data[3 * i]) << 16) | (static_cast<unsigned long>(data[3 * i + 1]) << 8) |
                   data[3 * i + 2]);
  }
  return colours.size();
}

}  // namespace limber::test
