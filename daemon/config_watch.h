// ConfigWatch: follows the configuration files on disk (the user file, the
// site file and policy.d) and says, debounced, when any of them may have
// changed, so that limberd reloads as it does on SIGHUP.
//
// It watches directories, not files (inotify through libuv's uv_fs_event),
// so an editor's save by writing a new file and renaming it over the old
// one is seen like an in-place write. A directory that does not exist yet
// is watched through its nearest existing parent, and every directory is
// watched afresh before each callback, so a config directory or policy.d
// created, removed or replaced later is followed too. Events are coalesced:
// the callback runs once, `debounce` after the first event of a burst.
// A symbolic link's target in another directory is not followed.
//
// Runs on the daemon's libuv loop; the callback is called on it. Not
// thread-safe. The loop must outlive the watch or stop() must be called.
#pragma once

#include <uv.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "limber/clock.h"
#include "limber/config.h"
#include "limber/status.h"
#include "uv/uv_handle.h"

namespace limber {

class ConfigWatch {
 public:
  using Callback = std::function<void()>;

  ConfigWatch(uv_loop_t* loop, Duration debounce, Callback on_change);
  ~ConfigWatch();
  ConfigWatch(const ConfigWatch&) = delete;
  ConfigWatch& operator=(const ConfigWatch&) = delete;

  // Starts watching where `paths` point (empty paths are left out). Fails
  // only when no directory at all can be watched (inotify limits reached);
  // the message says which.
  Status start(const ConfigPaths& paths);
  void stop();

  // How many directories are watched now (for the log and tests).
  size_t watched_directories() const { return watches_.size(); }

 private:
  // One watched directory and the names in it that matter.
  struct Watch {
    ConfigWatch* owner = nullptr;
    std::string dir;
    std::vector<std::string> names;  // entries that matter
    bool any_toml = false;           // policy.d: every *.toml matters
    UvHandle<uv_fs_event_t> handle;
  };

  Status arm();
  void disarm();
  void add(const std::string& dir, const std::string& name, bool any_toml);
  void on_event(const Watch& watch, const char* filename);
  void on_timer();

  uv_loop_t* loop_;
  Duration debounce_;
  Callback on_change_;
  ConfigPaths paths_;
  bool started_ = false;
  std::vector<std::unique_ptr<Watch>> watches_;
  UvHandle<uv_timer_t> timer_;
};

}  // namespace limber
