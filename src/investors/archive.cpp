#include "investors/archive.h"

#include <array>

#include "investors/suitability.h"

namespace cp::investors {
namespace {

constexpr std::array<std::string_view, 10> kKindCodes = {"questionnaire",
                                                         "knowledge_test",
                                                         "document",
                                                         "permission_imported",
                                                         "grant",
                                                         "grant_refused",
                                                         "closing",
                                                         "closing_refused",
                                                         "reassessment_notice",
                                                         "application_step"};

}  // namespace

std::string_view archive_kind_code(ArchiveKind kind) {
  return kKindCodes[static_cast<size_t>(kind)];
}

Result<ArchiveKind> parse_archive_kind(std::string_view code) {
  for (size_t i = 0; i < kKindCodes.size(); ++i) {
    if (kKindCodes[i] == code) return static_cast<ArchiveKind>(i);
  }
  return invalid_input("unknown archive record kind '" + std::string(code) + "'", "kind");
}

Result<int32_t> archive_retention_years(const refdata::ParameterTable& parameters, Date date) {
  CP_ASSIGN_OR_RETURN(const int64_t years,
                      parameters.integer("suit.archive_retention_years", date));
  return static_cast<int32_t>(years);
}

Date retain_until(Date recorded_on, int32_t years) {
  return months_after(recorded_on, years * 12);
}

audit::AuditEntry chain_entry(const ArchiveRecord& record) {
  audit::AuditEntry entry;
  entry.seq = record.seq;
  entry.at_utc = record.at_utc;
  entry.actor = record.actor;
  entry.action = "archive." + std::string(archive_kind_code(record.kind));
  entry.object = "archive:" + record.account_id;
  std::string detail;
  audit::add_field(detail, record.channel);
  audit::add_field(detail, record.retain_until.to_string());
  audit::add_field(detail, record.content);
  entry.detail = std::move(detail);
  entry.prev_hash = record.prev_hash;
  entry.hash = record.hash;
  return entry;
}

void chain_after(int64_t head_seq, const std::string& head_hash, ArchiveRecord& record) {
  record.seq = head_seq + 1;
  record.prev_hash = head_hash;
  record.hash = audit::entry_hash(head_hash, chain_entry(record));
}

void ArchiveVerifier::feed(const ArchiveRecord& record) {
  ++records_;
  if (first_break_) return;
  const auto broken = [&](std::string message) {
    first_break_ = audit::ChainBreak{record.seq, std::move(message)};
  };
  if (record.seq != last_seq_ + 1) {
    broken("record " + std::to_string(record.seq) + " follows record " + std::to_string(last_seq_) +
           ": a record is missing or moved");
  } else if (record.prev_hash != last_hash_) {
    broken("record " + std::to_string(record.seq) +
           " does not point at the record before it: a record was removed, inserted or changed");
  } else if (audit::entry_hash(record.prev_hash, chain_entry(record)) != record.hash) {
    broken("record " + std::to_string(record.seq) + " was changed after it was recorded");
  }
  last_seq_ = record.seq;
  last_hash_ = record.hash;
}

size_t purgeable(const std::vector<ArchiveRecord>& oldest_first, Date today) {
  size_t n = 0;
  while (n < oldest_first.size() && oldest_first[n].retain_until < today) ++n;
  return n;
}

}  // namespace cp::investors
