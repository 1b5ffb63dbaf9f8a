#include "store/execution_segments.h"

#include <xxhash.h>

#include <algorithm>
#include <cstdio>
#include <exception>
#include <limits>
#include <map>
#include <optional>
#include <thread>
#include <tuple>

#include "clearing/execution_sums.h"
#include "store/column_codec.h"
#include "store/posting_segments.h"

namespace cp::store {
namespace {

// The columns of an execution_segment payload.
enum ExecutionColumn : size_t { kTradeId, kAccount, kSecurity, kSide, kQuantity, kPrice };
constexpr size_t kExecutionColumns = 6;

// The columns of an execution_result_segment payload: the execution's, then its figures.
enum ResultColumn : size_t {
  kResultAccount,
  kResultTradeId,
  kResultSecurity,
  kResultSide,
  kResultQuantity,
  kResultPrice,
  kReserve,
  kConsideration,
  kFeeLine0,  // six fee lines
  kFees = kFeeLine0 + 6,
  kCommissionHkd,
  kInvestorHkd,
  kRate,
  kInvestorRmb,
  kCsdcRmb,
  kCommissionRmb,
  kResultColumns
};

// The columns of a linked execution_result_segment payload: only the figures that take a
// rounding; the execution and the sums come from the execution segment it lines up with.
enum LinkedColumn : size_t {
  kLinkedReserve,
  kLinkedFeeLine0,  // six fee lines
  kLinkedCommissionHkd = kLinkedFeeLine0 + 6,
  kLinkedRate,
  kLinkedInvestorRmb,
  kLinkedCsdcRmb,
  kLinkedColumns
};

// XXH3-64 of a segment's bytes as 16 hex digits: ties a result segment to the execution segment
// it was computed from (a fingerprint, not a security hash; 0.03 s for a day of 10M).
std::string xxh3_hex(std::string_view bytes) {
  const XXH64_hash_t hash = XXH3_64bits(bytes.data(), bytes.size());
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(hash));
  return std::string(out, 16);
}

uint64_t side_number(Side side) {
  return side == Side::kBuy ? 0 : 1;
}

Result<Side> side_of(uint64_t number) {
  if (number > 1) return make_error(ErrorCode::kStorage, "a column segment is damaged: side");
  return number == 0 ? Side::kBuy : Side::kSell;
}

Result<MoneyKind> money_kind_of(uint64_t number) {
  if (number > 1) return make_error(ErrorCode::kStorage, "a column segment is damaged: reserve");
  return number == 0 ? MoneyKind::kClient : MoneyKind::kOwn;
}

Result<int64_t> quantity_of(ColumnReader& column) {
  CP_ASSIGN_OR_RETURN(const uint64_t quantity, column.get_uint());
  if (quantity > static_cast<uint64_t>(INT64_MAX)) {
    return make_error(ErrorCode::kStorage, "a column segment is damaged: quantity");
  }
  return static_cast<int64_t>(quantity);
}

// Segments of one channel in stored order: a new segment every kSegmentRows rows.
struct SegmentHeader {
  std::string channel;
  int64_t segment_no = 0;
  int64_t rows = 0;
  std::string first_account;
  std::string last_account;
};

Result<void> insert_segment(Database& db, const std::string& table, const std::string& date_column,
                            const std::string& day, const SegmentHeader& header,
                            std::string payload) {
  CP_RETURN_IF_ERROR(
      db.execute("INSERT INTO " + table + " (" + date_column +
                     ", channel, segment_no, row_count, first_account, last_account, payload) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?)",
                 {day, header.channel, header.segment_no, header.rows, header.first_account,
                  header.last_account, bytes_value(std::move(payload))}));
  return Ok{};
}

Result<void> decode_executions(std::string_view payload, Date trade_date, Channel channel,
                               clearing::ExecutionTable& out) {
  CP_ASSIGN_OR_RETURN(SegmentReader segment, SegmentReader::open(payload, kExecutionColumns));
  for (size_t row = 0; row < segment.rows(); ++row) {
    CP_ASSIGN_OR_RETURN(const std::string_view trade_id, segment.column(kTradeId).get_text());
    CP_ASSIGN_OR_RETURN(const std::string_view account, segment.column(kAccount).get_text());
    CP_ASSIGN_OR_RETURN(const std::string_view security, segment.column(kSecurity).get_text());
    CP_ASSIGN_OR_RETURN(const uint64_t side_number, segment.column(kSide).get_uint());
    CP_ASSIGN_OR_RETURN(const Side side, side_of(side_number));
    CP_ASSIGN_OR_RETURN(const int64_t quantity, quantity_of(segment.column(kQuantity)));
    CP_ASSIGN_OR_RETURN(const Decimal price, segment.column(kPrice).get_decimal());
    if (!out.add(trade_id, trade_date, channel, account, security, side, quantity, price)) {
      return make_error(ErrorCode::kStorage, "a column segment is damaged: price");
    }
  }
  return Ok{};
}

// Where an execution's fields are in a payload: its own segment's columns or a whole result's.
struct ExecutionFieldColumns {
  size_t trade_id, account, security, side, quantity, price;
};
constexpr ExecutionFieldColumns kInExecutionSegment{kTradeId, kAccount,  kSecurity,
                                                    kSide,    kQuantity, kPrice};
constexpr ExecutionFieldColumns kInResultSegment{kResultTradeId, kResultAccount,  kResultSecurity,
                                                 kResultSide,    kResultQuantity, kResultPrice};

// Reads the next row's execution fields into `e` (its date and channel are the caller's).
Result<void> read_execution(SegmentReader& segment, const ExecutionFieldColumns& at,
                            clearing::Execution& e) {
  CP_ASSIGN_OR_RETURN(const std::string_view trade_id, segment.column(at.trade_id).get_text());
  e.trade_id = trade_id;
  CP_ASSIGN_OR_RETURN(const std::string_view account, segment.column(at.account).get_text());
  e.account_id = account;
  CP_ASSIGN_OR_RETURN(const std::string_view security, segment.column(at.security).get_text());
  e.security_code = security;
  CP_ASSIGN_OR_RETURN(const uint64_t side, segment.column(at.side).get_uint());
  CP_ASSIGN_OR_RETURN(e.side, side_of(side));
  CP_ASSIGN_OR_RETURN(e.quantity, quantity_of(segment.column(at.quantity)));
  CP_ASSIGN_OR_RETURN(e.price_hkd, segment.column(at.price).get_decimal());
  return Ok{};
}

// The rows [begin, end) of one account (all when `account_id` is empty) in a segment whose
// `account_column` holds the account ids: an account's rows are adjacent (stored order), so its
// column is scanned first and the other columns skip the rows before them without building
// values.
Result<std::pair<size_t, size_t>> rows_of(SegmentReader segment, size_t account_column,
                                          std::string_view account_id) {
  if (account_id.empty()) return std::make_pair(size_t{0}, segment.rows());
  ColumnReader& accounts = segment.column(account_column);
  size_t begin = segment.rows();
  size_t end = segment.rows();
  for (size_t row = 0; row < segment.rows(); ++row) {
    CP_ASSIGN_OR_RETURN(const std::string_view account, accounts.get_text());
    if (account == account_id) {
      begin = std::min(begin, row);
    } else if (begin < segment.rows()) {
      end = row;
      break;
    }
  }
  return std::make_pair(begin, end);
}

Result<void> skip_result_rows(SegmentReader& segment, size_t rows) {
  for (size_t column : {kResultAccount, kResultTradeId, kResultSecurity}) {
    CP_RETURN_IF_ERROR(segment.column(column).skip_texts(rows));
  }
  for (size_t column : {kResultSide, kResultQuantity, kReserve}) {
    CP_RETURN_IF_ERROR(segment.column(column).skip_uints(rows));
  }
  for (size_t column = kResultPrice; column < kResultColumns; ++column) {
    if (column == kReserve) continue;
    CP_RETURN_IF_ERROR(segment.column(column).skip_decimals(rows));
  }
  return Ok{};
}

// Decodes one result segment, passing the rows of `account_id` (all when empty) to `each`.
Result<void> decode_results(std::string_view payload, Date business_date, Channel channel,
                            std::string_view account_id, const StoredResultCallback& each) {
  CP_ASSIGN_OR_RETURN(SegmentReader segment, SegmentReader::open(payload, kResultColumns));
  CP_ASSIGN_OR_RETURN(const auto range, rows_of(segment, kResultAccount, account_id));
  CP_RETURN_IF_ERROR(skip_result_rows(segment, range.first));
  StoredExecutionResult r;
  r.execution.trade_date = business_date;
  r.execution.channel = channel;
  for (size_t row = range.first; row < range.second; ++row) {
    CP_RETURN_IF_ERROR(read_execution(segment, kInResultSegment, r.execution));
    CP_ASSIGN_OR_RETURN(const uint64_t reserve, segment.column(kReserve).get_uint());
    CP_ASSIGN_OR_RETURN(r.reserve, money_kind_of(reserve));
    CP_ASSIGN_OR_RETURN(r.consideration_hkd, segment.column(kConsideration).get_decimal());
    for (size_t i = 0; i < r.fee_lines_hkd.size(); ++i) {
      CP_ASSIGN_OR_RETURN(r.fee_lines_hkd[i], segment.column(kFeeLine0 + i).get_decimal());
    }
    CP_ASSIGN_OR_RETURN(r.fees_hkd, segment.column(kFees).get_decimal());
    CP_ASSIGN_OR_RETURN(r.commission_hkd, segment.column(kCommissionHkd).get_decimal());
    CP_ASSIGN_OR_RETURN(r.investor_hkd, segment.column(kInvestorHkd).get_decimal());
    CP_ASSIGN_OR_RETURN(r.rate, segment.column(kRate).get_decimal());
    CP_ASSIGN_OR_RETURN(r.investor_rmb, segment.column(kInvestorRmb).get_decimal());
    CP_ASSIGN_OR_RETURN(r.csdc_rmb, segment.column(kCsdcRmb).get_decimal());
    CP_ASSIGN_OR_RETURN(r.commission_rmb, segment.column(kCommissionRmb).get_decimal());
    CP_RETURN_IF_ERROR(each(r));
  }
  return Ok{};
}

Result<void> skip_execution_rows(SegmentReader& segment, size_t rows) {
  for (size_t column : {kTradeId, kAccount, kSecurity}) {
    CP_RETURN_IF_ERROR(segment.column(column).skip_texts(rows));
  }
  for (size_t column : {kSide, kQuantity})
    CP_RETURN_IF_ERROR(segment.column(column).skip_uints(rows));
  return segment.column(kPrice).skip_decimals(rows);
}

Result<void> skip_linked_rows(SegmentReader& segment, size_t rows) {
  CP_RETURN_IF_ERROR(segment.column(kLinkedReserve).skip_uints(rows));
  for (size_t column = kLinkedFeeLine0; column < kLinkedColumns; ++column) {
    CP_RETURN_IF_ERROR(segment.column(column).skip_decimals(rows));
  }
  return Ok{};
}

// Decodes a linked result segment with the execution segment it lines up with, passing the rows
// of `account_id` (all when empty) to `each`; the sums are derived as the clearing made them.
Result<void> decode_linked_results(std::string_view payload, std::string_view execution_payload,
                                   Date business_date, Channel channel, std::string_view account_id,
                                   const StoredResultCallback& each) {
  CP_ASSIGN_OR_RETURN(SegmentReader figures, SegmentReader::open(payload, kLinkedColumns));
  CP_ASSIGN_OR_RETURN(SegmentReader executions,
                      SegmentReader::open(execution_payload, kExecutionColumns));
  if (figures.rows() != executions.rows()) {
    return make_error(ErrorCode::kStorage, "a column segment is damaged: rows");
  }
  CP_ASSIGN_OR_RETURN(const auto range, rows_of(executions, kAccount, account_id));
  CP_RETURN_IF_ERROR(skip_execution_rows(executions, range.first));
  CP_RETURN_IF_ERROR(skip_linked_rows(figures, range.first));
  StoredExecutionResult r;
  r.execution.trade_date = business_date;
  r.execution.channel = channel;
  const Decimal zero = Decimal::from_units(0, 2);
  for (size_t row = range.first; row < range.second; ++row) {
    clearing::Execution& e = r.execution;
    CP_RETURN_IF_ERROR(read_execution(executions, kInExecutionSegment, e));
    CP_ASSIGN_OR_RETURN(const uint64_t reserve, figures.column(kLinkedReserve).get_uint());
    CP_ASSIGN_OR_RETURN(r.reserve, money_kind_of(reserve));
    for (size_t i = 0; i < r.fee_lines_hkd.size(); ++i) {
      CP_ASSIGN_OR_RETURN(r.fee_lines_hkd[i], figures.column(kLinkedFeeLine0 + i).get_decimal());
    }
    CP_ASSIGN_OR_RETURN(r.commission_hkd, figures.column(kLinkedCommissionHkd).get_decimal());
    CP_ASSIGN_OR_RETURN(r.rate, figures.column(kLinkedRate).get_decimal());
    CP_ASSIGN_OR_RETURN(r.investor_rmb, figures.column(kLinkedInvestorRmb).get_decimal());
    CP_ASSIGN_OR_RETURN(r.csdc_rmb, figures.column(kLinkedCsdcRmb).get_decimal());
    // The sums, as clear_execution makes them (clearing/client_clearing.cpp): the consideration
    // exact, the fee total from 0.00 line by line (fees.cpp). A run's figures never overflow
    // them; damaged bytes can, and that is a damaged segment, not an exception out of the read.
    try {
      r.consideration_hkd = e.price_hkd * Decimal::from_int(e.quantity);
      r.fees_hkd = zero;
      for (const Decimal& line : r.fee_lines_hkd) r.fees_hkd += line;
      r.investor_hkd = clearing::investor_hkd_of(
          e.side, clearing::csdc_hkd_of(e.side, r.consideration_hkd, r.fees_hkd), r.commission_hkd);
      r.commission_rmb = clearing::commission_rmb_of(e.side, r.investor_rmb, r.csdc_rmb);
    } catch (const DecimalOverflow&) {
      return make_error(ErrorCode::kStorage, "a column segment is damaged: amounts");
    }
    CP_RETURN_IF_ERROR(each(r));
  }
  return Ok{};
}

// The stored order's key: channel, account, trade id (the one definition of that order).
using StoredKey = std::tuple<Channel, std::string_view, std::string_view>;

}  // namespace

