// A run's investors and pre-clearing in column-packed segments, on both backends (migration 0034).
#include "store/investor_segments.h"

#include <gtest/gtest.h>

#include "store/column_codec.h"
#include "store/journal_store.h"
#include "store/migrations.h"
#include "support/backend_test.h"

namespace cp::store {
namespace {

Decimal dec(std::string_view text) {
  return *Decimal::parse(text);
}

Date day(std::string_view iso) {
  return *Date::parse(iso);
}

// Account "A<n>" with n zero-padded to 5 digits: sorts as its number does.
std::string account_name(size_t n) {
  std::string digits = std::to_string(n);
  return "A" + std::string(5 - digits.size(), '0') + digits;
}

class InvestorSegmentsTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    ASSERT_TRUE(migrate(*db_, clock_).ok());
  }

  std::vector<StoredInvestorObligation> stored_investors(std::string_view account) {
    std::vector<StoredInvestorObligation> out;
    auto read = each_investor_obligation(*db_, date_, account,
                                         [&](const StoredInvestorObligation& i) -> Result<void> {
                                           out.push_back(i);
                                           return Ok{};
                                         });
    EXPECT_TRUE(read.ok()) << read.error().to_string();
    return out;
  }

  FixedClock clock_{from_hkt(*Date::parse("2024-03-15"), *TimeOfDay::parse("18:30"))};
  Date date_ = day("2024-03-15");
  std::map<Channel, Date> settles_ = {{Channel::kShanghai, day("2024-03-19")},
                                      {Channel::kShenzhen, day("2024-03-19")}};
};

