// Limberd's IPC methods: what limberctl and the tray can ask of the daemon.
// Each method is documented in docs/protocol.md (a test keeps the two in
// step). Methods validate their params through Params, which answers
// -32602 with the parameter's name.
#include <algorithm>

#include "api_json.h"
#include "limber/config_writer.h"
#include "limber/duration.h"
#include "limberd.h"
#include "log.h"

namespace limber {

using rpc::Json;

namespace {

const std::vector<std::string>& notification_names() {
  static const std::vector<std::string> names = {"state.changed", "break.due",   "break.prompt", "break.started",
                                                 "break.progress", "break.ended", "config.changed"};
  return names;
}

RpcReply from_status(const Status& st) {
  if (st) return RpcReply::ok();
  switch (st.code()) {
    case Status::Code::kFailedPrecondition: return RpcReply::fail(rpc::kNotPossibleNow, st.message());
    case Status::Code::kPermissionDenied: return RpcReply::fail(rpc::kNotAllowed, st.message());
    case Status::Code::kNotFound: return RpcReply::fail(rpc::kNotFound, st.message());
    case Status::Code::kInvalidArgument: return RpcReply::fail(rpc::kInvalidParams, st.message());
    default: return RpcReply::fail(rpc::kInternalError, st.message());
  }
}

BreakKind break_kind_param(const Params& p, std::string_view name) {
  const std::string text = p.string(name);
  BreakKind k{};
  if (!parse_break_kind(text, &k)) {
    throw ParamError{"parameter '" + std::string(name) + "' must be micro, rest or daily"};
  }
  return k;
}

// "YYYY-MM-DD" as a date.
std::chrono::sys_days date_param(const Params& p, std::string_view name) {
  const std::string text = p.string(name);
  int y = 0;
  unsigned m = 0, d = 0;
  char extra = 0;
  if (std::sscanf(text.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &extra) != 3) {
    throw ParamError{"parameter '" + std::string(name) + "' must be a date like 2026-11-21"};
  }
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
  if (!ymd.ok()) throw ParamError{"parameter '" + std::string(name) + "': no such date " + text};
  return std::chrono::sys_days{ymd};
}

Json exercise_summary(const Exercise& e) {
  return Json{{"id", e.id},
              {"name", e.name},
              {"targets", e.targets},
              {"position", exercise_position_name(e.position)},
              {"equipment", e.equipment},
              {"duration_s", e.duration_seconds}};
}

Json exercise_details(const Exercise& e) {
  Json j = exercise_summary(e);
  Json steps = Json::array();
  for (const ExerciseStep& s : e.steps) steps.push_back(Json{{"text", s.text}, {"hold_s", s.hold_seconds}});
  j["steps"] = std::move(steps);
  j["repetitions"] = e.repetitions;
  j["cautions"] = e.cautions;
  j["source"] = e.source;
  j["illustration"] = e.illustration;
  return j;
}

std::string_view answer_name(ChecklistAnswer a) {
  switch (a) {
    case ChecklistAnswer::kYes: return "yes";
    case ChecklistAnswer::kNo: return "no";
    case ChecklistAnswer::kNotApplicable: return "na";
  }
  return "na";
}

bool parse_answer(std::string_view text, ChecklistAnswer* out) {
  for (ChecklistAnswer a : {ChecklistAnswer::kYes, ChecklistAnswer::kNo, ChecklistAnswer::kNotApplicable}) {
    if (text == answer_name(a)) {
      *out = a;
      return true;
    }
  }
  return false;
}

}  // namespace

Json Limberd::status_now() const {
  Json j = status_json(engine_->status(), engine_->config(), clock_);
  j["source"] = source_ ? std::string(source_->name()) : std::string();
  j["tray_connected"] = ipc_ && ipc_->clients_named("limber-tray") > 0;
  j["history"] = history_ ? history_->path() : std::string();
  // Whether the history is being written (a full or read-only disk is not).
  const std::string problem =
      history_ ? history_->write_problem() : "not recorded: " + history_open_error_ + " (retried every minute)";
  j["history_health"] = Json{{"ok", problem.empty()},
                             {"problem", problem},
                             {"unwritten", history_ ? history_->unwritten() : unrecorded_.size()}};
  j["quiet"] = user_quiet_;  // the engine's quiet also counts do-not-disturb
  j["held_by"] = dnd_.active_names();
  if (!j["due"].is_null()) {
    if (auto it = shown_exercises_.find(j["due"]["id"].get<uint64_t>()); it != shown_exercises_.end()) {
      j["due"]["exercises"] = it->second;
    }
    if (auto it = prompts_.find(j["due"]["id"].get<uint64_t>()); it != prompts_.end()) {
      j["due"]["prompt"] = to_string(it->second.way);
    }
  }
  return j;
}

Json Limberd::checklist_json(const Checklist& list, bool with_items) {
  std::vector<ChecklistResponse> responses;
  WallTime last{};
  std::map<std::string, std::string> answers;
  if (history_) {
    std::vector<StoredChecklistAnswer> rows;
    if (history_->latest_checklist_answers(list.id, &rows)) {
      for (const auto& row : rows) {
        ChecklistAnswer a{};
        if (!parse_answer(row.answer, &a) || list.find(row.item_id) == nullptr) continue;
        responses.push_back({row.item_id, a});
        answers[row.item_id] = row.answer;
        last = std::max(last, row.answered_at);
      }
    }
  }
  const ChecklistScore score = score_checklist(list, responses);
  Json to_do = Json::array();
  for (const ChecklistItem* item : score.to_do) to_do.push_back(Json{{"id", item->id}, {"question", item->question}, {"fix", item->fix}});
  Json j{{"id", list.id},
         {"title", list.title},
         {"summary", list.summary},
         {"items", list.items.size()},
         {"score", Json{{"percent", score.percent},
                        {"yes", score.yes},
                        {"no", score.no},
                        {"not_applicable", score.not_applicable},
                        {"unanswered", score.unanswered}}},
         {"to_do", std::move(to_do)},
         {"last_checked", last == WallTime{} ? Json(nullptr) : Json(iso_local_time(last, clock_))},
         {"recheck_due", last == WallTime{} || checklist_recheck_due(last, clock_.wall(),
                                                                      config_.get_int("checklist.recheck_days"))}};
  if (with_items) {
    Json items = Json::array();
    for (const ChecklistItem& item : list.items) {
      auto it = answers.find(item.id);
      items.push_back(Json{{"id", item.id},
                           {"area", item.area},
                           {"question", item.question},
                           {"why", item.why},
                           {"fix", item.fix},
                           {"numbers", item.numbers},
                           {"source", item.source},
                           {"answer", it == answers.end() ? Json(nullptr) : Json(it->second)}});
    }
    j["items"] = std::move(items);
  }
  return j;
}

void Limberd::register_methods() {
  RpcDispatcher& d = dispatcher_;

  d.add("hello", [this](const Params& p, ClientContext& client) {
    const int64_t version = p.integer_or("protocol", rpc::kProtocolVersion, 0, 1000000);
    if (version != rpc::kProtocolVersion) {
      return RpcReply::fail(rpc::kIncompatibleProtocol,
                            "this limberd speaks protocol " + std::to_string(rpc::kProtocolVersion) +
                                " and the client protocol " + std::to_string(version) +
                                ": update the older of the two",
                            Json{{"protocol", rpc::kProtocolVersion}});
    }
    client.name = p.string_or("client", "").substr(0, 64);
    if (client.name.rfind("limber-tray", 0) == 0) {
      notify_state();
      review_prompts();  // a tray to show the window now
    }
    return RpcReply::ok(Json{{"protocol", rpc::kProtocolVersion},
                             {"daemon", "limberd"},
                             {"version", LIMBER_VERSION},
                             {"methods", dispatcher_.method_names()}});
  });

  d.add("status", [this](const Params&, ClientContext&) { return RpcReply::ok(status_now()); });

  auto command = [this](auto&& run) {
    return [this, run](const Params& p, ClientContext&) {
      const Status st = run(p);
      wake();
      RpcReply reply = from_status(st);
      if (!reply.failed) reply.result = status_now();
      return reply;
    };
  };
  d.add("break.start", command([this](const Params&) { return engine_->start_break(); }));
  d.add("break.postpone", command([this](const Params&) { return engine_->postpone(); }));
  d.add("break.skip", command([this](const Params&) { return engine_->skip(); }));
  d.add("break.now", command([this](const Params& p) {
          return engine_->take_break_now(p.has("kind") ? break_kind_param(p, "kind") : BreakKind::kRest);
        }));
  d.add("pause", command([this](const Params& p) {
          if (p.has("for") == p.has("until")) throw ParamError{"give either 'for' or 'until'"};
          if (p.has("for")) {
            Duration length{};
            std::string err;
            if (!parse_duration(p.string("for"), &length, &err) || length <= Duration{0} ||
                length > std::chrono::hours(24 * 7)) {
              throw ParamError{"parameter 'for' must be a duration like \"30m\" up to 7 days" +
                               (err.empty() ? std::string() : ": " + err)};
            }
            engine_->pause_for(length);
            return Status::ok();
          }
          const std::string until = p.string("until");
          if (until == "tomorrow") {
            engine_->pause_until_tomorrow();
            return Status::ok();
          }
          int h = -1, m = -1;
          char extra = 0;
          if (std::sscanf(until.c_str(), "%2d:%2d%c", &h, &m, &extra) != 2 || h < 0 || h > 23 || m < 0 ||
              m > 59) {
            throw ParamError{"parameter 'until' must be a time like \"14:00\" or \"tomorrow\""};
          }
          const LocalTime now = clock_.local(clock_.wall());
          int minutes = h * 60 + m - now.minute_of_day;
          if (minutes <= 0) minutes += 24 * 60;  // 09:00 said at 10:00 means tomorrow
          engine_->pause_until(clock_.wall() + std::chrono::minutes(minutes) - std::chrono::seconds(now.second));
          return Status::ok();
        }));
  d.add("resume", command([this](const Params&) {
          engine_->resume();
          return Status::ok();
        }));
  d.add("quiet", command([this](const Params& p) {
          user_quiet_ = p.boolean("on");
          apply_quiet();
          return Status::ok();
        }));

  d.add("config.list", [this](const Params&, ClientContext&) {
    Json keys = Json::array();
    for (const KeyDef& def : config_keys()) {
      const ConfigExplanation e = config_.explain(def.name);
      keys.push_back(Json{{"key", def.name},
                          {"value", e.value},
                          {"default", def.default_value},
                          {"expected", describe_expected(def)},
                          {"description", def.description},
                          {"layer", config_layer_name(e.layer)},
                          {"locked", e.locked}});
    }
    return RpcReply::ok(Json{{"keys", std::move(keys)}});
  });
  auto known_key = [](const Params& p) {
    const std::string key = p.string("key");
    if (find_config_key(key) == nullptr) throw ParamError{"no setting '" + key + "' (see config.list)"};
    return key;
  };
  d.add("config.get", [this, known_key](const Params& p, ClientContext&) {
    const std::string key = known_key(p);
    const ConfigExplanation e = config_.explain(key);
    return RpcReply::ok(Json{{"key", key}, {"value", e.value}, {"layer", config_layer_name(e.layer)}, {"locked", e.locked}});
  });
  d.add("config.explain", [this, known_key](const Params& p, ClientContext&) {
    const std::string key = known_key(p);
    const ConfigExplanation e = config_.explain(key);
    Json overridden = Json::array();
    for (const ConfigSetting& s : e.overridden) {
      overridden.push_back(Json{{"layer", config_layer_name(s.layer)}, {"file", s.file}, {"line", s.line}, {"value", s.value}});
    }
    return RpcReply::ok(Json{{"key", key},
                             {"value", e.value},
                             {"layer", config_layer_name(e.layer)},
                             {"file", e.file},
                             {"line", e.line},
                             {"locked", e.locked},
                             {"locked_by", e.locked_by},
                             {"overridden", std::move(overridden)},
                             {"text", e.to_string()}});
  });
  d.add("config.set", [this, known_key](const Params& p, ClientContext&) {
    const std::string key = known_key(p);
    const std::string value = p.string("value");
    const ConfigExplanation e = config_.explain(key);
    if (find_config_key(key)->system_only) {
      return RpcReply::fail(rpc::kManaged, key + " is " + std::string(kSystemOnlyMessage),
                            Json{{"locked_by", e.locked_by}});
    }
    if (e.locked) {
      return RpcReply::fail(rpc::kManaged, key + " is managed by your organisation (" + e.locked_by + ")",
                            Json{{"locked_by", e.locked_by}});
    }
    const std::string& file = loader_.paths().user_file;
    if (file.empty()) return RpcReply::fail(rpc::kUnavailable, "no user configuration file is in use");
    if (Status st = set_config_value_in_file(file, key, value); !st) {
      return RpcReply::fail(st.code() == Status::Code::kInvalidArgument ? rpc::kInvalidParams : rpc::kInternalError,
                            st.message());
    }
    log_info("configuration: " + key + " set to " + value + " in " + file);
    reload_config();
    return RpcReply::ok(Json{{"key", key}, {"value", config_.value_text(key)}, {"file", file}});
  });

  d.add("stats", [this](const Params& p, ClientContext&) {
    if (!history_) return RpcReply::fail(rpc::kUnavailable, "no history is recorded (see the daemon's log)");
    const int day_start = config_.get_minute_of_day("schedule.day_starts_at");
    const LocalTime now = clock_.local(clock_.wall());
    std::chrono::sys_days today{now.date};
    if (now.minute_of_day < day_start) today -= std::chrono::days{1};
    std::chrono::sys_days from = today - std::chrono::days{p.integer_or("days", 7, 1, 3650) - 1};
    std::chrono::sys_days to = today;
    if (p.has("from")) from = date_param(p, "from");
    if (p.has("to")) to = date_param(p, "to");
    if (to < from) throw ParamError{"'to' is before 'from'"};
    const int days = static_cast<int>((to - from).count()) + 1;
    if (days > 3650) throw ParamError{"at most 3650 days at a time"};
    std::vector<DayStats> stats;
    if (Status st = history_->day_stats(day_boundaries(from, days, day_start, now.utc_offset), &stats); !st) {
      return RpcReply::fail(rpc::kInternalError, st.message());
    }
    Json out = Json::array();
    for (const DayStats& day : stats) out.push_back(day_stats_json(day, clock_));
    return RpcReply::ok(Json{{"days", std::move(out)}});
  });

  d.add("exercises.list", [this](const Params&, ClientContext&) {
    Json list = Json::array();
    const ExerciseSettings settings = exercise_settings(config_);
    for (const Exercise& e : catalog_.exercises) {
      Json j = exercise_summary(e);
      j["offered"] = exercise_allowed(e, settings);
      list.push_back(std::move(j));
    }
    return RpcReply::ok(Json{{"exercises", std::move(list)}});
  });
  d.add("exercises.show", [this](const Params& p, ClientContext&) {
    const std::string id = p.string("id");
    const Exercise* e = catalog_.find(id);
    if (e == nullptr) return RpcReply::fail(rpc::kNotFound, "no exercise '" + id + "'");
    Json j = exercise_details(*e);
    j["health"] = Json{{"notice", health_.notice},
                       {"stop_if", health_.stop_if},
                       {"see_doctor", health_.see_doctor},
                       {"urgent", health_.urgent},
                       {"disclaimer", health_.disclaimer}};
    return RpcReply::ok(std::move(j));
  });

  d.add("checklist.list", [this](const Params&, ClientContext&) {
    Json lists = Json::array();
    for (const Checklist& c : checklists_.checklists) lists.push_back(checklist_json(c, false));
    return RpcReply::ok(Json{{"checklists", std::move(lists)}});
  });
  d.add("checklist.get", [this](const Params& p, ClientContext&) {
    const std::string id = p.string("id");
    const Checklist* c = checklists_.find(id);
    if (c == nullptr) return RpcReply::fail(rpc::kNotFound, "no checklist '" + id + "'");
    return RpcReply::ok(checklist_json(*c, true));
  });
  d.add("checklist.answer", [this](const Params& p, ClientContext&) {
    const std::string id = p.string("checklist");
    const Checklist* c = checklists_.find(id);
    if (c == nullptr) return RpcReply::fail(rpc::kNotFound, "no checklist '" + id + "'");
    const std::string item = p.string("item");
    if (c->find(item) == nullptr) return RpcReply::fail(rpc::kNotFound, "no item '" + item + "' in " + id);
    ChecklistAnswer a{};
    if (!parse_answer(p.string("answer"), &a)) throw ParamError{"parameter 'answer' must be yes, no or na"};
    if (!history_) return RpcReply::fail(rpc::kUnavailable, "no history is recorded (see the daemon's log)");
    if (Status st = history_->record_checklist_answer(id, item, answer_name(a), clock_.wall()); !st) {
      return RpcReply::fail(rpc::kInternalError, st.message());
    }
    report_soon(false);  // the report carries the latest checklist score
    return RpcReply::ok(checklist_json(*c, false));
  });
  register_report_methods();

  d.add("subscribe", [](const Params& p, ClientContext& client) {
    std::set<std::string> events;
    if (p.has("events")) {
      const Json& list = p.raw()["events"];
      if (!list.is_array()) throw ParamError{"parameter 'events' must be a list of notification names"};
      for (const Json& e : list) {
        const auto& names = notification_names();
        if (!e.is_string() || std::find(names.begin(), names.end(), e.get<std::string>()) == names.end()) {
          throw ParamError{"unknown notification " + e.dump() + "; known: state.changed, break.due, "
                           "break.prompt, break.started, break.progress, break.ended, config.changed"};
        }
        events.insert(e.get<std::string>());
      }
    }
    client.subscribed = true;
    client.events = events;
    return RpcReply::ok(Json{{"events", events.empty() ? Json(notification_names()) : Json(events)}});
  });
  d.add("unsubscribe", [](const Params&, ClientContext& client) {
    client.subscribed = false;
    client.events.clear();
    return RpcReply::ok();
  });
}

}  // namespace limber
