#include "limber/config_writer.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

#include "limber/config_keys.h"

namespace limber {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// The table a "[name]" line opens, or "" when the line is not a header.
std::string header_of(std::string_view line) {
  line = trim(line);
  if (line.size() < 2 || line.front() != '[' || line[1] == '[') return "";
  const size_t close = line.find(']');
  if (close == std::string_view::npos) return "";
  return std::string(trim(line.substr(1, close - 1)));
}

// Does `line` assign `name` (bare or quoted) at its start?
bool assigns(std::string_view line, std::string_view name) {
  line = trim(line);
  if (line.substr(0, name.size()) == name) {
    const std::string_view rest = trim(line.substr(name.size()));
    return !rest.empty() && rest.front() == '=';
  }
  const std::string quoted = "\"" + std::string(name) + "\"";
  if (line.substr(0, quoted.size()) == quoted) {
    const std::string_view rest = trim(line.substr(quoted.size()));
    return !rest.empty() && rest.front() == '=';
  }
  return false;
}

std::string toml_value(const KeyDef& def, const ConfigValue& value) {
  if (def.type == ConfigType::kBool || def.type == ConfigType::kInt) return config_value_text(value);
  std::string text = config_value_text(value);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

Status make_parent_dirs(const std::string& path) {
  for (size_t slash = path.find('/', 1); slash != std::string::npos; slash = path.find('/', slash + 1)) {
    const std::string dir = path.substr(0, slash);
    if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) {
      return Status::io("cannot create " + dir + ": " + std::strerror(errno));
    }
  }
  return Status::ok();
}

}  // namespace

Status set_config_value_in_file(const std::string& path, std::string_view key,
                                std::string_view value_text) {
  const KeyDef* def = find_config_key(key);
  if (def == nullptr) return Status::error(Status::Code::kNotFound, "no setting '" + std::string(key) + "'");
  ConfigValue value;
  std::string err;
  if (!parse_config_value(*def, value_text, &value, &err)) {
    return Status::invalid(std::string(key) + ": " + err);
  }
  const std::string_view section = key.substr(0, key.find('.'));
  const std::string_view name = key.substr(key.find('.') + 1);
  const std::string assignment = std::string(name) + " = " + toml_value(*def, value);

  std::vector<std::string> lines;
  {
    std::ifstream in(path);
    if (!in && errno != ENOENT) return Status::io("cannot read " + path + ": " + std::strerror(errno));
    for (std::string line; std::getline(in, line);) lines.push_back(line);
  }
  std::string table;        // the table the current line belongs to
  ptrdiff_t table_end = -1;  // where to insert into [section]: after its last line
  bool done = false;
  for (size_t i = 0; i < lines.size() && !done; ++i) {
    if (const std::string h = header_of(lines[i]); !h.empty()) {
      table = h;
      continue;
    }
    if (table.empty() && assigns(lines[i], key)) {
      lines[i] = std::string(key) + " = " + toml_value(*def, value);
      done = true;
    } else if (table == section) {
      if (assigns(lines[i], name)) {
        lines[i] = assignment;
        done = true;
      } else if (!trim(lines[i]).empty()) {
        table_end = static_cast<ptrdiff_t>(i);
      }
    }
  }
  if (!done) {
    bool has_table = false;
    for (const std::string& l : lines) has_table = has_table || header_of(l) == section;
    if (has_table) {
      if (table_end < 0) {
        for (size_t i = 0; i < lines.size(); ++i) {
          if (header_of(lines[i]) == section) table_end = static_cast<ptrdiff_t>(i);
        }
      }
      lines.insert(lines.begin() + table_end + 1, assignment);
    } else {
      if (!lines.empty() && !trim(lines.back()).empty()) lines.emplace_back();
      lines.push_back("[" + std::string(section) + "]");
      lines.push_back(assignment);
    }
  }

  if (Status st = make_parent_dirs(path); !st) return st;
  const std::string temp = path + ".new";
  {
    std::ofstream out(temp, std::ios::trunc);
    for (const std::string& l : lines) out << l << '\n';
    out.flush();
    if (!out) return Status::io("cannot write " + temp + ": " + std::strerror(errno));
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    std::remove(temp.c_str());
    return Status::io("cannot replace " + path + ": " + why);
  }
  return Status::ok();
}

}  // namespace limber
