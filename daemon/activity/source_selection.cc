#include "activity/source_selection.h"

#include "activity/mutter_source.h"
#include "activity/wayland_source.h"
#include "activity/x11_source.h"

namespace limber {

const std::vector<std::string>& auto_source_order() {
  static const std::vector<std::string> order = {"mutter", "wayland", "x11"};
  return order;
}

std::unique_ptr<ActivitySource> make_activity_source(const std::string& name) {
  if (name == "mutter") return std::make_unique<MutterSource>();
  if (name == "wayland") return std::make_unique<WaylandSource>();
  if (name == "x11") return std::make_unique<X11Source>();
  return nullptr;
}

std::unique_ptr<ActivitySource> start_activity_source(const std::string& preference,
                                                      uv_loop_t* loop, const Clock& clock,
                                                      Duration watch_timeout, ActivitySink& sink,
                                                      std::vector<std::string>* failures) {
  const std::vector<std::string> names =
      preference == "auto" ? auto_source_order() : std::vector<std::string>{preference};
  for (const std::string& name : names) {
    std::unique_ptr<ActivitySource> source = make_activity_source(name);
    if (!source) {
      failures->push_back(name + ": unknown activity source");
      continue;
    }
    std::string why;
    if (source->start(loop, clock, watch_timeout, sink, &why)) return source;
    source->stop();
    failures->push_back(name + ": " + why);
  }
  return nullptr;
}

}  // namespace limber
