#include "limber/report_spool.h"

namespace limber::report {

std::string report_dir(const std::string& spool_dir, uid_t uid) {
  std::string dir = spool_dir;
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  return dir + "/" + std::to_string(uid);
}

std::string report_path(const std::string& spool_dir, uid_t uid) {
  return report_dir(spool_dir, uid) + "/" + kReportFileName;
}

std::string legacy_report_path(const std::string& spool_dir, uid_t uid) {
  return report_dir(spool_dir, uid) + ".json";
}

std::chrono::system_clock::time_point next_report_write(std::chrono::system_clock::time_point now,
                                                        std::chrono::minutes interval) {
  using std::chrono::floor;
  if (interval <= std::chrono::minutes::zero()) interval = kReportWriteInterval;
  const auto slot = floor<std::chrono::minutes>(now.time_since_epoch()) / interval;
  return std::chrono::system_clock::time_point{(slot + 1) * interval};
}

}  // namespace limber::report
