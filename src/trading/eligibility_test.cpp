// Tests of Southbound eligibility (trading/eligibility.h; SPEC TRD-1, TRD-2) on a small invented
// securities master and parameter set. The parameters copy the shipped values: Shanghai opens
// 2014-11-17 and takes A+H shares with A shares on SSE; Shenzhen opens 2016-12-05, takes A+H
// shares on SSE or SZSE and SmallCap constituents with an average market cap ≥ HK$5bn; ETFs join
// on 2022-07-04. Shanghai has no SmallCap rule.
#include "trading/eligibility.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "core/date.h"
#include "core/error.h"
#include "core/market.h"
#include "core/result.h"
#include "refdata/parameters.h"
#include "refdata/securities.h"

namespace cp::trading {
namespace {

using ::testing::HasSubstr;

Date Day(std::string_view iso) {
  return Date::parse(iso).value();
}

constexpr std::string_view kParameters =
    "key,value,unit,effective_from,effective_to,source,note\n"
    "calendar.channel_open.sh,2014-11-17,date,2014-11-17,,test,\n"
    "calendar.channel_open.sz,2016-12-05,date,2016-12-05,,test,\n"
    "trading.eligibility.smallcap_min_avg_mcap.sz,5000000000,HKD,2016-12-05,,test,\n"
    "trading.eligibility.ah_venues.sh,sse,text,2014-11-17,,test,\n"
    "trading.eligibility.ah_venues.sz,sse szse,text,2016-12-05,,test,\n"
    "trading.eligibility.etf,true,bool,2022-07-04,,test,\n";

constexpr std::string_view kMaster =
    "code,name,board_lot,kind,hsci_size,hsi_hscei,ah_venue,avg_mcap_hkd,effective_from,"
    "effective_to,source\n"
    "00001,Large,500,equity,large,true,none,,2010-01-04,,test\n"
    "00002,Mid,1000,equity,mid,false,none,,2010-01-04,,test\n"
    // A+H, A shares on SZSE; SmallCap far below HK$5bn to show there is no market-cap test.
    "00003,AH SZSE small,1000,equity,small,false,szse,1200000000.00,2010-01-04,,test\n"
    "00004,Small at minimum,2000,equity,small,false,none,5000000000.00,2010-01-04,,test\n"
    "00005,Small below minimum,2000,equity,small,false,none,4999999999.99,2010-01-04,,test\n"
    "00006,AH SSE small,1000,equity,small,false,sse,1000000000.00,2010-01-04,,test\n"
    "00007,ETF,100,etf,none,false,none,,2020-01-02,,test\n"
    "00008,Warrant,1000,warrant,none,false,none,,2024-01-02,,test\n"
    // MidCap until 2020-06-30, then out of the HSCI.
    "00009,Dropped,400,equity,mid,false,none,,2010-01-04,2020-06-30,test\n"
    "00009,Dropped,400,equity,none,false,none,,2020-07-01,,test\n"
    "00010,Not a constituent,1000,equity,none,false,none,,2010-01-04,,test\n"
    "00011,Rights,1000,rights,none,false,none,,2024-01-02,,test\n";

class EligibilityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto parameters = refdata::ParameterTable::parse("parameters.csv", std::string(kParameters));
    ASSERT_TRUE(parameters.ok()) << parameters.error().to_string();
    parameters_ = std::move(parameters).value();
    auto master = refdata::SecurityMaster::parse("securities.csv", std::string(kMaster));
    ASSERT_TRUE(master.ok()) << master.error().to_string();
    master_ = std::move(master).value();
  }

  // The eligibility of `code`, which must be known on `date`.
  EligibilityResult Of(std::string_view code, Channel channel, std::string_view date) {
    Result<EligibilityResult> result = eligibility(master_, parameters_, code, channel, Day(date));
    EXPECT_TRUE(result.ok()) << code << " on " << date << ": " << result.error().to_string();
    return result.ok() ? std::move(result).value() : EligibilityResult{};
  }

  // The status name, so that failures print "sell_only" rather than bytes.
  std::string Status(std::string_view code, Channel channel, std::string_view date) {
    return eligibility_name(Of(code, channel, date).status);
  }

  refdata::ParameterTable parameters_;
  refdata::SecurityMaster master_;
};

