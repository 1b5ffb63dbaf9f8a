// The announcements file: each type's fields, the dated rule of what is offered, and every
// refusal naming file, line and field (SPEC CA-1, CA-2; corpactions/event_file.h).
#include "corpactions/event_file.h"

#include <gtest/gtest.h>

#include "core/test_values.h"

namespace cp::corpactions {
namespace {

using test_values::D;

constexpr const char* kHeader =
    "event_id,type,security_code,ex_date,record_date,payment_date,currency,rate,price,ratio,"
    "new_security_code,board_lot_after,issuer_type,election_open,csdc_deadline,hkscc_deadline,"
    "options,source\n";

const refdata::RefData& shipped() {
  static const refdata::RefData refdata =
      *refdata::load_refdata(std::filesystem::path(CONNECTPOST_SOURCE_DIR) / "data");
  return refdata;
}

Result<std::vector<CorporateAction>> read(const std::string& rows) {
  auto reader = CsvReader::from_string("ca_events.csv", kHeader + rows);
  if (!reader.ok()) return reader.error();
  return read_event_file(*reader, shipped());
}

// The error of a one-row file, as "file:line:column: field 'x': message".
std::string refusal(const std::string& row) {
  auto read_back = read(row + "\n");
  return read_back.ok() ? "accepted" : read_back.error().to_string();
}

constexpr const char* kDividend =
    "D1,cash_dividend,00939,2025-06-19,2025-06-20,2025-07-10,USD,0.123,,,,,h_share,,,,,HKEXnews";

TEST(EventFile, ReadsEveryOfferedType) {
  const auto events =
      read(std::string(kDividend) +
           "\nB1,bonus_shares,00005,2025-06-19,2025-06-20,2025-07-10,,,,1:10,,,,,,,,HKEXnews\n"
           "C1,consolidation,00005,2025-06-19,2025-06-20,2025-06-23,,,,1:2,,200,,,,,,HKEXnews\n"
           "V1,vote,00700,,2025-05-09,,,,,,,,,2025-05-04T09:00,2025-05-12T16:00,2025-05-13T16:00,"
           "for;against;abstain,HKEXnews\n"
           "R1,rights_issue,00005,2025-06-19,2025-06-20,2025-07-10,HKD,,3.5,1:5,29876,,,"
           "2025-06-23T09:00,2025-07-02T16:00,2025-07-07T16:00,take_up,HKEXnews\n"
           "T1,takeover,00763,,2025-06-20,2025-07-10,HKD,12.50,,,,,,,,,,HKEXnews\n");
  ASSERT_TRUE(events.ok()) << events.error().to_string();
  ASSERT_EQ(events->size(), 6u);
  const CorporateAction& d = (*events)[0];
  EXPECT_EQ(d.type, ActionType::kCashDividend);
  EXPECT_EQ(d.currency, Currency::kUSD);
  EXPECT_TRUE(*d.rate == D("0.123"));
  EXPECT_EQ(d.issuer_type, IssuerType::kHShare);
  EXPECT_EQ((*events)[1].ratio->new_units, 1);
  EXPECT_EQ((*events)[1].ratio->old_units, 10);
  EXPECT_EQ((*events)[2].board_lot_after, 200);
  EXPECT_EQ((*events)[3].options.size(), 3u);
  EXPECT_EQ((*events)[3].holders_date().to_string(), "2025-05-09");
  EXPECT_EQ((*events)[4].new_security_code, "29876");
  EXPECT_EQ((*events)[5].type, ActionType::kTakeover);
}

// The Bad input list of issue 17, each refused at its field.
TEST(EventFile, RefusesAnExDateAfterThePaymentDate) {
  EXPECT_EQ(refusal("D1,cash_dividend,00939,2025-07-11,2025-06-20,2025-07-10,USD,0.123,,,,,"
                    "h_share,,,,,HKEXnews"),
            "ca_events.csv:2:24: field 'ex_date': ex_date 2025-07-11 is after payment_date "
            "2025-07-10");
}

TEST(EventFile, RefusesARatioOfZero) {
  EXPECT_EQ(refusal("B1,bonus_shares,00005,2025-06-19,2025-06-20,2025-07-10,,,,0:10,,,,,,,,x"),
            "ca_events.csv:2:59: field 'ratio': ratio needs both sides above zero (new:old, e.g. "
            "1:10)");
  EXPECT_NE(refusal("B1,bonus_shares,00005,2025-06-19,2025-06-20,2025-07-10,,,,1to10,,,,,,,,x")
                .find("field 'ratio'"),
            std::string::npos);
  // A split that gives fewer shares is a consolidation.
  EXPECT_NE(refusal("S1,split,00005,2025-06-19,2025-06-20,2025-06-23,,,,1:2,,,,,,,,x")
                .find("a split gives more new shares"),
            std::string::npos);
}

TEST(EventFile, RefusesASecondAnnouncementOfTheSameEvent) {
  const auto twice = read(std::string(kDividend) + "\n" + kDividend + "\n");
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().to_string(),
            "ca_events.csv:3:1: field 'event_id': event D1 is announced twice in this file (one "
            "announcement per event)");
}

TEST(EventFile, RefusesMissingAndMisplacedFields) {
  // A dividend without its currency, or without who withholds the tax.
  EXPECT_NE(
      refusal("D1,cash_dividend,00939,2025-06-19,2025-06-20,2025-07-10,,0.1,,,,,h_share,,,,,x")
          .find("field 'currency': currency is required for a cash_dividend"),
      std::string::npos);
  EXPECT_NE(refusal("D1,cash_dividend,00939,2025-06-19,2025-06-20,2025-07-10,USD,0.1,,,,,,,,,,x")
                .find("field 'issuer_type'"),
            std::string::npos);
  // A ratio on a cash dividend; a rate of zero; an unknown currency; a source left out.
  EXPECT_NE(refusal("D1,cash_dividend,00939,2025-06-19,2025-06-20,2025-07-10,USD,0.1,,1:10,,,"
                    "h_share,,,,,x")
                .find("field 'ratio': ratio does not apply"),
            std::string::npos);
  EXPECT_NE(refusal("D1,cash_dividend,00939,2025-06-19,2025-06-20,2025-07-10,USD,0,,,,,h_share,,,"
                    ",,x")
                .find("field 'rate': rate must be above zero"),
            std::string::npos);
  EXPECT_NE(refusal("D1,cash_dividend,00939,2025-06-19,2025-06-20,2025-07-10,RMB,0.1,,,,,h_share,"
                    ",,,,x")
                .find("field 'currency'"),
            std::string::npos);
  EXPECT_NE(refusal("D1,cash_dividend,00939,2025-06-19,2025-06-20,2025-07-10,USD,0.1,,,,,h_share,"
                    ",,,,")
                .find("field 'source'"),
            std::string::npos);
  // A security the master does not know on the record date.
  EXPECT_NE(refusal("D1,cash_dividend,09999,2025-06-19,2025-06-20,2025-07-10,USD,0.1,,,,,h_share,"
                    ",,,,x")
                .find("not in the securities master on 2025-06-20"),
            std::string::npos);
}

TEST(EventFile, RefusesAWindowThatClosesAfterHkscc) {
  EXPECT_NE(refusal("V1,vote,00700,,2025-05-09,,,,,,,,,2025-05-04T09:00,2025-05-13T16:00,"
                    "2025-05-13T16:00,for;against,x")
                .find("field 'csdc_deadline': csdc_deadline 2025-05-13T16:00 is not before "
                      "hkscc_deadline"),
            std::string::npos);
  EXPECT_NE(refusal("V1,vote,00700,,2025-05-09,,,,,,,,,2025-05-04T09:00,2025-05-12T16:00,"
                    "2025-05-13T16:00,for;abstain,x")
                .find("at least for and against"),
            std::string::npos);
  EXPECT_NE(refusal("V1,vote,00700,,2025-05-09,,,,,,,,,2025-05-04 09:00,2025-05-12T16:00,"
                    "2025-05-13T16:00,for;against,x")
                .find("field 'election_open'"),
            std::string::npos);
}

// What is never offered is refused by the rule that says so; what the later practice added is
// refused before it and read after it (ca.rights_take_up from 2016-12-05, ca.scrip_election
// from 2022-01-01).
TEST(EventFile, WhatIsOfferedDependsOnTheDate) {
  EXPECT_NE(refusal("I1,ipo_subscription,00005,,2025-06-20,,,,,,,,,,,,,x")
                .find("field 'type': event I1: a ipo_subscription is not offered to Southbound "
                      "investors on 2025-06-20"),
            std::string::npos);
  EXPECT_NE(
      refusal("X1,excess_application,00005,,2025-06-20,,,,,,,,,,,,,x").find("never in excess"),
      std::string::npos);
  EXPECT_NE(refusal("W1,warrant_exercise,00005,,2025-06-20,,,,,,,,,,,,,x").find("CLR-8"),
            std::string::npos);
  const std::string rights_2015 =
      "R1,rights_issue,00005,2015-06-19,2015-06-22,2015-07-10,HKD,,3.5,1:5,29876,,,"
      "2015-06-23T09:00,2015-07-02T16:00,2015-07-07T16:00,take_up,x";
  EXPECT_NE(refusal(rights_2015).find("ca.rights_take_up"), std::string::npos);
  const std::string scrip =
      ",scrip_dividend,00005,{D}-06-19,{D}-06-22,{D}-07-10,HKD,0.5,60.1,,,,other,"
      "{D}-06-23T09:00,{D}-07-02T16:00,{D}-07-07T16:00,cash;scrip,x";
  auto dated = [&](const char* year) {
    std::string row = std::string("S") + year + scrip;
    for (size_t at = row.find("{D}"); at != std::string::npos; at = row.find("{D}")) {
      row.replace(at, 3, year);
    }
    return row;
  };
  EXPECT_NE(refusal(dated("2021")).find("ca.scrip_election"), std::string::npos);
  EXPECT_EQ(refusal(dated("2022")), "accepted");
}

}  // namespace
}  // namespace cp::corpactions
