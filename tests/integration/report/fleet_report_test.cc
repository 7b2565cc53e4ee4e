// Fleet reporting with the real programs: a policy (LIMBER_SYSCONFDIR)
// turns reporting on with a temporary spool, two users' limberd processes
// (two uids, so run as root) take demo breaks and write their reports, and
// limber-fleet-export merges them into Prometheus text that a strict parser
// and promtool accept, with the right sums, no user labels, and a file
// planted under another user's name left out. Also: the user's own config
// cannot turn reporting on, and a spool that cannot be written is logged
// once while reminders go on.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "limber/report_spool.h"
#include "limberd_test.h"
#include "prometheus_parse.h"

namespace limber::test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr const char* kKinds[] = {"micro", "rest", "daily"};
constexpr const char* kOutcomes[] = {"due", "taken", "natural", "postponed", "skipped", "ignored", "cancelled"};

// A directory removed at the end of the test.
struct TempDir {
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "limber-fleet-XXXXXX").string();
    if (::mkdtemp(tmpl.data()) != nullptr) path = tmpl;
  }
  ~TempDir() {
    std::error_code ignored;
    if (!path.empty()) fs::remove_all(path, ignored);
  }
  std::string path;
};

// stdout of `command` run by the shell, and its exit status.
std::string run(const std::string& command, int* status = nullptr) {
  std::string out;
  if (FILE* p = ::popen(command.c_str(), "r")) {
    char buffer[4096];
    size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, p)) > 0) out.append(buffer, n);
    const int st = ::pclose(p);
    if (status != nullptr) *status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  }
  return out;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

json read_json(const std::string& path) { return json::parse(read_file(path), nullptr, false); }

// A policy that turns reporting on, writing to `spool`.
std::string report_policy(const std::string& spool) {
  return "[report]\nenabled = true\nspool_dir = \"" + spool + "\"\n";
}

// `limberctl ARGS` for the daemon of `home`, as `uid` (setpriv when not us).
std::string limberctl(const DaemonHome& home, uid_t uid, const std::string& args, int* status = nullptr) {
  std::string who;
  if (uid != ::getuid()) {
    who = "setpriv --reuid=" + std::to_string(uid) + " --regid=" + std::to_string(uid) + " --clear-groups ";
  }
  return run("env -i PATH=/usr/bin:/bin XDG_RUNTIME_DIR=" + home.runtime_dir() + " " + who + LIMBERCTL_PATH + " " +
                 args + " 2>&1",
             status);
}

// Waits until `path` holds a report whose today has at least one micro-break taken.
json wait_for_report_with_a_break(const std::string& path, std::chrono::seconds timeout) {
  const auto until = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < until) {
    const json j = read_json(path);
    if (j.is_object() && j["today"]["breaks"]["micro"]["taken"].get<int>() >= 1) return j;
    std::this_thread::sleep_for(200ms);
  }
  return json();
}

// One user: a private home owned by `uid`, and that user's limberd.
struct ReportingUser {
  uid_t uid;
  DaemonHome home;
  DaemonProcess daemon;

  ::testing::AssertionResult start(const std::string& spool) {
    if (!home.ok()) return ::testing::AssertionFailure() << "no temp dir";
    if (!DaemonHome::write_file(home.policy_dir() + "/50-report.toml", report_policy(spool)))
      return ::testing::AssertionFailure() << "cannot write the policy";
    std::error_code ec;
    for (const auto& entry : fs::recursive_directory_iterator(home.root(), ec)) {
      if (::lchown(entry.path().c_str(), uid, uid) != 0) return ::testing::AssertionFailure() << "chown failed";
    }
    if (::lchown(home.root().c_str(), uid, uid) != 0) return ::testing::AssertionFailure() << "chown failed";
    std::string err;
    const std::vector<std::string> args = {"--reuid=" + std::to_string(uid), "--regid=" + std::to_string(uid),
                                           "--clear-groups", "--", limberd_path(), "-f", "--demo", "--source",
                                           "demo", kShortScale};
    if (!daemon.start("/usr/bin/setpriv", args, home.environment(), &err))
      return ::testing::AssertionFailure() << err;
    return ::testing::AssertionSuccess();
  }
  std::string file(const std::string& spool) const { return report::report_path(spool, uid); }
  // The user's own report directory, as limber-fleet-export --prepare-spool makes it.
  bool make_report_dir(const std::string& spool) const {
    const std::string dir = report::report_dir(spool, uid);
    return ::mkdir(dir.c_str(), 0700) == 0 && ::chown(dir.c_str(), uid, uid) == 0;
  }
};

class FleetReportDaemon : public LimberdTest {};

