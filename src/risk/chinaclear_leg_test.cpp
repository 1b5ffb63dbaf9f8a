#include "risk/chinaclear_leg.h"

#include <gtest/gtest.h>

#include "core/test_values.h"

namespace cp::risk {
namespace {

constexpr auto dec = &test_values::D;

TEST(ChinaClearLeg, RequirementsAreMarkedUpByTheHaircut) {
  // G14's rate CNY 1 = HKD 1.1 and haircut 3 % + 1 % buffer = 4 %:
  //   margin 6,936,000 × 1.04 = 7,213,440; / 1.1 = 6,557,672.7272… → 6,557,672.73 (up to the fen)
  //   MTM requirement 680,000 × 1.04 / 1.1 = 642,909.0909… → 642,909.10
  MarginFigures m;
  m.net_margin_after_credit_hkd = dec("6936000");
  m.mtm_requirement_hkd = dec("680000");
  const ChinaClearLeg leg = chinaclear_leg(m, dec("1.1"), dec("0.04"));
  EXPECT_EQ(leg.margin_cny, dec("6557672.73"));
  EXPECT_EQ(leg.mtm_requirement_cny, dec("642909.10"));
  EXPECT_EQ(leg.total_cny, dec("7200581.83"));
}

TEST(ChinaClearLeg, NothingOwedConvertsToNothing) {
  const ChinaClearLeg leg = chinaclear_leg(MarginFigures{}, dec("1.1"), dec("0.04"));
  EXPECT_TRUE(leg.total_cny.is_zero());
}

}  // namespace
}  // namespace cp::risk
