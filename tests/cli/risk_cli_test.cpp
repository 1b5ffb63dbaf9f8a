// `connectpost import cns-positions|price-history` and `connectpost risk margin` end to end on
// both databases, against tests/golden/margin (README.md works the figures by hand; work_out.py
// is the independent Python oracle that wrote expected.json), and the bad inputs issue 16 names:
// each refused with its file, line and field, exit 2, nothing stored.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "core/decimal.h"
#include "support/backend_test.h"
#include "support/cli_runner.h"
#include "support/golden_files.h"

namespace cp {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using Json = nlohmann::json;
using Outcome = testing::CliOutcome;
using testing::expect_amount;
using testing::slurp;

const fs::path kCase = fs::path(CONNECTPOST_SOURCE_DIR) / "tests/golden/margin";

class RiskCliTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    dir_ = fs::temp_directory_path() /
           ("cp_risk_" + std::to_string(::getpid()) + "_" +
            std::to_string(static_cast<int>(GetParam())) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    // The shipped data with the case's risk parameters (20 scenarios) and instrument rows.
    data_ = dir_ / "data";
    fs::copy(fs::path(CONNECTPOST_SOURCE_DIR) / "data", data_, fs::copy_options::recursive);
    for (const char* file : {"risk_parameters.csv", "risk_instruments.csv"}) {
      fs::copy_file(kCase / file, data_ / file, fs::copy_options::overwrite_existing);
    }
  }
  void TearDown() override { fs::remove_all(dir_); }

  Outcome run(const std::string& args) {
    return testing::run_cli(dir_, scratch_->url(), args, "", data_);
  }
  void import(const std::string& kind, const fs::path& file) {
    const Outcome imported = run("import " + kind + " '" + file.string() + "'");
    ASSERT_EQ(imported.exit_code, 0) << kind << ": " << imported.err;
  }
  void import_case() {
    import("price-history", kCase / "price_history.csv");
    import("price-history", kCase / "price_history_2022.csv");
    import("cns-positions", kCase / "cns_positions.csv");
  }
  // `text` in a scratch file named `name`.
  fs::path write(const std::string& name, const std::string& text) {
    const fs::path file = dir_ / name;
    std::ofstream(file) << text;
    return file;
  }

  void expect_margins(const std::string& expected_file);

  fs::path dir_;
  fs::path data_;
};

// Runs `risk margin --json` for every participant-day of `expected_file` and compares each figure.
void RiskCliTest::expect_margins(const std::string& expected_file) {
  const Json expected = Json::parse(slurp(kCase / expected_file));
  ASSERT_EQ(expected["margins"].size(), 5u);
  for (const Json& margin : expected["margins"]) {
    const std::string who =
        margin["participant"].get<std::string>() + " " + margin["date"].get<std::string>();
    const Outcome shown =
        run("risk margin --participant " + margin["participant"].get<std::string>() + " --date " +
            margin["date"].get<std::string>() + " --json");
    ASSERT_EQ(shown.exit_code, 0) << who << ": " << shown.err;
    const Json actual = Json::parse(shown.out);
    EXPECT_EQ(actual["regime"], margin["regime"]) << who;
    EXPECT_EQ(actual["currency"], "HKD");
    for (const auto& [key, value] : margin.items()) {
      if (key == "participant" || key == "date" || key == "regime" || key == "positions" ||
          key == "hvar_pnls" || key == "svar_pnls") {
        continue;
      }
      if (value.is_number()) {
        EXPECT_EQ(actual[key], value) << who << " " << key;
      } else {
        expect_amount(actual[key], value, who + " " + key);
      }
    }
    ASSERT_EQ(actual["positions"].size(), margin["positions"].size()) << who;
    for (size_t i = 0; i < margin["positions"].size(); ++i) {
      const Json& e = margin["positions"][i];
      const Json& a = actual["positions"][i];
      EXPECT_EQ(a["security"], e["security"]) << who;
      EXPECT_EQ(a["quantity"], e["quantity"]) << who;
      for (const char* key : {"market_value", "contract_value", "mtm"}) {
        expect_amount(a[key], e[key], who + " " + e["security"].get<std::string>() + " " + key);
      }
    }
  }
}

