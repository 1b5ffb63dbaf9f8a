// CSDC's non-trade transfers in the database (migration 0047; SPEC CLR-10; issue 17 item 6):
// statements of fact like the corporate actions' (store/ca_store.h) — an import adds what is new,
// passes over what is stored as it is, and refuses, whole file, a row that says something else
// about a transfer already stored.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "corpactions/non_trade_transfer.h"
#include "store/database.h"
#include "store/import_store.h"

namespace cp::store {

Result<ImportCounts> import_non_trade_transfers(
    Database& db, const std::vector<corpactions::NonTradeTransfer>& transfers,
    const std::string& file);

// The transfers cleared after `after` and on or before `through`, on `channel` (every channel
// when unset), by clearing date and id.
Result<std::vector<corpactions::NonTradeTransfer>> non_trade_transfers_between(
    Database& db, std::optional<Channel> channel, Date after, Date through);

}  // namespace cp::store
