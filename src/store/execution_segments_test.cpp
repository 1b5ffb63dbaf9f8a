// Executions, results and postings in column-packed segments, on both backends (migration 0032).
#include "store/execution_segments.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>

#include "store/execution_store.h"
#include "store/migrations.h"
#include "store/posting_segments.h"
#include "support/backend_test.h"

namespace cp::store {
namespace {

Decimal dec(std::string_view text) {
  return *Decimal::parse(text);
}

// Account "A<n>" with n zero-padded to 4 digits: sorts as its number does.
std::string account_name(size_t n) {
  std::string digits = std::to_string(n);
  return "A" + std::string(4 - digits.size(), '0') + digits;
}

class ExecutionSegmentsTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    ASSERT_TRUE(migrate(*db_, clock_).ok());
  }

  // `count` executions of one channel, spread over `accounts` accounts, ids in reverse of the
  // stored order so that the writer has to sort them.
  static std::vector<clearing::Execution> executions(size_t count, size_t accounts, Channel channel,
                                                     Date date) {
    std::vector<clearing::Execution> out;
    for (size_t i = 0; i < count; ++i) {
      clearing::Execution& e = out.emplace_back();
      e.trade_id = (channel == Channel::kShanghai ? "H" : "Z") + std::to_string(count - i);
      e.trade_date = date;
      e.channel = channel;
      e.account_id = account_name(i % accounts);
      e.security_code = i % 2 == 0 ? "00700" : "09988";
      e.side = i % 3 == 0 ? Side::kSell : Side::kBuy;
      e.quantity = 100 * static_cast<int64_t>(1 + i % 7);
      e.price_hkd = i % 2 == 0 ? dec("301.20") : dec("84.650");
    }
    return out;
  }

  FixedClock clock_{from_hkt(*Date::parse("2024-03-15"), *TimeOfDay::parse("18:30"))};
  Date date_ = *Date::parse("2024-03-15");
};

TEST_P(ExecutionSegmentsTest, ADaySpanningSegmentsComesBackInStoredOrder) {
  // One segment and a part of a second of Shanghai executions; 10 Shenzhen ones start their
  // channel's own.
  const size_t sh_rows = kSegmentRows + 4464;
  auto all = executions(sh_rows, 1000, Channel::kShanghai, date_);
  const auto sz = executions(10, 3, Channel::kShenzhen, date_);
  all.insert(all.end(), sz.begin(), sz.end());
  auto written = write_execution_segments(*db_, date_, all);
  ASSERT_TRUE(written.ok()) << written.error().to_string();
  EXPECT_EQ(*written, static_cast<int64_t>(sh_rows + 10));
  auto segments = db_->query(
      "SELECT channel, segment_no, row_count FROM execution_segment ORDER BY channel, segment_no");
  ASSERT_TRUE(segments.ok());
  ASSERT_EQ(segments->rows.size(), 3u);
  EXPECT_EQ(segments->rows[0].integer(2), static_cast<int64_t>(kSegmentRows));
  EXPECT_EQ(segments->rows[1].integer(2), 4464);
  EXPECT_EQ(segments->rows[2].text(0), "sz");
  // Numbered on from one channel to the next (the second and third segments are encoded on a
  // second thread while the first is stored: the same numbers and bytes).
  EXPECT_EQ(segments->rows[1].integer(1), 1);
  EXPECT_EQ(segments->rows[2].integer(1), 2);
  auto loaded_table = read_execution_segments(*db_, date_);
  ASSERT_TRUE(loaded_table.ok()) << loaded_table.error().to_string();
  // As records, to compare field by field.
  const std::optional<std::vector<clearing::Execution>> loaded = loaded_table->to_executions();
  ASSERT_EQ(loaded->size(), sh_rows + 10);
  EXPECT_TRUE(std::is_sorted(loaded->begin(), loaded->end(), stored_before));
  // The first is A0000's smallest trade id as text; every field of it survives, the price's
  // scale included.
  const clearing::Execution* first = nullptr;
  for (const auto& e : all) {
    if (e.account_id == "A0000" && (first == nullptr || e.trade_id < first->trade_id)) first = &e;
  }
  ASSERT_NE(first, nullptr);
  const auto& e = loaded->front();
  EXPECT_EQ(e.trade_id, first->trade_id);
  EXPECT_EQ(e.security_code, first->security_code);
  EXPECT_EQ(e.side, first->side);
  EXPECT_EQ(e.quantity, first->quantity);
  EXPECT_EQ(e.price_hkd.to_string(), first->price_hkd.to_string());
  EXPECT_EQ(loaded->back().channel, Channel::kShenzhen);
}

