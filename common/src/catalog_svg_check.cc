// A small well-formedness check for the catalog's SVG illustrations: the
// loader must not need an XML library, and the real rendering check is the
// contact sheet tool (tools/contact_sheet), which draws every file with wx.
#include <cctype>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "limber/catalog.h"

namespace limber {
namespace {

class XmlScanner {
 public:
  explicit XmlScanner(std::string text) : s_(std::move(text)) {}

  // Walks the whole document; fills root name and the root's viewBox.
  bool scan(std::string* why) {
    if (s_.compare(0, 3, "\xEF\xBB\xBF") == 0) pos_ = 3;
    skip_misc();
    if (s_.compare(pos_, 5, "<?xml") == 0) {
      if (!skip_past("?>")) return fail("unterminated XML declaration", why);
    }
    skip_misc();
    if (s_.compare(pos_, 9, "<!DOCTYPE") == 0 && !skip_past(">")) {
      return fail("unterminated DOCTYPE", why);
    }
    skip_misc();
    if (!element(/*is_root=*/true, why)) return false;
    skip_misc();
    if (pos_ != s_.size()) return fail("content after the root element", why);
    return true;
  }

  const std::string& root() const { return root_; }
  const std::string& view_box() const { return view_box_; }
  bool has_view_box() const { return has_view_box_; }

 private:
  bool fail(const std::string& message, std::string* why) const {
    *why = message + " (at byte " + std::to_string(pos_) + ")";
    return false;
  }

  bool skip_past(std::string_view end) {
    const size_t at = s_.find(end, pos_);
    if (at == std::string::npos) return false;
    pos_ = at + end.size();
    return true;
  }

  // Whitespace and comments between elements.
  void skip_misc() {
    for (;;) {
      while (pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_]))) ++pos_;
      if (s_.compare(pos_, 4, "<!--") != 0 || !skip_past("-->")) return;
    }
  }

  std::string name() {
    const size_t start = pos_;
    while (pos_ < s_.size()) {
      const char c = s_[pos_];
      if (!(std::isalnum(static_cast<unsigned char>(c)) || c == ':' || c == '-' || c == '_' ||
            c == '.')) {
        break;
      }
      ++pos_;
    }
    return s_.substr(start, pos_ - start);
  }

  void skip_space() {
    while (pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_]))) ++pos_;
  }

  bool element(bool is_root, std::string* why) {
    std::vector<std::string> open;
    do {
      if (pos_ >= s_.size()) return fail("unexpected end of file", why);
      if (s_[pos_] != '<') {  // character data
        const size_t next = s_.find('<', pos_);
        if (next == std::string::npos) return fail("unexpected end of file", why);
        pos_ = next;
        continue;
      }
      if (s_.compare(pos_, 4, "<!--") == 0) {
        if (!skip_past("-->")) return fail("unterminated comment", why);
        continue;
      }
      if (s_.compare(pos_, 9, "<![CDATA[") == 0) {
        if (!skip_past("]]>")) return fail("unterminated CDATA", why);
        continue;
      }
      if (s_.compare(pos_, 2, "</") == 0) {
        pos_ += 2;
        const std::string closing = name();
        skip_space();
        if (open.empty() || closing != open.back()) {
          return fail(
              "</" + closing + "> does not close <" + (open.empty() ? "" : open.back()) + ">", why);
        }
        if (pos_ >= s_.size() || s_[pos_] != '>') return fail("expected '>'", why);
        ++pos_;
        open.pop_back();
        continue;
      }
      ++pos_;
      const std::string tag = name();
      if (tag.empty()) return fail("expected an element name after '<'", why);
      if (is_root && open.empty() && root_.empty()) root_ = tag;
      const bool this_is_root = open.empty();
      if (!attributes(is_root && this_is_root, why)) return false;
      if (s_.compare(pos_, 2, "/>") == 0) {
        pos_ += 2;
      } else if (pos_ < s_.size() && s_[pos_] == '>') {
        ++pos_;
        open.push_back(tag);
      } else {
        return fail("expected '>' or '/>' in <" + tag + ">", why);
      }
    } while (!open.empty());
    return true;
  }

  bool attributes(bool of_root, std::string* why) {
    for (;;) {
      skip_space();
      if (pos_ >= s_.size()) return fail("unexpected end of file in a tag", why);
      if (s_[pos_] == '>' || s_[pos_] == '/') return true;
      const std::string attr = name();
      if (attr.empty()) return fail("expected an attribute name", why);
      skip_space();
      if (pos_ >= s_.size() || s_[pos_] != '=') return fail("expected '=' after " + attr, why);
      ++pos_;
      skip_space();
      if (pos_ >= s_.size() || (s_[pos_] != '"' && s_[pos_] != '\'')) {
        return fail("attribute " + attr + " needs a quoted value", why);
      }
      const char quote = s_[pos_++];
      const size_t end = s_.find(quote, pos_);
      if (end == std::string::npos) return fail("unterminated value of " + attr, why);
      if (of_root && attr == "viewBox") {
        has_view_box_ = true;
        view_box_ = s_.substr(pos_, end - pos_);
      }
      pos_ = end + 1;
    }
  }

  std::string s_;
  size_t pos_ = 0;
  std::string root_;
  std::string view_box_;
  bool has_view_box_ = false;
};

// "0 0 160 160": four numbers, positive width and height.
bool valid_view_box(const std::string& text) {
  std::istringstream in(text);
  double v[4] = {};
  for (double& x : v) {
    if (!(in >> x)) return false;
    if (in.peek() == ',') in.get();
  }
  std::string rest;
  return !(in >> rest) && v[2] > 0 && v[3] > 0;
}

}  // namespace

bool check_svg_file(const std::string& path, std::string* why) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *why = "cannot read " + path;
    return false;
  }
  std::ostringstream content;
  content << in.rdbuf();
  XmlScanner scanner(content.str());
  std::string problem;
  if (!scanner.scan(&problem)) {
    *why = path + " is not well-formed XML: " + problem;
    return false;
  }
  if (scanner.root() != "svg") {
    *why = path + ": the root element is <" + scanner.root() + ">, not <svg>";
    return false;
  }
  if (!scanner.has_view_box() || !valid_view_box(scanner.view_box())) {
    *why = path + ": <svg> needs a viewBox of four numbers with a positive size";
    return false;
  }
  return true;
}

}  // namespace limber
