// What the settlement-day entries of the EOD read back from a trade date's stored run: its
// journal entries, CSDC's nets with their STL-2 dates, and its portfolio fees (CLR-3, STL-2).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/market.h"
#include "ledger/journal.h"
#include "store/database.h"

namespace cp::store {

// The trade date's "TRADES:<account>:<channel>" entries of one channel, each entry's postings in
// the order written.
Result<std::vector<std::vector<ledger::Posting>>> trades_entries_of(Database& db, Date trade_date,
                                                                    Channel channel);

struct StoredCsdcNet {
  MoneyKind reserve = MoneyKind::kClient;
  Decimal net_rmb;  // positive: the broker pays
  Date flow_date;   // its STL-2 payable or receivable date
};
Result<std::vector<StoredCsdcNet>> csdc_nets_with_dates(Database& db, Date trade_date,
                                                        Channel channel);

struct StoredFees {
  MoneyKind reserve = MoneyKind::kClient;
  Date collection_date;
  Decimal fee_rmb;  // Σ over the reserve's investors
};
Result<std::vector<StoredFees>> portfolio_fees_of(Database& db, Date business_date,
                                                  Channel channel);

// A trade date's investor money of one channel as its run stored it, with the settlement date it
// planned and the one now in force (CLR-18).
struct PendingSettlement {
  Date trade_date;
  Channel channel = Channel::kShanghai;
  Date planned_date;
  Date settlement_date;
};
// The (trade date, channel) pairs of runs before `before_run` whose investors' settlement date,
// planned or current, falls after `after`.
Result<std::vector<PendingSettlement>> pending_settlements(Database& db, Date before_run,
                                                           Date after);

// A run's portfolio fees of one channel and the date they are to be collected on.
struct PendingFeeCollection {
  Date business_date;
  Channel channel = Channel::kShanghai;
  Date collection_date;
};
// The (business date, channel, collection date) of the portfolio fees that runs before
// `before_run` charged for collection after `after`.
Result<std::vector<PendingFeeCollection>> pending_fee_collections(Database& db, Date before_run,
                                                                  Date after);
// Moves a run's portfolio-fee collection on a channel to the date now in force (the fee is
// collected with the trading money, 第22条; a closure moves both, 第40条).
Result<void> move_fee_collection(Database& db, Date business_date, Channel channel,
                                 Date collection_date);

// Moves a trade date's settlement on a channel to the dates now in force: the investors'
// clearing date, and CSDC's payable and receivable dates (seed 002 附件4 第40条).
Result<void> move_settlement(Database& db, Date trade_date, Channel channel, Date payable_date,
                             Date receivable_date);

struct SettlementDelay {
  Date trade_date;
  Channel channel = Channel::kShanghai;
  std::string account_id;
  Decimal net_rmb;
  Date planned_date;
  Date settlement_date;
  std::string reason;
};
// The investors of a trade date on a channel, with their money, for a delay notice.
Result<std::vector<SettlementDelay>> investors_of(Database& db, Date trade_date, Channel channel);
// Writes a run's delay notices (migration 0031), in its transaction.
Result<void> write_delays(Database& db, Date business_date,
                          const std::vector<SettlementDelay>& delays);

}  // namespace cp::store
