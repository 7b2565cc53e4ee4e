// Choosing the activity source at start-up: Mutter, then Wayland, then X11
// ("auto"), or the one `activity.source` names. The first that starts wins;
// when none does, every failure is reported so the user sees why.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "activity/activity_source.h"

namespace limber {

// The backends "auto" tries, in order.
const std::vector<std::string>& auto_source_order();

// A new, unstarted source for `name` ("mutter", "wayland", "x11"), or null.
std::unique_ptr<ActivitySource> make_activity_source(const std::string& name);

// Starts the source `preference` names ("auto" tries them in order). On
// failure returns null and appends "name: reason" for each backend tried.
std::unique_ptr<ActivitySource> start_activity_source(const std::string& preference,
                                                      uv_loop_t* loop, const Clock& clock,
                                                      Duration watch_timeout, ActivitySink& sink,
                                                      std::vector<std::string>* failures);

}  // namespace limber