bool stored_before(const clearing::Execution& a, const clearing::Execution& b) {
  return StoredKey{a.channel, a.account_id, a.trade_id} <
         StoredKey{b.channel, b.account_id, b.trade_id};
}

namespace {

// A text's first eight bytes as a big-endian number, zeros past its end: two keys in order
// are their texts in order (bytes compared unsigned, a prefix first); equal keys say nothing,
// and the texts are compared then.
uint64_t prefix_key(std::string_view text) {
  uint64_t key = 0;
  const size_t bytes = std::min<size_t>(text.size(), 8);
  for (size_t i = 0; i < bytes; ++i) {
    key |= static_cast<uint64_t>(static_cast<uint8_t>(text[i])) << (56 - 8 * i);
  }
  return key;
}

}  // namespace

void order_for_storage(const clearing::ExecutionTable& table, std::vector<uint32_t>& rows) {
  // A comparison sort of ten million rows by (channel, account id, trade id) compares texts
  // through pointers at each of its steps. Instead: the accounts of `rows` are ranked once by
  // their text (the table lists each account once), the rows are counted into one bucket
  // per channel and account rank (stable, so a bucket keeps the given order), and each bucket —
  // one investor's trades of a day, a handful — is sorted by trade id.
  static_assert(
      static_cast<int>(Channel::kShanghai) == 0 && static_cast<int>(Channel::kShenzhen) == 1,
      "the buckets number the channels 0 and 1, in their stored order");
  constexpr size_t kChannels = 2;
  const auto& accounts = table.accounts();
  constexpr uint32_t kUnranked = std::numeric_limits<uint32_t>::max();
  std::vector<uint32_t> rank(accounts.size(), kUnranked);
  std::vector<uint32_t> used;
  for (const uint32_t row : rows) {
    const uint32_t account = table[row].account_number();
    if (rank[account] == kUnranked) {
      rank[account] = 0;
      used.push_back(account);
    }
  }
  // Sorted by each text's first eight bytes held beside its number, the texts compared only
  // where those are equal: comparing through the deque's pointers waited for memory at each of
  // the sort's steps (a second of the 10M import for two million accounts).
  std::vector<std::pair<uint64_t, uint32_t>> keyed;
  keyed.reserve(used.size());
  for (const uint32_t account : used) keyed.emplace_back(prefix_key(accounts[account]), account);
  std::sort(keyed.begin(), keyed.end(), [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    return std::string_view(accounts[a.second]) < std::string_view(accounts[b.second]);
  });
  for (size_t i = 0; i < keyed.size(); ++i) rank[keyed[i].second] = static_cast<uint32_t>(i);
  auto bucket_of = [&](uint32_t row) {
    const clearing::ExecutionRef e = table[row];
    return static_cast<size_t>(e.channel()) * used.size() + rank[e.account_number()];
  };
  std::vector<uint64_t> bucket_start(kChannels * used.size() + 1, 0);
  for (const uint32_t row : rows) ++bucket_start[bucket_of(row) + 1];
  for (size_t b = 1; b < bucket_start.size(); ++b) bucket_start[b] += bucket_start[b - 1];
  std::vector<uint32_t> sorted(rows.size());
  {
    std::vector<uint64_t> next(bucket_start.begin(), bucket_start.end() - 1);
    for (const uint32_t row : rows) sorted[next[bucket_of(row)]++] = row;
  }
  // Each bucket by trade id, the same way: its rows' keys gathered once into a small buffer.
  std::vector<std::pair<uint64_t, uint32_t>> bucket;
  for (size_t b = 0; b + 1 < bucket_start.size(); ++b) {
    const size_t first = bucket_start[b];
    const size_t last = bucket_start[b + 1];
    if (last - first < 2) continue;
    bucket.clear();
    for (size_t i = first; i < last; ++i) {
      bucket.emplace_back(prefix_key(table[sorted[i]].trade_id()), sorted[i]);
    }
    std::sort(bucket.begin(), bucket.end(), [&](const auto& x, const auto& y) {
      if (x.first != y.first) return x.first < y.first;
      return table[x.second].trade_id() < table[y.second].trade_id();
    });
    for (size_t i = first; i < last; ++i) sorted[i] = bucket[i - first].second;
  }
  rows = std::move(sorted);
}

