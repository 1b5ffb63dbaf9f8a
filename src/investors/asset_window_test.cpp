// The assets window on the shipped Shanghai calendar (data/calendar), worked from its days.
#include "investors/asset_window.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "core/test_values.h"
#include "support/shipped_reference.h"

namespace cp::investors {
namespace {

using test_values::d;

calendar::SouthboundCalendar shanghai() {
  return testing::shipped_southbound(Channel::kShanghai);
}

// An application on Monday 2026-10-12. Back from Friday 10-09: 10-09, 10-08, then National Day
// (SSE closed 10-01 to 10-07; 09-30 still a Southbound day), 09-30, 09-29, 09-28, then the SSE's
// Mid-Autumn holiday (Friday 09-25), 09-24 … 09-21, 09-18 … 09-14, 09-11, 09-10, 09-09, 09-08,
// 09-07 and Friday 09-04: twenty days from 09-04, five holidays and weekends skipped.
TEST(AssetWindow, TwentySouthboundTradingDaysWithTheHolidaysLeftOut) {
  const auto southbound = shanghai();
  auto window = asset_window(southbound, d("2026-10-12"), 20);
  ASSERT_TRUE(window.ok()) << window.error().to_string();
  ASSERT_EQ(window->size(), 20u);
  EXPECT_EQ(window->front(), d("2026-09-04"));
  EXPECT_EQ(window->back(), d("2026-10-09"));
  EXPECT_EQ((*window)[17], d("2026-09-30"));
  EXPECT_EQ((*window)[18], d("2026-10-08"));
  EXPECT_EQ(std::count(window->begin(), window->end(), d("2026-09-25")), 0);
}

// Shanghai Southbound opened on 2014-11-17: an application a week later has no 20 days behind it.
TEST(AssetWindow, AWindowBeforeTheChannelOpenedIsRefused) {
  const auto southbound = shanghai();
  auto window = asset_window(southbound, d("2014-11-24"), 20);
  ASSERT_FALSE(window.ok());
  EXPECT_NE(window.error().message.find("before the channel opened on"), std::string::npos);
}

}  // namespace
}  // namespace cp::investors
