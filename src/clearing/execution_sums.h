// The figures of a cleared execution that follow from its others by sums alone (SPEC CLR-2,
// CLR-4, CLR-5; the formulas in client_clearing.h): the clearing computes them with these, and
// a reader of stored results derives them with the same ones, since the stored results keep
// only the figures that take a rounding (store/execution_segments.h).
#pragma once

#include "core/decimal.h"
#include "core/market.h"

namespace cp::clearing {

// What CSDC settles: the consideration plus the fees on a buy, less them on a sell.
inline Decimal csdc_hkd_of(Side side, const Decimal& consideration_hkd, const Decimal& fees_hkd) {
  return side == Side::kBuy ? consideration_hkd + fees_hkd : consideration_hkd - fees_hkd;
}

// What the investor pays or receives: CSDC's amount plus the commission on a buy, less it on a
// sell.
inline Decimal investor_hkd_of(Side side, const Decimal& csdc_hkd, const Decimal& commission_hkd) {
  return side == Side::kBuy ? csdc_hkd + commission_hkd : csdc_hkd - commission_hkd;
}

// The commission in RMB as the difference of the two rounded RMB amounts, so that what the
// investor pays equals what CSDC and the broker receive, to the fen.
inline Decimal commission_rmb_of(Side side, const Decimal& investor_rmb, const Decimal& csdc_rmb) {
  return side == Side::kBuy ? investor_rmb - csdc_rmb : csdc_rmb - investor_rmb;
}

}  // namespace cp::clearing
