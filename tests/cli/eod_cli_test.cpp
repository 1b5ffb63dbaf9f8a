// The EOD run end to end on tests/golden/eod/basic, on SQLite and PostgreSQL: imports, the run,
// its numbers against the hand-worked expected.json, a rerun, the ledger check and its failure on
// a broken posting, and the refusals.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "store/execution_segments.h"
#include "store/execution_store.h"
#include "store/investor_segments.h"
#include "store/posting_segments.h"
#include "support/backend_test.h"
#include "support/rate_method_data.h"

namespace cp {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;
using Json = nlohmann::json;

// The stored per-execution results of `date` as rows, by trade id: trade_id, consideration_hkd,
// fees_hkd, commission_hkd, investor_hkd, investor_rmb, csdc_rmb, commission_rmb, stamp_duty.
Result<store::QueryResult> execution_result_rows(store::Database& db, const std::string& date) {
  CP_ASSIGN_OR_RETURN(const Date day, Date::parse(date));
  store::QueryResult out;
  CP_RETURN_IF_ERROR(store::each_execution_result(
      db, day, "", [&](const store::StoredExecutionResult& r) -> Result<void> {
        out.rows.emplace_back(std::vector<std::optional<std::string>>{
            r.execution.trade_id, r.consideration_hkd.to_string(), r.fees_hkd.to_string(),
            r.commission_hkd.to_string(), r.investor_hkd.to_string(), r.investor_rmb.to_string(),
            r.csdc_rmb.to_string(), r.commission_rmb.to_string(), r.fee_lines_hkd[0].to_string()});
        return Ok{};
      }));
  std::sort(out.rows.begin(), out.rows.end(),
            [](const store::Row& a, const store::Row& b) { return a.text(0) < b.text(0); });
  return out;
}

// The stored investors of `date` (only `account`'s when not empty) as rows by account and
// channel: "account:channel", net_rmb, settlement_date, planned_settlement_date.
Result<store::QueryResult> investor_rows(store::Database& db, const std::string& date,
                                         const std::string& account = "") {
  CP_ASSIGN_OR_RETURN(const Date day, Date::parse(date));
  std::map<std::string, std::pair<std::string, std::string>> settles;  // channel → dates
  CP_ASSIGN_OR_RETURN(auto channels,
                      db.query("SELECT channel, settlement_date, planned_settlement_date FROM "
                               "eod_investor_settlement WHERE business_date = ?",
                               {date}));
  for (const auto& row : channels.rows) settles[row.text(0)] = {row.text(1), row.text(2)};
  store::QueryResult out;
  CP_RETURN_IF_ERROR(store::each_investor_obligation(
      db, day, account, [&](const store::StoredInvestorObligation& i) -> Result<void> {
        const std::string channel(channel_code(i.channel));
        out.rows.emplace_back(std::vector<std::optional<std::string>>{
            i.account_id + ":" + channel, i.net_rmb.to_string(), settles[channel].first,
            settles[channel].second});
        return Ok{};
      }));
  return out;
}

// The stored pre-clearing of `date` as rows by account: account, then the amounts of the
// golden case's "pre_clearing" section in its order, then notify as 1 or 0.
Result<store::QueryResult> pre_clearing_rows(store::Database& db, const std::string& date) {
  CP_ASSIGN_OR_RETURN(const Date day, Date::parse(date));
  store::QueryResult out;
  CP_RETURN_IF_ERROR(
      store::each_pre_clearing(db, day, [&](const store::PreClearingRow& row) -> Result<void> {
        const auto& in = row.inputs;
        const auto& r = row.result;
        out.rows.emplace_back(std::vector<std::optional<std::string>>{
            row.account_id, in.cash_statement_rmb.to_string(), r.settled_since_rmb.to_string(),
            in.fees_collected_since_rmb.to_string(), r.other_settled_since_rmb.to_string(),
            r.cash_rmb.to_string(), r.unsettled_buys_rmb.to_string(),
            r.unsettled_sells_rmb.to_string(), in.portfolio_fee_rmb.to_string(),
            r.other_unsettled_rmb.to_string(), in.frozen_at_reference_rmb.to_string(),
            r.frozen_adjustment_rmb.to_string(), r.available_southbound_rmb.to_string(),
            r.available_a_share_rmb.to_string(), std::string(r.notify ? "1" : "0")});
        return Ok{};
      }));
  return out;
}

// The journal of `date` as stored: each posting and its number within its entry.
std::vector<std::pair<ledger::Posting, int64_t>> postings_of(store::Database& db,
                                                             const std::string& date) {
  std::vector<std::pair<ledger::Posting, int64_t>> out;
  auto read = store::each_posting(db, *Date::parse(date),
                                  [&](const ledger::Posting& p, int64_t seq) -> Result<void> {
                                    out.emplace_back(p, seq);
                                    return Ok{};
                                  });
  EXPECT_TRUE(read.ok()) << read.error().to_string();
  return out;
}

struct EodRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

class EodCliTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    dir_ = fs::temp_directory_path() / ("cp_eod_" + std::to_string(::getpid()) + "_" +
                                        std::to_string(static_cast<int>(GetParam())));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  static std::string slurp(const fs::path& path) {
    std::ifstream in(path);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
  }

  EodRun run(const std::string& args,
             const std::string& data_dir = testing::rate_method_data_dir()) {
    const std::string command = "cd '" + dir_.string() + "' && '" + CONNECTPOST_TEST_BIN +
                                "' --log-level warn --db '" + scratch_->url() + "' --data-dir '" +
                                data_dir + "' " + args + " >out.txt 2>err.txt";
    const int status = std::system(command.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(dir_ / "out.txt"),
            slurp(dir_ / "err.txt")};
  }

  static std::string golden(const std::string& file) {
    return std::string(CONNECTPOST_SOURCE_DIR) + "/tests/golden/eod/basic/" + file;
  }

  void import_all() {
    for (const char* kind : {"accounts", "executions", "fx", "prices", "positions", "reserves",
                             "cash", "reserve-checks"}) {
      std::string file = std::string(kind) + ".csv";
      if (file == "reserve-checks.csv") file = "reserve_checks.csv";
      EodRun imported = run(std::string("import ") + kind + " '" + golden(file) + "'");
      ASSERT_EQ(imported.exit_code, 0) << imported.err;
    }
  }

  // Writes `text` to a scratch file and imports it as `kind`, which must succeed.
  void import_file(const std::string& kind, const std::string& text) {
    const fs::path file = dir_ / (kind + ".csv");
    std::ofstream(file) << text;
    EodRun imported = run("import " + kind + " '" + file.string() + "'");
    ASSERT_EQ(imported.exit_code, 0) << kind << ": " << imported.err;
  }

  // Monday 2024-03-18's closes and rates: Friday's, copied.
  static constexpr const char* kMondayCloses =
      "price_date,security,close_hkd\n2024-03-18,00700,300.00\n2024-03-18,00941,65.10\n"
      "2024-03-18,00763,15.50\n2024-03-18,00005,65.20\n2024-03-18,02318,40.00\n";
  static constexpr const char* kMondayRates =
      "rate_date,channel,reference_buy,reference_sell,settlement_buy,settlement_sell\n"
      "2024-03-18,sh,0.8857,0.9405,0.91768,0.91712\n"
      "2024-03-18,sz,0.8857,0.9405,0.91771,0.91709\n";

  fs::path dir_;
};

