// Replaying one channel's trading day from an event file: every order checked (order_check.h),
// the quota balance and the RMB frozen for buy orders after each event, VCM triggers and
// cooling-off windows. The day's reference rates are the published ones (CLR-15), passed in:
// the quota converts at the rate trading.quota.fx_rate_basis names, buys freeze at the
// reference sell rate (reference_rates.h).
//
// events.csv := header, then one row per event in time order:
//   time      HH:MM:SS (HKT); never earlier than the row before
//   event     order | cancel | trade | reject | price
//   order_id  order: new and unique; cancel, trade, reject: an order of this file
//   security  five-digit code in the securities master (order, price)
//   side      buy | sell (order); for price: empty = a market trade at that price,
//             buy = the best bid, sell = the best ask
//   price     HKD, at most 3 decimals (order: limit price; trade: execution price; price: the
//             price). A market price before 09:00 is the previous close.
//   quantity  shares (order: ordered; trade: executed)
//   type      optional column: alo | elo (at-auction limit, enhanced limit); empty = the phase's
//   account   optional column: the investor's account (order). With it, every order names its
//             account and is checked against the permission registry's standing of the account
//             on the channel that day (SUIT, SUIT-6); without it, the replay checks the market's
//             rules only and says so. The old per-order `permission` column is refused: the
//             permission is the registry's, not the file's.
// The whole file is checked before the replay starts: a bad row stops it with file:line:field.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "calendar/southbound_calendar.h"
#include "core/csv.h"
#include "refdata/refdata.h"
#include "trading/order_check.h"
#include "trading/reference_rates.h"

namespace cp::trading {

enum class EventKind { kOrder, kCancel, kTrade, kReject, kPrice };
const char* event_kind_name(EventKind kind);

struct ReplayEvent {
  int64_t line = 0;
  int at_s = 0;
  EventKind kind = EventKind::kOrder;
  std::string order_id;
  std::string security;
  std::optional<Side> side;
  std::optional<Decimal> price;
  int64_t quantity = 0;
  std::optional<OrderType> type;
  std::string account;  // an order's investor, when the file has the column
};

// The events of a file, and whether it names the investors (its `account` column).
struct ReplayEvents {
  std::vector<ReplayEvent> events;
  bool names_accounts = false;
};

Result<ReplayEvents> read_events(CsvReader& reader, const refdata::SecurityMaster& master,
                                 Date date);

struct ReplayLine {
  const ReplayEvent* event = nullptr;
  std::string outcome;  // accepted | rejected | applied
  std::string rule;
  std::string message;
  Decimal quota_balance_rmb;
  Decimal frozen_rmb;  // RMB frozen for the file's buy orders after the event (CLR-15)
};

struct VcmLine {
  std::string security;
  VcmTrigger trigger;
};

struct ReplayReport {
  Date date;
  Channel channel = Channel::kShanghai;
  ReferenceRates rates;
  Decimal quota_rate;  // RMB per HKD: the reference rate trading.quota.fx_rate_basis names
  Decimal quota_start_rmb;
  std::vector<ReplayLine> lines;
  std::vector<VcmLine> vcm;
  int64_t accepted = 0;
  int64_t rejected = 0;
  bool investor_checks = false;  // the orders were checked against the registry (SUIT, SUIT-6)
};

// Each account's standing on the channel that day (order_check.h); an account not in it holds no
// permission.
using Standings = std::map<std::string, Standing, std::less<>>;

// Runs the day. REQUIRES: `day` is the Southbound calendar day of `date` on `channel`.
// `standings` is read when `events` names accounts.
Result<ReplayReport> replay_day(const ReplayEvents& events, const refdata::RefData& refdata,
                                const calendar::DayInfo& day, Channel channel,
                                const ReferenceRates& rates, const Standings& standings);

}  // namespace cp::trading