namespace {

// The rows [begin, end) of the stored order that make one segment: one channel's, at most
// kSegmentRows of them.
struct SegmentSpan {
  size_t begin = 0;
  size_t end = 0;
  Channel channel = Channel::kShanghai;
  int64_t segment_no = 0;
};

// The segments of `rows` (in stored order: the channel first), each channel's cut every
// kSegmentRows rows.
std::vector<SegmentSpan> plan_segments(const clearing::ExecutionTable& table,
                                       const std::vector<uint32_t>& rows) {
  const auto shenzhen = std::partition_point(rows.begin(), rows.end(), [&](uint32_t row) {
    return table[row].channel() == Channel::kShanghai;
  });
  const size_t first_shenzhen = static_cast<size_t>(shenzhen - rows.begin());
  std::vector<SegmentSpan> out;
  int64_t number = 0;  // numbered on from one channel to the next, as they always were
  for (const auto& [begin, end, channel] :
       {std::make_tuple(size_t{0}, first_shenzhen, Channel::kShanghai),
        std::make_tuple(first_shenzhen, rows.size(), Channel::kShenzhen)}) {
    for (size_t at = begin; at < end; at += kSegmentRows) {
      out.push_back({at, std::min(end, at + kSegmentRows), channel, number++});
    }
  }
  return out;
}

// One segment's rows encoded. The rows are in the table's order of arrival, not this one: each
// row's fields are fetched ahead, its texts a little less far ahead (without it the 10M import
// took 24.6 s, not 18.0).
EncodedSegment encode_span(const clearing::ExecutionTable& table, const std::vector<uint32_t>& rows,
                           const SegmentSpan& span, Date trade_date, SegmentWriter& writer) {
  constexpr size_t kFieldsAhead = 16;
  constexpr size_t kTextsAhead = 8;
  EncodedSegment out;
  out.channel = channel_code(span.channel);
  for (size_t i = span.begin; i < span.end; ++i) {
    if (i + kFieldsAhead < span.end) table.prefetch_fields(rows[i + kFieldsAhead]);
    if (i + kTextsAhead < span.end) table.prefetch_texts(rows[i + kTextsAhead]);
    const clearing::ExecutionRef e = table[rows[i]];
    CP_ASSERT(e.trade_date() == trade_date, "execution of another date in a day's load");
    CP_ASSERT(e.channel() == span.channel, "a segment of two channels");
    if (i == span.begin) out.first_account = e.account_id();
    if (i + 1 == span.end) out.last_account = e.account_id();
    writer.column(kTradeId).put_text(e.trade_id());
    writer.column(kAccount).put_text(e.account_id());
    writer.column(kSecurity).put_text(e.security_code());
    writer.column(kSide).put_uint(side_number(e.side()));
    writer.column(kQuantity).put_uint(static_cast<uint64_t>(e.quantity()));
    writer.column(kPrice).put_decimal(e.price_hkd());
    writer.end_row();
  }
  out.rows = static_cast<int64_t>(writer.rows());
  out.payload = writer.finish();
  return out;
}

}  // namespace