TEST_P(EodCliTest, BasicCaseMatchesTheHandWorkedNumbers) {
  import_all();
  EodRun eod = run("eod run --date 2024-03-15 --json");
  ASSERT_EQ(eod.exit_code, 0) << eod.err;
  const Json out = Json::parse(eod.out);
  const Json expected = Json::parse(slurp(golden("expected.json")))["days"]["2024-03-15"];
  EXPECT_EQ(out["executions"], 7);
  EXPECT_EQ(out["investors"], 5);
  ASSERT_EQ(out["csdc"].size(), expected["csdc"].size());
  for (const auto& c : out["csdc"]) {
    const std::string key = c["channel"].get<std::string>() + ":" + c["reserve"].get<std::string>();
    SCOPED_TRACE(key);
    const Json& want = expected["csdc"][key];
    EXPECT_EQ(c["net_rmb"], want["net_rmb"]);
    EXPECT_EQ(c["commission_rmb"], want["commission_rmb"]);
    EXPECT_EQ(c["flow"], want["flow"]);
    EXPECT_EQ(c["date"], want["date"]);
    EXPECT_EQ(c["cutoff_hkt"], want["cutoff_hkt"]);
  }
  // Per execution and per investor, from the database.
  auto executions = execution_result_rows(*db_, "2024-03-15");
  ASSERT_TRUE(executions.ok()) << executions.error().to_string();
  ASSERT_EQ(executions->rows.size(), 7u);
  for (const auto& row : executions->rows) {
    const Json& want = expected["executions"][row.text(0)];
    SCOPED_TRACE(row.text(0));
    EXPECT_EQ(row.decimal(1).to_string(), want["consideration_hkd"]);
    EXPECT_EQ(row.decimal(2).to_string(), want["fees_hkd"]);
    EXPECT_EQ(row.decimal(3).to_string(), want["commission_hkd"]);
    EXPECT_EQ(row.decimal(4).to_string(), want["investor_hkd"]);
    EXPECT_EQ(row.decimal(5).to_string(), want["investor_rmb"]);
    EXPECT_EQ(row.decimal(6).to_string(), want["csdc_rmb"]);
    EXPECT_EQ(row.decimal(7).to_string(), want["commission_rmb"]);
    EXPECT_EQ(row.decimal(8).to_string(), want["stamp_duty"]);
  }
  // Risk funds (CLR-9) and the transfer instruction (CLR-11), in the output and the database.
  ASSERT_EQ(out["reserves"].size(), expected["risk_funds"].size());
  for (const auto& r : out["reserves"]) {
    const std::string key = r["channel"].get<std::string>() + ":" + r["reserve"].get<std::string>();
    SCOPED_TRACE(key);
    EXPECT_EQ(r["marks_hkd"], expected["risk_funds"][key]["marks_hkd"]);
    EXPECT_EQ(r["margin_hkd"], expected["risk_funds"][key]["margin_hkd"]);
    EXPECT_EQ(r["risk_funds_hkd"], expected["risk_funds"][key]["risk_funds_hkd"]);
    EXPECT_EQ(r["risk_funds_rmb"], expected["risk_funds"][key]["risk_funds_rmb"]);
    EXPECT_EQ(r["risk_funds_date"], "2024-03-18");  // T+1 (STL-2)
  }
  auto stored_risk = db_->query("SELECT channel, reserve, risk_funds_rmb FROM eod_risk_funds");
  ASSERT_TRUE(stored_risk.ok()) << stored_risk.error().to_string();
  ASSERT_EQ(stored_risk->rows.size(), expected["risk_funds"].size());
  for (const auto& row : stored_risk->rows) {
    EXPECT_EQ(row.decimal(2).to_string(),
              expected["risk_funds"][row.text(0) + ":" + row.text(1)]["risk_funds_rmb"]);
  }
  // Friday's run instructs Monday 2024-03-18's transfer (CLR-11): Thursday's trade money would
  // be paid then (none here), Friday's risk funds are due, and its portfolio fee collected.
  ASSERT_EQ(out["transfers"].size(), expected["transfers"].size());
  for (const auto& t : out["transfers"]) {
    const std::string key = t["channel"].get<std::string>() + ":" +
                            t["reserve"].get<std::string>() + ":" +
                            t["settlement_date"].get<std::string>();
    SCOPED_TRACE(key);
    ASSERT_TRUE(expected["transfers"].contains(key));
    const Json& want = expected["transfers"][key];
    for (const char* field :
         {"reserve_balance_date", "reserve_balance_basis", "reserve_balance_previous_rmb",
          "trade_dates", "trading_money_payable_rmb", "risk_funds_due_rmb",
          "risk_funds_previous_rmb", "portfolio_fee_rmb", "dividends_receivable_rmb",
          "transfer_rmb", "direction"}) {
      EXPECT_EQ(t[field], want[field]) << field;
    }
  }
  // The portfolio fee (CLR-6): Friday charges three calendar days on Friday's value.
  auto fees = db_->query(
      "SELECT account_id, channel, value_hkd, days, fee_hkd, fee_rmb, "
      "collection_date FROM eod_portfolio_fee");
  ASSERT_TRUE(fees.ok()) << fees.error().to_string();
  ASSERT_EQ(fees->rows.size(), expected["portfolio_fees"].size());
  for (const auto& row : fees->rows) {
    const std::string key = row.text(0) + ":" + row.text(1);
    SCOPED_TRACE(key);
    const Json& want = expected["portfolio_fees"][key];
    EXPECT_EQ(row.decimal(2).to_string(), want["value_hkd"]);
    EXPECT_EQ(row.integer(3), want["days"].get<int64_t>());
    EXPECT_EQ(row.decimal(4).to_string(), want["fee_hkd"]);
    EXPECT_EQ(row.decimal(5).to_string(), want["fee_rmb"]);
    EXPECT_EQ(row.text(6), want["collection_date"]);
  }
  // Exceptions: INV001's overdraft (CLR-12) and the sh own reserve's default (CLR-16).
  auto exceptions = db_->query(
      "SELECT kind, subject, amount_rmb, detail_rmb, penalty_rmb, "
      "interest_rmb FROM eod_exception");
  ASSERT_TRUE(exceptions.ok()) << exceptions.error().to_string();
  ASSERT_EQ(exceptions->rows.size(), expected["exceptions"].size());
  for (const auto& row : exceptions->rows) {
    const std::string key = row.text(0) + ":" + row.text(1);
    SCOPED_TRACE(key);
    const Json& want = expected["exceptions"][key];
    EXPECT_EQ(row.decimal(2).to_string(), want["amount_rmb"]);
    EXPECT_EQ(row.decimal(3).to_string(), want["detail_rmb"]);
    EXPECT_EQ(row.decimal(4).to_string(), want["penalty_rmb"]);
    EXPECT_EQ(row.decimal(5).to_string(), want["interest_rmb"]);
  }
  auto investors = investor_rows(*db_, "2024-03-15");
  ASSERT_TRUE(investors.ok()) << investors.error().to_string();
  ASSERT_EQ(investors->rows.size(), 5u);
  for (const auto& row : investors->rows) {
    const std::string key = row.text(0);
    EXPECT_EQ(row.decimal(1).to_string(), expected["investors"][key]["net_rmb"]) << key;
    EXPECT_EQ(row.text(2), "2024-03-19") << key;
  }
}

TEST_P(EodCliTest, ARerunReplacesTheResultsWithTheSameDigest) {
  import_all();
  EodRun first = run("eod run --date 2024-03-15 --json");
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EodRun second = run("eod run --date 2024-03-15 --json");
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(Json::parse(first.out)["result_digest"], Json::parse(second.out)["result_digest"]);
  // 5 investor-channel entries × 3 money postings + 6 net security movements × 2 (INV001 sh holds
  // two securities) + 3 portfolio-fee charges × 2.
  EXPECT_EQ(postings_of(*db_, "2024-03-15").size(), 33u);
}

TEST_P(EodCliTest, ATransferNeedsTheRunsOfTheTradeDatesItPays) {
  // tests/golden/eod/christmas: 12-24's run instructs 12-27, which pays 12-20's trades (T+2).
  const std::string dir = std::string(CONNECTPOST_SOURCE_DIR) + "/tests/golden/eod/christmas/";
  for (const char* kind :
       {"accounts", "executions", "fx", "prices", "positions", "reserves", "cash"}) {
    ASSERT_EQ(run(std::string("import ") + kind + " '" + dir + kind + ".csv'").exit_code, 0);
  }
  EodRun early = run("eod run --date 2024-12-24");
  EXPECT_EQ(early.exit_code, 1);
  EXPECT_THAT(early.err, HasSubstr("the sh trades of 2024-12-20 settle in them but that date has "
                                   "no EOD results (run `eod run --date 2024-12-20` first)"));
  // Nothing of the refused run is stored.
  auto stored = db_->query("SELECT COUNT(*) FROM eod_run");
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->rows[0].integer(0), 0);
  ASSERT_EQ(run("eod run --date 2024-12-20").exit_code, 0);
  // 12-23's run instructs nothing: 12-24's, knowing one more close, instructs 12-27.
  EodRun quiet = run("eod run --date 2024-12-23");
  ASSERT_EQ(quiet.exit_code, 0) << quiet.err;
  EXPECT_THAT(quiet.out, HasSubstr("No settlement day to instruct"));
  EodRun none = run("report transfer --settlement-date 2024-12-27 --json");
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_THAT(none.err, HasSubstr("no funds-transfer instruction for settlement day 2024-12-27"));
  ASSERT_EQ(run("eod run --date 2024-12-24").exit_code, 0);
  EodRun report = run("report transfer --settlement-date 2024-12-27 --json");
  ASSERT_EQ(report.exit_code, 0) << report.err;
  const Json rows = Json::parse(report.out)["rows"];
  ASSERT_EQ(rows.size(), 2u);
  // README: 900,000.00 − 375,214.15 − 60,776.56 + 83,917.72 − 0.16 = 547,926.85.
  EXPECT_EQ(rows[0]["reserve"], "client");
  EXPECT_EQ(rows[0]["trade_dates"][0]["trade_date"], "2024-12-20");
  EXPECT_EQ(rows[0]["trading_money_payable_rmb"], "375214.15");
  EXPECT_EQ(rows[0]["risk_funds_previous_rmb"], "83917.72");
  EXPECT_EQ(rows[0]["transfer_rmb"], "547926.85");
  EXPECT_EQ(rows[0]["direction"], "reserve_to_bank");
  // The options: one date or the other, and the settlement day only for the transfer report.
  EXPECT_EQ(run("report transfer --date 2024-12-24 --settlement-date 2024-12-27").exit_code, 2);
  EXPECT_EQ(run("report csdc --settlement-date 2024-12-27").exit_code, 2);
  EodRun csv = run("report transfer --date 2024-12-24");
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_THAT(csv.out, HasSubstr("sh,client,2024-12-27,2024-12-19,imported,900000.00,"
                                 "2024-12-20 375214.15 10:30,375214.15,"));
}