// A run's results in the linked layout: 20,000 Shanghai executions (two segments, numbers 0 and
// 1) and 500 Shenzhen ones (number 2: execution segments are numbered on across channels), each
// 400 shares at HK$60.00, buys and sells. Only the rounded figures are stored; the sums come back
// derived by the clearing's formulas (client_clearing.h). Worked: consideration 400 × 60.00 =
// 24,000.00; fee lines 24.00 + 1.36 + 0.65 + 0.04 + 2.00 + 0.00 = 28.05; commission 7.20.
//   buy:  CSDC 24,028.05, investor 24,035.25; at 0.9150 CSDC RMB 21,985.67 (21,985.66575) and
//         investor RMB 21,992.25 (21,992.25375): commission RMB 21,992.25 − 21,985.67 = 6.58
//   sell: CSDC 23,971.95, investor 23,964.75; at 0.9100 CSDC RMB 21,814.47 (21,814.4745) and
//         investor RMB 21,807.92 (21,807.9225): commission RMB 21,814.47 − 21,807.92 = 6.55
TEST_P(ExecutionSegmentsTest, LinkedResultsTakeTheirExecutionsFromTheDaysSegments) {
  auto all = executions(20000, 300, Channel::kShanghai, date_);
  const auto shenzhen = executions(500, 40, Channel::kShenzhen, date_);
  all.insert(all.end(), shenzhen.begin(), shenzhen.end());
  for (auto& e : all) {
    e.quantity = 400;
    e.price_hkd = dec("60.00");
  }
  ASSERT_TRUE(write_execution_segments(*db_, date_, all).ok());
  auto fetched = fetch_execution_segments(*db_, date_);
  ASSERT_TRUE(fetched.ok()) << fetched.error().to_string();
  ASSERT_EQ(fetched->links.size(), 3u);
  EXPECT_EQ(fetched->links[2].channel, Channel::kShenzhen);
  EXPECT_EQ(fetched->links[2].segment_no, 2);
  EXPECT_EQ(fetched->links[2].xxh3.size(), 16u);

  std::sort(all.begin(), all.end(), stored_before);
  ExecutionResultSegments segments(ExecutionResultSegments::Layout::kLinked);
  for (const auto& e : all) {
    const bool buy = e.side == Side::kBuy;
    StoredExecutionResult r;
    r.execution = e;
    r.fee_lines_hkd = {dec("24.00"), dec("1.36"), dec("0.65"),
                       dec("0.04"),  dec("2.00"), dec("0.00")};
    r.commission_hkd = dec("7.20");
    r.rate = dec(buy ? "0.9150" : "0.9100");
    r.csdc_rmb = dec(buy ? "21985.67" : "21814.47");
    r.investor_rmb = dec(buy ? "21992.25" : "21807.92");
    segments.add(r);  // the sums are left unset: the linked layout does not store them
  }
  segments.finish();
  // Results that do not line up with the day's segments are refused.
  auto refused = write_execution_results(*db_, date_, segments, {});
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("do not line up"), std::string::npos);
  auto written = write_execution_results(*db_, date_, segments, fetched->links);
  ASSERT_TRUE(written.ok()) << written.error().to_string();
  EXPECT_EQ(*written, 20500);

  int64_t buys = 0;
  int64_t sells = 0;
  auto read = each_execution_result(*db_, date_, "", [&](const StoredExecutionResult& r) {
    const bool buy = r.execution.side == Side::kBuy;
    (buy ? buys : sells) += 1;
    EXPECT_EQ(r.execution.price_hkd.to_string(), "60.00");
    EXPECT_EQ(r.consideration_hkd.to_string(), "24000.00");
    EXPECT_EQ(r.fees_hkd.to_string(), "28.05");
    EXPECT_EQ(r.investor_hkd.to_string(), buy ? "24035.25" : "23964.75");
    EXPECT_EQ(r.commission_rmb.to_string(), buy ? "6.58" : "6.55");
    EXPECT_EQ(r.fee_lines_hkd[1].to_string(), "1.36");
    return Result<void>(Ok{});
  });
  ASSERT_TRUE(read.ok()) << read.error().to_string();
  // Every third execution is a sale (executions()): 6,667 of 20,000 and 167 of 500.
  EXPECT_EQ(sells, 6667 + 167);
  EXPECT_EQ(buys, 20500 - sells);
  // One Shenzhen investor: its lines come from execution segment 2.
  int64_t lines = 0;
  ASSERT_TRUE(each_execution_result(*db_, date_, account_name(7),
                                    [&](const StoredExecutionResult& r) -> Result<void> {
                                      lines += r.execution.channel == Channel::kShenzhen ? 1 : 0;
                                      return Ok{};
                                    })
                  .ok());
  EXPECT_EQ(lines, 13);  // accounts take every 40th of 500 rows: 7, 47, …, 487

  // The day's executions imported again after the run: the results no longer line up, and the
  // reader says so instead of pairing figures with other trades.
  all.front().price_hkd = dec("60.05");
  ASSERT_TRUE(write_execution_segments(*db_, date_, all).ok());
  auto stale = each_execution_result(
      *db_, date_, "", [](const StoredExecutionResult&) { return Result<void>(Ok{}); });
  ASSERT_FALSE(stale.ok());
  EXPECT_NE(stale.error().message.find("changed after its EOD run (sh segment 0): run `eod run "
                                       "--date 2024-03-15` again"),
            std::string::npos)
      << stale.error().message;
}

