// The SEHK trading day as Southbound sees it (research/domain-facts.md §4.1, §4.2, §4.4;
// SPEC TRD-5): which phase a time falls in, what may be input or cancelled, and which order type
// a phase takes.
//
//   normal day                          half day (Christmas/New Year/LNY eve)
//   09:00-09:15 pre-open order input    same
//   09:15-09:30 pre-open matching       same
//   09:30-12:00 morning continuous      same
//   12:00-12:30 lunch, no input         12:00-12:01 CAS reference price fixing
//   12:30-13:00 lunch, input queued     12:01-12:06 CAS order input
//   13:00-16:00 afternoon continuous    12:06-12:10 CAS no cancellation
//   16:00-16:01 CAS reference fixing
//   16:01-16:06 CAS order input
//   16:06-16:10 CAS no cancellation (random close 16:08-16:10)
// Before the closing auction existed (2016-07-25) the day ends at 16:00 (12:00 on a half day).
// Southbound inputs at-auction limit orders in the auctions and enhanced limit orders in
// continuous trading; it cancels 09:00-09:15, 09:30-12:00, 12:30-16:00 and 16:01-16:06.
#pragma once

#include <string>

namespace cp::trading {

enum class Phase {
  kClosed,
  kPreOpenInput,
  kPreOpenMatching,
  kMorning,
  kLunchNoInput,
  kLunchQueued,
  kAfternoon,
  kCasReferenceFixing,
  kCasInput,
  kCasNoCancel,
};

enum class OrderType { kAtAuctionLimit, kEnhancedLimit };

struct DayShape {
  bool half_day = false;
  bool closing_auction = true;  // CAS in force that day
};

Phase phase_at(int seconds_since_midnight, DayShape shape);
const char* phase_name(Phase phase);
const char* order_type_name(OrderType type);

bool accepts_input(Phase phase);
bool accepts_cancel(Phase phase);
bool is_continuous(Phase phase);  // morning, queued lunch input, afternoon
bool is_closing_auction(Phase phase);
// The order type a phase takes: at-auction limit in the auctions, enhanced limit otherwise.
OrderType order_type_for(Phase phase);

// "HH:MM:SS" of seconds since midnight.
std::string clock_text(int seconds_since_midnight);

// Times as seconds since midnight, HKT.
constexpr int hms(int hours, int minutes, int seconds = 0) {
  return hours * 3600 + minutes * 60 + seconds;
}

}  // namespace cp::trading
