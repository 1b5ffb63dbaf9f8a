#include "risk/prepayment.h"

namespace cp::risk {

const char* payment_method_code(PaymentMethod method) {
  switch (method) {
    case PaymentMethod::kDirectDebit:
      return "direct_debit";
    case PaymentMethod::kChats:
      return "chats";
    case PaymentMethod::kOthers:
      return "others";
  }
  return "?";
}

Result<PaymentMethod> parse_payment_method(std::string_view code) {
  for (auto method : {PaymentMethod::kDirectDebit, PaymentMethod::kChats, PaymentMethod::kOthers}) {
    if (code == payment_method_code(method)) return method;
  }
  return invalid_input("is not direct_debit, chats or others", "method");
}

const char* release_state_code(ReleaseState state) {
  switch (state) {
    case ReleaseState::kReleasedByPrepayment:
      return "released_by_prepayment";
    case ReleaseState::kReleasedBySettlement:
      return "released_by_settlement";
    case ReleaseState::kOnHold:
      return "on_hold";
  }
  return "?";
}

std::vector<Release> share_releases(const std::vector<Allocation>& allocations,
                                    const Decimal& money_due_hkd,
                                    const std::vector<DayPayment>& payments,
                                    const PrepaymentRules& rules) {
  // A prepayment counts only when it arrived by its method's cut-off; a direct debit is the
  // day's normal settlement, not a prepayment.
  Decimal prepaid;
  std::optional<TimeOfDay> prepaid_at;
  Decimal by_deadline;
  for (const DayPayment& p : payments) {
    const bool in_cutoff =
        (p.method == PaymentMethod::kChats && p.received_hkt <= rules.chats_cutoff_hkt) ||
        (p.method == PaymentMethod::kOthers && p.received_hkt <= rules.others_cutoff_hkt);
    if (in_cutoff) {
      prepaid += p.amount_hkd;
      if (!prepaid_at && prepaid >= money_due_hkd) prepaid_at = p.received_hkt;
    }
    if (p.received_hkt <= rules.debit_deadline_hkt) by_deadline += p.amount_hkd;
  }
  std::vector<Release> out;
  for (const Allocation& a : allocations) {
    Release r{a.security, a.quantity, ReleaseState::kOnHold, std::nullopt};
    if (prepaid_at) {
      r.state = ReleaseState::kReleasedByPrepayment;
      r.released_hkt = prepaid_at;
    } else if (by_deadline >= money_due_hkd) {
      r.state = ReleaseState::kReleasedBySettlement;
      r.released_hkt = rules.debit_deadline_hkt;
    }
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace cp::risk
