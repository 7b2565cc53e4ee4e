#include "output_format.h"

#include <algorithm>
#include <ctime>

namespace limber::ctl {

std::string human_duration(int64_t seconds) {
  if (seconds < 0) return "-" + human_duration(-seconds);
  const int64_t h = seconds / 3600, m = seconds / 60 % 60, s = seconds % 60;
  std::string out;
  if (h > 0) {
    out = std::to_string(h) + "h";
    if (m > 0) out += " " + std::to_string(m) + "m";
    return out;
  }
  if (m > 0) {
    out = std::to_string(m) + "m";
    if (s > 0) out += " " + std::to_string(s) + "s";
    return out;
  }
  return std::to_string(s) + "s";
}

std::string human_time(std::string_view iso, std::string_view today) {
  // YYYY-MM-DDTHH:MM:SS...
  if (iso.size() < 16 || iso[4] != '-' || iso[7] != '-' || iso[10] != 'T' || iso[13] != ':') {
    return std::string(iso);
  }
  const std::string_view date = iso.substr(0, 10);
  const std::string_view clock = iso.substr(11, 5);
  if (date == today) return std::string(clock);
  return std::string(date) + " " + std::string(clock);
}

namespace {

std::string format_now(const char* format) {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char buf[32];
  const size_t n = std::strftime(buf, sizeof buf, format, &local);
  return std::string(buf, n);
}

}  // namespace

std::string local_date_today() {
  return format_now("%Y-%m-%d");
}
std::string local_clock_now() {
  return format_now("%H:%M:%S");
}

void print_line(std::string_view text, std::FILE* out) {
  std::fwrite(text.data(), 1, text.size(), out);
  std::fputc('\n', out);
}

std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

namespace {

// East Asian wide and full-width characters take two terminal columns
// (the ranges of Unicode's EastAsianWidth W and F that translations use).
bool is_wide(char32_t cp) {
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) || (cp >= 0x3041 && cp <= 0x33FF) ||
         (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
         (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
         (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

}  // namespace

size_t display_width(std::string_view text) {
  size_t n = 0;
  for (size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const size_t len = lead < 0x80 ? 1u : lead < 0xE0 ? 2u : lead < 0xF0 ? 3u : 4u;
    char32_t cp = len == 1 ? lead : lead & (0x7Fu >> len);
    for (size_t k = 1; k < len && i + k < text.size(); ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    }
    n += is_wide(cp) ? 2u : 1u;
    i += len;
  }
  return n;
}

std::string wrap_text(std::string_view text, std::string_view first_prefix, std::string_view indent,
                      size_t width) {
  std::string out;
  std::string line(first_prefix);
  bool line_has_words = false;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find(' ', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view word = text.substr(pos, end - pos);
    pos = end + 1;
    if (word.empty()) continue;
    if (line_has_words && display_width(line) + 1 + display_width(word) > width) {
      out += line + "\n";
      line = indent;
      line_has_words = false;
    }
    if (line_has_words) line += ' ';
    line += word;
    line_has_words = true;
  }
  return out + line + "\n";
}

std::string Table::render() const {
  std::vector<size_t> widths;
  for (const auto& row : rows_) {
    if (widths.size() < row.size()) widths.resize(row.size(), 0);
    for (size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], display_width(row[i]));
  }
  std::string out;
  for (const auto& row : rows_) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) {
      line += row[i];
      if (i + 1 < row.size()) line += std::string(widths[i] - display_width(row[i]) + 2, ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

void Table::print(std::FILE* out) const {
  std::fputs(render().c_str(), out);
}

}  // namespace limber::ctl