TEST_P(RiskCliTest, EveryParticipantsMarginMatchesTheWorkedCase) {
  import_case();
  expect_margins("expected.json");
}

TEST_P(RiskCliTest, FilteredScenariosMatchTheOracle) {
  // The shipped decay 0.94 on HVaR (docs/risk.md): the oracle filters independently.
  fs::copy_file(kCase / "risk_parameters_filtered.csv", data_ / "risk_parameters.csv",
                fs::copy_options::overwrite_existing);
  import_case();
  expect_margins("expected_filtered.json");
}

TEST_P(RiskCliTest, TheTextReportShowsEachComponent) {
  import_case();
  const Outcome shown = run("risk margin --participant TP002 --date 2024-03-15");
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  // README.md: the hedged pair loses nothing in any scenario; the floor binds.
  EXPECT_THAT(shown.out, HasSubstr("floor (base 376,200,000)"));
  EXPECT_THAT(shown.out, HasSubstr("12,038,400"));
  EXPECT_THAT(shown.out, HasSubstr("total requirement"));
  EXPECT_THAT(shown.out, HasSubstr("7,550,000"));
}

TEST_P(RiskCliTest, TheChinaClearLegIsInCnyWithTheHaircutMarkingUp) {
  import_case();
  // TN001 (README): after credit 2,600,000, MTM requirement 680,000; at HKD 1.1 per CNY with
  // 3 % + 1 %: 2,600,000 × 1.04 / 1.1 = 2,458,181.818… → 2,458,181.82; 680,000 × 1.04 / 1.1 =
  // 642,909.0909… → 642,909.10; total 3,101,090.92.
  const Outcome shown =
      run("risk margin --participant TN001 --date 2024-03-15 --hkd-per-cny 1.1 --json");
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  const Json leg = Json::parse(shown.out)["chinaclear"];
  EXPECT_EQ(leg["currency"], "CNY");
  expect_amount(leg["haircut"], Json("0.04"), "haircut");
  expect_amount(leg["margin"], Json("2458181.82"), "margin");
  expect_amount(leg["mtm_requirement"], Json("642909.10"), "mtm");
  expect_amount(leg["total"], Json("3101090.92"), "total");
  EXPECT_EQ(run("risk margin --participant TN001 --date 2024-03-15 --hkd-per-cny -1").exit_code, 2);
}

TEST_P(RiskCliTest, ReportsUnderTheirHksccIds) {
  import_case();
  // RMAMR01: the margin's figures (README: TP001's total requirement 6,936,000).
  const Outcome margin = run("risk report RMAMR01 --participant TP001 --date 2024-03-15");
  ASSERT_EQ(margin.exit_code, 0) << margin.err;
  EXPECT_THAT(margin.out, HasSubstr("participant,date,component,amount_hkd"));
  EXPECT_THAT(margin.out, HasSubstr("TP001,2024-03-15,total_requirement,6936000"));
  EXPECT_THAT(margin.out, HasSubstr("TP001,2024-03-15,portfolio_margin,13792049"));
  // CCMPY02 announces the day-end call; CCLTN05 TP002's settlement money.
  ASSERT_EQ(run("obligations run --date 2024-03-15").exit_code, 0);
  const Outcome day_end =
      run("risk report CCMPY02 --participant TP001 --date 2024-03-15 --format json");
  ASSERT_EQ(day_end.exit_code, 0) << day_end.err;
  const Json rows = Json::parse(day_end.out)["rows"];
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_THAT(day_end.out, HasSubstr("TP001:2024-03-15:day_end_mtm_and_margin"));
  const Outcome settlement = run("risk report CCLTN05 --participant TP002 --date 2024-03-15");
  EXPECT_THAT(settlement.out, HasSubstr("TP002:2024-03-15:sehk_trades_money,sehk_trades_money,"
                                        "12500000.00"));
  const Outcome xlsx =
      run("risk report RMAMR01 --participant TP001 --date 2024-03-15 --format "
          "xlsx --out m.xlsx");
  EXPECT_EQ(xlsx.exit_code, 0) << xlsx.err;
  EXPECT_TRUE(fs::exists(dir_ / "m.xlsx"));
  const Outcome unknown = run("risk report XYZ01 --participant TP001 --date 2024-03-15");
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_THAT(unknown.err, HasSubstr("no report XYZ01 (known: RMAMR01, RMAMR03"));
}

