#include "catalog_toml.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace limber {

int source_line(const toml::node& node) {
  return static_cast<int>(node.source().begin.line);
}

bool parse_content_file(const std::string& path, toml::table* out,
                        std::vector<CatalogProblem>* problems) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (!ec && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
    problems->push_back({path, 0, "", "not a regular file"});
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    problems->push_back(
        {path, 0, "", "cannot read the file: " + std::string(std::strerror(errno))});
    return false;
  }
  std::ostringstream content;
  content << in.rdbuf();
  try {
    *out = toml::parse(content.str(), path);
    return true;
  } catch (const toml::parse_error& e) {
    problems->push_back({path, static_cast<int>(e.source().begin.line), "",
                         "invalid TOML: " + std::string(e.description())});
  } catch (const std::exception& e) {
    problems->push_back({path, 0, "", std::string("cannot parse the file: ") + e.what()});
  }
  return false;
}

ContentTable::ContentTable(const toml::table& table, std::string file,
                           std::vector<CatalogProblem>* problems)
    : table_(table), file_(std::move(file)), problems_(problems) {}

int ContentTable::line() const {
  return source_line(table_);
}

int ContentTable::line_of(std::string_view key) const {
  const toml::node* node = table_.get(key);
  return node ? source_line(*node) : line();
}

void ContentTable::problem(std::string_view key, const std::string& message) {
  problems_->push_back({file_, line_of(key), id_, std::string(key) + ": " + message});
}

std::string ContentTable::text(std::string_view key, bool required) {
  const toml::node* node = table_.get(key);
  if (!node) {
    if (required) problem(key, "missing (a string)");
    return "";
  }
  const auto* s = node->as_string();
  if (!s) {
    problem(key, "expected a string");
    return "";
  }
  if (required && s->get().empty()) problem(key, "must not be empty");
  return s->get();
}

int ContentTable::integer(std::string_view key, int min, int max, int fallback, bool required) {
  const toml::node* node = table_.get(key);
  if (!node) {
    if (required) problem(key, "missing (an integer)");
    return fallback;
  }
  const auto* n = node->as_integer();
  if (!n || n->get() < min || n->get() > max) {
    problem(key, "expected an integer from " + std::to_string(min) + " to " + std::to_string(max));
    return fallback;
  }
  return static_cast<int>(n->get());
}

std::vector<std::string> ContentTable::texts(std::string_view key, bool required) {
  std::vector<std::string> out;
  const toml::node* node = table_.get(key);
  if (!node) {
    if (required) problem(key, "missing (an array of strings)");
    return out;
  }
  const toml::array* array = node->as_array();
  if (!array) {
    problem(key, "expected an array of strings");
    return out;
  }
  for (const toml::node& element : *array) {
    const auto* s = element.as_string();
    if (!s || s->get().empty()) {
      problem(key, "expected an array of non-empty strings");
      continue;
    }
    out.push_back(s->get());
  }
  return out;
}

const toml::array* ContentTable::tables(std::string_view key, bool required) {
  const toml::node* node = table_.get(key);
  if (!node) {
    if (required) problem(key, "missing (an array of tables)");
    return nullptr;
  }
  const toml::array* array = node->as_array();
  if (!array || !std::all_of(array->begin(), array->end(),
                             [](const toml::node& n) { return n.is_table(); })) {
    problem(key, "expected an array of tables");
    return nullptr;
  }
  return array;
}

const toml::table* ContentTable::table(std::string_view key) {
  const toml::node* node = table_.get(key);
  if (!node || !node->is_table()) {
    problem(key, node ? "expected a table" : "missing (a table)");
    return nullptr;
  }
  return node->as_table();
}

void ContentTable::reject_unknown_keys(std::initializer_list<std::string_view> known) {
  for (const auto& [key, node] : table_) {
    const std::string_view name = key.str();
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      problems_->push_back({file_, source_line(node), id_, std::string(name) + ": unknown field"});
    }
  }
}

Status content_status(const std::vector<CatalogProblem>& problems, size_t from) {
  if (problems.size() <= from) return Status::ok();
  const size_t count = problems.size() - from;
  return Status::invalid(std::to_string(count) + (count == 1 ? " problem" : " problems") +
                         ", the first: " + problems[from].to_string());
}

std::string CatalogProblem::to_string() const {
  std::string out = file;
  if (line > 0) out += ":" + std::to_string(line);
  out += ": ";
  if (!id.empty()) out += id + ": ";
  return out + message;
}

}  // namespace limber