TEST_F(FleetReportDaemon, TwoUsersReportsMergeIntoValidPrometheusTextWithTheRightSums) {
  if (::geteuid() != 0) GTEST_SKIP() << "needs root: runs limberd as two other users";
  if (::access("/usr/bin/setpriv", X_OK) != 0) GTEST_SKIP() << "needs setpriv (util-linux)";
  TempDir tmp;
  ASSERT_FALSE(tmp.path.empty());
  ASSERT_EQ(::chmod(tmp.path.c_str(), 0755), 0);
  const std::string spool = tmp.path + "/spool";
  ASSERT_EQ(::mkdir(spool.c_str(), 0), 0);
  ASSERT_EQ(::chmod(spool.c_str(), 0711), 0);  // as the package makes it

  ReportingUser a{65534, {}, {}};
  ReportingUser b{65533, {}, {}};
  ASSERT_TRUE(a.make_report_dir(spool) && b.make_report_dir(spool));
  ASSERT_TRUE(a.start(spool));
  ASSERT_TRUE(b.start(spool));
  for (ReportingUser* u : {&a, &b}) {
    ASSERT_TRUE(u->daemon.wait_for_line("fleet reporting is on .*50-report.toml", 10s))
        << u->daemon.stderr_text();
    // Written at start, then on the quarter hours (not after each break).
    ASSERT_TRUE(u->daemon.wait_for_line("micro-break #[0-9]+ ended: taken", 40s)) << u->daemon.stderr_text();
    ASSERT_TRUE(read_json(u->file(spool)).is_object()) << "no report in " << u->file(spool);
    struct stat st {};
    ASSERT_EQ(::stat(u->file(spool).c_str(), &st), 0);
    EXPECT_EQ(st.st_uid, u->uid);
    EXPECT_EQ(st.st_mode & 07777, 0600u) << "other users must not read a report";
  }

  // What the user sees is what was written.
  int status = -1;
  const std::string shown = limberctl(a.home, a.uid, "--json report show", &status);
  ASSERT_EQ(status, 0) << shown;
  const json r = json::parse(shown, nullptr, false);
  ASSERT_TRUE(r.is_object()) << shown;
  const json written = read_json(a.file(spool));
  EXPECT_TRUE(r["enabled"].get<bool>());
  EXPECT_EQ(r["enabled_by"], a.home.policy_dir() + "/50-report.toml");
  EXPECT_EQ(r["file"], a.file(spool));
  EXPECT_TRUE(r["last_written"].is_string());
  EXPECT_EQ(r["report"]["schema"], written["schema"]);
  EXPECT_EQ(r["report"]["limber_version"], written["limber_version"]);
  EXPECT_EQ(r["report"]["today"]["date"], written["today"]["date"]);
  EXPECT_EQ(r["report"]["last_complete_day"], written["last_complete_day"]);
  EXPECT_GE(r["report"]["today"]["breaks"]["micro"]["taken"].get<int>(),
            written["today"]["breaks"]["micro"]["taken"].get<int>());
  const std::string human = limberctl(a.home, a.uid, "report show");
  EXPECT_NE(human.find("Fleet reporting: on"), std::string::npos) << human;

  // Stopping writes the final report, with the breaks taken; then the files hold still.
  EXPECT_TRUE(stops_cleanly(a.daemon));
  EXPECT_TRUE(stops_cleanly(b.daemon));
  const json ra = wait_for_report_with_a_break(a.file(spool), 2s);
  const json rb = wait_for_report_with_a_break(b.file(spool), 2s);
  ASSERT_TRUE(ra.is_object() && rb.is_object()) << a.daemon.stderr_text();

  // A report planted under another user's name (owned by root, named 4242)
  // must not count, however large its figures.
  json planted = ra;
  planted["today"]["active_s"] = 999999;
  ASSERT_EQ(::mkdir((spool + "/4242").c_str(), 0700), 0);  // root's, in a victim's name
  std::ofstream(spool + "/4242/report.json") << planted.dump();

  const std::string prom = tmp.path + "/limber.prom";
  const std::string log = run(std::string(LIMBER_FLEET_EXPORT_PATH) + " --spool " + spool + " --output " + prom + " 2>&1",
                              &status);
  ASSERT_EQ(status, 0) << log;
  EXPECT_NE(log.find("owned by uid 0, not 4242"), std::string::npos) << log;
  struct stat st {};
  ASSERT_EQ(::stat(prom.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0644u);
  const std::string text = read_file(prom);
  const report::test::Exposition e = report::test::parse_exposition(text);
  ASSERT_EQ(e.error, "") << text;
  EXPECT_EQ(e.label_names, (std::set<std::string>{"kind", "outcome", "state"})) << text;
  for (const char* personal : {"65534", "65533", "nobody", "uid=", "user="}) {
    EXPECT_EQ(text.find(personal), std::string::npos) << personal << " in:\n" << text;
  }
  EXPECT_EQ(e.value("limber_spool_files{state=\"used\"}"), 2);
  EXPECT_EQ(e.value("limber_spool_files{state=\"wrong_owner\"}"), 1);
  EXPECT_EQ(e.value("limber_users_reporting"), 2);
  EXPECT_EQ(e.value("limber_today_users_reporting"), 2);
  EXPECT_EQ(e.value("limber_today_active_seconds"),
            ra["today"]["active_s"].get<double>() + rb["today"]["active_s"].get<double>());
  EXPECT_EQ(e.value("limber_active_seconds"),
            ra["last_complete_day"]["active_s"].get<double>() + rb["last_complete_day"]["active_s"].get<double>());
  double taken_today = 0;
  for (const char* kind : kKinds) {
    for (const char* outcome : kOutcomes) {
      const std::string labels = std::string("{kind=\"") + kind + "\",outcome=\"" + outcome + "\"}";
      EXPECT_EQ(e.value("limber_today_breaks" + labels),
                ra["today"]["breaks"][kind][outcome].get<double>() + rb["today"]["breaks"][kind][outcome].get<double>())
          << labels;
      EXPECT_EQ(e.value("limber_breaks" + labels),
                ra["last_complete_day"]["breaks"][kind][outcome].get<double>() +
                    rb["last_complete_day"]["breaks"][kind][outcome].get<double>())
          << labels;
    }
  }
  taken_today = e.value("limber_today_breaks{kind=\"micro\",outcome=\"taken\"}");
  EXPECT_GE(taken_today, 2) << "each user took at least one micro-break";

  if (::access("/usr/bin/promtool", X_OK) == 0) {
    const std::string check = run("/usr/bin/promtool check metrics < " + prom + " 2>&1", &status);
    EXPECT_EQ(status, 0) << "promtool check metrics:\n" << check << "\non:\n" << text;
  } else {
    std::printf("promtool not installed (Debian package prometheus): the strict parser alone checked the text\n");
  }

  const std::string as_json =
      run(std::string(LIMBER_FLEET_EXPORT_PATH) + " --spool " + spool + " --json --quiet --output -", &status);
  ASSERT_EQ(status, 0);
  const json fleet = json::parse(as_json, nullptr, false);
  ASSERT_TRUE(fleet.is_object()) << as_json;
  EXPECT_EQ(fleet["today"]["users_reporting"], 2);
  EXPECT_EQ(fleet["today"]["breaks"]["micro"]["taken"].get<double>(), taken_today);
}

TEST_F(FleetReportDaemon, TheUsersOwnConfigCannotTurnReportingOn) {
  TempDir tmp;
  ASSERT_FALSE(tmp.path.empty());
  ASSERT_TRUE(home_.write_user_config(report_policy(tmp.path)));
  ASSERT_TRUE(start({"--demo", "--source", "demo", kShortScale}));
  ASSERT_TRUE(logged("report.enabled: set by your organisation's policy only", 10s));
  ASSERT_TRUE(logged("micro-break #1 ended", 20s));
  int status = -1;
  const std::string shown = limberctl(home_, ::getuid(), "--json report show", &status);
  ASSERT_EQ(status, 0) << shown;
  const json r = json::parse(shown, nullptr, false);
  EXPECT_FALSE(r["enabled"].get<bool>()) << shown;
  EXPECT_EQ(r["spool_dir"], "/var/lib/limber/spool");
  const std::string refused = limberctl(home_, ::getuid(), "config set report.enabled true", &status);
  EXPECT_EQ(status, 1);
  EXPECT_NE(refused.find("set by your organisation's policy only"), std::string::npos) << refused;
  EXPECT_TRUE(stops_cleanly());
  EXPECT_TRUE(fs::is_empty(tmp.path)) << "a report was written although only the user asked for it";
}

TEST_F(FleetReportDaemon, AnUnwritableSpoolIsLoggedOnceAndRemindersGoOn) {
  TempDir tmp;
  ASSERT_FALSE(tmp.path.empty());
  ASSERT_TRUE(DaemonHome::write_file(home_.policy_dir() + "/50-report.toml", report_policy(tmp.path + "/missing")));
  ASSERT_TRUE(start({"--demo", "--source", "demo", kShortScale}));
  ASSERT_TRUE(logged("fleet report not written \\(reminders are not affected\\): cannot create a file in " +
                         regex_escape(tmp.path + "/missing"),
                     10s));
  // Two more breaks end, each asking for a report, and the daemon serves.
  ASSERT_TRUE(logged("micro-break #2 ended", 30s));
  int status = -1;
  const std::string shown = limberctl(home_, ::getuid(), "--json report show", &status);
  ASSERT_EQ(status, 0) << shown;
  EXPECT_NE(json::parse(shown)["problem"].get<std::string>().find("missing"), std::string::npos) << shown;
  EXPECT_TRUE(stops_cleanly());
  EXPECT_EQ(daemon_.count_lines("fleet report not written"), 1u) << daemon_.stderr_text();
}

}  // namespace
}  // namespace limber::test
