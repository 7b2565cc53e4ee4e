#include "dnd/gnome_banners_setting.h"

#include <sys/stat.h>

#include <cstdlib>
#include <utility>
#include <vector>

#include "log.h"

namespace limber {
namespace {

constexpr const char* kSchema = "org.gnome.desktop.notifications";
constexpr const char* kKey = "show-banners";
// Where dconf keeps the key (the schema's path plus the key) and the signal
// its writer sends after a change: arg0 is the changed path or a directory
// above it, which is what arg0path matches.
constexpr const char* kNotifyRule =
    "type='signal',interface='ca.desrt.dconf.Writer',member='Notify',path='/ca/desrt/dconf/Writer/"
    "user',"
    "arg0path='/org/gnome/desktop/notifications/show-banners'";

std::vector<std::string> split_paths(const char* list) {
  std::vector<std::string> out;
  std::string rest = list != nullptr ? list : "";
  size_t start = 0;
  while (start <= rest.size()) {
    const size_t end = std::min(rest.find(':', start), rest.size());
    if (end > start) out.push_back(rest.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

bool is_file(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

}  // namespace

bool gsettings_schema_installed(const std::string& schema) {
  const std::string file = schema + ".gschema.xml";
  for (const std::string& dir : split_paths(std::getenv("GSETTINGS_SCHEMA_DIR"))) {
    if (is_file(dir + "/" + file)) return true;
  }
  std::vector<std::string> data_dirs;
  if (const char* home = std::getenv("XDG_DATA_HOME"); home != nullptr && *home != '\0') {
    data_dirs.emplace_back(home);
  } else if (const char* user_home = std::getenv("HOME"); user_home != nullptr) {
    data_dirs.push_back(std::string(user_home) + "/.local/share");
  }
  const char* system = std::getenv("XDG_DATA_DIRS");
  for (const std::string& dir :
       split_paths(system != nullptr && *system != '\0' ? system : "/usr/local/share:/usr/share")) {
    data_dirs.push_back(dir);
  }
  for (const std::string& dir : data_dirs) {
    if (is_file(dir + "/glib-2.0/schemas/" + file)) return true;
  }
  return false;
}

GnomeBannersSetting::~GnomeBannersSetting() {
  stop();
}

bool GnomeBannersSetting::start(uv_loop_t* loop, Changed on_change, std::string* why) {
  stop();
  if (!gsettings_schema_installed(kSchema)) {
    *why = std::string("the GSettings schema ") + kSchema + " is not installed";
    return false;
  }
  auto on_closed = [this](std::string_view reason) {
    log_warning("do not disturb: GNOME's switch no longer watched: the session bus " +
                std::string(reason));
    notify_match_.reset();
    gsettings_.stop();
    set(false);
  };
  if (!bus_.open(loop, SdBusConnection::Bus::kSession, on_closed, why)) return false;
  sd_bus_slot* slot = nullptr;
  if (const int r = sd_bus_add_match(bus_.bus(), &slot, kNotifyRule,
                                     &GnomeBannersSetting::on_dconf_notify, this);
      r < 0) {
    *why = "cannot watch dconf's changes: " + sd_bus_strerror(r);
    bus_.close();
    return false;
  }
  notify_match_.reset(slot);
  bus_.rearm();
  loop_ = loop;
  reported_failure_ = false;
  read();
  if (!gsettings_.running()) {
    // gsettings itself is missing: nothing can be read, so nothing is watched.
    *why = "cannot read it: " + output_;
    stop();
    return false;
  }
  on_change_ = std::move(on_change);
  return true;
}

void GnomeBannersSetting::stop() {
  notify_match_.reset();
  bus_.close();
  gsettings_.stop();
  output_.clear();
  read_again_ = false;
  on_change_ = nullptr;
  dnd_ = false;
}

int GnomeBannersSetting::on_dconf_notify(sd_bus_message* /*message*/, void* self,
                                         sd_bus_error* /*error*/) {
  static_cast<GnomeBannersSetting*>(self)->read();
  return 0;
}

void GnomeBannersSetting::read() {
  if (gsettings_.running()) {
    read_again_ = true;  // the reading under way may predate this change
    return;
  }
  output_.clear();
  std::string why;
  if (!gsettings_.start(
          loop_, {"gsettings", "get", kSchema, kKey},
          [this](std::string_view chunk) { output_.append(chunk); },
          [this](int64_t exit_status, int signal) { read_done(exit_status, signal); }, &why)) {
    output_ = why;
    if (!reported_failure_) log_debug("do not disturb: cannot read GNOME's switch: " + why);
    reported_failure_ = true;
  }
}

void GnomeBannersSetting::read_done(int64_t exit_status, int signal) {
  while (!output_.empty() && (output_.back() == '\n' || output_.back() == ' ')) output_.pop_back();
  if (exit_status == 0 && signal == 0 && (output_ == "true" || output_ == "false")) {
    reported_failure_ = false;
    set(output_ == "false");
  } else {
    if (!reported_failure_) {
      log_debug("do not disturb: gsettings could not read " + std::string(kSchema) + " " + kKey +
                " (exit " + std::to_string(exit_status) + ")");
    }
    reported_failure_ = true;
    set(false);
  }
  if (std::exchange(read_again_, false)) read();
}

void GnomeBannersSetting::set(bool dnd) {
  if (dnd == dnd_) return;
  dnd_ = dnd;
  if (on_change_) on_change_();
}

}  // namespace limber
