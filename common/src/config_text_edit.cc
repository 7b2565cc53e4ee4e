// Text surgery for the config writer (see config_text_edit.h).
#include "config_text_edit.h"

#include <optional>

namespace limber {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// The file as lines, each [begin, end) without its line break.
struct Lines {
  std::vector<size_t> begin;
  std::vector<size_t> end;
};

Lines split_lines(std::string_view text) {
  Lines lines;
  size_t at = 0;
  while (at < text.size()) {
    const size_t nl = text.find('\n', at);
    lines.begin.push_back(at);
    lines.end.push_back(nl == std::string_view::npos ? text.size() : nl);
    at = nl == std::string_view::npos ? text.size() : nl + 1;
  }
  return lines;
}

std::string_view line_text(std::string_view text, const Lines& lines, size_t i) {
  return text.substr(lines.begin[i], lines.end[i] - lines.begin[i]);
}

// The byte offset of a 1-based (line, column in code points) position.
std::optional<size_t> offset_of(std::string_view text, const Lines& lines, int line, int column) {
  if (line < 1 || column < 1) return std::nullopt;
  if (static_cast<size_t>(line) > lines.begin.size()) {
    // Just past the last line of a file without a final line break.
    if (static_cast<size_t>(line) == lines.begin.size() + 1 && column == 1) return text.size();
    return std::nullopt;
  }
  size_t at = lines.begin[static_cast<size_t>(line) - 1];
  for (int c = 1; c < column; ++c) {
    if (at >= text.size()) return std::nullopt;
    ++at;
    while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
  }
  return at;
}

// The table a "[name]" header line opens ("" when the line is no header);
// quoted parts are unquoted, spaces around dots dropped. "[[x]]" is not a
// table this writer can add to: it gives "[[".
std::string header_name(std::string_view line) {
  line = trim(line);
  if (line.size() < 2 || line.front() != '[') return "";
  if (line[1] == '[') return "[[";
  std::string name;
  for (size_t i = 1; i < line.size(); ++i) {
    const char c = line[i];
    if (c == ']') return name;
    if (c == ' ' || c == '\t' || c == '"' || c == '\'') continue;
    name += c;
  }
  return "";
}

bool is_content(std::string_view line) {
  line = trim(line);
  return !line.empty() && line.front() != '#';
}

std::string line_break_of(std::string_view text) {
  const size_t nl = text.find('\n');
  return nl != std::string_view::npos && nl > 0 && text[nl - 1] == '\r' ? "\r\n" : "\n";
}

// `text` with `line` inserted as a line of its own after line `after`
// (0-based; -1 puts it first).
std::string insert_line_after(std::string_view text, const Lines& lines, ptrdiff_t after,
                              std::string_view line) {
  const std::string eol = line_break_of(text);
  std::string out;
  if (after < 0) return std::string(line) + eol + std::string(text);
  const size_t i = static_cast<size_t>(after);
  if (i + 1 < lines.begin.size()) {
    out = std::string(text.substr(0, lines.begin[i + 1])) + std::string(line) + eol;
    return out + std::string(text.substr(lines.begin[i + 1]));
  }
  out = std::string(text);
  if (!out.empty() && out.back() != '\n') out += eol;
  return out + std::string(line) + eol;
}

std::string replace_span(std::string_view text, size_t begin, size_t end, std::string_view with) {
  return std::string(text.substr(0, begin)) + std::string(with) + std::string(text.substr(end));
}

std::optional<std::string> add_to_inline_table(std::string_view text, const Lines& lines,
                                               const TomlInlineTable& table,
                                               const std::string& pair) {
  const std::optional<size_t> close =
      offset_of(text, lines, table.close_line, table.close_column);
  if (!close || *close >= text.size() || text[*close] != '}') return std::nullopt;
  if (table.empty) return replace_span(text, *close, *close, " " + pair + " ");
  size_t last = *close;  // just after the last entry
  while (last > 0 && (text[last - 1] == ' ' || text[last - 1] == '\t')) --last;
  return replace_span(text, last, last, ", " + pair);
}

void add_table_candidates(std::string_view text, const Lines& lines, std::string_view section,
                          const std::string& pair, std::vector<std::string>* out) {
  const size_t n = lines.begin.size();
  for (size_t h = 0; h < n; ++h) {
    if (header_name(line_text(text, lines, h)) != section) continue;
    size_t last = h;
    for (size_t i = h + 1; i < n && header_name(line_text(text, lines, i)).empty(); ++i) {
      if (is_content(line_text(text, lines, i))) last = i;
    }
    out->push_back(insert_line_after(text, lines, static_cast<ptrdiff_t>(last), pair));
    if (last != h) out->push_back(insert_line_after(text, lines, static_cast<ptrdiff_t>(h), pair));
    return;  // TOML allows one [section] header
  }
}

// Top-level lines come before the first header. Beside the file's other
// `section.x = …` lines when there are some; otherwise (into *fallback) at
// the end of the top-level lines.
void add_dotted_candidates(std::string_view text, const Lines& lines, std::string_view section,
                           const std::string& dotted, std::vector<std::string>* out,
                           std::string* fallback) {
  ptrdiff_t last_same = -1;
  ptrdiff_t last_content = -1;
  const std::string prefix = std::string(section) + ".";
  for (size_t i = 0; i < lines.begin.size(); ++i) {
    const std::string_view line = line_text(text, lines, i);
    if (!header_name(line).empty()) break;
    if (!is_content(line)) continue;
    last_content = static_cast<ptrdiff_t>(i);
    if (trim(line).starts_with(prefix)) last_same = static_cast<ptrdiff_t>(i);
  }
  if (last_same >= 0) out->push_back(insert_line_after(text, lines, last_same, dotted));
  *fallback = insert_line_after(text, lines, last_content, dotted);
}

}  // namespace

