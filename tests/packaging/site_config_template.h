// The default site configuration, /etc/limber/limber.toml, as the package
// installs it: every key from config_keys(), commented out at its default,
// under its table, with its description and allowed values.
//
// config/limber.toml is this text; the SiteConfig tests keep the two in
// sync and the limber_site_config tool rewrites the file. Pure function,
// callable from any thread.
#pragma once

#include <string>

namespace limber {

std::string render_site_config();

}  // namespace limber
