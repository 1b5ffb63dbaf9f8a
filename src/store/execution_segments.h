// A day's executions and their EOD results as column-packed segments (migration 0032,
// docs/decisions/0012-column-segments.md): a row of execution_segment or
// execution_result_segment holds up to kSegmentRows executions of one date and channel, ordered
// by account and then trade id, with the segment's first and last account beside it. One
// investor's lines are therefore in one or two segments: the contract note of a day of ten
// million executions decodes a few milliseconds of data, never the day.
#pragma once

#include <array>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "clearing/client_clearing.h"
#include "clearing/execution.h"
#include "clearing/execution_table.h"
#include "store/column_codec.h"
#include "store/database.h"

namespace cp::store {

// The order executions are stored, loaded and cleared in: channel, account, trade id.
bool stored_before(const clearing::Execution& a, const clearing::Execution& b);
// Puts `rows` of `table` in stored_before order (fast on millions).
void order_for_storage(const clearing::ExecutionTable& table, std::vector<uint32_t>& rows);

// Replaces every execution of `trade_date` with `rows` of `table`, in any order. Call in a
// transaction. REQUIRES: every row is of `trade_date`.
Result<int64_t> write_execution_segments(Database& db, Date trade_date,
                                         const clearing::ExecutionTable& table,
                                         std::vector<uint32_t> rows);
// The same for rows already put in order by order_for_storage (the import orders them while it
// checks the accounts).
Result<int64_t> write_ordered_execution_segments(Database& db, Date trade_date,
                                                 const clearing::ExecutionTable& table,
                                                 const std::vector<uint32_t>& rows);
// The same for records (tests, the demo's day, migrations); refuses a price whose units do not
// fit 64 bits (no spread table has one).
Result<int64_t> write_execution_segments(Database& db, Date trade_date,
                                         const std::vector<clearing::Execution>& executions);
// The executions of `trade_date` in stored_before order.
Result<clearing::ExecutionTable> read_execution_segments(Database& db, Date trade_date);
// Only `account_id`'s executions of `trade_date`, in stored order: the segments whose account
// range holds it are read, no others. `any_stored` says whether the date has executions at all.
struct AccountExecutions {
  bool any_stored = false;
  std::vector<clearing::Execution> executions;
};
Result<AccountExecutions> account_executions(Database& db, Date trade_date,
                                             std::string_view account_id);

// The same in two steps: the segments' bytes read under the caller's transaction, then decoded
// without the database, on any thread (the end of day decodes them while it reads the accounts
// and statements on its connection).
// What a day's result segment lines up with: one execution segment, by its channel, number and
// row count and the XXH3-64 of its bytes (16 hex digits). A linked result segment takes the
// number of its execution segment (numbered on from one channel to the next).
struct ExecutionSegmentLink {
  Channel channel = Channel::kShanghai;
  int64_t segment_no = 0;
  int64_t rows = 0;
  std::string xxh3;
};
struct FetchedExecutionSegments {
  Date trade_date;
  size_t rows = 0;
  std::vector<std::pair<Channel, std::string>> payloads;  // in stored order
  std::vector<ExecutionSegmentLink> links;                // one per payload, in the same order
};
Result<FetchedExecutionSegments> fetch_execution_segments(Database& db, Date trade_date);
Result<clearing::ExecutionTable> decode_execution_segments(const FetchedExecutionSegments& fetched);

// One stored EOD result with its execution: a contract-note line.
struct StoredExecutionResult {
  clearing::Execution execution;
  MoneyKind reserve = MoneyKind::kClient;
  Decimal consideration_hkd;
  std::array<Decimal, 6> fee_lines_hkd;  // clearing::FeeBreakdown's lines, in kFeeCodes order
  Decimal fees_hkd;
  Decimal commission_hkd;
  Decimal investor_hkd;
  Decimal rate;
  Decimal investor_rmb;
  Decimal csdc_rmb;
  Decimal commission_rmb;
};

// One segment encoded, not yet stored.
struct EncodedSegment {
  std::string channel;
  int64_t rows = 0;
  std::string first_account;
  std::string last_account;
  std::string payload;
};

// A run's results, encoded segment by segment in memory as the clearing produces them: the run
// computes without the write lock and stores them afterwards (write_execution_results).
// REQUIRES: results come in stored_before order of their executions (the order the day's
// executions are loaded in).
//
// Two layouts. kLinked (a run's): each segment keeps only the figures that take a rounding —
// reserve, the six fee lines, commission, rate, RMB investor and CSDC amounts — and lines up row
// for row with the day's execution segment of the same number; the reader takes the execution
// from there and derives the consideration, the fee total, the HKD amounts and the RMB
// commission by the clearing's own sums (clearing/execution_sums.h). At ten million executions
// that is about 24 bytes a row instead of 59. kWhole (migrations, tests): each row holds its
// execution and every figure.
class ExecutionResultSegments {
 public:
  enum class Layout { kWhole, kLinked };
  explicit ExecutionResultSegments(Layout layout = Layout::kWhole);
  void add(const clearing::ExecutionResult& result);
  void add(const StoredExecutionResult& result);
  // Encodes the last, partly filled segment.
  void finish();
  const std::vector<EncodedSegment>& segments() const { return segments_; }
  int64_t rows() const { return rows_; }
  Layout layout() const { return layout_; }

 private:
  // A result's execution, seen through its table or its record.
  struct ExecutionFields {
    Channel channel;
    std::string_view account_id;
    std::string_view trade_id;
    std::string_view security_code;
    Side side;
    int64_t quantity;
    Decimal price_hkd;
  };
  // A result's amounts in column order: consideration, the six fee lines, fees, commission,
  // investor HKD, rate, investor RMB, CSDC RMB, RMB commission.
  using Figures = std::array<const Decimal*, 14>;
  void add_row(const ExecutionFields& e, MoneyKind reserve, const Figures& figures);
  void flush();
  Layout layout_;
  SegmentWriter writer_;
  EncodedSegment current_;
  // The previous result's execution, for the order check.
  Channel last_channel_ = Channel::kShanghai;
  std::string last_account_;
  std::string last_trade_id_;
  std::vector<EncodedSegment> segments_;
  int64_t rows_ = 0;
};

// Stores `segments` as the results of `business_date`. REQUIRES: the date's earlier results
// deleted (delete_execution_results) in the same transaction. Linked segments need `links`,
// the day's execution segments they were computed from (FetchedExecutionSegments::links), and
// are refused with a storage error unless they line up one for one (channel and rows).
Result<int64_t> write_execution_results(Database& db, Date business_date,
                                        const ExecutionResultSegments& segments,
                                        const std::vector<ExecutionSegmentLink>& links = {});

Result<void> delete_execution_results(Database& db, Date business_date);

// Every stored result of `business_date`, or only `account_id`'s when it is not empty, in
// stored_before order. Stops at the first error `each` returns. A linked segment whose execution
// segment changed since the run (executions imported again) is a storage error that says to run
// the day again.
using StoredResultCallback = std::function<Result<void>(const StoredExecutionResult&)>;
Result<void> each_execution_result(Database& db, Date business_date, std::string_view account_id,
                                   const StoredResultCallback& each);
Result<int64_t> count_execution_results(Database& db, Date business_date);

// Migration 0032's data step: the rows of the tables it replaces (execution,
// eod_execution_result, ledger_posting) become segments, and those tables go.
Result<void> pack_row_tables(Database& db);

}  // namespace cp::store
