#include "checklist_view.h"

#include <algorithm>
#include <map>

#include "api_json.h"

namespace limber {

using rpc::Json;

std::string_view checklist_answer_name(ChecklistAnswer a) {
  switch (a) {
    case ChecklistAnswer::kYes: return "yes";
    case ChecklistAnswer::kNo: return "no";
    case ChecklistAnswer::kNotApplicable: return "na";
  }
  return "na";
}

bool parse_checklist_answer(std::string_view text, ChecklistAnswer* out) {
  for (ChecklistAnswer a : {ChecklistAnswer::kYes, ChecklistAnswer::kNo, ChecklistAnswer::kNotApplicable}) {
    if (text == checklist_answer_name(a)) {
      *out = a;
      return true;
    }
  }
  return false;
}

namespace {

Json items_json(const Checklist& list, const std::map<std::string, std::string>& answers) {
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
  return items;
}

}  // namespace

Json checklist_json(const Checklist& list, bool with_items, HistoryStore* store, const Clock& clock,
                    int64_t recheck_days) {
  std::vector<ChecklistResponse> responses;
  WallTime last{};
  std::map<std::string, std::string> answers;
  std::vector<StoredChecklistAnswer> rows;
  if (store != nullptr && store->latest_checklist_answers(list.id, &rows)) {
    for (const auto& row : rows) {
      ChecklistAnswer a{};
      if (!parse_checklist_answer(row.answer, &a) || list.find(row.item_id) == nullptr) continue;
      responses.push_back({row.item_id, a});
      answers[row.item_id] = row.answer;
      last = std::max(last, row.answered_at);
    }
  }
  const ChecklistScore score = score_checklist(list, responses);
  Json to_do = Json::array();
  for (const ChecklistItem* item : score.to_do) {
    to_do.push_back(Json{{"id", item->id}, {"question", item->question}, {"fix", item->fix}});
  }
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
         {"last_checked", last == WallTime{} ? Json(nullptr) : Json(iso_local_time(last, clock))},
         {"recheck_due", last == WallTime{} || checklist_recheck_due(last, clock.wall(), recheck_days)}};
  if (with_items) j["items"] = items_json(list, answers);
  return j;
}

}  // namespace limber
