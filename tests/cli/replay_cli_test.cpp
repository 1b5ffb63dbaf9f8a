// `connectpost orders replay` on the sample day of tests/golden/replay/: each event's outcome,
// rule and quota balance as worked out by hand in the expected file, the VCM triggers, and the
// errors a bad events file produces.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/csv.h"

namespace cp {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using Json = nlohmann::json;

struct ReplayRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

class ReplayCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("cp_replay_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
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

  // Runs connectpost with `arguments` on this test's database and the shipped data.
  ReplayRun connectpost(const std::string& arguments) {
    const std::string command = "cd '" + dir_.string() + "' && '" + CONNECTPOST_TEST_BIN +
                                "' --log-level warn --db 'sqlite:" + (dir_ / "cp.db").string() +
                                "' --data-dir '" + CONNECTPOST_SOURCE_DIR + "/data' " + arguments +
                                " >out.txt 2>err.txt";
    const int status = std::system(command.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(dir_ / "out.txt"),
            slurp(dir_ / "err.txt")};
  }

  // Imports the day's published rates (SPEC CLR-15), as an operator does before the replay. The
  // reference sell rate 0.9200 is a round number for hand arithmetic, not a published rate; the
  // buy rate 0.8664 makes the pair the mid 0.89320 ∓ 3 % (fx.reference_rate_buffer):
  // 0.9200 − 0.8664 = 0.0536 and 3 % × (0.9200 + 0.8664) = 0.053592, 0.000008 apart.
  void import_rates(const std::string& date = "2024-03-15") {
    const fs::path fx = dir_ / "fx.csv";
    std::ofstream(fx) << "rate_date,channel,reference_buy,reference_sell,settlement_buy,"
                         "settlement_sell\n"
                      << date << ",sh,0.8664,0.9200,0.89350,0.89290\n";
    ReplayRun imported = connectpost("import fx '" + fx.string() + "'");
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
  }

  // The sample day's investors (tests/golden/replay/README.md): INV001 holds the Shanghai
  // permission in the registry, NOPERM none.
  void import_investors() {
    const std::string golden = std::string(CONNECTPOST_SOURCE_DIR) + "/tests/golden/replay/";
    for (const char* kind : {"accounts", "permissions"}) {
      ReplayRun imported =
          connectpost(std::string("import ") + kind + " '" + golden + kind + ".csv'");
      ASSERT_EQ(imported.exit_code, 0) << imported.err;
    }
  }

  ReplayRun replay(const std::string& file, const std::string& date = "2024-03-15",
                   const std::string& extra = "--json") {
    import_rates(date);
    import_investors();
    return connectpost("orders replay --channel sh --date " + date + " " + extra + " '" + file +
                       "'");
  }

  // The sample day with `line` (1-based, header = 1) replaced.
  std::string sample_with(int line, const std::string& replacement) {
    std::ifstream in(sample());
    std::string text;
    std::string row;
    for (int number = 1; std::getline(in, row); ++number) {
      text += (number == line ? replacement : row) + "\n";
    }
    const fs::path path = dir_ / "events.csv";
    std::ofstream(path) << text;
    return path.string();
  }

  static std::string sample() {
    return std::string(CONNECTPOST_SOURCE_DIR) + "/tests/golden/replay/2024-03-15-sh.events.csv";
  }

  fs::path dir_;
};

TEST_F(ReplayCliTest, SampleDayMatchesTheHandWorkedExpectations) {
  ReplayRun run = replay(sample());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const Json out = Json::parse(run.out);
  std::map<int64_t, Json> by_line;
  for (const auto& event : out["events"]) by_line[event["line"].get<int64_t>()] = event;

  const std::string expected_path =
      std::string(CONNECTPOST_SOURCE_DIR) + "/tests/golden/replay/2024-03-15-sh.expected.csv";
  auto reader = CsvReader::open(expected_path, "2024-03-15-sh.expected.csv");
  ASSERT_TRUE(reader.ok()) << reader.error().to_string();
  CsvRecord record;
  size_t rows = 0;
  while (true) {
    auto more = reader->next(record);
    ASSERT_TRUE(more.ok()) << more.error().to_string();
    if (!*more) break;
    auto field = [&](const char* name) { return std::string(record[*reader->column(name)]); };
    const int64_t line = std::stoll(field("line"));
    SCOPED_TRACE("events line " + std::to_string(line) + ": " + field("why"));
    ASSERT_EQ(by_line.count(line), 1u);
    const Json& event = by_line[line];
    EXPECT_EQ(event["outcome"], field("outcome"));
    EXPECT_EQ(event["rule"].is_null() ? "" : event["rule"].get<std::string>(), field("rule"))
        << event["message"];
    EXPECT_EQ(event["quota_balance_rmb"], field("quota_balance_rmb"));
    EXPECT_EQ(event["frozen_rmb"], field("frozen_rmb"));
    ++rows;
  }
  EXPECT_EQ(rows, by_line.size()) << "every event has an expected line";
  // The quota converted at the imported reference sell rate (trading.quota.fx_rate_basis).
  EXPECT_EQ(out["fx_rate"], "0.9200");
  EXPECT_EQ(out["reference_buy"], "0.8664");
  EXPECT_EQ(out["reference_sell"], "0.9200");
  // 8 orders and 2 cancellations accepted; 12 orders and 1 cancellation rejected.
  EXPECT_EQ(out["accepted"], 10);
  EXPECT_EQ(out["rejected"], 13);
  // The VCM: 09:50 against 300.00 (band 270.00-330.00) and 13:20 against 336.00
  // (302.40-369.60), each with a 5-minute cooling-off.
  ASSERT_EQ(out["vcm"].size(), 2u);
  EXPECT_EQ(out["vcm"][0]["triggered_at"], "09:50:00");
  EXPECT_EQ(out["vcm"][0]["reference_price"], "300.00");
  EXPECT_EQ(out["vcm"][0]["lower"], "270.00");
  EXPECT_EQ(out["vcm"][0]["upper"], "330.00");
  EXPECT_EQ(out["vcm"][0]["cooling_off_until"], "09:55:00");
  EXPECT_EQ(out["vcm"][1]["triggered_at"], "13:20:00");
  EXPECT_EQ(out["vcm"][1]["lower"], "302.40");
  EXPECT_EQ(out["vcm"][1]["upper"], "369.60");
  EXPECT_EQ(out["vcm"][1]["cooling_off_until"], "13:25:00");
}

TEST_F(ReplayCliTest, TextOutputEndsWithTheCounts) {
  ReplayRun run = replay(sample(), "2024-03-15", "");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("10 accepted, 13 rejected"));
  EXPECT_THAT(run.out, HasSubstr("VCM 00700 at 09:50:00"));
  // Band edges as prices (2 decimals), as in the JSON: 336.00 × 0.90 = 302.40, not 302.4000.
  EXPECT_THAT(run.out, HasSubstr("cooling-off until 13:25:00 within 302.40 to 369.60\n"));
}

