#include "limber/mo_catalog.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <sstream>

namespace limber {
namespace {

constexpr uint32_t kMagic = 0x950412de;
constexpr uint32_t kMagicSwapped = 0xde120495;

uint32_t read_u32(const std::string& data, size_t at, bool swapped) {
  uint32_t v = 0;
  std::memcpy(&v, data.data() + at, sizeof v);
  return swapped ? __builtin_bswap32(v) : v;
}

// Recursive descent over a plural rule; every operator as in C on unsigned
// long, a division by zero gives 0. ok() is false when the text is not a
// complete expression.
class PluralExpression {
 public:
  PluralExpression(std::string_view text, unsigned long n) : text_(text), n_(n) {}

  unsigned long value() {
    const unsigned long v = conditional();
    skip_spaces();
    if (at_ != text_.size()) ok_ = false;
    return ok_ ? v : 0;
  }

 private:
  unsigned long conditional() {
    const unsigned long condition = logical_or();
    if (!take("?")) return condition;
    const unsigned long if_true = conditional();
    if (!take(":")) ok_ = false;
    const unsigned long if_false = conditional();
    return condition != 0 ? if_true : if_false;
  }
  unsigned long logical_or() {
    unsigned long v = logical_and();
    while (take("||")) {
      const unsigned long rhs = logical_and();
      v = (v != 0 || rhs != 0) ? 1 : 0;
    }
    return v;
  }
  unsigned long logical_and() {
    unsigned long v = equality();
    while (take("&&")) {
      const unsigned long rhs = equality();
      v = (v != 0 && rhs != 0) ? 1 : 0;
    }
    return v;
  }
  unsigned long equality() {
    unsigned long v = relational();
    for (;;) {
      if (take("==")) {
        v = v == relational() ? 1 : 0;
      } else if (take("!=")) {
        v = v != relational() ? 1 : 0;
      } else {
        return v;
      }
    }
  }
  unsigned long relational() {
    unsigned long v = additive();
    for (;;) {
      if (take("<=")) {
        v = v <= additive() ? 1 : 0;
      } else if (take(">=")) {
        v = v >= additive() ? 1 : 0;
      } else if (take("<")) {
        v = v < additive() ? 1 : 0;
      } else if (take(">")) {
        v = v > additive() ? 1 : 0;
      } else {
        return v;
      }
    }
  }
  unsigned long additive() {
    unsigned long v = multiplicative();
    for (;;) {
      if (take("+")) {
        v += multiplicative();
      } else if (take("-")) {
        v -= multiplicative();
      } else {
        return v;
      }
    }
  }
  unsigned long multiplicative() {
    unsigned long v = unary();
    for (;;) {
      if (take("*")) {
        v *= unary();
      } else if (take("/")) {
        const unsigned long d = unary();
        v = d == 0 ? 0 : v / d;
      } else if (take("%")) {
        const unsigned long d = unary();
        v = d == 0 ? 0 : v % d;
      } else {
        return v;
      }
    }
  }
  unsigned long unary() {
    if (take("!")) return unary() == 0 ? 1 : 0;
    return primary();
  }
  unsigned long primary() {
    if (take("(")) {
      const unsigned long v = conditional();
      if (!take(")")) ok_ = false;
      return v;
    }
    if (take("n")) return n_;
    skip_spaces();
    if (at_ >= text_.size() || text_[at_] < '0' || text_[at_] > '9') {
      ok_ = false;
      return 0;
    }
    unsigned long v = 0;
    while (at_ < text_.size() && text_[at_] >= '0' && text_[at_] <= '9') {
      v = v * 10 + static_cast<unsigned long>(text_[at_++] - '0');
    }
    return v;
  }

  void skip_spaces() {
    while (at_ < text_.size() && (text_[at_] == ' ' || text_[at_] == '\t' || text_[at_] == '\n')) ++at_;
  }
  // Consumes `token` when it comes next. "<" does not take the start of
  // "<=", nor "!" that of "!=", nor "|"/"&" halves.
  bool take(std::string_view token) {
    skip_spaces();
    if (text_.substr(at_, token.size()) != token) return false;
    if (token.size() == 1 && at_ + 1 < text_.size()) {
      const char next = text_[at_ + 1];
      if ((token == "<" || token == ">" || token == "!") && next == '=') return false;
    }
    at_ += token.size();
    return true;
  }

