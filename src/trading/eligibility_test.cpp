// Tests of Southbound eligibility (trading/eligibility.h; SPEC TRD-1, TRD-2) on a small invented
// securities master and parameter set. The parameters copy the shipped values: Shanghai opens
// 2014-11-17 and takes A+H shares with A shares on SSE; Shenzhen opens 2016-12-05, takes A+H
// shares on SSE or SZSE and SmallCap constituents with an average market cap ≥ HK$5bn; ETFs join
// on 2022-07-04. Shanghai has no SmallCap rule. The exclusions copy
// data/eligibility_exclusions.csv: from each channel's launch, an issuer with A shares on an
// exchange not the channel's, a counter not quoted in HKD, and A shares under risk alert are off
// the list whatever the index.
#include "trading/eligibility.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "core/date.h"
#include "core/error.h"
#include "core/market.h"
#include "core/result.h"
#include "refdata/eligibility_exclusions.h"
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
    "calendar.channel_open.sh,2014-11-17,date,2014-11-17,,sh launch,\n"
    "calendar.channel_open.sz,2016-12-05,date,2016-12-05,,sz launch,\n"
    "trading.eligibility.smallcap_min_avg_mcap.sz,5000000000,HKD,2016-12-05,,sz smallcap,\n"
    "trading.eligibility.ah_venues.sh,sse,text,2014-11-17,,sh ah,\n"
    "trading.eligibility.ah_venues.sz,sse szse,text,2016-12-05,,sz ah,\n"
    "trading.eligibility.etf,true,bool,2022-07-04,,etf inclusion,\n";

constexpr std::string_view kExclusions =
    "id,channel,exclusion,venues,effective_from,effective_to,source,note\n"
    "sh.other_mainland_listing,sh,other_mainland_listing,sse,2014-11-17,,SSE measures 1,\n"
    "sh.non_hkd_quote,sh,non_hkd_quote,,2014-11-17,,SSE measures 2,\n"
    "sh.a_share_risk_alert,sh,a_share_risk_alert,sse,2014-11-17,,SSE measures 3,\n"
    "sz.other_mainland_listing,sz,other_mainland_listing,sse szse,2016-12-05,,SZSE measures 1,\n"
    "sz.non_hkd_quote,sz,non_hkd_quote,,2016-12-05,,SZSE measures 2,\n"
    "sz.a_share_risk_alert,sz,a_share_risk_alert,sse szse,2016-12-05,,SZSE measures 3,\n";

