#include "trading/order_check.h"

#include "trading/auction.h"

namespace cp::trading {
namespace {

Verdict reject(const char* rule, std::string message) {
  return Verdict{false, rule, std::move(message)};
}

std::string band_text(const Decimal& reference, const Decimal& band) {
  const Decimal one = Decimal::from_int(1);
  return format_price(reference * (one - band)) + " to " + format_price(reference * (one + band));
}

}  // namespace

Verdict check_order(const OrderRequest& order, const SecurityDay& security, const DayRules& rules,
                    QuotaTracker& quota) {
  const std::string channel(channel_code(rules.channel));
  if (order.standing && !order.standing->permitted) {
    return reject("SUIT", "the investor has no Southbound permission for the " + channel +
                              " channel (SUIT-1, SUIT-2)");
  }
  if (order.standing && order.side == Side::kBuy && !order.standing->buys_refused.empty()) {
    return reject("SUIT-6", order.standing->buys_refused);
  }
  const Phase phase = phase_at(order.at_s, rules.shape);
  if (!accepts_input(phase)) {
    return reject("SESSION", std::string("no order input at ") + clock_text(order.at_s) + " (" +
                                 phase_name(phase) + ")");
  }
  const OrderType expected = order_type_for(phase);
  if (order.type && *order.type != expected) {
    return reject("SESSION", std::string(order_type_name(*order.type)) +
                                 " orders are not taken in " + phase_name(phase) + "; use " +
                                 order_type_name(expected));
  }
  if (security.eligibility == Eligibility::kNotEligible) {
    return reject(
        "TRD-1", security.code + " is not eligible for Southbound: " + security.eligibility_reason);
  }
  if (security.eligibility == Eligibility::kSellOnly && order.side == Side::kBuy) {
    return reject("TRD-2", security.code + " is sell-only: " + security.eligibility_reason);
  }

  // TRD-6: board lots. Odd lots are sold only, through the odd-lot system in continuous trading.
  if (order.quantity <= 0) return reject("TRD-6", "quantity must be positive");
  const int64_t lot = security.board_lot;
  if (order.quantity % lot != 0) {
    if (order.side == Side::kBuy) {
      return reject("TRD-6", "odd lot: " + std::to_string(order.quantity) +
                                 " is not a multiple of the board lot " + std::to_string(lot) +
                                 "; odd lots can only be sold");
    }
    if (order.quantity > lot) {
      return reject("TRD-6", "sell " + std::to_string(order.quantity - order.quantity % lot) +
                                 " in board lots and the odd " +
                                 std::to_string(order.quantity % lot) + " separately");
    }
    if (!is_continuous(phase)) {
      return reject("TRD-6", std::string("odd lots are not taken in ") + phase_name(phase));
    }
  }
  if (order.quantity / lot > rules.max_board_lots) {
    return reject("TRD-6", std::to_string(order.quantity / lot) +
                               " board lots exceed the maximum " +
                               std::to_string(rules.max_board_lots));
  }
  if (!rules.ticks.on_tick(order.price_milli)) {
    const int64_t tick = rules.ticks.tick_milli(order.price_milli);
    return reject("TRD-6",
                  tick == 0 ? "price " + order.price.to_string() + " is outside the spread table"
                            : "price " + order.price.to_string() + " is not on the " +
                                  Decimal::from_units(tick, 3).normalized().to_string() + " tick");
  }

  if (phase == Phase::kPreOpenInput && rules.opening_band && security.previous_close &&
      !within_band(order.price, *security.previous_close, *rules.opening_band)) {
    return reject("POS", "pre-opening price must be within " +
                             band_text(*security.previous_close, *rules.opening_band) +
                             " (previous close " + security.previous_close->to_string() + ")");
  }

  if (is_closing_auction(phase)) {
    if (!security.cas_covered) {
      return reject("TRD-5", security.code + " is not in the closing auction");
    }
    if (!security.cas_reference) {
      return reject("TRD-5", "no closing-auction reference price for " + security.code);
    }
    if (rules.closing_band &&
        !within_band(order.price, *security.cas_reference, *rules.closing_band)) {
      return reject("TRD-5", "closing-auction price must be within " +
                                 band_text(*security.cas_reference, *rules.closing_band) +
                                 " (reference " + security.cas_reference->to_string() + ")");
    }
    if (phase == Phase::kCasNoCancel) {
      const auto range = no_cancel_range(security.cas_input_end_bid, security.cas_input_end_ask);
      if (range && (order.price < range->low || order.price > range->high)) {
        const char* at = rules.shape.half_day ? "12:06" : "16:06";
        return reject("TRD-5", std::string("from ") + at + " the price must lie between " +
                                   range->low.to_string() + " and " + range->high.to_string() +
                                   " (the book at " + at + ": highest bid " +
                                   security.cas_input_end_bid->to_string() + ", lowest ask " +
                                   security.cas_input_end_ask->to_string() + ")");
      }
    }
  }

  if (const VcmTrigger* cooling = security.vcm.cooling_off_at(order.at_s)) {
    if (order.price < cooling->lower || order.price > cooling->upper) {
      return reject("TRD-4", "VCM cooling-off until " + clock_text(cooling->until_s) +
                                 ": price must be within " + format_price(cooling->lower) + " to " +
                                 format_price(cooling->upper));
    }
  }

  if (order.side == Side::kBuy) {
    if (!quota.can_buy(phase)) {
      return reject("TRD-3", "the " + channel + " daily quota is used up (balance RMB " +
                                 quota.balance_rmb().round(2, Rounding::kHalfUp).to_string() + ")");
    }
    quota.on_buy_accepted(order.price * Decimal::from_int(order.quantity));
    quota.observe(phase);
  }
  return Verdict{};
}

Verdict check_cancel(int at_s, const DayRules& rules) {
  const Phase phase = phase_at(at_s, rules.shape);
  if (!accepts_cancel(phase)) {
    return reject("SESSION", std::string("no cancellation at ") + clock_text(at_s) + " (" +
                                 phase_name(phase) + ")");
  }
  return Verdict{};
}

}  // namespace cp::trading
