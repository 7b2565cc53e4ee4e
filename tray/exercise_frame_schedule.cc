#include "exercise_frame_schedule.h"

#include <algorithm>
#include <numeric>

namespace limber::tray {

std::vector<int64_t> frame_durations_ms(const std::vector<int>& hold_seconds) {
  std::vector<int64_t> out;
  out.reserve(hold_seconds.size());
  for (int hold : hold_seconds) out.push_back(int64_t{1000} * std::max(hold, kMovementSeconds));
  return out;
}

size_t frame_index_at(const std::vector<int64_t>& durations_ms, int64_t elapsed_ms) {
  const int64_t cycle = std::accumulate(durations_ms.begin(), durations_ms.end(), int64_t{0});
  if (cycle <= 0) return 0;
  int64_t into = std::max<int64_t>(elapsed_ms, 0) % cycle;
  for (size_t i = 0; i < durations_ms.size(); ++i) {
    if (into < durations_ms[i]) return i;
    into -= durations_ms[i];
  }
  return 0;
}

std::string frame_path(const std::string& illustration, size_t index) {
  constexpr std::string_view kSuffix = ".svg";
  if (illustration.size() <= kSuffix.size() ||
      illustration.compare(illustration.size() - kSuffix.size(), kSuffix.size(), kSuffix) != 0) {
    return {};
  }
  return illustration.substr(0, illustration.size() - kSuffix.size()) + "-" +
         std::to_string(index + 1) + ".svg";
}

}  // namespace limber::tray
