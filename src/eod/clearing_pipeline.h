// The clearing of a day on two threads (issue 15 §3): the calling thread computes each
// execution's figures (DayClearing::clear_next) while a second thread takes the results, in
// their order, to the caller's `take` (the segment encoder) and to the digest. At ten million
// executions the two halves cost about the same, and this machine has two cores.
//
// The results go over in batches: a batch is filled, handed over, and comes back empty to be
// filled again, with at most a few in flight, so memory stays a few megabytes whatever the day.
// The outcome is the sequential loop's, byte for byte: one taker, in order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>

#include "clearing/client_clearing.h"
#include "eod/day_pipeline.h"

namespace cp::eod {

using TakeResult = std::function<void(const clearing::ExecutionResult&)>;
using ClearedSoFar = std::function<void(int64_t cleared)>;

// Clears every execution of `clearing`, passing each result to `take` and the digest on a second
// thread, and `cleared` (on the calling thread) every `batch_rows` results. An exception on
// either thread stops both and is rethrown here. REQUIRES: batch_rows > 0.
void clear_on_two_threads(DayClearing& clearing, const TakeResult& take,
                          const ClearedSoFar& cleared, size_t batch_rows = 4096);

}  // namespace cp::eod
