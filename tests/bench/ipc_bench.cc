// ipc_bench: status round trips against a real limberd over its socket.
// Starts limberd (--demo --source demo) in a private temp XDG world, then
// for 1 and for 32 concurrent clients measures each client's sequential
// status request -> reply latency, and prints p50, p99 and the total
// requests per second as a table.
//
//   ipc_bench [--seconds N]   (default 3 s per row)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "daemon_home.h"
#include "daemon_process.h"
#include "rpc_test_client.h"

namespace {

using namespace std::chrono_literals;
using limber::test::DaemonHome;
using limber::test::DaemonProcess;
using limber::test::Json;
using limber::test::RpcTestClient;
using Clock = std::chrono::steady_clock;

struct Row {
  int clients = 0;
  size_t requests = 0;
  double seconds = 0;
  double p50_us = 0;
  double p99_us = 0;
  bool ok = true;
};

Row measure(const std::string& socket, int clients, std::chrono::seconds duration) {
  std::vector<std::vector<double>> latencies(static_cast<size_t>(clients));
  std::vector<bool> ok(static_cast<size_t>(clients), true);
  std::vector<std::thread> threads;
  const auto start = Clock::now();
  const auto until = start + duration;
  for (int i = 0; i < clients; ++i) {
    threads.emplace_back([&, i] {
      RpcTestClient c;
      std::string err;
      if (!c.connect(socket, &err)) {
        ok[static_cast<size_t>(i)] = false;
        return;
      }
      auto& mine = latencies[static_cast<size_t>(i)];
      while (Clock::now() < until) {
        const auto sent = Clock::now();
        const auto reply = c.call("status", Json::object(), 5s);
        if (!reply || !reply->contains("result")) {
          ok[static_cast<size_t>(i)] = false;
          return;
        }
        mine.push_back(std::chrono::duration<double, std::micro>(Clock::now() - sent).count());
      }
    });
  }
  for (std::thread& t : threads) t.join();
  Row row;
  row.clients = clients;
  row.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::vector<double> all;
  for (const auto& l : latencies) all.insert(all.end(), l.begin(), l.end());
  row.ok = std::all_of(ok.begin(), ok.end(), [](bool b) { return b; }) && !all.empty();
  row.requests = all.size();
  if (!all.empty()) {
    std::sort(all.begin(), all.end());
    row.p50_us = all[all.size() / 2];
    row.p99_us = all[std::min(all.size() - 1, all.size() * 99 / 100)];
  }
  return row;
}

}  // namespace

int main(int argc, char** argv) {
  long seconds = 3;
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::string(argv[i]) == "--seconds") seconds = std::max(1L, std::atol(argv[i + 1]));
  }
  DaemonHome home;
  if (!home.ok()) {
    std::fprintf(stderr, "ipc_bench: cannot create a temp dir\n");
    return 1;
  }
  DaemonProcess daemon;
  std::string err;
  if (!daemon.start(LIMBERD_PATH, {"-f", "--demo", "--source", "demo", "--log-level", "warning"},
                    home.environment(), &err)) {
    std::fprintf(stderr, "ipc_bench: cannot start limberd: %s\n", err.c_str());
    return 1;
  }
  const std::string socket = limber::test::socket_path(home.runtime_dir());
  // Ready once a status round trip works.
  bool ready = false;
  for (auto until = Clock::now() + 10s; !ready && Clock::now() < until;
       std::this_thread::sleep_for(50ms)) {
    RpcTestClient probe;
    ready = probe.connect(socket, &err) && probe.call("status", Json::object(), 1s).has_value();
  }
  if (!ready) {
    std::fprintf(stderr, "ipc_bench: limberd did not answer; its log:\n%s\n",
                 daemon.stderr_text().c_str());
    return 1;
  }
  measure(socket, 1, 1s);  // warm-up
  std::printf("| clients | requests | p50 latency | p99 latency | requests/s |\n");
  std::printf("|---:|---:|---:|---:|---:|\n");
  int status = 0;
  for (int clients : {1, 32}) {
    const Row row = measure(socket, clients, std::chrono::seconds(seconds));
    if (!row.ok) {
      std::fprintf(stderr, "ipc_bench: a client lost its connection or a reply (%d clients)\n",
                   clients);
      status = 1;
    }
    std::printf("| %d | %zu | %.0f µs | %.0f µs | %.0f |\n", row.clients, row.requests, row.p50_us,
                row.p99_us, static_cast<double>(row.requests) / row.seconds);
  }
  const long rss = limber::test::rss_kib(daemon.pid());
  std::printf("\nlimberd VmRSS after the run: %ld KiB\n", rss);
  daemon.send_signal(15);
  daemon.wait_for_exit(10s);
  return status;
}
