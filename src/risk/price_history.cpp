#include "risk/price_history.h"

#include <algorithm>

namespace cp::risk {

HkTradingDays::HkTradingDays(std::vector<Date> days, Date covered_from, Date covered_to)
    : days_(std::move(days)), covered_from_(covered_from), covered_to_(covered_to) {
  CP_ASSERT(std::is_sorted(days_.begin(), days_.end()), "trading days are sorted");
}

bool HkTradingDays::is_trading_day(Date date) const {
  return std::binary_search(days_.begin(), days_.end(), date);
}

Result<std::vector<Date>> HkTradingDays::ending_on(Date end, int64_t count) const {
  const auto at = std::lower_bound(days_.begin(), days_.end(), end);
  if (at == days_.end() || *at != end) {
    return invalid_input(end.to_string() + " is not an SEHK trading day");
  }
  const auto index = at - days_.begin();
  if (index + 1 < count) {
    return invalid_input(std::to_string(count) + " SEHK trading days ending on " + end.to_string() +
                         " start before the calendar's coverage (from " +
                         covered_from_.to_string() + ")");
  }
  return std::vector<Date>(at + 1 - count, at + 1);
}

std::vector<Date> HkTradingDays::between(Date after, Date before) const {
  const auto from = std::upper_bound(days_.begin(), days_.end(), after);
  const auto to = std::lower_bound(days_.begin(), days_.end(), before);
  return from < to ? std::vector<Date>(from, to) : std::vector<Date>{};
}

Result<Date> HkTradingDays::next_after(Date date) const {
  const auto at = std::upper_bound(days_.begin(), days_.end(), date);
  if (at == days_.end()) {
    return invalid_input("no SEHK trading day after " + date.to_string() +
                         " within the calendar's coverage (to " + covered_to_.to_string() + ")");
  }
  return *at;
}

Result<void> check_price_history(const std::vector<clearing::ClosingPrice>& rows,
                                 const HkTradingDays& days, const std::string& file) {
  auto located = [&](const clearing::ClosingPrice& row, std::string message) {
    Error error = invalid_input(std::move(message), "price_date");
    error.file = file;
    error.line = row.line;
    return error;
  };
  std::map<std::string, std::vector<const clearing::ClosingPrice*>> by_security;
  for (const auto& row : rows) {
    if (!days.covers(row.price_date)) {
      return located(row, row.price_date.to_string() + " is outside the SEHK calendar's coverage");
    }
    if (!days.is_trading_day(row.price_date)) {
      return located(row, row.price_date.to_string() + " is not an SEHK trading day");
    }
    by_security[row.security_code].push_back(&row);
  }
  for (auto& [security, closes] : by_security) {
    std::sort(closes.begin(), closes.end(),
              [](const auto* a, const auto* b) { return a->price_date < b->price_date; });
    for (size_t i = 1; i < closes.size(); ++i) {
      const auto missing = days.between(closes[i - 1]->price_date, closes[i]->price_date);
      if (!missing.empty()) {
        return located(*closes[i], security + " has no close on " + missing.front().to_string() +
                                       ", an SEHK trading day between " +
                                       closes[i - 1]->price_date.to_string() + " (line " +
                                       std::to_string(closes[i - 1]->line) + ") and this one");
      }
    }
  }
  return Ok{};
}

void PriceHistory::add(const std::string& security, Date date, Decimal close_hkd) {
  closes_[security][date] = close_hkd;
}

const Decimal* PriceHistory::close(const std::string& security, Date date) const {
  const auto found = closes_.find(security);
  if (found == closes_.end()) return nullptr;
  const auto at = found->second.find(date);
  return at == found->second.end() ? nullptr : &at->second;
}

const std::map<Date, Decimal>* PriceHistory::closes_of(const std::string& security) const {
  const auto found = closes_.find(security);
  return found == closes_.end() ? nullptr : &found->second;
}

Result<std::vector<Decimal>> daily_returns(const PriceHistory& history, const std::string& security,
                                           const std::vector<Date>& days,
                                           const std::string& purpose) {
  std::vector<Decimal> out;
  if (days.empty()) return out;
  out.reserve(days.size() - 1);
  // The days and the closes are both in date order: one walk, no look-up per day.
  static const std::map<Date, Decimal> kNone;
  const std::map<Date, Decimal>* closes = history.closes_of(security);
  if (closes == nullptr) closes = &kNone;
  auto next = closes->lower_bound(days.front());
  const Decimal* previous = nullptr;
  for (Date day : days) {
    while (next != closes->end() && next->first < day) ++next;
    const Decimal* close = next != closes->end() && next->first == day ? &next->second : nullptr;
    if (close == nullptr) {
      return invalid_input("no close of " + security + " on " + day.to_string() + ": " + purpose +
                               " needs every close from " + days.front().to_string() + " to " +
                               days.back().to_string(),
                           "price_history");
    }
    if (previous != nullptr) {
      Decimal r = divide(*close - *previous, *previous, kReturnScale, Rounding::kHalfUp);
      // Beyond a tenfold rise in a day the closes are more likely wrong than the market; the
      // bound also keeps every scenario term within the kernel's 64-bit sums.
      if (r > Decimal::from_int(kReturnMax)) {
        return invalid_input("the close of " + security + " on " + day.to_string() + " is " +
                                 r.to_string() + " over the day before: more than " +
                                 std::to_string(kReturnMax * 100) + " %, check the history",
                             "price_history");
      }
      out.push_back(r);
    }
    previous = close;
  }
  return out;
}

}  // namespace cp::risk
