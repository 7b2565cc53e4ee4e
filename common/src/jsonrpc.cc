#include "limber/jsonrpc.h"

namespace limber::rpc {

bool LineFramer::feed(std::string_view data, const std::function<void(std::string_view)>& on_line) {
  while (!data.empty()) {
    const size_t newline = data.find('\n');
    if (newline == std::string_view::npos) {
      if (buffer_.size() + data.size() > max_line_) return false;
      buffer_.append(data);
      return true;
    }
    if (buffer_.size() + newline > max_line_) return false;
    std::string_view line;
    if (buffer_.empty()) {
      line = data.substr(0, newline);
    } else {
      buffer_.append(data.substr(0, newline));
      line = buffer_;
    }
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    on_line(line);
    buffer_.clear();
    data.remove_prefix(newline + 1);
  }
  return true;
}

namespace {

// Deepest nesting of arrays and objects outside strings.
int nesting(std::string_view text) {
  int depth = 0, deepest = 0;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '[' || c == '{') deepest = std::max(deepest, ++depth);
    else if (c == ']' || c == '}') --depth;
  }
  return deepest;
}

}  // namespace

std::optional<Json> parse_line(std::string_view line, Error* error) {
  if (nesting(line) > kMaxNesting) {
    *error = {kParseError, "JSON nested deeper than " + std::to_string(kMaxNesting) + " levels", nullptr};
    return std::nullopt;
  }
  Json value = Json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded()) {
    // Parse again with exceptions only to say where it went wrong.
    std::string where = "not valid JSON";
    try {
      const Json again = Json::parse(line);  // throws: the first parse failed
      (void)again;
    } catch (const Json::exception& e) {
      // parse_error, and out_of_range for a number too large for a double
      // ("1e400"): nothing the parser throws may escape to the caller.
      where = e.what();
      // Drop nlohmann's "[json.exception.parse_error.101] " prefix.
      if (where.rfind("[json.exception.", 0) == 0) {
        if (auto end = where.find("] "); end != std::string::npos) where = where.substr(end + 2);
      }
    }
    *error = {kParseError, where, nullptr};
    return std::nullopt;
  }
  return value;
}

std::string encode(const Json& message) {
  return message.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
}

Json make_request(const Json& id, std::string_view method, Json params) {
  return Json{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}};
}

Json make_notification(std::string_view method, Json params) {
  return Json{{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
}

Json make_result(const Json& id, Json result) {
  return Json{{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}};
}

Json make_error(const Json& id, const Error& error) {
  Json e{{"code", error.code}, {"message", error.message}};
  if (!error.data.is_null()) e["data"] = error.data;
  return Json{{"jsonrpc", "2.0"}, {"id", id}, {"error", std::move(e)}};
}

}  // namespace limber::rpc