Result<int64_t> write_execution_segments(Database& db, Date trade_date,
                                         const clearing::ExecutionTable& table,
                                         std::vector<uint32_t> rows) {
  order_for_storage(table, rows);
  return write_ordered_execution_segments(db, trade_date, table, rows);
}

Result<int64_t> write_ordered_execution_segments(Database& db, Date trade_date,
                                                 const clearing::ExecutionTable& table,
                                                 const std::vector<uint32_t>& rows) {
  const std::string day = trade_date.to_string();
  CP_RETURN_IF_ERROR(db.execute("DELETE FROM execution_segment WHERE trade_date = ?", {day}));
  const std::vector<SegmentSpan> spans = plan_segments(table, rows);
  // Each segment is encoded on its own, so the second half of them is encoded on a second
  // thread while this one encodes and stores the first: the bytes are the same either way.
  const size_t half = spans.size() / 2;
  std::vector<EncodedSegment> later(spans.size() - half);
  std::exception_ptr later_error;
  std::thread encoder([&] {
    try {
      SegmentWriter writer(kExecutionColumns);
      for (size_t i = half; i < spans.size(); ++i) {
        later[i - half] = encode_span(table, rows, spans[i], trade_date, writer);
      }
    } catch (...) {
      later_error = std::current_exception();
    }
  });
  auto store = [&](const SegmentSpan& span, EncodedSegment segment) -> Result<void> {
    const SegmentHeader header{segment.channel, span.segment_no, segment.rows,
                               segment.first_account, segment.last_account};
    return insert_segment(db, "execution_segment", "trade_date", day, header,
                          std::move(segment.payload));
  };
  Result<void> stored = Ok{};
  try {
    SegmentWriter writer(kExecutionColumns);
    for (size_t i = 0; i < half && stored.ok(); ++i) {
      stored = store(spans[i], encode_span(table, rows, spans[i], trade_date, writer));
    }
  } catch (...) {
    encoder.join();
    throw;
  }
  encoder.join();
  if (later_error) std::rethrow_exception(later_error);
  CP_RETURN_IF_ERROR(stored);
  for (size_t i = half; i < spans.size(); ++i) {
    CP_RETURN_IF_ERROR(store(spans[i], std::move(later[i - half])));
  }
  return static_cast<int64_t>(rows.size());
}

