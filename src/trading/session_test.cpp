// Tests of the trading-day phases (trading/session.h; SPEC TRD-5; research/domain-facts.md
// §4.1, §4.2, §4.4). Each boundary is checked at its first second and at the second before it:
// a phase runs from its start, inclusive, to the next phase's start, exclusive.
//   normal day: 09:00 input, 09:15 matching, 09:30 morning, 12:00 lunch (no input), 12:30 lunch
//   (queued), 13:00 afternoon, 16:00 CAS reference fixing, 16:01 CAS input, 16:06 CAS
//   no-cancellation, 16:10 closed. Half day: the CAS follows the morning at 12:00.
//   Southbound cancels 09:00-09:15, 09:30-12:00, 12:30-16:00 and 16:01-16:06.
#include "trading/session.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

namespace cp::trading {

// Failure messages name the phase and the order type (gtest finds these by argument-dependent
// lookup).
void PrintTo(Phase phase, std::ostream* os) {
  *os << phase_name(phase);
}
void PrintTo(OrderType type, std::ostream* os) {
  *os << order_type_name(type);
}

namespace {

struct Expected {
  int at_s;
  Phase phase;
};

void ExpectPhases(DayShape shape, const std::vector<Expected>& cases) {
  for (const Expected& c : cases) {
    SCOPED_TRACE(clock_text(c.at_s));
    EXPECT_EQ(phase_at(c.at_s, shape), c.phase);
  }
}

constexpr DayShape kNormalDay{.half_day = false, .closing_auction = true};
constexpr DayShape kHalfDay{.half_day = true, .closing_auction = true};
constexpr DayShape kNormalDayBeforeCas{.half_day = false, .closing_auction = false};
constexpr DayShape kHalfDayBeforeCas{.half_day = true, .closing_auction = false};

TEST(SessionTest, HmsAndClockText) {
  EXPECT_EQ(hms(9, 45), 35'100);  // 9 × 3600 + 45 × 60
  EXPECT_EQ(hms(16, 5, 59), 57'959);
  EXPECT_EQ(clock_text(hms(16, 5, 59)), "16:05:59");
  EXPECT_EQ(clock_text(0), "00:00:00");
  EXPECT_EQ(clock_text(hms(9, 0)), "09:00:00");
}

TEST(SessionTest, NormalDayWithClosingAuction) {
  ExpectPhases(kNormalDay, {
                               {0, Phase::kClosed},
                               {hms(8, 59, 59), Phase::kClosed},
                               {hms(9, 0), Phase::kPreOpenInput},
                               {hms(9, 14, 59), Phase::kPreOpenInput},
                               {hms(9, 15), Phase::kPreOpenMatching},
                               {hms(9, 29, 59), Phase::kPreOpenMatching},
                               {hms(9, 30), Phase::kMorning},
                               {hms(11, 59, 59), Phase::kMorning},
                               {hms(12, 0), Phase::kLunchNoInput},
                               {hms(12, 29, 59), Phase::kLunchNoInput},
                               {hms(12, 30), Phase::kLunchQueued},
                               {hms(12, 59, 59), Phase::kLunchQueued},
                               {hms(13, 0), Phase::kAfternoon},
                               {hms(15, 59, 59), Phase::kAfternoon},
                               {hms(16, 0), Phase::kCasReferenceFixing},
                               {hms(16, 0, 59), Phase::kCasReferenceFixing},
                               {hms(16, 1), Phase::kCasInput},
                               {hms(16, 5, 59), Phase::kCasInput},
                               {hms(16, 6), Phase::kCasNoCancel},  // the 16:06 switch
                               {hms(16, 9, 59), Phase::kCasNoCancel},
                               {hms(16, 10), Phase::kClosed},
                               {hms(23, 59, 59), Phase::kClosed},
                           });
}

TEST(SessionTest, HalfDayClosingAuctionFollowsTheMorning) {
  ExpectPhases(kHalfDay, {
                             {hms(8, 59, 59), Phase::kClosed},
                             {hms(9, 0), Phase::kPreOpenInput},
                             {hms(9, 15), Phase::kPreOpenMatching},
                             {hms(9, 30), Phase::kMorning},
                             {hms(11, 59, 59), Phase::kMorning},
                             {hms(12, 0), Phase::kCasReferenceFixing},
                             {hms(12, 0, 59), Phase::kCasReferenceFixing},
                             {hms(12, 1), Phase::kCasInput},
                             {hms(12, 5, 59), Phase::kCasInput},
                             {hms(12, 6), Phase::kCasNoCancel},
                             {hms(12, 9, 59), Phase::kCasNoCancel},
                             {hms(12, 10), Phase::kClosed},
                             {hms(12, 30), Phase::kClosed},  // no lunch, no afternoon
                             {hms(13, 0), Phase::kClosed},
                             {hms(16, 0), Phase::kClosed},
                         });
}

TEST(SessionTest, WithoutTheClosingAuctionTheDayEndsAtTheClose) {
  // Before 2016-07-25: 16:00 (12:00 on a half day) is the end of the day.
  ExpectPhases(kNormalDayBeforeCas, {
                                        {hms(12, 0), Phase::kLunchNoInput},
                                        {hms(13, 0), Phase::kAfternoon},
                                        {hms(15, 59, 59), Phase::kAfternoon},
                                        {hms(16, 0), Phase::kClosed},
                                        {hms(16, 1), Phase::kClosed},
                                        {hms(16, 6), Phase::kClosed},
                                    });
  ExpectPhases(kHalfDayBeforeCas, {
                                      {hms(11, 59, 59), Phase::kMorning},
                                      {hms(12, 0), Phase::kClosed},
                                      {hms(12, 1), Phase::kClosed},
                                  });
}

TEST(SessionTest, InputAndCancelByPhase) {
  // research §4.1: Southbound inputs 09:00-09:15, in continuous trading (12:30-13:00 queued) and
  // 16:01-16:10; it cancels 09:00-09:15, 09:30-12:00, 12:30-16:00 and 16:01-16:06.
  struct Row {
    Phase phase;
    bool input;
    bool cancel;
    bool continuous;
    bool closing_auction;
  };
  const std::vector<Row> rows = {
      {Phase::kClosed, false, false, false, false},
      {Phase::kPreOpenInput, true, true, false, false},
      {Phase::kPreOpenMatching, false, false, false, false},
      {Phase::kMorning, true, true, true, false},
      {Phase::kLunchNoInput, false, false, false, false},
      {Phase::kLunchQueued, true, true, true, false},
      {Phase::kAfternoon, true, true, true, false},
      {Phase::kCasReferenceFixing, false, false, false, true},
      {Phase::kCasInput, true, true, false, true},
      {Phase::kCasNoCancel, true, false, false, true},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(phase_name(row.phase));
    EXPECT_EQ(accepts_input(row.phase), row.input);
    EXPECT_EQ(accepts_cancel(row.phase), row.cancel);
    EXPECT_EQ(is_continuous(row.phase), row.continuous);
    EXPECT_EQ(is_closing_auction(row.phase), row.closing_auction);
  }
}

TEST(SessionTest, InputAndCancelAtTheBoundaries) {
  struct Row {
    int at_s;
    DayShape shape;
    bool input;
    bool cancel;
  };
  const std::vector<Row> rows = {
      {hms(8, 59, 59), kNormalDay, false, false},
      {hms(9, 0), kNormalDay, true, true},
      {hms(9, 14, 59), kNormalDay, true, true},
      {hms(9, 15), kNormalDay, false, false},
      {hms(9, 30), kNormalDay, true, true},
      {hms(11, 59, 59), kNormalDay, true, true},
      {hms(12, 0), kNormalDay, false, false},
      {hms(12, 30), kNormalDay, true, true},
      {hms(13, 0), kNormalDay, true, true},
      {hms(15, 59, 59), kNormalDay, true, true},
      {hms(16, 0), kNormalDay, false, false},
      {hms(16, 1), kNormalDay, true, true},
      {hms(16, 5, 59), kNormalDay, true, true},
      {hms(16, 6), kNormalDay, true, false},  // input goes on, cancellation stops
      {hms(16, 9, 59), kNormalDay, true, false},
      {hms(16, 10), kNormalDay, false, false},
      {hms(12, 0), kHalfDay, false, false},
      {hms(12, 1), kHalfDay, true, true},
      {hms(12, 6), kHalfDay, true, false},
      {hms(12, 10), kHalfDay, false, false},
      {hms(16, 0), kNormalDayBeforeCas, false, false},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(clock_text(row.at_s) + (row.shape.half_day ? " half day" : " normal day") +
                 (row.shape.closing_auction ? "" : " without CAS"));
    const Phase phase = phase_at(row.at_s, row.shape);
    EXPECT_EQ(accepts_input(phase), row.input);
    EXPECT_EQ(accepts_cancel(phase), row.cancel);
  }
}

TEST(SessionTest, OrderTypeOfEachInputPhase) {
  // research §4.1: at-auction limit orders in the auctions, enhanced limit orders in continuous
  // trading (including the queued lunch input, which is for the afternoon session).
  EXPECT_EQ(order_type_for(Phase::kPreOpenInput), OrderType::kAtAuctionLimit);
  EXPECT_EQ(order_type_for(Phase::kMorning), OrderType::kEnhancedLimit);
  EXPECT_EQ(order_type_for(Phase::kLunchQueued), OrderType::kEnhancedLimit);
  EXPECT_EQ(order_type_for(Phase::kAfternoon), OrderType::kEnhancedLimit);
  EXPECT_EQ(order_type_for(Phase::kCasInput), OrderType::kAtAuctionLimit);
  EXPECT_EQ(order_type_for(Phase::kCasNoCancel), OrderType::kAtAuctionLimit);
  EXPECT_STREQ(order_type_name(OrderType::kAtAuctionLimit), "at-auction limit");
  EXPECT_STREQ(order_type_name(OrderType::kEnhancedLimit), "enhanced limit");
}

TEST(SessionTest, PhaseNames) {
  EXPECT_STREQ(phase_name(Phase::kClosed), "closed");
  EXPECT_STREQ(phase_name(Phase::kPreOpenInput), "pre-opening order input");
  EXPECT_STREQ(phase_name(Phase::kLunchNoInput), "lunch break (no input)");
  EXPECT_STREQ(phase_name(Phase::kCasReferenceFixing), "closing auction reference price fixing");
  EXPECT_STREQ(phase_name(Phase::kCasNoCancel), "closing auction no-cancellation");
}

}  // namespace
}  // namespace cp::trading
