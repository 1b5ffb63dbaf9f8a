#include "risk/money_obligations.h"

#include <algorithm>
#include <array>
#include <set>

#include "refdata/code_table.h"
#include "risk/scenario_filter.h"

namespace cp::risk {
namespace {

using refdata::Code;

constexpr std::array<Code<ObligationKind>, 13> kKinds{{
    {"china_connect_trades_money", ObligationKind::kChinaConnectTradesMoney},
    {"sehk_trades_money", ObligationKind::kSehkTradesMoney},
    {"intraday_marks", ObligationKind::kIntradayMarks},
    {"intraday_mstd", ObligationKind::kIntradayMstd},
    {"intraday_margin_non_settlement_day", ObligationKind::kIntradayMarginNonSettlementDay},
    {"intraday_margin_settlement_day", ObligationKind::kIntradayMarginSettlementDay},
    {"day_end_marks", ObligationKind::kDayEndMarks},
    {"day_end_margin", ObligationKind::kDayEndMargin},
    {"day_end_mtm_and_margin", ObligationKind::kDayEndMtmAndMargin},
    {"day_end_mstd", ObligationKind::kDayEndMstd},
    {"mainland_security_deposit", ObligationKind::kMainlandSecurityDeposit},
    {"gf_contribution", ObligationKind::kGfContribution},
    {"gf_risk_collateral", ObligationKind::kGfRiskCollateral},
}};
constexpr std::array<Code<PaymentChannel>, 4> kChannels{{
    {"chats_payment_instruction", PaymentChannel::kChatsPaymentInstruction},
    {"chats_or_bank_transfer", PaymentChannel::kChatsOrBankTransfer},
    {"direct_debit", PaymentChannel::kDirectDebit},
    {"bank_transfer", PaymentChannel::kBankTransfer},
}};
constexpr std::array<Code<DeadlineDay>, 4> kDeadlineDays{{
    {"same_day", DeadlineDay::kSameDay},
    {"next_trading_day", DeadlineDay::kNextTradingDay},
    {"next_business_day", DeadlineDay::kNextBusinessDay},
    {"second_business_day_of_month", DeadlineDay::kSecondBusinessDayOfMonth},
}};
constexpr std::array<Code<ReportDay>, 5> kReportDays{{
    {"same_day", ReportDay::kSameDay},
    {"previous_trading_day", ReportDay::kPreviousTradingDay},
    {"trade_day", ReportDay::kTradeDay},
    {"last_day_of_month", ReportDay::kLastDayOfMonth},
    {"first_business_day_of_month", ReportDay::kFirstBusinessDayOfMonth},
}};

template <size_t N, typename T>
Result<T> code_field(const CsvReader& reader, const CsvRecord& record, size_t col,
                     const std::array<Code<T>, N>& codes) {
  for (const auto& code : codes) {
    if (record[col] == code.text) return code.value;
  }
  std::string known;
  for (const auto& code : codes) known += (known.empty() ? "" : ", ") + std::string(code.text);
  return reader.field_error(record, col, "is not one of " + known);
}

Result<TimeOfDay> time_field(const CsvReader& reader, const CsvRecord& record, size_t col) {
  auto time = TimeOfDay::parse(record[col]);
  if (!time.ok()) return reader.field_error(record, col, time.error().message);
  return *time;
}

bool contains(const std::vector<Date>& days, Date date) {
  return std::binary_search(days.begin(), days.end(), date);
}

Result<Date> next_in(const std::vector<Date>& days, Date date, const char* what) {
  const auto at = std::upper_bound(days.begin(), days.end(), date);
  if (at == days.end()) {
    return invalid_input("no " + std::string(what) + " after " + date.to_string() +
                         " within the calendar's coverage");
  }
  return *at;
}

Decimal max_zero(const Decimal& value) {
  return value.is_negative() ? Decimal::from_int(0) : value;
}

Decimal round_up_to(const Decimal& value, int64_t step) {
  const Decimal unit = Decimal::from_int(step);
  return divide(value, unit, 0, Rounding::kCeiling) * unit;
}

}  // namespace

const char* obligation_kind_code(ObligationKind kind) {
  return refdata::code_of(kKinds, kind);
}
Result<ObligationKind> parse_obligation_kind(std::string_view code) {
  for (const auto& entry : kKinds) {
    if (code == entry.text) return entry.value;
  }
  return invalid_input("'" + std::string(code) + "' is not an obligation kind", "obligation");
}
const char* payment_channel_code(PaymentChannel channel) {
  return refdata::code_of(kChannels, channel);
}

Result<ObligationSchedule> ObligationSchedule::parse(CsvReader& reader) {
  CP_RETURN_IF_ERROR(reader.require_columns({"obligation", "scope", "channel", "deadline_day",
                                             "deadline_hkt", "report", "report_day", "report_hkt",
                                             "effective_from", "effective_to", "source"}));
  const size_t kind_col = *reader.column("obligation");
  const size_t scope_col = *reader.column("scope");
  const size_t channel_col = *reader.column("channel");
  const size_t deadline_day_col = *reader.column("deadline_day");
  const size_t deadline_col = *reader.column("deadline_hkt");
  const size_t report_col = *reader.column("report");
  const size_t report_day_col = *reader.column("report_day");
  const size_t report_time_col = *reader.column("report_hkt");
  ObligationSchedule out;
  CsvRecord record;
  while (true) {
    CP_ASSIGN_OR_RETURN(bool more, reader.next(record));
    if (!more) break;
    CP_ASSIGN_OR_RETURN(ObligationKind kind, code_field(reader, record, kind_col, kKinds));
    ObligationRule rule;
    if (record[scope_col] != "all" && record[scope_col] != "china_connect") {
      return reader.field_error(record, scope_col, "is not all or china_connect");
    }
    rule.china_connect_only = record[scope_col] == "china_connect";
    CP_ASSIGN_OR_RETURN(rule.channel, code_field(reader, record, channel_col, kChannels));
    CP_ASSIGN_OR_RETURN(rule.deadline_day,
                        code_field(reader, record, deadline_day_col, kDeadlineDays));
    CP_ASSIGN_OR_RETURN(rule.deadline_hkt, time_field(reader, record, deadline_col));
    rule.report = std::string(record[report_col]);
    if (rule.report.empty()) return reader.field_error(record, report_col, "must name a report");
    CP_ASSIGN_OR_RETURN(rule.report_day, code_field(reader, record, report_day_col, kReportDays));
    CP_ASSIGN_OR_RETURN(rule.report_hkt, time_field(reader, record, report_time_col));
    CP_ASSIGN_OR_RETURN(refdata::Provenance provenance, refdata::read_provenance(reader, record));
    CP_RETURN_IF_ERROR(out.table_.add(obligation_kind_code(kind), rule, std::move(provenance)));
  }
  return out;
}

std::vector<std::string> ObligationSchedule::report_ids() const {
  std::set<std::string> ids;
  for (const auto& entry : table_.entries()) {
    std::string_view rest = entry.row.report;
    while (!rest.empty()) {
      const auto slash = rest.find('/');
      ids.emplace(rest.substr(0, slash));
      rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
    }
  }
  return {ids.begin(), ids.end()};
}

Result<const refdata::DatedTable<ObligationRule>::Entry*> ObligationSchedule::rule(
    ObligationKind kind, Date date) const {
  const auto* entry = table_.in_force(obligation_kind_code(kind), date);
  if (entry == nullptr) {
    return invalid_input("the obligation schedule has no " +
                             std::string(obligation_kind_code(kind)) + " row in force on " +
                             date.to_string(),
                         "obligation");
  }
  return entry;
}

bool HkBusinessCalendar::is_trading_day(Date date) const {
  return contains(trading_days, date);
}
bool HkBusinessCalendar::is_settlement_day(Date date) const {
  return contains(settlement_days, date);
}
Result<Date> HkBusinessCalendar::next_trading_day(Date date) const {
  return next_in(trading_days, date, "SEHK trading day");
}
Result<Date> HkBusinessCalendar::previous_trading_day(Date date) const {
  const auto at = std::lower_bound(trading_days.begin(), trading_days.end(), date);
  if (at == trading_days.begin()) {
    return invalid_input("no SEHK trading day before " + date.to_string() +
                         " within the calendar's coverage");
  }
  return *(at - 1);
}
Result<Date> HkBusinessCalendar::next_business_day(Date date) const {
  return next_in(business_days, date, "HKSCC business day");
}
Result<Date> HkBusinessCalendar::business_day_of_month(Date date, int n) const {
  CP_ASSIGN_OR_RETURN(Date first, Date::from_ymd(date.year(), date.month(), 1));
  auto at = std::lower_bound(business_days.begin(), business_days.end(), first);
  for (int i = 1; i < n && at != business_days.end(); ++i) ++at;
  if (at == business_days.end() || at->month() != date.month()) {
    return invalid_input("no business day " + std::to_string(n) + " in the month of " +
                         date.to_string() + " within the calendar's coverage");
  }
  return *at;
}
Result<int64_t> HkBusinessCalendar::holiday_weekdays_after(Date date) const {
  CP_ASSIGN_OR_RETURN(Date next, next_trading_day(date));
  int64_t weekdays = 0;
  for (Date day = date.plus_days(1); day < next; day = day.plus_days(1)) {
    if (!day.is_weekend()) ++weekdays;
  }
  return weekdays;
}

Result<std::vector<Obligation>> obligations_of_day(const ObligationInputs& in) {
  CP_ASSERT(in.schedule && in.calendar && in.day_end, "obligation inputs complete");
  const HkBusinessCalendar& calendar = *in.calendar;
  std::vector<Obligation> out;
  auto add = [&](ObligationKind kind, const Decimal& amount, std::string basis) -> Result<void> {
    if (amount.sign() <= 0) return Ok{};
    CP_ASSIGN_OR_RETURN(const auto* entry, in.schedule->rule(kind, in.date));
    const ObligationRule& rule = entry->row;
    Obligation o;
    o.id = in.participant + ":" + in.date.to_string() + ":" + obligation_kind_code(kind);
    o.kind = kind;
    o.amount_hkd = amount.round(2, Rounding::kHalfUp);
    o.channel = rule.channel;
    o.deadline_hkt = rule.deadline_hkt;
    switch (rule.deadline_day) {
      case DeadlineDay::kSameDay:
        o.deadline_date = in.date;
        break;
      case DeadlineDay::kNextTradingDay: {
        CP_ASSIGN_OR_RETURN(o.deadline_date, calendar.next_trading_day(in.date));
        break;
      }
      case DeadlineDay::kNextBusinessDay: {
        CP_ASSIGN_OR_RETURN(o.deadline_date, calendar.next_business_day(in.date));
        break;
      }
      case DeadlineDay::kSecondBusinessDayOfMonth: {
        CP_ASSIGN_OR_RETURN(
            Date next_month,
            Date::from_ymd(in.date.month() == 12 ? in.date.year() + 1 : in.date.year(),
                           in.date.month() % 12 + 1, 1));
        CP_ASSIGN_OR_RETURN(o.deadline_date, calendar.business_day_of_month(next_month, 2));
        break;
      }
    }
    o.report = rule.report;
    o.report_hkt = rule.report_hkt;
    switch (rule.report_day) {
      case ReportDay::kSameDay:
      case ReportDay::kTradeDay:
      case ReportDay::kLastDayOfMonth:
      case ReportDay::kFirstBusinessDayOfMonth:
        o.report_date = in.date;
        break;
      case ReportDay::kPreviousTradingDay: {
        CP_ASSIGN_OR_RETURN(o.report_date, calendar.previous_trading_day(in.date));
        break;
      }
    }
    o.basis = std::move(basis);
    out.push_back(std::move(o));
    return Ok{};
  };

  const MarginFigures& m = *in.day_end;
  const bool var = m.regime == MarginRegime::kVarPlatform;

  // Seed 001 Part A 1 row 2: the CNS money of the positions settling today.
  if (calendar.is_settlement_day(in.date)) {
    CP_RETURN_IF_ERROR(
        add(ObligationKind::kSehkTradesMoney, in.settlement_money_hkd,
            "net contract value of the CNS positions settling on " + in.date.to_string()));
  }

  // The 11:00 marks: what the morning's prices make the positions owe beyond the collateral on
  // hand and the tolerance.
  Decimal intraday_marks_call;
  if (in.intraday_mtm_requirement_hkd) {
    const Decimal call = max_zero(*in.intraday_mtm_requirement_hkd - in.collateral_on_hand_hkd -
                                  in.intraday_tolerance_hkd);
    intraday_marks_call = call;
    CP_RETURN_IF_ERROR(add(ObligationKind::kIntradayMarks, call,
                           "MTM requirement at 11:00 " +
                               in.intraday_mtm_requirement_hkd->to_string() +
                               " less collateral on hand " + in.collateral_on_hand_hkd.to_string() +
                               " less the tolerance " + in.intraday_tolerance_hkd.to_string()));
  }

  // MO-3: the long-holiday intra-day margin on the trading day before more than one weekday
  // holiday in a row.
  if (calendar.is_trading_day(in.date)) {
    CP_ASSIGN_OR_RETURN(int64_t holidays, calendar.holiday_weekdays_after(in.date));
    if (holidays > 1) {
      const Decimal base =
          var ? m.portfolio_margin_hkd + m.flat_rate_margin_hkd : m.rate_margin_hkd;
      const Decimal factor = sqrt_truncated(Decimal::from_int(holidays)) - Decimal::from_int(1);
      const Decimal amount = round_up_to(base * factor, var ? in.rounding_hkd : 1);
      CP_RETURN_IF_ERROR(add(
          calendar.is_settlement_day(in.date) ? ObligationKind::kIntradayMarginSettlementDay
                                              : ObligationKind::kIntradayMarginNonSettlementDay,
          amount,
          base.to_string() + " × (√" + std::to_string(holidays) + " − 1 = " + factor.to_string() +
              "), rounded up: " + std::to_string(holidays) + " weekday holidays follow"));
    }
  }

  // Day-end marks and margin against the collateral already paid in and the day's 11:00 marks
  // call (the same requirement, called earlier; unpaid, it is a default of its own) [D].
  const Decimal shortfall =
      max_zero(m.total_requirement_hkd - in.collateral_on_hand_hkd - intraday_marks_call);
  std::string against = "total requirement " + m.total_requirement_hkd.to_string() +
                        " less collateral on hand " + in.collateral_on_hand_hkd.to_string();
  if (intraday_marks_call.sign() > 0) {
    against += " less the 11:00 marks call " + intraday_marks_call.to_string();
  }
  if (var) {
    CP_RETURN_IF_ERROR(add(ObligationKind::kDayEndMtmAndMargin, shortfall, against));
  } else {
    const Decimal marks = std::min(shortfall, m.mtm_requirement_hkd);
    CP_RETURN_IF_ERROR(add(ObligationKind::kDayEndMarks, marks, "marks part of: " + against));
    CP_RETURN_IF_ERROR(
        add(ObligationKind::kDayEndMargin, shortfall - marks, "margin part of: " + against));
  }

  if (in.guarantee_fund) {
    const GuaranteeFundInputs& gf = *in.guarantee_fund;
    if (gf.contribution_hkd) {
      CP_RETURN_IF_ERROR(add(ObligationKind::kGfContribution, *gf.contribution_hkd,
                             "the contribution of the review on " + in.date.to_string()));
    }
    if (gf.fund_at_limit) {
      const Decimal retained = gf.fund_limit_hkd * gf.risk_share_of_limit;
      CP_RETURN_IF_ERROR(add(ObligationKind::kGfRiskCollateral,
                             max_zero(gf.expected_uncollateralised_loss_hkd - retained),
                             "expected uncollateralised loss " +
                                 gf.expected_uncollateralised_loss_hkd.to_string() + " less " +
                                 retained.to_string() + " (the fund at its limit)"));
    }
  }
  return out;
}

}  // namespace cp::risk
