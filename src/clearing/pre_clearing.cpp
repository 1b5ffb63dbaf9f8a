#include "clearing/pre_clearing.h"

namespace cp::clearing {

PreClearing pre_clear(const PreClearingInputs& in) {
  const Decimal zero = Decimal::from_units(0, 2);
  PreClearing out{zero, zero, zero, zero, zero, zero, zero, zero, false, zero, zero};
  for (const auto& money : in.trades) {
    if (money.settlement_date <= in.business_date) {
      out.settled_since_rmb += money.sells_rmb - money.buys_rmb;
    } else {
      out.unsettled_buys_rmb += money.buys_rmb;
      out.unsettled_sells_rmb += money.sells_rmb;
    }
    if (money.trade_date == in.business_date) out.todays_buys_rmb += money.buys_rmb;
  }
  for (const auto& money : in.other_money) {
    if (money.settlement_date <= in.business_date) {
      out.other_settled_since_rmb += money.rmb;
    } else {
      out.other_unsettled_rmb += money.rmb;
    }
  }
  out.cash_rmb = in.cash_statement_rmb + out.settled_since_rmb - in.fees_collected_since_rmb +
                 out.other_settled_since_rmb;
  out.frozen_adjustment_rmb = out.todays_buys_rmb - in.frozen_at_reference_rmb;
  out.available_a_share_rmb =
      out.cash_rmb - out.unsettled_buys_rmb - in.portfolio_fee_rmb + out.other_unsettled_rmb;
  out.available_southbound_rmb = out.available_a_share_rmb + out.unsettled_sells_rmb;
  out.notify = out.available_southbound_rmb.is_negative();
  return out;
}

}  // namespace cp::clearing
