// Reading Limber's content files (exercises, checklists, health notice)
// with toml++: parse a file without letting an exception out, and read the
// fields of one table with type and range checks that record a
// CatalogProblem (file, line, id) instead of failing.
//
// Private to limber_common; the catalog loaders are its only callers.
#pragma once

#include <toml++/toml.h>

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "limber/catalog.h"

namespace limber {

// Parses `path` into *out. On failure adds a problem (with the line of a
// syntax error) and returns false.
bool parse_content_file(const std::string& path, toml::table* out,
                        std::vector<CatalogProblem>* problems);

// Checked access to the fields of one table of a content file.
class ContentTable {
 public:
  ContentTable(const toml::table& table, std::string file, std::vector<CatalogProblem>* problems);

  // Names the entry in later problems ("wall-angel").
  void set_id(std::string id) { id_ = std::move(id); }
  int line() const;

  // A string field; a missing required field or a wrong type is a problem
  // and gives "".
  std::string text(std::string_view key, bool required = true);
  // An integer field in [min, max]; otherwise a problem and `fallback`.
  int integer(std::string_view key, int min, int max, int fallback, bool required = true);
  // An array of non-empty strings; a missing required field is a problem.
  std::vector<std::string> texts(std::string_view key, bool required = true);
  // An array of tables (inline or [[...]]); nullptr and a problem when the
  // field is missing (if required) or is something else.
  const toml::array* tables(std::string_view key, bool required = true);
  // A sub-table; nullptr and a problem when missing or not a table.
  const toml::table* table(std::string_view key);

  // Every key of the table must be one of `known`; a typo would otherwise
  // silently drop a field.
  void reject_unknown_keys(std::initializer_list<std::string_view> known);

  // A problem at `key`'s line (or the table's when the key is absent).
  void problem(std::string_view key, const std::string& message);

 private:
  int line_of(std::string_view key) const;

  const toml::table& table_;
  std::string file_;
  std::string id_;
  std::vector<CatalogProblem>* problems_;
};

// The line at which `node` starts in its file (0 when unknown).
int source_line(const toml::node& node);

// ok when problems[from..] is empty, else an error counting them and quoting
// the first.
Status content_status(const std::vector<CatalogProblem>& problems, size_t from);

}  // namespace limber
