#include "cli/config.h"

#include <cctype>
#include <filesystem>
#include <fstream>

#include "core/assert.h"

namespace cp::cli {
namespace {

struct KeySpec {
  const char* key;
  const char* default_value;
  std::vector<std::string> allowed;  // empty: any non-empty value
  bool secret;
};

const std::vector<KeySpec>& key_specs() {
  static const std::vector<KeySpec> kSpecs = {
      {"db", "sqlite:var/connectpost.db", {}, true},
      {"data_dir", "data", {}, false},
      // The e-service catalogue (catalog/README.md): one JSON file per service.
      {"catalog_dir", "catalog", {}, false},
      {"log_level", "info", {"trace", "debug", "info", "warn", "error", "off"}, false},
      {"log_format", "text", {"text", "json"}, false},
      // The SMTP relay for email codes and notifications (smtp://host:port, smtps://…, with
      // credentials in the URL if the relay needs them: a secret). Empty: no mail is sent.
      {"smtp_url", "", {}, true},
      {"mail_from", "connectpost@localhost", {}, false},
      // A file every SMS is appended to, one JSON line each (mail/sms.h): the gateway the
      // deployment's carrier picks up, or a test's sink. Empty: no SMS is sent.
      {"sms_sink_file", "", {}, false},
      // Where users reach the portal (https://portal.example.com), for links in mail: never
      // taken from a request's Host header, which the sender controls. Empty: no reset links.
      {"public_url", "", {}, false},
      // The key file that seals authenticator secrets in the database (`secret-key new FILE`);
      // outside the database and its backups. Empty: secrets are stored unsealed (a warning).
      {"secret_key_file", "", {}, false},
      // A file holding the bearer token a monitoring scraper sends to GET /metrics (at least 32
      // characters). Empty: /metrics answers 404 to everyone.
      {"metrics_token_file", "", {}, false},
      // The firm whose Southbound book the EOD runs (the deployment's broker): its users with
      // settlement:view see the book under stress in the portal. Empty: no firm sees it.
      {"book_firm", "", {}, false},
  };
  return kSpecs;
}

const KeySpec* find_spec(const std::string& key) {
  for (const auto& spec : key_specs()) {
    if (key == spec.key) return &spec;
  }
  return nullptr;
}

std::string trim(const std::string& text) {
  const size_t first = text.find_first_not_of(" \t\r");
  if (first == std::string::npos) return "";
  const size_t last = text.find_last_not_of(" \t\r");
  return text.substr(first, last - first + 1);
}

Result<void> check_value(const KeySpec& spec, const std::string& value, const std::string& origin) {
  if (value.empty()) {
    return invalid_input("empty value for '" + std::string(spec.key) + "' from " + origin,
                         spec.key);
  }
  if (spec.allowed.empty()) return Ok{};
  for (const auto& allowed : spec.allowed) {
    if (value == allowed) return Ok{};
  }
  std::string list;
  for (const auto& allowed : spec.allowed) list += (list.empty() ? "" : ", ") + allowed;
  return invalid_input("'" + value + "' from " + origin + " is not one of: " + list, spec.key);
}

}  // namespace

std::string env_name(const std::string& key) {
  std::string name = "CONNECTPOST_";
  for (char c : key) name.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  return name;
}

const std::string& Config::get(const std::string& key) const {
  for (const auto& entry : entries_) {
    if (entry.key == key) return entry.value;
  }
  CP_ASSERT(false, "unknown configuration key");
}

Result<Config> resolve_config(const ConfigSources& sources) {
  Config config;
  for (const auto& spec : key_specs()) {
    config.entries_.push_back({spec.key, spec.default_value, "default", spec.secret});
  }
  auto set = [&](const std::string& key, const std::string& value,
                 const std::string& origin) -> Result<void> {
    const KeySpec* spec = find_spec(key);
    CP_ASSERT(spec != nullptr, "set of an unknown key");
    CP_RETURN_IF_ERROR(check_value(*spec, value, origin));
    for (auto& entry : config.entries_) {
      if (entry.key == key) {
        entry.value = value;
        entry.origin = origin;
      }
    }
    return Ok{};
  };

  // 1. The file: --config, else CONNECTPOST_CONFIG, else ./connectpost.conf when present.
  std::optional<std::string> file = sources.config_file;
  if (!file) {
    if (const char* from_env = sources.getenv("CONNECTPOST_CONFIG")) file = from_env;
  }
  const bool file_required = file.has_value();
  if (!file && std::filesystem::exists("connectpost.conf")) file = "connectpost.conf";
  if (file) {
    std::ifstream in(*file);
    if (!in) {
      if (file_required) {
        Error error = invalid_input("cannot open configuration file");
        error.file = *file;
        return error;
      }
    } else {
      std::string line;
      int64_t number = 0;
      while (std::getline(in, line)) {
        ++number;
        const std::string text = trim(line);
        if (text.empty() || text[0] == '#') continue;
        const size_t equals = text.find('=');
        auto located = [&](Error error) {
          error.file = *file;
          error.line = number;
          return error;
        };
        if (equals == std::string::npos) {
          return located(invalid_input("expected 'key = value'"));
        }
        const std::string key = trim(text.substr(0, equals));
        const std::string value = trim(text.substr(equals + 1));
        if (find_spec(key) == nullptr) {
          std::string known;
          for (const auto& spec : key_specs())
            known += (known.empty() ? "" : ", ") + std::string(spec.key);
          return located(invalid_input("unknown configuration key '" + key + "' (" + known + ")"));
        }
        auto applied = set(key, value, "file " + *file + ":" + std::to_string(number));
        if (!applied.ok()) return located(applied.error());
      }
    }
  }
  // 2. The environment.
  for (const auto& spec : key_specs()) {
    const std::string name = env_name(spec.key);
    if (const char* value = sources.getenv(name.c_str())) {
      CP_RETURN_IF_ERROR(set(spec.key, value, "env " + name));
    }
  }
  // 3. Flags.
  for (const auto& [key, value] : sources.flags) {
    std::string flag = "--" + key;
    for (char& c : flag) c = c == '_' ? '-' : c;
    CP_RETURN_IF_ERROR(set(key, value, "flag " + flag));
  }
  return config;
}

}  // namespace cp::cli
