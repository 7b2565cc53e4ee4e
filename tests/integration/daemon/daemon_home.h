// DaemonHome: a fresh, private world for one limberd run in a test — its
// XDG runtime, config and state directories and a stand-in for /etc
// ($LIMBER_SYSCONFDIR), all under one temp dir that is removed at the end.
//
// environment() is the whole environment limberd gets: nothing of the test
// runner's leaks in (no DISPLAY, no WAYLAND_DISPLAY, and the D-Bus addresses
// point at sockets that do not exist), so a test adds exactly the desktop it
// means to offer.
//
// Test-only; single-threaded.
#pragma once

#include <string>
#include <vector>

namespace limber::test {

class DaemonHome {
 public:
  DaemonHome();  // creates the directories; check ok()
  ~DaemonHome();
  DaemonHome(const DaemonHome&) = delete;
  DaemonHome& operator=(const DaemonHome&) = delete;

  bool ok() const { return !root_.empty(); }
  const std::string& root() const { return root_; }
  std::string runtime_dir() const { return root_ + "/run"; }
  std::string user_config_file() const { return root_ + "/config/limber/limber.toml"; }
  std::string site_config_file() const { return root_ + "/etc/limber/limber.toml"; }
  std::string policy_dir() const { return root_ + "/etc/limber/policy.d"; }
  // The history database limberd writes (with --demo: the demo history).
  std::string history_path(bool demo = false) const;

  // Writes `text` to `path`, creating parent directories. False on failure.
  static bool write_file(const std::string& path, const std::string& text);
  bool write_user_config(const std::string& toml) const { return write_file(user_config_file(), toml); }

  // The environment for limberd, plus `extra` ("NAME=value"; a name given
  // here replaces the default one).
  std::vector<std::string> environment(const std::vector<std::string>& extra = {}) const;

 private:
  std::string root_;
};

// The limberd binary under test.
std::string limberd_path();

}  // namespace limber::test
