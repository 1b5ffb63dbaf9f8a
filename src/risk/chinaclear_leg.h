// The ChinaClear leg (G14 §4.4 fn 59): HKSCC collects ChinaClear's marks and margin in CNY,
// converting the HKD figures with an FX haircut of the base haircut plus a 1 % buffer
// (chinaclear.fx_haircut_base [NC: the guide's example 3 %, notified monthly], and
// chinaclear.fx_haircut_buffer 1 % [H]). Requirements are marked up (G14 §4.7):
//   CNY = HKD ÷ (HKD per CNY) × (1 + haircut), rounded up to the fen [D]
// The margin converted is the net margin after credit (favourable MTM already offset in HKD).
#pragma once

#include "core/decimal.h"
#include "risk/margin.h"

namespace cp::risk {

struct ChinaClearLeg {
  Decimal hkd_per_cny;
  Decimal haircut;  // base + buffer, ratio
  Decimal margin_cny;
  Decimal mtm_requirement_cny;
  Decimal total_cny;
};

// REQUIRES: hkd_per_cny > 0; 0 ≤ haircut < 1.
ChinaClearLeg chinaclear_leg(const MarginFigures& figures, const Decimal& hkd_per_cny,
                             const Decimal& haircut);

}  // namespace cp::risk
