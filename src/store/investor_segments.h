// A run's per-investor results as column-packed segments (migration 0034, store/column_codec.h):
// the investors' obligations (eod_investor_segment) and the pre-clearing rows
// (eod_pre_clearing_segment), up to kSegmentRows rows of one business date a segment, in
// account order, each segment with its first and last account beside it. The investors'
// clearing dates are one per trade date and channel (eod_investor_settlement).
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "clearing/client_clearing.h"
#include "core/date.h"
#include "core/market.h"
#include "store/database.h"
#include "store/investor_funds_store.h"

namespace cp::store {

// One investor's obligation of a trade date on one channel, as stored (SPEC CLR-2).
struct StoredInvestorObligation {
  std::string account_id;
  Channel channel = Channel::kShanghai;
  MoneyKind reserve = MoneyKind::kClient;
  int64_t executions = 0;
  Decimal buy_rmb;
  Decimal sell_rmb;
  Decimal net_rmb;  // buy − sell: positive, the investor pays
};

// Stores the investors of `business_date` and the date each channel's investors settle on
// (`settles_on`, for every channel among them). REQUIRES: `investors` ordered by account, then
// channel (clearing::ClearingResult's order); the date's earlier rows deleted
// (delete_investor_results) in the same transaction.
Result<int64_t> write_investor_obligations(
    Database& db, Date business_date, const std::vector<clearing::InvestorObligation>& investors,
    const std::map<Channel, Date>& settles_on);
// The same for stored rows (the migration, tests), in any order.
Result<int64_t> write_investor_obligations(Database& db, Date business_date,
                                           std::vector<StoredInvestorObligation> investors,
                                           const std::map<Channel, Date>& settles_on);

// The investors of `business_date`, or only `account_id`'s when it is not empty, by account and
// then channel. Stops at the first error `each` returns.
using InvestorCallback = std::function<Result<void>(const StoredInvestorObligation&)>;
Result<void> each_investor_obligation(Database& db, Date business_date, std::string_view account_id,
                                      const InvestorCallback& each);

// Stores the pre-clearing of `business_date` (CLR-13, CLR-14). REQUIRES: `rows` ordered by
// account; the date's earlier rows deleted in the same transaction.
Result<int64_t> write_pre_clearing(Database& db, Date business_date,
                                   const std::vector<PreClearingRow>& rows);
// The pre-clearing rows of `business_date` by account. A row's inputs hold what was stored:
// the statement, the fees collected, the portfolio fee and the frozen reference, not the trades.
using PreClearingCallback = std::function<Result<void>(const PreClearingRow&)>;
Result<void> each_pre_clearing(Database& db, Date business_date, const PreClearingCallback& each);

// Deletes the date's investors, their settlement dates and its pre-clearing.
Result<void> delete_investor_results(Database& db, Date business_date);

// Migration 0034's data step: the rows of eod_investor_obligation and eod_pre_clearing become
// segments, and those tables go.
Result<void> pack_investor_tables(Database& db);

}  // namespace cp::store
