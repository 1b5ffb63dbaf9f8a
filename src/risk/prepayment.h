// Prepayment (SPEC MO-5; seed 001 Part B): on a settlement day the shares allocated to a
// participant with a CNS receivable are on hold until its money is paid; paying before the
// day's direct debit releases them at once. For SEHK trades a prepayment by CHATS must be
// completed by 15:30, by "Others" (funds in HKSCC's bank) by 14:45 (prepayment.sehk.* in
// data/risk_parameters.csv); the China Connect cut-offs (18:00) are Northbound.
//
// For the long positions settling on the day and the payments against the day's SEHK trades
// money: once the payments made by their method's cut-off reach the amount, every allocation is
// released at the moment the last of them arrived (a prepayment); otherwise, if the money is
// paid by the direct debit's deadline (17:45), they are released then; otherwise they stay on
// hold.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/decimal.h"

namespace cp::risk {

enum class PaymentMethod { kDirectDebit, kChats, kOthers };
const char* payment_method_code(PaymentMethod method);
Result<PaymentMethod> parse_payment_method(std::string_view code);

struct Allocation {
  std::string security;
  int64_t quantity = 0;  // shares receivable, > 0
};

struct DayPayment {
  Decimal amount_hkd;
  PaymentMethod method = PaymentMethod::kDirectDebit;
  TimeOfDay received_hkt;  // on the settlement day
};

struct PrepaymentRules {
  TimeOfDay chats_cutoff_hkt;    // 15:30
  TimeOfDay others_cutoff_hkt;   // 14:45
  TimeOfDay debit_deadline_hkt;  // the SEHK trades money's deadline, 17:45
};

enum class ReleaseState { kReleasedByPrepayment, kReleasedBySettlement, kOnHold };
const char* release_state_code(ReleaseState state);

struct Release {
  std::string security;
  int64_t quantity = 0;
  ReleaseState state = ReleaseState::kOnHold;
  std::optional<TimeOfDay> released_hkt;
};

// REQUIRES: payments on the settlement day, in the order they arrived.
std::vector<Release> share_releases(const std::vector<Allocation>& allocations,
                                    const Decimal& money_due_hkd,
                                    const std::vector<DayPayment>& payments,
                                    const PrepaymentRules& rules);

}  // namespace cp::risk
