#include "tray_icon_art.h"

#include <sys/stat.h>
#include <unistd.h>

#include <wx/brush.h>
#include <wx/graphics.h>
#include <wx/pen.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <vector>

namespace limber::tray {

namespace {

constexpr TrayIconState kAllStates[] = {TrayIconState::kActive, TrayIconState::kBreakDue, TrayIconState::kPaused,
                                        TrayIconState::kQuiet, TrayIconState::kDisconnected};

std::vector<std::string> split_dirs(const std::string& list) {
  std::vector<std::string> out;
  std::stringstream in(list);
  std::string dir;
  while (std::getline(in, dir, ':')) {
    if (!dir.empty()) out.push_back(dir);
  }
  return out;
}

// Where an icon may be: the flat source-tree layout and the hicolor
// theme's scalable/status folder.
std::vector<std::string> candidate_paths(std::string_view name) {
  std::vector<std::string> roots = split_dirs(LIMBER_ICON_DIRS);
  const char* data_dirs = std::getenv("XDG_DATA_DIRS");
  for (const std::string& d : split_dirs(data_dirs != nullptr && *data_dirs ? data_dirs : "/usr/local/share:/usr/share")) {
    roots.push_back(d + "/icons/hicolor");
  }
  const std::string file = std::string(name) + ".svg";
  std::vector<std::string> out;
  for (const std::string& r : roots) {
    out.push_back(r + "/" + file);
    out.push_back(r + "/scalable/status/" + file);
    out.push_back(r + "/hicolor/scalable/status/" + file);
  }
  return out;
}

wxColour state_colour(TrayIconState state) {
  // The illustrations' palette (config/illustrations/README.md).
  switch (state) {
    case TrayIconState::kActive: return wxColour(0x2d, 0x5b, 0x88);
    case TrayIconState::kBreakDue: return wxColour(0xe2, 0x71, 0x1d);
    case TrayIconState::kPaused: return wxColour(0x7d, 0x8b, 0x99);
    case TrayIconState::kQuiet: return wxColour(0x5e, 0x54, 0x8e);
    case TrayIconState::kDisconnected: return wxColour(0x9f, 0xad, 0xbb);
  }
  return *wxBLACK;
}

}  // namespace

std::string find_status_icon_svg(std::string_view name) {
  std::error_code ec;
  for (const std::string& p : candidate_paths(name)) {
    if (std::filesystem::is_regular_file(p, ec)) return p;
  }
  return {};
}

wxImage drawn_status_icon(TrayIconState state, int px) {
  wxImage image(px, px);
  image.InitAlpha();
  std::fill_n(image.GetAlpha(), static_cast<size_t>(px) * static_cast<size_t>(px), static_cast<unsigned char>(0));
  std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(image));
  if (!gc) return image;
  gc->SetAntialiasMode(wxANTIALIAS_DEFAULT);
  const double size = px;
  const double pad = size * 0.08;
  const wxColour colour = state_colour(state);
  if (state == TrayIconState::kDisconnected) {
    gc->SetPen(wxPen(colour, std::max(2, px / 8)));
    gc->SetBrush(*wxTRANSPARENT_BRUSH);
    const double inset = pad + size / 16;
    gc->DrawEllipse(inset, inset, size - 2 * inset, size - 2 * inset);
  } else {
    gc->SetPen(*wxTRANSPARENT_PEN);
    gc->SetBrush(wxBrush(colour));
    gc->DrawEllipse(pad, pad, size - 2 * pad, size - 2 * pad);
    gc->SetBrush(wxBrush(*wxWHITE));
    if (state == TrayIconState::kPaused) {
      const double w = size * 0.12, h = size * 0.38;
      gc->DrawRectangle(size * 0.36, (size - h) / 2, w, h);
      gc->DrawRectangle(size * 0.52, (size - h) / 2, w, h);
    } else if (state == TrayIconState::kQuiet) {
      // A crescent: the quiet moon.
      gc->DrawEllipse(size * 0.28, size * 0.26, size * 0.44, size * 0.44);
      gc->SetBrush(wxBrush(colour));
      gc->DrawEllipse(size * 0.40, size * 0.20, size * 0.40, size * 0.40);
    } else {
      // A head and a stretching figure's arms, as in the illustrations.
      gc->DrawEllipse(size * 0.42, size * 0.22, size * 0.16, size * 0.16);
      gc->SetPen(wxPen(*wxWHITE, std::max(1, px / 10)));
      gc->StrokeLine(size * 0.30, size * 0.46, size * 0.70, size * 0.46);
      gc->StrokeLine(size * 0.50, size * 0.42, size * 0.50, size * 0.80);
    }
  }
  gc.reset();
  return image;
}

wxBitmapBundle status_icon(TrayIconState state, int size) {
  const std::string svg = find_status_icon_svg(icon_name(state));
  if (!svg.empty()) {
    wxBitmapBundle bundle = wxBitmapBundle::FromSVGFile(wxString::FromUTF8(svg), wxSize(size, size));
    if (bundle.IsOk()) return bundle;
  }
  wxVector<wxBitmap> sizes;
  for (int scale : {1, 2}) sizes.push_back(wxBitmap(drawn_status_icon(state, size * scale)));
  return wxBitmapBundle::FromBitmaps(sizes);
}

std::string prepare_icon_theme_dir(const std::string& cache_dir) {
  if (cache_dir.empty()) return {};
  const std::string dir = cache_dir + "/icons";
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return {};
  for (TrayIconState state : kAllStates) {
    const std::string name(icon_name(state));
    const std::string svg = find_status_icon_svg(name);
    if (!svg.empty()) {
      std::filesystem::copy_file(svg, dir + "/" + name + ".svg", std::filesystem::copy_options::overwrite_existing, ec);
      if (!ec) continue;
    }
    if (!drawn_status_icon(state, 64).SaveFile(wxString::FromUTF8(dir + "/" + name + ".png"), wxBITMAP_TYPE_PNG)) {
      return {};
    }
  }
  return dir;
}

}  // namespace limber::tray
