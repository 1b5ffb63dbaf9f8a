// The investor archives stored (migration 0053; investors/archive.h, SPEC SUIT-7): appended in
// the caller's transaction, read back per account in seq order, verified, and purged from the
// front only past each record's retention date. The callers audit every read (ORG-2).
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "core/date.h"
#include "investors/archive.h"
#include "store/database.h"

namespace cp::store {

// What a writer records; the store dates, chains and keeps it.
struct ArchiveAppend {
  std::string account_id;
  investors::ArchiveKind kind = investors::ArchiveKind::kQuestionnaire;
  std::string channel;  // "sh", "sz" or ""
  std::string content;  // JSON text
};

// Who records, when, and for how long: what every writer of the archive passes along.
struct ArchiveStamp {
  std::string actor;
  UtcTime now;
  int32_t retention_years = 0;  // investors::archive_retention_years
};

// Appends `record` after the account's head, recorded at `now` by `actor` and kept
// `retention_years` from its HKT date. Joins the caller's transaction (or makes its own).
Result<investors::ArchiveRecord> append_archive(Database& db, const ArchiveAppend& record,
                                                const std::string& actor, UtcTime now,
                                                int32_t retention_years);

// Where an account's chain starts: the genesis (0, 64 zeros) or the last purged record.
struct ArchiveStart {
  int64_t seq = 0;
  std::string hash;
};
Result<investors::ArchiveRecord> append_archive(Database& db, const ArchiveAppend& record,
                                                const ArchiveStamp& stamp);

Result<ArchiveStart> archive_start(Database& db, const std::string& account_id);

using ArchiveCallback = std::function<Result<void>(const investors::ArchiveRecord&)>;
// The account's records in seq order.
Result<void> each_archive_record(Database& db, const std::string& account_id,
                                 const ArchiveCallback& each);

struct ArchiveCheck {
  int64_t records = 0;
  std::string head_hash;
  std::optional<audit::ChainBreak> first_break;
};
// Reads the account's chain from its start and checks every link.
Result<ArchiveCheck> verify_archive(Database& db, const std::string& account_id);

// Purges the account's leading records whose retention date is before `today` (at least one),
// keeping the last one's seq and hash as the anchor. Refuses (kRuleViolation) when the oldest
// record is still kept, naming its date, and (kNotFound) an empty archive. Returns how many.
Result<int64_t> purge_archive(Database& db, const std::string& account_id, Date today);

}  // namespace cp::store
