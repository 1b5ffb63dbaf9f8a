#include "risk/chinaclear_leg.h"

namespace cp::risk {
namespace {

Decimal to_cny(const Decimal& hkd, const Decimal& hkd_per_cny, const Decimal& haircut) {
  // Divide last, once, at the fen rounded up: the requirement is never understated.
  return divide(hkd * (Decimal::from_int(1) + haircut), hkd_per_cny, 2, Rounding::kCeiling);
}

}  // namespace

ChinaClearLeg chinaclear_leg(const MarginFigures& figures, const Decimal& hkd_per_cny,
                             const Decimal& haircut) {
  CP_ASSERT(hkd_per_cny.sign() > 0, "a positive rate");
  CP_ASSERT(!haircut.is_negative() && haircut < Decimal::from_int(1), "a haircut in [0, 1)");
  ChinaClearLeg leg;
  leg.hkd_per_cny = hkd_per_cny;
  leg.haircut = haircut;
  leg.margin_cny = to_cny(figures.net_margin_after_credit_hkd, hkd_per_cny, haircut);
  leg.mtm_requirement_cny = to_cny(figures.mtm_requirement_hkd, hkd_per_cny, haircut);
  leg.total_cny = leg.margin_cny + leg.mtm_requirement_cny;
  return leg;
}

}  // namespace cp::risk
