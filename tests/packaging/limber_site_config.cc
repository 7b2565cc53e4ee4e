// limber_site_config: prints the default site configuration
// (render_site_config()), or with `--update FILE` writes it to FILE
// (config/limber.toml).
#include <cstdio>
#include <fstream>
#include <string>

#include "site_config_template.h"

int main(int argc, char** argv) {
  const std::string text = limber::render_site_config();
  if (argc == 1) {
    std::fputs(text.c_str(), stdout);
    return 0;
  }
  if (argc != 3 || std::string(argv[1]) != "--update") {
    std::fprintf(stderr, "usage: %s [--update config/limber.toml]\n", argv[0]);
    return 2;
  }
  std::ofstream out(argv[2], std::ios::trunc);
  out << text;
  out.close();
  if (!out) {
    std::fprintf(stderr, "%s: cannot write it\n", argv[2]);
    return 1;
  }
  return 0;
}