// One investor per account and channel: A00000 on Shanghai only, then both channels for each of
// A00001..A08199: 1 + 2 × 8,199 = 16,399 rows, 15 more than a segment holds (kSegmentRows,
// 16,384). Account n > 0 has rows 2n − 1 (Shanghai) and 2n (Shenzhen): A08192's are rows 16,383,
// the first segment's last, and 16,384, the second's first.
TEST_P(InvestorSegmentsTest, AnAccountAcrossTwoSegmentsIsFoundInBoth) {
  ASSERT_EQ(kSegmentRows, 16384u);
  std::vector<clearing::InvestorObligation> investors;
  for (size_t n = 0; n < 8200; ++n) {
    for (const Channel channel : {Channel::kShanghai, Channel::kShenzhen}) {
      if (n == 0 && channel == Channel::kShenzhen) continue;
      clearing::InvestorObligation& i = investors.emplace_back();
      i.account_id = account_name(n);
      i.channel = channel;
      i.reserve = n % 100 == 0 ? MoneyKind::kOwn : MoneyKind::kClient;
      i.executions = static_cast<int64_t>(1 + n % 5);
      // Buys of n yuan and 0.25 on Shanghai, sells of 100.10 on Shenzhen.
      i.buy_rmb = channel == Channel::kShanghai ? Decimal::from_units(100 * n + 25, 2)
                                                : Decimal::from_units(0, 2);
      i.sell_rmb = channel == Channel::kShanghai ? Decimal::from_units(0, 2) : dec("100.10");
      i.net_rmb = i.buy_rmb - i.sell_rmb;
    }
  }
  auto written = write_investor_obligations(*db_, date_, investors, settles_);
  ASSERT_TRUE(written.ok()) << written.error().to_string();
  EXPECT_EQ(*written, 16399);
  auto segments = db_->query(
      "SELECT segment_no, row_count, first_account, last_account FROM eod_investor_segment "
      "ORDER BY segment_no");
  ASSERT_TRUE(segments.ok());
  ASSERT_EQ(segments->rows.size(), 2u);
  EXPECT_EQ(segments->rows[0].integer(1), 16384);
  EXPECT_EQ(segments->rows[0].text(3), "A08192");
  EXPECT_EQ(segments->rows[1].text(2), "A08192");
  EXPECT_EQ(segments->rows[1].integer(1), 15);

  const auto split = stored_investors("A08192");
  ASSERT_EQ(split.size(), 2u);
  EXPECT_EQ(split[0].channel, Channel::kShanghai);
  EXPECT_EQ(split[0].net_rmb.to_string(), "8192.25");
  EXPECT_EQ(split[0].executions, 3);  // 1 + 8,192 mod 5
  EXPECT_EQ(split[1].channel, Channel::kShenzhen);
  EXPECT_EQ(split[1].net_rmb.to_string(), "-100.10");
  const auto own = stored_investors("A08100");
  ASSERT_EQ(own.size(), 2u);
  EXPECT_EQ(own[0].reserve, MoneyKind::kOwn);
  EXPECT_EQ(own[0].buy_rmb.to_string(), "8100.25");
  EXPECT_EQ(own[1].sell_rmb.to_string(), "100.10");
  EXPECT_TRUE(stored_investors("A99999").empty());
  EXPECT_EQ(stored_investors("").size(), 16399u);

  // The clearing date is one per channel, and a delay moves it for every investor of it.
  auto pending = pending_settlements(*db_, day("2024-03-18"), day("2024-03-15"));
  ASSERT_TRUE(pending.ok());
  ASSERT_EQ(pending->size(), 2u);
  ASSERT_TRUE(
      move_settlement(*db_, date_, Channel::kShenzhen, day("2024-03-20"), day("2024-03-20")).ok());
  auto moved = db_->query(
      "SELECT channel, planned_settlement_date, settlement_date FROM eod_investor_settlement "
      "ORDER BY channel");
  ASSERT_TRUE(moved.ok());
  ASSERT_EQ(moved->rows.size(), 2u);
  EXPECT_EQ(moved->rows[0].text(2), "2024-03-19");
  EXPECT_EQ(moved->rows[1].text(1), "2024-03-19");
  EXPECT_EQ(moved->rows[1].text(2), "2024-03-20");
  auto delayed = investors_of(*db_, date_, Channel::kShenzhen);
  ASSERT_TRUE(delayed.ok());
  ASSERT_EQ(delayed->size(), 8199u);
  EXPECT_EQ(delayed->back().account_id, "A08199");
  EXPECT_EQ(delayed->back().net_rmb.to_string(), "-100.10");

  ASSERT_TRUE(delete_investor_results(*db_, date_).ok());
  EXPECT_TRUE(stored_investors("").empty());
  auto left = db_->query("SELECT COUNT(*) FROM eod_investor_settlement");
  ASSERT_TRUE(left.ok());
  EXPECT_EQ(left->rows[0].integer(0), 0);
}

// Trade money of earlier dates still settling, per account: both channels of a trade date in
// one day, with the channels' settlement date; a channel already settled is left out.
TEST_P(InvestorSegmentsTest, UnsettledTradeMoneyComesFromTheSegmentsOfEachTradeDate) {
  const Date thursday = day("2024-03-14");
  std::vector<StoredInvestorObligation> investors = {
      {"INV002", Channel::kShenzhen, MoneyKind::kClient, 1, dec("0.00"), dec("500.00"),
       dec("-500.00")},
      {"INV001", Channel::kShenzhen, MoneyKind::kClient, 1, dec("10.00"), dec("0.00"),
       dec("10.00")},
      {"INV001", Channel::kShanghai, MoneyKind::kClient, 2, dec("1000.00"), dec("250.50"),
       dec("749.50")},
  };
  ASSERT_TRUE(write_investor_obligations(*db_, thursday, investors,
                                         {{Channel::kShanghai, day("2024-03-18")},
                                          {Channel::kShenzhen, day("2024-03-18")}})
                  .ok());
  ASSERT_TRUE(write_investor_obligations(*db_, date_, {investors[2]},
                                         {{Channel::kShanghai, day("2024-03-19")}})
                  .ok());
  // Runs before 2024-03-19, settling after 2024-03-15: Thursday's and Friday's.
  auto money = stored_trade_money(*db_, day("2024-03-19"), date_);
  ASSERT_TRUE(money.ok()) << money.error().to_string();
  ASSERT_EQ(money->size(), 2u);
  const auto& first = money->at("INV001");
  ASSERT_EQ(first.size(), 2u);
  EXPECT_EQ(first[0].trade_date, thursday);
  EXPECT_EQ(first[0].settlement_date, day("2024-03-18"));
  EXPECT_EQ(first[0].buys_rmb.to_string(), "1010.00");  // 1,000.00 on sh + 10.00 on sz
  EXPECT_EQ(first[0].sells_rmb.to_string(), "250.50");
  EXPECT_EQ(first[1].trade_date, date_);
  EXPECT_EQ(money->at("INV002")[0].sells_rmb.to_string(), "500.00");
  // Settling after 2024-03-18: Friday's only.
  auto later = stored_trade_money(*db_, day("2024-03-19"), day("2024-03-18"));
  ASSERT_TRUE(later.ok());
  ASSERT_EQ(later->size(), 1u);
  EXPECT_EQ(later->at("INV001").at(0).trade_date, date_);
}

