#include "daemon_home.h"

#include <stdlib.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

namespace limber::test {

namespace fs = std::filesystem;

DaemonHome::DaemonHome() {
  std::string tmpl = (fs::temp_directory_path() / "limberd-test-XXXXXX").string();
  if (mkdtemp(tmpl.data()) == nullptr) return;
  std::error_code ec;
  for (const char* sub : {"/run", "/config/limber", "/state", "/etc/limber", "/home"}) {
    fs::create_directories(tmpl + sub, ec);
    if (ec) return;
  }
  // limberd refuses a runtime directory others may enter.
  if (chmod((tmpl + "/run").c_str(), 0700) != 0) return;
  root_ = tmpl;
}

DaemonHome::~DaemonHome() {
  if (root_.empty()) return;
  std::error_code ignored;
  fs::remove_all(root_, ignored);
}

std::string DaemonHome::history_path(bool demo) const {
  return root_ + "/state/limber/" + (demo ? "demo-history.sqlite3" : "history.sqlite3");
}

bool DaemonHome::write_file(const std::string& path, const std::string& text) {
  std::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  if (ec) return false;
  // Write a new file and rename it into place, so a daemon that reloads at
  // the same moment reads either the old or the new text.
  const std::string temp = path + ".new";
  {
    std::ofstream out(temp, std::ios::trunc);
    out << text;
    if (!out.flush()) return false;
  }
  fs::rename(temp, path, ec);
  return !ec;
}

std::vector<std::string> DaemonHome::environment(const std::vector<std::string>& extra) const {
  std::vector<std::string> env = {
      "PATH=/usr/local/bin:/usr/bin:/bin",
      "HOME=" + root_ + "/home",
      "LANG=C.UTF-8",
      "TZ=UTC",
      "XDG_RUNTIME_DIR=" + runtime_dir(),
      "XDG_CONFIG_HOME=" + root_ + "/config",
      "XDG_STATE_HOME=" + root_ + "/state",
      "LIMBER_SYSCONFDIR=" + root_ + "/etc",
      "DBUS_SESSION_BUS_ADDRESS=unix:path=" + root_ + "/no-session-bus",
      "DBUS_SYSTEM_BUS_ADDRESS=unix:path=" + root_ + "/no-system-bus",
  };
  for (const std::string& e : extra) {
    const std::string name = e.substr(0, e.find('=') + 1);
    std::erase_if(env, [&](const std::string& have) { return have.rfind(name, 0) == 0; });
    env.push_back(e);
  }
  return env;
}

std::string limberd_path() { return LIMBERD_PATH; }

}  // namespace limber::test
