// `connectpost import ca-events|ca-payments` and `connectpost ca entitlements` end to end on both
// databases, against tests/golden/ca (each case's README works the figures by hand; work_out.py is
// the independent oracle that wrote expected.json), and the bad inputs issue 17 names: each
// refused with its reason, nothing stored.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

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

const fs::path kCases = fs::path(CONNECTPOST_SOURCE_DIR) / "tests/golden/ca";

class CaCliTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    dir_ = fs::temp_directory_path() /
           ("cp_ca_" + std::to_string(::getpid()) + "_" +
            std::to_string(static_cast<int>(GetParam())) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  Outcome run(const std::string& args) { return testing::run_cli(dir_, scratch_->url(), args); }
  void import(const std::string& kind, const fs::path& file) {
    const Outcome imported = run("import " + kind + " '" + file.string() + "'");
    ASSERT_EQ(imported.exit_code, 0) << kind << ": " << imported.err;
  }
  void import_case(const std::string& name) {
    const fs::path dir = kCases / name;
    import("accounts", dir / "accounts.csv");
    import("positions", dir / "positions.csv");
    if (fs::exists(dir / "executions.csv")) import("executions", dir / "executions.csv");
    if (fs::exists(dir / "non_trade_transfers.csv")) {
      import("non-trade-transfers", dir / "non_trade_transfers.csv");
    }
    import("ca-events", dir / "ca_events.csv");
    import("ca-payments", dir / "ca_payments.csv");
  }
  fs::path write(const std::string& name, const std::string& text) {
    const fs::path file = dir_ / name;
    std::ofstream(file) << text;
    return file;
  }
  void expect_case(const std::string& name);
  void give_instructions(const std::string& name);
  void expect_elections(const std::string& event, const Json& want);
  void expect_transfers(const Json& want);

  fs::path dir_;
};

// `ca transfers --json` against the case's transfers: what each moves, its fees, when they settle.
void CaCliTest::expect_transfers(const Json& want) {
  const Outcome shown = run("ca transfers --json");
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  const Json actual = Json::parse(shown.out)["transfers"];
  ASSERT_EQ(actual.size(), want.size()) << actual.dump();
  for (size_t i = 0; i < want.size(); ++i) {
    const std::string who = want[i]["transfer_id"];
    EXPECT_EQ(actual[i]["transfer_id"], want[i]["transfer_id"]);
    EXPECT_EQ(actual[i]["moves_shares"], want[i]["moves_shares"]) << who;
    EXPECT_EQ(actual[i]["fee_account"], want[i]["fee_account"]) << who;
    const auto fee = Decimal::parse(actual[i]["transfer_fee_rmb"].get<std::string>());
    const auto duty = Decimal::parse(actual[i]["stamp_duty_rmb"].get<std::string>());
    ASSERT_TRUE(fee.ok() && duty.ok()) << who;
    expect_amount(Json((*fee + *duty).to_string()), want[i]["fees_rmb"], who + " fees");
    EXPECT_EQ(actual[i]["fee_settlement_date"], want[i]["fee_settlement_date"]) << who;
  }
}