TEST_P(EodCliTest, RiskFundsPerAccountAndSecurityWhenTheParameterSaysSo) {
  // The rate method's data with risk.aggregation = account_security (CLR-9, [NC]); with
  // hkscc_rpf the pair is refused (the last lines below).
  const fs::path data = dir_ / "data";
  fs::copy(fs::path(CONNECTPOST_SOURCE_DIR) / "data", data, fs::copy_options::recursive);
  fs::remove(data / "parameters.csv");
  fs::copy_file(fs::path(testing::rate_method_data_dir()) / "parameters.csv",
                data / "parameters.csv");
  std::string parameters = slurp(data / "parameters.csv");
  const std::string from = "risk.aggregation,reserve,";
  ASSERT_NE(parameters.find(from), std::string::npos);
  parameters.replace(parameters.find(from), from.size(), "risk.aggregation,account_security,");
  std::ofstream(data / "parameters.csv", std::ios::trunc) << parameters;
  import_all();
  ASSERT_EQ(run("eod run --date 2024-03-15", data.string()).exit_code, 0);
  // Basic's sh client positions, each alone (README: the reserve-level figure is 29,716.31):
  // INV001 00700 +1,000 at 301.20, close 300.00: −1,200; INV002 00700 −200 at 300.80: +160;
  // INV001 00941 −500 at 65.05, close 65.10: −25. Marks payable 1,200 + 25 = 1,225 (the reserve
  // level nets them with INV002's +160 to 1,065). Margin positions: INV001's long 300,000;
  // INV002's short 60,000 under its own 200 × 300.00 held: 0; INV001's short 32,550 under its
  // 1,500 × 65.10 = 97,650: 0. 300,000 × 22% = 66,000 (the reserve level took the 97,650 off the
  // long too: 31,317). 1,225 + 66,000 = 67,225 HKD × 0.91768 = 61,691.038 → RMB 61,691.04.
  auto risk = db_->query(
      "SELECT marks_payable_hkd, margin_hkd, risk_funds_rmb FROM eod_risk_funds WHERE channel = "
      "'sh' AND reserve = 'client'");
  ASSERT_TRUE(risk.ok());
  ASSERT_EQ(risk->rows.size(), 1u);
  EXPECT_EQ(risk->rows[0].decimal(0).to_string(), "1225.00");
  EXPECT_EQ(risk->rows[0].decimal(1).to_string(), "66000.00");
  EXPECT_EQ(risk->rows[0].decimal(2).to_string(), "61691.04");

  // With the shipped hkscc_rpf the pair is refused, naming the parameter, and nothing changes.
  std::string shipped = slurp(fs::path(CONNECTPOST_SOURCE_DIR) / "data/parameters.csv");
  shipped.replace(shipped.find(from), from.size(), "risk.aggregation,account_security,");
  std::ofstream(data / "parameters.csv", std::ios::trunc) << shipped;
  const EodRun refused = run("eod run --date 2024-03-15", data.string());
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_THAT(refused.err, HasSubstr("risk.aggregation"));
  EXPECT_THAT(refused.err, HasSubstr("account_security"));
  auto kept = db_->query(
      "SELECT risk_funds_rmb FROM eod_risk_funds WHERE channel = 'sh' AND "
      "reserve = 'client'");
  ASSERT_TRUE(kept.ok());
  EXPECT_EQ(kept->rows[0].decimal(0).to_string(), "61691.04");
}

TEST_P(EodCliTest, AGbkExportIsRefusedWithItsLineAndNothingIsStored) {
  // 张三 in GBK (D5 C5 C8 FD) as an executions file's account: exit 2, the line and column of
  // the first bad byte, the hint, and no row.
  ASSERT_EQ(run("import accounts '" + golden("accounts.csv") + "'").exit_code, 0);
  const fs::path file = dir_ / "executions_gbk.csv";
  std::ofstream(file, std::ios::binary)
      << "trade_id,trade_date,channel,account,security,side,quantity,price\n"
         "T1,2024-03-15,sh,\xD5\xC5\xC8\xFD,00700,buy,100,300.00\n";
  EodRun refused = run("import executions '" + file.string() + "'");
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_THAT(refused.err, HasSubstr("executions_gbk.csv:2:18: the file is not UTF-8 (byte 0xD5"));
  EXPECT_THAT(refused.err, HasSubstr("iconv -f GB18030 -t UTF-8"));
  auto stored = store::load_executions(*db_, *Date::parse("2024-03-15"));
  ASSERT_TRUE(stored.ok());
  EXPECT_TRUE(stored->empty());
}

TEST_P(EodCliTest, AClosureAfterARunInstructsItsTransferAgainAndTheInvestorsAreTold) {
  // CLR-18 (seed 002 附件4 第40条) on tests/golden/eod/christmas without X5 (traded on 12-27):
  // after the runs of 12-20, 12-23 and 12-24, SEHK closes on 12-27. 12-20's T+2 was 12-27 and
  // becomes 12-30 (12-23 T+1, 12-24 a half day, 12-27 closed); 12-23's and 12-24's were 12-30
  // and become 2025-01-02 (12-31 is a half day).
  const std::string dir = std::string(CONNECTPOST_SOURCE_DIR) + "/tests/golden/eod/christmas/";
  for (const char* kind : {"accounts", "fx", "prices", "positions", "reserves", "cash"}) {
    ASSERT_EQ(run(std::string("import ") + kind + " '" + dir + kind + ".csv'").exit_code, 0);
  }
  std::string executions = slurp(dir + "executions.csv");
  const size_t x5 = executions.find("X5,");
  executions.erase(x5, executions.find('\n', x5) + 1 - x5);
  import_file("executions", executions);
  for (const char* date : {"2024-12-20", "2024-12-23", "2024-12-24"}) {
    ASSERT_EQ(run(std::string("eod run --date ") + date).exit_code, 0);
  }
  EodRun closed =
      run("calendar add-closure --market sehk --date 2024-12-27 --reason 'ad-hoc closure' --source "
          "test");
  ASSERT_EQ(closed.exit_code, 0) << closed.err;
  // 第27条: 12-24's run had instructed 12-27, now closed; the money moves on 12-30, the next
  // settlement day, and no run lies between: the closure redoes 12-24's run, which now
  // instructs 12-30 (its T+1) up to the next trading day's T+1 (12-31's: 2025-01-02).
  // The same on the Shenzhen channel, which has no trades in the case.
  EXPECT_THAT(closed.out,
              HasSubstr("the EOD run of 2024-12-24 was redone: the transfers it instructs moved "
                        "(sh 2024-12-27 → 2024-12-30; sz 2024-12-27 → 2024-12-30)"));
  EodRun voided = run("report transfer --settlement-date 2024-12-27 --json");
  EXPECT_EQ(voided.exit_code, 1);
  EodRun moved_transfer = run("report transfer --settlement-date 2024-12-30 --json");
  ASSERT_EQ(moved_transfer.exit_code, 0) << moved_transfer.err;
  const Json rows = Json::parse(moved_transfer.out)["rows"];
  ASSERT_EQ(rows.size(), 2u);
  // Client, worked from the README's figures: the balance of 12-19, 900,000.00; 12-20's net
  // 375,214.15 payable at 12-30's 10:30 (its T+2); 12-24's requirement 60,776.56 (the same
  // holdings and closes) due at its T+1, 12-30, replacing 83,917.72 collected on 12-23; the
  // fees collected on 12-30: 12-23's 0.04 (moved from 12-27) and 12-24's, now charged for six
  // days (24th to 29th, 第22条) on the same holdings: INV001 149,600 × 0.00008 × 6 / 365 =
  // 0.1967 → HK$0.20 × 0.93710 → RMB 0.19, INV002 40,400 × 0.00008 × 6 / 365 = 0.0531 →
  // HK$0.05 → RMB 0.05; 0.28 in all. 900,000.00 − 375,214.15 − 60,776.56 + 83,917.72 − 0.28 =
  // 547,926.73 back to the bank.
  EXPECT_EQ(rows[0]["reserve"], "client");
  ASSERT_EQ(rows[0]["trade_dates"].size(), 1u);
  EXPECT_EQ(rows[0]["trade_dates"][0]["trade_date"], "2024-12-20");
  EXPECT_EQ(rows[0]["trading_money_payable_rmb"], "375214.15");
  EXPECT_EQ(rows[0]["risk_funds_due_rmb"], "60776.56");
  EXPECT_EQ(rows[0]["risk_funds_previous_rmb"], "83917.72");
  EXPECT_EQ(rows[0]["portfolio_fee_rmb"], "0.28");
  EXPECT_EQ(rows[0]["transfer_rmb"], "547926.73");
  EXPECT_EQ(rows[0]["direction"], "reserve_to_bank");
  // Own: 50,000.00 − 13,134.11 − 2,915.51 + 2,906.57 − 0 = 36,856.95.
  EXPECT_EQ(rows[1]["reserve"], "own");
  EXPECT_EQ(rows[1]["transfer_rmb"], "36856.95");
  // The rerun is on the audit trail, with what moved.
  auto audited =
      db_->query("SELECT detail FROM audit_entry WHERE action = ?", {"eod.transfers_reinstructed"});
  ASSERT_TRUE(audited.ok());
  ASSERT_EQ(audited->rows.size(), 1u);
  EXPECT_THAT(audited->rows[0].text(0), HasSubstr("sh 2024-12-27"));
  // A change that moves nothing redoes nothing.
  EodRun later =
      run("calendar add-closure --market sehk --date 2025-03-03 --reason 'ad-hoc closure' --source "
          "test");
  ASSERT_EQ(later.exit_code, 0) << later.err;
  EXPECT_THAT(later.out, Not(HasSubstr("redone")));

  EodRun eod = run("eod run --date 2024-12-30 --json");
  ASSERT_EQ(eod.exit_code, 0) << eod.err;
  std::vector<std::string> told;
  const Json out = Json::parse(eod.out);
  for (const auto& d : out["settlement_delays"]) {
    told.push_back(d["account"].get<std::string>() + " " + d["trade_date"].get<std::string>() +
                   " " + d["planned_date"].get<std::string>() + " " +
                   d["settlement_date"].get<std::string>());
  }
  EXPECT_THAT(told, ::testing::ElementsAre("INV001 2024-12-20 2024-12-27 2024-12-30",
                                           "PROP01 2024-12-20 2024-12-27 2024-12-30",
                                           "INV002 2024-12-23 2024-12-30 2025-01-02",
                                           "INV001 2024-12-24 2024-12-30 2025-01-02"));
  // The clearing dates moved with CSDC's: 12-20's settles on 12-30, posted by this run (INV001
  // pays X1's RMB 375,307.85); 12-24's sale money waits for 2025-01-02.
  auto moved = investor_rows(*db_, "2024-12-24", "INV001");
  ASSERT_TRUE(moved.ok());
  ASSERT_EQ(moved->rows.size(), 1u);
  EXPECT_EQ(moved->rows[0].text(2), "2025-01-02");
  EXPECT_EQ(moved->rows[0].text(3), "2024-12-30");
  std::vector<Decimal> cash;
  for (const auto& [p, seq] : postings_of(*db_, "2024-12-30")) {
    if (p.entry == "SETTLE:2024-12-20:INV001:sh" && p.account == "investor_cash:INV001") {
      cash.push_back(p.amount);
    }
  }
  ASSERT_EQ(cash.size(), 1u);
  EXPECT_EQ(cash[0].to_string(), "-375307.85");
  // 12-24's portfolio fees were to be collected at T+1, 12-27: now 12-30, with the trade money
  // (第22条, 第40条), and this run pays them to CSDC on that date.
  auto fees = db_->query(
      "SELECT DISTINCT channel, collection_date FROM eod_portfolio_fee WHERE business_date = "
      "'2024-12-24' ORDER BY channel");
  ASSERT_TRUE(fees.ok());
  ASSERT_FALSE(fees->rows.empty());
  for (const auto& row : fees->rows) EXPECT_EQ(row.text(1), "2024-12-30") << row.text(0);
  bool fee_paid = false;
  for (const auto& [p, seq] : postings_of(*db_, "2024-12-30")) {
    fee_paid = fee_paid || p.entry.starts_with("CSDC:portfolio_fee:2024-12-24:2024-12-30:");
  }
  EXPECT_TRUE(fee_paid);
  EXPECT_EQ(run("ledger check --date 2024-12-30").exit_code, 0);
}

