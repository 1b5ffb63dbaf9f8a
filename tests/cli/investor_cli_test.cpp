// `connectpost import asset-snapshots|questionnaires|knowledge-tests|trading-warnings|
// investor-profiles|permission-documents`, `connectpost investor check` and `investor
// closing-check` end to end on both databases (issue 18): a qualified investor, one whose assets
// fall a fen short, the bad inputs — a snapshot for a non-trading day, an unknown account, a
// second row with other values — each refused with its file and reason, nothing stored; and the
// golden cases of tests/golden/investors.
//
// The application date is Monday 2025-12-08; the Shanghai Southbound trading days before it are
// weekdays back to 2025-11-10 (no holiday in between: data/calendar), the twenty of the window.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "core/date.h"
#include "support/backend_test.h"
#include "support/cli_runner.h"
#include "support/golden_files.h"
#include "support/rate_method_data.h"

namespace cp {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using Json = nlohmann::json;
using Outcome = testing::CliOutcome;

const std::string kHash(64, 'c');
const fs::path kCases = fs::path(CONNECTPOST_SOURCE_DIR) / "tests/golden/investors";

class InvestorCliTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    dir_ = fs::temp_directory_path() /
           ("cp_investor_" + std::to_string(::getpid()) + "_" +
            std::to_string(static_cast<int>(GetParam())) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  Outcome run(const std::string& args, const std::string& data_dir = {}) {
    return testing::run_cli(dir_, scratch_->url(), args, "", data_dir);
  }
  fs::path write(const std::string& name, const std::string& text) {
    const fs::path path = dir_ / name;
    std::ofstream(path) << text;
    return path;
  }
  Outcome import(const std::string& kind, const std::string& name, const std::string& text) {
    return run("import " + kind + " '" + write(name, text).string() + "'");
  }
  void imported(const std::string& kind, const std::string& name, const std::string& text) {
    const Outcome done = import(kind, name, text);
    ASSERT_EQ(done.exit_code, 0) << kind << ": " << done.err;
  }
  // INV001 and INV002, individuals, with everything the Shanghai rules read; INV002's assets are
  // a fen short on one day.
  void import_investors() {
    imported("accounts", "accounts.csv",
             "account_id,account_type,money_kind,a_share_online_rate,commission_rate,"
             "commission_min_hkd\n"
             "INV001,individual,client,0.00025,,5.00\nINV002,individual,client,0.00025,,5.00\n");
    std::string assets = "as_of,account_id,securities_rmb,cash_rmb,margin_net_rmb\n";
    for (Date day = *Date::parse("2025-11-10"); day <= *Date::parse("2025-12-05");
         day = day.plus_days(1)) {
      if (day.weekday() == Weekday::kSaturday || day.weekday() == Weekday::kSunday) continue;
      assets += day.to_string() + ",INV001,450000.00,50000.00,0.00\n";
      const bool short_day = day == *Date::parse("2025-11-20");
      assets += day.to_string() + ",INV002,450000.00," + (short_day ? "49999.99" : "50000.00") +
                ",0.00\n";
    }
    imported("asset-snapshots", "asset_snapshots.csv", assets);
    imported("questionnaires", "questionnaires.csv",
             "account_id,completed_on,risk_level,low_level_acknowledged\n"
             "INV001,2025-06-01,balanced,no\nINV002,2025-06-01,balanced,no\n");
    imported("knowledge-tests", "knowledge_tests.csv",
             "account_id,channel,taken_on,bank_version,questions,correct\n"
             "INV001,sh,2025-12-08,SH-2025-2,20,20\nINV002,sh,2025-12-08,SH-2025-2,20,20\n");
    imported("trading-warnings", "trading_warnings.csv",
             "account_id,exchange,warned_on\nINV001,sse,2025-08-01\n");
    imported("investor-profiles", "investor_profiles.csv",
             "as_of,account_id,channel,a_share_account,serious_integrity_problem,legally_barred\n"
             "2025-01-02,INV001,sh,normal,no,no\n2025-01-02,INV002,sh,normal,no,no\n");
    imported("permission-documents", "permission_documents.csv",
             "account_id,channel,document,signed_on,sha256\n"
             "INV001,sh,risk_disclosure_study,2025-12-08," +
                 kHash + "\n" + "INV001,sh,agreement,2025-12-08," + kHash + "\n" +
                 "INV002,sh,risk_disclosure_study,2025-12-08," + kHash + "\n" +
                 "INV002,sh,agreement,2025-12-08," + kHash + "\n");
  }
  // Every evidence file of tests/golden/investors/suitability, with its accounts.
  void import_suitability_case() {
    const fs::path dir = kCases / "suitability";
    for (const auto& [kind, name] : {std::pair{"accounts", "accounts.csv"},
                                     {"asset-snapshots", "asset_snapshots.csv"},
                                     {"questionnaires", "questionnaires.csv"},
                                     {"knowledge-tests", "knowledge_tests.csv"},
                                     {"trading-warnings", "trading_warnings.csv"},
                                     {"investor-profiles", "investor_profiles.csv"},
                                     {"permission-documents", "permission_documents.csv"}}) {
      const Outcome done = run(std::string("import ") + kind + " '" + (dir / name).string() + "'");
      ASSERT_EQ(done.exit_code, 0) << kind << ": " << done.err;
    }
  }
  Json check(const std::string& account, const std::string& channel) {
    const Outcome shown = run("investor check --account " + account + " --channel " + channel +
                              " --date 2025-12-08 --json");
    EXPECT_EQ(shown.exit_code, 0) << shown.err;
    return Json::parse(shown.out);
  }
  static Json rule(const Json& checked, const std::string& name) {
    for (const Json& r : checked["rules"]) {
      if (r["rule"] == name) return r;
    }
    ADD_FAILURE() << "no rule " << name;
    return Json::object();
  }

  fs::path dir_;
};

// INV001 meets every Shanghai rule: 500,000.00 a day over the twenty days, a questionnaire of
// June, all 20 answers right, a warning of 2025-08-01 (more than 3 months before), the
// agreement signed last. On Shenzhen it has no account, no test and nothing signed.
TEST_P(InvestorCliTest, AQualifiedInvestorIsEligibleOnShanghaiOnly) {
  import_investors();
  if (HasFatalFailure()) return;
  const Json sh = check("INV001", "sh");
  EXPECT_TRUE(sh["eligible"].get<bool>()) << sh.dump();
  EXPECT_EQ(rule(sh, "assets")["evidence"],
            "average 500,000.00 over 2025-11-10 to 2025-12-05 (20 trading days)");
  EXPECT_EQ(rule(sh, "warnings")["evidence"], "no warning after 2025-09-08");
  const Json sz = check("INV001", "sz");
  EXPECT_FALSE(sz["eligible"].get<bool>());
  EXPECT_EQ(rule(sz, "account")["evidence"], "no Shenzhen A-share account");
  EXPECT_EQ(rule(sz, "knowledge_test")["reason"], "the knowledge test must be passed");
}

// INV002's 2025-11-20 is 499,999.99: the twenty days total 9,999,999.99, an average of
// 499,999.9995, below 500,000 (shown 499,999.99).
TEST_P(InvestorCliTest, AssetsAFenShortOnOneDayAreNotEnough) {
  import_investors();
  if (HasFatalFailure()) return;
  const Json checked = check("INV002", "sh");
  EXPECT_FALSE(checked["eligible"].get<bool>());
  const Json assets = rule(checked, "assets");
  EXPECT_FALSE(assets["passed"].get<bool>());
  EXPECT_EQ(assets["evidence"],
            "average 499,999.99 over 2025-11-10 to 2025-12-05 (20 trading days)");
  EXPECT_EQ(assets["reason"], "below RMB 500,000.00");
}

TEST_P(InvestorCliTest, BadEvidenceIsRefusedAndNothingIsStored) {
  import_investors();
  if (HasFatalFailure()) return;
  const std::string header = "as_of,account_id,securities_rmb,cash_rmb,margin_net_rmb\n";
  // Saturday 2025-11-15: the whole file refused, its good first row not stored either.
  const Outcome saturday =
      import("asset-snapshots", "weekend.csv",
             header + "2025-12-05,INV009,1.00,1.00,0\n2025-11-15,INV001,1.00,1.00,0\n");
  EXPECT_EQ(saturday.exit_code, 2);  // bad input
  EXPECT_THAT(saturday.err, HasSubstr("weekend.csv:3:1: field 'as_of': 2025-11-15 is not a "
                                      "Southbound trading day"));
  const Outcome unknown =
      import("asset-snapshots", "unknown.csv", header + "2025-12-05,INV009,1.00,1.00,0\n");
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_THAT(unknown.err, HasSubstr("account INV009 is not in the account book"));
  // The same row again is unchanged; other figures for a stored day are refused whole.
  const Outcome again = import("asset-snapshots", "again.csv",
                               header + "2025-12-05,INV001,450000.00,50000.00,0.00\n");
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_THAT(again.out, HasSubstr("0 new, 1 unchanged"));
  const Outcome other =
      import("asset-snapshots", "other.csv", header + "2025-12-05,INV001,1.00,50000.00,0.00\n");
  EXPECT_EQ(other.exit_code, 1);
  EXPECT_THAT(other.err, HasSubstr("INV001's assets on 2025-12-05 is already stored with other "
                                   "values"));
  EXPECT_TRUE(check("INV001", "sh")["eligible"].get<bool>());  // nothing of them stored
  // An account not in the book has nothing to check.
  const Outcome own = run("investor check --account NOBODY --channel sh --date 2025-12-08");
  EXPECT_EQ(own.exit_code, 1);
  EXPECT_THAT(own.err, HasSubstr("account NOBODY is not in the account book"));
}

// The golden cases of tests/golden/investors (each README works them by hand; work_out.py is an
// independent oracle): every evidence file imported, then each check of case.json by
// `investor check --json` against expected.json — eligible, the rules that failed, and the
// assets average over the window.
TEST_P(InvestorCliTest, GoldenSuitabilityCasesOnEachChannel) {
  const fs::path dir = kCases / "suitability";
  import_suitability_case();
  if (HasFatalFailure()) return;
  const Json expected = Json::parse(testing::slurp(dir / "expected.json"))["checks"];
  ASSERT_EQ(expected.size(), 17U);
  for (const Json& want : expected) {
    const std::string who =
        want["account"].get<std::string>() + " on " + want["channel"].get<std::string>();
    const Outcome shown = run("investor check --account " + want["account"].get<std::string>() +
                              " --channel " + want["channel"].get<std::string>() + " --date " +
                              want["date"].get<std::string>() + " --json");
    ASSERT_EQ(shown.exit_code, 0) << who << ": " << shown.err;
    const Json got = Json::parse(shown.out);
    EXPECT_EQ(got["eligible"], want["eligible"]) << who << ": " << got.dump();
    Json failed = Json::array();
    for (const Json& r : got["rules"]) {
      if (!r["passed"].get<bool>()) failed.push_back(r["rule"]);
    }
    EXPECT_EQ(failed, want["failed"]) << who << ": " << got.dump();
    EXPECT_EQ(rule(got, "assets")["evidence"],
              "average " + want["assets_average"].get<std::string>() + " over " +
                  want["window"][0].get<std::string>() + " to " +
                  want["window"][1].get<std::string>() + " (20 trading days)")
        << who;
  }
}

// tests/golden/investors/closing (its README works each check from the christmas EOD case):
// the steps of case.json in order, each run an `eod run`, each check `investor closing-check
// --json` against its allowed and reasons. The runs use the christmas case's margin method (the
// rate method, as its README works it: support/rate_method_data.h).
TEST_P(InvestorCliTest, GoldenClosingReadsTheEodsRecordsOfTheTrades) {
  const Json spec = Json::parse(testing::slurp(kCases / "closing" / "case.json"));
  const fs::path inputs = fs::path(CONNECTPOST_SOURCE_DIR) / spec["inputs"].get<std::string>();
  for (const Json& kind : spec["imports"]) {
    const std::string name = kind.get<std::string>();
    const Outcome done = run("import " + name + " '" + (inputs / (name + ".csv")).string() + "'");
    ASSERT_EQ(done.exit_code, 0) << name << ": " << done.err;
  }
  int checks = 0;
  for (const Json& step : spec["steps"]) {
    if (step.contains("run")) {
      const Outcome ran =
          run("eod run --date " + step["run"].get<std::string>(), testing::rate_method_data_dir());
      ASSERT_EQ(ran.exit_code, 0) << step.dump() << ": " << ran.err;
      continue;
    }
    const Json& want = step["check"];
    const Outcome shown =
        run("investor closing-check --account " + want["account"].get<std::string>() +
            " --channel sh --date " + want["date"].get<std::string>() + " --json");
    ASSERT_EQ(shown.exit_code, 0) << want.dump() << ": " << shown.err;
    const Json got = Json::parse(shown.out);
    EXPECT_EQ(got["allowed"], want["allowed"]) << want.dump() << "\n" << got.dump();
    EXPECT_EQ(got["reasons"], want["reasons"]) << want.dump() << "\n" << got.dump();
    ++checks;
  }
  EXPECT_EQ(checks, 9);
  const Outcome own = run("investor closing-check --account PROP01 --channel sh --date 2024-12-31");
  EXPECT_EQ(own.exit_code, 2);
  EXPECT_THAT(own.err, HasSubstr("account PROP01 is the broker's own"));
}

// The registry on the suitability case's evidence (its README): AST_AT and QN_2Y are eligible on
// Shanghai on 2025-10-20 and granted; a second grant and AST_BELOW's are refused, nothing stored.
// QN_2Y's questionnaire of 2023-10-20 is valid through 2025-10-20: the job of that day lists it
// due (0 days left) and tells ivy, its investor user in the book firm B001; the same day again
// tells no one; the next day lists it expired and tells ivy again. After the new questionnaire
// of 2025-10-21 it is current. Closing AST_AT on 2025-10-20 (no trades on record; the day's
// executions not imported, so today cannot be ruled out) is refused; on Saturday 10-25 allowed.
TEST_P(InvestorCliTest, PermissionsAreGrantedReassessedAndClosed) {
  import_suitability_case();
  if (HasFatalFailure()) return;
  ASSERT_EQ(run("firm add B001 --name Alpha --kind broker").exit_code, 0);
  ASSERT_EQ(run("user add ivy --name Ivy --firm B001 --role investor").exit_code, 0);
  ASSERT_EQ(run("user link-account ivy --firm B001 --account QN_2Y").exit_code, 0);
  const auto grant = [&](const std::string& account) {
    return run("investor grant --account " + account + " --channel sh --date 2025-10-20");
  };
  ASSERT_EQ(grant("AST_AT").exit_code, 0) << grant("AST_AT").err;
  ASSERT_EQ(grant("QN_2Y").exit_code, 0);
  const Outcome again = grant("AST_AT");
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_THAT(again.err, HasSubstr("account AST_AT holds the sh permission since 2025-10-20: one "
                                   "application at a time"));
  const Outcome below = grant("AST_BELOW");
  EXPECT_EQ(below.exit_code, 1);
  EXPECT_THAT(below.err, HasSubstr("is not eligible on sh on 2025-10-20: assets: below RMB "
                                   "500,000.00"));
  const Json listed = Json::parse(run("investor permissions --json").out)["permissions"];
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0]["account"], "AST_AT");
  EXPECT_EQ(listed[1]["account"], "QN_2Y");
  EXPECT_EQ(listed[1]["closed_on"], nullptr);

  const auto job = [&](const std::string& date) {
    ::setenv("CONNECTPOST_BOOK_FIRM", "B001", 1);
    const Outcome done = run("investor reassessments --date " + date + " --json");
    ::unsetenv("CONNECTPOST_BOOK_FIRM");
    EXPECT_EQ(done.exit_code, 0) << done.err;
    return Json::parse(done.out);
  };
  const auto told = [&] {
    auto rows = db_->query(
        "SELECT COUNT(*) FROM notification WHERE user_id = 'ivy' AND "
        "reference = 'reassessment:QN_2Y:sh'");
    return rows.ok() ? rows->rows.at(0).integer(0) : -1;
  };
  const Json first = job("2025-10-20");
  EXPECT_EQ(first["permissions_held"], 2);
  ASSERT_EQ(first["due"].size(), 1u) << first.dump();
  EXPECT_EQ(first["due"][0]["account"], "QN_2Y");
  EXPECT_EQ(first["due"][0]["valid_until"], "2025-10-20");
  EXPECT_EQ(first["due"][0]["status"], "due_soon");
  EXPECT_EQ(first["due"][0]["days_left"], 0);
  EXPECT_EQ(first["due"][0]["new_notice"], true);
  EXPECT_EQ(first["due"][0]["notified"], 1);
  EXPECT_EQ(told(), 1);
  EXPECT_EQ(job("2025-10-20")["due"][0]["new_notice"], false);
  EXPECT_EQ(told(), 1);
  const Json expired = job("2025-10-21");
  EXPECT_EQ(expired["due"][0]["status"], "expired");
  EXPECT_EQ(expired["due"][0]["days_left"], -1);
  EXPECT_EQ(expired["due"][0]["new_notice"], true);
  EXPECT_EQ(told(), 2);
  ASSERT_EQ(import("questionnaires", "renewed.csv",
                   "account_id,completed_on,risk_level,low_level_acknowledged\n"
                   "QN_2Y,2025-10-21,balanced,no\n")
                .exit_code,
            0);
  EXPECT_TRUE(job("2025-10-22")["due"].empty());

  const Outcome refused = run("investor close --account AST_AT --channel sh --date 2025-10-20");
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_THAT(refused.err, HasSubstr("closing refused (SUIT-5): today's trades are not known yet"));
  ASSERT_EQ(run("investor close --account AST_AT --channel sh --date 2025-10-25").exit_code, 0);
  const Outcome twice = run("investor close --account AST_AT --channel sh --date 2025-10-25");
  EXPECT_EQ(twice.exit_code, 1);
  EXPECT_THAT(twice.err, HasSubstr("account AST_AT holds no open sh permission"));
  const Json after = Json::parse(run("investor permissions --account AST_AT --json").out);
  EXPECT_EQ(after["permissions"][0]["closed_on"], "2025-10-25");
  // Granted again after the closing: a grant dated before it is refused.
  const Outcome early = grant("AST_AT");
  EXPECT_EQ(early.exit_code, 1);
  EXPECT_THAT(early.err,
              HasSubstr("was closed on 2025-10-25: a new grant is dated on or after it"));
  // A permission file naming an account not in the book is refused whole, naming the file.
  const Outcome unknown = import("permissions", "legacy.csv",
                                 "account_id,channel,granted_on\nQN_2Y,sz,2024-01-02\n"
                                 "NOBODY,sh,2024-01-02\n");
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_THAT(unknown.err, HasSubstr("legacy.csv: account NOBODY is not in the account book"));
  EXPECT_EQ(
      Json::parse(run("investor permissions --account QN_2Y --json").out)["permissions"].size(),
      1u);
  // Each change is audited.
  auto audited = db_->query(
      "SELECT action FROM audit_entry WHERE action LIKE 'investor.%' ORDER BY "
      "seq");
  ASSERT_TRUE(audited.ok()) << audited.error().to_string();
  std::vector<std::string> actions;
  for (const auto& row : audited->rows) actions.push_back(row.text(0));
  EXPECT_EQ(actions, (std::vector<std::string>{
                         "investor.permission.grant", "investor.permission.grant",
                         "investor.permission.grant_refused", "investor.reassessment.notices",
                         "investor.reassessment.notices", "investor.permission.close_refused",
                         "investor.permission.close"}));
}