TEST_P(InvestorSegmentsTest, PreClearingRowsComeBackAsWritten) {
  std::vector<PreClearingRow> rows(2);
  rows[0].account_id = "INV001";
  rows[1].account_id = "INV002";
  for (PreClearingRow& row : rows) {
    auto& in = row.inputs;
    auto& out = row.result;
    in.cash_statement_date = day("2024-03-14");
    in.cash_statement_rmb = dec("1000000.00");
    in.fees_collected_since_rmb = dec("0.00");
    in.portfolio_fee_rmb = dec("2.17");
    in.frozen_at_reference_rmb = dec("276000.00");
    out.settled_since_rmb = dec("0.00");
    out.cash_rmb = dec("1000000.00");
    out.unsettled_buys_rmb = dec("275706.49");
    out.unsettled_sells_rmb = dec("0.00");
    out.todays_buys_rmb = dec("275706.49");
    out.frozen_adjustment_rmb = dec("-293.51");  // 275,706.49 − 276,000.00
    out.available_southbound_rmb = dec("724291.34");
    out.available_a_share_rmb = dec("724291.34");
  }
  rows[1].inputs.cash_statement_date = day("2023-12-29");
  rows[1].result.available_southbound_rmb = dec("-1.00");
  rows[1].result.notify = true;
  rows[1].result.other_settled_since_rmb = dec("1244.67");
  rows[1].result.other_unsettled_rmb = dec("-15.00");
  auto written = write_pre_clearing(*db_, date_, rows);
  ASSERT_TRUE(written.ok()) << written.error().to_string();
  std::vector<PreClearingRow> read;
  ASSERT_TRUE(each_pre_clearing(*db_, date_, [&](const PreClearingRow& row) -> Result<void> {
                read.push_back(row);
                return Ok{};
              }).ok());
  ASSERT_EQ(read.size(), 2u);
  EXPECT_EQ(read[0].account_id, "INV001");
  EXPECT_EQ(read[0].inputs.business_date, date_);
  EXPECT_EQ(read[0].inputs.cash_statement_date, day("2024-03-14"));
  EXPECT_EQ(read[0].inputs.portfolio_fee_rmb.to_string(), "2.17");
  EXPECT_EQ(read[0].inputs.frozen_at_reference_rmb.to_string(), "276000.00");
  EXPECT_EQ(read[0].result.frozen_adjustment_rmb.to_string(), "-293.51");
  EXPECT_EQ(read[0].result.unsettled_buys_rmb.to_string(), "275706.49");
  EXPECT_EQ(read[0].result.available_a_share_rmb.to_string(), "724291.34");
  EXPECT_FALSE(read[0].result.notify);
  EXPECT_EQ(read[1].inputs.cash_statement_date, day("2023-12-29"));
  EXPECT_EQ(read[1].result.available_southbound_rmb.to_string(), "-1.00");
  EXPECT_TRUE(read[1].result.notify);
  EXPECT_EQ(read[1].result.other_settled_since_rmb.to_string(), "1244.67");
  EXPECT_EQ(read[1].result.other_unsettled_rmb.to_string(), "-15.00");
}

