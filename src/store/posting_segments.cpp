#include "store/posting_segments.h"

namespace cp::store {
namespace {

enum PostingColumn : size_t { kEntry, kSeq, kAccount, kAsset, kAmount, kPostingColumns };

}  // namespace

JournalSegments::JournalSegments() : writer_(kPostingColumns) {}

void JournalSegments::add(const ledger::Posting& posting) {
  if (writer_.rows() == kSegmentRows) payloads_.push_back(writer_.finish());
  seq_ = posting.entry == entry_ ? seq_ + 1 : 1;
  if (seq_ == 1) entry_ = posting.entry;
  writer_.column(kEntry).put_text(posting.entry);
  writer_.column(kSeq).put_uint(static_cast<uint64_t>(seq_));
  writer_.column(kAccount).put_text(posting.account);
  writer_.column(kAsset).put_text(posting.asset);
  writer_.column(kAmount).put_decimal(posting.amount);
  writer_.end_row();
  ++rows_;
}

void JournalSegments::finish() {
  if (writer_.rows() > 0) payloads_.push_back(writer_.finish());
}

Result<int64_t> write_journal_segments(Database& db, Date business_date,
                                       const std::vector<std::string>& payloads,
                                       int64_t first_segment) {
  const std::string day = business_date.to_string();
  CP_ASSIGN_OR_RETURN(auto insert,
                      db.prepare("INSERT INTO ledger_posting_segment (business_date, "
                                 "segment_no, row_count, payload) VALUES (?, ?, ?, ?)"));
  int64_t written = 0;
  int64_t segment_no = first_segment;
  for (const std::string& payload : payloads) {
    CP_ASSIGN_OR_RETURN(const SegmentReader segment, SegmentReader::open(payload, kPostingColumns));
    const auto rows = static_cast<int64_t>(segment.rows());
    CP_RETURN_IF_ERROR(insert->execute({day, segment_no++, rows, bytes_value(payload)}));
    written += rows;
  }
  return written;
}

PostingWriter::PostingWriter(Database& db, Date business_date) : db_(db), day_(business_date) {}

Result<void> PostingWriter::add(const ledger::Posting& posting) {
  segments_.add(posting);
  return write_full_segments();
}

Result<void> PostingWriter::write_full_segments() {
  auto& payloads = segments_.payloads();
  if (payloads.empty()) return Ok{};
  CP_RETURN_IF_ERROR(write_journal_segments(db_, day_, payloads, segments_written_));
  segments_written_ += static_cast<int64_t>(payloads.size());
  payloads.clear();
  return Ok{};
}

Result<int64_t> PostingWriter::finish() {
  segments_.finish();
  CP_RETURN_IF_ERROR(write_full_segments());
  return segments_.rows();
}

Result<void> delete_postings(Database& db, Date business_date) {
  CP_RETURN_IF_ERROR(db.execute("DELETE FROM ledger_posting_segment WHERE business_date = ?",
                                {business_date.to_string()}));
  return Ok{};
}

Result<void> each_posting(Database& db, Date business_date, const PostingCallback& each) {
  ledger::Posting posting;
  return db.query_each(
      "SELECT payload FROM ledger_posting_segment WHERE business_date = ? ORDER BY segment_no",
      {business_date.to_string()}, [&](const Row& row) -> Result<void> {
        CP_ASSIGN_OR_RETURN(SegmentReader segment,
                            SegmentReader::open(row.text(0), kPostingColumns));
        for (size_t i = 0; i < segment.rows(); ++i) {
          CP_ASSIGN_OR_RETURN(const std::string_view entry, segment.column(kEntry).get_text());
          posting.entry = entry;
          CP_ASSIGN_OR_RETURN(const uint64_t seq, segment.column(kSeq).get_uint());
          CP_ASSIGN_OR_RETURN(const std::string_view account, segment.column(kAccount).get_text());
          posting.account = account;
          CP_ASSIGN_OR_RETURN(const std::string_view asset, segment.column(kAsset).get_text());
          posting.asset = asset;
          CP_ASSIGN_OR_RETURN(posting.amount, segment.column(kAmount).get_decimal());
          CP_RETURN_IF_ERROR(each(posting, static_cast<int64_t>(seq)));
        }
        return Ok{};
      });
}

}  // namespace cp::store
