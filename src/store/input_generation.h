// The EOD's input generation (migration 0033): a counter every change to what an EOD run reads
// adds one to, in the change's own transaction. A run notes it when its snapshot begins and
// compares under the write lock before it writes (eod/eod_run.cpp): equal, nothing it read has
// changed; different, it computes again.
#pragma once

#include <cstdint>

#include "store/database.h"

namespace cp::store {

// Call inside the transaction that changes an EOD input: imports, calendar and fee additions,
// an EOD run's results (they are later runs' inputs).
Result<void> bump_eod_input_generation(Database& db);

// The generation as the current transaction sees it. With `lock`, the row is locked until the
// transaction ends (PostgreSQL FOR UPDATE; SQLite's write transaction already excludes writers),
// so no change can commit between the comparison and the run's writes.
Result<int64_t> eod_input_generation(Database& db, bool lock);

}  // namespace cp::store
