#include "dnd/pw_dump_nodes.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace limber {
namespace {

// A PipeWire object is a few kilobytes; far more means the stream is not
// what we think it is, and buffering it would only cost memory.
constexpr size_t kMaxElement = 1 << 20;

bool is_capture_class(const nlohmann::json& media_class) {
  return media_class.is_string() &&
         (media_class == "Stream/Input/Audio" || media_class == "Stream/Input/Video");
}

}  // namespace

void PwDumpNodes::feed(std::string_view chunk) {
  for (const char c : chunk) {
    if (depth_ >= 2) {
      if (!oversized_) {
        if (element_.size() < kMaxElement) {
          element_.push_back(c);
        } else {
          oversized_ = true;
          element_.clear();
          element_.shrink_to_fit();
        }
      }
    }
    if (in_string_) {
      if (escaped_) {
        escaped_ = false;
      } else if (c == '\\') {
        escaped_ = true;
      } else if (c == '"') {
        in_string_ = false;
      }
      continue;
    }
    switch (c) {
      case '"':
        if (depth_ >= 2) in_string_ = true;
        break;
      case '[':
      case '{':
        if (depth_ == 1) {
          element_.assign(1, c);  // an element begins
          oversized_ = false;
        }
        ++depth_;
        break;
      case ']':
      case '}':
        if (depth_ > 0) --depth_;
        if (depth_ == 1) {
          if (!oversized_) element(element_);
          element_.clear();
        }
        break;
      default:
        break;  // separators, whitespace, scalars between elements
    }
  }
}

void PwDumpNodes::element(const std::string& text) {
  const nlohmann::json object = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!object.is_object()) return;
  const auto id = object.find("id");
  const auto info = object.find("info");
  if (id == object.end() || !id->is_number_integer() || info == object.end()) return;
  if (info->is_null()) {
    nodes_.erase(id->get<int64_t>());  // removed (whatever it was)
    return;
  }
  if (object.value("type", "") != "PipeWire:Interface:Node" || !info->is_object()) return;
  Node& node = nodes_[id->get<int64_t>()];
  if (const auto props = info->find("props"); props != info->end() && props->is_object()) {
    if (const auto media_class = props->find("media.class"); media_class != props->end()) {
      node.capture = is_capture_class(*media_class);
    }
  }
  if (const auto state = info->find("state"); state != info->end() && state->is_string()) {
    node.running = *state == "running";
  }
}

void PwDumpNodes::reset() {
  *this = PwDumpNodes();
}

bool PwDumpNodes::capture_running() const {
  return std::any_of(nodes_.begin(), nodes_.end(),
                     [](const auto& n) { return n.second.capture && n.second.running; });
}

}  // namespace limber