TEST_F(ReplayCliTest, EventsOutOfTimeOrderAreRefusedWithLineAndField) {
  // Line 5 (B3) stamped 08:59:30, before line 4's 09:00:20.
  ReplayRun run = replay(sample_with(5, "08:59:30,order,B3,00700,buy,300.10,100,,INV001"));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("events.csv:5:1: field 'time': events are out of time order"));
  EXPECT_TRUE(run.out.empty());
}

TEST_F(ReplayCliTest, AnUnknownSecurityIsRefused) {
  ReplayRun run = replay(sample_with(3, "09:00:10,order,B1,99999,buy,302.00,1000,,INV001"));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("events.csv:3:"));
  EXPECT_THAT(run.err, HasSubstr("unknown security 99999"));
}

TEST_F(ReplayCliTest, APriceWithMoreDecimalsThanAnyTickIsRefused) {
  ReplayRun run = replay(sample_with(3, "09:00:10,order,B1,00700,buy,302.0001,1000,,INV001"));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("field 'price'"));
  EXPECT_THAT(run.err, HasSubstr("more decimals than any tick"));
}

TEST_F(ReplayCliTest, ACancelOfAnUnknownOrderIsRefused) {
  ReplayRun run = replay(sample_with(7, "09:12:00,cancel,NOPE,,,,,,"));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("no earlier order NOPE"));
}

