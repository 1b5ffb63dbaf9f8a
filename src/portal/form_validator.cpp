#include "portal/form_validator.h"

#include <algorithm>
#include <exception>
#include <new>
#include <string>
#include <utility>  // Boost/valijson headers expect std::exchange declared first (stack-notes)
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "core/date.h"

namespace cp::portal {
namespace {

using valijson::adapters::NlohmannJsonAdapter;

// "format": "date" is checked by cp::Date::parse, not by valijson. valijson compiles three
// std::regex on every date it checks (a form of ten dates, thirty: found by fuzz/form_fuzz,
// and a cost to every save), and it takes 2023-02-29 and year 99999 for dates. The schema the
// validator keeps names the check kDateKeyword instead: exactly YYYY-MM-DD, a day that exists
// in the Gregorian calendar, years 1900–2999 as everywhere in connectpost. The browser checks
// the same calendar (ajv-formats' "date" knows leap years).
constexpr const char* kDateKeyword = "x-connectpost-date";
constexpr const char* kNotADate = "String should be a valid date";

class DateConstraint : public valijson::constraints::PolyConstraint {
 public:
  bool validate(const valijson::adapters::Adapter& target, const std::vector<std::string>& context,
                valijson::ValidationResults* results) const override {
    std::string text;
    // A format applies to strings only (JSON Schema draft-07 §7.1); "type" refuses the rest.
    if (!target.isString() || !target.getString(text)) return true;
    if (Date::parse(text).ok()) return true;
    if (results != nullptr) results->pushError(context, kNotADate);
    return false;
  }

