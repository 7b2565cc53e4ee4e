// limber-fleet-export: merges the fleet-report spool into Prometheus text
// for node_exporter's textfile collector (or JSON), atomically. Run hourly
// by limber-fleet-export.timer as root; see limber-fleet-export(1) and
// docs/deploying.md.
#include <sys/stat.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

#include "limber/config.h"
#include "limber/atomic_file.h"
#include "fleet_aggregate.h"
#include "fleet_output.h"
#include "spool_prepare.h"
#include "spool_reader.h"

namespace {

using namespace limber;
using namespace limber::report;

constexpr const char* kDefaultOutput = "/var/lib/prometheus/node-exporter/limber.prom";

constexpr const char* kHelp = R"(Usage: limber-fleet-export [OPTION]...

Merges the daily reports users' limberd processes write into the spool
(report.spool_dir, when policy sets report.enabled = true) into fleet
metrics: the last complete day and today so far, summed over users, with
no user names or ids. Writes them atomically (temporary file and rename,
mode 0644).

Options:
  --spool DIR        the spool to read (default: report.spool_dir as the site
                     file /etc/limber/limber.toml and /etc/limber/policy.d set
                     it, else /var/lib/limber/spool)
  --output FILE      where to write; - for stdout (default for prometheus:
                     /var/lib/prometheus/node-exporter/limber.prom, the
                     textfile directory of Debian's prometheus-node-exporter;
                     for json: -)
  --format prometheus|json
                     Prometheus text exposition format (the default) or JSON
  --json             the same as --format json
  --max-age DAYS     leave out reports not updated for DAYS days (default 7)
  --prepare-spool    only prepare the spool: make <spool>/<uid>/ (mode 0700,
                     owned by the uid) for every user with a session under
                     /run/user, and move reports of the old flat layout
                     (<spool>/<uid>.json) into them; limber-spool.path runs
                     this when someone logs in
  --quiet            do not list the spool files left out
  --help             this text
  --version          the version

Files left out (stale, owned by another uid than the one in their name,
invalid) are listed on stderr and counted in limber_spool_files.
Exit status: 0 written; 1 the spool or the output could not be used;
2 usage error.
)";

int usage_error(const std::string& message) {
  std::fprintf(stderr, "limber-fleet-export: %s\nTry 'limber-fleet-export --help'.\n", message.c_str());
  return 2;
}

// report.spool_dir as the administrator's layers set it (never a user's).
std::string configured_spool() {
  ConfigPaths paths = default_config_paths();
  paths.user_file.clear();
  ConfigLoader loader(paths);
  std::vector<ConfigDiagnostic> diags;
  const Config config = loader.load(&diags);
  for (const ConfigDiagnostic& d : diags) std::fprintf(stderr, "limber-fleet-export: %s\n", d.to_string().c_str());
  return config.get_string("report.spool_dir");
}

int prepare(const std::string& spool, bool quiet) {
  SpoolPreparation prep;
  std::string err;
  if (!prepare_spool(spool, "/run/user", &prep, &err)) {
    std::fprintf(stderr, "limber-fleet-export: %s\n", err.c_str());
    return 1;
  }
  for (const std::string& p : prep.problems) std::fprintf(stderr, "limber-fleet-export: %s/%s\n", spool.c_str(), p.c_str());
  if (!quiet) {
    std::fprintf(stderr, "limber-fleet-export: %s: %d user director%s made, %d report(s) migrated, %d removed\n",
                 spool.c_str(), prep.created, prep.created == 1 ? "y" : "ies", prep.migrated, prep.removed);
  }
  return 0;
}

struct ExportOptions {
  std::string spool;
  std::string output;
  std::string format = "prometheus";
  long max_age_days = 7;
  bool quiet = false;
  bool prepare_only = false;
};

// Reads the command line; returns -1 to go on, or the exit status.
int parse_args(int argc, char** argv, ExportOptions* o) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    auto value = [&](std::string* out) {
      if (i + 1 >= argc) return false;
      *out = argv[++i];
      return true;
    };
    std::string v;
    if (arg == "--help" || arg == "-h") {
      std::fputs(kHelp, stdout);
      return 0;
    } else if (arg == "--version") {
      std::printf("limber-fleet-export %s\n", LIMBER_VERSION);
      return 0;
    } else if (arg == "--spool") {
      if (!value(&o->spool) || o->spool.empty()) return usage_error("--spool needs a directory");
    } else if (arg == "--output" || arg == "-o") {
      if (!value(&o->output) || o->output.empty()) return usage_error("--output needs a file, or - for stdout");
    } else if (arg == "--format") {
      if (!value(&o->format) || (o->format != "prometheus" && o->format != "json"))
        return usage_error("--format needs prometheus or json");
    } else if (arg == "--json") {
      o->format = "json";
    } else if (arg == "--max-age") {
      char* end = nullptr;
      if (!value(&v) || (o->max_age_days = std::strtol(v.c_str(), &end, 10), *end != '\0') || o->max_age_days < 1 ||
          o->max_age_days > 3650)
        return usage_error("--max-age needs a number of days from 1 to 3650");
    } else if (arg == "--prepare-spool") {
      o->prepare_only = true;
    } else if (arg == "--quiet") {
      o->quiet = true;
    } else {
      return usage_error("unknown argument '" + std::string(arg) + "'");
    }
  }
  return -1;
}

// Merges the spool and writes the result where `o` says.
int export_spool(const ExportOptions& o) {
  std::string err;
  SpoolScan scan;
  if (!read_spool(o.spool, std::chrono::system_clock::now(), std::chrono::hours(24 * o.max_age_days), &scan, &err)) {
    std::fprintf(stderr, "limber-fleet-export: %s\n", err.c_str());
    return 1;
  }
  if (!o.quiet) {
    for (const std::string& p : scan.problems) std::fprintf(stderr, "limber-fleet-export: %s\n", p.c_str());
  }
  const FleetAggregate fleet = aggregate_reports(scan.reports);
  const SpoolCounts counts = spool_counts(scan);
  const std::string text =
      o.format == "json" ? fleet_json(fleet, counts).dump(2) + "\n" : prometheus_text(fleet, counts);
  if (o.output == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return std::fflush(stdout) == 0 ? 0 : 1;
  }
  if (!write_file_atomically(o.output, text, 0644, &err)) {
    std::fprintf(stderr, "limber-fleet-export: %s\n", err.c_str());
    return 1;
  }
  if (!o.quiet) {
    std::fprintf(stderr, "limber-fleet-export: %s: %d user(s) on %s, %d today; %d file(s) left out\n",
                 o.output.c_str(), fleet.day.users, fleet.day.date.empty() ? "no day" : fleet.day.date.c_str(),
                 fleet.today.users, counts.stale + counts.wrong_owner + counts.invalid +
                     counts.implausible + counts.hard_link + counts.root);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  ExportOptions o;
  if (int status = parse_args(argc, argv, &o); status >= 0) return status;
  if (o.spool.empty()) o.spool = configured_spool();
  if (o.output.empty()) o.output = o.format == "json" ? "-" : kDefaultOutput;
  if (o.prepare_only) return prepare(o.spool, o.quiet);
  return export_spool(o);
}
