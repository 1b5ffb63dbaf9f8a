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
  std::string reserve;
  Decimal net_rmb;  // positive: the broker pays
  Date flow_date;   // its STL-2 payable or receivable date
};
Result<std::vector<StoredCsdcNet>> csdc_nets_with_dates(Database& db, Date trade_date,
                                                        Channel channel);

struct StoredFees {
  std::string reserve;
  Date collection_date;
  Decimal fee_rmb;  // Σ over the reserve's investors
};
Result<std::vector<StoredFees>> portfolio_fees_of(Database& db, Date business_date,
                                                  Channel channel);

}  // namespace cp::store
