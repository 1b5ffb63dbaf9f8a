// The fees and taxes of one execution, exactly as HKSCC charges CSDC (SPEC CLR-4): each line
// computed on the execution's consideration and rounded by its own rule (fee_schedule.h). Both
// sides pay the same lines. Stamp duty is rounded per execution: whether CSDC rounds per
// execution or per contract note is not confirmed (research §1.3); docs/fees.md.
#pragma once

#include <array>

#include "refdata/fee_schedule.h"

namespace cp::clearing {

struct FeeLine {
  refdata::FeeCode code;
  Decimal amount_hkd;  // at the line's scale (2 decimals; stamp duty whole dollars)
};

struct FeeBreakdown {
  std::array<FeeLine, 6> lines;  // in kFeeCodes order; a line not in force is 0.00
  Decimal total_hkd;
};

// The day's fee rules, resolved once for a batch of executions.
class DayFees {
 public:
  static DayFees for_date(const refdata::FeeSchedule& schedule, Date date);
  FeeBreakdown compute(const Decimal& consideration_hkd, bool etf) const {
    FeeBreakdown breakdown;
    compute_into(consideration_hkd, etf, breakdown);
    return breakdown;
  }
  // The same into `breakdown` (the clearing's per-execution result, filled in place).
  void compute_into(const Decimal& consideration_hkd, bool etf, FeeBreakdown& breakdown) const;

 private:
  std::array<std::optional<refdata::FeeRule>, 6> rules_;
};

}  // namespace cp::clearing