// SPEC CLR-15: the replay uses the day's published reference rate, not one typed in: without
// the day's imported rates it stops and says what to import; the rates of another day do not
// serve.
TEST_F(ReplayCliTest, WithoutTheDaysImportedRatesTheReplayStops) {
  import_rates("2024-03-14");
  ReplayRun run =
      connectpost("orders replay --channel sh --date 2024-03-15 --json '" + sample() + "'");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.err, HasSubstr("no reference rates for 2024-03-15 on the sh channel: import "
                                 "the day's fx.csv first"));
  EXPECT_TRUE(run.out.empty());
  // --fx-rate is gone: a rate typed on the command line is refused as an unknown option.
  run =
      connectpost("orders replay --channel sh --date 2024-03-15 --fx-rate 0.92 '" + sample() + "'");
  EXPECT_NE(run.exit_code, 0);
}

// SPEC TRD-5 on a crossed book. At 16:05:30 a bid of 302.40 comes in above the ask 301.20: the
// book is crossed when order input ends at 16:06:00, so from then on orders must lie between
// the ask 301.20 and the bid 302.40 — that book's, whatever the live ask does at 16:06:00 or
// after (here it falls to 299.00). Before 16:06 only the ±5 % band applies: the CAS reference is
// the median of the previous close 300.00 at 15:59:00 and nominal prices within 300.00–301.20,
// so whatever it is, ±5 % holds at least 301.20 × 0.95 = 286.14 to 300.00 × 1.05 = 315.00, and
// 303.00 is inside it.
TEST_F(ReplayCliTest, FromSixteenOhSixACrossedBookRunsFromTheAskToTheBid) {
  const fs::path events = dir_ / "crossed.csv";
  std::ofstream(events) << "time,event,order_id,security,side,price,quantity,type,account\n"
                           "08:59:00,price,,00700,,300.00,,,\n"
                           "15:59:10,price,,00700,buy,300.80,,,\n"
                           "15:59:10,price,,00700,sell,301.20,,,\n"
                           "16:05:30,price,,00700,buy,302.40,,,\n"
                           "16:05:59,order,C0,00700,buy,303.00,100,,INV001\n"
                           "16:06:00,price,,00700,sell,299.00,,,\n"
                           "16:06:00,order,C1,00700,buy,302.40,100,,INV001\n"
                           "16:06:30,order,C2,00700,sell,301.20,100,,INV001\n"
                           "16:07:00,order,C3,00700,buy,302.60,100,,INV001\n"
                           "16:07:10,order,C4,00700,sell,301.00,100,,INV001\n";
  ReplayRun run = replay(events.string());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const Json out = Json::parse(run.out);
  std::map<std::string, Json> by_order;
  for (const auto& event : out["events"]) {
    if (!event["order_id"].is_null()) by_order[event["order_id"].get<std::string>()] = event;
  }
  EXPECT_EQ(by_order["C0"]["outcome"], "accepted");
  EXPECT_EQ(by_order["C1"]["outcome"], "accepted");
  EXPECT_EQ(by_order["C2"]["outcome"], "accepted");
  for (const char* order : {"C3", "C4"}) {
    SCOPED_TRACE(order);
    EXPECT_EQ(by_order[order]["outcome"], "rejected");
    EXPECT_EQ(by_order[order]["rule"], "TRD-5");
    EXPECT_EQ(by_order[order]["message"],
              "from 16:06 the price must lie between 301.20 and 302.40 (the book at 16:06: "
              "highest bid 302.40, lowest ask 301.20)");
  }
  // Buys freeze at the reference sell rate 0.92: C0 303.00 × 100 × 0.92 = 27,876.00 and C1
  // 302.40 × 100 × 0.92 = 27,820.80; sells freeze nothing.
  EXPECT_EQ(by_order["C1"]["frozen_rmb"], "55696.80");
  EXPECT_EQ(by_order["C4"]["frozen_rmb"], "55696.80");
}

