// The e-service catalogue's form data path (src/portal/form_validator.h, request_data.h) as the
// server takes a request's data (src/server/portal_requests.cpp): parsed within the limits
// (src/server/json_body.cpp, compiled into this target), validated with the service's
// validator, auto-filled, indexed for search and diffed for the audit trail.
//
// Input: the first byte picks a service (modulo the catalogue's size, in catalogue order: byte
// N-1 is service #N, tests/catalog/NN-*.cases.json); the rest is the JSON body. The catalogue is
// loaded once from CONNECTPOST_CATALOG_DIR, default CONNECTPOST_SOURCE_DIR "/catalog".
//
// Properties: no crash and no exception escaping (nothing is caught: an exception is a finding);
// every validation problem is at "" or a JSON pointer starting with '/'; auto-fill gives an
// object with every auto-filled property set from the profile and every other property kept;
// the search text is UTF-8, lower-case, at most kSearchTextMaxChars characters; a value has no
// changed fields against itself, and the changes from nothing are each a pointer.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/utf8.h"
#include "fuzz_check.h"
#include "portal/form_validator.h"
#include "portal/request_data.h"
#include "portal/service_catalogue.h"
#include "server/json_body.h"

namespace {

using nlohmann::json;
namespace portal = cp::portal;

const portal::ServiceCatalogue& catalogue() {
  static const portal::ServiceCatalogue* loaded = [] {
    const std::string dir = cp::fuzz::env_or("CONNECTPOST_CATALOG_DIR",
                                             std::string(CONNECTPOST_SOURCE_DIR) + "/catalog");
    auto result = portal::ServiceCatalogue::load(dir);
    if (!result.ok()) cp::fuzz::setup_failed("catalogue: " + result.error().to_string());
    return new portal::ServiceCatalogue(std::move(result).value());
  }();
  return *loaded;
}

// A profile with every auto-fill source set, Chinese included, and an id at every clearing
// house, so that each service's auto-fill has something to write.
const portal::FirmProfile& firm() {
  static const portal::FirmProfile profile{
      "B001",
      "Alpha Securities Limited",
      "甲證券有限公司",
      "1 Harbour Road, Wan Chai, Hong Kong",
      "Alice Chan",
      "+852 2522 0000",
      "alice.chan@alpha.example",
      {{"HKSCC", "B01234"}, {"HKCC", "CAL01"}, {"SEOCH", "ALP"}, {"SEHK", "1234"}}};
  return profile;
}

const portal::UserFacts& user() {
  static const portal::UserFacts facts{"Mia Wong", "mia@alpha.example"};
  return facts;
}

size_t code_points(std::string_view text) {
  size_t count = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

void check_problems(const std::vector<portal::FieldError>& problems) {
  for (const portal::FieldError& problem : problems) {
    CP_FUZZ_CHECK(problem.pointer.empty() || problem.pointer.front() == '/',
                  "a problem is at the root or at a JSON pointer");
  }
}

void check_search_text(const portal::ServiceDefinition& service, const json& data) {
  const std::string text = portal::search_text(service, "CP-2024-000001", data);
  CP_FUZZ_CHECK(cp::is_valid_utf8(text), "the search text is UTF-8 (cut at a character)");
  CP_FUZZ_CHECK(code_points(text) <= portal::kSearchTextMaxChars,
                "the search text is at most kSearchTextMaxChars characters");
  CP_FUZZ_CHECK(portal::search_case(text) == text, "the search text is lower case");
}

void check_pointers(const std::vector<std::string>& pointers) {
  for (const std::string& pointer : pointers) {
    CP_FUZZ_CHECK(pointer.empty() || pointer.front() == '/', "a changed field is a pointer");
  }
}

void fuzz_one(const uint8_t* data, size_t size) {
  const auto& services = catalogue().services();
  if (size == 0 || services.empty()) return;
  const portal::ServiceDefinition& service = services[data[0] % services.size()];
  auto parsed = cp::server::parse_limited_json(cp::fuzz::as_text(data + 1, size - 1));
  if (!parsed.ok()) return;
  const json& value = *parsed;

  // As POST /requests and a step's save do: validate what was sent, then what is stored.
  check_problems(service.validator->validate(value));
  const json filled = portal::apply_auto_fill(service, value, firm(), user());
  CP_FUZZ_CHECK(filled.is_object(), "auto-filled data is an object");
  for (const auto& [property, source] : service.auto_fill) {
    CP_FUZZ_CHECK(
        filled.contains(property) &&
            filled.at(property) == json(portal::auto_fill_value(service, source, firm(), user())),
        "every auto-filled property comes from the profile");
  }
  if (value.is_object()) {
    for (const auto& [key, item] : value.items()) {
      CP_FUZZ_CHECK(filled.contains(key), "auto-fill keeps what was sent");
      if (service.auto_fill.count(key) == 0) {
        CP_FUZZ_CHECK(filled.at(key) == item, "auto-fill changes only its own properties");
      }
    }
  }
  check_problems(service.validator->validate(filled));

  check_search_text(service, value);
  check_search_text(service, filled);
  (void)portal::subject_of(service, filled);

  CP_FUZZ_CHECK(portal::changed_fields(value, value).empty(), "nothing changed from itself");
  CP_FUZZ_CHECK(portal::changed_fields(filled, filled).empty(), "nothing changed from itself");
  check_pointers(portal::changed_fields(value, json::object()));
  check_pointers(portal::changed_fields(json::object(), filled));
  check_pointers(portal::changed_fields(value, filled));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz_one(data, size);
  return 0;
}
