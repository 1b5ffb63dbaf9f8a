// The portal's requests, their makers, timelines and attachments, and the firms' profiles, in
// the database (migration 0021). The rules are elsewhere (workflow/, portal/); these functions
// read and write, inside the caller's transaction, which also appends the audit entry.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/date.h"
#include "portal/request_data.h"
#include "store/database.h"
#include "workflow/request_workflow.h"

namespace cp::store {

Result<void> save_firm_profile(Database& db, const portal::FirmProfile& profile, UtcTime now);
// The profile with the firm's name; nullopt if the firm does not exist. A firm without a
// profile row has an empty one (the forms then ask for what auto-fill would have given).
Result<std::optional<portal::FirmProfile>> find_firm_profile(Database& db,
                                                             const std::string& firm_id);

struct StoredRequest {
  int64_t request_id = 0;
  std::string reference;
  std::string firm_id;
  std::string service_id;
  std::string operator_team;
  workflow::Status status = workflow::Status::kDraft;
  std::optional<std::string> open_key;
  std::string data;  // JSON text
  std::string search_text;
  std::string created_by;
  std::string created_at;
  std::string updated_at;
  std::string submitted_by;
  std::string submitted_at;
  std::string checked_by;
  std::string checked_at;
  std::string assignee;
  std::string reason;
  int64_t version = 1;
  std::set<std::string> makers;
};

// Inserts a new request, gives it its reference (SR- and the id in 8 digits), puts the reference
// in front of its search text (portal::search_text with an empty reference) and records its
// creator as a maker; returns it as stored.
Result<StoredRequest> insert_request(Database& db, StoredRequest request);
Result<std::optional<StoredRequest>> find_request(Database& db, const std::string& reference);

// Writes `request` over the stored one if the stored version is still `request.version - 1`
// (kConflict otherwise: someone changed it since it was read). A second open request with the
// same open_key is refused with kConflict naming the open one.
Result<void> update_request(Database& db, const StoredRequest& request);
Result<void> add_maker(Database& db, int64_t request_id, const std::string& user_id);
// Records every one of `request.makers` not yet recorded.
Result<void> add_makers(Database& db, const StoredRequest& request);

struct RequestEvent {
  int64_t seq = 0;
  std::string at;
  std::string actor;
  std::string action;
  std::string from_status;
  std::string to_status;
  std::string reason;
  std::string changes;  // JSON array text
};
Result<void> add_request_event(Database& db, int64_t request_id, RequestEvent event);
Result<std::vector<RequestEvent>> request_events(Database& db, int64_t request_id);

// A page of requests, newest change first. Scoped by firms (participants) or by teams
// (operators): a request outside both is never returned.
struct RequestQuery {
  std::vector<std::string> firm_ids{};
  std::vector<std::string> teams{};
  std::vector<std::string> statuses{};  // empty: any
  std::string service_id{};
  std::string text{};        // matched, lower-cased, against the search text
  std::string reference{};   // exact
  std::string from_utc{};    // created at or after; ''
  std::string before_utc{};  // created before; ''
  std::string maker{};       // only requests this user made
  std::string not_maker{};   // only requests this user did not make (a checker's tasks)
  std::string assignee{};
  int64_t limit = 50;
  int64_t offset = 0;
};
// The matching requests, newest change first, without their data and search text (empty): the
// lists show neither.
Result<std::vector<StoredRequest>> search_requests(Database& db, const RequestQuery& query);

struct Attachment {
  int64_t attachment_id = 0;
  std::string slot;
  std::string file_name;
  std::string content_type;
  int64_t size_bytes = 0;
  std::string sha256_hex;
  std::string uploaded_by;
  std::string uploaded_at;
};
// Stores bytes once per content (attachments, documents); returns their SHA-256 in hex.
Result<std::string> store_content(Database& db, const std::string& bytes);
Result<std::string> content_bytes(Database& db, const std::string& hash);

// Stores the bytes once per content and lists them under the request; returns the entry.
Result<Attachment> add_attachment(Database& db, int64_t request_id, Attachment attachment,
                                  const std::string& bytes);
Result<std::vector<Attachment>> list_attachments(Database& db, int64_t request_id);
// The bytes of one of the request's attachments (kNotFound for another request's).
Result<std::string> attachment_bytes(Database& db, int64_t request_id, int64_t attachment_id);
// Marks it removed (kept for the record); kNotFound if it is not the request's.
Result<Attachment> remove_attachment(Database& db, int64_t request_id, int64_t attachment_id,
                                     const std::string& by, UtcTime now);

}  // namespace cp::store