TEST_P(RiskCliTest, AParticipantWithoutPositionsIsNotFound) {
  import_case();
  const Outcome shown = run("risk margin --participant ZZ999 --date 2024-03-15");
  EXPECT_EQ(shown.exit_code, 1);
  EXPECT_THAT(shown.err, HasSubstr("no CNS positions of ZZ999 as of 2024-03-15"));
}

TEST_P(RiskCliTest, AHistoryWithAGapIsRefusedAndNothingStored) {
  // 2024-02-20 dropped from 00700's closes.
  std::string text;
  std::istringstream in(slurp(kCase / "price_history.csv"));
  for (std::string line; std::getline(in, line);) {
    if (!line.starts_with("2024-02-20,00700,")) text += line + "\n";
  }
  ASSERT_LT(text.size(), slurp(kCase / "price_history.csv").size());
  const fs::path file = write("gap.csv", text);
  const Outcome imported = run("import price-history '" + file.string() + "'");
  EXPECT_EQ(imported.exit_code, 2);
  EXPECT_THAT(imported.err,
              HasSubstr("field 'price_date': 00700 has no close on 2024-02-20, an SEHK trading "
                        "day between 2024-02-19"));
  EXPECT_THAT(imported.err, HasSubstr("gap.csv:"));
  // Nothing stored: the margin finds no close to value 00005 with.
  import("cns-positions", kCase / "cns_positions.csv");
  const Outcome shown = run("risk margin --participant TP002 --date 2024-03-15");
  EXPECT_EQ(shown.exit_code, 2);
  EXPECT_THAT(shown.err, HasSubstr("no close of 00005 on 2024-03-15"));
}

TEST_P(RiskCliTest, ANegativePriceIsRefused) {
  const fs::path file =
      write("negative.csv", "price_date,security,close_hkd\n2024-03-15,00700,-1.00\n");
  const Outcome imported = run("import price-history '" + file.string() + "'");
  EXPECT_EQ(imported.exit_code, 2);
  EXPECT_THAT(imported.err, HasSubstr("negative.csv:2:"));
  EXPECT_THAT(imported.err, HasSubstr("close_hkd"));
}

TEST_P(RiskCliTest, APositionInAnUnknownSecurityIsRefusedAndNothingStored) {
  const fs::path file = write("positions.csv",
                              "as_of,participant,security,settlement_date,quantity,"
                              "contract_value_hkd,ssc_quantity,scc_amount_hkd\n"
                              "2024-03-15,TP001,00700,2024-03-19,100,35000.00,,\n"
                              "2024-03-15,TP001,09999,2024-03-19,100,35000.00,,\n");
  const Outcome imported = run("import cns-positions '" + file.string() + "'");
  EXPECT_EQ(imported.exit_code, 2);
  EXPECT_THAT(imported.err, HasSubstr("positions.csv:3:"));
  EXPECT_THAT(imported.err, HasSubstr("field 'security': '09999' is not in the securities master"));
  const Outcome shown = run("risk margin --participant TP001 --date 2024-03-15");
  EXPECT_EQ(shown.exit_code, 1);  // the first row was not stored either
  EXPECT_THAT(shown.err, HasSubstr("no CNS positions of TP001"));
}

TEST_P(RiskCliTest, AScenarioCountTheHistoryCannotFillIsRefused) {
  import_case();
  // 60 returns to 2024-03-15 need closes from 2023-12-…: the history starts on 2024-01-02.
  std::string parameters = slurp(data_ / "risk_parameters.csv");
  const std::string from = "margin.hvar.scenario_count,20,";
  parameters.replace(parameters.find(from), from.size(), "margin.hvar.scenario_count,60,");
  std::ofstream(data_ / "risk_parameters.csv") << parameters;
  const Outcome shown = run("risk margin --participant TP001 --date 2024-03-15");
  EXPECT_EQ(shown.exit_code, 2);
  EXPECT_THAT(shown.err, HasSubstr("margin.hvar.scenario_count 60 needs every close from"));
  EXPECT_THAT(shown.err, HasSubstr("field 'price_history'"));
}

