// A business date's journal as column-packed segments (migration 0032,
// docs/decisions/0012-column-segments.md): every posting of the date in the order the run wrote
// them, an entry's postings adjacent and numbered from 1 within it. The journal is read a day at
// a time (the ledger check, the settlement-day entries), never posting by posting.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/date.h"
#include "ledger/journal.h"
#include "store/column_codec.h"
#include "store/database.h"

namespace cp::store {

// A journal encoded segment by segment in memory, posting by posting in the order given (an
// entry's postings adjacent, numbered from 1 within it): the EOD encodes its journal while it
// computes, without the write lock, and stores the payloads afterwards.
class JournalSegments {
 public:
  JournalSegments();
  void add(const ledger::Posting& posting);
  // Encodes the last, partly filled segment.
  void finish();
  // Every full segment's payload so far, in order (all of them after finish()).
  std::vector<std::string>& payloads() { return payloads_; }
  const std::vector<std::string>& payloads() const { return payloads_; }
  int64_t rows() const { return rows_; }

 private:
  SegmentWriter writer_;
  std::string entry_;  // the entry being encoded and its postings so far
  int64_t seq_ = 0;
  int64_t rows_ = 0;
  std::vector<std::string> payloads_;
};

// Stores encoded segments as the date's journal, numbered from `first_segment`. Returns the
// number of postings. REQUIRES: the date's earlier postings deleted (delete_postings) in the
// same transaction.
Result<int64_t> write_journal_segments(Database& db, Date business_date,
                                       const std::vector<std::string>& payloads,
                                       int64_t first_segment = 0);

// Writes postings as they come, a segment at a time (migration 0032's data step).
// REQUIRES: as write_journal_segments.
class PostingWriter {
 public:
  PostingWriter(Database& db, Date business_date);
  Result<void> add(const ledger::Posting& posting);
  // Writes the last segment; returns the number of postings written.
  Result<int64_t> finish();

 private:
  Result<void> write_full_segments();
  Database& db_;
  Date day_;
  JournalSegments segments_;
  int64_t segments_written_ = 0;
};

Result<void> delete_postings(Database& db, Date business_date);

// Every posting of `business_date` in the order written, with its number within its entry.
using PostingCallback = std::function<Result<void>(const ledger::Posting&, int64_t seq)>;
Result<void> each_posting(Database& db, Date business_date, const PostingCallback& each);

}  // namespace cp::store
