// The investor's archive (SPEC SUIT-7; seed 002 附件2 第13–15条): one per account holding every
// step of the Southbound permission — the questionnaires, the knowledge-test answer sheets, the
// documents studied and signed with their hashes, each decision (granted, refused, closed) and
// each re-assessment notice — appended and never changed. Each record is chained to the one
// before it by the audit trail's rule (audit/audit_chain.h: SHA-256 over the previous hash and
// the record's canonical encoding), so an edit, a deletion or an insertion breaks the chain at
// that record. Each is kept at least suit.archive_retention_years (20) from the day it was
// recorded; only a leading run of records past their date may be purged, the last purged
// hash kept as the anchor the chain continues from. Pure: the store keeps the records.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/audit_chain.h"
#include "core/date.h"
#include "core/result.h"
#include "refdata/parameters.h"

namespace cp::investors {

enum class ArchiveKind : uint8_t {
  kQuestionnaire,
  kKnowledgeTest,
  kDocument,
  kPermissionImported,
  kGrant,
  kGrantRefused,
  kClosing,
  kClosingRefused,
  kReassessmentNotice,
  kApplicationStep,  // a step of the online opening (investors/opening.h)
};
// "questionnaire", "knowledge_test", "document", "permission_imported", "grant",
// "grant_refused", "closing", "closing_refused", "reassessment_notice", "application_step"
std::string_view archive_kind_code(ArchiveKind kind);
Result<ArchiveKind> parse_archive_kind(std::string_view code);

struct ArchiveRecord {
  std::string account_id;
  int64_t seq = 0;     // 1, 2, 3… per account, without gaps
  std::string at_utc;  // when it was recorded (RFC 3339 UTC)
  std::string actor;   // who recorded it: "cli:<os user>", "user:<id>"
  ArchiveKind kind = ArchiveKind::kQuestionnaire;
  std::string channel;  // "sh" or "sz"; empty for what is the investor's, not a channel's
  Date retain_until;    // no deletion before the day after it
  std::string content;  // JSON text: what was recorded
  std::string prev_hash;
  std::string hash;
};

// The years a record is kept (suit.archive_retention_years in force on `date`).
Result<int32_t> archive_retention_years(const refdata::ParameterTable& parameters, Date date);
// The same day `years` later (a 02-29 record is kept through 02-28 of a common year).
Date retain_until(Date recorded_on, int32_t years);

// The audit entry whose chain the record is in: action "archive.<kind>", object
// "archive:<account>", detail the channel, retention date and content — every field but the
// hashes is covered.
audit::AuditEntry chain_entry(const ArchiveRecord& record);
// Sets seq, prev_hash and hash to follow the account's head (seq, hash).
void chain_after(int64_t head_seq, const std::string& head_hash, ArchiveRecord& record);

// Checks one account's records fed in seq order from a start: the genesis (seq 0, 64 zeros) or
// the anchor a purge left.
class ArchiveVerifier {
 public:
  ArchiveVerifier(int64_t after_seq, std::string after_hash)
      : last_seq_(after_seq), last_hash_(std::move(after_hash)) {}
  void feed(const ArchiveRecord& record);
  // The first break, if any.
  const std::optional<audit::ChainBreak>& first_break() const { return first_break_; }
  int64_t records() const { return records_; }
  const std::string& head_hash() const { return last_hash_; }

 private:
  int64_t last_seq_;
  std::string last_hash_;
  int64_t records_ = 0;
  std::optional<audit::ChainBreak> first_break_;
};

// How many of an account's records, oldest first, may be purged on `today`: the leading ones
// whose retention date has passed; the first still kept stops the run (SUIT-7: no deletion before
// the retention date, and none out of order, which would break the chain).
size_t purgeable(const std::vector<ArchiveRecord>& oldest_first, Date today);

}  // namespace cp::investors
