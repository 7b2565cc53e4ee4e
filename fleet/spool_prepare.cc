#include "spool_prepare.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <ctime>
#include <set>

#include "limber/report_spool.h"

namespace limber::report {

namespace {

// The uid spelled by `text` ("1000"), or 0 (root, never a spool user).
uid_t uid_of(std::string_view text) {
  if (text.empty() || text.size() > 10 || text.find_first_not_of("0123456789") != std::string_view::npos) return 0;
  uint64_t v = 0;
  std::from_chars(text.data(), text.data() + text.size(), v);
  return v > 0xFFFFFFFEu ? 0 : static_cast<uid_t>(v);
}

std::vector<std::string> entries(int dir_fd) {
  std::vector<std::string> names;
  const int fd = ::dup(dir_fd);
  DIR* d = fd < 0 ? nullptr : ::fdopendir(fd);
  if (d == nullptr) {
    if (fd >= 0) ::close(fd);
    return names;
  }
  ::rewinddir(d);
  while (const dirent* e = ::readdir(d)) names.emplace_back(e->d_name);
  ::closedir(d);
  return names;
}

bool move_aside(int spool_fd, const std::string& name, SpoolPreparation* out, const std::string& why) {
  const std::string aside = ".refused-" + name + "-" + std::to_string(::time(nullptr));
  if (::renameat(spool_fd, name.c_str(), spool_fd, aside.c_str()) == 0) {
    ++out->removed;
    out->problems.push_back(name + ": " + why + "; moved aside as " + aside);
    return true;
  }
  out->problems.push_back(name + ": " + why + "; cannot move it aside: " + std::strerror(errno));
  return false;
}

// Makes sure `<spool>/<uid>` is a 0700 directory owned by uid.
bool ensure_user_dir(int spool_fd, uid_t uid, SpoolPreparation* out) {
  const std::string name = std::to_string(uid);
  if (::mkdirat(spool_fd, name.c_str(), 0700) == 0) {
    ++out->created;
  } else if (errno != EEXIST) {
    out->problems.push_back(name + ": cannot create: " + std::strerror(errno));
    return false;
  }
  int fd = ::openat(spool_fd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  struct stat st {};
  if (fd >= 0 && ::fstat(fd, &st) == 0 && st.st_uid != uid && st.st_uid != 0) {
    // Made by another user while the spool was still the shared 1733 one.
    ::close(fd);
    fd = -1;
    if (!move_aside(spool_fd, name, out, "owned by uid " + std::to_string(st.st_uid))) return false;
    if (::mkdirat(spool_fd, name.c_str(), 0700) != 0) return false;
    ++out->created;
    fd = ::openat(spool_fd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return false;
  }
  if (fd < 0) {
    if (!move_aside(spool_fd, name, out, "not a directory")) return false;
    if (::mkdirat(spool_fd, name.c_str(), 0700) != 0) return false;
    ++out->created;
    fd = ::openat(spool_fd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return false;
  }
  const bool ok = ::fchown(fd, uid, static_cast<gid_t>(-1)) == 0 && ::fchmod(fd, 0700) == 0;
  if (!ok) out->problems.push_back(name + ": cannot give it to uid " + name + ": " + std::strerror(errno));
  ::close(fd);
  return ok;
}

// `<uid>.json` of the old layout: moved into `<uid>/report.json` when its
// uid owns it, removed when someone else does.
void migrate_legacy(int spool_fd, const std::string& name, uid_t uid, SpoolPreparation* out) {
  struct stat st {};
  if (::fstatat(spool_fd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) return;
  if (!S_ISREG(st.st_mode) || st.st_uid != uid || st.st_nlink != 1) {
    if (::unlinkat(spool_fd, name.c_str(), 0) == 0) {
      ++out->removed;
      out->problems.push_back(name + ": not a report of uid " + std::to_string(uid) + "'s; removed");
    }
    return;
  }
  if (!ensure_user_dir(spool_fd, uid, out)) return;
  const std::string target = std::to_string(uid) + "/" + kReportFileName;
  struct stat existing {};
  if (::fstatat(spool_fd, target.c_str(), &existing, AT_SYMLINK_NOFOLLOW) == 0) {
    ::unlinkat(spool_fd, name.c_str(), 0);  // the daemon already writes the new one
    return;
  }
  if (::renameat(spool_fd, name.c_str(), spool_fd, target.c_str()) == 0) ++out->migrated;
}

}  // namespace

bool prepare_spool(const std::string& spool, const std::string& runtime_root, SpoolPreparation* out,
                   std::string* err) {
  *out = SpoolPreparation{};
  const int spool_fd = ::open(spool.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (spool_fd < 0) {
    *err = "cannot open the spool " + spool + ": " + std::strerror(errno);
    return false;
  }
  // The old shared spool was 1733; from now on only root creates in it.
  if (::fchmod(spool_fd, 0711) != 0) out->problems.push_back(spool + ": cannot make it 0711");
  for (const std::string& name : entries(spool_fd)) {
    if (name.ends_with(".json")) {
      const uid_t uid = uid_of(std::string_view(name).substr(0, name.size() - 5));
      if (uid != 0) migrate_legacy(spool_fd, name, uid, out);
    }
  }
  std::set<uid_t> users;
  if (const int run_fd = ::open(runtime_root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); run_fd >= 0) {
    for (const std::string& name : entries(run_fd)) {
      struct stat st {};
      const uid_t uid = uid_of(name);
      // logind makes /run/user/<uid> owned by that uid.
      if (uid != 0 && ::fstatat(run_fd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 &&
          S_ISDIR(st.st_mode) && st.st_uid == uid) {
        users.insert(uid);
      }
    }
    ::close(run_fd);
  }
  for (const uid_t uid : users) ensure_user_dir(spool_fd, uid, out);
  ::close(spool_fd);
  return true;
}

}  // namespace limber::report