TEST_P(EodCliTest, ASchedulerTellsANonTradingDayFromMissingInputs) {
  // Both refusals exit 1; with --log-format json the error line names the reason (docs/eod.md).
  import_all();
  EodRun holiday = run("--log-format json eod run --date 2024-03-29");  // Good Friday
  EXPECT_EQ(holiday.exit_code, 1);
  const Json closed = Json::parse(holiday.err.substr(holiday.err.rfind('{')));
  EXPECT_EQ(closed["reason"], "not_a_trading_day");
  EXPECT_EQ(closed["exit_code"], 1);
  // Monday 2024-03-18 trades, but neither its rates nor its closes were imported.
  EodRun missing = run("--log-format json eod run --date 2024-03-18");
  EXPECT_EQ(missing.exit_code, 1);
  const Json inputs = Json::parse(missing.err.substr(missing.err.rfind('{')));
  EXPECT_EQ(inputs["reason"], "inputs_missing");
  EXPECT_THAT(inputs["message"].get<std::string>(), HasSubstr("cannot clear 2024-03-18"));
  // Without --log-format json the message is the person's, as before.
  EXPECT_THAT(run("eod run --date 2024-03-29").err,
              HasSubstr("connectpost: error: 2024-03-29 is not a Southbound trading day"));
}

// Issue 15 §4: at log level info, `eod run` and `import` tell their progress on standard error;
// with --log-format json as JSON lines a scheduler reads: every stage starts and finishes, the
// clearing's rows are the day's executions, and the run's own result still goes to stdout.
TEST_P(EodCliTest, ProgressIsToldAsJsonLinesStageByStage) {
  auto run_at_info = [&](const std::string& args) {
    const std::string command = "cd '" + dir_.string() + "' && '" + CONNECTPOST_TEST_BIN +
                                "' --log-level info --log-format json --db '" + scratch_->url() +
                                "' --data-dir '" + testing::rate_method_data_dir() + "' " + args +
                                " >out.txt 2>err.txt";
    const int status = std::system(command.c_str());
    return EodRun{WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(dir_ / "out.txt"),
                  slurp(dir_ / "err.txt")};
  };
  auto progress_lines = [](const std::string& err) {
    std::vector<Json> out;
    std::istringstream lines(err);
    for (std::string line; std::getline(lines, line);) {
      Json parsed = Json::parse(line, nullptr, false);
      if (!parsed.is_discarded() && parsed.value("event", "") == "progress") {
        out.push_back(std::move(parsed));
      }
    }
    return out;
  };
  EodRun imported = run_at_info("import accounts '" + golden("accounts.csv") + "'");
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  const auto import_lines = progress_lines(imported.err);
  ASSERT_FALSE(import_lines.empty()) << imported.err;
  EXPECT_EQ(import_lines.back()["stage"], "store");
  EXPECT_EQ(import_lines.back()["finished"], true);
  EXPECT_EQ(import_lines.back()["done"], 3);  // the three accounts of the basic case
  import_all();

  EodRun eod = run_at_info("eod run --date 2024-03-15 --json");
  ASSERT_EQ(eod.exit_code, 0) << eod.err;
  EXPECT_EQ(Json::parse(eod.out)["executions"], 7);  // stdout is the result alone
  std::vector<std::string> finished;
  for (const Json& line : progress_lines(eod.err)) {
    EXPECT_EQ(line["job"], "eod run 2024-03-15");
    EXPECT_TRUE(line.contains("time") && line.contains("elapsed_s")) << line.dump();
    if (!line["finished"].get<bool>()) continue;
    finished.push_back(line["stage"].get<std::string>());
    if (line["stage"] == "clear executions") {
      EXPECT_EQ(line["done"], 7);
    }
    if (line["stage"] == "journal") {  // encoded before the writing transaction: every posting
      EXPECT_EQ(line["done"], Json::parse(eod.out)["postings"]);
    }
  }
  EXPECT_EQ(finished, (std::vector<std::string>{"load inputs", "clear executions",
                                                "fees, risk funds, transfers, exceptions, "
                                                "pre-clearing",
                                                "journal", "write results", "commit"}));
  // At warn, nothing but errors.
  EXPECT_EQ(run("eod run --date 2024-03-15 --json").err, "");
}

TEST_P(EodCliTest, LedgerCheckPassesAndFailsOnABrokenPosting) {
  import_all();
  ASSERT_EQ(run("eod run --date 2024-03-15").exit_code, 0);
  EodRun clean = run("ledger check --date 2024-03-15");
  EXPECT_EQ(clean.exit_code, 0) << clean.err;
  // Break one posting: INV002's sh commission (T3's 11.03) moves by a fen, so the entry's CNY
  // postings no longer balance.
  // The day's segments are written again with that one posting changed.
  const Date day = *Date::parse("2024-03-15");
  auto postings = postings_of(*db_, "2024-03-15");
  int changed = 0;
  for (auto& [p, seq] : postings) {
    if (p.entry == "TRADES:INV002:sh" && p.account == "commission_income") {
      p.amount = *Decimal::parse("11.04");
      ++changed;
    }
  }
  ASSERT_EQ(changed, 1);
  ASSERT_TRUE(store::delete_postings(*db_, day).ok());
  store::PostingWriter rewrite(*db_, day);
  for (const auto& [p, seq] : postings) ASSERT_TRUE(rewrite.add(p).ok());
  ASSERT_TRUE(rewrite.finish().ok());
  EodRun broken = run("ledger check --date 2024-03-15");
  EXPECT_EQ(broken.exit_code, 1);
  EXPECT_THAT(broken.out, HasSubstr("TRADES:INV002:sh: postings of CNY sum to 0.01, not zero"));
}

TEST_P(EodCliTest, LedgerCheckFindsAStoredTotalThatNoLongerMatchesItsParts) {
  import_all();
  ASSERT_EQ(run("eod run --date 2024-03-15").exit_code, 0);
  // INV002's sh net obligation (expected.json: −55,100.44) is edited by a fen after the run: it no
  // longer matches its journal entry, nor do the channel's investors add up to CSDC's net plus
  // commission.
  const Date day = *Date::parse("2024-03-15");
  std::vector<store::StoredInvestorObligation> investors;
  ASSERT_TRUE(store::each_investor_obligation(
                  *db_, day, "",
                  [&](const store::StoredInvestorObligation& i) -> Result<void> {
                    investors.push_back(i);
                    if (i.account_id == "INV002" && i.channel == Channel::kShanghai) {
                      investors.back().net_rmb = *Decimal::parse("-55100.43");
                    }
                    return Ok{};
                  })
                  .ok());
  ASSERT_TRUE(store::delete_investor_results(*db_, day).ok());
  const Date settles = *Date::parse("2024-03-19");
  ASSERT_TRUE(
      store::write_investor_obligations(
          *db_, day, investors, {{Channel::kShanghai, settles}, {Channel::kShenzhen, settles}})
          .ok());
  EodRun broken = run("ledger check --date 2024-03-15");
  EXPECT_EQ(broken.exit_code, 1);
  EXPECT_THAT(broken.out, HasSubstr("TRADES:INV002:sh: investor money posting RMB 55,100.44 but "
                                    "the investor's net obligation is RMB -55,100.43"));
  EXPECT_THAT(broken.out, HasSubstr("CLR-17 sh:client: investors' nets = CSDC net + commission"));
  EXPECT_THAT(broken.out, HasSubstr("a difference of RMB 0.01"));
}

