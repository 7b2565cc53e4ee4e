#include "store/pending_writes.h"

#include <algorithm>

namespace limber {

WallTime activity_bucket_of(WallTime t) {
  Duration into_bucket = t.time_since_epoch() % kActivityBucket;
  // % truncates toward zero; times before the epoch need the floor.
  if (into_bucket < Duration{0}) into_bucket += kActivityBucket;
  return t - into_bucket;
}

void PendingWrites::add_active(WallTime start, Duration d) {
  while (d > Duration{0}) {
    WallTime bucket = activity_bucket_of(start);
    Duration in_bucket = std::min(d, bucket + kActivityBucket - start);
    Duration& total = activity[bucket];
    total = std::min(total + in_bucket, kActivityBucket);
    start += in_bucket;
    d -= in_bucket;
  }
  while (max_buckets > 0 && activity.size() > max_buckets) {
    activity.erase(activity.begin());
    ++dropped_buckets;
  }
}

void PendingWrites::add_natural_break(NaturalBreakRow row) {
  natural_breaks.push_back(row);
  while (max_natural_breaks > 0 && natural_breaks.size() > max_natural_breaks) {
    natural_breaks.pop_front();
    ++dropped_natural_breaks;
  }
}

bool PendingWrites::empty() const {
  return breaks.empty() && activity.empty() && natural_breaks.empty() && !timer_state;
}

size_t PendingWrites::size() const {
  return breaks.size() + activity.size() + natural_breaks.size() + (timer_state ? 1 : 0);
}

void PendingWrites::clear() {
  breaks.clear();
  activity.clear();
  natural_breaks.clear();
  timer_state.reset();
  dropped_buckets = 0;
  dropped_natural_breaks = 0;
}

}  // namespace limber
