#include "process_sample.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

namespace limber::bench {
namespace {

std::string proc_path(pid_t pid, const char* file) {
  return "/proc/" + std::to_string(pid) + "/" + file;
}

// The number after "Name:" in a /proc file of "Name: value kB" lines.
long field_kib(const std::string& text, const std::string& name) {
  const std::string key = "\n" + name + ":";
  const std::string padded = "\n" + text;
  const size_t at = padded.find(key);
  if (at == std::string::npos) return -1;
  return std::atol(padded.c_str() + at + key.size());
}

std::string read_all(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

ProcessSample sample_process(pid_t pid) {
  ProcessSample s;
  const std::string stat = read_all(proc_path(pid, "stat"));
  // The command name (field 2) may hold spaces: fields are counted after ')'.
  const size_t close = stat.rfind(')');
  const std::string status = read_all(proc_path(pid, "status"));
  const std::string rollup = read_all(proc_path(pid, "smaps_rollup"));
  if (close == std::string::npos || status.empty() || rollup.empty()) return s;
  std::istringstream fields(stat.substr(close + 2));
  std::string field;
  unsigned long long utime = 0;
  unsigned long long stime = 0;
  for (int n = 3; fields >> field; ++n) {  // field 3 is the state
    if (n == 14) utime = std::stoull(field);
    if (n == 15) {
      stime = std::stoull(field);
      break;
    }
  }
  s.tick_cpu_seconds = static_cast<double>(utime + stime) / static_cast<double>(::sysconf(_SC_CLK_TCK));
  s.cpu_seconds = s.tick_cpu_seconds;
  std::ifstream schedstat(proc_path(pid, "schedstat"));
  unsigned long long on_cpu_ns = 0;
  if (schedstat >> on_cpu_ns) s.cpu_seconds = static_cast<double>(on_cpu_ns) / 1e9;
  s.voluntary_switches = field_kib(status, "voluntary_ctxt_switches");
  s.involuntary_switches = field_kib(status, "nonvoluntary_ctxt_switches");
  s.rss_kib = field_kib(status, "VmRSS");
  s.pss_kib = field_kib(rollup.substr(rollup.find('\n') + 1), "Pss");
  s.ok = s.rss_kib >= 0 && s.pss_kib >= 0;
  return s;
}

WindowCost window_cost(const ProcessSample& before, const ProcessSample& after, double seconds) {
  WindowCost c;
  c.seconds = seconds;
  c.cpu_seconds = after.cpu_seconds - before.cpu_seconds;
  c.tick_cpu_seconds = after.tick_cpu_seconds - before.tick_cpu_seconds;
  c.switches = (after.voluntary_switches + after.involuntary_switches) -
               (before.voluntary_switches + before.involuntary_switches);
  return c;
}

std::vector<MappingShare> memory_by_mapping(pid_t pid) {
  std::ifstream in(proc_path(pid, "smaps"));
  std::map<std::string, MappingShare> by_name;
  std::string line;
  MappingShare* current = nullptr;
  while (std::getline(in, line)) {
    // A mapping's header: "start-end perms offset dev inode [path]".
    const bool header = !line.empty() && std::isxdigit(static_cast<unsigned char>(line[0])) &&
                        line.find('-') < line.find(' ');
    if (header) {
      std::istringstream parts(line);
      std::string range, perms, offset, dev, inode, path;
      parts >> range >> perms >> offset >> dev >> inode;
      std::getline(parts >> std::ws, path);
      std::string name = path.empty() ? "[anon]" : path;
      if (name[0] == '/') name = name.substr(name.rfind('/') + 1);
      current = &by_name[name];
      current->name = name;
      continue;
    }
    if (current == nullptr) continue;
    if (line.rfind("Rss:", 0) == 0) current->rss_kib += std::atol(line.c_str() + 4);
    if (line.rfind("Pss:", 0) == 0) current->pss_kib += std::atol(line.c_str() + 4);
  }
  std::vector<MappingShare> shares;
  for (auto& [name, share] : by_name) shares.push_back(share);
  std::sort(shares.begin(), shares.end(),
            [](const MappingShare& a, const MappingShare& b) { return a.rss_kib > b.rss_kib; });
  return shares;
}

}  // namespace limber::bench