// `connectpost eligibility` on the shipped data (SPEC TRD-1): ZTE (00763, HSCI MidCap, A shares on
// SZSE) is off the Shanghai list by the SSE measures' exclusion, before Shenzhen Connect opened
// and after; on Shenzhen it is out until the channel opens on 2016-12-05 and in from then, as an
// A+H share. Tencent's RMB counter 80700 is out on both channels: it is not quoted in HKD.
// Issue 18 item 10: the orders read the permission registry, not a flag in the file. LAPSED
// holds the Shanghai permission from 2021-03-01 and has no questionnaire since, so it stands on
// that day: valid through 2023-03-01 (suit.questionnaire_valid_years 2), expired on 2024-03-15.
// Its buy waits (SUIT-6) and its sale goes on; INV001's buy is accepted. A file without the
// account column is a replay of the market's rules only, and says so; the old per-order
// `permission` column is refused.
TEST_F(ReplayCliTest, OrdersReadTheInvestorsStandingFromTheRegistry) {
  const fs::path accounts = dir_ / "accounts.csv";
  std::ofstream(accounts) << "account_id,account_type,money_kind,a_share_online_rate,"
                             "commission_rate,commission_min_hkd\nLAPSED,individual,client,"
                             "0.00025,,5.00\n";
  const fs::path permissions = dir_ / "lapsed_permissions.csv";
  std::ofstream(permissions) << "account_id,channel,granted_on\nLAPSED,sh,2021-03-01\n";
  ASSERT_EQ(connectpost("import accounts '" + accounts.string() + "'").exit_code, 0);
  ASSERT_EQ(connectpost("import permissions '" + permissions.string() + "'").exit_code, 0);
  const fs::path events = dir_ / "lapsed.csv";
  std::ofstream(events) << "time,event,order_id,security,side,price,quantity,type,account\n"
                           "08:59:00,price,,00700,,300.00,,,\n"
                           "09:31:00,order,L1,00700,buy,300.00,100,,LAPSED\n"
                           "09:31:10,order,L2,00700,sell,300.00,100,,LAPSED\n"
                           "09:31:20,order,I1,00700,buy,300.00,100,,INV001\n";
  ReplayRun run = replay(events.string());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const Json out = Json::parse(run.out);
  EXPECT_EQ(out["investor_checks"], true);
  const Json& lines = out["events"];
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[1]["outcome"], "rejected");
  EXPECT_EQ(lines[1]["rule"], "SUIT-6");
  EXPECT_EQ(lines[1]["message"],
            "the risk assessment expired after 2023-03-01: a new buy waits for the "
            "re-assessment (SPEC SUIT-6); sells stay allowed");
  EXPECT_EQ(lines[2]["outcome"], "accepted");
  EXPECT_EQ(lines[3]["outcome"], "accepted");

  const fs::path market = dir_ / "market.csv";
  std::ofstream(market) << "time,event,order_id,security,side,price,quantity\n"
                           "08:59:00,price,,00700,,300.00,\n"
                           "09:31:00,order,M1,00700,buy,300.00,100\n";
  ReplayRun market_only = replay(market.string(), "2024-03-15", "");
  ASSERT_EQ(market_only.exit_code, 0) << market_only.err;
  EXPECT_THAT(market_only.out, HasSubstr("The file names no accounts: the market's rules only"));
  EXPECT_THAT(market_only.out, HasSubstr("1 accepted, 0 rejected"));

  const fs::path flagged = dir_ / "flagged.csv";
  std::ofstream(flagged) << "time,event,order_id,security,side,price,quantity,type,permission\n"
                            "09:31:00,order,F1,00700,buy,300.00,100,,yes\n";
  ReplayRun refused = replay(flagged.string());
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_THAT(refused.err, HasSubstr("flagged.csv:1: field 'permission': the permission column "
                                     "is gone"));
  const fs::path unnamed = dir_ / "unnamed.csv";
  std::ofstream(unnamed) << "time,event,order_id,security,side,price,quantity,type,account\n"
                            "09:31:00,order,U1,00700,buy,300.00,100,,\n";
  ReplayRun nameless = replay(unnamed.string());
  EXPECT_EQ(nameless.exit_code, 2);
  EXPECT_THAT(nameless.err, HasSubstr("unnamed.csv:2:"));
  EXPECT_THAT(nameless.err, HasSubstr("an order names its investor's account"));
}