TEST_P(RiskCliTest, AParameterMissingForTheDateIsRefused) {
  import_case();
  std::string parameters = slurp(data_ / "risk_parameters.csv");
  const auto at = parameters.find("margin.rounding,");
  parameters.erase(at, parameters.find('\n', at) - at + 1);
  std::ofstream(data_ / "risk_parameters.csv") << parameters;
  const Outcome shown = run("risk margin --participant TP001 --date 2024-03-15");
  EXPECT_EQ(shown.exit_code, 2);
  EXPECT_THAT(shown.err, HasSubstr("margin.rounding"));
  EXPECT_THAT(shown.err, HasSubstr("2024-03-15"));
}

// ORG-4: HKSCC's published ±22 % shocks, the window's worst day and an operator's own shock
// against the margin held (README.md "Stress tests").
TEST_P(RiskCliTest, StressLossesAgainstTheCollateralHeld) {
  import_case();
  const Outcome shown =
      run("risk stress --participant TP001 --date 2024-03-15 --shock 00700=-0.35 --json");
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  const Json out = Json::parse(shown.out);
  EXPECT_EQ(out["worst_day"], "2024-03-07");
  std::map<std::string, Json> by_name;
  for (const Json& s : out["scenarios"]) by_name[s["scenario"]] = s;
  ASSERT_EQ(by_name.size(), 4u);
  expect_amount(by_name["hk_market_down_22"]["loss"], Json("60890280"), "down 22 loss");
  expect_amount(by_name["hk_market_down_22"]["collateral"], Json("6936000"), "collateral");
  expect_amount(by_name["hk_market_down_22"]["shortfall"], Json("53954280"), "down 22 short");
  expect_amount(by_name["hk_market_up_22"]["shortfall"], Json("0"), "up 22 short");
  expect_amount(by_name["historical_worst_day"]["loss"], Json("15542637"), "worst day");
  expect_amount(by_name["historical_worst_day"]["shortfall"], Json("8606637"), "worst short");
  expect_amount(by_name["user_defined"]["shortfall"], Json("93166800"), "user short");
  // The hedged pair of TP002 loses nothing under either shock.
  const Json hedged =
      Json::parse(run("risk stress --participant TP002 --date 2024-03-15 --json").out);
  for (const Json& s : hedged["scenarios"]) {
    if (s["scenario"] != "historical_worst_day") expect_amount(s["loss"], Json("0"), "hedged");
  }
  const Outcome bad = run("risk stress --participant TP001 --date 2024-03-15 --shock 00700=-2");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("from −1"));
}

