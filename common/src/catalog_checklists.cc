// Loading the desk-setup checklists (config/checklists.toml) and scoring a
// set of answers.
#include <algorithm>
#include <chrono>
#include <map>

#include "catalog_toml.h"
#include "limber/catalog.h"

namespace limber {
namespace {

ChecklistItem read_item(const toml::table& table, const std::string& file,
                        const std::string& checklist_id, std::vector<CatalogProblem>* problems) {
  ContentTable entry(table, file, problems);
  ChecklistItem item;
  item.line = entry.line();
  item.id = entry.text("id");
  entry.set_id(checklist_id + "/" + item.id);
  entry.reject_unknown_keys({"id", "area", "question", "why", "fix", "numbers", "source"});
  item.area = entry.text("area");
  item.question = entry.text("question");
  if (!item.question.empty() && item.question.back() != '?') {
    entry.problem("question", "must be a yes/no question ending in '?'");
  }
  item.why = entry.text("why");
  item.fix = entry.text("fix");
  item.numbers = entry.text("numbers", /*required=*/false);
  item.source = entry.text("source");
  return item;
}

Checklist read_checklist(const toml::table& table, const std::string& file,
                         std::vector<CatalogProblem>* problems) {
  ContentTable entry(table, file, problems);
  Checklist list;
  list.line = entry.line();
  list.id = entry.text("id");
  entry.set_id(list.id);
  entry.reject_unknown_keys({"id", "title", "summary", "item"});
  list.title = entry.text("title");
  list.summary = entry.text("summary");
  std::map<std::string, int> seen;
  if (const toml::array* items = entry.tables("item")) {
    for (const toml::node& node : *items) {
      ChecklistItem item = read_item(*node.as_table(), file, list.id, problems);
      const auto [it, inserted] = seen.emplace(item.id, item.line);
      if (!inserted) {
        problems->push_back({file, item.line, list.id + "/" + item.id,
                             "id: also used at line " + std::to_string(it->second)});
      }
      list.items.push_back(std::move(item));
    }
  }
  if (list.items.empty()) entry.problem("item", "a checklist needs at least one item");
  return list;
}

}  // namespace

const ChecklistItem* Checklist::find(std::string_view item_id) const {
  for (const ChecklistItem& item : items) {
    if (item.id == item_id) return &item;
  }
  return nullptr;
}

const Checklist* ChecklistSet::find(std::string_view id) const {
  for (const Checklist& list : checklists) {
    if (list.id == id) return &list;
  }
  return nullptr;
}

Status load_checklists(const std::string& path, ChecklistSet* out,
                       std::vector<CatalogProblem>* problems) {
  std::vector<CatalogProblem> found;
  out->file = path;
  out->checklists.clear();
  toml::table root;
  if (parse_content_file(path, &root, &found)) {
    ContentTable top(root, path, &found);
    top.reject_unknown_keys({"schema", "checklist"});
    top.integer("schema", 1, 1, 1);
    std::map<std::string, int> seen;
    if (const toml::array* lists = top.tables("checklist")) {
      for (const toml::node& node : *lists) {
        Checklist list = read_checklist(*node.as_table(), path, &found);
        const auto [it, inserted] = seen.emplace(list.id, list.line);
        if (!inserted) {
          found.push_back(
              {path, list.line, list.id, "id: also used at line " + std::to_string(it->second)});
        }
        out->checklists.push_back(std::move(list));
      }
    }
  }
  const Status status = content_status(found, 0);
  if (problems) problems->insert(problems->end(), found.begin(), found.end());
  return status;
}

ChecklistScore score_checklist(const Checklist& checklist,
                               const std::vector<ChecklistResponse>& answers) {
  std::map<std::string_view, ChecklistAnswer> latest;
  for (const ChecklistResponse& r : answers) latest[r.item_id] = r.answer;
  ChecklistScore score;
  for (const ChecklistItem& item : checklist.items) {
    const auto it = latest.find(item.id);
    if (it == latest.end()) {
      ++score.unanswered;
      continue;
    }
    switch (it->second) {
      case ChecklistAnswer::kYes:
        ++score.yes;
        break;
      case ChecklistAnswer::kNo:
        ++score.no;
        score.to_do.push_back(&item);
        break;
      case ChecklistAnswer::kNotApplicable:
        ++score.not_applicable;
        break;
    }
  }
  const int applicable = score.yes + score.no;
  score.percent = applicable == 0 ? 100 : (100 * score.yes) / applicable;
  return score;
}

bool checklist_recheck_due(WallTime answered_at, WallTime now, int64_t recheck_days) {
  return now - answered_at >= std::chrono::days(recheck_days);
}

}  // namespace limber