// A linked segment whose figure is damaged so that a derived sum overflows (a fee line of
// 10^37 dollars, added to a consideration at 2 decimals, needs 10^39 units): the read is a
// storage error, never an exception.
TEST_P(ExecutionSegmentsTest, ALinkedFigureThatOverflowsItsSumIsADamagedSegment) {
  auto all = executions(3, 3, Channel::kShanghai, date_);
  for (auto& e : all) e.price_hkd = dec("60.00");
  ASSERT_TRUE(write_execution_segments(*db_, date_, all).ok());
  auto fetched = fetch_execution_segments(*db_, date_);
  ASSERT_TRUE(fetched.ok());
  std::sort(all.begin(), all.end(), stored_before);
  ExecutionResultSegments segments(ExecutionResultSegments::Layout::kLinked);
  for (const auto& e : all) {
    StoredExecutionResult r;
    r.execution = e;
    r.fee_lines_hkd[0] = dec("10000000000000000000000000000000000000");
    segments.add(r);
  }
  segments.finish();
  ASSERT_TRUE(write_execution_results(*db_, date_, segments, fetched->links).ok());
  auto read = each_execution_result(
      *db_, date_, "", [](const StoredExecutionResult&) { return Result<void>(Ok{}); });
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().code, ErrorCode::kStorage);
  EXPECT_NE(read.error().message.find("damaged: amounts"), std::string::npos);
}

TEST_P(ExecutionSegmentsTest, OneInvestorsLinesAreReadFromTheSegmentsThatCanHoldThem) {
  // 300 accounts of 70 rows each: 21,000 rows, a full segment and part of a second.
  auto all = executions(21000, 300, Channel::kShanghai, date_);
  std::sort(all.begin(), all.end(), stored_before);
  ExecutionResultSegments segments;
  for (const auto& e : all) {
    StoredExecutionResult r;
    r.execution = e;
    r.consideration_hkd = e.price_hkd * Decimal::from_int(e.quantity);
    r.fees_hkd = dec("1.50");
    r.csdc_rmb = dec("0.92");
    for (auto& line : r.fee_lines_hkd) line = dec("0.25");
    segments.add(r);
  }
  segments.finish();
  auto written = write_execution_results(*db_, date_, segments);
  ASSERT_TRUE(written.ok());
  EXPECT_EQ(*written, 21000);
  auto count = count_execution_results(*db_, date_);
  ASSERT_TRUE(count.ok());
  EXPECT_EQ(*count, 21000);
  // Each account has 70 rows, so the first segment's last row falls in account
  // (kSegmentRows − 1) / 70, whose rows straddle the two segments (16,383 / 70 = 234 rem 3).
  auto boundary =
      db_->query("SELECT last_account FROM execution_result_segment WHERE segment_no = 0");
  ASSERT_TRUE(boundary.ok());
  const std::string straddling = boundary->rows.at(0).text(0);
  EXPECT_EQ(straddling, account_name((kSegmentRows - 1) / 70));
  for (const std::string& account : {std::string("A0000"), straddling, std::string("A0299")}) {
    int64_t lines = 0;
    auto read = each_execution_result(*db_, date_, account,
                                      [&](const StoredExecutionResult& r) -> Result<void> {
                                        EXPECT_EQ(r.execution.account_id, account);
                                        EXPECT_EQ(r.fee_lines_hkd[5].to_string(), "0.25");
                                        ++lines;
                                        return Ok{};
                                      });
    ASSERT_TRUE(read.ok()) << read.error().to_string();
    EXPECT_EQ(lines, 70) << account;
  }
  int64_t none = 0;
  ASSERT_TRUE(each_execution_result(*db_, date_, "A9999", [&](const auto&) -> Result<void> {
                ++none;
                return Ok{};
              }).ok());
  EXPECT_EQ(none, 0);
}