// Obligations of the case's days (tests/golden/margin/README.md "Obligations"; the oracle's
// expected_obligations.json), payments, and the events of default at 2024-03-18 09:31 HKT.
TEST_P(RiskCliTest, ObligationsPaymentsAndDefaultsMatchTheWorkedCase) {
  import_case();
  import("guarantee-fund", kCase / "guarantee_fund.csv");
  import("intraday-prices", kCase / "intraday_prices.csv");
  const Json expected = Json::parse(slurp(kCase / "expected_obligations.json"));
  std::set<std::pair<std::string, std::string>> days;
  for (const Json& o : expected["obligations"]) {
    const std::string id = o["id"];
    days.emplace(id.substr(0, id.find(':')), id.substr(id.find(':') + 1, 10));
  }
  for (const char* date : {"2022-06-10", "2024-02-09", "2024-03-15"}) {
    const Outcome ran = run(std::string("obligations run --date ") + date);
    ASSERT_EQ(ran.exit_code, 0) << date << ": " << ran.err;
  }
  size_t seen = 0;
  for (const auto& [participant, date] : days) {
    const Outcome shown =
        run("obligations --participant " + participant + " --date " + date + " --json");
    ASSERT_EQ(shown.exit_code, 0) << shown.err;
    const Json listed = Json::parse(shown.out);
    for (const Json& a : listed["obligations"]) {
      const Json* e = nullptr;
      for (const Json& candidate : expected["obligations"]) {
        if (candidate["id"] == a["id"]) e = &candidate;
      }
      ASSERT_NE(e, nullptr) << "not in the worked case: " << a["id"];
      ++seen;
      EXPECT_EQ(a["kind"], (*e)["kind"]);
      expect_amount(a["amount"], (*e)["amount"], a["id"].get<std::string>());
      EXPECT_EQ(a["currency"], "HKD");
      for (const char* key : {"channel", "deadline", "report", "report_issued_at"}) {
        EXPECT_EQ(a[key], (*e)[key]) << a["id"] << " " << key;
      }
    }
  }
  EXPECT_EQ(seen, expected["obligations"].size());

  import("payments", kCase / "payments.csv");
  const Outcome checked = run("obligations check-defaults --at '2024-03-18 09:31' --json");
  ASSERT_EQ(checked.exit_code, 0) << checked.err;
  Json defaulted = Json::parse(checked.out)["defaulted"];
  std::vector<std::string> ids(defaulted.begin(), defaulted.end());
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(Json(ids), expected["defaulted"]);
  // Checked again, nothing new: each default is recorded once.
  const Outcome again = run("obligations check-defaults --at '2024-03-18 09:31' --json");
  EXPECT_TRUE(Json::parse(again.out)["defaulted"].empty()) << again.out;

  // TP001 paid at 09:30 sharp: paid. TN001 paid 200,000 in time and 80,000 at 09:45: in default
  // at 09:31, and paid in full since.
  auto day_end_of = [&](const std::string& participant) {
    const Json list = Json::parse(
        run("obligations --participant " + participant + " --date 2024-03-15 --json").out);
    for (const Json& o : list["obligations"]) {
      if (o["kind"] == "day_end_mtm_and_margin") return o;
    }
    return Json();
  };
  const Json tp001 = day_end_of("TP001");
  EXPECT_EQ(tp001["status"], "paid");
  EXPECT_TRUE(tp001["defaulted_at"].is_null());
  const Json tn001 = day_end_of("TN001");
  EXPECT_EQ(tn001["status"], "paid");
  EXPECT_EQ(tn001["defaulted_at"], "2024-03-18T01:31:00.000000Z");
  expect_amount(tn001["paid"], Json("280000"), "TN001 paid");

  // MO-5: TP002's 1,000,000 02800 allocated on 2024-03-15 are released at 15:10 by its CHATS
  // prepayment of the day's money (before the 15:30 cut-off).
  const Json shares =
      Json::parse(run("obligations shares --participant TP002 --date 2024-03-15 --json").out);
  ASSERT_EQ(shares["allocations"].size(), expected["releases"].size());
  const Json& release = expected["releases"][0];
  EXPECT_EQ(shares["allocations"][0]["security"], release["security"]);
  EXPECT_EQ(shares["allocations"][0]["quantity"], release["quantity"]);
  EXPECT_EQ(shares["allocations"][0]["state"], release["state"]);
  EXPECT_EQ(shares["allocations"][0]["released_at"], release["released_at"]);

  // A rerun of the day keeps what was paid and changes nothing (the figures are the same).
  const Outcome rerun = run("obligations run --date 2024-03-15");
  EXPECT_EQ(rerun.exit_code, 0) << rerun.err;
  // A payment against no obligation is refused with its line; nothing of the file is stored.
  const fs::path bad = write("bad_payments.csv",
                             "payment_id,obligation_id,amount_hkd,received_at\n"
                             "P-1,TP002:2024-03-15:gf_contribution,1500000.00,2024-03-18 12:00\n"
                             "P-2,TP009:2024-03-15:day_end_mtm_and_margin,1.00,2024-03-18 12:00\n");
  const Outcome refused = run("import payments '" + bad.string() + "'");
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_THAT(refused.err, HasSubstr("bad_payments.csv:3: field 'obligation_id'"));
  const Json tp002 = Json::parse(
      run("obligations --participant TP002 --date 2024-03-15 --json").out)["obligations"];
  for (const Json& o : tp002) {
    if (o["kind"] == "gf_contribution") expect_amount(o["paid"], Json("0"), "not stored");
  }
}

CP_INSTANTIATE_ON_BOTH_BACKENDS(RiskCliTest);

}  // namespace
}  // namespace cp
