// The investor evidence files of issue 18 (src/investors): asset_snapshots.csv,
// questionnaires.csv, knowledge_tests.csv, trading_warnings.csv, investor_profiles.csv,
// permission_documents.csv, permissions.csv.
//
// Input: the first byte picks the file (modulo 7, in that order); the rest is the CSV text. The
// readers' "today" is fixed at 2026-12-07 and, for the snapshots, weekdays are the trading days.
//
// Properties: no crash and no exception; a refusal names the file; a successful parse yields no
// more rows than the file has records, each as the grammar says (snapshots on trading days and
// once per account and day, amounts of two decimals with securities and cash not below zero;
// nothing dated after today; 0 ≤ correct ≤ questions; one profile per account, channel and date;
// a document's hash as 64 lower-case hex digits; a permission once per account and channel). What
// parsed is then assessed against the shipped rules of both channels (data/parameters.csv,
// CONNECTPOST_DATA_DIR overrides): every rule answers once, and the investor is eligible exactly
// when every rule passed.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "fuzz_check.h"
#include "fuzz_refdata.h"
#include "investors/evidence_files.h"
#include "investors/suitability.h"
#include "refdata/refdata.h"

namespace {

using namespace cp;

constexpr const char* kNames[] = {"asset_snapshots.csv",   "questionnaires.csv",
                                  "knowledge_tests.csv",   "trading_warnings.csv",
                                  "investor_profiles.csv", "permission_documents.csv",
                                  "permissions.csv"};
constexpr size_t kRules = 10;  // investors::Rule

Date today() {
  return Date::from_ymd(2026, 12, 7).value();
}

bool weekday(Date day) {
  return day.weekday() != Weekday::kSaturday && day.weekday() != Weekday::kSunday;
}

template <typename Rows>
void check_count(const Rows& rows, int64_t records) {
  CP_FUZZ_CHECK(records >= 0 && static_cast<int64_t>(rows.size()) <= records,
                "no more rows than records");
}

// Assesses `evidence` on both channels as of today with a window of the ten weekdays before.
void check_assessed(const investors::Evidence& evidence) {
  std::vector<Date> window;
  for (Date day = today().plus_days(-1); window.size() < 10; day = day.plus_days(-1)) {
    if (weekday(day)) window.insert(window.begin(), day);
  }
  for (const Channel channel : {Channel::kShanghai, Channel::kShenzhen}) {
    auto rules = investors::channel_rules(fuzz::shipped_refdata().parameters, channel, today());
    if (!rules.ok()) fuzz::setup_failed("suit.* parameters: " + rules.error().to_string());
    const auto got = investors::assess(*rules, evidence, today(), window);
    std::set<std::string_view> seen;
    bool all_passed = true;
    for (const auto& result : got.rules) {
      CP_FUZZ_CHECK(seen.insert(investors::rule_code(result.rule)).second, "each rule once");
      CP_FUZZ_CHECK(result.passed == result.reason.empty(), "a failed rule says why");
      all_passed = all_passed && result.passed;
    }
    CP_FUZZ_CHECK(seen.size() == kRules, "every rule answers");
    CP_FUZZ_CHECK(got.eligible == all_passed, "eligible exactly when every rule passed");
  }
}

void fuzz_one(const uint8_t* data, size_t size) {
  auto selected = fuzz::select_csv(data, size, kNames);
  if (!selected) return;
  auto& [kind, name, records, reader] = *selected;
  const auto named = [&](const Error& error) { selected->check_named(error); };
  investors::Evidence evidence;
  switch (kind) {
    case 0: {
      auto rows = investors::read_asset_snapshots(reader, weekday);
      if (!rows.ok()) return named(rows.error());
      check_count(*rows, records);
      std::set<std::pair<Date, std::string>> days;
      for (const auto& row : *rows) {
        CP_FUZZ_CHECK(weekday(row.as_of), "a snapshot is on a trading day");
        CP_FUZZ_CHECK(days.insert({row.as_of, row.account_id}).second, "once per account and day");
        CP_FUZZ_CHECK(!row.securities_rmb.is_negative() && !row.cash_rmb.is_negative(),
                      "securities and cash not below zero");
        CP_FUZZ_CHECK(row.own_assets_rmb().scale() <= 2, "RMB to the fen");
        evidence.daily_assets_rmb[row.as_of] = row.own_assets_rmb();
      }
      break;
    }
    case 1: {
      auto rows = investors::read_questionnaires(reader, today());
      if (!rows.ok()) return named(rows.error());
      check_count(*rows, records);
      for (const auto& row : *rows) {
        CP_FUZZ_CHECK(row.questionnaire.completed_on <= today(), "not after today");
        evidence.questionnaire = row.questionnaire;
      }
      break;
    }
    case 2: {
      auto rows = investors::read_knowledge_tests(reader, today());
      if (!rows.ok()) return named(rows.error());
      check_count(*rows, records);
      for (const auto& row : *rows) {
        CP_FUZZ_CHECK(row.test.taken_on <= today(), "not after today");
        CP_FUZZ_CHECK(row.test.questions >= 1 && row.test.correct >= 0 &&
                          row.test.correct <= row.test.questions,
                      "0 <= correct <= questions, questions >= 1");
        CP_FUZZ_CHECK(!row.bank_version.empty(), "a sheet names its bank");
        evidence.knowledge_test = row.test;
      }
      break;
    }
    case 3: {
      auto rows = investors::read_trading_warnings(reader, today());
      if (!rows.ok()) return named(rows.error());
      check_count(*rows, records);
      for (const auto& row : *rows) {
        CP_FUZZ_CHECK(row.warned_on <= today(), "not after today");
        evidence.abnormal_trading_warnings.push_back(row.warned_on);
      }
      break;
    }
    case 4: {
      auto rows = investors::read_investor_profiles(reader, today());
      if (!rows.ok()) return named(rows.error());
      check_count(*rows, records);
      std::set<std::tuple<Date, std::string, Channel>> seen;
      for (const auto& row : *rows) {
        CP_FUZZ_CHECK(row.as_of <= today(), "not after today");
        CP_FUZZ_CHECK(seen.insert({row.as_of, row.account_id, row.channel}).second,
                      "one profile per account, channel and date");
        evidence.a_share_account = row.a_share_account;
        evidence.serious_integrity_problem = row.serious_integrity_problem;
        evidence.legally_barred = row.legally_barred;
      }
      break;
    }
    case 6: {
      auto rows = investors::read_permission_grants(reader, today());
      if (!rows.ok()) return named(rows.error());
      check_count(*rows, records);
      std::set<std::pair<std::string, Channel>> seen;
      for (const auto& row : *rows) {
        CP_FUZZ_CHECK(row.granted_on <= today(), "not after today");
        CP_FUZZ_CHECK(seen.insert({row.account_id, row.channel}).second,
                      "once per account and channel");
      }
      return;
    }
    default: {
      auto rows = investors::read_permission_documents(reader, today());
      if (!rows.ok()) return named(rows.error());
      check_count(*rows, records);
      for (const auto& row : *rows) {
        CP_FUZZ_CHECK(row.signed_on <= today(), "not after today");
        CP_FUZZ_CHECK(row.sha256.size() == 64 &&
                          row.sha256.find_first_not_of("0123456789abcdef") == std::string::npos,
                      "a hash of 64 lower-case hex digits");
        if (row.document == investors::PermissionDocument::kAgreement) {
          evidence.agreement_signed_on = row.signed_on;
        } else {
          evidence.risk_disclosure_studied_on = row.signed_on;
        }
      }
      break;
    }
  }
  check_assessed(evidence);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz_one(data, size);
  return 0;
}