// One investor's executions from the segments that can hold it: 21,000 Shanghai rows over 300
// accounts (70 each; account 234 straddles the first two segments, 16,383 / 70 = 234 rem 3) and
// 10 Shenzhen rows over 3 accounts (A0000 has 4 of them: rows 0, 3, 6, 9).
TEST_P(ExecutionSegmentsTest, OneInvestorsExecutionsAreReadFromTheSegmentsThatCanHoldThem) {
  auto all = executions(21000, 300, Channel::kShanghai, date_);
  const auto sz = executions(10, 3, Channel::kShenzhen, date_);
  all.insert(all.end(), sz.begin(), sz.end());
  ASSERT_TRUE(write_execution_segments(*db_, date_, all).ok());
  const std::pair<std::string, size_t> wanted[] = {
      {"A0000", 74}, {account_name(234), 70}, {"A0299", 70}, {"A9999", 0}};
  for (const auto& [account, rows] : wanted) {
    auto got = account_executions(*db_, date_, account);
    ASSERT_TRUE(got.ok()) << got.error().to_string();
    EXPECT_TRUE(got->any_stored);
    ASSERT_EQ(got->executions.size(), rows) << account;
    for (const auto& e : got->executions) EXPECT_EQ(e.account_id, account);
    EXPECT_TRUE(std::is_sorted(got->executions.begin(), got->executions.end(), stored_before));
  }
  auto other_day = account_executions(*db_, date_.plus_days(1), "A0000");
  ASSERT_TRUE(other_day.ok());
  EXPECT_FALSE(other_day->any_stored);
  EXPECT_TRUE(other_day->executions.empty());
}

TEST_P(ExecutionSegmentsTest, TheJournalComesBackPostingByPostingNumberedWithinEachEntry) {
  PostingWriter writer(*db_, date_);
  const std::vector<ledger::Posting> postings = {
      {"TRADES:A0001:sh", "investor_unsettled:A0001", "CNY", dec("-100.00")},
      {"TRADES:A0001:sh", "csdc_settlement:sh:client", "CNY", dec("99.00")},
      {"TRADES:A0001:sh", "commission_income", "CNY", dec("1.00")},
      {"PF:A0001:sh", "investor_cash:A0001", "CNY", dec("-2.17")},
      {"PF:A0001:sh", "portfolio_fee_payable:sh:client", "CNY", dec("2.17")},
  };
  for (const auto& p : postings) ASSERT_TRUE(writer.add(p).ok());
  ASSERT_TRUE(writer.finish().ok());
  std::vector<std::pair<ledger::Posting, int64_t>> read;
  ASSERT_TRUE(each_posting(*db_, date_, [&](const ledger::Posting& p, int64_t seq) -> Result<void> {
                read.emplace_back(p, seq);
                return Ok{};
              }).ok());
  ASSERT_EQ(read.size(), postings.size());
  const std::vector<int64_t> seqs = {1, 2, 3, 1, 2};
  for (size_t i = 0; i < postings.size(); ++i) {
    EXPECT_EQ(read[i].first.entry, postings[i].entry);
    EXPECT_EQ(read[i].first.account, postings[i].account);
    EXPECT_EQ(read[i].first.amount.to_string(), postings[i].amount.to_string());
    EXPECT_EQ(read[i].second, seqs[i]);
  }
  ASSERT_TRUE(delete_postings(*db_, date_).ok());
  int64_t left = 0;
  ASSERT_TRUE(each_posting(*db_, date_, [&](const auto&, int64_t) -> Result<void> {
                ++left;
                return Ok{};
              }).ok());
  EXPECT_EQ(left, 0);
}