TEST_P(EodCliTest, LedgerCheckReconcilesClientMoneyWithTheBankAndReserveStatements) {
  import_all();
  // Thursday's close: the investors' client money is INV001 650,000.00 + INV002 0.00 =
  // 650,000.00; it is held as sh reserve 500,000.00 + sz reserve 100,000.00 (reserves.csv) +
  // bank 50,000.00 = 650,000.00, and no earlier run left a portfolio fee in transit.
  import_file("cash",
              "as_of,account,currency,amount\n2024-03-14,INV001,CNY,650000.00\n"
              "2024-03-14,INV002,CNY,0.00\n");
  ASSERT_EQ(run("eod run --date 2024-03-15").exit_code, 0);
  EodRun unchecked = run("ledger check --date 2024-03-15");
  EXPECT_EQ(unchecked.exit_code, 0) << unchecked.out;
  EXPECT_THAT(unchecked.out, HasSubstr("not checked, no client bank statement before 2024-03-15"));

  import_file("bank",
              "balance_date,reserve,balance_rmb\n2024-03-14,client,50000.00\n"
              "2024-03-14,own,1.00\n");
  EodRun clean = run("ledger check --date 2024-03-15 --json");
  ASSERT_EQ(clean.exit_code, 0) << clean.out;
  const Json out = Json::parse(clean.out);
  EXPECT_EQ(out["ok"], true);
  EXPECT_THAT(out["checks"].dump(),
              HasSubstr("CLR-17 client money at the close of 2024-03-14: held (bank 50,000.00, "
                        "sh reserve 500,000.00, sz reserve 100,000.00) = owed (investors' cash "
                        "650,000.00 of 2 accounts, portfolio fee in transit 0.00): RMB "
                        "650,000.00"));

  // A bank statement a fen higher than the book is a break, named with its difference.
  import_file("bank", "balance_date,reserve,balance_rmb\n2024-03-14,client,50000.01\n");
  EodRun broken = run("ledger check --date 2024-03-15");
  EXPECT_EQ(broken.exit_code, 1);
  EXPECT_THAT(broken.out, HasSubstr("RMB 650,000.01 against RMB 650,000.00, a difference of RMB "
                                    "0.01"));
}

TEST_P(EodCliTest, LedgerCheckCountsThePortfolioFeeChargedButNotYetPaidAsInTransit) {
  import_all();
  ASSERT_EQ(run("eod run --date 2024-03-15").exit_code, 0);
  // Friday's run charged the client investors' portfolio fee (expected.json: INV001 sh 0.06,
  // INV002 sh 0.04, INV002 sz 0.03 = 0.13), collected by CSDC on Monday: at Friday's close the
  // investors' cash is already down by it while the reserve still holds it. Friday's statements:
  // investors 649,999.87 = 650,000.00 − 0.13; held 50,000.00 + 500,000.00 + 100,000.00.
  import_file("cash",
              "as_of,account,currency,amount\n2024-03-15,INV001,CNY,649999.94\n"
              "2024-03-15,INV002,CNY,-0.07\n");
  import_file("reserves",
              "balance_date,channel,reserve,balance_rmb\n"
              "2024-03-15,sh,client,500000.00\n2024-03-15,sz,client,100000.00\n");
  import_file("bank", "balance_date,reserve,balance_rmb\n2024-03-15,client,50000.00\n");
  import_file("prices", kMondayCloses);
  import_file("fx", kMondayRates);
  EodRun monday = run("eod run --date 2024-03-18");
  ASSERT_EQ(monday.exit_code, 0) << monday.err;
  EodRun check = run("ledger check --date 2024-03-18");
  EXPECT_EQ(check.exit_code, 0) << check.out;
  EXPECT_THAT(check.out, HasSubstr("owed (investors' cash 649,999.87 of 2 accounts, portfolio "
                                   "fee in transit 0.13): RMB 650,000.00"));
}

TEST_P(EodCliTest, EveryImportAndRunIsAuditedAndTheTrailVerifies) {
  import_all();  // 8 imports
  EodRun eod = run("eod run --date 2024-03-15 --json");
  ASSERT_EQ(eod.exit_code, 0) << eod.err;
  const std::string anchor = Json::parse(eod.out)["audit_head"];
  EXPECT_EQ(anchor.substr(0, 2), "9:");  // the run's entry follows the 8 imports'
  EodRun trail = run("audit show --object eod:2024-03-15 --json");
  ASSERT_EQ(trail.exit_code, 0) << trail.err;
  const Json entries = Json::parse(trail.out)["entries"];
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0]["action"], "eod.run");
  EXPECT_EQ(entries[0]["actor"].get<std::string>().substr(0, 4), "cli:");
  EXPECT_THAT(entries[0]["detail"].get<std::string>(),
              HasSubstr(Json::parse(eod.out)["result_digest"].get<std::string>()));
  EodRun clean = run("audit verify --anchor " + anchor);
  EXPECT_EQ(clean.exit_code, 0) << clean.out << clean.err;
  EXPECT_THAT(clean.out, HasSubstr("audit trail intact: 9 entries"));

  // Someone with database access rewrites the executions import's file name.
  ASSERT_TRUE(db_->execute("UPDATE audit_entry SET detail = ? WHERE action = 'import.executions'",
                           {std::string("{\"file\":\"other.csv\",\"replace\":false}")})
                  .ok());
  EodRun broken = run("audit verify");
  EXPECT_EQ(broken.exit_code, 1);
  EXPECT_THAT(broken.out, HasSubstr("entry 2: its content does not match its hash (edited)"));

  EodRun bad_anchor = run("audit verify --anchor 9:abc");
  EXPECT_EQ(bad_anchor.exit_code, 2);
  EXPECT_THAT(bad_anchor.err, HasSubstr("--anchor must be SEQ:HASH"));
}

TEST_P(EodCliTest, AFailedImportLeavesNeitherRowsNorAnAuditEntry) {
  const fs::path bad = dir_ / "cash.csv";
  std::ofstream(bad) << "as_of,account,currency,amount\n2024-03-14,NOBODY,CNY,1.00\n";
  EodRun refused = run("import cash '" + bad.string() + "'");
  EXPECT_NE(refused.exit_code, 0);
  auto entries = db_->query("SELECT COUNT(*) FROM audit_entry");
  ASSERT_TRUE(entries.ok()) << entries.error().to_string();
  EXPECT_EQ(entries->rows.at(0).integer(0), 0);
  EXPECT_EQ(run("audit verify").exit_code, 0);
}

TEST_P(EodCliTest, MissingFxRatesAreNamedAndNothingIsWritten) {
  for (const char* kind : {"accounts", "executions", "prices", "positions", "reserves", "cash"}) {
    ASSERT_EQ(run(std::string("import ") + kind + " '" + golden(std::string(kind) + ".csv") + "'")
                  .exit_code,
              0);
  }
  EodRun refused = run("eod run --date 2024-03-15");
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_THAT(refused.err, HasSubstr("missing FX rates for sh; FX rates for sz"));
  auto results = store::count_execution_results(*db_, *Date::parse("2024-03-15"));
  ASSERT_TRUE(results.ok());
  EXPECT_EQ(*results, 0);
}

TEST_P(EodCliTest, ADayWithoutTradesIsStillClearedForItsHolders) {
  import_all();
  ASSERT_EQ(run("eod run --date 2024-03-15").exit_code, 0);
  // Monday 2024-03-18 has no trades, but INV001 and INV002 hold shares (portfolio fee) and
  // Friday's trades are unsettled until Tuesday (risk funds): it needs the day's closes and rates.
  EodRun no_closes = run("eod run --date 2024-03-18");
  EXPECT_EQ(no_closes.exit_code, 1);
  EXPECT_THAT(no_closes.err, HasSubstr("missing the closing price of 00941 (held: portfolio fee)"));
  // With the day's closes and rates (Friday's, copied), it clears.
  import_file("prices", kMondayCloses);
  EodRun no_rates = run("eod run --date 2024-03-18");
  EXPECT_EQ(no_rates.exit_code, 1);
  EXPECT_THAT(no_rates.err, HasSubstr("missing FX rates for sh"));
  import_file("fx", kMondayRates);
  EodRun cleared = run("eod run --date 2024-03-18 --json");
  ASSERT_EQ(cleared.exit_code, 0) << cleared.err;
  const Json out = Json::parse(cleared.out);
  EXPECT_EQ(out["executions"], 0);
  // One day of portfolio fee (Tuesday trades): INV001 sh 97,650.00 × 0.008% / 365 = 0.0214 →
  // HKD 0.02.
  auto fee = db_->query(
      "SELECT days, fee_hkd FROM eod_portfolio_fee WHERE business_date = "
      "'2024-03-18' AND account_id = 'INV001'");
  ASSERT_TRUE(fee.ok());
  ASSERT_EQ(fee->rows.size(), 1u);
  EXPECT_EQ(fee->rows[0].integer(0), 1);
  EXPECT_EQ(fee->rows[0].decimal(1).to_string(), "0.02");
  // Friday's trades are still unsettled on Monday: the same risk funds as Friday's (same closes).
  auto risk = db_->query(
      "SELECT risk_funds_rmb FROM eod_risk_funds WHERE business_date = "
      "'2024-03-18' AND channel = 'sh' AND reserve = 'client'");
  ASSERT_TRUE(risk.ok());
  ASSERT_EQ(risk->rows.size(), 1u);
  EXPECT_EQ(risk->rows[0].decimal(0).to_string(), "29716.31");
}

