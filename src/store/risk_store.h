// Issue 16's inputs in the database: clearing participants' CNS positions and the closes the
// margin's scenarios read (closing_price, shared with the EOD).
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "risk/cns_positions.h"
#include "risk/obligation_files.h"
#include "risk/price_history.h"
#include "store/database.h"
#include "store/import_store.h"

namespace cp::store {

// Stores a checked cns_positions.csv in one transaction: every (as_of, participant) the file
// names loses its stored rows and gets the file's; importing the same file again changes
// nothing it shows (counts: inserted = the file's rows, replaced = the rows that went).
Result<ImportCounts> import_cns_positions(Database& db, const std::vector<risk::CnsPosition>& rows);

// The positions of `participant` as of `date`, by security and settlement date.
Result<std::vector<risk::CnsPosition>> cns_positions_of(Database& db,
                                                        const std::string& participant, Date date);

// The participants with positions as of `date`, sorted.
Result<std::vector<std::string>> participants_with_positions(Database& db, Date date);

// Adds to `history` every stored close of `securities` from `from` to `to`, both included.
Result<void> read_closes(Database& db, const std::set<std::string>& securities, Date from, Date to,
                         risk::PriceHistory& history);

// The 11:00 prices: each row replaces the stored one of its date and security.
Result<ImportCounts> import_intraday_prices(Database& db,
                                            const std::vector<clearing::ClosingPrice>& rows);
// The 11:00 prices of `date` by security; empty when none were imported.
Result<std::map<std::string, Decimal, std::less<>>> intraday_prices_of(Database& db, Date date);

}  // namespace cp::store
