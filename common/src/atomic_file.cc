#include "limber/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace limber::report {

namespace {

bool fail(std::string* err, const std::string& what, int error) {
  *err = what + ": " + std::strerror(error);
  return false;
}

}  // namespace

bool write_file_atomically(const std::string& path, std::string_view content, mode_t mode,
                           std::string* err) {
  const size_t slash = path.rfind('/');
  const std::string dir = slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash));
  const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  std::string temp = dir + "/." + name + ".XXXXXX";
  std::vector<char> buffer(temp.begin(), temp.end());
  buffer.push_back('\0');
  const int fd = ::mkostemp(buffer.data(), O_CLOEXEC);
  if (fd < 0) return fail(err, "cannot create a file in " + dir, errno);
  temp.assign(buffer.data());

  auto abandon = [&](const std::string& what) {
    const int error = errno;
    ::close(fd);
    ::unlink(temp.c_str());
    return fail(err, what, error);
  };
  size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return abandon("cannot write " + temp);
    written += static_cast<size_t>(n);
  }
  // mkostemp made it 0600; fchmod is not subject to the umask.
  if (::fchmod(fd, mode) != 0) return abandon("cannot set the mode of " + temp);
  if (::fsync(fd) != 0) return abandon("cannot sync " + temp);
  if (::close(fd) != 0) {
    const int error = errno;
    ::unlink(temp.c_str());
    return fail(err, "cannot write " + temp, error);
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const int error = errno;
    ::unlink(temp.c_str());
    return fail(err, "cannot replace " + path, error);
  }
  // The rename is durable once the directory is; failing that is not worth
  // an error (the file is in place).
  if (const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
    static_cast<void>(::fsync(dfd));
    ::close(dfd);
  }
  return true;
}

}  // namespace limber::report
