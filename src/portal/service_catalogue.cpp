#include "portal/service_catalogue.h"

#include <algorithm>
#include <fstream>
#include <regex>
#include <sstream>

namespace cp::portal {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const std::set<std::string> kClearingHouses = {"HKSCC", "HKCC", "SEOCH", "SEHK"};
const std::set<std::string> kAttachmentTypes = {"pdf", "png", "jpeg", "csv"};

Result<std::string> read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return invalid_input("cannot read the file").in_file(path.string());
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

Result<json> read_json(const fs::path& path) {
  CP_ASSIGN_OR_RETURN(std::string text, read_text(path));
  try {
    return json::parse(text);
  } catch (const json::parse_error& e) {
    return invalid_input(std::string("not valid JSON: ") + e.what()).in_file(path.string());
  }
}

// Field access that names what is missing or of the wrong type.
class Reader {
 public:
  Reader(const json& object, std::string file) : object_(object), file_(std::move(file)) {}

  Error error(const std::string& field, const std::string& message) const {
    return invalid_input(message, field).in_file(file_);
  }

  Result<const json*> get(const std::string& field, json::value_t type) const {
    if (!object_.is_object() || !object_.contains(field)) return error(field, "missing");
    const json& value = object_[field];
    const bool ok = value.type() == type ||
                    (type == json::value_t::number_integer && value.is_number_unsigned());
    if (!ok) return error(field, std::string("must be a JSON ") + json(type).type_name());
    return &value;
  }

  Result<std::string> text(const std::string& field) const {
    CP_ASSIGN_OR_RETURN(const json* value, get(field, json::value_t::string));
    if (value->get_ref<const std::string&>().empty()) return error(field, "must not be empty");
    return value->get<std::string>();
  }

  Result<std::vector<std::string>> texts(const std::string& field) const {
    CP_ASSIGN_OR_RETURN(const json* value, get(field, json::value_t::array));
    std::vector<std::string> out;
    for (const json& item : *value) {
      if (!item.is_string() || item.get_ref<const std::string&>().empty()) {
        return error(field, "must be a list of non-empty texts");
      }
      out.push_back(item.get<std::string>());
    }
    if (out.empty()) return error(field, "must not be empty");
    return out;
  }

  Result<LocalText> local_text(const std::string& field) const {
    CP_ASSIGN_OR_RETURN(const json* value, get(field, json::value_t::object));
    LocalText out;
    for (auto [language, target] : {std::pair{"en", &out.en}, std::pair{"zh-Hant", &out.zh_hant},
                                    std::pair{"zh-Hans", &out.zh_hans}}) {
      if (!value->contains(language) || !(*value)[language].is_string() ||
          (*value)[language].get_ref<const std::string&>().empty()) {
        return error(field + "." + language, "missing: every text is in en, zh-Hant and zh-Hans");
      }
      *target = (*value)[language].get<std::string>();
    }
    return out;
  }

