// Loading the health notice (config/health.toml): the texts every exercise
// prompt carries and the "Symptoms?" page.
#include "catalog_toml.h"
#include "limber/catalog.h"

namespace limber {

Status load_health_notice(const std::string& path, HealthNotice* out,
                          std::vector<CatalogProblem>* problems) {
  std::vector<CatalogProblem> found;
  *out = HealthNotice{};
  toml::table root;
  if (parse_content_file(path, &root, &found)) {
    ContentTable top(root, path, &found);
    top.reject_unknown_keys({"schema", "source", "notice", "symptoms", "disclaimer"});
    top.integer("schema", 1, 1, 1);
    out->source = top.text("source");
    if (const toml::table* notice = top.table("notice")) {
      ContentTable t(*notice, path, &found);
      t.set_id("notice");
      t.reject_unknown_keys({"text", "stop_if"});
      out->notice = t.text("text");
      out->stop_if = t.texts("stop_if");
    }
    if (const toml::table* symptoms = top.table("symptoms")) {
      ContentTable t(*symptoms, path, &found);
      t.set_id("symptoms");
      t.reject_unknown_keys({"title", "intro", "see_doctor", "urgent"});
      out->symptoms_title = t.text("title");
      out->symptoms_intro = t.text("intro");
      out->see_doctor = t.texts("see_doctor");
      if (out->see_doctor.empty()) t.problem("see_doctor", "must list at least one sign");
      out->urgent = t.text("urgent");
    }
    if (const toml::table* disclaimer = top.table("disclaimer")) {
      ContentTable t(*disclaimer, path, &found);
      t.set_id("disclaimer");
      t.reject_unknown_keys({"text"});
      out->disclaimer = t.text("text");
    }
  }
  const Status status = content_status(found, 0);
  if (problems) problems->insert(problems->end(), found.begin(), found.end());
  return status;
}

}  // namespace limber