constexpr std::string_view kMaster =
    "code,name,board_lot,kind,hsci_size,hsi_hscei,ah_venue,a_share_status,currency,avg_mcap_hkd,"
    "effective_from,effective_to,source\n"
    "00001,Large,500,equity,large,true,none,none,HKD,,2010-01-04,,master row 1\n"
    "00002,Mid,1000,equity,mid,false,none,none,HKD,,2010-01-04,,master row 2\n"
    // A+H, A shares on SZSE; SmallCap far below HK$5bn to show there is no market-cap test.
    "00003,AH SZSE small,1000,equity,small,false,szse,listed,HKD,1200000000.00,2010-01-04,,test\n"
    "00004,Small at minimum,2000,equity,small,false,none,none,HKD,5000000000.00,2010-01-04,,test\n"
    "00005,Small below minimum,2000,equity,small,false,none,none,HKD,4999999999.99,2010-01-04,,"
    "test\n"
    "00006,AH SSE small,1000,equity,small,false,sse,listed,HKD,1000000000.00,2010-01-04,,test\n"
    "00007,ETF,100,etf,none,false,none,none,HKD,,2020-01-02,,test\n"
    "00008,Warrant,1000,warrant,none,false,none,none,HKD,,2024-01-02,,test\n"
    // MidCap until 2020-06-30, then out of the HSCI.
    "00009,Dropped,400,equity,mid,false,none,none,HKD,,2010-01-04,2020-06-30,test\n"
    "00009,Dropped,400,equity,none,false,none,none,HKD,,2020-07-01,,test\n"
    "00010,Not a constituent,1000,equity,none,false,none,none,HKD,,2010-01-04,,test\n"
    "00011,Rights,1000,rights,none,false,none,none,HKD,,2024-01-02,,test\n"
    // Like ZTE (00763): a MidCap constituent whose A shares trade on SZSE.
    "00012,AH SZSE mid,200,equity,mid,false,szse,listed,HKD,,2010-01-04,,test\n"
    // A LargeCap counter quoted in RMB (a dual counter's second line), and one in USD.
    "00013,RMB counter,100,equity,large,false,none,none,CNY,,2010-01-04,,test\n"
    "00014,USD ETF counter,100,etf,none,false,none,none,USD,,2010-01-04,,test\n"
    // A+H companies whose A shares are under risk alert (ST) on SSE, on SZSE, and in the delisting
    // period on SZSE.
    "00015,AH SSE ST,1000,equity,large,false,sse,risk_alert,HKD,,2010-01-04,,test\n"
    "00016,AH SZSE ST,1000,equity,mid,false,szse,risk_alert,HKD,,2010-01-04,,test\n"
    "00017,AH SZSE delisting,1000,equity,small,false,szse,delisting,HKD,6000000000.00,2010-01-04,,"
    "test\n"
    // Listed A shares on SSE until 2024-03-10, suspended from listing from 2024-03-11.
    "00018,AH SSE suspended,500,equity,large,false,sse,listed,HKD,,2010-01-04,2024-03-10,test\n"
    "00018,AH SSE suspended,500,equity,large,false,sse,suspended,HKD,,2024-03-11,,test\n"
    // A distributed warrant quoted in USD: sell-only as a distribution, whatever the currency.
    "00019,USD warrant,1000,warrant,none,false,none,none,USD,,2024-01-02,,warrant row\n";

class EligibilityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto parameters = refdata::ParameterTable::parse("parameters.csv", std::string(kParameters));
    ASSERT_TRUE(parameters.ok()) << parameters.error().to_string();
    parameters_ = std::move(parameters).value();
    auto master = refdata::SecurityMaster::parse("securities.csv", std::string(kMaster));
    ASSERT_TRUE(master.ok()) << master.error().to_string();
    master_ = std::move(master).value();
    auto exclusions = refdata::ExclusionTable::parse("exclusions.csv", std::string(kExclusions));
    ASSERT_TRUE(exclusions.ok()) << exclusions.error().to_string();
    exclusions_ = std::move(exclusions).value();
  }

  // The eligibility of `code`, which must be known on `date`.
  EligibilityResult Of(std::string_view code, Channel channel, std::string_view date) {
    Result<EligibilityResult> result = eligibility(Data(), code, channel, Day(date));
    EXPECT_TRUE(result.ok()) << code << " on " << date << ": " << result.error().to_string();
    return result.ok() ? std::move(result).value() : EligibilityResult{};
  }

  // The status name, so that failures print "sell_only" rather than bytes.
  std::string Status(std::string_view code, Channel channel, std::string_view date) {
    return eligibility_name(Of(code, channel, date).status);
  }

  EligibilityData Data() const { return {master_, parameters_, exclusions_}; }

  refdata::ParameterTable parameters_;
  refdata::SecurityMaster master_;
  refdata::ExclusionTable exclusions_;
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
  // Shanghai takes only SSE A+H shares, and excludes the issuer whatever the index.
  const EligibilityResult sh = Of("00003", kSh, kToday);
  EXPECT_STREQ(eligibility_name(sh.status), "not_eligible");
  EXPECT_EQ(sh.exclusion, "sh.other_mainland_listing");
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
    const EligibilityResult usd = Of("00019", channel, kToday);
    EXPECT_STREQ(eligibility_name(usd.status), "sell_only");
    EXPECT_STREQ(usd.rule, "TRD-2");
    EXPECT_EQ(usd.exclusion, "");
    EXPECT_EQ(usd.reason, "distributed warrants are outside the eligible list (TRD-2)");
    EXPECT_EQ(usd.source, "warrant row");
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
  const Result<EligibilityResult> unknown = eligibility(Data(), "99999", kSh, Day(kToday));
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(unknown.error().message, "unknown security 99999");
  // 00007 lists from 2020-01-02.
  const Result<EligibilityResult> unlisted = eligibility(Data(), "00007", kSh, Day("2019-12-31"));
  ASSERT_FALSE(unlisted.ok());
  EXPECT_EQ(unlisted.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(unlisted.error().message, "security 00007 is not listed on 2019-12-31");
}

