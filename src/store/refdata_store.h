// Stores the reference data set (refdata/refdata.h) in the database.
#pragma once

#include "refdata/refdata.h"
#include "store/database.h"

namespace cp::store {

// Replaces every stored parameter with `data`'s, in one transaction. Returns the rows stored.
Result<int64_t> replace_reference_data(Database& db, const refdata::RefData& data,
                                       const std::string& loaded_at);
// The number of parameter rows stored.
Result<int64_t> count_parameters(Database& db);

}  // namespace cp::store
