#include "corpactions/csdc_payment.h"

#include <set>
#include <string>

#include "clearing/csv_fields.h"

namespace cp::corpactions {
namespace {

// RMB per unit of any dividend currency is far below this (GBP ≈ 9, JPY ≈ 0.05): the bound
// keeps gross × rate within the decimal type.
constexpr int64_t kRmbPerUnitMax = 1'000;

}  // namespace

Result<std::vector<CsdcPayment>> read_payment_file(CsvReader& reader) {
  CP_RETURN_IF_ERROR(reader.require_columns(
      {"event_id", "channel", "currency", "rmb_per_unit", "clearing_date", "source"}));
  const size_t id_col = *reader.column("event_id");
  const size_t channel_col = *reader.column("channel");
  const size_t currency_col = *reader.column("currency");
  const size_t rate_col = *reader.column("rmb_per_unit");
  const size_t date_col = *reader.column("clearing_date");
  const size_t source_col = *reader.column("source");
  std::vector<CsdcPayment> out;
  std::set<std::pair<std::string, Channel>> seen;
  CsvRecord record;
  while (true) {
    CP_ASSIGN_OR_RETURN(const bool more, reader.next(record));
    if (!more) break;
    CsdcPayment p;
    p.event_id = std::string(record[id_col]);
    if (p.event_id.empty() || p.event_id.size() > 40) {
      return reader.field_error(record, id_col, "event_id must be 1 to 40 characters");
    }
    CP_ASSIGN_OR_RETURN(p.channel, clearing::channel_field(reader, record, channel_col));
    auto currency = parse_currency(record[currency_col]);
    if (!currency.ok()) return reader.field_error(record, currency_col, currency.error().message);
    p.currency = *currency;
    CP_ASSIGN_OR_RETURN(p.rmb_per_unit, clearing::decimal_field(reader, record, rate_col, 8, true));
    if (p.rmb_per_unit > Decimal::from_int(kRmbPerUnitMax)) {
      return reader.field_error(
          record, rate_col,
          "rmb_per_unit above " + std::to_string(kRmbPerUnitMax) + " is no currency's rate");
    }
    CP_ASSIGN_OR_RETURN(p.clearing_date, clearing::date_field(reader, record, date_col));
    p.source = std::string(record[source_col]);
    if (p.source.empty()) return reader.field_error(record, source_col, "source is required");
    if (!seen.insert({p.event_id, p.channel}).second) {
      return reader.field_error(record, id_col,
                                "event " + p.event_id + " is cleared twice on the " +
                                    std::string(channel_code(p.channel)) + " channel in this file");
    }
    out.push_back(std::move(p));
  }
  return out;
}

namespace {

// CSDC clears on a Southbound trading day of the payment's channel.
Result<void> check_trading_day(const CsdcPayment& payment,
                               const calendar::SouthboundCalendar& southbound) {
  CP_ASSIGN_OR_RETURN(const calendar::DayInfo* day, southbound.day(payment.clearing_date));
  if (!day->southbound_trading) {
    return rule_violation("event " + payment.event_id + ": " + payment.clearing_date.to_string() +
                              " is not a Southbound trading day on the " +
                              std::string(channel_code(payment.channel)) +
                              " channel: " + day->reason_text(),
                          "clearing_date");
  }
  return {};
}

// [D] docs/corpactions.md "Rights taken up": CSDC collects a take-up's money once the broker has
// filed (CSDC's deadline) and by the day HKSCC distributes the shares, on a Southbound trading
// day of the channel.
Result<void> check_subscription_date(const CsdcPayment& payment, const CorporateAction& action,
                                     const calendar::SouthboundCalendar& southbound) {
  const std::string event = "event " + payment.event_id + ": ";
  const Date filed = action.csdc_deadline ? action.csdc_deadline->date : *action.record_date;
  if (payment.clearing_date < filed || payment.clearing_date > *action.payment_date) {
    return rule_violation(event + "CSDC collects the take-up's money from the filing on " +
                              filed.to_string() + " to the payment date " +
                              action.payment_date->to_string() + ", not on " +
                              payment.clearing_date.to_string() + " (SPEC CA-3)",
                          "clearing_date");
  }
  return check_trading_day(payment, southbound);
}

}  // namespace

Result<void> check_payment(const CsdcPayment& payment, const CorporateAction& action,
                           const calendar::SouthboundCalendar& southbound, int clearing_days_max) {
  const std::string event = "event " + payment.event_id + ": ";
  const bool take_up =
      action.type == ActionType::kRightsIssue || action.type == ActionType::kOpenOffer;
  if (!pays_cash(action.type) && !take_up) {
    return rule_violation(
        event + "a " + std::string(action_type_code(action.type)) + " pays no cash to convert",
        "event_id");
  }
  if (action.currency != payment.currency) {
    return rule_violation(event + "pays " + std::string(currency_code(*action.currency)) +
                              "; a rate for " + std::string(currency_code(payment.currency)) +
                              " does not apply",
                          "currency");
  }
  const Date paid = *action.payment_date;
  if (take_up) return check_subscription_date(payment, action, southbound);
  if (payment.clearing_date < paid) {
    return rule_violation(event + "CSDC clears after HKSCC pays on " + paid.to_string() +
                              ", not on " + payment.clearing_date.to_string() + " (SPEC CLR-7)",
                          "clearing_date");
  }
  CP_RETURN_IF_ERROR(check_trading_day(payment, southbound));
  CP_ASSIGN_OR_RETURN(
      const calendar::DayInfo* last,
      southbound.nth_day_after(paid, clearing_days_max,
                               [](const calendar::DayInfo& d) { return d.southbound_trading; }));
  if (payment.clearing_date > last->date) {
    return rule_violation(event + "CSDC clears within " + std::to_string(clearing_days_max) +
                              " Southbound trading days of receiving the money on " +
                              paid.to_string() + ", by " + last->date.to_string() + ", not on " +
                              payment.clearing_date.to_string() + " (SPEC CLR-7)",
                          "clearing_date");
  }
  return {};
}

}  // namespace cp::corpactions