// Every decision names its rule and its source: an inclusion, the source of the data or
// parameter that let the security in; the channel's opening, the opening's parameter.
TEST_F(EligibilityTest, EveryDecisionNamesItsRuleAndSource) {
  const EligibilityResult mid = Of("00002", kSh, kToday);
  EXPECT_STREQ(mid.rule, "TRD-1");
  EXPECT_EQ(mid.exclusion, "");
  EXPECT_EQ(mid.source, "master row 2");  // index membership is the master's
  const EligibilityResult ah = Of("00006", kSz, kToday);
  EXPECT_EQ(ah.source, "sz ah");
  const EligibilityResult closed = Of("00001", kSz, "2016-12-02");
  EXPECT_STREQ(closed.rule, "TRD-1");
  EXPECT_EQ(closed.source, "parameters.csv: no calendar.channel_open.sz in force on 2016-12-02");
  const EligibilityResult etf = Of("00007", kSh, kToday);
  EXPECT_EQ(etf.source, "etf inclusion");
}

// Seed 004 §2.2: the Shanghai channel takes only SSE-listed A+H companies' H shares; the SSE
// measures exclude "an issuer that also has shares listed on a mainland exchange other than
// SSE" whatever the index. A MidCap H share whose A shares trade on SZSE (as ZTE, 00763): on
// Shanghai it is out both before and after Shenzhen Connect opened on 2016-12-05; on Shenzhen it
// is out before (no channel) and in from that day, as an A+H share (no market-cap test needed).
TEST_F(EligibilityTest, AnIssuerWithASharesOnSzseIsNotOnTheShanghaiList) {
  for (std::string_view date : {"2016-12-02", "2016-12-05", "2024-03-15"}) {
    SCOPED_TRACE(date);
    const EligibilityResult sh = Of("00012", kSh, date);
    EXPECT_STREQ(eligibility_name(sh.status), "not_eligible");
    EXPECT_STREQ(sh.rule, "TRD-1");
    EXPECT_EQ(sh.exclusion, "sh.other_mainland_listing");
    EXPECT_EQ(sh.reason,
              "the issuer's A shares list on szse, a mainland exchange other than sse: excluded "
              "from the sh list (TRD-1 sh.other_mainland_listing)");
    EXPECT_EQ(sh.source, "SSE measures 1");
  }
  const EligibilityResult before = Of("00012", kSz, "2016-12-02");
  EXPECT_STREQ(eligibility_name(before.status), "not_eligible");
  EXPECT_EQ(before.reason, "the sz channel is not open on 2016-12-02");
  for (std::string_view date : {"2016-12-05", "2024-03-15"}) {
    SCOPED_TRACE(date);
    const EligibilityResult sz = Of("00012", kSz, date);
    EXPECT_STREQ(eligibility_name(sz.status), "eligible");
    EXPECT_EQ(sz.exclusion, "");
    EXPECT_EQ(sz.reason,
              "H share of an A+H company with A shares on szse (TRD-1, no market-cap test)");
  }
}

