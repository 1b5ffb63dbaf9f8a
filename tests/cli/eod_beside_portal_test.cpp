// The end of day beside the live portal (issue 15 §4), on SQLite and PostgreSQL: a run computes
// over a snapshot without the write lock, so a user signs in and submits a request, and an
// import commits, while it computes; a change to what it read makes it compute again before it
// writes, so what it stores is always the result of the inputs as they are when it commits.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <fstream>

#include "support/portal_test.h"
#include "support/rate_method_data.h"

namespace cp {
namespace {

using Json = nlohmann::json;
namespace fs = std::filesystem;

class EodBesidePortalTest : public testing::PortalTest {
 protected:
  void SetUp() override {
    data_dir_ = testing::rate_method_data_dir();  // the basic golden's hand-worked risk funds
    PortalTest::SetUp();
  }
  void import_basic_day() {
    for (const char* kind :
         {"accounts", "executions", "fx", "prices", "positions", "reserves", "cash"}) {
      cli(std::string("import ") + kind + " '" + golden_ + kind + ".csv'");
    }
  }

  // Starts `eod run` in the background, held for `pause_ms` once it has computed the day and
  // before it writes; returns once it says so.
  void start_paused_run(int pause_ms) {
    fs::remove(dir_ / "run.rc");
    const std::string command =
        "cd '" + dir_.string() +
        "' && { (CONNECTPOST_EOD_PAUSE_WHILE_COMPUTING_MS=" + std::to_string(pause_ms) + " '" +
        CONNECTPOST_TEST_BIN + "' --log-level warn --db '" + scratch_->url() + "' --data-dir '" +
        testing::rate_method_data_dir() +
        "' eod run --date 2024-03-15 --json >run.out 2>run.err; echo $? >run.rc) & echo $! "
        ">run.pid; }";
    ASSERT_EQ(std::system(command.c_str()), 0);
    for (int i = 0; i < 400 && !paused(); ++i) ::usleep(100'000);
    ASSERT_TRUE(paused()) << slurp(dir_ / "run.err");
  }

  bool paused() {
    return slurp(dir_ / "run.err").find("paused before writing") != std::string::npos;
  }
  bool finished() { return fs::exists(dir_ / "run.rc") && !slurp(dir_ / "run.rc").empty(); }

  // The run's exit code once it has ended (up to 60 s).
  int wait_for_run() {
    for (int i = 0; i < 600 && !finished(); ++i) ::usleep(100'000);
    if (!finished()) {
      ::kill(static_cast<pid_t>(std::stol(slurp(dir_ / "run.pid"))), SIGKILL);
      return -1;
    }
    return std::stoi(slurp(dir_ / "run.rc"));
  }

  static std::string slurp(const fs::path& path) {
    std::ifstream in(path);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  }

  std::string digest_of(const std::string& json_out) {
    const Json out = Json::parse(json_out, nullptr, false);
    return out.is_discarded() ? "" : out.value("result_digest", "");
  }

  const std::string golden_ = std::string(CONNECTPOST_SOURCE_DIR) + "/tests/golden/eod/basic/";
};

TEST_P(EodBesidePortalTest, SignInAndASubmissionGoOnWhileTheRunComputes) {
  import_basic_day();
  start_paused_run(15000);
  if (HasFatalFailure()) return;
  // Signing in writes a session; a draft, its attachment and its submission write the request,
  // its notifications and the audit trail. None of it waits for the run.
  const std::string ref = ready_draft("mia");
  EXPECT_EQ(step("mia", "B001", ref, "submit").status, 200);
  const auto imported = run("import prices '" + golden_ + "prices.csv'");  // unchanged rows
  EXPECT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_FALSE(finished()) << "the portal's writes happened after the run, not beside it";
  ASSERT_EQ(wait_for_run(), 0) << slurp(dir_ / "run.err");
  const Json out = Json::parse(slurp(dir_ / "run.out"), nullptr, false);
  ASSERT_FALSE(out.is_discarded()) << slurp(dir_ / "run.out");
  EXPECT_EQ(out["executions"], 7);
  // What it stored is what a plain rerun stores.
  const auto rerun = run("eod run --date 2024-03-15 --json");
  ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
  EXPECT_EQ(digest_of(rerun.out), out["result_digest"].get<std::string>());
  EXPECT_EQ(run("ledger check --date 2024-03-15").exit_code, 0);
}

TEST_P(EodBesidePortalTest, AnImportWhileTheRunComputesMakesItComputeAgain) {
  import_basic_day();
  const auto first = run("eod run --date 2024-03-15 --json");
  ASSERT_EQ(first.exit_code, 0) << first.err;
  start_paused_run(15000);
  if (HasFatalFailure()) return;
  // Meanwhile Shanghai's settlement buy rate is corrected from 0.91768 to 0.91800: every sh buy's
  // RMB amount changes.
  const fs::path fx = dir_ / "fx_corrected.csv";
  std::ofstream(fx) << "rate_date,channel,reference_buy,reference_sell,settlement_buy,"
                       "settlement_sell\n"
                       "2024-03-15,sh,0.8857,0.9405,0.91800,0.91712\n";
  const auto corrected = run("import fx --replace '" + fx.string() + "'");
  ASSERT_EQ(corrected.exit_code, 0) << corrected.err;
  EXPECT_FALSE(finished());
  ASSERT_EQ(wait_for_run(), 0) << slurp(dir_ / "run.err");
  const std::string during = digest_of(slurp(dir_ / "run.out"));
  EXPECT_NE(during, digest_of(first.out)) << "the run stored what it computed before the import";
  const auto after = run("eod run --date 2024-03-15 --json");
  ASSERT_EQ(after.exit_code, 0) << after.err;
  EXPECT_EQ(digest_of(after.out), during);
  // The stored rate is the corrected one.
  const auto statement = run("report statement --date 2024-03-15 --format csv");
  ASSERT_EQ(statement.exit_code, 0) << statement.err;
  EXPECT_THAT(statement.out, ::testing::HasSubstr("settlement buy 0.91800"));
}

CP_INSTANTIATE_ON_BOTH_BACKENDS(EodBesidePortalTest);

}  // namespace
}  // namespace cp