Result<int64_t> write_execution_segments(Database& db, Date trade_date,
                                         const std::vector<clearing::Execution>& executions) {
  clearing::ExecutionTable table;
  table.reserve(executions.size());
  std::vector<uint32_t> rows;
  rows.reserve(executions.size());
  for (const clearing::Execution& e : executions) {
    if (!table.add(e)) {
      return invalid_input("trade " + e.trade_id + ": price " + e.price_hkd.to_string() +
                               " is beyond any spread table",
                           "price");
    }
    rows.push_back(static_cast<uint32_t>(rows.size()));
  }
  return write_execution_segments(db, trade_date, table, std::move(rows));
}

Result<FetchedExecutionSegments> fetch_execution_segments(Database& db, Date trade_date) {
  FetchedExecutionSegments out;
  out.trade_date = trade_date;
  CP_ASSIGN_OR_RETURN(auto total,
                      db.query("SELECT COALESCE(SUM(row_count), 0) FROM execution_segment WHERE "
                               "trade_date = ?",
                               {trade_date.to_string()}));
  out.rows = static_cast<size_t>(total.rows.at(0).integer(0));
  CP_RETURN_IF_ERROR(db.query_each(
      "SELECT channel, segment_no, row_count, payload FROM execution_segment WHERE trade_date = "
      "? ORDER BY channel, segment_no",
      {trade_date.to_string()}, [&](const Row& row) -> Result<void> {
        CP_ASSIGN_OR_RETURN(const Channel channel, parse_channel(row.text(0)));
        const std::string_view payload = row.text(3);
        out.links.push_back({channel, row.integer(1), row.integer(2), xxh3_hex(payload)});
        out.payloads.emplace_back(channel, std::string(payload));
        return Ok{};
      }));
  return out;
}

Result<clearing::ExecutionTable> decode_execution_segments(
    const FetchedExecutionSegments& fetched) {
  clearing::ExecutionTable out;
  out.reserve(fetched.rows);
  for (const auto& [channel, payload] : fetched.payloads) {
    CP_RETURN_IF_ERROR(decode_executions(payload, fetched.trade_date, channel, out));
  }
  return out;
}

Result<clearing::ExecutionTable> read_execution_segments(Database& db, Date trade_date) {
  CP_ASSIGN_OR_RETURN(const FetchedExecutionSegments fetched,
                      fetch_execution_segments(db, trade_date));
  return decode_execution_segments(fetched);
}

