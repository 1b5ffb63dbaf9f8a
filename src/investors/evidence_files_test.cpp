// The investor evidence files (issue 18 item 1 and its Bad input): what reads, and each refusal
// at its file, line, column and field.
#include "investors/evidence_files.h"

#include <gtest/gtest.h>

#include "core/test_values.h"

namespace cp::investors {
namespace {

using test_values::d;
using test_values::D;

// Weekdays are trading days here, but for 2026-11-18 (a holiday for these tests).
bool trading(Date day) {
  return day.weekday() != Weekday::kSaturday && day.weekday() != Weekday::kSunday &&
         day != d("2026-11-18");
}

template <typename Read>
std::string refusal(const std::string& name, const std::string& text, Read read) {
  auto reader = CsvReader::from_string(name, text);
  if (!reader.ok()) return reader.error().to_string();
  auto rows = read(*reader);
  return rows.ok() ? "accepted" : rows.error().to_string();
}

TEST(EvidenceFiles, AssetSnapshotsSumTheInvestorsOwnAssets) {
  auto reader = CsvReader::from_string("asset_snapshots.csv",
                                       "as_of,account_id,securities_rmb,cash_rmb,margin_net_rmb\n"
                                       "2026-11-17,INV001,420000.00,60000.5,20000.00\n"
                                       "2026-11-17,INV002,0,1000.00,-250.00\n");
  ASSERT_TRUE(reader.ok());
  auto rows = read_asset_snapshots(*reader, trading);
  ASSERT_TRUE(rows.ok()) << rows.error().to_string();
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].own_assets_rmb(), D("500000.50"));
  EXPECT_EQ((*rows)[0].cash_rmb.to_string(), "60000.50");
  // A margin account's net assets below zero count as they are: 1,000.00 − 250.00.
  EXPECT_EQ((*rows)[1].own_assets_rmb(), D("750.00"));
}

TEST(EvidenceFiles, AnAssetSnapshotForANonTradingDayIsRefused) {
  const std::string header = "as_of,account_id,securities_rmb,cash_rmb,margin_net_rmb\n";
  const auto read = [](CsvReader& r) { return read_asset_snapshots(r, trading); };
  EXPECT_EQ(refusal("asset_snapshots.csv", header + "2026-11-18,INV001,1.00,1.00,0\n", read),
            "asset_snapshots.csv:2:1: field 'as_of': 2026-11-18 is not a Southbound trading day");
  EXPECT_EQ(refusal("asset_snapshots.csv", header + "2026-11-21,INV001,1.00,1.00,0\n", read),
            "asset_snapshots.csv:2:1: field 'as_of': 2026-11-21 is not a Southbound trading day");
  EXPECT_EQ(refusal("asset_snapshots.csv", header + "2026-11-17,INV001,-1.00,1.00,0\n", read),
            "asset_snapshots.csv:2:19: field 'securities_rmb': must not be below zero");
  EXPECT_EQ(refusal("asset_snapshots.csv", header + "2026-11-17,INV001,1.001,1.00,0\n", read),
            "asset_snapshots.csv:2:19: field 'securities_rmb': an RMB amount has at most two "
            "decimals");
  EXPECT_EQ(
      refusal("asset_snapshots.csv",
              header + "2026-11-17,INV001,1.00,1.00,0\n2026-11-17,INV001,2.00,1.00,0\n", read),
      "asset_snapshots.csv:3:12: field 'account_id': account INV001 has two snapshots for "
      "2026-11-17 in this file");
}

