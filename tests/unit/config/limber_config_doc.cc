// limber_config_doc: prints the reference table of every configuration key
// (render_config_reference()), or with `--update FILE` rewrites the table
// between the keys markers of FILE (docs/configuration.md) in place.
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "config_doc_section.h"
#include "limber/config_keys.h"

int main(int argc, char** argv) {
  const std::string table = limber::render_config_reference();
  if (argc == 1) {
    std::fputs(table.c_str(), stdout);
    return 0;
  }
  if (argc != 3 || std::string(argv[1]) != "--update") {
    std::fprintf(stderr, "usage: %s [--update docs/configuration.md]\n", argv[0]);
    return 2;
  }
  const std::string path = argv[2];
  std::ifstream in(path);
  std::stringstream doc;
  doc << in.rdbuf();
  std::string updated;
  if (!in || !limber::replace_keys_section(doc.str(), table, &updated)) {
    std::fprintf(
        stderr,
        "%s: cannot read it, or it lacks the <!-- keys:begin --> and <!-- keys:end --> markers\n",
        path.c_str());
    return 1;
  }
  std::ofstream out(path, std::ios::trunc);
  out << updated;
  out.close();
  if (!out) {
    std::fprintf(stderr, "%s: cannot write it\n", path.c_str());
    return 1;
  }
  return 0;
}