// Every event of the case: `ca entitlements --json` against expected.json, row by row.
void CaCliTest::expect_case(const std::string& name) {
  import_case(name);
  if (HasFatalFailure()) return;
  const Json expected = Json::parse(slurp(kCases / name / "expected.json"));
  ASSERT_FALSE(expected.empty());
  give_instructions(name);
  if (HasFatalFailure()) return;
  if (expected.contains("transfers")) expect_transfers(expected["transfers"]);
  for (const auto& [event, want] : expected.items()) {
    if (event == "transfers") continue;
    const Outcome shown = run("ca entitlements --event " + event + " --json");
    ASSERT_EQ(shown.exit_code, 0) << event << ": " << shown.err;
    const Json actual = Json::parse(shown.out);
    EXPECT_EQ(actual["holders_date"], want["holders_date"]) << event;
    if (want.contains("tradable_from")) {
      for (const Json& channel : actual["channels"]) {
        EXPECT_EQ(channel["tradable_from"], want["tradable_from"]) << event;
      }
    }
    if (want.contains("elections")) expect_elections(event, want["elections"]);
    const Json& rows = actual["entitlements"];
    ASSERT_EQ(rows.size(), want["entitlements"].size()) << event << ": " << rows.dump();
    for (size_t i = 0; i < rows.size(); ++i) {
      const Json& e = want["entitlements"][i];
      const Json& a = rows[i];
      const std::string who = event + " " + e["account_id"].get<std::string>();
      EXPECT_EQ(a["channel"], e["channel"]) << who;
      EXPECT_EQ(a["account_id"], e["account_id"]) << who;
      EXPECT_EQ(a["holding"], e["holding"]) << who;
      for (const char* key : {"securities", "fraction", "odd_lot", "votes", "taken_up"}) {
        if (e.contains(key)) {
          EXPECT_EQ(a[key], e[key]) << who << " " << key;
        }
      }
      for (const char* key :
           {"gross_ccy", "gross_rmb", "enterprise_tax_rmb", "tax_rmb", "net_rmb"}) {
        if (e.contains(key)) {
          expect_amount(a[key], e[key], who + " " + key);
        }
      }
      for (const char* key : {"tax_withheld_by", "payable_date"}) {
        if (e.contains(key)) {
          EXPECT_EQ(a[key], e[key]) << who << " " << key;
        }
      }
    }
  }
}

// Each row of the case's instructions.csv given with `ca elect` at its time: accepted (exit 0) or
// refused (exit 1) as its `expect` says.
void CaCliTest::give_instructions(const std::string& name) {
  const fs::path file = kCases / name / "instructions.csv";
  if (!fs::exists(file)) return;
  std::istringstream lines(slurp(file));
  std::string line;
  std::getline(lines, line);  // the header
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    std::vector<std::string> f;
    std::stringstream fields(line);
    for (std::string field; std::getline(fields, field, ',');) f.push_back(field);
    ASSERT_EQ(f.size(), 6u) << line;
    std::string choices;
    std::stringstream parts(f[3]);
    for (std::string part; std::getline(parts, part, ';');) choices += " --choice " + part;
    std::string at = f[4];
    at[10] = ' ';
    const Outcome given = run("ca elect --event " + f[0] + " --channel " + f[1] + " --account " +
                              f[2] + choices + " --at '" + at + "'");
    EXPECT_EQ(given.exit_code, f[5] == "ok" ? 0 : 1) << line << ": " << given.err;
  }
}

void CaCliTest::expect_elections(const std::string& event, const Json& want) {
  const Outcome shown = run("ca elections --event " + event + " --json");
  ASSERT_EQ(shown.exit_code, 0) << event << ": " << shown.err;
  const Json actual = Json::parse(shown.out);
  ASSERT_EQ(actual["filed"].size(), want["filed"].size()) << actual["filed"].dump();
  for (size_t i = 0; i < want["filed"].size(); ++i) {
    const Json& e = want["filed"][i];
    const Json& a = actual["filed"][i];
    const std::string who = event + " " + e["account_id"].get<std::string>();
    EXPECT_EQ(a["channel"], e["channel"]) << who;
    EXPECT_EQ(a["account_id"], e["account_id"]) << who;
    EXPECT_EQ(a["status"], e["status"]) << who;
    EXPECT_EQ(a["filed"], e["filed"]) << who;
  }
  EXPECT_EQ(actual["totals"], want["totals"]) << event;
}

TEST_P(CaCliTest, AUsdDividendOnAnHShareAndOnARedChip) {
  expect_case("dividend_usd");
}

TEST_P(CaCliTest, TheSellerKeepsTheDividendOnTheEveningsOfTAndTPlusOne) {
  expect_case("stl3");
}

TEST_P(CaCliTest, BonusSharesAConsolidationAndATakeover) {
  expect_case("shares");
}