std::vector<std::string> toml_edit_candidates(std::string_view text, const TomlEdit& edit,
                                              const std::vector<TomlEntry>& entries,
                                              const std::vector<TomlInlineTable>& inline_tables,
                                              std::string* refusal) {
  const Lines lines = split_lines(text);
  const std::string key(edit.key);
  for (const TomlEntry& e : entries) {
    const bool inside = e.key.starts_with(key + ".");
    if (e.key != key && !inside) continue;
    using Kind = TomlValue::Kind;
    if (inside || e.value.kind == Kind::kArray || e.value.kind == Kind::kTable) {
      *refusal = key + " is written as " + (inside ? "a table" : e.value.as_written) +
                 " on line " + std::to_string(e.line) + "; correct it by hand";
      return {};
    }
    const std::optional<size_t> begin = offset_of(text, lines, e.line, e.column);
    const std::optional<size_t> end = offset_of(text, lines, e.end_line, e.end_column);
    if (!begin || !end || *end < *begin) {
      *refusal = "cannot find the value of " + key + " on line " + std::to_string(e.line);
      return {};
    }
    return {replace_span(text, *begin, *end, edit.value_toml)};
  }

  const size_t dot = edit.key.find('.');
  const std::string_view section = edit.key.substr(0, dot);
  const std::string name(edit.key.substr(dot + 1));
  const std::string pair = name + " = " + std::string(edit.value_toml);
  const std::string dotted = key + " = " + std::string(edit.value_toml);
  std::vector<std::string> out;
  for (const TomlInlineTable& t : inline_tables) {
    if (t.key != section) continue;
    if (std::optional<std::string> edited = add_to_inline_table(text, lines, t, pair))
      out.push_back(std::move(*edited));
  }
  add_table_candidates(text, lines, section, pair, &out);
  std::string dotted_fallback;
  add_dotted_candidates(text, lines, section, dotted, &out, &dotted_fallback);
  std::string appended(text);
  const std::string eol = line_break_of(text);
  if (!appended.empty() && appended.back() != '\n') appended += eol;
  if (!appended.empty()) appended += eol;
  out.push_back(appended + "[" + std::string(section) + "]" + eol + pair + eol);
  out.push_back(std::move(dotted_fallback));
  return out;
}

}  // namespace limber