// SUIT-7: every step of QN_2Y's permission in its archive, in order — the evidence imported
// (questionnaire, answer sheet, the two documents), the grant, both re-assessment notices and
// the new questionnaire; AST_BELOW's refusal is archived too. An export verifies alone; a record
// changed in the zip, or changed with its manifest hash to match, is found; nothing may be purged
// before its retention date (recorded today, kept 20 years).
TEST_P(InvestorCliTest, TheArchiveHoldsEveryStepAndItsExportVerifies) {
  const fs::path dir = kCases / "suitability";
  import_suitability_case();
  if (HasFatalFailure()) return;
  ASSERT_EQ(run("investor grant --account QN_2Y --channel sh --date 2025-10-20").exit_code, 0);
  EXPECT_EQ(run("investor grant --account AST_BELOW --channel sh --date 2025-10-20").exit_code, 1);
  ASSERT_EQ(run("investor reassessments --date 2025-10-20").exit_code, 0);
  ASSERT_EQ(run("investor reassessments --date 2025-10-21").exit_code, 0);
  ASSERT_EQ(import("questionnaires", "renewed.csv",
                   "account_id,completed_on,risk_level,low_level_acknowledged\n"
                   "QN_2Y,2025-10-21,balanced,no\n")
                .exit_code,
            0);
  const auto kinds = [&](const std::string& account) {
    const Outcome shown = run("archive show --account " + account + " --json");
    EXPECT_EQ(shown.exit_code, 0) << shown.err;
    std::vector<std::string> out;
    const Json parsed = Json::parse(shown.out);
    for (const Json& r : parsed["records"]) out.push_back(r["kind"]);
    return out;
  };
  EXPECT_EQ(kinds("QN_2Y"), (std::vector<std::string>{"questionnaire", "knowledge_test", "document",
                                                      "document", "grant", "reassessment_notice",
                                                      "reassessment_notice", "questionnaire"}));
  EXPECT_EQ(kinds("AST_BELOW"),
            (std::vector<std::string>{"questionnaire", "knowledge_test", "document", "document",
                                      "grant_refused"}));
  const Outcome verified = run("archive verify --account QN_2Y");
  ASSERT_EQ(verified.exit_code, 0) << verified.err;
  EXPECT_THAT(verified.out, HasSubstr("8 records, chain intact"));

  const fs::path zip = dir_ / "QN_2Y.zip";
  ASSERT_EQ(run("archive export --account QN_2Y --out '" + zip.string() + "'").exit_code, 0);
  const Outcome whole = run("archive verify-export '" + zip.string() + "'");
  ASSERT_EQ(whole.exit_code, 0) << whole.err;
  EXPECT_THAT(whole.out, HasSubstr("8 records of QN_2Y, every file matches the manifest, chain "
                                   "intact"));
  // Python's zipfile rewrites the grant's record (seq 5): once alone, once with its manifest hash.
  const auto tampered = [&](bool manifest_too) {
    const fs::path copy = dir_ / (manifest_too ? "both.zip" : "record.zip");
    const std::string script =
        "import hashlib, json, sys, zipfile\n"
        "src, dst, both = sys.argv[1], sys.argv[2], sys.argv[3] == '1'\n"
        "z = zipfile.ZipFile(src)\n"
        "files = {n: z.read(n) for n in z.namelist()}\n"
        "name = [n for n in files if n.startswith('records/000005-')][0]\n"
        "record = json.loads(files[name])\n"
        "record['content'] = record['content'].replace('true', 'false', 1)\n"
        "files[name] = (json.dumps(record, indent=2) + '\\n').encode()\n"
        "if both:\n"
        "    m = json.loads(files['manifest.json'])\n"
        "    for r in m['records']:\n"
        "        if r['file'] == name: r['sha256'] = hashlib.sha256(files[name]).hexdigest()\n"
        "    files['manifest.json'] = json.dumps(m).encode()\n"
        "with zipfile.ZipFile(dst, 'w') as out:\n"
        "    for n, b in files.items(): out.writestr(n, b)\n";
    std::ofstream(dir_ / "tamper.py") << script;
    EXPECT_EQ(std::system(("python3 '" + (dir_ / "tamper.py").string() + "' '" + zip.string() +
                           "' '" + copy.string() + "' " + (manifest_too ? "1" : "0"))
                              .c_str()),
              0);
    return run("archive verify-export '" + copy.string() + "'");
  };
  const Outcome record_changed = tampered(false);
  EXPECT_EQ(record_changed.exit_code, 1);
  EXPECT_THAT(record_changed.err, HasSubstr("records/000005-grant.json does not match its "
                                            "SHA-256 in the manifest"));
  const Outcome both_changed = tampered(true);
  EXPECT_EQ(both_changed.exit_code, 1);
  EXPECT_THAT(both_changed.err, HasSubstr("chain broken: record 5 was changed after it was "
                                          "recorded"));
  const Outcome not_zip = run("archive verify-export '" + (dir / "accounts.csv").string() + "'");
  EXPECT_EQ(not_zip.exit_code, 2);
  EXPECT_THAT(not_zip.err, HasSubstr("not a readable zip file"));

  const Outcome purge = run("archive purge --account QN_2Y --date 2030-01-01");
  EXPECT_EQ(purge.exit_code, 1);
  EXPECT_THAT(purge.err, HasSubstr("is kept until 20"));
  EXPECT_THAT(purge.err, HasSubstr("(SPEC SUIT-7): nothing may be deleted before"));
  // Every read of an archive is audited (ORG-2).
  auto reads = db_->query(
      "SELECT action FROM audit_entry WHERE object = 'archive:QN_2Y' ORDER "
      "BY seq");
  ASSERT_TRUE(reads.ok());
  std::vector<std::string> actions;
  for (const auto& row : reads->rows) actions.push_back(row.text(0));
  EXPECT_EQ(actions,
            (std::vector<std::string>{"archive.read", "archive.verify", "archive.export"}));
}

CP_INSTANTIATE_ON_BOTH_BACKENDS(InvestorCliTest);

}  // namespace
}  // namespace cp
