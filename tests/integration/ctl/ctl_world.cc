#include "ctl_world.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace limber::test {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

std::string limberd_binary() {
  return LIMBERD_PATH;
}
std::string limberctl_binary() {
  return LIMBERCTL_PATH;
}

namespace {

int exit_code_of(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

std::vector<char*> c_strings(std::vector<std::string>& words) {
  std::vector<char*> out;
  for (std::string& w : words) out.push_back(w.data());
  out.push_back(nullptr);
  return out;
}

// Forks and execs; the child's stdin/stdout/stderr are the given fds.
pid_t spawn(const std::string& program, const std::vector<std::string>& args,
            const std::vector<std::string>& env, int in, int out, int err) {
  std::vector<std::string> argv{program};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<std::string> envv = env;
  std::vector<char*> c_argv = c_strings(argv), c_env = c_strings(envv);
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(in, STDIN_FILENO);
    ::dup2(out, STDOUT_FILENO);
    ::dup2(err, STDERR_FILENO);
    ::setpgid(0, 0);
    ::execve(program.c_str(), c_argv.data(), c_env.data());
    ::_exit(127);
  }
  return pid;
}

// Waits up to `timeout` for `pid`; its exit code, or -1 when still running.
int wait_for(pid_t pid, std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  for (;;) {
    int status = 0;
    const pid_t r = ::waitpid(pid, &status, WNOHANG);
    if (r == pid) return exit_code_of(status);
    if (r < 0) return -1;
    if (Clock::now() >= deadline) return -1;
    ::usleep(10'000);
  }
}

}  // namespace

ProcessResult run_process(const std::string& program, const std::vector<std::string>& args,
                          const std::vector<std::string>& env, const std::string& input,
                          std::chrono::milliseconds timeout) {
  ProcessResult result;
  int in[2], out[2], err[2];
  if (::pipe2(in, O_CLOEXEC) != 0 || ::pipe2(out, O_CLOEXEC) != 0 || ::pipe2(err, O_CLOEXEC) != 0)
    return result;
  const pid_t pid = spawn(program, args, env, in[0], out[1], err[1]);
  ::close(in[0]);
  ::close(out[1]);
  ::close(err[1]);
  if (pid < 0) return result;
  // The input is small (a few answers): it fits the pipe buffer at once.
  if (!input.empty() && ::write(in[1], input.data(), input.size()) < 0)
    result.err = "cannot write stdin";
  ::close(in[1]);

  const auto deadline = Clock::now() + timeout;
  pollfd fds[2] = {{out[0], POLLIN, 0}, {err[0], POLLIN, 0}};
  int open = 2;
  while (open > 0) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) {
      result.timed_out = true;
      ::kill(-pid, SIGKILL);
      break;
    }
    if (::poll(fds, 2, static_cast<int>(left.count())) <= 0) continue;
    for (pollfd& p : fds) {
      if (p.fd < 0 || (p.revents & (POLLIN | POLLHUP)) == 0) continue;
      char buf[4096];
      const ssize_t n = ::read(p.fd, buf, sizeof buf);
      if (n <= 0) {
        ::close(p.fd);
        p.fd = -1;
        --open;
        continue;
      }
      (p.fd == out[0] ? result.out : result.err).append(buf, static_cast<size_t>(n));
    }
  }
  for (pollfd& p : fds) {
    if (p.fd >= 0) ::close(p.fd);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  result.exit_code = exit_code_of(status);
  return result;
}

CtlWorld::CtlWorld() {
  char tmpl[] = "/tmp/limberctl-test-XXXXXX";
  if (::mkdtemp(tmpl) == nullptr) return;
  root_ = tmpl;
  for (const char* dir : {"/run", "/state", "/config", "/home", "/etc/limber"}) {
    std::error_code ec;
    fs::create_directories(root_ + dir, ec);
  }
  fs::permissions(runtime_dir(), fs::perms::owner_all, fs::perm_options::replace);
}

CtlWorld::~CtlWorld() {
  stop_daemon();
  if (!root_.empty()) {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }
}

bool CtlWorld::write_file(const std::string& path, const std::string& text) {
  std::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  std::ofstream f(path, std::ios::trunc);
  f << text;
  return static_cast<bool>(f.flush());
}

std::vector<std::string> CtlWorld::environment(const std::vector<std::string>& extra) const {
  std::vector<std::string> env = {
      "PATH=/usr/bin:/bin",
      "HOME=" + root_ + "/home",
      "XDG_RUNTIME_DIR=" + runtime_dir(),
      "XDG_STATE_HOME=" + root_ + "/state",
      "XDG_CONFIG_HOME=" + root_ + "/config",
      "LIMBER_SYSCONFDIR=" + root_ + "/etc",
      "DBUS_SESSION_BUS_ADDRESS=unix:path=" + root_ + "/no-session-bus",
      "DBUS_SYSTEM_BUS_ADDRESS=unix:path=" + root_ + "/no-system-bus",
      "TZ=UTC",
      "LANG=C.UTF-8",
  };
  for (const std::string& e : extra) {
    const std::string name = e.substr(0, e.find('=') + 1);
    std::erase_if(env, [&](const std::string& have) { return have.rfind(name, 0) == 0; });
    env.push_back(e);
  }
  return env;
}

bool CtlWorld::start_daemon(int scale, std::string* err) {
  const std::string log = root_ + "/limberd.log";
  const int log_fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  const int null_fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  daemon_ = spawn(limberd_binary(),
                  {"--demo", "--source", "demo", "-f", "--time-scale", std::to_string(scale)},
                  environment(), null_fd, log_fd, log_fd);
  ::close(log_fd);
  ::close(null_fd);
  const auto deadline = Clock::now() + 15s;
  while (Clock::now() < deadline) {
    if (client_.connect(socket_path()) && client_.hello("ctl-test").ok()) return true;
    client_.close();
    if (wait_for(daemon_, 0ms) >= 0) {
      daemon_ = -1;
      break;
    }
    ::usleep(50'000);
  }
  *err = "limberd did not answer on " + socket_path() + "; its log:\n" + daemon_log();
  return false;
}

void CtlWorld::stop_daemon() {
  client_.close();
  if (daemon_ > 0) {
    ::kill(daemon_, SIGTERM);
    if (wait_for(daemon_, 10s) < 0) {
      ::kill(daemon_, SIGKILL);
      ::waitpid(daemon_, nullptr, 0);
    }
  }
  daemon_ = -1;
}

std::string CtlWorld::daemon_log() const {
  std::ifstream f(root_ + "/limberd.log");
  std::ostringstream text;
  text << f.rdbuf();
  return text.str();
}

ProcessResult CtlWorld::ctl(const std::vector<std::string>& args, const std::string& input,
                            std::chrono::milliseconds timeout,
                            const std::vector<std::string>& extra_env) const {
  return run_process(limberctl_binary(), args, environment(extra_env), input, timeout);
}

CallResult CtlWorld::call_result(const std::string& method, const rpc::Json& params) {
  return client_.call(method, params, 5s);
}

rpc::Json CtlWorld::call(const std::string& method, const rpc::Json& params) {
  const CallResult r = client_.call(method, params, 5s);
  if (!r.ok()) {
    ADD_FAILURE() << method << " failed: " << r.error.message << "\nlimberd's log:\n"
                  << daemon_log();
    return nullptr;
  }
  return r.result;
}

}  // namespace limber::test
