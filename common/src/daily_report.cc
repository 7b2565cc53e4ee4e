#include "limber/daily_report.h"

namespace limber::report {

using nlohmann::json;

namespace {

json day_json(const DayFigures& day) {
  json breaks = json::object();
  for (size_t k = 0; k < kKinds.size(); ++k) {
    json counts = json::object();
    for (size_t o = 0; o < kOutcomes.size(); ++o) counts[std::string(kOutcomes[o])] = day.breaks[k][o];
    breaks[std::string(kKinds[k])] = std::move(counts);
  }
  return json{{"date", day.date}, {"active_s", day.active_s}, {"breaks", std::move(breaks)}};
}

bool count_field(const json& object, std::string_view name, const std::string& where, int64_t* out,
                 std::string* err) {
  const auto it = object.find(name);
  if (it == object.end() || !it->is_number_integer() || it->get<int64_t>() < 0) {
    *err = where + "." + std::string(name) + " must be a count (a whole number >= 0)";
    return false;
  }
  *out = it->get<int64_t>();
  return true;
}

bool read_day(const json& j, const std::string& where, DayFigures* out, std::string* err) {
  if (!j.is_object()) {
    *err = where + " must be an object";
    return false;
  }
  const auto date = j.find("date");
  if (date == j.end() || !date->is_string() || !is_iso_date(date->get<std::string>())) {
    *err = where + ".date must be a date like \"2026-11-21\"";
    return false;
  }
  out->date = date->get<std::string>();
  if (!count_field(j, "active_s", where, &out->active_s, err)) return false;
  const auto breaks = j.find("breaks");
  if (breaks == j.end() || !breaks->is_object()) {
    *err = where + ".breaks must be an object";
    return false;
  }
  for (size_t k = 0; k < kKinds.size(); ++k) {
    const std::string kind_where = where + ".breaks." + std::string(kKinds[k]);
    const auto kind = breaks->find(kKinds[k]);
    if (kind == breaks->end() || !kind->is_object()) {
      *err = kind_where + " must be an object";
      return false;
    }
    for (size_t o = 0; o < kOutcomes.size(); ++o) {
      if (!count_field(*kind, kOutcomes[o], kind_where, &out->breaks[k][o], err)) return false;
    }
  }
  return true;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

constexpr size_t kMaxChecklists = 16;

}  // namespace

std::optional<size_t> kind_index(std::string_view name) {
  for (size_t i = 0; i < kKinds.size(); ++i) {
    if (kKinds[i] == name) return i;
  }
  return std::nullopt;
}

std::optional<size_t> outcome_index(std::string_view name) {
  for (size_t i = 0; i < kOutcomes.size(); ++i) {
    if (kOutcomes[i] == name) return i;
  }
  return std::nullopt;
}

bool is_iso_date(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return false;
  for (size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
    if (!is_digit(t[i])) return false;
  }
  return true;
}

json to_json(const DailyReport& report) {
  json checklists = json::object();
  for (const auto& [id, c] : report.checklists) {
    checklists[id] = json{{"percent", c.percent}, {"checked_on", c.checked_on}, {"recheck_due", c.recheck_due}};
  }
  return json{{"schema", report.schema},
              {"limber_version", report.limber_version},
              {"today", day_json(report.today)},
              {"last_complete_day", day_json(report.last_complete_day)},
              {"checklists", std::move(checklists)}};
}

bool from_json(const json& j, DailyReport* out, std::string* err) {
  *out = DailyReport{};
  if (!j.is_object()) {
    *err = "not a JSON object";
    return false;
  }
  const auto schema = j.find("schema");
  if (schema == j.end() || !schema->is_number_integer()) {
    *err = "schema must be a number";
    return false;
  }
  if (schema->get<int64_t>() != kSchemaVersion) {
    *err = "schema " + schema->dump() + " is not the schema " + std::to_string(kSchemaVersion) +
           " this program reads";
    return false;
  }
  const auto version = j.find("limber_version");
  if (version == j.end() || !version->is_string() || version->get<std::string>().size() > 64) {
    *err = "limber_version must be a short string";
    return false;
  }
  out->limber_version = version->get<std::string>();
  if (!j.contains("today") || !read_day(j["today"], "today", &out->today, err)) {
    if (!j.contains("today")) *err = "today is missing";
    return false;
  }
  if (!j.contains("last_complete_day") ||
      !read_day(j["last_complete_day"], "last_complete_day", &out->last_complete_day, err)) {
    if (!j.contains("last_complete_day")) *err = "last_complete_day is missing";
    return false;
  }
  const auto checklists = j.find("checklists");
  if (checklists == j.end() || !checklists->is_object()) {
    *err = "checklists must be an object";
    return false;
  }
  if (checklists->size() > kMaxChecklists) {
    *err = "more than " + std::to_string(kMaxChecklists) + " checklists";
    return false;
  }
  for (const auto& [id, c] : checklists->items()) {
    // Ids become metric labels: only what a catalogue id may hold.
    if (id.empty() || id.size() > 64 || id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") != std::string::npos) {
      *err = "checklist id \"" + id.substr(0, 64) + "\" is not lowercase letters, digits and '-'";
      return false;
    }
    const std::string where = "checklists." + id;
    int64_t percent = 0;
    if (!count_field(c, "percent", where, &percent, err)) return false;
    const auto checked_on = c.find("checked_on");
    const auto recheck = c.find("recheck_due");
    if (percent > 100 || checked_on == c.end() || !checked_on->is_string() ||
        !is_iso_date(checked_on->get<std::string>()) || recheck == c.end() || !recheck->is_boolean()) {
      *err = where + " must hold percent (0 to 100), checked_on (a date) and recheck_due (true or false)";
      return false;
    }
    out->checklists[id] = {static_cast<int>(percent), checked_on->get<std::string>(), recheck->get<bool>()};
  }
  return true;
}

}  // namespace limber::report
