#include "data_dir.h"

#include <sys/stat.h>

#include <cstdlib>

namespace limber {
namespace {

bool has_catalog(const std::string& dir) {
  struct stat st {};
  return ::stat((dir + "/exercises.toml").c_str(), &st) == 0;
}

}  // namespace

std::string limber_data_dir() {
  if (const char* env = std::getenv("LIMBER_DATADIR"); env != nullptr && env[0] != '\0') return env;
  if (has_catalog(LIMBER_INSTALLED_DATADIR)) return LIMBER_INSTALLED_DATADIR;
  return LIMBER_SOURCE_DATADIR;
}

}  // namespace limber
