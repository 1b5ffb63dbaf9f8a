// Stores checked input files (clearing/input_files.h) in one transaction each: everything or
// nothing. Importing the same rows again changes nothing; a key seen before with different
// content is refused, naming the file line, unless `replace` is set (prices and rates can be
// corrected; executions never are).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "clearing/input_files.h"
#include "store/database.h"

namespace cp::store {

struct ImportCounts {
  int64_t inserted = 0;
  int64_t unchanged = 0;
  int64_t replaced = 0;
};

// Accounts are reference data of the broker: a changed row updates the stored one.
Result<ImportCounts> import_accounts(Database& db, const std::vector<clearing::AccountRow>& rows,
                                     const std::string& file);
Result<ImportCounts> import_executions(Database& db, const clearing::ExecutionFile& parsed,
                                       const std::string& file);
Result<ImportCounts> import_prices(Database& db, const std::vector<clearing::ClosingPrice>& rows,
                                   const std::string& file, bool replace);
Result<ImportCounts> import_fx(Database& db, const std::vector<clearing::FxRates>& rows,
                               const std::string& file, bool replace);
// The rates of `channel` on `date` as imported; none when no rates were imported for them.
Result<std::optional<clearing::FxRates>> fx_rates_of(Database& db, Date date, Channel channel);

// Positions are a statement of a date: re-importing a date replaces all its rows. A reserve
// balance replaces the stored one of its date, channel and reserve account only, so the
// Shanghai and Shenzhen statements can arrive in separate files.
Result<ImportCounts> import_positions(Database& db, const std::vector<clearing::PositionRow>& rows,
                                      const std::string& file);
Result<ImportCounts> import_reserves(Database& db,
                                     const std::vector<clearing::ReserveBalance>& rows,
                                     const std::string& file);

// The broker's bank deposits per money kind (CLR-17); a balance replaces its date's and kind's.
Result<ImportCounts> import_bank(Database& db, const std::vector<clearing::BankBalance>& rows,
                                 const std::string& file);

Result<ImportCounts> import_cash(Database& db, const std::vector<clearing::CashRow>& rows,
                                 const std::string& file);
Result<ImportCounts> import_reserve_checks(Database& db,
                                           const std::vector<clearing::ReserveCheck>& rows,
                                           const std::string& file);

}  // namespace cp::store
