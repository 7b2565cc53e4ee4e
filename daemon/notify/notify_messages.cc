#include "notify/notify_messages.h"

#include <nlohmann/json.hpp>

namespace limber {

using Json = nlohmann::json;

namespace {

// Reads `line` as a JSON object with a string "type"; false otherwise.
bool parse_object(std::string_view line, Json* out, std::string* type, std::string* err) {
  Json j = Json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object() || !j.contains("type") || !j["type"].is_string()) {
    *err = "not a message object";
    return false;
  }
  if (!j.contains("break_id") || !j["break_id"].is_number_unsigned()) {
    *err = "no break_id";
    return false;
  }
  *type = j["type"].get<std::string>();
  *out = std::move(j);
  return true;
}

std::string string_field(const Json& j, const char* name) {
  auto it = j.find(name);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool bool_field(const Json& j, const char* name) {
  auto it = j.find(name);
  return it != j.end() && it->is_boolean() && it->get<bool>();
}

uint32_t id_field(const Json& j, const char* name) {
  auto it = j.find(name);
  if (it == j.end() || !it->is_number_unsigned()) return 0;
  const uint64_t v = it->get<uint64_t>();
  return v > UINT32_MAX ? 0 : static_cast<uint32_t>(v);
}

}  // namespace

std::string_view to_string(PromptAction action) {
  switch (action) {
    case PromptAction::kStart: return "start";
    case PromptAction::kPostpone: return "postpone";
    case PromptAction::kSkip: return "skip";
  }
  return "start";
}

bool parse_prompt_action(std::string_view text, PromptAction* out) {
  for (PromptAction a : {PromptAction::kStart, PromptAction::kPostpone, PromptAction::kSkip}) {
    if (text == to_string(a)) {
      *out = a;
      return true;
    }
  }
  return false;
}

std::string encode(const NotifyRequest& r) {
  Json j{{"break_id", r.prompt.break_id}};
  if (r.kind == NotifyRequest::Kind::kClose) {
    j["type"] = "close";
  } else {
    j["type"] = "show";
    j["summary"] = r.prompt.summary;
    j["body"] = r.prompt.body;
    j["offer_postpone"] = r.prompt.offer_postpone;
    j["offer_skip"] = r.prompt.offer_skip;
    j["sound"] = r.prompt.sound;
    j["replaces_id"] = r.prompt.replaces_id;
  }
  // Invalid UTF-8 (from a hand-edited catalog) is replaced, not thrown.
  return j.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string encode(const NotifyReport& r) {
  Json j{{"break_id", r.break_id}};
  switch (r.kind) {
    case NotifyReport::Kind::kShown:
      j["type"] = "shown";
      j["server_id"] = r.server_id;
      j["server"] = r.text;
      break;
    case NotifyReport::Kind::kAction:
      j["type"] = "action";
      j["action"] = to_string(r.action);
      break;
    case NotifyReport::Kind::kClosed:
      j["type"] = "closed";
      j["reason"] = r.text;
      break;
    case NotifyReport::Kind::kFailed:
      j["type"] = "failed";
      j["error"] = r.text;
      break;
  }
  return j.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
}

bool decode(std::string_view line, NotifyRequest* out, std::string* err) {
  Json j;
  std::string type;
  if (!parse_object(line, &j, &type, err)) return false;
  NotifyRequest r;
  r.prompt.break_id = j["break_id"].get<uint64_t>();
  if (type == "close") {
    r.kind = NotifyRequest::Kind::kClose;
  } else if (type == "show") {
    r.kind = NotifyRequest::Kind::kShow;
    r.prompt.summary = string_field(j, "summary");
    r.prompt.body = string_field(j, "body");
    r.prompt.offer_postpone = bool_field(j, "offer_postpone");
    r.prompt.offer_skip = bool_field(j, "offer_skip");
    r.prompt.sound = bool_field(j, "sound");
    r.prompt.replaces_id = id_field(j, "replaces_id");
    if (r.prompt.summary.empty()) {
      *err = "show without a summary";
      return false;
    }
  } else {
    *err = "unknown request '" + type + "'";
    return false;
  }
  *out = std::move(r);
  return true;
}

bool decode(std::string_view line, NotifyReport* out, std::string* err) {
  Json j;
  std::string type;
  if (!parse_object(line, &j, &type, err)) return false;
  NotifyReport r;
  r.break_id = j["break_id"].get<uint64_t>();
  if (type == "shown") {
    r.kind = NotifyReport::Kind::kShown;
    r.server_id = id_field(j, "server_id");
    r.text = string_field(j, "server");
  } else if (type == "action") {
    r.kind = NotifyReport::Kind::kAction;
    if (!parse_prompt_action(string_field(j, "action"), &r.action)) {
      *err = "unknown action";
      return false;
    }
  } else if (type == "closed") {
    r.kind = NotifyReport::Kind::kClosed;
    r.text = string_field(j, "reason");
  } else if (type == "failed") {
    r.kind = NotifyReport::Kind::kFailed;
    r.text = string_field(j, "error");
  } else {
    *err = "unknown report '" + type + "'";
    return false;
  }
  *out = std::move(r);
  return true;
}

bool split_lines(std::string* pending, std::string_view data, std::vector<std::string>* lines) {
  pending->append(data);
  size_t start = 0;
  for (size_t nl = pending->find('\n'); nl != std::string::npos; nl = pending->find('\n', start)) {
    lines->emplace_back(pending->substr(start, nl - start));
    start = nl + 1;
  }
  pending->erase(0, start);
  if (pending->size() > kMaxNotifyLine) {
    pending->clear();
    return false;
  }
  return true;
}

}  // namespace limber
