#include "store/investor_segments.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "core/assert.h"
#include "store/column_codec.h"

namespace cp::store {
namespace {

constexpr const char* kObligationTable = "eod_investor_segment";
constexpr const char* kPreClearingTable = "eod_pre_clearing_segment";

// The columns of an eod_investor_segment payload.
enum ObligationColumn : size_t {
  kAccount,
  kChannel,  // 0 Shanghai, 1 Shenzhen
  kReserve,  // 0 client, 1 own
  kExecutions,
  kBuyRmb,
  kSellRmb,
  kNetRmb,
  kObligationColumns
};

// The columns of an eod_pre_clearing_segment payload: the account, the statement's date (days
// since 1970-01-01), twelve amounts in the order of PreClearingAmounts, the notify flag, then the
// other money settled since the statement and settling after T (STL-4; issue 17). Segments stored
// before those two were added have fifteen columns and are read with them zero.
enum PreClearingColumn : size_t {
  kPreAccount,
  kStatementDate,
  kFirstAmount,
  kNotify = kFirstAmount + 12,
  kOtherSettledSince,
  kOtherUnsettled,
  kPreClearingColumns
};
constexpr size_t kPreClearingColumnsBeforeOtherMoney = kOtherSettledSince;

Error damaged(const std::string& what) {
  return make_error(ErrorCode::kStorage, "an investor segment is damaged: " + what);
}

uint64_t channel_number(Channel channel) {
  return channel == Channel::kShanghai ? 0 : 1;
}
uint64_t reserve_number(MoneyKind reserve) {
  return reserve == MoneyKind::kClient ? 0 : 1;
}

// A pre-clearing row's amounts in column order, from its inputs and its result.
template <typename Row>
auto pre_clearing_amounts(Row& row) {
  auto& in = row.inputs;
  auto& out = row.result;
  return std::array{&in.cash_statement_rmb,        &out.settled_since_rmb,
                    &in.fees_collected_since_rmb,  &out.cash_rmb,
                    &out.unsettled_buys_rmb,       &out.unsettled_sells_rmb,
                    &in.portfolio_fee_rmb,         &out.todays_buys_rmb,
                    &in.frozen_at_reference_rmb,   &out.frozen_adjustment_rmb,
                    &out.available_southbound_rmb, &out.available_a_share_rmb};
}
static_assert(kNotify - kFirstAmount == 12);

// The segments of one table and business date, in account order, each inserted as it fills.
class AccountSegmentTable {
 public:
  AccountSegmentTable(Database& db, std::string table, Date business_date, size_t columns)
      : db_(db), table_(std::move(table)), day_(business_date.to_string()), writer_(columns) {}

  // The writer of the next row, of `account_id`; end_row() once its every column is given.
  SegmentWriter& begin_row(std::string_view account_id) {
    CP_ASSERT(rows_ == 0 || !(account_id < std::string_view(last_)),
              "investor rows out of account order");
    if (writer_.rows() == 0) first_.assign(account_id);
    last_.assign(account_id);
    return writer_;
  }
  Result<void> end_row() {
    writer_.end_row();
    ++rows_;
    if (writer_.rows() == kSegmentRows) return flush();
    return Ok{};
  }
  Result<int64_t> finish() {
    CP_RETURN_IF_ERROR(flush());
    return rows_;
  }

