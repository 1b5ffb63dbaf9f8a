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

  ReplayRun replay(const std::string& file, const std::string& date = "2024-03-15",
                   const std::string& extra = "--json") {
    const std::string command = "cd '" + dir_.string() + "' && '" + CONNECTPOST_TEST_BIN +
                                "' --log-level warn --db 'sqlite:" + (dir_ / "cp.db").string() +
                                "' --data-dir '" + CONNECTPOST_SOURCE_DIR +
                                "/data' orders replay --channel sh --date " + date +
                                " --fx-rate 0.92 " + extra + " '" + file + "' >out.txt 2>err.txt";
    const int status = std::system(command.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(dir_ / "out.txt"),
            slurp(dir_ / "err.txt")};
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
    ++rows;
  }
  EXPECT_EQ(rows, by_line.size()) << "every event has an expected line";
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
}

TEST_F(ReplayCliTest, EventsOutOfTimeOrderAreRefusedWithLineAndField) {
  // Line 5 (B3) stamped 08:59:30, before line 4's 09:00:20.
  ReplayRun run = replay(sample_with(5, "08:59:30,order,B3,00700,buy,300.10,100,,"));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("events.csv:5:1: field 'time': events are out of time order"));
  EXPECT_TRUE(run.out.empty());
}

TEST_F(ReplayCliTest, AnUnknownSecurityIsRefused) {
  ReplayRun run = replay(sample_with(3, "09:00:10,order,B1,99999,buy,302.00,1000,,"));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("events.csv:3:"));
  EXPECT_THAT(run.err, HasSubstr("unknown security 99999"));
}

TEST_F(ReplayCliTest, APriceWithMoreDecimalsThanAnyTickIsRefused) {
  ReplayRun run = replay(sample_with(3, "09:00:10,order,B1,00700,buy,302.0001,1000,,"));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("field 'price'"));
  EXPECT_THAT(run.err, HasSubstr("more decimals than any tick"));
}

TEST_F(ReplayCliTest, ACancelOfAnUnknownOrderIsRefused) {
  ReplayRun run = replay(sample_with(7, "09:12:00,cancel,NOPE,,,,,,"));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("no earlier order NOPE"));
}

TEST_F(ReplayCliTest, ADayThatIsNotASouthboundTradingDayIsARuleFailure) {
  // 2016-09-13: its T+2 settlement day is a mainland holiday (SPEC CAL-4).
  ReplayRun run = replay(sample(), "2016-09-13");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.err, HasSubstr("not a Southbound trading day"));
}

}  // namespace
}  // namespace cp
