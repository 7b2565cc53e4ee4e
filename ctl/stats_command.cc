// `limberctl stats`: the history per day and per break kind, as a table,
// CSV (one row per day, stable column names) or the daemon's JSON.
#include <cstdio>

#include "commands.h"
#include "limber/i18n.h"
#include "output_format.h"

namespace limber::ctl {

using rpc::Json;

namespace {

constexpr const char* kKinds[] = {"micro", "rest", "daily"};
constexpr const char* kCounters[] = {"due",     "taken",     "postponed", "skipped",
                                     "ignored", "cancelled", "natural"};

int64_t count(const Json& day, const char* kind, const char* counter) {
  return day.value("breaks", Json::object()).value(kind, Json::object()).value(counter, int64_t{0});
}

// "7d" → 7, "2w" → 14; 0 when it is not such a span.
int64_t span_days(const std::string& text) {
  if (text.size() < 2) return 0;
  const char unit = text.back();
  const std::string digits = text.substr(0, text.size() - 1);
  if (digits.find_first_not_of("0123456789") != std::string::npos || digits.size() > 5) return 0;
  const int64_t n = std::stoll(digits);
  if (unit == 'd') return n;
  if (unit == 'w') return n * 7;
  return 0;
}

bool is_date(const std::string& text) {
  return text.size() == 10 && text[4] == '-' && text[7] == '-' &&
         text.find_first_not_of("0123456789-") == std::string::npos;
}

void print_csv(const Json& days) {
  std::string header = "date,active_s";
  for (const char* k : kKinds) {
    for (const char* c : kCounters) header += std::string(",") + k + "_" + c;
  }
  std::printf("%s\n", header.c_str());
  for (const Json& day : days) {
    std::string row =
        csv_field(day.value("date", "")) + "," + std::to_string(day.value("active_s", int64_t{0}));
    for (const char* k : kKinds) {
      for (const char* c : kCounters) row += "," + std::to_string(count(day, k, c));
    }
    std::printf("%s\n", row.c_str());
  }
}

void print_table(const Json& days) {
  // TRANSLATORS: column heads of `limberctl stats`; the footnote below explains them.
  Table table({_("DATE"), _("ACTIVE"), _("MICRO TAKEN"), _("REST TAKEN"), _("DAILY"),
               _("POSTPONED"), _("SKIPPED"), _("IGNORED"), _("NATURAL")});
  int64_t total[9] = {};
  auto sum = [&](const Json& day, const char* counter) {
    int64_t n = 0;
    for (const char* k : kKinds) n += count(day, k, counter);
    return n;
  };
  auto ratio = [](int64_t taken, int64_t due) {
    return std::to_string(taken) + "/" + std::to_string(due);
  };
  for (const Json& day : days) {
    const int64_t v[9] = {day.value("active_s", int64_t{0}),
                          count(day, "micro", "taken"),
                          count(day, "micro", "due"),
                          count(day, "rest", "taken"),
                          count(day, "rest", "due"),
                          count(day, "daily", "due"),
                          sum(day, "postponed"),
                          sum(day, "skipped"),
                          sum(day, "ignored")};
    const int64_t natural = sum(day, "natural");
    for (size_t i = 0; i < 9; ++i) total[i] += v[i];
    table.add({day.value("date", ""), human_duration(v[0]), ratio(v[1], v[2]), ratio(v[3], v[4]),
               std::to_string(v[5]), std::to_string(v[6]), std::to_string(v[7]),
               std::to_string(v[8]), std::to_string(natural)});
  }
  int64_t natural_total = 0;
  for (const Json& day : days) natural_total += sum(day, "natural");
  if (days.size() > 1) {
    table.add({_("total"), human_duration(total[0]), ratio(total[1], total[2]),
               ratio(total[3], total[4]), std::to_string(total[5]), std::to_string(total[6]),
               std::to_string(total[7]), std::to_string(total[8]), std::to_string(natural_total)});
  }
  table.print();
  std::printf("\n");
  print_line(
      _("TAKEN is taken/due. DAILY counts days the daily limit was reached. NATURAL breaks are\n"
        "times you stepped away long enough on your own."));
}

}  // namespace

int run_stats(CommandContext& ctx) {
  const std::optional<std::string> since = ctx.args.option("--since");
  const std::optional<std::string> from = ctx.args.option("--from");
  const std::optional<std::string> to = ctx.args.option("--to");
  const std::optional<std::string> format = ctx.args.option("--format");
  std::vector<std::string> words;
  if (!ctx.args.positionals(0, 0, &words)) return usage_error(ctx, ctx.args.error());
  const std::string fmt = format.value_or(ctx.options.json ? "json" : "table");
  if (fmt != "table" && fmt != "csv" && fmt != "json")
    return usage_error(ctx, _("--format must be table, csv or json"));
  if (since && (from || to))
    return usage_error(ctx, _("give either --since or --from/--to, not both"));
  Json params = Json::object();
  if (since) {
    const int64_t days = span_days(*since);
    if (days < 1 || days > 3650)
      return usage_error(ctx, _("--since takes a span like 7d or 4w (at most 3650 days)"));
    params["days"] = days;
  }
  for (const auto& [name, value] : {std::pair{"from", from}, std::pair{"to", to}}) {
    if (!value) continue;
    if (!is_date(*value))
      return usage_error(ctx, fill_in(_("{option} takes a date like 2026-11-21"),
                                      {{"option", std::string("--") + name}}));
    params[name] = *value;
  }
  const std::optional<Json> r = ctx.daemon.call("stats", params);
  if (!r) return ctx.daemon.exit_code();
  const Json days = r->value("days", Json::array());
  if (fmt == "json") {
    print_json(*r);
  } else if (fmt == "csv") {
    print_csv(days);
  } else {
    print_table(days);
  }
  return kExitOk;
}

}  // namespace limber::ctl
