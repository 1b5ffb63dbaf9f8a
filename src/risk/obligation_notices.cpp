#include "risk/obligation_notices.h"

namespace cp::risk {
namespace {

std::string deadline_text(const Obligation& o) {
  return o.deadline_date.to_string() + " " + o.deadline_hkt.to_string() + " HKT";
}

std::string channel_text(PaymentChannel channel) {
  switch (channel) {
    case PaymentChannel::kChatsPaymentInstruction:
      return "by CHATS payment instruction";
    case PaymentChannel::kChatsOrBankTransfer:
      return "by CHATS or bank transfer";
    case PaymentChannel::kDirectDebit:
      return "by direct debit from the designated bank account";
    case PaymentChannel::kBankTransfer:
      return "by bank transfer";
  }
  return "";
}

std::string link_to(const store::StoredObligation& s) {
  return "/obligations.html#date=" + s.arising_date.to_string();
}

}  // namespace

std::string obligation_title(ObligationKind kind) {
  switch (kind) {
    case ObligationKind::kChinaConnectTradesMoney:
      return "China Connect trades money";
    case ObligationKind::kSehkTradesMoney:
      return "SEHK trades money";
    case ObligationKind::kIntradayMarks:
      return "intraday marks";
    case ObligationKind::kIntradayMstd:
      return "intraday Mainland security deposit";
    case ObligationKind::kIntradayMarginNonSettlementDay:
      return "intraday margin (non-settlement day)";
    case ObligationKind::kIntradayMarginSettlementDay:
      return "intraday margin (settlement day)";
    case ObligationKind::kDayEndMarks:
      return "day-end marks";
    case ObligationKind::kDayEndMargin:
      return "day-end margin";
    case ObligationKind::kDayEndMtmAndMargin:
      return "day-end marks and margin";
    case ObligationKind::kDayEndMstd:
      return "day-end Mainland security deposit";
    case ObligationKind::kMainlandSecurityDeposit:
      return "Mainland security deposit";
    case ObligationKind::kGfContribution:
      return "Guarantee Fund contribution";
    case ObligationKind::kGfRiskCollateral:
      return "Guarantee Fund risk collateral";
  }
  return "obligation";
}

NoticeText report_notice(const store::StoredObligation& s) {
  const Obligation& o = s.obligation;
  NoticeText out;
  out.title = o.report + " issued: " + obligation_title(o.kind) + " of HKD " +
              o.amount_hkd.to_string_grouped() + " due " + deadline_text(o);
  out.body = "HKSCC's report " + o.report + " of " + o.report_date.to_string() + " " +
             o.report_hkt.to_string() + " HKT announces participant " + s.participant + "'s " +
             obligation_title(o.kind) + " of HKD " + o.amount_hkd.to_string_grouped() +
             ", to be paid " + channel_text(o.channel) + " by " + deadline_text(o) + ". " + o.basis;
  out.link = link_to(s);
  return out;
}

NoticeText deadline_reminder(const store::StoredObligation& s) {
  const Obligation& o = s.obligation;
  const Decimal unpaid = o.amount_hkd - s.paid_hkd;
  NoticeText out;
  out.title = "Due by " + o.deadline_hkt.to_string() + " HKT: " + obligation_title(o.kind) +
              ", HKD " + unpaid.to_string_grouped() + " unpaid";
  out.body = "Participant " + s.participant + "'s " + obligation_title(o.kind) + " of HKD " +
             o.amount_hkd.to_string_grouped() + " (" + o.report + ") is due " +
             channel_text(o.channel) + " by " + deadline_text(o) + "; HKD " +
             s.paid_hkd.to_string_grouped() + " has been received, HKD " +
             unpaid.to_string_grouped() +
             " is outstanding. Unpaid at the deadline it becomes an event of default (CCASS "
             "General Rule 3701).";
  out.link = link_to(s);
  return out;
}

NoticeText default_notice(const store::StoredObligation& s) {
  const Obligation& o = s.obligation;
  NoticeText out;
  out.title = "Event of default: " + obligation_title(o.kind) + " of HKD " +
              o.amount_hkd.to_string_grouped() + " unpaid at " + deadline_text(o);
  out.body = out.title +
             " (CCASS General Rule 3701; HKSCC may act under Rules 3702 and 2003). Paid so far: "
             "HKD " +
             s.paid_hkd.to_string_grouped() + ".";
  out.link = link_to(s);
  return out;
}

}  // namespace cp::risk