TEST_P(EodCliTest, ReimportIsANoOpAndAChangedTradeIsRefused) {
  import_all();
  EodRun again = run("import executions '" + golden("executions.csv") + "'");
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_THAT(again.out, HasSubstr("0 new, 7 unchanged"));
  const fs::path changed = dir_ / "changed.csv";
  std::ofstream(changed) << "trade_id,trade_date,channel,account,security,side,quantity,price\n"
                            "T1,2024-03-15,sh,INV001,00700,buy,2000,301.20\n";
  EodRun refused = run("import executions '" + changed.string() + "'");
  EXPECT_EQ(refused.exit_code, 1);  // a conflict with what is stored
  EXPECT_THAT(refused.err,
              HasSubstr("changed.csv:2: field 'trade_id': trade T1 was imported before "
                        "with different content"));
}

TEST_P(EodCliTest, AMalformedExecutionRowLoadsNothing) {
  import_all();
  const fs::path bad = dir_ / "bad.csv";
  std::ofstream(bad) << "trade_id,trade_date,channel,account,security,side,quantity,price\n"
                        "T8,2024-03-15,sh,INV001,00700,buy,100,301.20\n"
                        "T9,2024-03-15,sh,INV001,00700,buy,100,301.30\n";
  EodRun refused = run("import executions '" + bad.string() + "'");
  EXPECT_EQ(refused.exit_code, 2);
  // "T9,2024-03-15,sh,INV001,00700,buy,100," is 38 characters: the price is in column 39.
  EXPECT_THAT(refused.err,
              HasSubstr("bad.csv:3:39: field 'price': price 301.30 is not on the 0.20 tick for "
                        "2024-03-15"));
  auto stored = store::load_executions(*db_, *Date::parse("2024-03-15"));
  ASSERT_TRUE(stored.ok());
  for (const clearing::ExecutionRef e : *stored) {
    EXPECT_NE(e.trade_id(), "T8");  // T8 was good, but the file loads whole or not
  }
}

// Every row of the run's result tables, in a fixed order: the database's EOD state as text.
std::string eod_state(store::Database& db) {
  std::string text;
  auto journal_days =
      db.query("SELECT DISTINCT business_date FROM ledger_posting_segment ORDER BY 1");
  EXPECT_TRUE(journal_days.ok());
  for (const auto& day : journal_days.ok() ? journal_days->rows : std::vector<store::Row>{}) {
    for (const auto& [p, seq] : postings_of(db, day.text(0))) {
      text +=
          p.entry + "," + std::to_string(seq) + "," + p.account + "," + p.amount.to_string() + "\n";
    }
  }
  text += "--\n";
  auto days = db.query("SELECT DISTINCT business_date FROM execution_result_segment ORDER BY 1");
  EXPECT_TRUE(days.ok());
  for (const auto& day : days.ok() ? days->rows : std::vector<store::Row>{}) {
    auto rows = execution_result_rows(db, day.text(0));
    EXPECT_TRUE(rows.ok());
    for (const auto& row : rows.ok() ? rows->rows : std::vector<store::Row>{}) {
      text += day.text(0) + "," + row.text(0) + "," + row.text(5) + "," + row.text(6) + "\n";
    }
  }
  text += "--\n";
  auto investor_days =
      db.query("SELECT DISTINCT business_date FROM eod_investor_settlement ORDER BY 1");
  EXPECT_TRUE(investor_days.ok());
  for (const auto& day : investor_days.ok() ? investor_days->rows : std::vector<store::Row>{}) {
    auto rows = investor_rows(db, day.text(0));
    EXPECT_TRUE(rows.ok());
    for (const auto& row : rows.ok() ? rows->rows : std::vector<store::Row>{}) {
      text += day.text(0) + "," + row.text(0) + "," + row.text(1) + "," + row.text(2) + "\n";
    }
  }
  text += "--\n";
  for (const char* sql :
       {"SELECT channel, reserve, net_rmb FROM eod_csdc_obligation ORDER BY channel, reserve",
        "SELECT business_date, result_digest FROM eod_run WHERE job = 'eod'"}) {
    auto rows = db.query(sql);
    EXPECT_TRUE(rows.ok()) << rows.error().to_string();
    if (!rows.ok()) continue;
    for (const auto& row : rows->rows) {
      for (size_t i = 0; i < row.size(); ++i)
        text += row.text(i) + (i + 1 < row.size() ? "," : "\n");
    }
    text += "--\n";
  }
  return text;
}

