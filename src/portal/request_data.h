// What the portal does to a request's data besides validating it (SPEC PORTAL-6, PORTAL-7,
// PORTAL-9): fill in what the firm's profile and the user already say, find the subject that
// allows only one open request, index it for search, and say which fields a change touched.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "portal/service_catalogue.h"

namespace cp::portal {

// A participant firm's record with the clearing houses: what forms used to ask for again and
// again. Participant ids by clearing house ("HKSCC" -> "B01234").
struct FirmProfile {
  std::string firm_id;
  std::string name;
  std::string name_zh;
  std::string address;
  std::string contact_name;
  std::string contact_phone;
  std::string contact_email;
  std::map<std::string, std::string> participant_ids;
};

struct UserFacts {
  std::string name;
  std::string email;
};

// The value an auto-fill source gives for this firm and user; "" when the profile lacks it
// (validation then names the field). firm.participant_id is the id at the service's first
// clearing house where the firm has one.
std::string auto_fill_value(const ServiceDefinition& service, const std::string& source,
                            const FirmProfile& firm, const UserFacts& user);

// `data` with every auto-filled property set from the profile, whatever was sent: a user cannot
// file under another participant's id.
nlohmann::json apply_auto_fill(const ServiceDefinition& service, nlohmann::json data,
                               const FirmProfile& firm, const UserFacts& user);

// The subject of the one-open rule: nullopt when the service has none, "" for one per firm, or
// the text at the service's pointer ("" if the data has nothing there).
std::optional<std::string> subject_of(const ServiceDefinition& service, const nlohmann::json& data);

// The search text's length in characters (UTF-8 code points) at most, a choice [D]
// (docs/portal.md): the lists' index carries it, and a PostgreSQL B-tree entry must stay under
// 2,704 bytes (600 characters of up to 4 bytes, plus the reference the store puts in front).
constexpr size_t kSearchTextMaxChars = 600;

// Text as the search text and the search's terms are both kept: A-Z lowered, every other byte
// as it is (so UTF-8 Chinese is untouched and a term matches what was written).
std::string search_case(std::string text);

// Lower-case text the home page's search matches: the reference, the service's number and
// titles, and every string and number in the data, in the form's order, cut at
// kSearchTextMaxChars.
std::string search_text(const ServiceDefinition& service, const std::string& reference,
                        const nlohmann::json& data);

// The JSON pointers (RFC 6901, '~' and '/' escaped) of the leaves that differ between two
// versions of the data, for the audit trail's "what changed" (values are not copied there: they
// may be account numbers).
std::vector<std::string> changed_fields(const nlohmann::json& before, const nlohmann::json& after);

// An attached file: its kind comes from its bytes, not its name (a .pdf that is an executable
// is refused). Checked against the slot's types and the size limit.
struct AttachmentCheck {
  std::string type;          // pdf, png, jpeg, csv
  std::string content_type;  // application/pdf…
};
Result<AttachmentCheck> check_attachment(const AttachmentSlot& slot, const std::string& file_name,
                                         const std::string& bytes, int64_t max_bytes);

// The required attachment slots not yet filled.
std::vector<std::string> missing_attachments(const ServiceDefinition& service,
                                             const std::vector<std::string>& filled_slots);

}  // namespace cp::portal