Result<AccountExecutions> account_executions(Database& db, Date trade_date,
                                             std::string_view account_id) {
  const std::string day = trade_date.to_string();
  AccountExecutions out;
  // The ranges first, compared byte by byte as they were sorted (no collation), then only the
  // payloads that can hold the account, each copied out before the next query (PostgreSQL
  // streams one query at a time).
  std::vector<std::pair<std::string, int64_t>> wanted;
  CP_RETURN_IF_ERROR(db.query_each(
      "SELECT channel, segment_no, first_account, last_account FROM execution_segment WHERE "
      "trade_date = ? ORDER BY channel, segment_no",
      {day}, [&](const Row& row) -> Result<void> {
        out.any_stored = true;
        if (row.text(2) <= account_id && account_id <= std::string_view(row.text(3))) {
          wanted.emplace_back(row.text(0), row.integer(1));
        }
        return Ok{};
      }));
  for (const auto& [channel_text, segment_no] : wanted) {
    CP_ASSIGN_OR_RETURN(const Channel channel, parse_channel(channel_text));
    std::string payload;
    CP_RETURN_IF_ERROR(db.query_each(
        "SELECT payload FROM execution_segment WHERE trade_date = ? AND channel = ? AND "
        "segment_no = ?",
        {day, channel_text, segment_no}, [&](const Row& row) -> Result<void> {
          payload.assign(row.text(0));
          return Ok{};
        }));
    clearing::ExecutionTable table;
    CP_RETURN_IF_ERROR(decode_executions(payload, trade_date, channel, table));
    for (const clearing::ExecutionRef e : table) {
      if (e.account_id() == account_id) out.executions.push_back(e.to_execution());
    }
  }
  return out;
}

ExecutionResultSegments::ExecutionResultSegments(Layout layout)
    : layout_(layout),
      writer_(layout == Layout::kLinked ? size_t{kLinkedColumns} : size_t{kResultColumns}) {}

void ExecutionResultSegments::add(const clearing::ExecutionResult& r) {
  const auto& lines = r.fees.lines;
  const clearing::ExecutionRef& e = r.execution;
  add_row({e.channel(), e.account_id(), e.trade_id(), e.security_code(), e.side(), e.quantity(),
           e.price_hkd()},
          r.reserve,
          {&r.consideration_hkd, &lines[0].amount_hkd, &lines[1].amount_hkd, &lines[2].amount_hkd,
           &lines[3].amount_hkd, &lines[4].amount_hkd, &lines[5].amount_hkd, &r.fees.total_hkd,
           &r.commission_hkd, &r.investor_hkd, &r.rate, &r.investor_rmb, &r.csdc_rmb,
           &r.commission_rmb});
}

void ExecutionResultSegments::add(const StoredExecutionResult& r) {
  const auto& lines = r.fee_lines_hkd;
  const clearing::Execution& e = r.execution;
  add_row({e.channel, e.account_id, e.trade_id, e.security_code, e.side, e.quantity, e.price_hkd},
          r.reserve,
          {&r.consideration_hkd, &lines[0], &lines[1], &lines[2], &lines[3], &lines[4], &lines[5],
           &r.fees_hkd, &r.commission_hkd, &r.investor_hkd, &r.rate, &r.investor_rmb, &r.csdc_rmb,
           &r.commission_rmb});
}

void ExecutionResultSegments::add_row(const ExecutionFields& e, MoneyKind reserve,
                                      const Figures& figures) {
  if (rows_ > 0) {
    CP_ASSERT(!(StoredKey{e.channel, e.account_id, e.trade_id} <
                StoredKey{last_channel_, last_account_, last_trade_id_}),
              "results out of their stored order");
    if (writer_.rows() == kSegmentRows || e.channel != last_channel_) flush();
  }
  if (writer_.rows() == 0) {
    current_.channel = channel_code(e.channel);
    current_.first_account = e.account_id;
  }
  current_.last_account = e.account_id;
  if (layout_ == Layout::kLinked) {
    // Figures 1–6 are the fee lines, 8 the commission, 10–12 the rate and the RMB amounts;
    // 0, 7, 9 and 13 are sums the reader derives.
    writer_.column(kLinkedReserve).put_uint(reserve == MoneyKind::kClient ? 0 : 1);
    for (size_t i = 0; i < 6; ++i) writer_.column(kLinkedFeeLine0 + i).put_decimal(*figures[1 + i]);
    writer_.column(kLinkedCommissionHkd).put_decimal(*figures[8]);
    writer_.column(kLinkedRate).put_decimal(*figures[10]);
    writer_.column(kLinkedInvestorRmb).put_decimal(*figures[11]);
    writer_.column(kLinkedCsdcRmb).put_decimal(*figures[12]);
  } else {
    writer_.column(kResultAccount).put_text(e.account_id);
    writer_.column(kResultTradeId).put_text(e.trade_id);
    writer_.column(kResultSecurity).put_text(e.security_code);
    writer_.column(kResultSide).put_uint(side_number(e.side));
    writer_.column(kResultQuantity).put_uint(static_cast<uint64_t>(e.quantity));
    writer_.column(kResultPrice).put_decimal(e.price_hkd);
    writer_.column(kReserve).put_uint(reserve == MoneyKind::kClient ? 0 : 1);
    // The figures' columns follow one another, from the consideration to the RMB commission.
    static_assert(kCommissionRmb - kConsideration + 1 == std::tuple_size_v<Figures>);
    for (size_t i = 0; i < figures.size(); ++i) {
      writer_.column(kConsideration + i).put_decimal(*figures[i]);
    }
  }
  writer_.end_row();
  last_channel_ = e.channel;
  last_account_.assign(e.account_id);
  last_trade_id_.assign(e.trade_id);
  ++rows_;
}