 private:
  const json& object_;
  std::string file_;
};

Result<identity::Entitlement> entitlement(const Reader& reader, const std::string& field,
                                          identity::Level expected) {
  CP_ASSIGN_OR_RETURN(std::string text, reader.text(field));
  const size_t colon = text.find(':');
  if (colon == std::string::npos || colon == 0) {
    return reader.error(field, "'" + text + "' is not CATEGORY:LEVEL");
  }
  auto level = identity::parse_level(text.substr(colon + 1));
  if (!level.ok() || *level != expected) {
    return reader.error(field, "'" + text + "' must end in :" + identity::level_code(expected));
  }
  return identity::Entitlement{text.substr(0, colon), *level};
}

// std::regex is what valijson compiles patterns with: a pattern it cannot read would only fail
// when a user first types into that field, so every one is tried at load.
Result<void> check_patterns(const json& node, const std::string& where, const Reader& reader) {
  if (node.is_object()) {
    for (const auto& [key, value] : node.items()) {
      if (key == "pattern" && value.is_string()) {
        try {
          std::regex compiled(value.get<std::string>(), std::regex::ECMAScript);
        } catch (const std::regex_error& e) {
          return reader.error(where + "/pattern", std::string("not a valid pattern: ") + e.what());
        }
      } else {
        CP_RETURN_IF_ERROR(check_patterns(value, where + "/" + key, reader));
      }
    }
  } else if (node.is_array()) {
    for (size_t i = 0; i < node.size(); ++i) {
      CP_RETURN_IF_ERROR(check_patterns(node[i], where + "/" + std::to_string(i), reader));
    }
  }
  return {};
}

Result<std::map<std::string, LocalText>> read_names(const fs::path& path) {
  CP_ASSIGN_OR_RETURN(json document, read_json(path));
  if (!document.is_object() || document.empty()) {
    return invalid_input("must be an object of names").in_file(path.string());
  }
  std::map<std::string, LocalText> names;
  for (const auto& [key, value] : document.items()) {
    const json wrapped = {{key, value}};
    CP_ASSIGN_OR_RETURN(LocalText text, Reader(wrapped, path.string()).local_text(key));
    names.emplace(key, std::move(text));
  }
  return names;
}

Result<ServiceDefinition> read_service(const fs::path& path, const std::string& number_text,
                                       const std::string& slug,
                                       const std::map<std::string, LocalText>& categories,
                                       const std::map<std::string, LocalText>& teams) {
  CP_ASSIGN_OR_RETURN(json document, read_json(path));
  const std::string file = path.string();
  Reader reader(document, file);
  ServiceDefinition service;
  CP_ASSIGN_OR_RETURN(const json* number, reader.get("number", json::value_t::number_integer));
  service.number = number->get<int>();
  if (service.number != std::stoi(number_text)) {
    return reader.error("number", "the file name says " + number_text);
  }
  CP_ASSIGN_OR_RETURN(service.id, reader.text("id"));
  if (service.id != slug) return reader.error("id", "the file name says '" + slug + "'");
  CP_ASSIGN_OR_RETURN(service.category, reader.text("category"));
  if (categories.count(service.category) == 0) {
    return reader.error("category", "'" + service.category + "' is not in categories.json");
  }
  CP_ASSIGN_OR_RETURN(service.clearing_houses, reader.texts("clearing_houses"));
  for (const std::string& house : service.clearing_houses) {
    if (kClearingHouses.count(house) == 0) {
      return reader.error("clearing_houses", "unknown clearing house '" + house + "'");
    }
  }
  CP_ASSIGN_OR_RETURN(service.title, reader.local_text("title"));
  CP_ASSIGN_OR_RETURN(service.forms_replaced, reader.texts("forms_replaced"));
  CP_ASSIGN_OR_RETURN(service.source, reader.text("source"));
  CP_ASSIGN_OR_RETURN(std::vector<std::string> kinds, reader.texts("firm_kinds"));
  for (const std::string& kind : kinds) {
    auto parsed = identity::parse_firm_kind(kind);
    if (!parsed.ok() || *parsed == identity::FirmKind::kOperator) {
      return reader.error("firm_kinds", "'" + kind + "' is not a participant firm kind");
    }
    service.firm_kinds.insert(*parsed);
  }
  CP_ASSIGN_OR_RETURN(service.make, entitlement(reader, "make", identity::Level::kMake));
  CP_ASSIGN_OR_RETURN(service.check, entitlement(reader, "check", identity::Level::kCheck));
  CP_ASSIGN_OR_RETURN(service.operator_team, reader.text("operator_team"));
  if (teams.count(service.operator_team) == 0) {
    return reader.error("operator_team", "'" + service.operator_team + "' is not in teams.json");
  }
  CP_ASSIGN_OR_RETURN(const json* schema, reader.get("schema", json::value_t::object));
  service.schema = *schema;
  const json properties = schema->value("properties", json::object());
  CP_ASSIGN_OR_RETURN(const json* auto_fill, reader.get("auto_fill", json::value_t::object));
  for (const auto& [property, source] : auto_fill->items()) {
    if (!source.is_string() || auto_fill_sources().count(source.get<std::string>()) == 0) {
      return reader.error("auto_fill." + property, "unknown source " + source.dump());
    }
    if (!properties.contains(property)) {
      return reader.error("auto_fill." + property, "not a top-level property of the schema");
    }
    service.auto_fill.emplace(property, source.get<std::string>());
  }
  if (document.contains("one_open_per")) {
    CP_ASSIGN_OR_RETURN(const json* per, reader.get("one_open_per", json::value_t::string));
    const std::string pointer = per->get<std::string>();
    if (!pointer.empty() && pointer.front() != '/') {
      return reader.error("one_open_per", "must be \"\" or a JSON pointer starting with '/'");
    }
    service.one_open_per = pointer;
  }
  CP_ASSIGN_OR_RETURN(const json* attachments, reader.get("attachments", json::value_t::array));
  for (size_t i = 0; i < attachments->size(); ++i) {
    const std::string field = "attachments[" + std::to_string(i) + "]";
    const json& item = (*attachments)[i];
    Reader slot_reader(item, file);
    AttachmentSlot slot;
    auto read_slot = [&]() -> Result<void> {
      CP_ASSIGN_OR_RETURN(slot.name, slot_reader.text("name"));
      CP_ASSIGN_OR_RETURN(slot.title, slot_reader.local_text("title"));
      CP_ASSIGN_OR_RETURN(const json* required,
                          slot_reader.get("required", json::value_t::boolean));
      slot.required = required->get<bool>();
      CP_ASSIGN_OR_RETURN(std::vector<std::string> types, slot_reader.texts("types"));
      for (const std::string& type : types) {
        if (kAttachmentTypes.count(type) == 0) {
          return slot_reader.error("types", "'" + type + "' is not one of pdf, png, jpeg, csv");
        }
        slot.types.insert(type);
      }
      return {};
    };
    auto ok = read_slot();
    if (!ok.ok()) {
      Error error = std::move(ok).error();
      error.field = field + "." + error.field;
      return error;
    }
    service.attachments.push_back(std::move(slot));
  }
  CP_RETURN_IF_ERROR(check_patterns(*schema, "schema", reader));
  auto validator = FormValidator::compile(*schema);
  if (!validator.ok()) {
    Error error = std::move(validator).error();
    return reader.error(error.field, error.message);
  }
  service.validator = *validator;
  service.document = std::move(document);
  CP_ASSIGN_OR_RETURN(service.text, read_text(path));
  return service;
}

}  // namespace