 private:
  Result<void> flush() {
    if (writer_.rows() == 0) return Ok{};
    const auto rows = static_cast<int64_t>(writer_.rows());
    CP_RETURN_IF_ERROR(db_.execute(
        "INSERT INTO " + table_ +
            " (business_date, segment_no, row_count, first_account, last_account, payload) "
            "VALUES (?, ?, ?, ?, ?, ?)",
        {day_, next_no_++, rows, first_, last_, bytes_value(writer_.finish())}));
    return Ok{};
  }
  Database& db_;
  std::string table_;
  std::string day_;
  SegmentWriter writer_;
  std::string first_;
  std::string last_;
  int64_t next_no_ = 0;
  int64_t rows_ = 0;
};

// Decodes, in order, the segments of `table` and `business_date` that can hold `account_id`
// (every one when it is empty), each of `fewest` to `most` columns. Accounts are compared byte
// by byte, as they were sorted.
Result<void> each_segment(Database& db, const std::string& table, Date business_date,
                          std::string_view account_id, size_t fewest, size_t most,
                          const std::function<Result<void>(SegmentReader&)>& each) {
  const std::string day = business_date.to_string();
  auto decode = [&](const Row& row) -> Result<void> {
    CP_ASSIGN_OR_RETURN(SegmentReader segment, SegmentReader::open(row.text(0), fewest, most));
    return each(segment);
  };
  if (account_id.empty()) {
    return db.query_each(
        "SELECT payload FROM " + table + " WHERE business_date = ? ORDER BY segment_no", {day},
        decode);
  }
  // The ranges first (small rows), then the one or two payloads that can hold the account: a
  // streamed query runs alone on PostgreSQL, so the numbers are collected before.
  std::vector<int64_t> wanted;
  CP_RETURN_IF_ERROR(db.query_each("SELECT segment_no, first_account, last_account FROM " + table +
                                       " WHERE business_date = ? ORDER BY segment_no",
                                   {day}, [&](const Row& row) -> Result<void> {
                                     if (row.text(1) <= account_id &&
                                         account_id <= std::string_view(row.text(2))) {
                                       wanted.push_back(row.integer(0));
                                     }
                                     return Ok{};
                                   }));
  for (const int64_t segment_no : wanted) {
    CP_RETURN_IF_ERROR(db.query_each(
        "SELECT payload FROM " + table + " WHERE business_date = ? AND segment_no = ?",
        {day, segment_no}, decode));
  }
  return Ok{};
}

Result<void> write_settlements(Database& db, Date business_date, const std::set<Channel>& channels,
                               const std::map<Channel, Date>& settles_on) {
  for (const Channel channel : channels) {
    const auto found = settles_on.find(channel);
    CP_ASSERT(found != settles_on.end(), "investors of a channel without its settlement date");
    const std::string date = found->second.to_string();
    CP_RETURN_IF_ERROR(db.execute(
        "INSERT INTO eod_investor_settlement (business_date, channel, planned_settlement_date, "
        "settlement_date) VALUES (?, ?, ?, ?)",
        {business_date.to_string(), std::string(channel_code(channel)), date, date}));
  }
  return Ok{};
}

// Encodes and stores `investors` (account, then channel order); returns the channels among them.
template <typename Investor>
Result<std::set<Channel>> store_obligations(Database& db, Date business_date,
                                            const std::vector<Investor>& investors) {
  AccountSegmentTable table(db, kObligationTable, business_date, kObligationColumns);
  std::set<Channel> channels;
  for (const Investor& investor : investors) {
    SegmentWriter& row = table.begin_row(investor.account_id);
    row.column(kAccount).put_text(investor.account_id);
    row.column(kChannel).put_uint(channel_number(investor.channel));
    row.column(kReserve).put_uint(reserve_number(investor.reserve));
    row.column(kExecutions).put_uint(static_cast<uint64_t>(investor.executions));
    row.column(kBuyRmb).put_decimal(investor.buy_rmb);
    row.column(kSellRmb).put_decimal(investor.sell_rmb);
    row.column(kNetRmb).put_decimal(investor.net_rmb);
    CP_RETURN_IF_ERROR(table.end_row());
    channels.insert(investor.channel);
  }
  CP_RETURN_IF_ERROR(table.finish());
  return channels;
}

Result<StoredInvestorObligation> decode_obligation(SegmentReader& segment) {
  StoredInvestorObligation out;
  CP_ASSIGN_OR_RETURN(const std::string_view account, segment.column(kAccount).get_text());
  out.account_id.assign(account);
  CP_ASSIGN_OR_RETURN(const uint64_t channel, segment.column(kChannel).get_uint());
  CP_ASSIGN_OR_RETURN(const uint64_t reserve, segment.column(kReserve).get_uint());
  CP_ASSIGN_OR_RETURN(const uint64_t executions, segment.column(kExecutions).get_uint());
  if (channel > 1) return damaged("channel");
  if (reserve > 1) return damaged("reserve");
  if (executions > static_cast<uint64_t>(INT64_MAX)) return damaged("executions");
  out.channel = channel == 0 ? Channel::kShanghai : Channel::kShenzhen;
  out.reserve = reserve == 0 ? MoneyKind::kClient : MoneyKind::kOwn;
  out.executions = static_cast<int64_t>(executions);
  CP_ASSIGN_OR_RETURN(out.buy_rmb, segment.column(kBuyRmb).get_decimal());
  CP_ASSIGN_OR_RETURN(out.sell_rmb, segment.column(kSellRmb).get_decimal());
  CP_ASSIGN_OR_RETURN(out.net_rmb, segment.column(kNetRmb).get_decimal());
  return out;
}

Result<int64_t> store_pre_clearing(Database& db, Date business_date,
                                   const std::vector<PreClearingRow>& rows) {
  AccountSegmentTable table(db, kPreClearingTable, business_date, kPreClearingColumns);
  for (const PreClearingRow& pre : rows) {
    SegmentWriter& row = table.begin_row(pre.account_id);
    row.column(kPreAccount).put_text(pre.account_id);
    row.column(kStatementDate).put_int(pre.inputs.cash_statement_date.days_since_epoch());
    const auto amounts = pre_clearing_amounts(pre);
    for (size_t i = 0; i < amounts.size(); ++i) {
      row.column(kFirstAmount + i).put_decimal(*amounts[i]);
    }
    row.column(kNotify).put_uint(pre.result.notify ? 1 : 0);
    row.column(kOtherSettledSince).put_decimal(pre.result.other_settled_since_rmb);
    row.column(kOtherUnsettled).put_decimal(pre.result.other_unsettled_rmb);
    CP_RETURN_IF_ERROR(table.end_row());
  }
  return table.finish();
}

// Days since 1970-01-01 of dates a run can meet (years 1970 to 2999): a larger number is damage.
constexpr int64_t kLastStoredDay = 376199;

Result<PreClearingRow> decode_pre_clearing(SegmentReader& segment, Date business_date) {
  PreClearingRow out;
  CP_ASSIGN_OR_RETURN(const std::string_view account, segment.column(kPreAccount).get_text());
  out.account_id.assign(account);
  CP_ASSIGN_OR_RETURN(const int64_t day, segment.column(kStatementDate).get_int());
  if (day < 0 || day > kLastStoredDay) return damaged("statement date");
  out.inputs.business_date = business_date;
  out.inputs.cash_statement_date = Date::from_days_since_epoch(day);
  const auto amounts = pre_clearing_amounts(out);
  for (size_t i = 0; i < amounts.size(); ++i) {
    CP_ASSIGN_OR_RETURN(*amounts[i], segment.column(kFirstAmount + i).get_decimal());
  }
  CP_ASSIGN_OR_RETURN(const uint64_t notify, segment.column(kNotify).get_uint());
  if (notify > 1) return damaged("notify");
  out.result.notify = notify == 1;
  if (segment.columns() > kOtherUnsettled) {
    CP_ASSIGN_OR_RETURN(out.result.other_settled_since_rmb,
                        segment.column(kOtherSettledSince).get_decimal());
    CP_ASSIGN_OR_RETURN(out.result.other_unsettled_rmb,
                        segment.column(kOtherUnsettled).get_decimal());
  } else {
    out.result.other_settled_since_rmb = Decimal::from_units(0, 2);
    out.result.other_unsettled_rmb = Decimal::from_units(0, 2);
  }
  return out;
}

}  // namespace

Result<int64_t> write_investor_obligations(
    Database& db, Date business_date, const std::vector<clearing::InvestorObligation>& investors,
    const std::map<Channel, Date>& settles_on) {
  CP_ASSIGN_OR_RETURN(const auto channels, store_obligations(db, business_date, investors));
  CP_RETURN_IF_ERROR(write_settlements(db, business_date, channels, settles_on));
  return static_cast<int64_t>(investors.size());
}

Result<int64_t> write_investor_obligations(Database& db, Date business_date,
                                           std::vector<StoredInvestorObligation> investors,
                                           const std::map<Channel, Date>& settles_on) {
  std::sort(investors.begin(), investors.end(), [](const auto& a, const auto& b) {
    return std::tie(a.account_id, a.channel) < std::tie(b.account_id, b.channel);
  });
  CP_ASSIGN_OR_RETURN(const auto channels, store_obligations(db, business_date, investors));
  CP_RETURN_IF_ERROR(write_settlements(db, business_date, channels, settles_on));
  return static_cast<int64_t>(investors.size());
}

Result<void> each_investor_obligation(Database& db, Date business_date, std::string_view account_id,
                                      const InvestorCallback& each) {
  return each_segment(db, kObligationTable, business_date, account_id, kObligationColumns,
                      kObligationColumns, [&](SegmentReader& segment) -> Result<void> {
                        for (size_t row = 0; row < segment.rows(); ++row) {
                          CP_ASSIGN_OR_RETURN(const auto investor, decode_obligation(segment));
                          if (!account_id.empty() && investor.account_id != account_id) continue;
                          CP_RETURN_IF_ERROR(each(investor));
                        }
                        return Ok{};
                      });
}

Result<int64_t> write_pre_clearing(Database& db, Date business_date,
                                   const std::vector<PreClearingRow>& rows) {
  return store_pre_clearing(db, business_date, rows);
}

Result<void> each_pre_clearing(Database& db, Date business_date, const PreClearingCallback& each) {
  return each_segment(db, kPreClearingTable, business_date, "", kPreClearingColumnsBeforeOtherMoney,
                      kPreClearingColumns, [&](SegmentReader& segment) -> Result<void> {
                        for (size_t row = 0; row < segment.rows(); ++row) {
                          CP_ASSIGN_OR_RETURN(const auto pre,
                                              decode_pre_clearing(segment, business_date));
                          CP_RETURN_IF_ERROR(each(pre));
                        }
                        return Ok{};
                      });
}

Result<void> delete_investor_results(Database& db, Date business_date) {
  for (const char* table :
       {kObligationTable, kPreClearingTable, static_cast<const char*>("eod_investor_settlement")}) {
    CP_RETURN_IF_ERROR(db.execute(std::string("DELETE FROM ") + table + " WHERE business_date = ?",
                                  {business_date.to_string()}));
  }
  return Ok{};
}

Result<void> pack_investor_tables(Database& db) {
  // Each date whole in memory before it is written: libpq runs no statement while a streamed
  // query is open. The run wrote valid codes and amounts (the tables' CHECKs hold).
  CP_ASSIGN_OR_RETURN(auto investor_dates,
                      first_column(db,
                                   "SELECT DISTINCT business_date FROM eod_investor_obligation "
                                   "ORDER BY 1"));
  for (const std::string& day : investor_dates) {
    CP_ASSIGN_OR_RETURN(const Date date, Date::parse(day));
    std::vector<StoredInvestorObligation> investors;
    CP_RETURN_IF_ERROR(db.query_each(
        "SELECT account_id, channel, reserve, executions, buy_rmb, sell_rmb, net_rmb FROM "
        "eod_investor_obligation WHERE business_date = ?",
        {day}, [&](const Row& row) -> Result<void> {
          StoredInvestorObligation& investor = investors.emplace_back();
          investor.account_id = row.text(0);
          CP_ASSIGN_OR_RETURN(investor.channel, parse_channel(row.text(1)));
          CP_ASSIGN_OR_RETURN(investor.reserve, parse_money_kind(row.text(2)));
          investor.executions = row.integer(3);
          investor.buy_rmb = row.decimal(4);
          investor.sell_rmb = row.decimal(5);
          investor.net_rmb = row.decimal(6);
          return Ok{};
        }));
    std::sort(investors.begin(), investors.end(), [](const auto& a, const auto& b) {
      return std::tie(a.account_id, a.channel) < std::tie(b.account_id, b.channel);
    });
    // The settlement dates moved to eod_investor_settlement with the migration's SQL.
    CP_RETURN_IF_ERROR(store_obligations(db, date, investors));
  }
  CP_ASSIGN_OR_RETURN(
      auto pre_clearing_dates,
      first_column(db, "SELECT DISTINCT business_date FROM eod_pre_clearing ORDER BY 1"));
  for (const std::string& day : pre_clearing_dates) {
    CP_ASSIGN_OR_RETURN(const Date date, Date::parse(day));
    std::vector<PreClearingRow> rows;
    CP_RETURN_IF_ERROR(db.query_each(
        "SELECT account_id, cash_statement_date, cash_statement_rmb, settled_since_rmb, "
        "fees_collected_since_rmb, cash_rmb, unsettled_buys_rmb, unsettled_sells_rmb, "
        "portfolio_fee_rmb, todays_buys_rmb, frozen_at_reference_rmb, frozen_adjustment_rmb, "
        "available_southbound_rmb, available_a_share_rmb, notify FROM eod_pre_clearing WHERE "
        "business_date = ?",
        {day}, [&](const Row& row) -> Result<void> {
          PreClearingRow& pre = rows.emplace_back();
          pre.account_id = row.text(0);
          pre.inputs.business_date = date;
          CP_ASSIGN_OR_RETURN(pre.inputs.cash_statement_date, Date::parse(row.text(1)));
          const auto amounts = pre_clearing_amounts(pre);
          for (size_t i = 0; i < amounts.size(); ++i) *amounts[i] = row.decimal(2 + i);
          pre.result.notify = row.integer(14) == 1;
          return Ok{};
        }));
    std::sort(rows.begin(), rows.end(),
              [](const auto& a, const auto& b) { return a.account_id < b.account_id; });
    CP_RETURN_IF_ERROR(store_pre_clearing(db, date, rows));
  }
  return db.execute_script("DROP TABLE eod_investor_obligation; DROP TABLE eod_pre_clearing");
}

}  // namespace cp::store