TEST_P(CaCliTest, AVoteIsProRatedToTheRecordDatesHolding) {
  expect_case("vote");
}

// Also the take-up's subscription money, and the shares taken up in a later dividend's holders.
TEST_P(CaCliTest, RightsAreTakenUpWithinTheEntitlementOnlyPaidForAndCredited) {
  expect_case("rights");
}

TEST_P(CaCliTest, AnInheritanceBeforeTheRecordDateMovesTheDividendToTheHeir) {
  expect_case("inheritance");
}

// CSDC's transfer data is checked as a file: a clearing date that is no Southbound trading day
// (Saturday 2025-08-09) is refused naming the transfer, and nothing is stored; a second import of
// the same rows changes nothing; the same id with other data is refused.
TEST_P(CaCliTest, NonTradeTransferDataIsCheckedAndNeverReplaced) {
  const std::string header =
      "transfer_id,reason,channel,clearing_date,from_account,to_account,security_code,quantity,"
      "fee_account,transfer_fee_rmb,stamp_duty_rmb,source\n";
  const Outcome saturday =
      run("import non-trade-transfers '" +
          write("t.csv", header + "NT-9,donation,sh,2025-08-09,A,B,00005,100,B,"
                                  "1.00,0.00,x\n")
              .string() +
          "'");
  EXPECT_NE(saturday.exit_code, 0);
  EXPECT_THAT(saturday.err, HasSubstr("NT-9"));
  EXPECT_THAT(saturday.err, HasSubstr("not a Southbound trading day"));
  EXPECT_THAT(run("ca transfers --json").out, HasSubstr("[]"));
  const std::string row = "NT-9,donation,sh,2025-08-08,A,B,00005,100,B,1.00,0.00,x\n";
  ASSERT_EQ(
      run("import non-trade-transfers '" + write("t.csv", header + row).string() + "'").exit_code,
      0);
  EXPECT_EQ(
      run("import non-trade-transfers '" + write("t.csv", header + row).string() + "'").exit_code,
      0);
  const Outcome changed =
      run("import non-trade-transfers '" +
          write("t.csv", header + "NT-9,donation,sh,2025-08-08,A,B,00005,200,B,1.00,0.00,x\n")
              .string() +
          "'");
  EXPECT_NE(changed.exit_code, 0);
  EXPECT_THAT(changed.err, HasSubstr("never replaced"));
}

// The refusals say why: an excess application, CSDC's deadline, a holder of nothing; every
// accepted instruction is audited.
TEST_P(CaCliTest, ElectionRefusalsSayWhyAndInstructionsAreAudited) {
  import_case("rights");
  const Outcome excess =
      run("ca elect --event R-5 --channel sh --account H2 --choice take_up=250 --at '2025-09-16 "
          "11:00'");
  EXPECT_EQ(excess.exit_code, 1);
  EXPECT_THAT(excess.err, HasSubstr("taking up 250 is more than the 200 held: excess application "
                                    "is not offered to Southbound investors (SPEC CA-1)"));
  const Outcome late =
      run("ca elect --event R-5 --channel sh --account H2 --choice take_up=200 --at '2025-09-24 "
          "16:01'");
  EXPECT_EQ(late.exit_code, 1);
  EXPECT_THAT(late.err, HasSubstr("CSDC's deadline was 2025-09-24T16:00 HKT"));
  const Outcome wrong = run(
      "ca elect --event R-5 --channel sh --account H2 --choice for=200 --at '2025-09-16 11:00'");
  EXPECT_EQ(wrong.exit_code, 1);
  EXPECT_THAT(wrong.err, HasSubstr("option 'for' is not offered by this event"));
  const Outcome given =
      run("ca elect --event R-5 --channel sh --account H2 --choice take_up=200 --at '2025-09-16 "
          "11:05'");
  ASSERT_EQ(given.exit_code, 0) << given.err;
  EXPECT_THAT(given.out, HasSubstr("instruction 1 of event R-5"));
  const Outcome audit = run("audit show --object ca_event:R-5 --json");
  ASSERT_EQ(audit.exit_code, 0) << audit.err;
  const Json entries = Json::parse(audit.out)["entries"];
  ASSERT_EQ(entries.size(), 1u) << "refusals leave nothing; the one instruction is audited";
  EXPECT_EQ(entries[0]["action"], "ca.elect");
}