TEST_P(EodCliTest, AKillBeforeTheCommitLeavesTheDatabaseAsItWas) {
  import_all();
  EodRun first = run("eod run --date 2024-03-15 --json");
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const std::string before = eod_state(*db_);
  ASSERT_NE(before.find("T7"), std::string::npos);

  // A rerun that has deleted and rewritten everything inside its transaction, killed (SIGKILL)
  // before it commits.
  const std::string command =
      "cd '" + dir_.string() + "' && { CONNECTPOST_EOD_PAUSE_BEFORE_COMMIT_MS=30000 '" +
      CONNECTPOST_TEST_BIN + "' --log-level warn --db '" + scratch_->url() + "' --data-dir '" +
      testing::rate_method_data_dir() +
      "' eod run --date 2024-03-15 >run.out 2>run.err & echo $! >run.pid; }";
  ASSERT_EQ(std::system(command.c_str()), 0);
  bool paused = false;
  for (int i = 0; i < 400 && !paused; ++i) {  // up to 40 s under sanitizers
    paused = slurp(dir_ / "run.err").find("paused before commit") != std::string::npos;
    if (!paused) ::usleep(100'000);
  }
  const pid_t pid = static_cast<pid_t>(std::stol(slurp(dir_ / "run.pid")));
  ASSERT_TRUE(paused) << slurp(dir_ / "run.err");
  ASSERT_EQ(::kill(pid, SIGKILL), 0);
  for (int i = 0; i < 100 && ::kill(pid, 0) == 0; ++i) ::usleep(100'000);  // reaped by the shell

  // Reopen: the database holds exactly the first run's results.
  auto reopened = scratch_->open();
  ASSERT_TRUE(reopened.ok()) << reopened.error().to_string();
  EXPECT_EQ(eod_state(**reopened), before);
  // And a rerun completes with the same results.
  EodRun again = run("eod run --date 2024-03-15 --json");
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(Json::parse(again.out)["result_digest"], Json::parse(first.out)["result_digest"]);
  EXPECT_EQ(eod_state(**reopened), before);
}

TEST_P(EodCliTest, ReportsComeFromTheStoredResults) {
  import_all();
  ASSERT_EQ(run("eod run --date 2024-03-15").exit_code, 0);
  // Fee collection: sh stamp duty = T1 302 + T2 33 + T3 61 + T5 26 = 422.00 (README table).
  EodRun fees = run("report fees --date 2024-03-15");
  ASSERT_EQ(fees.exit_code, 0) << fees.err;
  EXPECT_THAT(fees.out,
              HasSubstr("sh,stamp_duty,HKSAR Government (Inland Revenue Department),422.00"));
  EXPECT_THAT(fees.out,
              HasSubstr("sz,stamp_duty,HKSAR Government (Inland Revenue Department),116.00"));
  // The CSDC summary as JSON: the sh client net of the README.
  EodRun csdc = run("report csdc --date 2024-03-15 --json");
  ASSERT_EQ(csdc.exit_code, 0) << csdc.err;
  const Json summary = Json::parse(csdc.out);
  ASSERT_EQ(summary["rows"].size(), 3u);
  EXPECT_EQ(summary["rows"][0]["channel"], "sh");
  EXPECT_EQ(summary["rows"][0]["reserve"], "client");
  EXPECT_EQ(summary["rows"][0]["net_rmb"], "191805.21");
  // One investor's statement: two trades, the portfolio fee and the net of each channel.
  EodRun statement = run("report statement --date 2024-03-15 --account INV001");
  ASSERT_EQ(statement.exit_code, 0) << statement.err;
  EXPECT_THAT(statement.out, HasSubstr("INV001,sh,trade,T1,buy,00700,1000,301.20,301200.00,333.62,"
                                       "75.30,301608.92,0.91768,276780.47,"));
  EXPECT_THAT(statement.out, HasSubstr("INV001,sh,portfolio_fee,3 day(s) on HKD 97650.00"));
  EXPECT_THAT(statement.out,
              HasSubstr("INV001,sh,net_trading_money,,,,,,,,,,,246993.24,2024-03-19"));
  EXPECT_EQ(statement.out.find("INV002"), std::string::npos);  // one investor only
  // SPEC CLR-15, seed 004 §2.6: the statement shows each channel's settlement rates
  // (tests/golden/eod/basic/fx.csv: sh 0.91768 / 0.91712, sz 0.91771 / 0.91709), the one
  // reference rate that froze the money, and why Shanghai and Shenzhen differ.
  EXPECT_THAT(statement.out,
              HasSubstr("INV001,sh,fx_rates,\"settlement buy 0.91768, sell 0.91712; reference buy "
                        "0.8857, sell 0.9405 (froze funds during the day). The sz channel settled "
                        "at buy 0.91771, sell 0.91709: CSDC's Shanghai and Shenzhen branches each "
                        "convert their own net HKD and share the cost over their own trades"));
  EXPECT_THAT(statement.out,
              HasSubstr("INV001,sz,fx_rates,\"settlement buy 0.91771, sell 0.91709; reference buy "
                        "0.8857, sell 0.9405 (froze funds during the day). The sh channel settled "
                        "at buy 0.91768, sell 0.91712"));
  // The line shows the rates the run used: correcting the input afterwards changes the next
  // run, not this run's statement.
  const fs::path corrected = dir_ / "fx_corrected.csv";
  std::ofstream(corrected) << "rate_date,channel,reference_buy,reference_sell,settlement_buy,"
                              "settlement_sell\n2024-03-15,sh,0.8857,0.9405,0.91800,0.91700\n";
  EodRun replaced = run("import fx --replace '" + corrected.string() + "'");
  ASSERT_EQ(replaced.exit_code, 0) << replaced.err;
  EodRun again = run("report statement --date 2024-03-15 --account INV001");
  EXPECT_THAT(again.out, HasSubstr("INV001,sh,fx_rates,\"settlement buy 0.91768, sell 0.91712;"));
  // One reference rate serves both channels (CLR-15), across files too: a Shenzhen file whose
  // reference rates differ from the stored Shanghai ones is refused, and nothing changes.
  const fs::path sz_only = dir_ / "fx_sz.csv";
  std::ofstream(sz_only) << "rate_date,channel,reference_buy,reference_sell,settlement_buy,"
                            "settlement_sell\n2024-03-15,sz,0.8858,0.9406,0.91771,0.91709\n";
  EodRun differ = run("import fx --replace '" + sz_only.string() + "'");
  EXPECT_EQ(differ.exit_code, 2);
  EXPECT_THAT(differ.err, HasSubstr("fx_sz.csv:2: field 'reference_buy': the reference rates of "
                                    "2024-03-15 would differ between sh and sz"));
  // XLSX: a real workbook (a ZIP container).
  const fs::path xlsx = dir_ / "transfer.xlsx";
  EodRun workbook =
      run("report transfer --date 2024-03-15 --format xlsx --out '" + xlsx.string() + "'");
  ASSERT_EQ(workbook.exit_code, 0) << workbook.err;
  EXPECT_THAT(workbook.out, HasSubstr("wrote 3 rows"));
  EXPECT_EQ(slurp(xlsx).substr(0, 2), "PK");
  // A date without a run is not found.
  EXPECT_EQ(run("report csdc --date 2024-03-14").exit_code, 1);
}

void check_golden_day(EodCliTest& test, store::Database& db, const Json& spec, const Json& expected,
                      const std::function<EodRun(const std::string&)>& run_command);

// Imports every input of tests/golden/eod/<name>, runs the EOD of each of its dates in order and
// compares each section of expected.json (worked out by tests/golden/eod/work_out.py) with what
// is stored.
// A case run with the data directory `run_in` is given: the rate method
// (support/rate_method_data.h) unless its case.json names a "csdc_margin" (CLR-9 by HKSCC's risk
// parameters: their files and a price history to import).
void check_golden_case(
    EodCliTest& test, store::Database& db, const std::string& name,
    const std::function<EodRun(const std::string& args, const std::string& data_dir)>& run_in) {
  const std::string dir = std::string(CONNECTPOST_SOURCE_DIR) + "/tests/golden/eod/" + name + "/";
  auto read = [](const std::string& path) {
    std::ifstream in(path);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
  };
  const Json spec = Json::parse(read(dir + "case.json"));
  const Json expected = Json::parse(read(dir + "expected.json"));
  std::string data_dir = testing::rate_method_data_dir();
  if (spec.contains("csdc_margin")) {
    const std::string reference = dir + spec["csdc_margin"]["reference_dir"].get<std::string>();
    data_dir =
        testing::data_dir_with({{"risk_parameters.csv", reference + "/risk_parameters.csv"},
                                {"risk_instruments.csv", reference + "/risk_instruments.csv"}});
    const std::string history = spec["csdc_margin"]["price_history"];
    EodRun imported = run_in("import price-history '" + dir + history + "'", data_dir);
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
  }
  auto run_command = [&](const std::string& args) { return run_in(args, data_dir); };
  for (const auto& [kind, file] :
       std::vector<std::pair<std::string, std::string>>{{"accounts", "accounts.csv"},
                                                        {"executions", "executions.csv"},
                                                        {"fx", "fx.csv"},
                                                        {"prices", "prices.csv"},
                                                        {"positions", "positions.csv"},
                                                        {"reserves", "reserves.csv"},
                                                        {"cash", "cash.csv"},
                                                        {"reserve-checks", "reserve_checks.csv"}}) {
    EodRun imported = run_command("import " + kind + " '" + dir + file + "'");
    ASSERT_EQ(imported.exit_code, 0) << kind << ": " << imported.err;
  }
  // Corporate actions, where the case has them (case "dividend": CLR-11's dividends term).
  for (const auto& [kind, file] : std::vector<std::pair<std::string, std::string>>{
           {"ca-events", "ca_events.csv"}, {"ca-payments", "ca_payments.csv"}}) {
    if (!std::filesystem::exists(dir + file)) continue;
    EodRun imported = run_command("import " + kind + " '" + dir + file + "'");
    ASSERT_EQ(imported.exit_code, 0) << kind << ": " << imported.err;
  }
  for (const Json& day_spec : spec["days"]) {
    SCOPED_TRACE(day_spec["business_date"].get<std::string>());
    check_golden_day(test, db, day_spec,
                     expected["days"][day_spec["business_date"].get<std::string>()], run_command);
    if (::testing::Test::HasFatalFailure()) return;
  }
}

// One day of a golden case: the run, then each section of its expected results.
void check_golden_day(EodCliTest& test, store::Database& db, const Json& spec, const Json& expected,
                      const std::function<EodRun(const std::string&)>& run_command) {
  const std::string date = spec["business_date"];
  EodRun eod = run_command("eod run --date " + date + " --json");
  ASSERT_EQ(eod.exit_code, 0) << eod.err;
  (void)test;
  auto compare_rows = [&](const std::string& section, const Result<store::QueryResult>& rows,
                          const std::vector<std::string>& fields) {
    ASSERT_TRUE(rows.ok()) << rows.error().to_string();
    ASSERT_EQ(rows->rows.size(), expected[section].size()) << section;
    for (const auto& row : rows->rows) {
      const std::string key = row.text(0);
      ASSERT_TRUE(expected[section].contains(key)) << section << " " << key;
      for (size_t i = 0; i < fields.size(); ++i) {
        const Json& want = expected[section][key][fields[i]];
        const std::string got = row.is_null(1 + i) ? "" : row.text(1 + i);
        if (want.is_number()) {
          EXPECT_EQ(got, std::to_string(want.get<int64_t>()))
              << section << " " << key << " " << fields[i];
        } else if (auto amount = Decimal::parse(want.get<std::string>()); amount.ok()) {
          auto stored = Decimal::parse(got);
          EXPECT_TRUE(stored.ok() && *stored == *amount)
              << section << " " << key << " " << fields[i] << ": " << got << " vs " << want;
        } else {
          EXPECT_EQ(got, want.get<std::string>()) << section << " " << key << " " << fields[i];
        }
      }
    }
  };
  auto compare = [&](const std::string& section, const std::string& sql,
                     const std::vector<std::string>& fields) {
    compare_rows(section, db.query(sql, {date}), fields);
  };
  compare_rows("executions", execution_result_rows(db, date),
               {"consideration_hkd", "fees_hkd", "commission_hkd", "investor_hkd", "investor_rmb",
                "csdc_rmb", "commission_rmb"});
  compare_rows("investors", investor_rows(db, date), {"net_rmb"});
  compare("csdc",
          "SELECT channel || ':' || reserve, net_rmb, commission_rmb FROM "
          "eod_csdc_obligation WHERE business_date = ?",
          {"net_rmb", "commission_rmb"});
  compare("portfolio_fees",
          "SELECT account_id || ':' || channel, value_hkd, fee_hkd, fee_rmb "
          "FROM eod_portfolio_fee WHERE business_date = ?",
          {"value_hkd", "fee_hkd", "fee_rmb"});
  compare("risk_funds",
          "SELECT channel || ':' || reserve, marks_hkd, margin_hkd, risk_funds_rmb "
          "FROM eod_risk_funds WHERE business_date = ?",
          {"marks_hkd", "margin_hkd", "risk_funds_rmb"});
  compare("transfers",
          "SELECT channel || ':' || reserve || ':' || settlement_date, reserve_balance_date, "
          "reserve_balance_basis, reserve_balance_previous_rmb, trading_money_payable_rmb, "
          "trading_money_receivable_rmb, risk_funds_due_rmb, risk_funds_previous_rmb, "
          "portfolio_fee_rmb, dividends_receivable_rmb, transfer_rmb, direction FROM eod_transfer "
          "WHERE business_date = ?",
          {"reserve_balance_date", "reserve_balance_basis", "reserve_balance_previous_rmb",
           "trading_money_payable_rmb", "trading_money_receivable_rmb", "risk_funds_due_rmb",
           "risk_funds_previous_rmb", "portfolio_fee_rmb", "dividends_receivable_rmb",
           "transfer_rmb", "direction"});
  // The corporate-action cash cleared to each investor (CLR-7): none in a case without any.
  compare("ca_credits",
          "SELECT event_id || ':' || channel || ':' || account_id, holding, gross_rmb, tax_rmb, "
          "net_rmb, payable_date FROM eod_ca_credit WHERE business_date = ?",
          {"holding", "gross_rmb", "tax_rmb", "net_rmb", "payable_date"});
  if (!expected["ca_credits"].empty()) {
    // The same credits as the operator downloads them (report ca-credits).
    EodRun report = run_command("report ca-credits --date " + date + " --format json");
    ASSERT_EQ(report.exit_code, 0) << report.err;
    const Json rows = Json::parse(report.out)["rows"];
    ASSERT_EQ(rows.size(), expected["ca_credits"].size());
    for (const Json& row : rows) {
      const std::string key = row["event"].get<std::string>() + ":" +
                              row["channel"].get<std::string>() + ":" +
                              row["account"].get<std::string>();
      ASSERT_TRUE(expected["ca_credits"].contains(key)) << key;
      EXPECT_EQ(row["net_rmb"], expected["ca_credits"][key]["net_rmb"]) << key;
      EXPECT_EQ(row["tax_rmb"], expected["ca_credits"][key]["tax_rmb"]) << key;
    }
  }
  // The trade dates of each instruction, as the report by settlement day shows them.
  for (const auto& [key, want] : expected["transfers"].items()) {
    const std::string settles = key.substr(key.rfind(':') + 1);
    EodRun report = run_command("report transfer --settlement-date " + settles + " --json");
    ASSERT_EQ(report.exit_code, 0) << report.err;
    bool found = false;
    const Json parsed = Json::parse(report.out);
    for (const auto& row : parsed["rows"]) {
      if (row["channel"].get<std::string>() + ":" + row["reserve"].get<std::string>() + ":" +
              settles ==
          key) {
        found = true;
        EXPECT_EQ(row["trade_dates"], want["trade_dates"]) << key;
        EXPECT_EQ(row["transfer_rmb"], want["transfer_rmb"]) << key;
      }
    }
    EXPECT_TRUE(found) << key;
  }
  compare("exceptions",
          "SELECT kind || ':' || subject, amount_rmb, penalty_rmb, interest_rmb FROM "
          "eod_exception WHERE business_date = ?",
          {"amount_rmb", "penalty_rmb", "interest_rmb"});
  compare_rows(
      "pre_clearing", pre_clearing_rows(db, date),
      {"cash_statement_rmb", "settled_since_rmb", "fees_collected_since_rmb",
       "other_settled_since_rmb", "cash_rmb", "unsettled_buys_rmb", "unsettled_sells_rmb",
       "portfolio_fee_rmb", "other_unsettled_rmb", "frozen_at_reference_rmb",
       "frozen_adjustment_rmb", "available_southbound_rmb", "available_a_share_rmb", "notify"});
  // Settlement-day entries (CLR-3): the investors' cash and holdings and the reserves' payments
  // that the run posted for what settled since the previous run.
  std::map<std::string, Decimal> settled;
  for (const auto& [p, seq] : postings_of(db, date)) {
    if (!p.entry.starts_with("SETTLE:") && !p.entry.starts_with("CSDC:")) continue;
    if (p.account.starts_with("investor_cash:") || p.account.starts_with("investor_holdings:") ||
        p.account.starts_with("csdc_reserve:")) {
      settled[p.account + "|" + p.asset] += p.amount;
    }
  }
  std::erase_if(settled, [](const auto& item) { return item.second.is_zero(); });
  ASSERT_EQ(settled.size(), expected["settlement"].size());
  for (const auto& [key, amount] : settled) {
    ASSERT_TRUE(expected["settlement"].contains(key)) << key;
    EXPECT_TRUE(amount == *Decimal::parse(expected["settlement"][key].get<std::string>()))
        << key << ": " << amount.to_string();
  }
  // Dates from the calendar, derived by hand in case.json.
  auto flows = db.query(
      "SELECT DISTINCT flow_date FROM eod_csdc_obligation WHERE business_date = ?", {date});
  ASSERT_TRUE(flows.ok());
  for (const auto& row : flows->rows) EXPECT_EQ(row.text(0), spec["settlement_date"]);
  auto risk_dates =
      db.query("SELECT DISTINCT flow_date FROM eod_risk_funds WHERE business_date = ?", {date});
  ASSERT_TRUE(risk_dates.ok());
  for (const auto& row : risk_dates->rows) EXPECT_EQ(row.text(0), spec["risk_funds_date"]);
  auto fee_days =
      db.query("SELECT DISTINCT days FROM eod_portfolio_fee WHERE business_date = ?", {date});
  ASSERT_TRUE(fee_days.ok());
  for (const auto& row : fee_days->rows)
    EXPECT_EQ(row.integer(0), spec["portfolio_fee_days"].get<int64_t>());
  EodRun ledger = run_command("ledger check --date " + date);
  EXPECT_EQ(ledger.exit_code, 0) << ledger.out;
}

TEST_P(EodCliTest, GoldenCasesMatchTheWorkedOutNumbers) {
  // Each case in a database of its own: a case's transfer adds back the risk funds of the latest
  // earlier EOD in the database (CLR-11), which another case's run would otherwise be.
  for (const char* name :
       {"basic", "holiday", "fx_covered", "fx_overdraft", "christmas", "rpf", "dividend"}) {
    SCOPED_TRACE(name);
    auto scratch = testing::ScratchDatabase::create(GetParam());
    ASSERT_TRUE(scratch.ok()) << scratch.error().to_string();
    auto db = (*scratch)->open();
    ASSERT_TRUE(db.ok()) << db.error().to_string();
    const std::string url = (*scratch)->url();
    check_golden_case(*this, **db, name, [&](const std::string& args, const std::string& data) {
      const std::string command = "cd '" + dir_.string() + "' && '" + CONNECTPOST_TEST_BIN +
                                  "' --log-level warn --db '" + url + "' --data-dir '" + data +
                                  "' " + args + " >out.txt 2>err.txt";
      const int status = std::system(command.c_str());
      return EodRun{WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(dir_ / "out.txt"),
                    slurp(dir_ / "err.txt")};
    });
  }
}

// Issue 15 §5: 2022-11-15 under the stamp duty and trading fee of 2023-11-17, and with the margin
// rate set, each difference worked in tests/golden/what_if/README.md; nothing is stored.
TEST_P(EodCliTest, WhatIfShowsADayUnderAnotherDatesRulesAndStoresNothing) {
  const std::string dir = std::string(CONNECTPOST_SOURCE_DIR) + "/tests/golden/what_if/";
  for (const char* kind :
       {"accounts", "executions", "fx", "prices", "positions", "reserves", "cash"}) {
    EodRun imported = run(std::string("import ") + kind + " '" + dir + kind + ".csv'");
    ASSERT_EQ(imported.exit_code, 0) << kind << ": " << imported.err;
  }
  EodRun eod = run("eod run --date 2022-11-15 --json");
  ASSERT_EQ(eod.exit_code, 0) << eod.err;
  const std::string stored_digest = Json::parse(eod.out)["result_digest"].get<std::string>();
  EodRun csdc_before = run("report csdc --date 2022-11-15 --format json");
  ASSERT_EQ(csdc_before.exit_code, 0) << csdc_before.err;

  const Json expected = Json::parse(slurp(dir + "expected.json"));
  auto check_lines = [](const Json& lines, const Json& want) {
    std::map<std::string, Json> by_key;
    for (const auto& l : lines) {
      by_key[l["channel"].get<std::string>() + ":" + l["who"].get<std::string>() + ":" +
             l["item"].get<std::string>()] = l;
    }
    for (const auto& [key, values] : want.items()) {
      SCOPED_TRACE(key);
      ASSERT_TRUE(by_key.count(key)) << "no line " << key;
      EXPECT_EQ(by_key[key]["baseline"], values[0]);
      EXPECT_EQ(by_key[key]["what_if"], values[1]);
      EXPECT_EQ(by_key[key]["difference"], values[2]);
    }
  };
  EodRun what_if =
      run("eod what-if --date 2022-11-15 --as-of-rules 2023-11-17 --account INV001 --json");
  ASSERT_EQ(what_if.exit_code, 0) << what_if.err;
  const Json out = Json::parse(what_if.out);
  EXPECT_EQ(out["rules_date"], "2023-11-17");
  // The baseline is the stored run, recomputed over the same snapshot.
  EXPECT_EQ(out["baseline_digest"], stored_digest);
  EXPECT_EQ(out["stored_digest"], stored_digest);
  EXPECT_NE(out["what_if_digest"], stored_digest);
  check_lines(out["lines"], expected["reserve_lines"]);
  check_lines(out["account_lines"], expected["account_lines"]);

  EodRun margin = run("eod what-if --date 2022-11-15 --set risk.margin_rate=30 --json");
  ASSERT_EQ(margin.exit_code, 0) << margin.err;
  check_lines(Json::parse(margin.out)["lines"], expected["margin_rate_30"]);

  // Nothing stored: the day's results and its digest are the run's.
  EodRun csdc_after = run("report csdc --date 2022-11-15 --format json");
  EXPECT_EQ(csdc_after.out, csdc_before.out);
  EodRun rerun = run("eod run --date 2022-11-15 --json");
  ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
  EXPECT_EQ(Json::parse(rerun.out)["result_digest"], stored_digest);

  // Refusals: nothing to change, a parameter not in force, a value of the wrong unit.
  EodRun nothing = run("eod what-if --date 2022-11-15");
  EXPECT_NE(nothing.exit_code, 0);
  EXPECT_NE(nothing.err.find("--as-of-rules"), std::string::npos) << nothing.err;
  EodRun unknown = run("eod what-if --date 2022-11-15 --set risk.no_such_thing=1");
  EXPECT_NE(unknown.exit_code, 0);
  EXPECT_NE(unknown.err.find("risk.no_such_thing"), std::string::npos) << unknown.err;
  EodRun wrong_unit = run("eod what-if --date 2022-11-15 --set risk.margin_rate=lots");
  EXPECT_NE(wrong_unit.exit_code, 0);
  EXPECT_NE(wrong_unit.err.find("risk.margin_rate"), std::string::npos) << wrong_unit.err;
}

CP_INSTANTIATE_ON_BOTH_BACKENDS(EodCliTest);

}  // namespace
}  // namespace cp
