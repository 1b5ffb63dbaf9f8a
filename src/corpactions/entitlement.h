// Who is entitled, and to what (SPEC CA-2, STL-3; seed 002 附件4 第23、24、31条). The holders are
// the accounts holding the security at the close of the holders' date (the record date; a vote
// without one: CSDC's deadline) — the settled holdings, because a trade's securities move at its
// settlement (T+2, later when a typhoon, half day or holiday moves it): the seller keeps the
// entitlement on the evenings of T and T+1 and the buyer has it from T+2's (STL-3). The shell
// finds those holdings (eod/day_context.h closing_holdings); this file only does arithmetic.
//
// Securities are whole: an entitlement of holding × new ÷ old is rounded down and the fraction
// is not credited (HK practice: fractions are disregarded or sold for the issuer; CSDC credits
// whole securities [D], docs/corpactions.md). What a split, a consolidation or a bonus leaves
// outside whole board lots is the odd lot the investor can sell only in the odd-lot market
// (TRD lots; research/domain-facts.md §2.2).
#pragma once

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/decimal.h"
#include "core/market.h"
#include "corpactions/corporate_action.h"
#include "corpactions/elections.h"

namespace cp::corpactions {

// One account's holding of the event's security at the holders' close.
struct Holder {
  Channel channel = Channel::kShanghai;
  std::string account_id;
  AccountType account_type = AccountType::kIndividual;
  int64_t shares = 0;  // > 0
};

struct Entitlement {
  Channel channel = Channel::kShanghai;
  std::string account_id;
  AccountType account_type = AccountType::kIndividual;
  int64_t holding = 0;  // shares at the holders' close
  // Securities credited: bonus shares or warrants, nil-paid rights, an open offer's maximum
  // take-up; for a split or consolidation the shares after it (they replace `holding`).
  int64_t securities = 0;
  // The part of a security not credited: fraction_numerator ÷ ratio.old_units (0 ≤ it < 1).
  int64_t fraction_numerator = 0;
  // Of the holding after the action, the shares outside whole board lots (bonus, split,
  // consolidation); 0 where the action leaves the holding as it is.
  int64_t odd_lot = 0;
  // Cash per share held × holding, exact, in the event's currency: a dividend's gross, an
  // offer's consideration. Zero where the action pays none.
  Decimal cash_ccy;
  // A vote: the votes the holding carries (one per share).
  int64_t votes = 0;
  // A scrip dividend: the shares filed for scrip (they take `securities` new shares; only the
  // rest takes `cash_ccy`).
  int64_t scrip_elected = 0;
  // A rights issue or open offer: the new shares filed for take-up (CA-3), one per right; the
  // subscription money is for these (dividend.h subscription_money).
  int64_t taken_up = 0;
};

// Per channel and account, a quantity filed for one option (elections.h filed_for).
using FiledQuantities = std::map<std::pair<Channel, std::string>, int64_t>;

// A scrip dividend's shares filed for scrip (CA-3): the prevailing instructions (elections.h
// prevailing) filed against `holders` at the holders' close; an election beyond the holding is
// refused whole and takes cash. Empty for another type.
FiledQuantities scrip_filed(const CorporateAction& action,
                            const std::vector<ElectionInstruction>& prevailing,
                            std::span<const Holder> holders);

// A scrip dividend's new shares for `elected` shares: elected × rate ÷ price (the reference price
// per new share), rounded down — the fraction is disregarded, as bonus fractions are [D].
// REQUIRES: validate(action) is OK for a scrip dividend (rate and price above zero).
int64_t scrip_new_shares(const CorporateAction& action, int64_t elected);

// holding × new ÷ old rounded down, and the remainder's numerator over old.
struct WholeAndFraction {
  int64_t whole = 0;
  int64_t fraction_numerator = 0;
};
WholeAndFraction apply_ratio(int64_t holding, const Ratio& ratio);

// One entitlement per holder, in the holders' order. `board_lot` is the lot the holding is
// counted in after the action (a split's board_lot_after, else the master's). `scrip`: a scrip
// dividend's shares filed for scrip (CA-3); without it every holder takes cash.
// REQUIRES: validate(action) is OK; every holder's shares > 0; board_lot > 0; a filed quantity is
// at most its holding (file_elections refuses more).
std::vector<Entitlement> entitlements(const CorporateAction& action,
                                      std::span<const Holder> holders, int64_t board_lot,
                                      const FiledQuantities* scrip = nullptr);

}  // namespace cp::corpactions