TEST_F(ReplayCliTest, EligibilityNamesTheRuleThatDecided) {
  auto eligibility = [&](const std::string& channel, const std::string& code,
                         const std::string& date) {
    ReplayRun run = connectpost("eligibility --channel " + channel + " --security " + code +
                                " --date " + date + " --json");
    EXPECT_EQ(run.exit_code, 0) << run.err;
    return run.exit_code == 0 ? Json::parse(run.out) : Json();
  };
  for (const char* date : {"2016-12-02", "2016-12-05", "2024-03-15"}) {
    SCOPED_TRACE(date);
    const Json sh = eligibility("sh", "00763", date);
    EXPECT_EQ(sh["eligible"], false);
    EXPECT_EQ(sh["status"], "not_eligible");
    EXPECT_EQ(sh["rule"], "TRD-1 sh.other_mainland_listing");
    EXPECT_EQ(sh["exclusion"], "sh.other_mainland_listing");
    EXPECT_EQ(sh["reason"],
              "the issuer's A shares list on szse, a mainland exchange other than sse: excluded "
              "from the sh list (TRD-1 sh.other_mainland_listing)");
    EXPECT_THAT(sh["source"].get<std::string>(),
                HasSubstr("https://english.sse.com.cn/access/stockconnect/eligibility/"));
  }
  const Json before = eligibility("sz", "00763", "2016-12-02");
  EXPECT_EQ(before["eligible"], false);
  EXPECT_EQ(before["rule"], "TRD-1");
  EXPECT_EQ(before["reason"], "the sz channel is not open on 2016-12-02");
  const Json after = eligibility("sz", "00763", "2016-12-05");
  EXPECT_EQ(after["eligible"], true);
  EXPECT_EQ(after["rule"], "TRD-1");
  EXPECT_TRUE(after["exclusion"].is_null());
  EXPECT_EQ(after["reason"],
            "H share of an A+H company with A shares on szse (TRD-1, no market-cap test)");
  EXPECT_THAT(after["source"].get<std::string>(), HasSubstr("seed 004"));
  for (const char* channel : {"sh", "sz"}) {
    SCOPED_TRACE(channel);
    const Json rmb = eligibility(channel, "80700", "2024-03-15");
    EXPECT_EQ(rmb["eligible"], false);
    EXPECT_EQ(rmb["exclusion"], std::string(channel) + ".non_hkd_quote");
    EXPECT_EQ(rmb["reason"], "quoted on SEHK in CNY, not HKD: excluded from the " +
                                 std::string(channel) + " list (TRD-1 " + channel +
                                 ".non_hkd_quote)");
  }
  // Tencent's HKD counter is in, as a LargeCap constituent; the text form says the same.
  ReplayRun text = connectpost("eligibility --channel sz --security 00700 --date 2024-03-15");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_THAT(text.out, HasSubstr("00700 on the sz channel, 2024-03-15: eligible\nrule    TRD-1\n"
                                  "reason  HSCI large-cap constituent (TRD-1)\n"));
  // An unknown code is not found (exit 1); a channel that is neither sh nor sz is bad input.
  ReplayRun unknown = connectpost("eligibility --channel sh --security 99999 --date 2024-03-15");
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_THAT(unknown.err, HasSubstr("unknown security 99999"));
  EXPECT_EQ(connectpost("eligibility --channel hk --security 00700 --date 2024-03-15").exit_code,
            2);
}

TEST_F(ReplayCliTest, ADayThatIsNotASouthboundTradingDayIsARuleFailure) {
  // 2016-09-13: its T+2 settlement day is a mainland holiday (SPEC CAL-4).
  ReplayRun run = replay(sample(), "2016-09-13");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.err, HasSubstr("not a Southbound trading day"));
}

}  // namespace
}  // namespace cp
