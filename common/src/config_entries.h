// Checking the entries of one parsed configuration file against
// config_keys(): which keys are known, which values fit.
//
// Private to limber_common; the config loader is the caller.
#pragma once

#include <string>
#include <vector>

#include "config_toml_reader.h"
#include "limber/config.h"

namespace limber {

void report(std::vector<ConfigDiagnostic>* diags, ConfigDiagnostic::Severity severity,
            const std::string& file, int line, int column, std::string key, std::string message);

// Unknown-key warnings and value errors are found in two passes; a reader
// wants them in file order.
void sort_by_line(std::vector<ConfigDiagnostic>* diags, size_t from);

// One setting of a known key in a file, and whether its value fits.
struct CheckedEntry {
  const KeyDef* def = nullptr;
  int line = 0;
  int column = 0;
  ConfigValue value;
  std::string problem;  // empty when the value fits
};

// Checks the entries of one parsed file against config_keys(). Unknown keys
// are reported here as warnings; bad values come back with their problem so
// that the caller can say what happens instead.
std::vector<CheckedEntry> check_entries(const std::string& path,
                                        const std::vector<TomlEntry>& entries,
                                        std::vector<ConfigDiagnostic>* diags);

}  // namespace limber