  std::string_view text_;
  unsigned long n_;
  size_t at_ = 0;
  bool ok_ = true;
};

// The value of "plural=" in a catalog header's Plural-Forms line.
std::string plural_rule_of(std::string_view header) {
  const size_t line = header.find("Plural-Forms:");
  if (line == std::string_view::npos) return "";
  const size_t end_of_line = header.find('\n', line);
  const std::string_view forms = header.substr(line, end_of_line == std::string_view::npos ? end_of_line : end_of_line - line);
  const size_t start = forms.find("plural=");
  if (start == std::string_view::npos) return "";
  std::string_view rule = forms.substr(start + 7);
  rule = rule.substr(0, rule.find(';'));
  return std::string(rule);
}

}  // namespace

unsigned long evaluate_plural_rule(std::string_view rule, unsigned long n) {
  return PluralExpression(rule, n).value();
}

bool MoCatalog::load(const std::string& path, std::string* err) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *err = path + ": cannot read the catalog";
    return false;
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  data_ = bytes.str();
  entries_.clear();
  if (data_.size() < 20) {
    *err = path + ": too short for a .mo catalog";
    return false;
  }
  const uint32_t magic = read_u32(data_, 0, false);
  if (magic != kMagic && magic != kMagicSwapped) {
    *err = path + ": not a .mo catalog";
    return false;
  }
  const bool swapped = magic == kMagicSwapped;
  const uint64_t count = read_u32(data_, 8, swapped);
  const uint64_t originals = read_u32(data_, 12, swapped);
  const uint64_t translations = read_u32(data_, 16, swapped);
  const uint64_t size = data_.size();
  if (originals + count * 8 > size || translations + count * 8 > size) {
    *err = path + ": its tables run past the end of the file";
    return false;
  }
  // A string (length, offset) with its terminating NUL inside the file.
  auto string_at = [&](uint64_t table, uint64_t i, std::string_view* out) {
    const uint64_t length = read_u32(data_, static_cast<size_t>(table + i * 8), swapped);
    const uint64_t offset = read_u32(data_, static_cast<size_t>(table + i * 8 + 4), swapped);
    if (offset + length >= size || data_[static_cast<size_t>(offset + length)] != '\0') return false;
    *out = std::string_view(data_).substr(static_cast<size_t>(offset), static_cast<size_t>(length));
    return true;
  };
  entries_.reserve(static_cast<size_t>(count));
  for (uint64_t i = 0; i < count; ++i) {
    Entry e;
    if (!string_at(originals, i, &e.msgid) || !string_at(translations, i, &e.translation)) {
      *err = path + ": entry " + std::to_string(i) + " lies outside the file";
      entries_.clear();
      return false;
    }
    e.msgid = e.msgid.substr(0, e.msgid.find('\0'));  // a plural entry: "singular\0plural"
    entries_.push_back(e);
  }
  std::sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) { return a.msgid < b.msgid; });
  if (const Entry* header = entry("")) {
    if (std::string rule = plural_rule_of(header->translation); !rule.empty()) plural_rule_ = rule;
  }
  return true;
}

const MoCatalog::Entry* MoCatalog::entry(std::string_view msgid) const {
  const auto it = std::lower_bound(entries_.begin(), entries_.end(), msgid,
                                   [](const Entry& e, std::string_view id) { return e.msgid < id; });
  return it != entries_.end() && it->msgid == msgid ? &*it : nullptr;
}

const char* MoCatalog::find(std::string_view msgid) const {
  const Entry* e = entry(msgid);
  return e != nullptr && !e->translation.empty() ? e->translation.data() : nullptr;
}

const char* MoCatalog::find_plural(std::string_view singular, unsigned long n) const {
  const Entry* e = entry(singular);
  if (e == nullptr || e->translation.empty()) return nullptr;
  unsigned long form = evaluate_plural_rule(plural_rule_, n);
  std::string_view forms = e->translation;
  size_t at = 0;
  while (form > 0) {
    const size_t end = forms.find('\0', at);
    if (end == std::string_view::npos) return e->translation.data();  // fewer forms than the rule says
    at = end + 1;
    --form;
  }
  return forms.data() + at;
}

}  // namespace limber