TEST_P(CaCliTest, TheTextViewShowsTheMoneyAndItsDate) {
  import_case("dividend_usd");
  const Outcome shown = run("ca entitlements --event E-939");
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_THAT(shown.out, HasSubstr("CSDC cleared on 2025-07-11 at 7.1234 RMB per USD, payable "
                                   "2025-07-14"));
  EXPECT_THAT(shown.out, HasSubstr("7,009.42"));
  // The sums CSDC's clearing is reconciled with: E-939 on Shanghai, F1 and P1 (README): gross
  // 4,380.89 + 8,761.78 = 13,142.67, tax 1,752.36, net 4,380.89 + 7,009.42 = 11,390.31.
  const Outcome totals = run("ca entitlements --event E-939 --totals --json");
  ASSERT_EQ(totals.exit_code, 0) << totals.err;
  const Json sh = Json::parse(totals.out)["totals"][0];
  EXPECT_EQ(sh["channel"], "sh");
  EXPECT_EQ(sh["accounts"], 2);
  EXPECT_EQ(sh["holding"], 15000);
  expect_amount(sh["gross_rmb"], Json("13142.67"), "gross");
  expect_amount(sh["tax_rmb"], Json("1752.36"), "tax");
  expect_amount(sh["net_rmb"], Json("11390.31"), "net");
  const Outcome events = run("ca events --json");
  ASSERT_EQ(events.exit_code, 0) << events.err;
  EXPECT_EQ(Json::parse(events.out).size(), 2u);
}

// A second announcement of the same event: the same terms pass as unchanged (an import is
// idempotent); other terms are refused, and nothing of that file is stored.
TEST_P(CaCliTest, ASecondAnnouncementOfAnEventIsRefused) {
  import_case("dividend_usd");
  const Outcome again =
      run("import ca-events '" + (kCases / "dividend_usd/ca_events.csv").string() + "'");
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_THAT(again.out, HasSubstr("0 new, 2 unchanged"));
  std::string text = slurp(kCases / "dividend_usd/ca_events.csv");
  text += "E-NEW,bonus_shares,00005,2025-06-19,2025-06-20,2025-07-10,,,,1:10,,,,,,,,x\n";
  text.replace(text.find("0.123"), 5, "0.124");
  const Outcome changed = run("import ca-events '" + write("ca_events.csv", text).string() + "'");
  EXPECT_EQ(changed.exit_code, 1);
  EXPECT_THAT(changed.err, HasSubstr("event E-939 is already announced (from ca_events.csv) with "
                                     "other terms: a second announcement of an event is refused"));
  const Outcome listed = run("ca events --json");
  EXPECT_EQ(Json::parse(listed.out).size(), 2u) << "E-NEW must not be stored";
}

