// A strict reader of the Prometheus text exposition format (0.0.4), as the
// fleet-report tests need it: every sample belongs to a family announced
// by one HELP and one TYPE line before its first sample, families are not
// interleaved, no series repeats, label names and values are well formed,
// and no sample carries a timestamp. Test-only, header-only.
#pragma once

#include <cstdlib>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

namespace limber::report::test {

struct Exposition {
  std::map<std::string, double> samples;  // `name{a="x",b="y"}` (labels as written) -> value
  std::map<std::string, std::string> types;  // family -> type
  std::set<std::string> label_names;
  std::string error;  // empty when the text is valid

  // The value of a series, or -1 when it is absent.
  double value(const std::string& series) const {
    const auto it = samples.find(series);
    return it == samples.end() ? -1 : it->second;
  }
};

inline Exposition parse_exposition(const std::string& text) {
  Exposition out;
  const std::regex name_re("[a-zA-Z_:][a-zA-Z0-9_:]*");
  const std::regex help_re("# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) (.+)");
  const std::regex type_re("# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (gauge|counter|histogram|summary|untyped)");
  const std::regex sample_re("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)\\})? ([^ ]+)");
  const std::regex label_re("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"(,|$)");
  if (text.empty() || text.back() != '\n') {
    out.error = "the text does not end with a newline";
    return out;
  }
  std::set<std::string> helped, finished;
  std::string current;  // the family whose samples are being read
  std::istringstream in(text);
  std::string line;
  int number = 0;
  auto fail = [&](const std::string& why) {
    out.error = "line " + std::to_string(number) + ": " + why + ": " + line;
    return out;
  };
  while (std::getline(in, line)) {
    ++number;
    std::smatch m;
    if (line.empty()) return fail("empty line");
    if (std::regex_match(line, m, help_re)) {
      if (!helped.insert(m[1]).second) return fail("a second HELP");
      continue;
    }
    if (std::regex_match(line, m, type_re)) {
      if (out.types.count(m[1])) return fail("a second TYPE");
      if (!helped.count(m[1])) return fail("TYPE before HELP");
      out.types[m[1]] = m[2];
      continue;
    }
    if (line[0] == '#') return fail("an unexpected comment");
    if (!std::regex_match(line, m, sample_re)) return fail("not a sample (name{labels} value, no timestamp)");
    const std::string name = m[1];
    std::string family = name;
    for (const char* suffix : {"_bucket", "_sum", "_count"}) {
      const std::string s = suffix;
      if (name.size() > s.size() && name.ends_with(s) && out.types.count(name.substr(0, name.size() - s.size())) &&
          out.types[name.substr(0, name.size() - s.size())] == "histogram") {
        family = name.substr(0, name.size() - s.size());
      }
    }
    if (!out.types.count(family)) return fail("a sample before its family's TYPE");
    if (family != current) {
      if (finished.count(family)) return fail("the family's samples are not together");
      if (!current.empty()) finished.insert(current);
      current = family;
    }
    const std::string labels = m[3];
    for (std::string rest = labels; !rest.empty();) {
      std::smatch lm;
      if (!std::regex_search(rest, lm, label_re, std::regex_constants::match_continuous))
        return fail("a malformed label");
      out.label_names.insert(lm[1]);
      rest = lm.suffix();
    }
    char* end = nullptr;
    const std::string v = m[4];
    const double value = std::strtod(v.c_str(), &end);
    if (v.empty() || *end != '\0') return fail("a value that is not a number");
    const std::string series = name + (m[2].matched ? std::string(m[2]) : "");
    if (!out.samples.emplace(series, value).second) return fail("a repeated series");
  }
  for (const auto& [family, type] : out.types) {
    static_cast<void>(type);
    if (!helped.count(family)) {
      out.error = family + " has a TYPE but no HELP";
      return out;
    }
  }
  return out;
}

}  // namespace limber::report::test
