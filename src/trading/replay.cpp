#include "trading/replay.h"

#include <map>
#include <set>

#include "trading/auction.h"

namespace cp::trading {
namespace {

struct OrderState {
  const ReplayEvent* event = nullptr;
  bool accepted = false;
  bool done = false;  // filled, cancelled or rejected
  int64_t filled = 0;
};

Result<int> parse_clock(std::string_view text) {
  CP_ASSIGN_OR_RETURN(TimeOfDay time, TimeOfDay::parse(text));
  return time.seconds_since_midnight();
}

}  // namespace

const char* event_kind_name(EventKind kind) {
  switch (kind) {
    case EventKind::kOrder:
      return "order";
    case EventKind::kCancel:
      return "cancel";
    case EventKind::kTrade:
      return "trade";
    case EventKind::kReject:
      return "reject";
    case EventKind::kPrice:
      return "price";
  }
  return "order";
}

Result<ReplayEvents> read_events(CsvReader& reader, const refdata::SecurityMaster& master,
                                 Date date) {
  CP_RETURN_IF_ERROR(reader.require_columns(
      {"time", "event", "order_id", "security", "side", "price", "quantity"}));
  const size_t time_col = *reader.column("time");
  const size_t event_col = *reader.column("event");
  const size_t id_col = *reader.column("order_id");
  const size_t security_col = *reader.column("security");
  const size_t side_col = *reader.column("side");
  const size_t price_col = *reader.column("price");
  const size_t quantity_col = *reader.column("quantity");
  const auto type_col = reader.column("type");
  const auto account_col = reader.column("account");
  if (reader.column("permission").ok()) {
    Error error = invalid_input(
        "the permission column is gone: name each order's investor in an account column; the "
        "permission is the registry's (investor grant, import permissions)",
        "permission");
    error.file = reader.file_name();
    error.line = 1;
    return error;
  }

  ReplayEvents out;
  out.names_accounts = account_col.ok();
  std::vector<ReplayEvent>& events = out.events;
  std::set<std::string, std::less<>> order_ids;
  CsvRecord record;
  int last_time = -1;
  while (true) {
    CP_ASSIGN_OR_RETURN(bool more, reader.next(record));
    if (!more) break;
    ReplayEvent event;
    event.line = record.line();
    auto fail = [&](size_t col, const std::string& message) {
      return reader.field_error(record, col, message);
    };
    auto time = parse_clock(record[time_col]);
    if (!time.ok()) return fail(time_col, time.error().message);
    if (*time < last_time) {
      return fail(time_col, "events are out of time order: " + std::string(record[time_col]) +
                                " comes after " + clock_text(last_time));
    }
    event.at_s = last_time = *time;
    const std::string_view kind = record[event_col];
    if (kind == "order") {
      event.kind = EventKind::kOrder;
    } else if (kind == "cancel") {
      event.kind = EventKind::kCancel;
    } else if (kind == "trade") {
      event.kind = EventKind::kTrade;
    } else if (kind == "reject") {
      event.kind = EventKind::kReject;
    } else if (kind == "price") {
      event.kind = EventKind::kPrice;
    } else {
      return fail(event_col, "event must be order, cancel, trade, reject or price, not '" +
                                 std::string(kind) + "'");
    }
    event.order_id = std::string(record[id_col]);
    event.security = std::string(record[security_col]);
    const bool needs_order = event.kind != EventKind::kPrice;
    if (needs_order && event.order_id.empty()) return fail(id_col, "order_id required");
    if (event.kind == EventKind::kOrder && !order_ids.insert(event.order_id).second) {
      return fail(id_col, "order " + event.order_id + " appears twice");
    }
    if (needs_order && event.kind != EventKind::kOrder && !order_ids.count(event.order_id)) {
      return fail(id_col, "no earlier order " + event.order_id);
    }
    if (event.kind == EventKind::kOrder || event.kind == EventKind::kPrice) {
      if (auto known = master.on(event.security, date); !known.ok()) {
        return fail(security_col, known.error().message);
      }
    }
    if (!record[side_col].empty()) {
      auto side = parse_side(record[side_col]);
      if (!side.ok()) return fail(side_col, side.error().message);
      event.side = *side;
    } else if (event.kind == EventKind::kOrder) {
      return fail(side_col, "side required (buy or sell)");
    }
    const bool needs_price = event.kind == EventKind::kOrder || event.kind == EventKind::kTrade ||
                             event.kind == EventKind::kPrice;
    if (needs_price || !record[price_col].empty()) {
      auto price = Decimal::parse(record[price_col]);
      if (!price.ok()) return fail(price_col, price.error().message);
      if (price->sign() <= 0) return fail(price_col, "price must be positive");
      if (!to_milli(*price)) {
        return fail(price_col,
                    "price " + price->to_string() + " has more decimals than any tick (at most 3)");
      }
      event.price = *price;
    }
    if (event.kind == EventKind::kOrder || event.kind == EventKind::kTrade) {
      auto quantity = Decimal::parse(record[quantity_col], 0);
      if (!quantity.ok() || quantity->sign() <= 0 || quantity->units() > 1'000'000'000'000) {
        return fail(quantity_col, "quantity must be a positive whole number of shares");
      }
      event.quantity = static_cast<int64_t>(quantity->units());
    }
    if (type_col.ok() && !record[*type_col].empty()) {
      if (record[*type_col] == "alo") {
        event.type = OrderType::kAtAuctionLimit;
      } else if (record[*type_col] == "elo") {
        event.type = OrderType::kEnhancedLimit;
      } else {
        return fail(*type_col, "type must be alo or elo");
      }
    }
    if (account_col.ok() && event.kind == EventKind::kOrder) {
      event.account = std::string(record[*account_col]);
      if (event.account.empty() || event.account.size() > 40) {
        return fail(*account_col, "an order names its investor's account (1 to 40 characters)");
      }
    }
    events.push_back(std::move(event));
  }
  return out;
}

Result<ReplayReport> replay_day(const ReplayEvents& events, const refdata::RefData& refdata,
                                const calendar::DayInfo& day, Channel channel,
                                const ReferenceRates& rates, const Standings& standings) {
  const Date date = day.date;
  const auto& params = refdata.parameters;
  const std::string ch(channel_code(channel));

  DayRules rules;
  rules.channel = channel;
  rules.shape.half_day = day.half_day;
  if (auto band = params.ratio("trading.opening_auction_band", date); band.ok()) {
    rules.opening_band = *band;
  }
  if (auto band = params.ratio("trading.closing_auction_band", date); band.ok()) {
    rules.closing_band = *band;
  }
  rules.shape.closing_auction = rules.closing_band.has_value();
  CP_ASSIGN_OR_RETURN(rules.max_board_lots, params.integer("trading.max_order_board_lots", date));
  CP_ASSIGN_OR_RETURN(const auto* spread, refdata.spread_table.version_on(date));
  rules.ticks = TickLadder::from(*spread);

  ReplayReport report;
  report.date = date;
  report.channel = channel;
  report.rates = rates;
  CP_ASSIGN_OR_RETURN(std::string basis_text, params.text("trading.quota.fx_rate_basis", date));
  CP_ASSIGN_OR_RETURN(QuotaRateBasis basis, parse_quota_rate_basis(basis_text));
  report.quota_rate = quota_rate(rates, basis);
  CP_ASSIGN_OR_RETURN(Money quota_start, params.money("southbound.daily_quota." + ch, date));
  report.quota_start_rmb = quota_start.amount();
  QuotaTracker quota(quota_start.amount(), report.quota_rate);
  // CLR-15: each buy order's frozen RMB, by order id, and their sum. An order freezes its value
  // at its limit; a cancellation or an SEHK rejection frees the unfilled part; executions keep
  // it frozen until the EOD's pre-clearing (CLR-14).
  std::map<std::string, Decimal, std::less<>> frozen_by_order;
  Decimal frozen_rmb;
  auto freeze = [&](const ReplayEvent& placed, int64_t shares) {
    Decimal& frozen = frozen_by_order[placed.order_id];
    const Decimal now = frozen_for_buy(*placed.price * Decimal::from_int(shares), rates);
    frozen_rmb += now - frozen;
    frozen = now;
  };

  // VCM scope and parameters of the day (2016 version: HSI/HSCEI; 2020: by HSCI size).
  auto vcm_rules_for = [&](const refdata::SecurityRecord& security) -> Result<VcmRules> {
    VcmRules vcm;
    if (auto band = params.ratio("trading.vcm_band.hsi_hscei", date); band.ok()) {
      vcm.covered = security.hsi_hscei;
      vcm.band = *band;
    } else {
      const char* size = refdata::size_category_code(security.hsci_size);
      if (auto sized = params.ratio(std::string("trading.vcm_band.") + size + "_cap", date);
          sized.ok()) {
        vcm.covered = true;
        vcm.band = *sized;
      }
    }
    if (!vcm.covered) return vcm;
    CP_ASSIGN_OR_RETURN(int64_t lookback,
                        params.integer("trading.vcm.reference_lookback_minutes", date));
    CP_ASSIGN_OR_RETURN(int64_t cooling, params.integer("trading.vcm.cooling_off_minutes", date));
    CP_ASSIGN_OR_RETURN(int64_t start, params.integer("trading.vcm.start_exclusion_minutes", date));
    CP_ASSIGN_OR_RETURN(int64_t end, params.integer("trading.vcm.end_exclusion_minutes", date));
    vcm.lookback_s = static_cast<int>(lookback * 60);
    vcm.cooling_off_s = static_cast<int>(cooling * 60);
    vcm.start_exclusion_s = static_cast<int>(start * 60);
    vcm.end_exclusion_s = static_cast<int>(end * 60);
    return vcm;
  };
  auto cas_covered = [&](const refdata::SecurityRecord& security) {
    if (!rules.shape.closing_auction) return false;
    if (security.kind == refdata::SecurityKind::kEtf) return true;
    if (security.ah_venue != refdata::AhVenue::kNone) return true;
    if (security.hsci_size == refdata::SizeCategory::kLarge ||
        security.hsci_size == refdata::SizeCategory::kMid) {
      return true;
    }
    auto small = params.boolean("trading.closing_auction.smallcap_covered", date);
    return security.hsci_size == refdata::SizeCategory::kSmall && small.ok() && *small;
  };

  std::map<std::string, SecurityDay, std::less<>> securities;
  std::map<std::string, std::array<std::optional<Decimal>, 5>, std::less<>> snapshots;
  auto security_day = [&](const std::string& code) -> Result<SecurityDay*> {
    if (auto found = securities.find(code); found != securities.end()) return &found->second;
    CP_ASSIGN_OR_RETURN(const auto* entry, refdata.securities.on(code, date));
    CP_ASSIGN_OR_RETURN(
        EligibilityResult eligible,
        eligibility({refdata.securities, params, refdata.exclusions}, code, channel, date));
    CP_ASSIGN_OR_RETURN(VcmRules vcm, vcm_rules_for(entry->row));
    SecurityDay state{code,
                      entry->row.board_lot,
                      eligible.status,
                      eligible.reason,
                      cas_covered(entry->row),
                      VcmMonitor(vcm, rules.shape),
                      std::nullopt,
                      std::nullopt,
                      std::nullopt,
                      std::nullopt,
                      std::nullopt,
                      std::nullopt};
    return &securities.emplace(code, std::move(state)).first->second;
  };

  const auto snapshot_times = cas_snapshot_times(rules.shape);
  size_t next_snapshot = 0;
  bool book_at_input_end = false;
  std::map<std::string, OrderState, std::less<>> orders;

  report.investor_checks = events.names_accounts;
  for (const ReplayEvent& event : events.events) {
    // CAS nominal-price snapshots at or before each 15-second mark (auction.h).
    while (next_snapshot < snapshot_times.size() && snapshot_times[next_snapshot] < event.at_s) {
      for (auto& [code, state] : securities) {
        snapshots[code][next_snapshot] = nominal_price(
            state.vcm.last_price_at(snapshot_times[next_snapshot]), state.best_bid, state.best_ask);
      }
      if (++next_snapshot == snapshot_times.size()) {
        for (auto& [code, state] : securities) {
          state.cas_reference = cas_reference_price(snapshots[code], state.previous_close);
        }
      }
    }

    // TRD-5: the no-cancellation period's limits are the book as order input ended; an event
    // stamped at that second already belongs to the new period (auction.h no_cancel_range).
    const Phase phase = phase_at(event.at_s, rules.shape);
    if (!book_at_input_end && phase == Phase::kCasNoCancel) {
      book_at_input_end = true;
      for (auto& [code, state] : securities) {
        state.cas_input_end_bid = state.best_bid;
        state.cas_input_end_ask = state.best_ask;
      }
    }

    quota.observe(phase);
    ReplayLine line;
    line.event = &event;
    line.outcome = "applied";
    switch (event.kind) {
      case EventKind::kPrice: {
        CP_ASSIGN_OR_RETURN(SecurityDay * state, security_day(event.security));
        if (event.side == Side::kBuy) {
          state->best_bid = event.price;
        } else if (event.side == Side::kSell) {
          state->best_ask = event.price;
        } else if (event.at_s < hms(9, 0)) {
          state->previous_close = event.price;
        } else if (auto trigger = state->vcm.on_trade(event.at_s, *event.price)) {
          report.vcm.push_back({event.security, *trigger});
          line.rule = "TRD-4";
          line.message = "VCM triggered by " + trigger->trigger_price.to_string() + ": reference " +
                         trigger->reference.to_string() + ", cooling-off until " +
                         clock_text(trigger->until_s);
        }
        break;
      }
      case EventKind::kOrder: {
        CP_ASSIGN_OR_RETURN(SecurityDay * state, security_day(event.security));
        OrderRequest request{
            event.at_s, *event.side, *event.price, *to_milli(*event.price), event.quantity,
            event.type, {}};
        if (events.names_accounts) {
          const auto standing = standings.find(event.account);
          request.standing = standing != standings.end() ? standing->second : Standing{};
        }
        const Verdict verdict = check_order(request, *state, rules, quota);
        line.outcome = verdict.accepted ? "accepted" : "rejected";
        line.rule = verdict.rule;
        line.message = verdict.message;
        orders[event.order_id] = OrderState{&event, verdict.accepted, !verdict.accepted, 0};
        ++(verdict.accepted ? report.accepted : report.rejected);
        if (verdict.accepted && event.side == Side::kBuy) freeze(event, event.quantity);
        break;
      }
      case EventKind::kCancel: {
        OrderState& order = orders.at(event.order_id);
        if (!order.accepted || order.done) {
          line.outcome = "rejected";
          line.message = "order " + event.order_id + " has nothing left to cancel";
          ++report.rejected;
          break;
        }
        const Verdict verdict = check_cancel(event.at_s, rules);
        line.outcome = verdict.accepted ? "accepted" : "rejected";
        line.rule = verdict.rule;
        line.message = verdict.message;
        ++(verdict.accepted ? report.accepted : report.rejected);
        if (verdict.accepted) {
          order.done = true;
          if (order.event->side == Side::kBuy) {
            quota.on_buy_released(*order.event->price *
                                  Decimal::from_int(order.event->quantity - order.filled));
            freeze(*order.event, order.filled);
          }
        }
        break;
      }
      case EventKind::kReject: {
        OrderState& order = orders.at(event.order_id);
        if (!order.accepted || order.done) {
          return invalid_input("line " + std::to_string(event.line) + ": order " + event.order_id +
                               " is not open, SEHK cannot reject it");
        }
        order.done = true;
        line.message = "rejected by SEHK";
        if (order.event->side == Side::kBuy) {
          quota.on_buy_released(*order.event->price *
                                Decimal::from_int(order.event->quantity - order.filled));
          freeze(*order.event, order.filled);
        }
        break;
      }
      case EventKind::kTrade: {
        OrderState& order = orders.at(event.order_id);
        const ReplayEvent& placed = *order.event;
        if (!order.accepted || order.done || event.quantity > placed.quantity - order.filled) {
          return invalid_input("line " + std::to_string(event.line) + ": order " + event.order_id +
                               " has no open " + std::to_string(event.quantity) +
                               " shares to execute");
        }
        const bool buy = placed.side == Side::kBuy;
        if (buy ? *event.price > *placed.price : *event.price < *placed.price) {
          return invalid_input("line " + std::to_string(event.line) + ": execution price " +
                               event.price->to_string() + " is beyond the order's limit " +
                               placed.price->to_string());
        }
        order.filled += event.quantity;
        order.done = order.filled == placed.quantity;
        const Decimal shares = Decimal::from_int(event.quantity);
        if (buy) {
          quota.on_buy_improvement((*placed.price - *event.price) * shares);
        } else {
          quota.on_sell_executed(*event.price * shares);
        }
        CP_ASSIGN_OR_RETURN(SecurityDay * state, security_day(placed.security));
        state->vcm.record_trade(event.at_s, *event.price);
        line.message =
            "executed " + std::to_string(event.quantity) + " at " + event.price->to_string();
        break;
      }
    }
    line.quota_balance_rmb = quota.balance_rmb();
    line.frozen_rmb = frozen_rmb;
    report.lines.push_back(std::move(line));
  }
  return report;
}

}  // namespace cp::trading
