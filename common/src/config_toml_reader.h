// Reads one TOML file into a flat list of dotted keys and their values.
//
// The only place in Limber that sees toml++ (it throws toml::parse_error;
// this reader catches everything and reports it as a TomlFileError). Private
// to limber_common; the config loader and the config writer (which parses
// its edit back with the same reader) are its callers.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace limber {

// A TOML basic string holding `s` (quotes, backslashes and control
// characters escaped): how the writer stores text and messages quote it.
std::string toml_basic_string(std::string_view s);

// One value as the file wrote it.
struct TomlValue {
  enum class Kind { kString, kInteger, kFloat, kBoolean, kDateTime, kArray, kTable };
  Kind kind = Kind::kString;
  std::string string;      // kString
  int64_t integer = 0;     // kInteger
  bool boolean = false;    // kBoolean
  std::string as_written;  // TOML form for messages: "\"5h\"", "5", "true", "[1, 2]"
};

// A leaf of the file: `[micro]\ninterval = "20m"` gives key "micro.interval".
// Tables are descended into; an empty table is an entry of kind kTable.
// Positions are 1-based lines and columns counted in characters (UTF-8
// code points), as toml++ counts them.
struct TomlEntry {
  std::string key;
  int line = 0;  // where the value begins
  int column = 0;
  int end_line = 0;  // just after the value's last character
  int end_column = 0;
  TomlValue value;
};

// An inline table (`micro = { interval = "25m" }`): where its closing brace
// is, so that a writer can add a key inside it.
struct TomlInlineTable {
  std::string key;
  int close_line = 0;  // the position of the closing '}'
  int close_column = 0;
  bool empty = false;
};

struct TomlFileError {
  bool missing = false;  // the file does not exist (not an error for the loader)
  int line = 0;          // 0 when the error is not about a place in the file
  int column = 0;
  std::string message;
};

// Reads and parses `path`. On success returns true and fills *entries in
// file order; otherwise returns false and fills *error.
bool read_toml_file(const std::string& path, std::vector<TomlEntry>* entries, TomlFileError* error);

// Parses TOML `text` as read_toml_file parses a file's content; `source` names
// it in messages. *inline_tables (may be null) receives every inline table.
bool parse_toml_text(std::string_view text, const std::string& source,
                     std::vector<TomlEntry>* entries, TomlFileError* error,
                     std::vector<TomlInlineTable>* inline_tables = nullptr);

}  // namespace limber
