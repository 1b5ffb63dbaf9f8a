// The exclusions file (refdata/eligibility_exclusions.h) and the securities master's columns
// the exclusions read (a_share_status, currency): a bad row names its line and field.
#include "refdata/eligibility_exclusions.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "refdata/securities.h"

namespace cp::refdata {
namespace {

using ::testing::HasSubstr;

constexpr const char* kHeader =
    "id,channel,exclusion,venues,effective_from,effective_to,source,note\n";

Result<ExclusionTable> Exclusions(const std::string& rows) {
  return ExclusionTable::parse("eligibility_exclusions.csv", kHeader + rows);
}

TEST(ExclusionTable, ReadsRulesPerChannelAndDate) {
  auto table = Exclusions(
      "sh.non_hkd_quote,sh,non_hkd_quote,,2014-11-17,,SSE,\n"
      "sh.other_mainland_listing,sh,other_mainland_listing,sse,2014-11-17,,SSE,\n"
      "sz.non_hkd_quote,sz,non_hkd_quote,,2016-12-05,,SZSE,\n"
      "sz.a_share_risk_alert,sz,a_share_risk_alert,szse sse,2016-12-05,,SZSE,both\n");
  ASSERT_TRUE(table.ok()) << table.error().to_string();
  const Date before_sz = Date::parse("2016-12-02").value();
  EXPECT_EQ(table->in_force(Channel::kShanghai, before_sz).size(), 2u);
  EXPECT_TRUE(table->in_force(Channel::kShenzhen, before_sz).empty());
  const auto sz = table->in_force(Channel::kShenzhen, Date::parse("2016-12-05").value());
  ASSERT_EQ(sz.size(), 2u);
  EXPECT_EQ(sz[0]->key, "sz.a_share_risk_alert");  // ordered by id
  EXPECT_EQ(sz[0]->row.venues, (std::vector<AhVenue>{AhVenue::kSzse, AhVenue::kSse}));
  EXPECT_EQ(sz[0]->row.note, "both");
}

TEST(ExclusionTable, ABadRowNamesItsLineAndField) {
  struct Case {
    std::string row;
    std::string field;
    std::string message;
  };
  const Case cases[] = {
      {"sh.x,hk,non_hkd_quote,,2014-11-17,,SSE,\n", "channel", "channel must be sh or sz"},
      {"sh.x,sh,st_shares,,2014-11-17,,SSE,\n", "exclusion", "exclusion must be"},
      {"sh.x,sh,non_hkd_quote,sse,2014-11-17,,SSE,\n", "venues", "non_hkd_quote takes no venues"},
      {"sh.x,sh,a_share_risk_alert,,2014-11-17,,SSE,\n", "venues",
       "a_share_risk_alert needs its venues"},
      {"sh.x,sh,other_mainland_listing,bse,2014-11-17,,SSE,\n", "venues",
       "'bse' is not a mainland exchange"},
      {",sh,non_hkd_quote,,2014-11-17,,SSE,\n", "id", "an exclusion needs an id"},
      {"sh.x,sh,non_hkd_quote,,2014-11-17,,,\n", "source", ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.row);
    auto table = Exclusions(c.row);
    ASSERT_FALSE(table.ok());
    EXPECT_EQ(table.error().line, 2);
    EXPECT_EQ(table.error().field, c.field);
    EXPECT_THAT(table.error().message, HasSubstr(c.message));
  }
}

TEST(ExclusionTable, AnIdsRangesMayNotOverlap) {
  auto table = Exclusions(
      "sh.x,sh,non_hkd_quote,,2014-11-17,,SSE,\n"
      "sh.x,sh,non_hkd_quote,,2020-01-01,,SSE,\n");
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.error().line, 3);
  EXPECT_THAT(table.error().message, HasSubstr("overlaps"));
}

constexpr const char* kMasterHeader =
    "code,name,board_lot,kind,hsci_size,hsi_hscei,ah_venue,a_share_status,currency,avg_mcap_hkd,"
    "effective_from,effective_to,source\n";

TEST(SecurityMaster, ReadsTheAShareStatusAndTheCurrency) {
  auto master = SecurityMaster::parse(
      "securities.csv", std::string(kMasterHeader) +
                            "00001,A,100,equity,large,true,sse,risk_alert,HKD,,2014-11-17,,s\n"
                            "80001,B,100,equity,none,false,none,none,CNY,,2023-06-19,,s\n");
  ASSERT_TRUE(master.ok()) << master.error().to_string();
  const Date day = Date::parse("2024-03-15").value();
  EXPECT_EQ((*master->on("00001", day))->row.a_share_status, AShareStatus::kRiskAlert);
  EXPECT_EQ((*master->on("00001", day))->row.currency, Currency::kHKD);
  EXPECT_EQ((*master->on("80001", day))->row.a_share_status, AShareStatus::kNone);
  EXPECT_EQ((*master->on("80001", day))->row.currency, Currency::kCNY);
}

TEST(SecurityMaster, TheAShareStatusGoesWithTheAShares) {
  struct Case {
    std::string row;
    std::string field;
    std::string message;
  };
  const Case cases[] = {
      {"00001,A,100,equity,large,true,sse,none,HKD,,2014-11-17,,s\n", "a_share_status",
       "A shares on sse need their status"},
      {"00001,A,100,equity,large,true,none,listed,HKD,,2014-11-17,,s\n", "a_share_status",
       "a_share_status is none when there are no A shares"},
      {"00001,A,100,equity,large,true,szse,st,HKD,,2014-11-17,,s\n", "a_share_status",
       "a_share_status must be listed, risk_alert, suspended, delisting or none"},
      {"00001,A,100,equity,large,true,none,none,RMB,,2014-11-17,,s\n", "currency", "CNY"},
      {"00001,A,100,equity,large,true,none,none,,,2014-11-17,,s\n", "currency", ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.row);
    auto master = SecurityMaster::parse("securities.csv", std::string(kMasterHeader) + c.row);
    ASSERT_FALSE(master.ok());
    EXPECT_EQ(master.error().line, 2);
    EXPECT_EQ(master.error().field, c.field);
    EXPECT_THAT(master.error().message, HasSubstr(c.message));
  }
}

}  // namespace
}  // namespace cp::refdata
