#include "store/posting_segments.h"

namespace cp::store {
namespace {

enum PostingColumn : size_t { kEntry, kSeq, kAccount, kAsset, kAmount, kPostingColumns };

}  // namespace

PostingWriter::PostingWriter(Database& db, Date business_date)
    : db_(db), day_(business_date.to_string()), writer_(kPostingColumns) {}

Result<void> PostingWriter::add(const ledger::Posting& posting) {
  if (writer_.rows() == kSegmentRows) CP_RETURN_IF_ERROR(flush());
  seq_ = posting.entry == entry_ ? seq_ + 1 : 1;
  if (seq_ == 1) entry_ = posting.entry;
  writer_.column(kEntry).put_text(posting.entry);
  writer_.column(kSeq).put_uint(static_cast<uint64_t>(seq_));
  writer_.column(kAccount).put_text(posting.account);
  writer_.column(kAsset).put_text(posting.asset);
  writer_.column(kAmount).put_decimal(posting.amount);
  writer_.end_row();
  return Ok{};
}

Result<void> PostingWriter::flush() {
  if (writer_.rows() == 0) return Ok{};
  const auto rows = static_cast<int64_t>(writer_.rows());
  CP_RETURN_IF_ERROR(db_.execute(
      "INSERT INTO ledger_posting_segment (business_date, segment_no, row_count, payload) VALUES "
      "(?, ?, ?, ?)",
      {day_, segments_++, rows, bytes_value(writer_.finish())}));
  written_ += rows;
  return Ok{};
}

Result<int64_t> PostingWriter::finish() {
  CP_RETURN_IF_ERROR(flush());
  return written_;
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
