// A business date's journal as column-packed segments (migration 0032,
// docs/decisions/0012-column-segments.md): every posting of the date in the order the run wrote
// them, an entry's postings adjacent and numbered from 1 within it. The journal is read a day at
// a time (the ledger check, the settlement-day entries), never posting by posting.
#pragma once

#include <functional>
#include <string>

#include "core/date.h"
#include "ledger/journal.h"
#include "store/column_codec.h"
#include "store/database.h"

namespace cp::store {

// REQUIRES: the date's earlier postings deleted (delete_postings) in the same transaction.
class PostingWriter {
 public:
  PostingWriter(Database& db, Date business_date);
  Result<void> add(const ledger::Posting& posting);
  // Writes the last segment; returns the number of postings written.
  Result<int64_t> finish();

 private:
  Result<void> flush();
  Database& db_;
  std::string day_;
  SegmentWriter writer_;
  std::string entry_;  // the entry being written and its postings so far
  int64_t seq_ = 0;
  int64_t segments_ = 0;
  int64_t written_ = 0;
};

Result<void> delete_postings(Database& db, Date business_date);

// Every posting of `business_date` in the order written, with its number within its entry.
using PostingCallback = std::function<Result<void>(const ledger::Posting&, int64_t seq)>;
Result<void> each_posting(Database& db, Date business_date, const PostingCallback& each);

}  // namespace cp::store
