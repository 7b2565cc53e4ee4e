#include "spool_reader.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <map>

namespace limber::report {

namespace {

// A report is a few hundred bytes; anything much larger is not one.
constexpr off_t kMaxReportBytes = 64 * 1024;

// The uid in "1000.json", or -1.
int64_t uid_from_name(const std::string& name) {
  constexpr std::string_view kSuffix = ".json";
  if (name.size() <= kSuffix.size() || !name.ends_with(kSuffix)) return -1;
  const std::string digits = name.substr(0, name.size() - kSuffix.size());
  if (digits.size() > 10 || digits.find_first_not_of("0123456789") != std::string::npos) return -1;
  int64_t uid = -1;
  std::from_chars(digits.data(), digits.data() + digits.size(), uid);
  return uid;
}

}  // namespace

bool read_spool(const std::string& dir, std::chrono::system_clock::time_point now,
                std::chrono::seconds max_age, SpoolScan* out, std::string* err) {
  *out = SpoolScan{};
  DIR* d = ::opendir(dir.c_str());
  if (d == nullptr) {
    *err = "cannot read the spool " + dir + ": " + std::strerror(errno);
    return false;
  }
  std::map<int64_t, DailyReport> by_uid;
  while (const dirent* entry = ::readdir(d)) {
    const std::string name = entry->d_name;
    // "." and "..", and the temporary files of writes in progress.
    if (name.starts_with(".")) continue;
    const std::string path = dir + "/" + name;
    auto skip = [&](int& counter, const std::string& why) {
      ++counter;
      out->problems.push_back(path + ": " + why);
    };
    const int64_t uid = uid_from_name(name);
    if (uid < 0) {
      skip(out->invalid, "not a report file (reports are named UID.json), ignored");
      continue;
    }
    const int fd = ::openat(::dirfd(d), name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
      if (errno == ELOOP) {
        skip(out->wrong_owner, "a symbolic link, ignored");
      } else {
        skip(out->invalid, std::string("cannot open: ") + std::strerror(errno));
      }
      continue;
    }
    struct stat st {};
    std::string text;
    bool readable = ::fstat(fd, &st) == 0;
    if (readable && S_ISREG(st.st_mode) && static_cast<int64_t>(st.st_uid) == uid &&
        st.st_size <= kMaxReportBytes) {
      text.resize(static_cast<size_t>(st.st_size));
      readable = ::read(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    }
    ::close(fd);
    if (!readable) {
      skip(out->invalid, "cannot read it");
      continue;
    }
    if (!S_ISREG(st.st_mode)) {
      skip(out->wrong_owner, "not a regular file, ignored");
      continue;
    }
    if (static_cast<int64_t>(st.st_uid) != uid) {
      skip(out->wrong_owner, "owned by uid " + std::to_string(st.st_uid) +
                                 ", not the uid in its name; ignored (another user may not report "
                                 "for this one)");
      continue;
    }
    if (st.st_size > kMaxReportBytes) {
      skip(out->invalid, "larger than a report can be, ignored");
      continue;
    }
    const auto modified = std::chrono::system_clock::time_point{
        std::chrono::seconds{st.st_mtim.tv_sec} + std::chrono::nanoseconds{st.st_mtim.tv_nsec}};
    if (now - modified > max_age) {
      skip(out->stale, "not updated for more than " +
                           std::to_string(std::chrono::duration_cast<std::chrono::hours>(max_age).count() / 24) +
                           " days, left out");
      continue;
    }
    const nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    DailyReport report;
    std::string why;
    if (j.is_discarded()) {
      skip(out->invalid, "not valid JSON, ignored");
      continue;
    }
    if (!from_json(j, &report, &why)) {
      skip(out->invalid, why + ", ignored");
      continue;
    }
    by_uid[uid] = std::move(report);
  }
  ::closedir(d);
  for (auto& [uid, report] : by_uid) out->reports.push_back(std::move(report));
  std::sort(out->problems.begin(), out->problems.end());
  return true;
}

}  // namespace limber::report
