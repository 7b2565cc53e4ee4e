#include "fleet_output.h"

namespace limber::report {

using nlohmann::json;

namespace {

class Exposition {
 public:
  void family(const std::string& name, const char* type, const std::string& help) {
    text_ += "# HELP " + name + " " + help + "\n# TYPE " + name + " " + type + "\n";
  }
  void sample(const std::string& name, const std::string& labels, int64_t value) {
    text_ += name + (labels.empty() ? "" : "{" + labels + "}") + " " + std::to_string(value) + "\n";
  }
  std::string take() { return std::move(text_); }

 private:
  std::string text_;
};

// Label values here are fixed words and checklist ids (lowercase letters,
// digits and '-', checked when the report was read): nothing to escape.
std::string label(const char* name, std::string_view value) {
  return std::string(name) + "=\"" + std::string(value) + "\"";
}

void day_metrics(Exposition& out, const FleetDay& day, const std::string& prefix, const std::string& when) {
  out.family(prefix + "users_reporting", "gauge", "Users whose figures " + when + " are included.");
  out.sample(prefix + "users_reporting", "", day.users);
  out.family(prefix + "active_seconds", "gauge",
             "Active time at the keyboard and mouse " + when + ", summed over users.");
  out.sample(prefix + "active_seconds", "", day.active_s);
  out.family(prefix + "breaks", "gauge",
             "Breaks " + when + " summed over users, by kind and outcome; outcome due counts every "
             "prompted break, natural the pauses long enough to count as the break unprompted.");
  for (size_t k = 0; k < kKinds.size(); ++k) {
    for (size_t o = 0; o < kOutcomes.size(); ++o) {
      out.sample(prefix + "breaks", label("kind", kKinds[k]) + "," + label("outcome", kOutcomes[o]),
                 day.breaks[k][o]);
    }
  }
}

json day_json(const FleetDay& day) {
  json breaks = json::object();
  for (size_t k = 0; k < kKinds.size(); ++k) {
    json counts = json::object();
    for (size_t o = 0; o < kOutcomes.size(); ++o) counts[std::string(kOutcomes[o])] = day.breaks[k][o];
    breaks[std::string(kKinds[k])] = std::move(counts);
  }
  return json{{"date", day.date.empty() ? json(nullptr) : json(day.date)},
              {"users_reporting", day.users},
              {"active_s", day.active_s},
              {"breaks", std::move(breaks)}};
}

}  // namespace

SpoolCounts spool_counts(const SpoolScan& scan) {
  return {static_cast<int>(scan.reports.size()), scan.stale, scan.wrong_owner, scan.invalid,
          scan.implausible, scan.hard_link, scan.root};
}

std::string prometheus_text(const FleetAggregate& fleet, const SpoolCounts& files) {
  Exposition out;
  out.family("limber_spool_files", "gauge",
             "Report files in the spool at the last export, by state: used, stale (not updated for "
             "too long), wrong_owner (not owned by the uid in its name), invalid, implausible (a "
             "figure or date no honest day has), hard_link (more than one link) or root (uid 0).");
  out.sample("limber_spool_files", label("state", "used"), files.used);
  out.sample("limber_spool_files", label("state", "stale"), files.stale);
  out.sample("limber_spool_files", label("state", "wrong_owner"), files.wrong_owner);
  out.sample("limber_spool_files", label("state", "invalid"), files.invalid);
  out.sample("limber_spool_files", label("state", "implausible"), files.implausible);
  out.sample("limber_spool_files", label("state", "hard_link"), files.hard_link);
  out.sample("limber_spool_files", label("state", "root"), files.root);
  day_metrics(out, fleet.day, "limber_", "on the last complete day");
  day_metrics(out, fleet.today, "limber_today_", "today so far");
  if (!fleet.checklists.empty()) {
    out.family("limber_checklist_score_percent", "histogram",
               "Latest desk-checklist score of each user who answered the checklist.");
    for (const auto& [id, dist] : fleet.checklists) {
      const std::string checklist = label("checklist", id);
      for (size_t b = 0; b < kScoreBuckets.size(); ++b) {
        out.sample("limber_checklist_score_percent_bucket",
                   checklist + "," + label("le", std::to_string(kScoreBuckets[b])), dist.at_most[b]);
      }
      out.sample("limber_checklist_score_percent_bucket", checklist + "," + label("le", "+Inf"), dist.users);
      out.sample("limber_checklist_score_percent_sum", checklist, dist.percent_sum);
      out.sample("limber_checklist_score_percent_count", checklist, dist.users);
    }
    out.family("limber_checklist_recheck_due_users", "gauge",
               "Users whose latest answers to the checklist are older than checklist.recheck_days.");
    for (const auto& [id, dist] : fleet.checklists) {
      out.sample("limber_checklist_recheck_due_users", label("checklist", id), dist.recheck_due);
    }
  }
  return out.take();
}

json fleet_json(const FleetAggregate& fleet, const SpoolCounts& files) {
  json checklists = json::object();
  for (const auto& [id, dist] : fleet.checklists) {
    json buckets = json::object();
    for (size_t b = 0; b < kScoreBuckets.size(); ++b) buckets[std::to_string(kScoreBuckets[b])] = dist.at_most[b];
    checklists[id] = json{{"users", dist.users},
                          {"average_percent", dist.users == 0 ? 0.0 : static_cast<double>(dist.percent_sum) / dist.users},
                          {"users_at_most_percent", std::move(buckets)},
                          {"recheck_due_users", dist.recheck_due}};
  }
  return json{{"schema", kSchemaVersion},
              {"spool_files", json{{"used", files.used},
                                   {"stale", files.stale},
                                   {"wrong_owner", files.wrong_owner},
                                   {"invalid", files.invalid},
                                   {"implausible", files.implausible},
                                   {"hard_link", files.hard_link},
                                   {"root", files.root}}},
              {"last_complete_day", day_json(fleet.day)},
              {"today", day_json(fleet.today)},
              {"checklists", std::move(checklists)}};
}

}  // namespace limber::report
