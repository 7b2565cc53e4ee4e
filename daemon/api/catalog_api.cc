// exercises.list, exercises.show, checklist.list, checklist.get,
// checklist.answer: the content, and the user's answers to the checklists.
#include "api/api.h"
#include "checklist_view.h"
#include "daemon_core.h"
#include "routine/exercise_settings.h"

namespace limber::api {

using rpc::Json;

namespace {

Json exercise_summary(const Exercise& e) {
  return Json{{"id", e.id},
              {"name", e.name},
              {"targets", e.targets},
              {"position", exercise_position_name(e.position)},
              {"equipment", e.equipment},
              {"duration_s", e.duration_seconds}};
}

Json exercise_details(const Exercise& e, const HealthNotice& health) {
  Json j = exercise_summary(e);
  Json steps = Json::array();
  for (const ExerciseStep& s : e.steps) steps.push_back(Json{{"text", s.text}, {"hold_s", s.hold_seconds}});
  j["steps"] = std::move(steps);
  j["repetitions"] = e.repetitions;
  j["cautions"] = e.cautions;
  j["source"] = e.source;
  j["illustration"] = e.illustration;
  j["health"] = Json{{"notice", health.notice},
                     {"stop_if", health.stop_if},
                     {"see_doctor", health.see_doctor},
                     {"urgent", health.urgent},
                     {"disclaimer", health.disclaimer}};
  return j;
}

RpcReply list_exercises(DaemonCore& daemon) {
  Json list = Json::array();
  const ExerciseSettings settings = exercise_settings(daemon.config());
  for (const Exercise& e : daemon.catalog().exercises.exercises) {
    Json j = exercise_summary(e);
    j["offered"] = exercise_allowed(e, settings);
    list.push_back(std::move(j));
  }
  return RpcReply::ok(Json{{"exercises", std::move(list)}});
}

Json checklist(DaemonCore& daemon, const Checklist& list, bool with_items) {
  return checklist_json(list, with_items, daemon.history().store(), daemon.clock(),
                        daemon.config().get_int("checklist.recheck_days"));
}

RpcReply show_exercise(DaemonCore& daemon, const Params& p) {
  const std::string id = p.string("id");
  const Exercise* e = daemon.catalog().exercises.find(id);
  if (e == nullptr) return RpcReply::fail(rpc::kNotFound, "no exercise '" + id + "'");
  return RpcReply::ok(exercise_details(*e, daemon.catalog().health));
}

RpcReply list_checklists(DaemonCore& daemon) {
  Json lists = Json::array();
  for (const Checklist& c : daemon.catalog().checklists.checklists) lists.push_back(checklist(daemon, c, false));
  return RpcReply::ok(Json{{"checklists", std::move(lists)}});
}

RpcReply get_checklist(DaemonCore& daemon, const Params& p) {
  const std::string id = p.string("id");
  const Checklist* c = daemon.catalog().checklists.find(id);
  if (c == nullptr) return RpcReply::fail(rpc::kNotFound, "no checklist '" + id + "'");
  return RpcReply::ok(checklist(daemon, *c, true));
}

RpcReply answer(DaemonCore& daemon, const Params& p) {
  const std::string id = p.string("checklist");
  const Checklist* c = daemon.catalog().checklists.find(id);
  if (c == nullptr) return RpcReply::fail(rpc::kNotFound, "no checklist '" + id + "'");
  const std::string item = p.string("item");
  if (c->find(item) == nullptr) return RpcReply::fail(rpc::kNotFound, "no item '" + item + "' in " + id);
  ChecklistAnswer a{};
  if (!parse_checklist_answer(p.string("answer"), &a)) throw ParamError{"parameter 'answer' must be yes, no or na"};
  HistoryStore* store = daemon.history().store();
  if (store == nullptr) return RpcReply::fail(rpc::kUnavailable, "no history is recorded (see the daemon's log)");
  if (Status st = store->record_checklist_answer(id, item, checklist_answer_name(a), daemon.clock().wall()); !st) {
    return RpcReply::fail(rpc::kInternalError, st.message());
  }
  return RpcReply::ok(checklist(daemon, *c, false));
}

}  // namespace

void register_catalog_methods(DaemonCore& daemon) {
  RpcDispatcher& d = daemon.dispatcher();
  d.add("exercises.list", [&daemon](const Params&, ClientContext&) { return list_exercises(daemon); });
  d.add("exercises.show", [&daemon](const Params& p, ClientContext&) { return show_exercise(daemon, p); });
  d.add("checklist.list", [&daemon](const Params&, ClientContext&) { return list_checklists(daemon); });
  d.add("checklist.get", [&daemon](const Params& p, ClientContext&) { return get_checklist(daemon, p); });
  d.add("checklist.answer", [&daemon](const Params& p, ClientContext&) { return answer(daemon, p); });
}

}  // namespace limber::api