TEST(EvidenceFiles, AQuestionnaireDatedInTheFutureIsRefused) {
  const std::string header = "account_id,completed_on,risk_level,low_level_acknowledged\n";
  const auto read = [](CsvReader& r) { return read_questionnaires(r, d("2026-12-07")); };
  auto reader =
      CsvReader::from_string("questionnaires.csv", header + "INV001,2026-12-07,balanced,no\n");
  ASSERT_TRUE(reader.ok());
  auto rows = read_questionnaires(*reader, d("2026-12-07"));
  ASSERT_TRUE(rows.ok()) << rows.error().to_string();
  EXPECT_EQ((*rows)[0].questionnaire.level, RiskLevel::kBalanced);
  EXPECT_FALSE((*rows)[0].questionnaire.low_level_acknowledged);
  EXPECT_EQ(refusal("questionnaires.csv", header + "INV001,2026-12-08,balanced,no\n", read),
            "questionnaires.csv:2:8: field 'completed_on': 2026-12-08 is after today, "
            "2026-12-07");
  EXPECT_EQ(refusal("questionnaires.csv", header + "INV001,2026-12-01,bold,no\n", read),
            "questionnaires.csv:2:19: field 'risk_level': unknown risk level 'bold' "
            "(conservative, moderately_conservative, balanced, moderately_aggressive, "
            "aggressive)");
  EXPECT_EQ(refusal("questionnaires.csv", header + "INV001,2026-12-01,balanced,Y\n", read),
            "questionnaires.csv:2:28: field 'low_level_acknowledged': yes or no is expected");
}

TEST(EvidenceFiles, KnowledgeTestsAreMarkedSheets) {
  const std::string header = "account_id,channel,taken_on,bank_version,questions,correct\n";
  const auto read = [](CsvReader& r) { return read_knowledge_tests(r, d("2026-12-07")); };
  auto reader = CsvReader::from_string("knowledge_tests.csv",
                                       header + "INV001,sz,2026-12-07,SZ-2026-1,20,16\n");
  ASSERT_TRUE(reader.ok());
  auto rows = read_knowledge_tests(*reader, d("2026-12-07"));
  ASSERT_TRUE(rows.ok()) << rows.error().to_string();
  EXPECT_EQ((*rows)[0].test.channel, Channel::kShenzhen);
  EXPECT_EQ((*rows)[0].test.correct, 16);
  EXPECT_EQ((*rows)[0].bank_version, "SZ-2026-1");
  EXPECT_EQ(refusal("knowledge_tests.csv", header + "INV001,sz,2026-12-07,SZ-2026-1,20,21\n", read),
            "knowledge_tests.csv:2:35: field 'correct': 21 right of 20 questions");
  EXPECT_EQ(refusal("knowledge_tests.csv", header + "INV001,sz,2026-12-07,SZ-2026-1,0,0\n", read),
            "knowledge_tests.csv:2:32: field 'questions': a test has at least one question");
  // Counts are plain digits up to 9,999: no sign, no decimals, no blanks.
  for (const std::string questions :
       {"-20", "+20", "20.0", " 20", "10000", "99999999999999999999"}) {
    EXPECT_EQ(refusal("knowledge_tests.csv",
                      header + "INV001,sz,2026-12-07,SZ-2026-1," + questions + ",16\n", read),
              "knowledge_tests.csv:2:32: field 'questions': a whole number from 0 to 9999 is "
              "expected")
        << questions;
  }
  EXPECT_EQ(refusal("knowledge_tests.csv", header + "INV001,hk,2026-12-07,SZ-2026-1,20,16\n", read)
                    .find("field 'channel'") != std::string::npos,
            true);
}

TEST(EvidenceFiles, WarningsNameTheirExchange) {
  const std::string header = "account_id,exchange,warned_on\n";
  const auto read = [](CsvReader& r) { return read_trading_warnings(r, d("2026-12-07")); };
  auto reader = CsvReader::from_string("trading_warnings.csv", header + "INV001,szse,2026-10-02\n");
  ASSERT_TRUE(reader.ok());
  auto rows = read_trading_warnings(*reader, d("2026-12-07"));
  ASSERT_TRUE(rows.ok()) << rows.error().to_string();
  EXPECT_EQ((*rows)[0].exchange, Channel::kShenzhen);
  EXPECT_EQ(refusal("trading_warnings.csv", header + "INV001,hkex,2026-10-02\n", read),
            "trading_warnings.csv:2:8: field 'exchange': sse or szse is expected");
  EXPECT_EQ(refusal("trading_warnings.csv", header + "INV001,sse,2027-01-02\n", read),
            "trading_warnings.csv:2:12: field 'warned_on': 2027-01-02 is after today, "
            "2026-12-07");
}

