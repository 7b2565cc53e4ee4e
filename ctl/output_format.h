// How limberctl shows things to a person: durations ("12m 30s"), the
// daemon's local ISO times as clock times, aligned tables, CSV fields.
// Pure functions of their input; no I/O except print_line and Table::print.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace limber::ctl {

// 750 → "12m 30s", 3600 → "1h", 3900 → "1h 5m", 45 → "45s", 0 → "0s".
// Hours drop the seconds: at that scale they are noise.
std::string human_duration(int64_t seconds);

// "2026-11-21T14:05:00+01:00" (the daemon's local time) → "14:05" when it
// is on `today` ("2026-11-21"), else "2026-11-22 14:05". Text that is not
// such a time is returned unchanged.
std::string human_time(std::string_view iso, std::string_view today);
// Today's local date, "2026-11-21".
std::string local_date_today();
// The local time now, "14:05:03" (watch's line prefix).
std::string local_clock_now();

// `text` and a newline: for messages filled in at run time, which are no
// printf formats.
void print_line(std::string_view text, std::FILE* out = stdout);

// One CSV field: quoted when it holds a comma, quote or newline.
std::string csv_field(std::string_view text);

// Columns padded to their widest cell, two spaces apart; the last column
// is not padded, so lines carry no trailing spaces.
class Table {
 public:
  explicit Table(std::vector<std::string> header) { rows_.push_back(std::move(header)); }
  void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  std::string render() const;
  void print(std::FILE* out = stdout) const;

 private:
  std::vector<std::vector<std::string>> rows_;
};

// `text` wrapped at `width` columns: the first line starts with
// `first_prefix`, the others with `indent`; every line ends with '\n'.
std::string wrap_text(std::string_view text, std::string_view first_prefix, std::string_view indent,
                      size_t width = 76);

// Display width of UTF-8 text: code points, which is right for the names
// and marks limberctl prints.
size_t display_width(std::string_view text);

}  // namespace limber::ctl
