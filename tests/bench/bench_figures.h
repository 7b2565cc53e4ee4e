// Key figures for tests/bench/run.sh's summary table. A benchmark given
// `--figures FILE` appends one line per figure: "name<TAB>value<TAB>target".
// Header-only; test-only; single-threaded.
#pragma once

#include <cstdio>
#include <string>

namespace limber::bench {

class FigureLog {
 public:
  // Reads and removes "--figures FILE" from argv; figures are dropped without one.
  FigureLog(int* argc, char** argv) {
    for (int i = 1; i + 1 < *argc; ++i) {
      if (std::string(argv[i]) != "--figures") continue;
      path_ = argv[i + 1];
      for (int j = i; j + 2 <= *argc; ++j) argv[j] = argv[j + 2];
      *argc -= 2;
      break;
    }
  }

  void add(const std::string& name, const std::string& value, const std::string& target = "") const {
    if (path_.empty()) return;
    if (FILE* f = std::fopen(path_.c_str(), "a")) {
      std::fprintf(f, "%s\t%s\t%s\n", name.c_str(), value.c_str(), target.c_str());
      std::fclose(f);
    }
  }

 private:
  std::string path_;
};

// printf into a std::string.
template <typename... Args>
std::string format(const char* fmt, Args... args) {
  char buf[256];
  std::snprintf(buf, sizeof buf, fmt, args...);
  return buf;
}

}  // namespace limber::bench