 private:
  valijson::constraints::Constraint* cloneInto(void* memory) const override {
    return new (memory) DateConstraint(*this);
  }
  size_t sizeOf() const override { return sizeof(DateConstraint); }
};

class DateConstraintBuilder : public valijson::ConstraintBuilder {
 public:
  valijson::constraints::Constraint* make(const valijson::adapters::Adapter&) const override {
    return new DateConstraint();
  }
};

// The schema with each {"format": "date"} written as {kDateKeyword: true}. Values that are data,
// not schemas (enum, const, default, examples), are left as they are. The schema is the
// catalogue's, not a user's: its depth is the catalogue's.
void use_date_keyword(nlohmann::json& schema) {
  if (schema.is_array()) {
    for (nlohmann::json& item : schema) use_date_keyword(item);
    return;
  }
  if (!schema.is_object()) return;
  const auto format = schema.find("format");
  if (format != schema.end() && *format == "date") {
    schema.erase(format);
    schema[kDateKeyword] = true;
  }
  for (auto& [keyword, value] : schema.items()) {
    if (keyword == "enum" || keyword == "const" || keyword == "default" || keyword == "examples") {
      continue;
    }
    use_date_keyword(value);
  }
}

std::unique_ptr<valijson::Schema> parse_schema(const nlohmann::json& document) {
  auto schema = std::make_unique<valijson::Schema>();
  valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
  parser.addConstraintBuilder(kDateKeyword, new DateConstraintBuilder());
  NlohmannJsonAdapter adapter(document);
  parser.populateSchema(adapter, *schema);
  return schema;
}

// valijson's context is {"<root>", "[instructions]", "[0]", …}; a JSON pointer escapes '~' and
// '/' in names (RFC 6901).
std::string to_pointer(const std::vector<std::string>& context) {
  std::string pointer;
  for (const std::string& part : context) {
    if (part.size() < 2 || part.front() != '[' || part.back() != ']') continue;
    pointer += '/';
    for (char c : part.substr(1, part.size() - 2)) {
      if (c == '~') {
        pointer += "~0";
      } else if (c == '/') {
        pointer += "~1";
      } else {
        pointer += c;
      }
    }
  }
  return pointer;
}

bool is_below(const std::string& pointer, const std::string& ancestor) {
  return pointer.size() > ancestor.size() && pointer.compare(0, ancestor.size(), ancestor) == 0 &&
         pointer[ancestor.size()] == '/';
}

// valijson also reports every enclosing object, array and oneOf ("Failed to validate item #0",
// "Failed to validate against schema associated with property name …"): those say nothing the
// problem under them does not, and are dropped when one is there.
bool is_wrapper(const FieldError& error) {
  return error.message.rfind("Failed to validate", 0) == 0;
}

std::vector<FieldError> specific(const std::vector<FieldError>& errors) {
  std::vector<FieldError> kept;
  for (const FieldError& error : errors) {
    const bool explained = is_wrapper(error) &&
                           std::any_of(errors.begin(), errors.end(), [&](const FieldError& other) {
                             return !is_wrapper(other) && (other.pointer == error.pointer ||
                                                           is_below(other.pointer, error.pointer));
                           });
    const bool duplicate = std::any_of(kept.begin(), kept.end(), [&](const FieldError& other) {
      return other.pointer == error.pointer && other.message == error.message;
    });
    if (!explained && !duplicate) kept.push_back(error);
  }
  return kept;
}

std::vector<FieldError> run(const valijson::Schema& schema, const nlohmann::json& data,
                            const std::string& prefix) {
  // Strong types: "100" is not the integer 100. One validator per thread, kept: valijson caches
  // each schema pattern's std::regex in it, and a new one compiled every pattern again on every
  // validation (found by fuzz/form_fuzz running at 200 forms a second).
  thread_local valijson::Validator validator;
  valijson::ValidationResults results;
  NlohmannJsonAdapter target(data);
  if (validator.validate(schema, target, &results)) return {};
  std::vector<FieldError> errors;
  valijson::ValidationResults::Error error;
  while (results.popError(error)) {
    errors.push_back({prefix + to_pointer(error.context), error.description});
  }
  return errors;
}

}  // namespace

// A top-level array whose items are a oneOf of instruction types: each branch compiled alone,
// keyed by its one `instruction_type` value.
struct InstructionArray {
  std::string property;
  std::map<std::string, std::unique_ptr<valijson::Schema>> branches;
  std::string choices;  // "setup, change" for the message
};

struct FormValidator::Compiled {
  nlohmann::json document;  // valijson keeps references into it
  std::unique_ptr<valijson::Schema> schema;
  std::vector<InstructionArray> instruction_arrays;
};

FormValidator::FormValidator(std::unique_ptr<Compiled> compiled) : compiled_(std::move(compiled)) {}
FormValidator::~FormValidator() = default;

Result<std::shared_ptr<const FormValidator>> FormValidator::compile(const nlohmann::json& schema) {
  auto compiled = std::make_unique<Compiled>();
  compiled->document = schema;
  use_date_keyword(compiled->document);
  try {
    compiled->schema = parse_schema(compiled->document);
    const nlohmann::json& properties = compiled->document.value("properties", nlohmann::json{});
    for (const auto& [name, property] : properties.items()) {
      if (!property.contains("items") || !property["items"].contains("oneOf")) continue;
      InstructionArray array{name, {}, {}};
      for (const nlohmann::json& branch : property["items"]["oneOf"]) {
        const nlohmann::json* type = nullptr;
        if (branch.contains("properties") && branch["properties"].contains("instruction_type")) {
          type = &branch["properties"]["instruction_type"];
        }
        if (type == nullptr || !type->contains("enum") || (*type)["enum"].size() != 1 ||
            !(*type)["enum"][0].is_string()) {
          return invalid_input(
              "each oneOf branch of '" + name + "' needs an instruction_type with a one-value enum",
              "schema/properties/" + name);
        }
        const std::string value = (*type)["enum"][0].get<std::string>();
        if (array.branches.count(value) != 0) {
          return invalid_input("instruction type '" + value + "' appears twice in '" + name + "'",
                               "schema/properties/" + name);
        }
        array.choices += (array.choices.empty() ? "" : ", ") + value;
        array.branches.emplace(value, parse_schema(branch));
      }
      compiled->instruction_arrays.push_back(std::move(array));
    }
  } catch (const std::exception& e) {
    return invalid_input(std::string("the JSON Schema cannot be read: ") + e.what(), "schema");
  }
  return std::shared_ptr<const FormValidator>(new FormValidator(std::move(compiled)));
}

std::vector<FieldError> FormValidator::validate(const nlohmann::json& data) const {
  std::vector<FieldError> errors = run(*compiled_->schema, data, "");
  if (errors.empty()) return {};
  // Instruction items are checked against the branch their type names, replacing valijson's
  // "matches no branch" and the branches' errors.
  for (const InstructionArray& array : compiled_->instruction_arrays) {
    if (!data.is_object() || !data.contains(array.property)) continue;
    const nlohmann::json& items = data[array.property];
    if (!items.is_array()) continue;
    for (size_t i = 0; i < items.size(); ++i) {
      const std::string item_pointer = "/" + array.property + "/" + std::to_string(i);
      errors.erase(std::remove_if(errors.begin(), errors.end(),
                                  [&](const FieldError& e) {
                                    return e.pointer == item_pointer ||
                                           is_below(e.pointer, item_pointer);
                                  }),
                   errors.end());
      const nlohmann::json& item = items[i];
      const nlohmann::json* type = item.is_object() && item.contains("instruction_type")
                                       ? &item["instruction_type"]
                                       : nullptr;
      auto branch = type != nullptr && type->is_string()
                        ? array.branches.find(type->get<std::string>())
                        : array.branches.end();
      if (branch == array.branches.end()) {
        errors.push_back({item_pointer + "/instruction_type",
                          "choose the instruction type: one of " + array.choices});
        continue;
      }
      for (FieldError& e : run(*branch->second, item, item_pointer)) errors.push_back(e);
    }
  }
  return specific(errors);
}

}  // namespace cp::portal
