// What the CLR-11 transfer of a settlement day reads from earlier runs and imports, and where
// its instructions are kept (migration 0028). The EOD stage decides; this file only reads and
// writes rows.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "clearing/funds_transfer.h"
#include "core/date.h"
#include "core/market.h"
#include "store/database.h"

namespace cp::store {

struct ReserveBalance {
  Date balance_date;
  Decimal balance_rmb;
};

// The channel's reserve balances (client, own) at the latest imported date on or before `date`.
Result<std::map<MoneyKind, ReserveBalance>> reserve_balances_on_or_before(Database& db,
                                                                          Channel channel,
                                                                          Date date);

// A trade date's CSDC nets per reserve as its EOD run stored them. `ran` is false when no EOD
// run of that date is stored; `has_executions` says whether the channel had trades that day.
struct StoredNets {
  bool ran = false;
  bool has_executions = false;
  std::map<MoneyKind, Decimal> net_rmb_by_reserve;
};
Result<StoredNets> csdc_nets_of(Database& db, Date trade_date, Channel channel);

// Portfolio fees that runs before `before_run` charged for collection on `collection_date`, per
// reserve (CLR-6: several days' fees can be collected on one settlement day).
Result<std::map<MoneyKind, Decimal>> portfolio_fees_collected_on(Database& db, Channel channel,
                                                                 Date collection_date,
                                                                 Date before_run);

// The risk funds due at the latest settlement day before `settlement_date` that a run before
// `before_run` instructed, per reserve: the requirement S's replaces. A reserve absent from
// that day's instructions had none (the stage writes every reserve with a term).
Result<std::map<MoneyKind, Decimal>> risk_funds_at_previous_settlement(Database& db,
                                                                       Channel channel,
                                                                       Date settlement_date,
                                                                       Date before_run);

// The business date of the latest stored EOD run; none yet: empty.
Result<std::optional<Date>> latest_eod_run_date(Database& db);

// Writes a run's instructions with their trade dates. Call in the run's transaction, after
// deleting the date's earlier rows.
Result<void> write_transfers(Database& db, Date business_date,
                             const std::vector<clearing::TransferInstruction>& instructions);

// The stored instructions of one run (`by_settlement_date` false: `date` is the run's business
// date) or for one settlement day (true: the latest run that instructed it), by channel,
// settlement day and reserve, with their trade dates.
Result<std::vector<clearing::TransferInstruction>> load_transfers(Database& db, Date date,
                                                                  bool by_settlement_date);

// The reserve balances after CSDC's 10:30 and 18:00 batches of `date` (import reserve-checks),
// by channel and reserve; a batch not given reads as zero.
struct ReserveCheck {
  Channel channel = Channel::kShanghai;
  MoneyKind reserve = MoneyKind::kClient;
  Decimal after_1030_rmb;
  Decimal after_1800_rmb;
};
Result<std::vector<ReserveCheck>> reserve_checks_of(Database& db, Date date);

struct ReissueRow {
  Channel channel = Channel::kShanghai;
  MoneyKind reserve = MoneyKind::kClient;
  clearing::TransferReissue reissue;
};
// Writes a run's reissued transfers (migration 0030), in its transaction.
Result<void> write_reissues(Database& db, Date business_date, const std::vector<ReissueRow>& rows);

}  // namespace cp::store
