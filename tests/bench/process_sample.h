// ProcessSample: what the kernel says one process costs, read from /proc the
// way anyone can check by hand (`grep -E 'VmRSS|ctxt' /proc/PID/status`,
// `cat /proc/PID/smaps_rollup`, fields 14 and 15 of /proc/PID/stat, the
// first field of /proc/PID/schedstat).
//
// Used by the footprint benchmark to sample limberd and limber-tray before
// and after a measured window; the difference of two samples is the window's
// cost. Test-only; any thread.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace limber::bench {

struct ProcessSample {
  bool ok = false;
  // CPU time in nanoseconds from /proc/PID/schedstat (time on a CPU), or,
  // where the kernel has no schedstat, utime + stime from /proc/PID/stat,
  // which counts whole clock ticks (10 ms) and reads 0 for a process that
  // runs for microseconds at a time.
  double cpu_seconds = 0;
  double tick_cpu_seconds = 0;  // utime + stime, always
  long voluntary_switches = 0;  // the process slept (waited for something)
  long involuntary_switches = 0;
  long rss_kib = 0;  // VmRSS
  long pss_kib = 0;  // Pss from smaps_rollup: shared pages split among their users
};

ProcessSample sample_process(pid_t pid);

// The cost of a window between two samples.
struct WindowCost {
  double seconds = 0;      // wall-clock length of the window
  double cpu_seconds = 0;       // CPU time the process used in it (schedstat)
  double tick_cpu_seconds = 0;  // the same from utime + stime (10 ms ticks)
  long switches = 0;       // voluntary + involuntary context switches
  double cpu_percent() const { return seconds > 0 ? 100.0 * cpu_seconds / seconds : 0; }
  double switches_per_minute() const { return seconds > 0 ? 60.0 * static_cast<double>(switches) / seconds : 0; }
};

WindowCost window_cost(const ProcessSample& before, const ProcessSample& after, double seconds);

// Resident memory by mapping, from /proc/PID/smaps: the file a mapping comes
// from (its base name: "libgio-2.0.so.0.7400.6"), or "[heap]", "[stack]",
// "[anon]" for anonymous memory. Sorted by Rss, largest first.
struct MappingShare {
  std::string name;
  long rss_kib = 0;
  long pss_kib = 0;
};
std::vector<MappingShare> memory_by_mapping(pid_t pid);

}  // namespace limber::bench
