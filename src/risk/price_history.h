// Closing prices over time and the daily returns the margin's historical scenarios are made of
// (G14 §2.2: FieldType 1 and 2 carry one return per instrument and scenario; here they are
// worked out from the closes, research/risk-and-obligations.md §1).
//
// price_history.csv has the grammar of prices.csv (price_date,security,close_hkd;
// clearing/input_files.h) with one more rule: each security's closes run over every SEHK trading
// day from its first date to its last, with no gap.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "clearing/input_files.h"
#include "core/date.h"
#include "core/decimal.h"

namespace cp::risk {

// SEHK's trading days (a half day counts) over the calendar's coverage, oldest first: what the
// shell derives from the calendar and passes in.
class HkTradingDays {
 public:
  HkTradingDays(std::vector<Date> days, Date covered_from, Date covered_to);

  bool covers(Date date) const { return covered_from_ <= date && date <= covered_to_; }
  // REQUIRES: covers(date).
  bool is_trading_day(Date date) const;
  // The `count` trading days ending on `end` (a trading day), oldest first; an error naming the
  // coverage when they start before it.
  Result<std::vector<Date>> ending_on(Date end, int64_t count) const;
  // The trading days strictly between two dates.
  std::vector<Date> between(Date after, Date before) const;
  // The trading day after `date`; an error beyond the coverage.
  Result<Date> next_after(Date date) const;

 private:
  std::vector<Date> days_;
  Date covered_from_;
  Date covered_to_;
};

// Refuses the first close that follows a gap in its security's history, naming the file's line,
// the field and the first missing trading day; and a close on a day SEHK did not trade or outside
// the calendar's coverage.
Result<void> check_price_history(const std::vector<clearing::ClosingPrice>& rows,
                                 const HkTradingDays& days, const std::string& file);

class PriceHistory {
 public:
  void add(const std::string& security, Date date, Decimal close_hkd);
  // The close of `security` on `date`, or nullptr.
  const Decimal* close(const std::string& security, Date date) const;
  // Every close of `security` by date, or nullptr when it has none.
  const std::map<Date, Decimal>* closes_of(const std::string& security) const;

 private:
  std::map<std::string, std::map<Date, Decimal>, std::less<>> closes_;
};

// Decimals of a return, as HKSCC's risk parameter file carries them (G14 §2.2 DECIMALS(X,10)).
inline constexpr int kReturnScale = 10;
// The largest daily return the margin takes (1,000 %); a larger one is refused as bad data.
inline constexpr int64_t kReturnMax = 10;

// The returns of `security` over consecutive `days` (oldest first): for each day after the
// first, close(day) / close(day before) − 1, half-up at kReturnScale [D: the guide gives returns,
// not their rounding]. A missing close is an error naming the security, the day and `purpose`;
// so is a return above kReturnMax.
Result<std::vector<Decimal>> daily_returns(const PriceHistory& history, const std::string& security,
                                           const std::vector<Date>& days,
                                           const std::string& purpose);

}  // namespace cp::risk
