// For tests: the shipped reference data's parameters and both channels' Southbound calendars,
// loaded once from CONNECTPOST_SOURCE_DIR/data (the tests that check rules against real dates).
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <memory>

#include "calendar/southbound_calendar.h"
#include "refdata/refdata.h"

namespace cp::calendar::test_support {

struct ShippedCalendars {
  std::unique_ptr<refdata::ParameterTable> parameters;
  std::map<Channel, std::unique_ptr<SouthboundCalendar>> calendars;

  // Loads them; a failure is a test failure (ASSERT in the caller's SetUpTestSuite).
  void load() {
    const std::filesystem::path data = std::filesystem::path(CONNECTPOST_SOURCE_DIR) / "data";
    auto refdata = refdata::load_refdata(data);
    ASSERT_TRUE(refdata.ok()) << refdata.error().to_string();
    auto markets = refdata::load_market_calendars(data);
    ASSERT_TRUE(markets.ok()) << markets.error().to_string();
    parameters = std::make_unique<refdata::ParameterTable>(refdata->parameters);
    for (Channel channel : {Channel::kShanghai, Channel::kShenzhen}) {
      auto built = SouthboundCalendar::build(*markets, refdata->parameters, channel);
      ASSERT_TRUE(built.ok()) << built.error().to_string();
      calendars[channel] = std::make_unique<SouthboundCalendar>(std::move(built).value());
    }
  }
};

}  // namespace cp::calendar::test_support
