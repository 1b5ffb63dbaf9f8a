// The e-service catalogue (SPEC PORTAL-5, PORTAL-6; seed 000's table of 43 services): one JSON
// file per service in catalog/, each with its category, clearing houses, the paper forms it
// replaces, who may file and approve it, the operator team that processes it, what is filled in
// from the firm's profile, and the JSON Schema of its data (catalog/README.md).
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/local_text.h"
#include "core/result.h"
#include "identity/roles.h"
#include "portal/form_validator.h"

namespace cp::portal {

using cp::LocalText;  // core/local_text.h

struct AttachmentSlot {
  std::string name;
  LocalText title;
  bool required = false;
  std::set<std::string> types;  // of pdf, png, jpeg, csv
};

struct ServiceDefinition {
  int number = 0;  // seed 000's #
  std::string id;  // the slug: "bank-accounts"
  std::string category;
  std::vector<std::string> clearing_houses;  // HKSCC, HKCC, SEOCH, SEHK
  LocalText title;
  std::vector<std::string> forms_replaced;
  std::string source;
  std::set<identity::FirmKind> firm_kinds;
  identity::Entitlement make;
  identity::Entitlement check;
  std::string operator_team;
  std::map<std::string, std::string> auto_fill;  // top-level property -> "firm.name"…
  // nullopt: no limit; "": one open request per firm; "/pointer": one per firm and value.
  std::optional<std::string> one_open_per;
  std::vector<AttachmentSlot> attachments;
  nlohmann::json schema;  // as in the file: the browser renders the form from it
  std::shared_ptr<const FormValidator> validator;
  nlohmann::json document;  // the whole file
  // The file's text as written: served to the browser, whose form shows the fields in the order
  // the file has them (nlohmann::json would sort the keys).
  std::string text;
};

class ServiceCatalogue {
 public:
  // Reads categories.json, teams.json and every NN-slug.json in `dir`; an error names the file
  // and the field. The numbers must run 1..N without a gap or a repeat.
  static Result<ServiceCatalogue> load(const std::filesystem::path& dir);

  const ServiceDefinition* find(std::string_view id) const;
  const std::vector<ServiceDefinition>& services() const { return services_; }
  const std::map<std::string, LocalText>& categories() const { return categories_; }
  const std::map<std::string, LocalText>& teams() const { return teams_; }

 private:
  std::vector<ServiceDefinition> services_;  // by number
  std::map<std::string, LocalText> categories_;
  std::map<std::string, LocalText> teams_;
};

// The auto-fill sources a service may name (catalog/README.md).
const std::set<std::string>& auto_fill_sources();

}  // namespace cp::portal
