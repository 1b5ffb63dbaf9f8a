// The Southbound calendar of one channel, derived from the two markets' calendars, the weather
// events and the dated rules (SPEC CAL-1..8):
//   hk_trading                 SEHK trades at least part of the day
//   hk_settlement_day          HKSCC settles that day: a weekday, not an SEHK holiday, not a
//                              half-day (CAL-3), not a weather non-settlement day (CAL-6a)
//   mainland_trading           the channel's exchange (SSE or SZSE) trades: weekday, no holiday
//   southbound_settlement_day  an HKSCC settlement day on which the mainland side is open
//   southbound_trading         both markets trade (CAL-1, CAL-2), the channel is open, and under
//                              the rule before 2023-04-24 the next two *planned* HKSCC settlement
//                              days (T+1 risk funds, T+2 trading money) are mainland business days
//                              (CAL-4). From 2023-04-24 every common trading day trades (CAL-8).
// The rule era, severe-weather trading and the channel's launch are parameters, not literals.
#pragma once

#include <string>
#include <vector>

#include "calendar/weather.h"
#include "core/market.h"
#include "refdata/market_calendar.h"
#include "refdata/parameters.h"

namespace cp::calendar {

struct DayInfo {
  Date date;
  bool hk_trading = false;
  bool half_day = false;
  bool mainland_trading = false;
  bool southbound_trading = false;
  bool hk_settlement_day = false;
  bool southbound_settlement_day = false;
  bool planned_hk_settlement_day = false;  // before weather: what the published calendar assumed
  WeatherEffect weather;
  std::string rule;                  // calendar.southbound_rule in force
  std::vector<std::string> reasons;  // why a flag is false, in words
  bool undecided = false;            // the rule needs settlement days beyond the data's coverage

  std::string reason_text() const;  // reasons joined by "; "
};

class SouthboundCalendar {
 public:
  static Result<SouthboundCalendar> build(const refdata::MarketCalendarData& data,
                                          const refdata::ParameterTable& parameters,
                                          Channel channel);

  Channel channel() const { return channel_; }
  Date covered_from() const { return from_; }
  Date covered_to() const { return days_.empty() ? from_ : days_.back().date; }

  // The day, or an error naming the covered range.
  Result<const DayInfo*> day(Date date) const;
  // The n-th (n ≥ 1) HKSCC settlement day strictly after `date`, counting days for which
  // `counts` is true; an error when the data ends first.
  template <typename Predicate>
  Result<const DayInfo*> nth_day_after(Date date, int n, Predicate counts) const {
    CP_ASSIGN_OR_RETURN(const DayInfo* start, day(date));
    size_t index = static_cast<size_t>(days_between(from_, start->date));
    while (n > 0) {
      if (++index >= days_.size()) return beyond_coverage(date);
      if (counts(days_[index])) --n;
    }
    return &days_[index];
  }
  // The first Southbound settlement day on or after `date`.
  Result<const DayInfo*> southbound_settlement_day_on_or_after(Date date) const;

 private:
  Error beyond_coverage(Date date) const;
  Channel channel_ = Channel::kShanghai;
  Date from_;
  std::vector<DayInfo> days_;  // one per calendar day from from_
};

}  // namespace cp::calendar
