// Reads one TOML file into a flat list of dotted keys and their values.
//
// The only place in Limber that sees toml++ (it throws toml::parse_error;
// this reader catches everything and reports it as a TomlFileError). Private
// to limber_common; the config loader is its one caller.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace limber {

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
struct TomlEntry {
  std::string key;
  int line = 0;
  int column = 0;
  TomlValue value;
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

}  // namespace limber
