// The repository's reference data (data/) for unit tests worked from the shipped calendars and
// parameters: loaded once per test binary; a file that does not load fails the calling test.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <utility>

#include "calendar/southbound_calendar.h"
#include "refdata/market_calendar.h"
#include "refdata/refdata.h"

namespace cp::testing {

inline const refdata::RefData& shipped_refdata() {
  static const refdata::RefData data = [] {
    auto loaded = refdata::load_refdata(std::filesystem::path(CONNECTPOST_SOURCE_DIR) / "data");
    EXPECT_TRUE(loaded.ok()) << loaded.error().to_string();
    return loaded.ok() ? std::move(loaded).value() : refdata::RefData{};
  }();
  return data;
}

// The channel's Southbound calendar built from data/calendar and the shipped parameters.
inline calendar::SouthboundCalendar shipped_southbound(Channel channel) {
  auto markets =
      refdata::load_market_calendars(std::filesystem::path(CONNECTPOST_SOURCE_DIR) / "data");
  EXPECT_TRUE(markets.ok()) << markets.error().to_string();
  auto southbound =
      calendar::SouthboundCalendar::build(*markets, shipped_refdata().parameters, channel);
  EXPECT_TRUE(southbound.ok()) << southbound.error().to_string();
  return std::move(*southbound);
}

}  // namespace cp::testing