constexpr Channel kSh = Channel::kShanghai;
constexpr Channel kSz = Channel::kShenzhen;
constexpr std::string_view kToday = "2024-03-15";

TEST_F(EligibilityTest, LargeAndMidCapAreEligibleOnBothChannels) {
  for (Channel channel : {kSh, kSz}) {
    SCOPED_TRACE(channel_code(channel));
    const EligibilityResult large = Of("00001", channel, kToday);
    EXPECT_STREQ(eligibility_name(large.status), "eligible");
    EXPECT_EQ(large.reason, "HSCI large-cap constituent (TRD-1)");
    const EligibilityResult mid = Of("00002", channel, kToday);
    EXPECT_STREQ(eligibility_name(mid.status), "eligible");
    EXPECT_EQ(mid.reason, "HSCI mid-cap constituent (TRD-1)");
  }
}

TEST_F(EligibilityTest, NothingIsEligibleBeforeTheChannelOpens) {
  // Shanghai opens 2014-11-17 (a Monday); the Friday before, nothing.
  const EligibilityResult early_sh = Of("00001", kSh, "2014-11-14");
  EXPECT_STREQ(eligibility_name(early_sh.status), "not_eligible");
  EXPECT_EQ(early_sh.reason, "the sh channel is not open on 2014-11-14");
  EXPECT_EQ(Status("00001", kSh, "2014-11-17"), "eligible");

  // Shenzhen opens 2016-12-05 (a Monday): on the Friday before, Shanghai trades 00002 and
  // Shenzhen does not.
  EXPECT_EQ(Status("00002", kSh, "2016-12-02"), "eligible");
  const EligibilityResult early_sz = Of("00002", kSz, "2016-12-02");
  EXPECT_STREQ(eligibility_name(early_sz.status), "not_eligible");
  EXPECT_EQ(early_sz.reason, "the sz channel is not open on 2016-12-02");
  EXPECT_EQ(Status("00002", kSz, "2016-12-05"), "eligible");
}

TEST_F(EligibilityTest, AhShareWithASharesOnSzseOnlyOnShenzhen) {
  // Shenzhen takes A+H shares whose A shares list on SSE or SZSE, whatever their size.
  const EligibilityResult sz = Of("00003", kSz, kToday);
  EXPECT_STREQ(eligibility_name(sz.status), "eligible");
  EXPECT_EQ(sz.reason,
            "H share of an A+H company with A shares on szse (TRD-1, no market-cap test)");
  // Shanghai takes only SSE A+H shares; as a SmallCap it has no other way in.
  const EligibilityResult sh = Of("00003", kSh, kToday);
  EXPECT_STREQ(eligibility_name(sh.status), "not_eligible");
  EXPECT_EQ(sh.reason, "HSCI SmallCap is not eligible on the sh channel (TRD-1)");
}

TEST_F(EligibilityTest, AhShareWithASharesOnSseOnBothChannels) {
  for (Channel channel : {kSh, kSz}) {
    SCOPED_TRACE(channel_code(channel));
    const EligibilityResult result = Of("00006", channel, kToday);
    EXPECT_STREQ(eligibility_name(result.status), "eligible");
    EXPECT_THAT(result.reason, HasSubstr("A+H company with A shares on sse"));
  }
}

TEST_F(EligibilityTest, ShenzhenSmallCapNeedsFiveBillionOrMore) {
  // Exactly HKD 5,000,000,000.00 meets "≥ HK$5bn".
  const EligibilityResult at_minimum = Of("00004", kSz, kToday);
  EXPECT_STREQ(eligibility_name(at_minimum.status), "eligible");
  EXPECT_EQ(at_minimum.reason,
            "HSCI SmallCap with average market cap HKD 5,000,000,000.00 ≥ 5,000,000,000 (TRD-1)");
  // One cent less does not.
  const EligibilityResult below = Of("00005", kSz, kToday);
  EXPECT_STREQ(eligibility_name(below.status), "not_eligible");
  EXPECT_EQ(below.reason,
            "HSCI SmallCap with average market cap HKD 4,999,999,999.99 < 5,000,000,000 (TRD-1)");
}

