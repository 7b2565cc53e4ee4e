#include "config_doc_section.h"

#include <string_view>

namespace limber {
namespace {

constexpr std::string_view kBegin = "<!-- keys:begin -->\n";
constexpr std::string_view kEnd = "<!-- keys:end -->";

bool find_section(const std::string& doc, size_t* begin, size_t* end) {
  const size_t b = doc.find(kBegin);
  if (b == std::string::npos) return false;
  const size_t e = doc.find(kEnd, b + kBegin.size());
  if (e == std::string::npos) return false;
  *begin = b + kBegin.size();
  *end = e;
  return true;
}

}  // namespace

bool extract_keys_section(const std::string& doc, std::string* section) {
  size_t begin = 0;
  size_t end = 0;
  if (!find_section(doc, &begin, &end)) return false;
  *section = doc.substr(begin, end - begin);
  return true;
}

bool replace_keys_section(const std::string& doc, const std::string& section, std::string* out) {
  size_t begin = 0;
  size_t end = 0;
  if (!find_section(doc, &begin, &end)) return false;
  *out = doc.substr(0, begin) + section + doc.substr(end);
  return true;
}

}  // namespace limber
