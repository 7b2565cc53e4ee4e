// contact_sheet: renders every exercise illustration of the catalog with
// wxWidgets' own SVG support (the renderer limber-tray uses) into one PNG,
// a light half above a dark half, with each exercise's name under its tile,
// and below them every step frame, one band per exercise.
//
//   contact_sheet CATALOG.toml OUT.png
//
// It is the real render check of the illustrations: an SVG that wx cannot
// draw, or draws empty, makes it fail. Needs a display (run it under
// `xvfb-run -a`). Exit status 0 when every tile rendered and the PNG was
// written, 1 otherwise.
#include <wx/bmpbndl.h>
#include <wx/rawbmp.h>
#include <wx/wx.h>

#include <cstdio>
#include <string>
#include <vector>

#include "limber/catalog.h"

namespace {

constexpr int kIcon = 160;  // the size the tray shows illustrations at
constexpr int kCell = 200;  // tile width and height including the label
constexpr int kColumns = 8;
constexpr int kMargin = 20;
// The step frames: smaller tiles, two exercises to a row, name on the left.
constexpr int kFrame = 72;
constexpr int kFrameGap = 6;
constexpr int kFrameLabel = 190;
constexpr int kFrameRow = kFrame + 14;
constexpr int kFrameBlocks = 2;

// Whether the rendered bitmap has any visible pixel: nanosvg silently
// draws nothing for elements it does not support.
bool has_visible_pixels(const wxBitmap& bitmap) {
  wxImage image = bitmap.ConvertToImage();
  if (!image.HasAlpha()) return true;
  const unsigned char* alpha = image.GetAlpha();
  const long count = static_cast<long>(image.GetWidth()) * image.GetHeight();
  for (long i = 0; i < count; ++i) {
    if (alpha[i] > 32) return true;
  }
  return false;
}

// Splits `name` into at most two lines that fit `width` pixels.
std::vector<wxString> wrap_label(wxDC& dc, const wxString& name, int width) {
  std::vector<wxString> lines(1);
  for (const wxString& word : wxSplit(name, ' ')) {
    const wxString candidate = lines.back().empty() ? word : lines.back() + " " + word;
    if (dc.GetTextExtent(candidate).GetWidth() <= width || lines.back().empty()) {
      lines.back() = candidate;
    } else {
      lines.push_back(word);
    }
  }
  if (lines.size() > 2) {
    lines.resize(2);
    lines[1] += wxString::FromUTF8("…");
  }
  return lines;
}

wxBitmap render(const std::string& path, int size) {
  const wxBitmapBundle bundle =
      wxBitmapBundle::FromSVGFile(wxString::FromUTF8(path), wxSize(size, size));
  return bundle.IsOk() ? bundle.GetBitmap(wxSize(size, size)) : wxBitmap();
}

struct Half {
  wxColour background;
  wxColour text;
};

bool draw_half(wxDC& dc, const std::vector<limber::Exercise>& exercises, int top, const Half& half,
               int width, int height) {
  dc.SetBrush(wxBrush(half.background));
  dc.SetPen(*wxTRANSPARENT_PEN);
  dc.DrawRectangle(0, top, width, height);
  dc.SetTextForeground(half.text);
  bool ok = true;
  for (size_t i = 0; i < exercises.size(); ++i) {
    const limber::Exercise& ex = exercises[i];
    const int col = static_cast<int>(i) % kColumns;
    const int row = static_cast<int>(i) / kColumns;
    const int x = kMargin + col * kCell + (kCell - kIcon) / 2;
    const int y = top + kMargin + row * kCell;
    const wxBitmap bitmap = render(ex.illustration, kIcon);
    if (!bitmap.IsOk() || !has_visible_pixels(bitmap)) {
      std::fprintf(stderr, "contact_sheet: %s: %s did not render\n", ex.id.c_str(),
                   ex.illustration.c_str());
      ok = false;
      continue;
    }
    dc.DrawBitmap(bitmap, x, y, true);
    int line_y = y + kIcon + 2;
    for (const wxString& line : wrap_label(dc, wxString::FromUTF8(ex.name), kCell - 8)) {
      const int w = dc.GetTextExtent(line).GetWidth();
      dc.DrawText(line, kMargin + col * kCell + (kCell - w) / 2, line_y);
      line_y += dc.GetCharHeight();
    }
  }
  return ok;
}

int frame_rows(size_t exercises) {
  return static_cast<int>((exercises + kFrameBlocks - 1) / kFrameBlocks);
}

// Every step's frame, in step order, beside the exercise's name.
bool draw_frames(wxDC& dc, const std::vector<limber::Exercise>& exercises, int top, int width) {
  const int height = 2 * kMargin + frame_rows(exercises.size()) * kFrameRow;
  dc.SetBrush(wxBrush(wxColour(248, 248, 246)));
  dc.SetPen(*wxTRANSPARENT_PEN);
  dc.DrawRectangle(0, top, width, height);
  dc.SetTextForeground(wxColour(40, 40, 40));
  const int block = (width - 2 * kMargin) / kFrameBlocks;
  bool ok = true;
  for (size_t i = 0; i < exercises.size(); ++i) {
    const limber::Exercise& ex = exercises[i];
    const int x = kMargin + static_cast<int>(i % kFrameBlocks) * block;
    const int y = top + kMargin + static_cast<int>(i / kFrameBlocks) * kFrameRow;
    int line_y = y + kFrame / 2 - dc.GetCharHeight();
    for (const wxString& line : wrap_label(dc, wxString::FromUTF8(ex.name), kFrameLabel - 10)) {
      dc.DrawText(line, x, line_y);
      line_y += dc.GetCharHeight();
    }
    for (size_t n = 0; n < ex.steps.size(); ++n) {
      const wxBitmap bitmap = render(ex.steps[n].frame, kFrame);
      if (!bitmap.IsOk() || !has_visible_pixels(bitmap)) {
        std::fprintf(stderr, "contact_sheet: %s: step %zu frame %s did not render\n", ex.id.c_str(),
                     n + 1, ex.steps[n].frame.c_str());
        ok = false;
        continue;
      }
      dc.DrawBitmap(bitmap, x + kFrameLabel + static_cast<int>(n) * (kFrame + kFrameGap), y, true);
    }
  }
  return ok;
}

int run(const std::string& catalog_path, const std::string& out_path) {
  limber::ExerciseCatalog catalog;
  std::vector<limber::CatalogProblem> problems;
  const limber::Status status = limber::load_exercise_catalog(catalog_path, &catalog, &problems);
  if (!status) {
    for (const auto& p : problems) std::fprintf(stderr, "%s\n", p.to_string().c_str());
    return 1;
  }
  const int count = static_cast<int>(catalog.exercises.size());
  const int rows = (count + kColumns - 1) / kColumns;
  const int width = 2 * kMargin + kColumns * kCell;
  const int half_height = 2 * kMargin + rows * kCell;
  const int frames_height = 2 * kMargin + frame_rows(catalog.exercises.size()) * kFrameRow;
  wxBitmap sheet(width, 2 * half_height + frames_height, 24);
  bool ok = true;
  {
    wxMemoryDC dc(sheet);
    dc.SetFont(wxFontInfo(10).Family(wxFONTFAMILY_SWISS));
    ok &= draw_half(dc, catalog.exercises, 0, {wxColour(248, 248, 246), wxColour(40, 40, 40)},
                    width, half_height);
    ok &= draw_half(dc, catalog.exercises, half_height,
                    {wxColour(43, 45, 48), wxColour(230, 230, 230)}, width, half_height);
    ok &= draw_frames(dc, catalog.exercises, 2 * half_height, width);
  }
  if (!sheet.SaveFile(wxString::FromUTF8(out_path), wxBITMAP_TYPE_PNG)) {
    std::fprintf(stderr, "contact_sheet: cannot write %s\n", out_path.c_str());
    return 1;
  }
  std::printf("contact_sheet: %d illustrations -> %s\n", count, out_path.c_str());
  return ok ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: contact_sheet CATALOG.toml OUT.png\n");
    return 2;
  }
  const std::string catalog_path = argv[1];
  const std::string out_path = argv[2];
  // A GUI wxApp initialises GTK, which the memory DC and the PNG handler need.
  wxApp::SetInstance(new wxApp());
  int wx_argc = 1;
  if (!wxEntryStart(wx_argc, argv)) {
    std::fprintf(stderr, "contact_sheet: cannot initialise wxWidgets (no display?)\n");
    return 1;
  }
  wxInitAllImageHandlers();
  const int result = run(catalog_path, out_path);
  wxEntryCleanup();
  return result;
}
