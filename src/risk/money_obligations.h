// A clearing participant's money obligations to HKSCC arising on a date (SPEC MO-1..4; seed 001,
// research/risk-and-obligations.md §4): what each is, how much, by which channel, by when, and
// which report announces it at what time. The schedule is dated data (data/money_obligations.csv)
// with two eras, before and from the VaR Platform (13 June 2022).
//
// money_obligations.csv := obligation,scope,channel,deadline_day,deadline_hkt,report,report_day,
//                          report_hkt,effective_from,effective_to,source
//   obligation   an ObligationKind code (below)
//   scope        all | china_connect (China Connect clearing participants only: Northbound)
//   channel      chats_payment_instruction | chats_or_bank_transfer | direct_debit | bank_transfer
//   deadline_day same_day | next_trading_day | next_business_day | second_business_day_of_month
//   report_day   same_day | previous_trading_day | trade_day | last_day_of_month |
//                first_business_day_of_month
//   deadline_hkt, report_hkt  HH:MM, Hong Kong time
//
// What this computes for a participant and date D (amounts in HKD at the cent):
//   sehk_trades_money   Σ contract value of the CNS positions settling on D, when payable (> 0)
//   day_end_mtm_and_margin (from 2022-06-13) = max(0, total requirement − collateral on hand −
//       the day's 11:00 marks call) [D: the same requirement, called earlier in the day; the
//       long-holiday margin is extra collateral for the holiday and does not count]
//   day_end_marks, day_end_margin (before): the same shortfall split, marks first [D]
//   intraday_margin_(non_)settlement_day (MO-3): on the trading day before a long holiday —
//       more than one consecutive weekday holiday (seed 001 note ^) — the margin × (√H − 1) of
//       G14's holiday factor, rounded up to margin.rounding (to the dollar before the VaR
//       Platform) [D: the seed names the call, not its formula]; settlement-day or not decides
//       the channel and deadline
//   intraday_marks      from the 11:00 prices: max(0, MTM requirement at 11:00 − collateral on
//       hand − margin.intraday_marks_tolerance) (domain-facts §7.1: only the excess over HKD 5 m
//       is called) [D: the collateral on hand counts against it, as against the day-end call]
//   gf_contribution     the contribution a review asks for (an input)
//   gf_risk_collateral (MO-4) when the fund is at its limit: max(0, expected uncollateralised
//       loss − 50 % × the fund's limit) (seed 001 note #; G14 §4.2)
// Not computed: the China Connect rows (no Northbound participant here).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/csv.h"
#include "core/date.h"
#include "core/decimal.h"
#include "refdata/dated.h"
#include "risk/margin.h"

namespace cp::risk {

enum class ObligationKind {
  kChinaConnectTradesMoney,
  kSehkTradesMoney,
  kIntradayMarks,
  kIntradayMstd,
  kIntradayMarginNonSettlementDay,
  kIntradayMarginSettlementDay,
  kDayEndMarks,
  kDayEndMargin,
  kDayEndMtmAndMargin,
  kDayEndMstd,
  kMainlandSecurityDeposit,
  kGfContribution,
  kGfRiskCollateral,
};
const char* obligation_kind_code(ObligationKind kind);
Result<ObligationKind> parse_obligation_kind(std::string_view code);

enum class PaymentChannel {
  kChatsPaymentInstruction,
  kChatsOrBankTransfer,
  kDirectDebit,
  kBankTransfer
};
const char* payment_channel_code(PaymentChannel channel);

enum class DeadlineDay { kSameDay, kNextTradingDay, kNextBusinessDay, kSecondBusinessDayOfMonth };
enum class ReportDay {
  kSameDay,
  kPreviousTradingDay,
  kTradeDay,
  kLastDayOfMonth,
  kFirstBusinessDayOfMonth,
};

struct ObligationRule {
  bool china_connect_only = false;
  PaymentChannel channel = PaymentChannel::kDirectDebit;
  DeadlineDay deadline_day = DeadlineDay::kSameDay;
  TimeOfDay deadline_hkt;
  std::string report;
  ReportDay report_day = ReportDay::kSameDay;
  TimeOfDay report_hkt;
};

class ObligationSchedule {
 public:
  static Result<ObligationSchedule> parse(CsvReader& reader);
  // Every report id the schedule names, in any era ("CRMSD01/CRMSD04" gives both).
  std::vector<std::string> report_ids() const;
  // The rule of `kind` in force on `date`; an error naming both when there is none.
  Result<const refdata::DatedTable<ObligationRule>::Entry*> rule(ObligationKind kind,
                                                                 Date date) const;

 private:
  refdata::DatedTable<ObligationRule> table_;
};

// SEHK's days as HKSCC's deadlines count them, from the calendar (the shell builds it).
//   trading day     SEHK trades, a half day included
//   settlement day  HKSCC settles (not a half day, not a weather non-settlement day)
//   business day    a trading day or a settlement day [D: CCASS's business days are not
//                   published apart from the trading calendar]
struct HkBusinessCalendar {
  std::vector<Date> trading_days;
  std::vector<Date> settlement_days;
  std::vector<Date> business_days;

  bool is_trading_day(Date date) const;
  bool is_settlement_day(Date date) const;
  Result<Date> next_trading_day(Date date) const;
  Result<Date> previous_trading_day(Date date) const;
  Result<Date> next_business_day(Date date) const;
  // The n-th business day of date's month (n ≥ 1).
  Result<Date> business_day_of_month(Date date, int n) const;
  // Weekdays after `date` before the next trading day: the H of a holiday.
  Result<int64_t> holiday_weekdays_after(Date date) const;
};

struct GuaranteeFundInputs {
  std::optional<Decimal> contribution_hkd;  // on a review day
  Decimal expected_uncollateralised_loss_hkd;
  bool fund_at_limit = false;
  Decimal fund_limit_hkd;       // gf.limit
  Decimal risk_share_of_limit;  // gf.risk_collateral_share_of_limit, 50 %
};

struct ObligationInputs {
  std::string participant;
  Date date;
  const ObligationSchedule* schedule = nullptr;
  const HkBusinessCalendar* calendar = nullptr;
  const MarginFigures* day_end = nullptr;
  int64_t rounding_hkd = 1;        // margin.rounding on the date (1 before the VaR)
  Decimal collateral_on_hand_hkd;  // what the participant has already paid in
  Decimal settlement_money_hkd;    // net contract value settling on the date
  // The MTM requirement at the 11:00 prices, when they were imported for the date.
  std::optional<Decimal> intraday_mtm_requirement_hkd;
  Decimal intraday_tolerance_hkd;
  std::optional<GuaranteeFundInputs> guarantee_fund;
};

struct Obligation {
  std::string id;  // participant:date:kind
  ObligationKind kind = ObligationKind::kDayEndMtmAndMargin;
  Decimal amount_hkd;
  PaymentChannel channel = PaymentChannel::kDirectDebit;
  Date deadline_date;
  TimeOfDay deadline_hkt;
  std::string report;
  Date report_date;
  TimeOfDay report_hkt;
  std::string basis;  // how the amount was worked out, in words with its figures
};

// The obligations arising on inputs.date with an amount above zero, in the order of the
// schedule. Errors: a rule or a calendar day missing.
Result<std::vector<Obligation>> obligations_of_day(const ObligationInputs& inputs);

}  // namespace cp::risk