void ExecutionResultSegments::flush() {
  if (writer_.rows() == 0) return;
  current_.rows = static_cast<int64_t>(writer_.rows());
  current_.payload = writer_.finish();
  segments_.push_back(std::move(current_));
  current_ = EncodedSegment{};
}

void ExecutionResultSegments::finish() {
  flush();
}

Result<int64_t> write_execution_results(Database& db, Date business_date,
                                        const ExecutionResultSegments& segments,
                                        const std::vector<ExecutionSegmentLink>& links) {
  const std::string day = business_date.to_string();
  const bool linked = segments.layout() == ExecutionResultSegments::Layout::kLinked;
  const auto& encoded = segments.segments();
  if (linked) {
    bool line_up = encoded.size() == links.size();
    for (size_t i = 0; line_up && i < encoded.size(); ++i) {
      line_up =
          encoded[i].channel == channel_code(links[i].channel) && encoded[i].rows == links[i].rows;
    }
    if (!line_up) {
      return make_error(ErrorCode::kStorage,
                        "the results of " + day + " do not line up with its execution segments");
    }
  }
  std::map<std::string, int64_t> next_no;  // per channel
  int64_t written = 0;
  for (size_t i = 0; i < encoded.size(); ++i) {
    const EncodedSegment& segment = encoded[i];
    written += segment.rows;
    if (!linked) {
      // Without the fingerprint's column, which migration 0032's data step predates.
      const SegmentHeader header{segment.channel, next_no[segment.channel]++, segment.rows,
                                 segment.first_account, segment.last_account};
      CP_RETURN_IF_ERROR(insert_segment(db, "execution_result_segment", "business_date", day,
                                        header, segment.payload));
      continue;
    }
    CP_RETURN_IF_ERROR(db.execute(
        "INSERT INTO execution_result_segment (business_date, channel, segment_no, row_count, "
        "first_account, last_account, payload, execution_xxh3) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        {day, segment.channel, links[i].segment_no, segment.rows, segment.first_account,
         segment.last_account, bytes_value(segment.payload), links[i].xxh3}));
  }
  return written;
}

Result<void> delete_execution_results(Database& db, Date business_date) {
  CP_RETURN_IF_ERROR(db.execute("DELETE FROM execution_result_segment WHERE business_date = ?",
                                {business_date.to_string()}));
  return Ok{};
}

Result<void> each_execution_result(Database& db, Date business_date, std::string_view account_id,
                                   const StoredResultCallback& each) {
  const std::string day = business_date.to_string();
  // The segments' account ranges first (a few hundred small rows), then only the payloads that
  // can hold the account. Compared here, byte by byte, as they were sorted: no collation.
  std::vector<std::pair<std::string, int64_t>> wanted;
  CP_RETURN_IF_ERROR(db.query_each(
      "SELECT channel, segment_no, first_account, last_account FROM execution_result_segment "
      "WHERE business_date = ? ORDER BY channel, segment_no",
      {day}, [&](const Row& row) -> Result<void> {
        if (account_id.empty() ||
            (row.text(2) <= account_id && account_id <= std::string_view(row.text(3)))) {
          wanted.emplace_back(row.text(0), row.integer(1));
        }
        return Ok{};
      }));
  for (const auto& [channel_text, segment_no] : wanted) {
    CP_ASSIGN_OR_RETURN(const Channel channel, parse_channel(channel_text));
    // The fingerprint is read with its own row's payload only: it is stored after the payload
    // (migration 0035 added it), so reading it from every row would read every payload.
    // Each payload is copied out before the next query: a streamed query runs alone on
    // PostgreSQL.
    std::string payload;
    std::optional<std::string> execution_xxh3;  // linked: the execution segment's bytes
    CP_RETURN_IF_ERROR(db.query_each(
        "SELECT payload, execution_xxh3 FROM execution_result_segment WHERE business_date = ? "
        "AND channel = ? AND segment_no = ?",
        {day, channel_text, segment_no}, [&](const Row& row) -> Result<void> {
          payload.assign(row.text(0));
          if (!row.is_null(1)) execution_xxh3 = std::string(row.text(1));
          return Ok{};
        }));
    if (!execution_xxh3) {
      CP_RETURN_IF_ERROR(decode_results(payload, business_date, channel, account_id, each));
      continue;
    }
    std::string execution_payload;
    CP_RETURN_IF_ERROR(db.query_each(
        "SELECT payload FROM execution_segment WHERE trade_date = ? AND channel = ? AND "
        "segment_no = ?",
        {day, channel_text, segment_no}, [&](const Row& row) -> Result<void> {
          execution_payload.assign(row.text(0));
          return Ok{};
        }));
    if (xxh3_hex(execution_payload) != *execution_xxh3) {
      return make_error(ErrorCode::kStorage, "the executions of " + day +
                                                 " changed after its EOD run (" + channel_text +
                                                 " segment " + std::to_string(segment_no) +
                                                 "): run `eod run --date " + day + "` again");
    }
    CP_RETURN_IF_ERROR(decode_linked_results(payload, execution_payload, business_date, channel,
                                             account_id, each));
  }
  return Ok{};
}

Result<int64_t> count_execution_results(Database& db, Date business_date) {
  CP_ASSIGN_OR_RETURN(auto total,
                      db.query("SELECT COALESCE(SUM(row_count), 0) FROM execution_result_segment "
                               "WHERE business_date = ?",
                               {business_date.to_string()}));
  return total.rows.at(0).integer(0);
}

