// The counter's requests stored (issue 18; migration 0055; investors/counter.h): filed, listed
// and decided. The routes check who may decide and run the rules; this file refuses a second
// pending request per account, channel and kind, and a decision on a request no longer pending.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/market.h"
#include "investors/counter.h"
#include "store/database.h"

namespace cp::store {

struct CounterRequestRow {
  int64_t request_id = 0;
  std::string firm_id;
  investors::CounterKind kind = investors::CounterKind::kOpen;
  std::string account_id;
  Channel channel = Channel::kShanghai;
  investors::CounterState state = investors::CounterState::kPending;
  std::string note;              // the maker's: the documents seen at the counter
  std::string agreement_sha256;  // an opening: the agreement version signed
  std::string filed_by;          // "user:<id>"
  std::string filed_at;          // UTC text
  std::string decided_by;
  std::string decided_at;
  std::string reason;   // a rejection's
  std::string outcome;  // JSON: the assessment or the closing check the approval ran
};

// Stores a pending request and returns it with its id. Refuses (kConflict) while the same
// account, channel and kind has one pending, naming it.
Result<CounterRequestRow> file_counter_request(Database& db, const CounterRequestRow& request);

// The firm's request `request_id`; none for another firm's, as for one that does not exist.
Result<std::optional<CounterRequestRow>> counter_request(Database& db, const std::string& firm_id,
                                                         int64_t request_id);

// The firm's requests, newest first, at most `limit`.
Result<std::vector<CounterRequestRow>> counter_requests(Database& db, const std::string& firm_id,
                                                        int64_t limit);

// Writes the decision (state, decided_by, decided_at, reason, outcome) of a request still
// pending; kConflict when it is not any more.
Result<void> decide_counter_request(Database& db, const CounterRequestRow& decided);

}  // namespace cp::store