// A take-up's money ([D] docs/corpactions.md "Rights taken up"): CSDC collects it from its
// deadline's date (R-5: 09-24) to the payment date (10-03), on a Southbound trading day; a row
// before the filing, after the payment date or on a Saturday is refused, and nothing is stored.
TEST_P(CaCliTest, ATakeUpsMoneyIsCollectedBetweenTheFilingAndThePaymentDate) {
  const fs::path dir = kCases / "rights";
  import("accounts", dir / "accounts.csv");
  import("positions", dir / "positions.csv");
  import("ca-events", dir / "ca_events.csv");
  const std::string header = "event_id,channel,currency,rmb_per_unit,clearing_date,source\n";
  const Outcome early =
      run("import ca-payments '" +
          write("early.csv", header + "R-5,sh,HKD,0.91231,2025-09-23,x\n").string() + "'");
  EXPECT_EQ(early.exit_code, 1);
  EXPECT_THAT(early.err, HasSubstr("CSDC collects the take-up's money from the filing on "
                                   "2025-09-24 to the payment date 2025-10-03, not on 2025-09-23"));
  const Outcome late =
      run("import ca-payments '" +
          write("late.csv", header + "R-5,sh,HKD,0.91231,2025-10-06,x\n").string() + "'");
  EXPECT_EQ(late.exit_code, 1);
  EXPECT_THAT(late.err, HasSubstr("not on 2025-10-06"));
  const Outcome saturday =
      run("import ca-payments '" +
          write("saturday.csv", header + "R-5,sh,HKD,0.91231,2025-09-27,x\n").string() + "'");
  EXPECT_EQ(saturday.exit_code, 1);
  EXPECT_THAT(saturday.err, HasSubstr("2025-09-27 is not a Southbound trading day"));
  // Nothing stored: the take-up's money waits for CSDC.
  const Json shown = Json::parse(run("ca entitlements --event R-5 --json").out);
  EXPECT_TRUE(shown["channels"][0]["rmb_per_unit"].is_null());
}

// CLR-7: CSDC clears within three Southbound trading days of receiving the money (paid
// Thursday 07-10: by Tuesday 07-15); a rate for another currency than the event's is refused.
TEST_P(CaCliTest, CsdcsClearingIsCheckedAgainstItsEvent) {
  const fs::path dir = kCases / "dividend_usd";
  import("accounts", dir / "accounts.csv");
  import("positions", dir / "positions.csv");
  import("ca-events", dir / "ca_events.csv");
  const std::string header = "event_id,channel,currency,rmb_per_unit,clearing_date,source\n";
  const Outcome late =
      run("import ca-payments '" +
          write("late.csv", header + "E-939,sh,USD,7.1234,2025-07-16,x\n").string() + "'");
  EXPECT_EQ(late.exit_code, 1);
  EXPECT_THAT(late.err, HasSubstr("CSDC clears within 3 Southbound trading days of receiving the "
                                  "money on 2025-07-10, by 2025-07-15, not on 2025-07-16"));
  const Outcome gbp =
      run("import ca-payments '" +
          write("gbp.csv", header + "E-939,sh,GBP,9.1,2025-07-11,x\n").string() + "'");
  EXPECT_EQ(gbp.exit_code, 1);
  EXPECT_THAT(gbp.err, HasSubstr("pays USD; a rate for GBP does not apply"));
  const Outcome unknown =
      run("import ca-payments '" +
          write("unknown.csv", header + "E-999,sh,USD,7.1,2025-07-11,x\n").string() + "'");
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_THAT(unknown.err, HasSubstr("no corporate action E-999"));
  // Without CSDC's clearing the RMB waits: the gross is shown, no rate.
  const Outcome waiting = run("ca entitlements --event E-939");
  ASSERT_EQ(waiting.exit_code, 0) << waiting.err;
  EXPECT_THAT(waiting.out, HasSubstr("CSDC's clearing not yet received"));
}

TEST_P(CaCliTest, ABadAnnouncementFileNamesItsLineAndField) {
  const std::string header = slurp(kCases / "dividend_usd/ca_events.csv").substr(0, 200);
  const std::string first_line = header.substr(0, header.find('\n') + 1);
  const Outcome bad = run(
      "import ca-events '" +
      write(
          "ca_events.csv",
          first_line +
              "E1,cash_dividend,00939,2025-07-11,2025-06-20,2025-07-10,USD,0.1,,,,,h_share,,,,,x\n")
          .string() +
      "'");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("ca_events.csv:2:24: field 'ex_date': ex_date 2025-07-11 is after "
                                 "payment_date 2025-07-10"));
  EXPECT_EQ(Json::parse(run("ca events --json").out).size(), 0u);
}

CP_INSTANTIATE_ON_BOTH_BACKENDS(CaCliTest);

}  // namespace
}  // namespace cp
