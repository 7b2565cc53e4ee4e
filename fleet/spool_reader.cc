#include "spool_reader.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <ctime>
#include <map>

#include "limber/report_spool.h"
#include "report_bounds.h"

namespace limber::report {

namespace {

// A report is a few hundred bytes; anything much larger is not one.
constexpr off_t kMaxReportBytes = 64 * 1024;

// The uid in "1000" (with suffix "") or "1000.json" (suffix ".json"), or -1.
int64_t uid_from_name(const std::string& name, std::string_view suffix) {
  if (name.size() <= suffix.size() || !name.ends_with(suffix)) return -1;
  const std::string digits = name.substr(0, name.size() - suffix.size());
  if (digits.size() > 10 || digits.find_first_not_of("0123456789") != std::string::npos) return -1;
  int64_t uid = -1;
  std::from_chars(digits.data(), digits.data() + digits.size(), uid);
  return uid;
}

// The exporter's local date, in days since 1970-01-01.
int64_t local_day(std::chrono::system_clock::time_point now) {
  const std::time_t t = std::chrono::system_clock::to_time_t(now);
  std::tm tm{};
  ::localtime_r(&t, &tm);
  char date[16];
  std::strftime(date, sizeof date, "%Y-%m-%d", &tm);
  return days_from_iso_date(date).value_or(0);
}

struct ScanContext {
  std::chrono::system_clock::time_point now;
  std::chrono::seconds max_age;
  int64_t clock_day = 0;
  SpoolScan* out = nullptr;
  std::map<int64_t, DailyReport>* by_uid = nullptr;

  void skip(int& counter, const std::string& path, const std::string& why) const {
    ++counter;
    out->problems.push_back(path + ": " + why);
  }
};

// Opens `name` in `dir_fd` without following links and checks it is a
// regular file of `uid`'s with one link and a report's size; reads it.
bool read_owned_file(int dir_fd, const std::string& name, int64_t uid, const std::string& path,
                     const ScanContext& ctx, std::string* text, struct stat* st) {
  SpoolScan& out = *ctx.out;
  const int fd = ::openat(dir_fd, name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ELOOP) {
      ctx.skip(out.wrong_owner, path, "a symbolic link, ignored");
    } else {
      ctx.skip(out.invalid, path, std::string("cannot open: ") + std::strerror(errno));
    }
    return false;
  }
  bool readable = ::fstat(fd, st) == 0;
  const bool plausible = readable && S_ISREG(st->st_mode) && static_cast<int64_t>(st->st_uid) == uid &&
                         st->st_nlink == 1 && st->st_size <= kMaxReportBytes;
  if (plausible) {
    text->resize(static_cast<size_t>(st->st_size));
    readable = ::read(fd, text->data(), text->size()) == static_cast<ssize_t>(text->size());
  }
  ::close(fd);
  if (!readable) {
    ctx.skip(out.invalid, path, "cannot read it");
  } else if (!S_ISREG(st->st_mode)) {
    ctx.skip(out.wrong_owner, path, "not a regular file, ignored");
  } else if (static_cast<int64_t>(st->st_uid) != uid) {
    ctx.skip(out.wrong_owner, path,
             "owned by uid " + std::to_string(st->st_uid) +
                 ", not the uid in its name; ignored (another user may not report for this one)");
  } else if (st->st_nlink != 1) {
    ctx.skip(out.hard_link, path, "has " + std::to_string(st->st_nlink) + " links, ignored");
  } else if (st->st_size > kMaxReportBytes) {
    ctx.skip(out.invalid, path, "larger than a report can be, ignored");
  }
  return readable && plausible;
}

// Reads one user's report file and, when it is current and believable,
// keeps it for `uid` (the per-user layout wins over the old flat one).
void take_report(int dir_fd, const std::string& name, int64_t uid, const std::string& path,
                 bool preferred, const ScanContext& ctx) {
  SpoolScan& out = *ctx.out;
  std::string text;
  struct stat st {};
  if (!read_owned_file(dir_fd, name, uid, path, ctx, &text, &st)) return;
  const auto modified = std::chrono::system_clock::time_point{
      std::chrono::seconds{st.st_mtim.tv_sec} + std::chrono::nanoseconds{st.st_mtim.tv_nsec}};
  if (ctx.now - modified > ctx.max_age) {
    ctx.skip(out.stale, path,
             "not updated for more than " +
                 std::to_string(std::chrono::duration_cast<std::chrono::hours>(ctx.max_age).count() / 24) +
                 " days, left out");
    return;
  }
  const nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  DailyReport report;
  std::string why;
  if (j.is_discarded()) {
    ctx.skip(out.invalid, path, "not valid JSON, ignored");
  } else if (!from_json(j, &report, &why)) {
    ctx.skip(out.invalid, path, why + ", ignored");
  } else if (const auto bad = implausible(report, ctx.clock_day)) {
    ctx.skip(out.implausible, path, *bad + "; ignored");
  } else if (preferred || ctx.by_uid->count(uid) == 0) {
    (*ctx.by_uid)[uid] = std::move(report);
  }
}

// `<spool>/<uid>/`: a directory of that uid's (made by root) holding
// report.json.
void scan_user_dir(int spool_fd, const std::string& name, int64_t uid, const std::string& path,
                   const ScanContext& ctx) {
  SpoolScan& out = *ctx.out;
  const int fd = ::openat(spool_fd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  struct stat st {};
  if (fd < 0 || ::fstat(fd, &st) != 0) {
    if (fd >= 0) ::close(fd);
    ctx.skip(out.invalid, path, "not a directory this program can open, ignored");
    return;
  }
  if (static_cast<int64_t>(st.st_uid) != uid) {
    ctx.skip(out.wrong_owner, path, "owned by uid " + std::to_string(st.st_uid) + ", not " +
                                        std::to_string(uid) + "; ignored");
  } else if (::faccessat(fd, kReportFileName, F_OK, AT_SYMLINK_NOFOLLOW) == 0) {
    take_report(fd, kReportFileName, uid, path + "/" + kReportFileName, true, ctx);
  }
  ::close(fd);
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
  const ScanContext ctx{now, max_age, local_day(now), out, &by_uid};
  std::vector<std::pair<std::string, int64_t>> legacy;
  while (const dirent* entry = ::readdir(d)) {
    const std::string name = entry->d_name;
    // "." and "..", and the temporary files of writes in progress.
    if (name.starts_with(".")) continue;
    const std::string path = dir + "/" + name;
    const int64_t dir_uid = uid_from_name(name, "");
    const int64_t file_uid = uid_from_name(name, ".json");
    const int64_t uid = dir_uid >= 0 ? dir_uid : file_uid;
    if (uid < 0) {
      ctx.skip(out->invalid, path, "not a report (reports are UID/report.json), ignored");
    } else if (uid == 0) {
      ctx.skip(out->root, path, "a report for uid 0, ignored");
    } else if (dir_uid >= 0) {
      scan_user_dir(::dirfd(d), name, uid, path, ctx);
    } else {
      legacy.emplace_back(name, uid);  // after the new layout, which wins
    }
  }
  for (const auto& [name, uid] : legacy) {
    take_report(::dirfd(d), name, uid, dir + "/" + name, false, ctx);
  }
  ::closedir(d);
  for (auto& [uid, report] : by_uid) out->reports.push_back(std::move(report));
  std::sort(out->problems.begin(), out->problems.end());
  return true;
}

}  // namespace limber::report
