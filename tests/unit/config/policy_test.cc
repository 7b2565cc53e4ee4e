// The bounds a configuration puts on pause and quiet (policy_bounds.h).
#include "limber/policy_bounds.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <chrono>
#include <filesystem>
#include <fstream>

namespace limber {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

}  // namespace
}  // namespace limber