Result<void> pack_row_tables(Database& db) {
  // Executions, one date in memory at a time (the import wrote valid codes: the CHECKs hold).
  CP_ASSIGN_OR_RETURN(auto trade_dates,
                      first_column(db, "SELECT DISTINCT trade_date FROM execution ORDER BY 1"));
  for (const std::string& day : trade_dates) {
    CP_ASSIGN_OR_RETURN(const Date date, Date::parse(day));
    std::vector<clearing::Execution> executions;
    CP_RETURN_IF_ERROR(db.query_each(
        "SELECT trade_id, channel, account_id, security_code, side, quantity, price_hkd FROM "
        "execution WHERE trade_date = ?",
        {day}, [&](const Row& row) -> Result<void> {
          clearing::Execution& e = executions.emplace_back();
          e.trade_date = date;
          e.trade_id = row.text(0);
          CP_ASSIGN_OR_RETURN(e.channel, parse_channel(row.text(1)));
          e.account_id = row.text(2);
          e.security_code = row.text(3);
          CP_ASSIGN_OR_RETURN(e.side, parse_side(row.text(4)));
          e.quantity = row.integer(5);
          e.price_hkd = row.decimal(6);
          return Ok{};
        }));
    CP_RETURN_IF_ERROR(write_execution_segments(db, date, executions));
  }
  // Results, run by run, each with its execution's fields, in the order the segments keep.
  CP_ASSIGN_OR_RETURN(
      auto run_dates,
      first_column(db, "SELECT DISTINCT business_date FROM eod_execution_result ORDER BY 1"));
  for (const std::string& day : run_dates) {
    CP_ASSIGN_OR_RETURN(const Date date, Date::parse(day));
    std::vector<StoredExecutionResult> rows;
    CP_RETURN_IF_ERROR(db.query_each(
        "SELECT r.trade_id, r.reserve, r.consideration_hkd, r.stamp_duty, r.trading_fee, "
        "r.sfc_levy, r.afrc_levy, r.trading_tariff, r.settlement_fee, r.fees_hkd, "
        "r.commission_hkd, r.investor_hkd, r.rate, r.investor_rmb, r.csdc_rmb, r.commission_rmb, "
        "e.trade_date, e.channel, e.account_id, e.security_code, e.side, e.quantity, e.price_hkd "
        "FROM eod_execution_result r LEFT JOIN execution e ON e.trade_id = r.trade_id WHERE "
        "r.business_date = ?",
        {day}, [&](const Row& row) -> Result<void> {
          if (row.is_null(16)) {
            return make_error(ErrorCode::kStorage,
                              "result of trade " + row.text(0) + " has no execution");
          }
          StoredExecutionResult& r = rows.emplace_back();
          clearing::Execution& e = r.execution;
          e.trade_id = row.text(0);
          CP_ASSIGN_OR_RETURN(r.reserve, parse_money_kind(row.text(1)));
          r.consideration_hkd = row.decimal(2);
          for (size_t i = 0; i < 6; ++i) r.fee_lines_hkd[i] = row.decimal(3 + i);
          r.fees_hkd = row.decimal(9);
          r.commission_hkd = row.decimal(10);
          r.investor_hkd = row.decimal(11);
          r.rate = row.decimal(12);
          r.investor_rmb = row.decimal(13);
          r.csdc_rmb = row.decimal(14);
          r.commission_rmb = row.decimal(15);
          CP_ASSIGN_OR_RETURN(e.trade_date, Date::parse(row.text(16)));
          CP_ASSIGN_OR_RETURN(e.channel, parse_channel(row.text(17)));
          e.account_id = row.text(18);
          e.security_code = row.text(19);
          CP_ASSIGN_OR_RETURN(e.side, parse_side(row.text(20)));
          e.quantity = row.integer(21);
          e.price_hkd = row.decimal(22);
          return Ok{};
        }));
    std::sort(rows.begin(), rows.end(),
              [](const auto& a, const auto& b) { return stored_before(a.execution, b.execution); });
    ExecutionResultSegments segments;
    for (const auto& r : rows) segments.add(r);
    segments.finish();
    CP_RETURN_IF_ERROR(write_execution_results(db, date, segments));
  }
  // The journal, day by day, in the order the ledger check read it. Each day is read whole
  // before it is written: libpq runs no statement while a streamed query is open.
  CP_ASSIGN_OR_RETURN(
      auto journal_dates,
      first_column(db, "SELECT DISTINCT business_date FROM ledger_posting ORDER BY 1"));
  for (const std::string& day : journal_dates) {
    CP_ASSIGN_OR_RETURN(const Date date, Date::parse(day));
    std::vector<ledger::Posting> day_postings;
    CP_RETURN_IF_ERROR(db.query_each(
        "SELECT entry, account, asset, amount FROM ledger_posting WHERE business_date = ? "
        "ORDER BY entry, seq",
        {day}, [&](const Row& row) -> Result<void> {
          day_postings.push_back({row.text(0), row.text(1), row.text(2), row.decimal(3)});
          return Ok{};
        }));
    PostingWriter postings(db, date);
    for (const auto& posting : day_postings) CP_RETURN_IF_ERROR(postings.add(posting));
    CP_RETURN_IF_ERROR(postings.finish());
  }
  CP_RETURN_IF_ERROR(db.execute_script(
      "DROP TABLE eod_execution_result; DROP TABLE execution; DROP TABLE ledger_posting"));
  return Ok{};
}

}  // namespace cp::store
