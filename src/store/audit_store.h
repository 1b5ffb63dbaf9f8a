// Maps the audit trail (audit/audit_chain.h) to its tables (migration 0013).
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "audit/audit_chain.h"
#include "core/date.h"
#include "store/database.h"

namespace cp::store {

// What a caller says of a state change; the store adds when, the sequence and the hashes.
struct AuditEvent {
  std::string actor;
  std::string firm;
  std::string action;
  std::string object;
  std::string detail;  // JSON text; never a secret
};

// Appends one entry after the head, inside the caller's transaction (or its own if none is
// open), so the change and its trace commit together or not at all. Returns the entry.
Result<audit::AuditEntry> append_audit(Database& db, const Clock& clock, const AuditEvent& event);

struct AuditHead {
  int64_t seq = 0;
  std::string hash;
};
Result<AuditHead> audit_head(Database& db);

// Entries in seq order; `object` or `actor` non-empty narrows to that object's or user's trail.
struct AuditFilter {
  std::string object;
  std::string actor;
};
Result<void> for_each_audit_entry(
    Database& db, const AuditFilter& filter,
    const std::function<Result<void>(const audit::AuditEntry&)>& each);

// Walks the whole log against its head (and an anchor noted earlier); the first break, if any.
struct AuditVerification {
  int64_t entries = 0;
  AuditHead head;
  std::optional<audit::ChainBreak> first_break;
};
Result<AuditVerification> verify_audit(Database& db, std::optional<audit::Anchor> anchor = {});

}  // namespace cp::store
