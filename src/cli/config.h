// Configuration: built-in defaults, then a file, then the environment, then command-line flags;
// each later source overrides the earlier ones. `connectpost config show` prints every value and
// where it came from.
//
// connectpost.conf := { line }, line := blank | "#" comment | key "=" value
// Keys: db, data_dir, log_level, log_format, smtp_url, mail_from, sms_sink_file, … (config.cpp's
// list). Unknown keys are errors (file:line).
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

namespace cp::cli {

struct ConfigEntry {
  std::string key;
  std::string value;
  std::string origin;   // "default", "file connectpost.conf:3", "env CONNECTPOST_DB", "flag --db"
  bool secret = false;  // printed redacted (a database URL may hold a password)
};

class Config {
 public:
  const std::string& get(const std::string& key) const;
  const std::vector<ConfigEntry>& entries() const { return entries_; }

 private:
  friend Result<Config> resolve_config(const struct ConfigSources& sources);
  std::vector<ConfigEntry> entries_;
};

struct ConfigSources {
  std::optional<std::string> config_file;    // --config
  std::map<std::string, std::string> flags;  // key → value, from flags given
  std::function<const char*(const char*)> getenv = [](const char*) -> const char* {
    return nullptr;
  };
};

// The environment variable of a key: "data_dir" → "CONNECTPOST_DATA_DIR".
std::string env_name(const std::string& key);

Result<Config> resolve_config(const ConfigSources& sources);

}  // namespace cp::cli