// A run stored before the other money's two columns (fifteen columns) reads with them zero.
TEST_P(InvestorSegmentsTest, PreClearingStoredBeforeTheOtherMoneyReadsItAsZero) {
  SegmentWriter writer(15);
  writer.column(0).put_text("INV001");
  writer.column(1).put_int(day("2024-03-14").days_since_epoch());
  for (size_t column = 2; column < 14; ++column) writer.column(column).put_decimal(dec("7.00"));
  writer.column(14).put_uint(0);
  writer.end_row();
  ASSERT_TRUE(db_->execute("INSERT INTO eod_pre_clearing_segment (business_date, segment_no, "
                           "row_count, first_account, last_account, payload) VALUES (?, 0, 1, "
                           "'INV001', 'INV001', ?)",
                           {date_.to_string(), bytes_value(writer.finish())})
                  .ok());
  std::vector<PreClearingRow> read;
  auto each = each_pre_clearing(*db_, date_, [&](const PreClearingRow& row) -> Result<void> {
    read.push_back(row);
    return Ok{};
  });
  ASSERT_TRUE(each.ok()) << each.error().to_string();
  ASSERT_EQ(read.size(), 1u);
  EXPECT_EQ(read[0].result.available_southbound_rmb.to_string(), "7.00");
  EXPECT_EQ(read[0].result.other_settled_since_rmb.to_string(), "0.00");
  EXPECT_EQ(read[0].result.other_unsettled_rmb.to_string(), "0.00");
}

// A damaged payload is an error naming what is wrong, not a crash or a wrong value.
TEST_P(InvestorSegmentsTest, ADamagedSegmentIsRefused) {
  SegmentWriter writer(7);
  writer.column(0).put_text("INV001");
  writer.column(1).put_uint(2);  // no third channel
  for (size_t column = 2; column < 4; ++column) writer.column(column).put_uint(0);
  for (size_t column = 4; column < 7; ++column) writer.column(column).put_decimal(dec("1.00"));
  writer.end_row();
  ASSERT_TRUE(db_->execute("INSERT INTO eod_investor_segment (business_date, segment_no, "
                           "row_count, first_account, last_account, payload) VALUES (?, 0, 1, "
                           "'INV001', 'INV001', ?)",
                           {date_.to_string(), bytes_value(writer.finish())})
                  .ok());
  auto read = each_investor_obligation(*db_, date_, "",
                                       [](const StoredInvestorObligation&) -> Result<void> {
                                         ADD_FAILURE() << "a damaged row was passed on";
                                         return Ok{};
                                       });
  ASSERT_FALSE(read.ok());
  EXPECT_NE(read.error().message.find("an investor segment is damaged: channel"), std::string::npos)
      << read.error().message;
  // A payload cut short.
  ASSERT_TRUE(db_->execute("UPDATE eod_investor_segment SET payload = ?",
                           {bytes_value(std::string("CPS2\x01\x07", 6))})
                  .ok());
  auto cut = each_investor_obligation(
      *db_, date_, "INV001", [](const StoredInvestorObligation&) -> Result<void> { return Ok{}; });
  EXPECT_FALSE(cut.ok());
}

