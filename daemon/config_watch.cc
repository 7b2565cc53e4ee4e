#include "config_watch.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace limber {
namespace {

namespace fs = std::filesystem;

bool directory_exists(const fs::path& p) {
  std::error_code ec;
  return fs::is_directory(p, ec);
}

}  // namespace

ConfigWatch::ConfigWatch(uv_loop_t* loop, Duration debounce, Callback on_change)
    : loop_(loop), debounce_(debounce), on_change_(std::move(on_change)) {
  uv_timer_init(loop_, timer_.get());
  timer_.get()->data = this;
}

ConfigWatch::~ConfigWatch() {
  stop();
}

Status ConfigWatch::start(const ConfigPaths& paths) {
  paths_ = paths;
  started_ = true;
  return arm();
}

void ConfigWatch::stop() {
  started_ = false;
  disarm();
  if (timer_.get() != nullptr) uv_timer_stop(timer_.get());
}

// `name` in `dir` matters; when `dir` is missing, its nearest existing
// parent is watched for the first missing part instead.
void ConfigWatch::add(const std::string& dir, const std::string& name, bool any_toml) {
  fs::path d = fs::path(dir).lexically_normal();
  std::string n = name;
  while (!directory_exists(d) && d.has_parent_path() && d.parent_path() != d) {
    n = d.filename().string();
    any_toml = false;
    d = d.parent_path();
  }
  const std::string key = d.string();
  auto it = std::find_if(watches_.begin(), watches_.end(),
                         [&](const std::unique_ptr<Watch>& w) { return w->dir == key; });
  if (it == watches_.end()) {
    auto w = std::make_unique<Watch>();
    w->owner = this;
    w->dir = key;
    watches_.push_back(std::move(w));
    it = std::prev(watches_.end());
  }
  Watch& w = **it;
  if (any_toml) w.any_toml = true;
  if (!n.empty() && std::find(w.names.begin(), w.names.end(), n) == w.names.end())
    w.names.push_back(n);
}

Status ConfigWatch::arm() {
  disarm();
  auto file = [&](const std::string& path) {
    if (path.empty()) return;
    const fs::path p(path);
    add(p.parent_path().string(), p.filename().string(), false);
  };
  file(paths_.user_file);
  file(paths_.site_file);
  if (!paths_.policy_dir.empty()) {
    add(paths_.policy_dir, "", true);
    // policy.d itself appearing, going or being replaced.
    file(fs::path(paths_.policy_dir).lexically_normal().string());
  }
  std::string failures;
  for (auto it = watches_.begin(); it != watches_.end();) {
    Watch& w = **it;
    uv_fs_event_init(loop_, w.handle.get());
    w.handle.get()->data = &w;
    const int rc = uv_fs_event_start(
        w.handle.get(),
        [](uv_fs_event_t* h, const char* filename, int, int) {
          const Watch& watch = *static_cast<const Watch*>(h->data);
          watch.owner->on_event(watch, filename);
        },
        w.dir.c_str(), 0);
    if (rc == 0) {
      ++it;
      continue;
    }
    failures += (failures.empty() ? "" : "; ") + w.dir + ": " + uv_strerror(rc);
    it = watches_.erase(it);  // its handle closes with it
  }
  if (watches_.empty() && !failures.empty())
    return Status::unavailable("cannot watch the configuration: " + failures);
  return Status::ok();
}

void ConfigWatch::disarm() {
  for (const std::unique_ptr<Watch>& w : watches_) {
    if (w->handle.get() && w->handle.get()->loop) uv_fs_event_stop(w->handle.get());
  }
  watches_.clear();  // UvHandle closes each handle; libuv frees it later
}

void ConfigWatch::on_event(const Watch& watch, const char* filename) {
  if (filename != nullptr) {
    const std::string name(filename);
    const bool toml = watch.any_toml && !name.starts_with(".") && name.ends_with(".toml");
    const bool named = std::find(watch.names.begin(), watch.names.end(), name) != watch.names.end();
    if (!toml && !named) return;
  }
  // The first event of a burst starts the timer; later ones ride along.
  if (uv_is_active(timer_.base()) != 0) return;
  uv_timer_start(
      timer_.get(), [](uv_timer_t* t) { static_cast<ConfigWatch*>(t->data)->on_timer(); },
      static_cast<uint64_t>(std::max<int64_t>(debounce_.count(), 0)), 0);
}

void ConfigWatch::on_timer() {
  if (!started_) return;
  // Directories may have come or gone: watch what is there now, then report.
  static_cast<void>(arm());
  if (on_change_) on_change_();
}

}  // namespace limber