const std::set<std::string>& auto_fill_sources() {
  static const std::set<std::string> sources = {
      "firm.name",          "firm.name_zh",      "firm.participant_id",
      "firm.address",       "firm.contact_name", "firm.contact_phone",
      "firm.contact_email", "user.name",         "user.email"};
  return sources;
}

Result<ServiceCatalogue> ServiceCatalogue::load(const fs::path& dir) {
  ServiceCatalogue catalogue;
  CP_ASSIGN_OR_RETURN(catalogue.categories_, read_names(dir / "categories.json"));
  CP_ASSIGN_OR_RETURN(catalogue.teams_, read_names(dir / "teams.json"));
  static const std::regex kName(R"(^([0-9]{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.json$)");
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) files.push_back(entry.path());
  if (ec) return invalid_input("cannot list the catalogue: " + ec.message()).in_file(dir.string());
  std::sort(files.begin(), files.end());
  for (const fs::path& path : files) {
    std::smatch match;
    const std::string name = path.filename().string();
    if (!std::regex_match(name, match, kName)) continue;
    CP_ASSIGN_OR_RETURN(
        ServiceDefinition service,
        read_service(path, match[1], match[2], catalogue.categories_, catalogue.teams_));
    if (service.number != static_cast<int>(catalogue.services_.size()) + 1) {
      return invalid_input("service " + std::to_string(service.number) + " follows service " +
                               std::to_string(catalogue.services_.size()) +
                               ": the numbers run 1, 2, 3… without a gap or a repeat",
                           "number")
          .in_file(path.string());
    }
    catalogue.services_.push_back(std::move(service));
  }
  if (catalogue.services_.empty()) {
    return invalid_input("no service files (NN-slug.json)").in_file(dir.string());
  }
  return catalogue;
}

const ServiceDefinition* ServiceCatalogue::find(std::string_view id) const {
  for (const ServiceDefinition& service : services_) {
    if (service.id == id) return &service;
  }
  return nullptr;
}

}  // namespace cp::portal
