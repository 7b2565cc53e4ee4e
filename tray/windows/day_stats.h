// DayStats rows for the statistics window: the daemon's `stats` reply
// (docs/protocol.md) flattened to one row per day, the compliance figure,
// and the CSV export.
//
// Pure functions, no wx: the statistics window calls them, and the tests
// call them directly. Threading: none.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "limber/jsonrpc.h"

namespace limber::tray {

// One day of history, all break kinds (micro, rest, daily) added up.
struct DayRow {
  std::string date;  // "2026-11-21", the day as the daemon counts it
  long active_s = 0;
  long due = 0;
  long taken = 0;
  long natural = 0;
  long postponed = 0;
  long skipped = 0;
  long ignored = 0;
  long cancelled = 0;

  bool has_data() const { return active_s > 0 || due > 0 || natural > 0; }
};

// The `days` array of a stats reply as rows, oldest first. False, with
// *err, when the reply does not have the documented shape.
bool parse_day_rows(const rpc::Json& stats_result, std::vector<DayRow>* rows, std::string* err);

// Compliance: the share of breaks you actually had, in percent —
// (taken + natural) / (due + natural). A natural break (you were away long
// enough anyway) counts as a break both needed and had. Nothing when there
// were no breaks at all (nothing to comply with).
std::optional<double> compliance_percent(long due, long taken, long natural);
std::optional<double> compliance_percent(const std::vector<DayRow>& rows);

// The definition above in one sentence for the window's help text.
std::string compliance_definition();

// Writes `rows` as CSV (RFC 4180, comma, CRLF-free '\n' lines) with the
// header
//   date,active_minutes,breaks_due,taken,natural,postponed,skipped,ignored,cancelled,compliance_percent
// one line per day that has data (days with nothing recorded are left out).
// compliance_percent is empty for a day without breaks.
void write_stats_csv(const std::vector<DayRow>& rows, std::ostream& out);

}  // namespace limber::tray
