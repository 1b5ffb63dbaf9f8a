#include "clearing/trade_summary.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace cp::clearing {
namespace {

Execution make(const char* id, Channel channel, const char* account, const char* security,
               Side side, int64_t quantity, const char* price) {
  return Execution{id,       *Date::parse("2024-03-15"), channel, account, security, side,
                   quantity, *Decimal::parse(price)};
}

std::vector<Execution> worked_day() {
  return {
      // sh buys: 300 × 301.20 = 90,360.00 and 100 × 300.80 = 30,080.00, one account
      make("T1", Channel::kShanghai, "A1", "00700", Side::kBuy, 300, "301.20"),
      make("T2", Channel::kShanghai, "A1", "00700", Side::kBuy, 100, "300.80"),
      // sh sell: 2,000 × 5.61 = 11,220.00
      make("T3", Channel::kShanghai, "A2", "00857", Side::kSell, 2000, "5.61"),
      // sz sells: 500 × 65.05 = 32,525.00 and 1,000 × 15.52 = 15,520.00, two accounts
      make("T4", Channel::kShenzhen, "A3", "00941", Side::kSell, 500, "65.05"),
      make("T5", Channel::kShenzhen, "A1", "00883", Side::kSell, 1000, "15.52"),
  };
}

TEST(TradeSummary, SumsEachChannelAndSideExactly) {
  const auto rows = summarize_trades(worked_day());
  ASSERT_EQ(rows.size(), 3u);  // no sz buys: no row
  EXPECT_EQ(rows[0].channel, Channel::kShanghai);
  EXPECT_EQ(rows[0].side, Side::kBuy);
  EXPECT_EQ(rows[0].executions, 2);
  EXPECT_EQ(rows[0].quantity, 400);
  EXPECT_EQ(rows[0].consideration_hkd.to_string(), "120440.00");  // 90,360.00 + 30,080.00
  EXPECT_EQ(rows[0].accounts, 1);

  EXPECT_EQ(rows[1].side, Side::kSell);
  EXPECT_EQ(rows[1].consideration_hkd.to_string(), "11220.00");
  EXPECT_EQ(rows[1].accounts, 1);

  EXPECT_EQ(rows[2].channel, Channel::kShenzhen);
  EXPECT_EQ(rows[2].side, Side::kSell);
  EXPECT_EQ(rows[2].executions, 2);
  EXPECT_EQ(rows[2].quantity, 1500);
  EXPECT_EQ(rows[2].consideration_hkd.to_string(), "48045.00");  // 32,525.00 + 15,520.00
  EXPECT_EQ(rows[2].accounts, 2);
}

TEST(TradeSummary, OrderOfExecutionsDoesNotChangeTheResultOrItsDigest) {
  auto day = worked_day();
  const std::string forward = canonical_text(summarize_trades(day));
  std::reverse(day.begin(), day.end());
  const std::string backward = canonical_text(summarize_trades(day));
  EXPECT_EQ(forward, backward);
  EXPECT_EQ(forward,
            "sh,buy,2,400,120440.00,1\n"
            "sh,sell,1,2000,11220.00,1\n"
            "sz,sell,2,1500,48045.00,2\n");
  EXPECT_EQ(digest_hex(forward), digest_hex(backward));
}

TEST(TradeSummary, DigestIsFnv1a64) {
  // FNV-1a 64 test vectors (Fowler/Noll/Vo reference): "" and "a".
  EXPECT_EQ(digest_hex(""), "cbf29ce484222325");
  EXPECT_EQ(digest_hex("a"), "af63dc4c8601ec8c");
}

TEST(TradeSummary, NoExecutionsNoRows) {
  EXPECT_TRUE(summarize_trades({}).empty());
}

}  // namespace
}  // namespace cp::clearing
