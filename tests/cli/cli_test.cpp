// End-to-end tests of the connectpost binary as an operator or a script uses it: exit codes,
// messages that name file, line and column, --json output, and nothing half-applied.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "store/migrations.h"
#include "support/scratch_database.h"

namespace cp {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using Json = nlohmann::json;

struct Outcome {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::string read_file(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string quote(const std::string& text) {
  return "'" + text + "'";
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("cp_cli_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Runs connectpost in the test's directory with `args` (already shell-quoted where needed).
  Outcome run(const std::string& args, const std::string& env = "") {
    const char* bin = std::getenv("CONNECTPOST_BIN");
    if (bin == nullptr) bin = CONNECTPOST_TEST_BIN;
    const std::string command = "cd " + quote(dir_.string()) + " && env " + env + " " + quote(bin) +
                                " " + args + " >stdout.txt 2>stderr.txt";
    const int status = std::system(command.c_str());
    Outcome result;
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.out = read_file(dir_ / "stdout.txt");
    result.err = read_file(dir_ / "stderr.txt");
    return result;
  }

  static std::string shipped_data() { return (fs::path(CONNECTPOST_SOURCE_DIR) / "data").string(); }

  // A copy of the shipped data directory, to break on purpose.
  fs::path copy_data(const std::string& name) {
    const fs::path target = dir_ / name;
    fs::create_directories(target);
    fs::copy(fs::path(shipped_data()) / "parameters.csv", target / "parameters.csv");
    return target;
  }

  int64_t count_lines(const fs::path& path) {
    std::ifstream in(path);
    std::string line;
    int64_t lines = 0;
    while (std::getline(in, line)) ++lines;
    return lines;
  }

  int64_t stored_parameters(const std::string& url) {
    auto db = store::open_database(url);
    EXPECT_TRUE(db.ok());
    auto rows = (*db)->query("SELECT COUNT(*) FROM ref_parameter");
    EXPECT_TRUE(rows.ok()) << rows.error().to_string();
    return rows.ok() ? rows->rows.at(0).integer(0) : -1;
  }

  fs::path dir_;
};

TEST_F(CliTest, VersionAndHelp) {
  Outcome version = run("--version");
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_THAT(version.out, HasSubstr("connectpost 0.1.0"));
  Outcome help = run("refdata show --help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_THAT(help.out, HasSubstr("--date"));
}

TEST_F(CliTest, BadUsageExitsTwo) {
  EXPECT_EQ(run("--no-such-flag refdata show --date 2024-03-15").exit_code, 2);
  EXPECT_EQ(run("").exit_code, 2);              // a subcommand is required
  EXPECT_EQ(run("refdata show").exit_code, 2);  // --date is required
}

TEST_F(CliTest, RefdataShowJsonPrintsParametersInForceWithSources) {
  Outcome shown =
      run("--data-dir " + quote(shipped_data()) + " refdata show --date 2024-03-15 --json");
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  const Json out = Json::parse(shown.out);
  EXPECT_EQ(out["date"], "2024-03-15");
  std::map<std::string, Json> by_key;
  for (const auto& p : out["parameters"]) {
    EXPECT_FALSE(p["source"].get<std::string>().empty()) << p["key"];
    EXPECT_LE(p["effective_from"].get<std::string>(), "2024-03-15") << p["key"];
    if (!p["effective_to"].is_null()) {
      EXPECT_GE(p["effective_to"].get<std::string>(), "2024-03-15");
    }
    by_key[p["key"]] = p;
  }
  // SFC 18PR39: RMB 42 bn per channel from 2018-05-01.
  EXPECT_EQ(by_key.at("southbound.daily_quota.sh")["value"], "42000000000");
  EXPECT_EQ(by_key.at("southbound.daily_quota.sh")["unit"], "CNY");
  EXPECT_THAT(by_key.at("southbound.daily_quota.sh")["source"].get<std::string>(),
              HasSubstr("18PR39"));
  // SPEC CAL-8: the 2023-04-24 calendar rule is in force; severe-weather trading (2024-09-23) not
  // yet.
  EXPECT_EQ(by_key.at("calendar.southbound_rule")["value"], "common_trading_days");
  EXPECT_EQ(by_key.at("calendar.severe_weather_trading")["value"], "false");
  // SPEC CLR-9: 22% margin rate.
  EXPECT_EQ(by_key.at("risk.margin_rate")["value"], "22");
}

TEST_F(CliTest, AnImpossibleDateIsBadInput) {
  Outcome shown = run("--data-dir " + quote(shipped_data()) + " refdata show --date 2024-02-30");
  EXPECT_EQ(shown.exit_code, 2);
  EXPECT_THAT(shown.err, HasSubstr("'2024-02-30' is not a calendar date"));
  EXPECT_TRUE(shown.out.empty());
}

TEST_F(CliTest, AMalformedCsvRowIsReportedWithFileLineColumnAndNothingIsLoaded) {
  const std::string db = "sqlite:" + (dir_ / "cp.db").string();
  Outcome good =
      run("--db " + quote(db) + " --data-dir " + quote(shipped_data()) + " refdata load");
  ASSERT_EQ(good.exit_code, 0) << good.err;
  const int64_t stored = stored_parameters(db);
  const int64_t shipped_rows = count_lines(fs::path(shipped_data()) / "parameters.csv") - 1;
  EXPECT_EQ(stored, shipped_rows);

  const fs::path bad = copy_data("bad");
  const int64_t bad_line = count_lines(bad / "parameters.csv") + 1;
  {
    std::ofstream out(bad / "parameters.csv", std::ios::app);
    // "trading.new_band," is 17 characters: the stray quote is in column 19.
    out << "trading.new_band,1\"5,percent,2024-01-01,,a source,a note\n";
  }
  Outcome refused =
      run("--db " + quote(db) + " --data-dir " + quote(bad.string()) + " refdata load");
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_THAT(refused.err, HasSubstr("bad/parameters.csv:" + std::to_string(bad_line) +
                                     ":19: quote inside an unquoted field"));
  EXPECT_EQ(stored_parameters(db), stored) << "a failed load changed the database";
}

TEST_F(CliTest, AValueThatDoesNotFitItsUnitNamesTheField) {
  const fs::path bad = copy_data("bad");
  const int64_t bad_line = count_lines(bad / "parameters.csv") + 1;
  {
    std::ofstream out(bad / "parameters.csv", std::ios::app);
    out << "risk.extra,12.345,HKD,2024-01-01,,a source,a note\n";  // HKD has 2 decimals
  }
  Outcome refused = run("--data-dir " + quote(bad.string()) + " refdata show --date 2024-03-15");
  EXPECT_EQ(refused.exit_code, 2);
  // "risk.extra," is 11 characters: the value starts in column 12.
  EXPECT_THAT(refused.err, HasSubstr("bad/parameters.csv:" + std::to_string(bad_line) +
                                     ":12: field 'value': '12.345' has 3 decimals"));
}

TEST_F(CliTest, AnOverlappingEffectiveRangeNamesBothRows) {
  const fs::path bad = copy_data("bad");
  const int64_t bad_line = count_lines(bad / "parameters.csv") + 1;
  {
    std::ofstream out(bad / "parameters.csv", std::ios::app);
    out << "risk.margin_rate,25,percent,2020-01-01,,a source,overlaps the 2016-12-01 row\n";
  }
  Outcome refused = run("--data-dir " + quote(bad.string()) + " refdata show --date 2024-03-15");
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_THAT(refused.err, HasSubstr("bad/parameters.csv:" + std::to_string(bad_line)));
  EXPECT_THAT(refused.err, HasSubstr("overlaps the range of bad/parameters.csv:"));
}

TEST_F(CliTest, ADatabaseNewerThanTheBinaryIsRefused) {
  const std::string db = "sqlite:" + (dir_ / "cp.db").string();
  ASSERT_EQ(run("--db " + quote(db) + " db migrate").exit_code, 0);
  {
    auto database = store::open_database(db);
    ASSERT_TRUE(database.ok());
    ASSERT_TRUE((*database)
                    ->execute("INSERT INTO schema_migrations VALUES (9999, 'future', 'x', 'now')")
                    .ok());
  }
  Outcome refused =
      run("--db " + quote(db) + " --data-dir " + quote(shipped_data()) + " refdata load");
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_THAT(refused.err, HasSubstr("schema version 9999 is newer than this connectpost"));
}

TEST_F(CliTest, ConfigurationPrecedenceIsFileThenEnvironmentThenFlags) {
  {
    std::ofstream conf(dir_ / "connectpost.conf");
    conf << "# test configuration\n"
            "db = sqlite:from-file.db\n"
            "log_level = debug\n"
            "log_format = json\n";
  }
  Outcome shown = run("--log-level warn config show --json", "CONNECTPOST_DB=sqlite:from-env.db");
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  std::map<std::string, Json> by_key;
  for (const auto& entry : Json::parse(shown.out)) by_key[entry["key"]] = entry;
  EXPECT_EQ(by_key["db"]["value"], "sqlite:from-env.db");
  EXPECT_EQ(by_key["db"]["origin"], "env CONNECTPOST_DB");
  EXPECT_EQ(by_key["log_level"]["value"], "warn");
  EXPECT_EQ(by_key["log_level"]["origin"], "flag --log-level");
  EXPECT_EQ(by_key["log_format"]["value"], "json");
  EXPECT_EQ(by_key["log_format"]["origin"], "file connectpost.conf:4");
  EXPECT_EQ(by_key["data_dir"]["origin"], "default");
}

TEST_F(CliTest, ConfigShowNeverPrintsADatabasePassword) {
  Outcome shown = run("--db 'postgresql://ops:s3cret@db.example/cp' config show");
  ASSERT_EQ(shown.exit_code, 0);
  EXPECT_THAT(shown.out, HasSubstr("postgresql://ops:***@db.example/cp"));
  EXPECT_EQ(shown.out.find("s3cret"), std::string::npos);
}

TEST_F(CliTest, AnUnknownConfigurationKeyNamesTheLine) {
  {
    std::ofstream conf(dir_ / "connectpost.conf");
    conf << "db = sqlite:x.db\nlog_levle = debug\n";
  }
  Outcome shown = run("config show");
  EXPECT_EQ(shown.exit_code, 2);
  EXPECT_THAT(shown.err, HasSubstr("connectpost.conf:2: unknown configuration key 'log_levle'"));
}

TEST_F(CliTest, LogsAreJsonLinesWhenAsked) {
  const std::string db = "sqlite:" + (dir_ / "cp.db").string();
  Outcome migrated = run("--log-format json --db " + quote(db) + " --data-dir " +
                         quote(shipped_data()) + " refdata load");
  ASSERT_EQ(migrated.exit_code, 0) << migrated.err;
  std::istringstream lines(migrated.err);
  std::string line;
  int parsed = 0;
  while (std::getline(lines, line)) {
    const Json entry = Json::parse(line);  // throws, failing the test, on a non-JSON line
    EXPECT_TRUE(entry.contains("time") && entry.contains("level") && entry.contains("message"));
    ++parsed;
  }
  EXPECT_GE(parsed, 1);  // "applied 3 migration(s)"
}

class CliDemoTest : public CliTest, public ::testing::WithParamInterface<store::Backend> {};

TEST_P(CliDemoTest, DemoCreatesTheDatabaseAndARerunGivesTheSameResult) {
  auto scratch = testing::ScratchDatabase::create(GetParam());
  ASSERT_TRUE(scratch.ok()) << scratch.error().to_string();
  const std::string args = "--db " + quote((*scratch)->url()) + " --data-dir " +
                           quote(shipped_data()) + " --catalog-dir " +
                           quote(std::string(CONNECTPOST_SOURCE_DIR) + "/catalog") +
                           " demo --accounts 300 --executions 5000 --json";
  Outcome first = run(args);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  Outcome second = run(args);
  ASSERT_EQ(second.exit_code, 0) << second.err;
  const Json a = Json::parse(first.out);
  const Json b = Json::parse(second.out);
  EXPECT_EQ(a["executions"], 5000);
  EXPECT_EQ(a["result_digest"], b["result_digest"]);
  EXPECT_EQ(a["csdc"], b["csdc"]);
  EXPECT_EQ(a["postings"], b["postings"]);
  // The demo day's journal balances entry by entry.
  Outcome ledger = run("--db " + quote((*scratch)->url()) + " --data-dir " + quote(shipped_data()) +
                       " ledger check --date 2024-03-15");
  EXPECT_EQ(ledger.exit_code, 0) << ledger.out << ledger.err;
  // The same seed gives the same day on either backend: the digest is a property of the data.
  Outcome sqlite_run = run("--db " + quote("sqlite:" + (dir_ / "other.db").string()) +
                           " --data-dir " + quote(shipped_data()) + " --catalog-dir " +
                           quote(std::string(CONNECTPOST_SOURCE_DIR) + "/catalog") +
                           " demo --accounts 300 --executions 5000 --json");
  ASSERT_EQ(sqlite_run.exit_code, 0) << sqlite_run.err;
  EXPECT_EQ(Json::parse(sqlite_run.out)["result_digest"], a["result_digest"]);
}

TEST_P(CliDemoTest, DemoRefusesNonsenseCounts) {
  auto scratch = testing::ScratchDatabase::create(GetParam());
  ASSERT_TRUE(scratch.ok()) << scratch.error().to_string();
  Outcome refused = run("--db " + quote((*scratch)->url()) + " --data-dir " +
                        quote(shipped_data()) + " demo --executions 0");
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_THAT(refused.err, HasSubstr("at least 1"));
}

INSTANTIATE_TEST_SUITE_P(Backends, CliDemoTest,
                         ::testing::Values(store::Backend::kSqlite, store::Backend::kPostgresql),
                         [](const auto& test_param) {
                           return testing::backend_test_name(test_param.param);
                         });

}  // namespace
}  // namespace cp