// A database made before migration 0032 keeps its executions, results and journal.
TEST_P(ExecutionSegmentsTest, RowsStoredBeforeTheSegmentsArePackedByTheMigration) {
  // A fresh scratch database brought to migration 31 only.
  auto scratch = testing::ScratchDatabase::create(GetParam());
  ASSERT_TRUE(scratch.ok());
  auto fresh = (*scratch)->open();
  ASSERT_TRUE(fresh.ok());
  store::Database& db = **fresh;
  std::vector<Migration> before(builtin_migrations().begin(), builtin_migrations().begin() + 31);
  ASSERT_EQ(before.back().version, 31);
  ASSERT_TRUE(migrate(db, clock_, before).ok());
  for (const char* sql : {
           "INSERT INTO account (account_id, account_type, money_kind, commission_rate, "
           "commission_min_hkd) VALUES ('INV001', 'individual', 'client', '0.0003', '5.00')",
           "INSERT INTO execution VALUES ('T2', '2024-03-15', 'sh', 'INV001', '00700', 'sell', "
           "500, '301.40')",
           "INSERT INTO execution VALUES ('T1', '2024-03-15', 'sh', 'INV001', '00700', 'buy', "
           "1000, '301.20')",
           "INSERT INTO eod_execution_result (business_date, trade_id, account_id, channel, side, "
           "reserve, consideration_hkd, stamp_duty, trading_fee, sfc_levy, afrc_levy, "
           "trading_tariff, settlement_fee, fees_hkd, commission_hkd, investor_hkd, rate, "
           "investor_rmb, csdc_rmb, commission_rmb) VALUES ('2024-03-15', 'T1', 'INV001', 'sh', "
           "'buy', 'client', '301200.00', '302', '17.17', '8.13', '0.45', '0.50', '12.05', "
           "'340.30', '90.36', '301630.66', '0.91405', '275706.49', '275623.90', '82.59')",
           "INSERT INTO ledger_posting VALUES ('2024-03-15', 'TRADES:INV001:sh', 2, "
           "'csdc_settlement:sh:client', 'CNY', '-275623.90')",
           "INSERT INTO ledger_posting VALUES ('2024-03-15', 'TRADES:INV001:sh', 1, "
           "'investor_unsettled:INV001', 'CNY', '275706.49')",
           // A second day's journal: each day becomes its own segments.
           "INSERT INTO ledger_posting VALUES ('2024-03-18', 'PF:INV001:sh', 1, "
           "'investor_cash:INV001', 'CNY', '-2.17')",
       }) {
    ASSERT_TRUE(db.execute(sql).ok()) << sql;
  }
  auto applied = migrate(db, clock_, builtin_migrations());
  ASSERT_TRUE(applied.ok()) << applied.error().to_string();
  auto loaded_table = load_executions(db, date_);
  ASSERT_TRUE(loaded_table.ok());
  // As records, to compare field by field.
  const std::optional<std::vector<clearing::Execution>> loaded = loaded_table->to_executions();
  ASSERT_EQ(loaded->size(), 2u);
  EXPECT_EQ((*loaded)[0].trade_id, "T1");
  EXPECT_EQ((*loaded)[1].price_hkd.to_string(), "301.40");
  std::vector<StoredExecutionResult> results;
  ASSERT_TRUE(each_execution_result(db, date_, "INV001",
                                    [&](const StoredExecutionResult& r) -> Result<void> {
                                      results.push_back(r);
                                      return Ok{};
                                    })
                  .ok());
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].execution.quantity, 1000);  // joined from the execution row
  EXPECT_EQ(results[0].fee_lines_hkd[0].to_string(), "302");
  EXPECT_EQ(results[0].csdc_rmb.to_string(), "275623.90");
  std::vector<std::string> accounts;
  ASSERT_TRUE(each_posting(db, date_, [&](const ledger::Posting& p, int64_t) -> Result<void> {
                accounts.push_back(p.account);
                return Ok{};
              }).ok());
  EXPECT_EQ(accounts,
            (std::vector<std::string>{"investor_unsettled:INV001", "csdc_settlement:sh:client"}));
  std::vector<std::string> monday;
  ASSERT_TRUE(each_posting(db, *Date::parse("2024-03-18"),
                           [&](const ledger::Posting& p, int64_t) -> Result<void> {
                             monday.push_back(p.entry + " " + p.amount.to_string());
                             return Ok{};
                           })
                  .ok());
  EXPECT_EQ(monday, (std::vector<std::string>{"PF:INV001:sh -2.17"}));
  EXPECT_FALSE(db.query("SELECT 1 FROM execution").ok());  // the row tables are gone
}

CP_INSTANTIATE_ON_BOTH_BACKENDS(ExecutionSegmentsTest);