// Only counters quoted in HKD are in Southbound: a LargeCap's RMB counter and a USD ETF counter
// are out on both channels (sh from 2014-11-17, sz from 2016-12-05).
TEST_F(EligibilityTest, ACounterNotQuotedInHkdIsExcluded) {
  for (Channel channel : {kSh, kSz}) {
    SCOPED_TRACE(channel_code(channel));
    const std::string ch(channel_code(channel));
    const EligibilityResult rmb = Of("00013", channel, kToday);
    EXPECT_STREQ(eligibility_name(rmb.status), "not_eligible");
    EXPECT_EQ(rmb.exclusion, ch + ".non_hkd_quote");
    EXPECT_EQ(rmb.reason, "quoted on SEHK in CNY, not HKD: excluded from the " + ch +
                              " list (TRD-1 " + ch + ".non_hkd_quote)");
    const EligibilityResult usd = Of("00014", channel, "2023-01-03");
    EXPECT_STREQ(eligibility_name(usd.status), "not_eligible");
    EXPECT_EQ(usd.exclusion, ch + ".non_hkd_quote");
  }
  // The HKD ETF of the same date is in: the currency decided, not the kind.
  EXPECT_EQ(Status("00007", kSz, "2023-01-03"), "eligible");
}

// An A+H company's H share is out while its A shares are under risk alert: on Shanghai when
// the A shares are SSE's, on Shenzhen when they are SSE's or SZSE's (the SZSE measures name
// both exchanges, and the delisting period).
TEST_F(EligibilityTest, AnAShareUnderRiskAlertTakesTheHShareOff) {
  const EligibilityResult sse_sh = Of("00015", kSh, kToday);
  EXPECT_STREQ(eligibility_name(sse_sh.status), "not_eligible");
  EXPECT_EQ(sse_sh.exclusion, "sh.a_share_risk_alert");
  EXPECT_EQ(sse_sh.reason,
            "the issuer's A shares on sse are under risk alert: excluded from the sh list (TRD-1 "
            "sh.a_share_risk_alert)");
  EXPECT_EQ(sse_sh.source, "SSE measures 3");
  const EligibilityResult sse_sz = Of("00015", kSz, kToday);
  EXPECT_EQ(sse_sz.exclusion, "sz.a_share_risk_alert");
  EXPECT_EQ(sse_sz.source, "SZSE measures 3");

  // SZSE A shares under risk alert: Shenzhen's risk-alert rule; on Shanghai the issuer is out
  // already as one with A shares on another exchange.
  EXPECT_EQ(Of("00016", kSz, kToday).exclusion, "sz.a_share_risk_alert");
  EXPECT_EQ(Of("00016", kSh, kToday).exclusion, "sh.other_mainland_listing");
  // The delisting period: a SmallCap of HK$6bn would otherwise be in on Shenzhen.
  const EligibilityResult delisting = Of("00017", kSz, kToday);
  EXPECT_STREQ(eligibility_name(delisting.status), "not_eligible");
  EXPECT_EQ(delisting.reason,
            "the issuer's A shares on szse are in the delisting period: excluded from the sz list "
            "(TRD-1 sz.a_share_risk_alert)");
}

// A share that was on the list and is then excluded is sell-only (TRD-2), naming the exclusion:
// 00018's A shares are suspended from listing from 2024-03-11.
TEST_F(EligibilityTest, AnExcludedShareThatWasEligibleIsSellOnly) {
  EXPECT_EQ(Status("00018", kSh, "2024-03-08"), "eligible");
  const EligibilityResult after = Of("00018", kSh, kToday);
  EXPECT_STREQ(eligibility_name(after.status), "sell_only");
  EXPECT_STREQ(after.rule, "TRD-2");
  EXPECT_EQ(after.exclusion, "sh.a_share_risk_alert");
  EXPECT_EQ(after.reason,
            "left the eligible list after 2024-03-10: the issuer's A shares on sse are suspended "
            "from listing: excluded from the sh list (TRD-1 sh.a_share_risk_alert); sell only "
            "(TRD-2)");
}

TEST(EligibilityNameTest, Names) {
  EXPECT_STREQ(eligibility_name(Eligibility::kEligible), "eligible");
  EXPECT_STREQ(eligibility_name(Eligibility::kSellOnly), "sell_only");
  EXPECT_STREQ(eligibility_name(Eligibility::kNotEligible), "not_eligible");
}

}  // namespace
}  // namespace cp::trading