TEST_F(EligibilityTest, ShanghaiHasNoSmallCapRule) {
  for (std::string_view code : {"00004", "00005"}) {
    SCOPED_TRACE(code);
    const EligibilityResult result = Of(code, kSh, kToday);
    EXPECT_STREQ(eligibility_name(result.status), "not_eligible");
    EXPECT_EQ(result.reason, "HSCI SmallCap is not eligible on the sh channel (TRD-1)");
  }
}

TEST_F(EligibilityTest, EtfsFromThe2022Inclusion) {
  for (Channel channel : {kSh, kSz}) {
    SCOPED_TRACE(channel_code(channel));
    // 2022-07-01 is the last trading day before the inclusion on Monday 2022-07-04.
    const EligibilityResult before = Of("00007", channel, "2022-07-01");
    EXPECT_STREQ(eligibility_name(before.status), "not_eligible");
    EXPECT_EQ(before.reason, "ETFs are not in Stock Connect on 2022-07-01");
    const EligibilityResult from = Of("00007", channel, "2022-07-04");
    EXPECT_STREQ(eligibility_name(from.status), "eligible");
    EXPECT_EQ(from.reason, "eligible ETF (TRD-1)");
  }
}

TEST_F(EligibilityTest, DistributedWarrantsAndRightsAreSellOnly) {
  for (Channel channel : {kSh, kSz}) {
    SCOPED_TRACE(channel_code(channel));
    const EligibilityResult warrant = Of("00008", channel, kToday);
    EXPECT_STREQ(eligibility_name(warrant.status), "sell_only");
    EXPECT_EQ(warrant.reason, "distributed warrants are outside the eligible list (TRD-2)");
    const EligibilityResult rights = Of("00011", channel, kToday);
    EXPECT_STREQ(eligibility_name(rights.status), "sell_only");
    EXPECT_THAT(rights.reason, HasSubstr("outside the eligible list (TRD-2)"));
  }
}

TEST_F(EligibilityTest, ASecurityThatLeavesTheListBecomesSellOnly) {
  // MidCap through 2020-06-30: eligible that day.
  EXPECT_EQ(Status("00009", kSh, "2020-06-30"), "eligible");
  // From 2020-07-01 it is no HSCI constituent: holders may only sell (TRD-2).
  for (std::string_view date : {"2020-07-01", "2020-07-02", "2024-03-15"}) {
    SCOPED_TRACE(date);
    const EligibilityResult result = Of("00009", kSh, date);
    EXPECT_STREQ(eligibility_name(result.status), "sell_only");
    EXPECT_EQ(result.reason,
              "left the eligible list after 2020-06-30: not an HSCI constituent nor an eligible "
              "A+H share (TRD-1); sell only (TRD-2)");
  }
}

TEST_F(EligibilityTest, NeverEligibleIsNotSellOnly) {
  const EligibilityResult result = Of("00010", kSz, kToday);
  EXPECT_STREQ(eligibility_name(result.status), "not_eligible");
  EXPECT_EQ(result.reason, "not an HSCI constituent nor an eligible A+H share (TRD-1)");
  // Nor does an earlier day make a security sell-only unless it was eligible then: 00002 before
  // Shenzhen opened, 00005 always below HK$5bn.
  EXPECT_EQ(Status("00002", kSz, "2016-12-04"), "not_eligible");
  EXPECT_EQ(Status("00005", kSz, "2016-12-06"), "not_eligible");
}

TEST_F(EligibilityTest, UnknownOrUnlistedCodeIsNotFound) {
  const Result<EligibilityResult> unknown =
      eligibility(master_, parameters_, "99999", kSh, Day(kToday));
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(unknown.error().message, "unknown security 99999");
  // 00007 lists from 2020-01-02.
  const Result<EligibilityResult> unlisted =
      eligibility(master_, parameters_, "00007", kSh, Day("2019-12-31"));
  ASSERT_FALSE(unlisted.ok());
  EXPECT_EQ(unlisted.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(unlisted.error().message, "security 00007 is not listed on 2019-12-31");
}

TEST(EligibilityNameTest, Names) {
  EXPECT_STREQ(eligibility_name(Eligibility::kEligible), "eligible");
  EXPECT_STREQ(eligibility_name(Eligibility::kSellOnly), "sell_only");
  EXPECT_STREQ(eligibility_name(Eligibility::kNotEligible), "not_eligible");
}

}  // namespace
}  // namespace cp::trading
