// A desk checklist as the views see it: its items, the latest answers from
// the history, the score and the to-do list, and whether it is due to be
// checked again. Used by the checklist methods and the fleet report.
#pragma once

#include <string_view>

#include "limber/catalog.h"
#include "limber/clock.h"
#include "limber/jsonrpc.h"
#include "store/history_store.h"

namespace limber {

// `store` may be null (no history: nothing answered).
rpc::Json checklist_json(const Checklist& list, bool with_items, HistoryStore* store, const Clock& clock,
                         int64_t recheck_days);

std::string_view checklist_answer_name(ChecklistAnswer a);
bool parse_checklist_answer(std::string_view text, ChecklistAnswer* out);

}  // namespace limber