// A database made before migration 0034 keeps its investors, their clearing dates and its
// pre-clearing.
TEST_P(InvestorSegmentsTest, RowsStoredBeforeTheSegmentsArePackedByTheMigration) {
  auto scratch = testing::ScratchDatabase::create(GetParam());
  ASSERT_TRUE(scratch.ok());
  auto fresh = (*scratch)->open();
  ASSERT_TRUE(fresh.ok());
  store::Database& db = **fresh;
  std::vector<Migration> before(builtin_migrations().begin(), builtin_migrations().begin() + 33);
  ASSERT_EQ(before.back().version, 33);
  ASSERT_TRUE(migrate(db, clock_, before).ok());
  for (const char* sql : {
           "INSERT INTO eod_investor_obligation VALUES ('2024-03-15', 'INV002', 'sh', 'client', "
           "1, '0.00', '3439.62', '-3439.62', '2024-03-20', '2024-03-19')",
           "INSERT INTO eod_investor_obligation VALUES ('2024-03-15', 'INV001', 'sz', 'own', 2, "
           "'24973.62', '0.00', '24973.62', '2024-03-19', '2024-03-19')",
           "INSERT INTO eod_investor_obligation VALUES ('2024-03-15', 'INV001', 'sh', 'client', "
           "1, '108784.19', '0.00', '108784.19', '2024-03-20', '2024-03-19')",
           "INSERT INTO eod_pre_clearing VALUES ('2024-03-15', 'INV002', '2024-03-14', "
           "'1000000.00', '0.00', '0.00', '1000000.00', '0.00', '3439.62', '0.00', '0.00', "
           "'0.00', '0.00', '1000000.00', '996560.38', 0)",
           "INSERT INTO eod_pre_clearing VALUES ('2024-03-15', 'INV001', '2024-03-14', '100.00', "
           "'0.00', '0.00', '100.00', '108784.19', '0.00', '2.17', '108784.19', '108000.00', "
           "'784.19', '-108686.36', '-108684.19', 1)",
       }) {
    ASSERT_TRUE(db.execute(sql).ok()) << sql;
  }
  auto applied = migrate(db, clock_, builtin_migrations());
  ASSERT_TRUE(applied.ok()) << applied.error().to_string();
  std::vector<std::string> investors;
  ASSERT_TRUE(each_investor_obligation(
                  db, date_, "",
                  [&](const StoredInvestorObligation& i) -> Result<void> {
                    investors.push_back(i.account_id + ":" + std::string(channel_code(i.channel)) +
                                        ":" + money_kind_text(i.reserve) + ":" +
                                        std::to_string(i.executions) + ":" + i.net_rmb.to_string());
                    return Ok{};
                  })
                  .ok());
  EXPECT_EQ(investors,
            (std::vector<std::string>{"INV001:sh:client:1:108784.19", "INV001:sz:own:2:24973.62",
                                      "INV002:sh:client:1:-3439.62"}));
  // Shanghai's trade date was delayed to 2024-03-20 (planned 2024-03-19); Shenzhen's was not.
  auto dates = db.query(
      "SELECT channel, planned_settlement_date, settlement_date FROM eod_investor_settlement "
      "ORDER BY channel");
  ASSERT_TRUE(dates.ok());
  ASSERT_EQ(dates->rows.size(), 2u);
  EXPECT_EQ(dates->rows[0].text(1) + " " + dates->rows[0].text(2), "2024-03-19 2024-03-20");
  EXPECT_EQ(dates->rows[1].text(1) + " " + dates->rows[1].text(2), "2024-03-19 2024-03-19");
  std::vector<PreClearingRow> rows;
  ASSERT_TRUE(each_pre_clearing(db, date_, [&](const PreClearingRow& row) -> Result<void> {
                rows.push_back(row);
                return Ok{};
              }).ok());
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].account_id, "INV001");
  EXPECT_EQ(rows[0].inputs.portfolio_fee_rmb.to_string(), "2.17");
  EXPECT_EQ(rows[0].result.available_southbound_rmb.to_string(), "-108686.36");
  EXPECT_TRUE(rows[0].result.notify);
  EXPECT_EQ(rows[1].result.unsettled_sells_rmb.to_string(), "3439.62");
  EXPECT_FALSE(rows[1].result.notify);
  EXPECT_FALSE(db.query("SELECT 1 FROM eod_investor_obligation").ok());  // the row tables go
  EXPECT_FALSE(db.query("SELECT 1 FROM eod_pre_clearing").ok());
}

CP_INSTANTIATE_ON_BOTH_BACKENDS(InvestorSegmentsTest);

}  // namespace
}  // namespace cp::store
