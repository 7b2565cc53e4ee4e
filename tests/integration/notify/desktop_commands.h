// Small desktop tools the do-not-disturb tests run to play the user's
// desktop: `gsettings set` against a real dconf, `pw-cli` against a real
// PipeWire; and the private bus's activation environment, so that services
// it starts on demand (dconf-service) live in the test's own XDG dirs.
//
// Test-only; single-threaded.
#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace limber::test {

// Runs `argv` (argv[0] a full path) with exactly `env`, waits up to
// `timeout` (then kills it) and returns true when it exited with 0. Its
// stdout and stderr together go to *output (if not null); *err says what
// went wrong otherwise.
bool run_command(const std::vector<std::string>& argv, const std::vector<std::string>& env,
                 std::chrono::milliseconds timeout, std::string* output, std::string* err);

// org.freedesktop.DBus.UpdateActivationEnvironment on the bus at `address`:
// services it activates from now on get these variables ("NAME=value").
bool set_activation_environment(const std::string& address, const std::vector<std::string>& env,
                                std::string* err);

}  // namespace limber::test
