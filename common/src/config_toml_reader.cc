#include "config_toml_reader.h"

#include <toml++/toml.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace limber {
namespace {

TomlValue to_value(const toml::node& node) {
  TomlValue v;
  switch (node.type()) {
    case toml::node_type::string:
      v.kind = TomlValue::Kind::kString;
      v.string = node.as_string()->get();
      break;
    case toml::node_type::integer:
      v.kind = TomlValue::Kind::kInteger;
      v.integer = node.as_integer()->get();
      break;
    case toml::node_type::floating_point:
      v.kind = TomlValue::Kind::kFloat;
      break;
    case toml::node_type::boolean:
      v.kind = TomlValue::Kind::kBoolean;
      v.boolean = node.as_boolean()->get();
      break;
    case toml::node_type::array:
      v.kind = TomlValue::Kind::kArray;
      break;
    case toml::node_type::table:
      v.kind = TomlValue::Kind::kTable;
      break;
    default:
      v.kind = TomlValue::Kind::kDateTime;
      break;
  }
  if (v.kind == TomlValue::Kind::kTable) {
    v.as_written = "a table";
  } else if (v.kind == TomlValue::Kind::kString) {
    v.as_written = toml_basic_string(v.string);
  } else {
    std::ostringstream os;
    node.visit([&os](const auto& n) { os << n; });
    v.as_written = os.str();
  }
  return v;
}

void flatten(const toml::table& table, const std::string& prefix, std::vector<TomlEntry>* entries,
             std::vector<TomlInlineTable>* inline_tables) {
  for (const auto& [key, node] : table) {
    std::string name =
        prefix.empty() ? std::string(key.str()) : prefix + "." + std::string(key.str());
    const toml::table* child = node.as_table();
    if (child && child->is_inline() && inline_tables) {
      // The region ends just after '}'.
      inline_tables->push_back({name, static_cast<int>(node.source().end.line),
                                static_cast<int>(node.source().end.column) - 1, child->empty()});
    }
    if (child && !child->empty()) {
      flatten(*child, name, entries, inline_tables);
      continue;
    }
    TomlEntry entry;
    entry.key = std::move(name);
    entry.line = static_cast<int>(node.source().begin.line);
    entry.column = static_cast<int>(node.source().begin.column);
    entry.end_line = static_cast<int>(node.source().end.line);
    entry.end_column = static_cast<int>(node.source().end.column);
    entry.value = to_value(node);
    entries->push_back(std::move(entry));
  }
}

}  // namespace

std::string toml_basic_string(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
    } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\u00";
      out += kHex[(c >> 4) & 0xf];
      out += kHex[c & 0xf];
      continue;
    }
    out += c;
  }
  return out + "\"";
}

bool read_toml_file(const std::string& path, std::vector<TomlEntry>* entries,
                    TomlFileError* error) {
  // A directory, FIFO or device in place of the file must not hang or
  // exhaust the daemon.
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (!ec && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
    error->message = "not a regular file";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const int e = errno;
    error->missing = e == ENOENT;
    error->message = "cannot read the file: " + std::string(std::strerror(e));
    return false;
  }
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) {
    error->message = "cannot read the file";
    return false;
  }
  return parse_toml_text(content.str(), path, entries, error);
}

bool parse_toml_text(std::string_view text, const std::string& source,
                     std::vector<TomlEntry>* entries, TomlFileError* error,
                     std::vector<TomlInlineTable>* inline_tables) {
  try {
    const toml::table root = toml::parse(text, source);
    entries->clear();
    if (inline_tables) inline_tables->clear();
    flatten(root, "", entries, inline_tables);
    // toml++ keeps a table's keys sorted; report in file order.
    std::stable_sort(entries->begin(), entries->end(), [](const TomlEntry& a, const TomlEntry& b) {
      return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    return true;
  } catch (const toml::parse_error& e) {
    error->line = static_cast<int>(e.source().begin.line);
    error->column = static_cast<int>(e.source().begin.column);
    error->message = "invalid TOML: " + std::string(e.description());
  } catch (const std::exception& e) {
    error->message = std::string("cannot parse the file: ") + e.what();
  }
  return false;
}

}  // namespace limber