TEST(EvidenceFiles, ProfilesGiveTheAccountStateAndTheFlagsPerChannel) {
  const std::string header =
      "as_of,account_id,channel,a_share_account,serious_integrity_problem,legally_barred\n";
  const auto read = [](CsvReader& r) { return read_investor_profiles(r, d("2026-12-07")); };
  auto reader = CsvReader::from_string(
      "investor_profiles.csv",
      header + "2026-12-01,INV001,sh,normal,no,no\n2026-12-01,INV001,sz,none,no,yes\n");
  ASSERT_TRUE(reader.ok());
  auto rows = read_investor_profiles(*reader, d("2026-12-07"));
  ASSERT_TRUE(rows.ok()) << rows.error().to_string();
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].a_share_account, AShareAccountState::kNormal);
  EXPECT_FALSE((*rows)[1].a_share_account.has_value());
  EXPECT_TRUE((*rows)[1].legally_barred);
  EXPECT_EQ(refusal("investor_profiles.csv", header + "2026-12-01,INV001,sh,closed,no,no\n", read),
            "investor_profiles.csv:2:22: field 'a_share_account': normal, not_designated, "
            "restricted or none is expected");
  EXPECT_EQ(refusal("investor_profiles.csv",
                    header + "2026-12-01,INV001,sh,normal,no,no\n2026-12-01,INV001,sh,normal,no,"
                             "yes\n",
                    read),
            "investor_profiles.csv:3:12: field 'account_id': account INV001 on sh twice for "
            "2026-12-01 in this file");
}

TEST(EvidenceFiles, DocumentsCarryTheHashOfWhatWasSigned) {
  const std::string header = "account_id,channel,document,signed_on,sha256\n";
  const std::string hash(64, 'a');
  const auto read = [](CsvReader& r) { return read_permission_documents(r, d("2026-12-07")); };
  auto reader = CsvReader::from_string("permission_documents.csv",
                                       header + "INV001,sh,agreement,2026-12-07," + hash + "\n");
  ASSERT_TRUE(reader.ok());
  auto rows = read_permission_documents(*reader, d("2026-12-07"));
  ASSERT_TRUE(rows.ok()) << rows.error().to_string();
  EXPECT_EQ((*rows)[0].document, PermissionDocument::kAgreement);
  EXPECT_EQ(refusal("permission_documents.csv",
                    header + "INV001,sh,agreement,2026-12-07," + std::string(64, 'A') + "\n", read),
            "permission_documents.csv:2:32: field 'sha256': the document's SHA-256 as 64 "
            "lower-case hex digits is expected");
  EXPECT_EQ(refusal("permission_documents.csv",
                    header + "INV001,sh,contract,2026-12-07," + hash + "\n", read),
            "permission_documents.csv:2:11: field 'document': risk_disclosure_study or "
            "agreement is expected");
}

// Permissions granted before connectpost: each account and channel once, none in the future.
TEST(EvidenceFiles, PermissionsGrantedBeforeAreReadOncePerChannel) {
  const std::string header = "account_id,channel,granted_on\n";
  const auto read = [](CsvReader& r) { return read_permission_grants(r, d("2026-12-07")); };
  auto reader = CsvReader::from_string("permissions.csv",
                                       header + "INV001,sh,2019-03-04\nINV001,sz,2020-01-06\n");
  ASSERT_TRUE(reader.ok());
  auto rows = read(*reader);
  ASSERT_TRUE(rows.ok()) << rows.error().to_string();
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[1].channel, Channel::kShenzhen);
  EXPECT_EQ((*rows)[1].granted_on, d("2020-01-06"));
  EXPECT_EQ(
      refusal("permissions.csv", header + "INV001,sh,2019-03-04\nINV001,sh,2020-01-06\n", read),
      "permissions.csv:3:1: field 'account_id': INV001 appears twice for sh");
  EXPECT_NE(refusal("permissions.csv", header + "INV001,sh,2026-12-08\n", read)
                .find("permissions.csv:2:11: field 'granted_on'"),
            std::string::npos);
}

}  // namespace
}  // namespace cp::investors
