#include "store/store_names.h"

namespace limber {

std::string_view stored_name(BreakKind kind) {
  switch (kind) {
    case BreakKind::kMicro:
      return "micro";
    case BreakKind::kRest:
      return "rest";
    case BreakKind::kDaily:
      return "daily";
  }
  return "micro";
}

std::string_view stored_name(Outcome outcome) {
  switch (outcome) {
    case Outcome::kNone:
      return "";
    case Outcome::kTaken:
      return "taken";
    case Outcome::kPostponed:
      return "postponed";
    case Outcome::kSkipped:
      return "skipped";
    case Outcome::kIgnored:
      return "ignored";
    case Outcome::kCancelled:
      return "cancelled";
  }
  return "";
}

std::optional<BreakKind> break_kind_from_stored(std::string_view name) {
  for (BreakKind k : {BreakKind::kMicro, BreakKind::kRest, BreakKind::kDaily}) {
    if (stored_name(k) == name) return k;
  }
  return std::nullopt;
}

std::optional<Outcome> outcome_from_stored(std::string_view name) {
  for (Outcome o : {Outcome::kTaken, Outcome::kPostponed, Outcome::kSkipped, Outcome::kIgnored,
                    Outcome::kCancelled}) {
    if (stored_name(o) == name) return o;
  }
  return std::nullopt;
}

}  // namespace limber
