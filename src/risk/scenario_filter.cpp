#include "risk/scenario_filter.h"

#include "risk/price_history.h"

namespace cp::risk {
namespace {

constexpr int kVarianceScale = 16;
constexpr int kRatioScale = 20;

// UInt128 square root, rounded down (Newton's method from above).
UInt128 isqrt(UInt128 n) {
  if (n < 2) return n;
  UInt128 x = n;
  UInt128 y = (x + 1) / 2;
  while (y < x) {
    x = y;
    y = (x + n / x) / 2;
  }
  return x;
}

std::vector<Decimal> filter(const std::vector<Decimal>& returns, const Decimal& lambda) {
  const Decimal one_less = Decimal::from_int(1) - lambda;
  Decimal sum_of_squares;
  for (const Decimal& r : returns) sum_of_squares += r * r;
  std::vector<Decimal> variances;  // σ²₁ … σ²ₙ₊₁
  variances.reserve(returns.size() + 1);
  variances.push_back(divide(sum_of_squares,
                             Decimal::from_int(static_cast<int64_t>(returns.size())),
                             kVarianceScale, Rounding::kHalfUp));
  for (const Decimal& r : returns) {
    variances.push_back(
        (lambda * variances.back() + one_less * r * r).round(kVarianceScale, Rounding::kHalfUp));
  }
  const Decimal& today = variances.back();
  std::vector<Decimal> out;
  out.reserve(returns.size());
  for (size_t t = 0; t < returns.size(); ++t) {
    if (variances[t].is_zero()) {
      out.push_back(returns[t]);
      continue;
    }
    const Decimal factor =
        sqrt_truncated(divide(today, variances[t], kRatioScale, Rounding::kHalfUp));
    out.push_back((returns[t] * factor).round(kReturnScale, Rounding::kHalfUp));
  }
  return out;
}

}  // namespace

Decimal sqrt_truncated(const Decimal& x) {
  CP_ASSERT(!x.is_negative(), "the root of a non-negative number");
  // At scale 20 the units u stand for u / 10^20, whose root at 10 decimals is ⌊√u⌋ units.
  const Decimal at20 = x.round(kRatioScale, Rounding::kTowardZero);
  return Decimal::from_units(static_cast<Int128>(isqrt(static_cast<UInt128>(at20.units()))), 10);
}

Result<std::vector<Decimal>> filter_returns(const std::vector<Decimal>& returns,
                                            const Decimal& lambda, const std::string& what) {
  CP_ASSERT(lambda.sign() > 0 && lambda <= Decimal::from_int(1), "lambda in (0, 1]");
  if (returns.empty() || lambda == Decimal::from_int(1)) return returns;
  try {
    return filter(returns, lambda);
  } catch (const DecimalOverflow&) {
    return invalid_input(
        "the returns of " + what + " move too far for the scenario filter's variance ratios",
        "price_history");
  }
}

}  // namespace cp::risk
