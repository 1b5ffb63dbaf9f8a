// Tests of the auction price rules (trading/auction.h; SPEC TRD-5; research/domain-facts.md
// §4.2, §4.4): HKEX's nominal price, the CAS reference price (median of five nominal prices at
// 15-second steps from 15:59:00, the previous close standing in for a missing one) and the
// inclusive ±band test used by the pre-opening (±15%) and the closing auction (±5%).
#include "trading/auction.h"

#include <gtest/gtest.h>

#include <array>
#include <optional>
#include <string_view>

#include "core/decimal.h"
#include "trading/session.h"

namespace cp::trading {
namespace {

Decimal Dec(std::string_view text) {
  return Decimal::parse(text).value();
}

std::optional<Decimal> Opt(std::string_view text) {
  return Dec(text);
}

// Compares by value; a failure shows the exact price or its absence.
::testing::AssertionResult HasValue(const std::optional<Decimal>& actual,
                                    std::string_view expected) {
  if (!actual) return ::testing::AssertionFailure() << "no price, expected " << expected;
  if (*actual == Dec(expected)) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << actual->to_string() << ", expected " << expected;
}

constexpr std::nullopt_t kNone = std::nullopt;

TEST(NominalPriceTest, LastTradeWithinTheSpreadIsTheNominalPrice) {
  // bid 99.90 ≤ last 100.00 ≤ ask 100.10.
  EXPECT_TRUE(HasValue(nominal_price(Opt("100.00"), Opt("99.90"), Opt("100.10")), "100.00"));
  // A bid equal to the last trade is not above it.
  EXPECT_TRUE(HasValue(nominal_price(Opt("100.00"), Opt("100.00"), Opt("100.10")), "100.00"));
  // Last trade alone.
  EXPECT_TRUE(HasValue(nominal_price(Opt("100.00"), kNone, kNone), "100.00"));
}

TEST(NominalPriceTest, ABidAboveTheLastTradeWins) {
  EXPECT_TRUE(HasValue(nominal_price(Opt("100.00"), Opt("100.10"), Opt("100.20")), "100.10"));
  EXPECT_TRUE(HasValue(nominal_price(Opt("100.00"), Opt("100.10"), kNone), "100.10"));
}

TEST(NominalPriceTest, AnAskBelowTheLastTradeWins) {
  EXPECT_TRUE(HasValue(nominal_price(Opt("100.00"), Opt("99.80"), Opt("99.90")), "99.90"));
  EXPECT_TRUE(HasValue(nominal_price(Opt("100.00"), kNone, Opt("99.90")), "99.90"));
}

TEST(NominalPriceTest, WithoutALastTradeTheBidThenTheAsk) {
  EXPECT_TRUE(HasValue(nominal_price(kNone, Opt("99.90"), Opt("100.10")), "99.90"));
  EXPECT_TRUE(HasValue(nominal_price(kNone, kNone, Opt("100.10")), "100.10"));
  EXPECT_FALSE(nominal_price(kNone, kNone, kNone).has_value());
}

TEST(CasReferencePriceTest, MedianOfFiveUnsortedSnapshots) {
  // Sorted: 99.80, 99.90, 100.00, 100.10, 100.30; the third is the median.
  const std::array<std::optional<Decimal>, 5> snapshots = {
      Opt("100.10"), Opt("99.80"), Opt("100.30"), Opt("99.90"), Opt("100.00")};
  EXPECT_TRUE(HasValue(cas_reference_price(snapshots, Opt("95.00")), "100.00"));
  EXPECT_TRUE(HasValue(cas_reference_price(snapshots, kNone), "100.00"));
}

TEST(CasReferencePriceTest, MissingSnapshotsTakeThePreviousClose) {
  // Two gaps filled with 99.00: 99.00, 99.00, 100.10, 100.40, 100.50 → 100.10.
  const std::array<std::optional<Decimal>, 5> two_missing = {Opt("100.10"), kNone, kNone,
                                                             Opt("100.50"), Opt("100.40")};
  EXPECT_TRUE(HasValue(cas_reference_price(two_missing, Opt("99.00")), "100.10"));
  // Three gaps: the previous close is the median, 98.00, 98.00, 98.00, 100.10, 100.50.
  const std::array<std::optional<Decimal>, 5> three_missing = {Opt("100.10"), kNone, kNone,
                                                               Opt("100.50"), kNone};
  EXPECT_TRUE(HasValue(cas_reference_price(three_missing, Opt("98.00")), "98.00"));
  // None at all: the previous close.
  const std::array<std::optional<Decimal>, 5> none = {kNone, kNone, kNone, kNone, kNone};
  EXPECT_TRUE(HasValue(cas_reference_price(none, Opt("99.00")), "99.00"));
}

TEST(CasReferencePriceTest, NoneWithoutASnapshotOrAPreviousClose) {
  const std::array<std::optional<Decimal>, 5> one_missing = {Opt("100.10"), Opt("100.20"), kNone,
                                                             Opt("100.30"), Opt("100.40")};
  EXPECT_FALSE(cas_reference_price(one_missing, kNone).has_value());
  const std::array<std::optional<Decimal>, 5> none = {kNone, kNone, kNone, kNone, kNone};
  EXPECT_FALSE(cas_reference_price(none, kNone).has_value());
}

TEST(CasSnapshotTimesTest, FifteenSecondStepsBeforeTheClose) {
  const std::array<int, 5> normal =
      cas_snapshot_times({.half_day = false, .closing_auction = true});
  EXPECT_EQ(normal, (std::array<int, 5>{hms(15, 59, 0), hms(15, 59, 15), hms(15, 59, 30),
                                        hms(15, 59, 45), hms(16, 0, 0)}));
  const std::array<int, 5> half = cas_snapshot_times({.half_day = true, .closing_auction = true});
  EXPECT_EQ(half, (std::array<int, 5>{hms(11, 59, 0), hms(11, 59, 15), hms(11, 59, 30),
                                      hms(11, 59, 45), hms(12, 0, 0)}));
}

TEST(WithinBandTest, EdgesAreInside) {
  // 100.00 × (1 ∓ 0.05) = 95.00 and 105.00.
  const Decimal reference = Dec("100.00");
  const Decimal band = Dec("0.05");
  EXPECT_TRUE(within_band(Dec("95.00"), reference, band));
  EXPECT_TRUE(within_band(Dec("100.00"), reference, band));
  EXPECT_TRUE(within_band(Dec("105.00"), reference, band));
  EXPECT_FALSE(within_band(Dec("94.99"), reference, band));
  EXPECT_FALSE(within_band(Dec("105.01"), reference, band));
}

TEST(WithinBandTest, UnevenEdgesAreNotRounded) {
  // 301.20 × 0.95 = 286.14 and × 1.05 = 316.26; 300.00 × 0.85 = 255.00 and × 1.15 = 345.00.
  EXPECT_TRUE(within_band(Dec("316.26"), Dec("301.20"), Dec("0.05")));
  EXPECT_FALSE(within_band(Dec("316.261"), Dec("301.20"), Dec("0.05")));
  EXPECT_TRUE(within_band(Dec("286.14"), Dec("301.20"), Dec("0.05")));
  EXPECT_FALSE(within_band(Dec("286.139"), Dec("301.20"), Dec("0.05")));
  EXPECT_TRUE(within_band(Dec("345.00"), Dec("300.00"), Dec("0.15")));
  EXPECT_FALSE(within_band(Dec("345.001"), Dec("300.00"), Dec("0.15")));
  EXPECT_TRUE(within_band(Dec("255.00"), Dec("300.00"), Dec("0.15")));
  EXPECT_FALSE(within_band(Dec("254.999"), Dec("300.00"), Dec("0.15")));
}

}  // namespace
}  // namespace cp::trading
