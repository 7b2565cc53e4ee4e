// The two forms limber-fleet-export writes a FleetAggregate in:
//  - Prometheus text exposition format (version 0.0.4) for node_exporter's
//    textfile collector: HELP and TYPE lines, no timestamps, and no labels
//    but kind, outcome, checklist, le and state — never a user or uid.
//  - JSON with the same figures, for other collectors.
// The metric names and the JSON shape are documented in docs/deploying.md.
//
// Pure. Threading: none.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "fleet_aggregate.h"
#include "spool_reader.h"

namespace limber::report {

// How many spool files were used and skipped (SpoolScan's counters).
struct SpoolCounts {
  int used = 0;
  int stale = 0;
  int wrong_owner = 0;
  int invalid = 0;
  int implausible = 0;
  int hard_link = 0;
  int root = 0;
};
SpoolCounts spool_counts(const SpoolScan& scan);

std::string prometheus_text(const FleetAggregate& fleet, const SpoolCounts& files);
nlohmann::json fleet_json(const FleetAggregate& fleet, const SpoolCounts& files);

}  // namespace limber::report