// order_for_storage ranks the accounts by text, buckets the rows per channel and account, and
// sorts each bucket by trade id, each sort by a key of the text's first eight bytes and then the
// text where keys tie (every pair below that shares its first eight bytes, or 16, ties): ids that
// are prefixes of others (with a 0 byte too), long ids that share their first bytes and bytes above
// 0x7F must come out in stored_before order, and the rows given in an order of their own (here:
// Shenzhen first, each account's trades unsorted).
TEST(OrderForStorage, AgreesWithStoredBeforeWhereTheKeyTies) {
  const std::vector<std::string> accounts = {
      "A1",
      std::string("A1\0", 3),  // padded, "A1" has the same 16 bytes: the shorter comes first
      "A10",
      "A1\x7F",
      "A1\xC3\xA9",  // "A1é": UTF-8 bytes above 0x7F sort after ASCII
      "ACCOUNT-0123456789-B",
      "ACCOUNT-0123456789-A",  // the same first 16 bytes
      "ACCOUNT-01234567",
      "ACCOUNT-012345678",  // exactly 16, and a 17-byte extension
      "B"};
  std::vector<clearing::Execution> executions;
  int id = 0;
  for (Channel channel : {Channel::kShenzhen, Channel::kShanghai}) {
    for (const auto& account : accounts) {
      for (const std::string& trade :
           {std::string("T9"), std::string("T10"), std::string("T1"), std::string("T1\0", 3),
            std::string("TRADE-0123456789-B"), std::string("TRADE-0123456789-A"),
            std::string("TRADE-0123456"), std::string("TRADE-01234567")}) {
        clearing::Execution& e = executions.emplace_back();
        e.trade_id = trade + "-" + std::to_string(id++ % 2);
        e.channel = channel;
        e.account_id = account;
      }
    }
  }
  const clearing::ExecutionTable table(executions);
  std::vector<uint32_t> rows;
  for (size_t row = 0; row < table.size(); ++row) rows.push_back(static_cast<uint32_t>(row));
  order_for_storage(table, rows);
  std::vector<clearing::Execution> ordered;
  for (const uint32_t row : rows) ordered.push_back(table[row].to_execution());
  std::vector<clearing::Execution> expected = executions;
  std::sort(expected.begin(), expected.end(), stored_before);
  ASSERT_EQ(ordered.size(), expected.size());
  for (size_t i = 0; i < ordered.size(); ++i) {
    EXPECT_EQ(ordered[i].channel, expected[i].channel) << i;
    EXPECT_EQ(ordered[i].account_id, expected[i].account_id) << i;
    EXPECT_EQ(ordered[i].trade_id, expected[i].trade_id) << i;
  }
  // Spot checks against the rule itself, eight trades an account: Shanghai first; "A1" <
  // "A1\0" < "A10" < "A1\x7F" < "A1é"; within an account "T1\0-…" < "T1-…" < "T10-…" < "T9-…" <
  // "TRADE-0123456-…" < "TRADE-01234567-…" < "TRADE-0123456789-A-…" < "TRADE-0123456789-B-…".
  EXPECT_EQ(ordered.front().channel, Channel::kShanghai);
  EXPECT_EQ(ordered.front().account_id, "A1");
  EXPECT_EQ(ordered[8].account_id, std::string("A1\0", 3));
  EXPECT_EQ(ordered[16].account_id, "A10");
  EXPECT_EQ(ordered[24].account_id, "A1\x7F");
  EXPECT_EQ(ordered[32].account_id, "A1\xC3\xA9");
  EXPECT_EQ(ordered[40].account_id, "ACCOUNT-01234567");
  EXPECT_EQ(ordered[48].account_id, "ACCOUNT-012345678");
  EXPECT_EQ(ordered[56].account_id, "ACCOUNT-0123456789-A");
  EXPECT_EQ(ordered[0].trade_id.substr(0, 3), std::string("T1\0", 3));  // 0x00 before '-'
  EXPECT_EQ(ordered[1].trade_id.substr(0, 3), "T1-");
  EXPECT_EQ(ordered[2].trade_id.substr(0, 3), "T10");
  EXPECT_EQ(ordered[3].trade_id.substr(0, 2), "T9");
  EXPECT_EQ(ordered[4].trade_id.substr(0, 14), "TRADE-0123456-");
  EXPECT_EQ(ordered[5].trade_id.substr(0, 15), "TRADE-01234567-");
  EXPECT_EQ(ordered[6].trade_id.substr(0, 18), "TRADE-0123456789-A");
  EXPECT_EQ(ordered[7].trade_id.substr(0, 18), "TRADE-0123456789-B");
}

}  // namespace
}  // namespace cp::store
