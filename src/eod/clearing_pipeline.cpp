#include "eod/clearing_pipeline.h"

#include <exception>
#include <thread>
#include <vector>

#include "core/assert.h"
#include "core/batch_handoff.h"

namespace cp::eod {
namespace {

using Batch = std::vector<clearing::ExecutionResult>;

}  // namespace

void clear_on_two_threads(DayClearing& clearing, const TakeResult& take,
                          const ClearedSoFar& cleared, size_t batch_rows) {
  CP_ASSERT(batch_rows > 0, "a batch holds at least one result");
  BatchHandoff<Batch> handoff;
  std::exception_ptr taker_error;
  std::thread taker([&] {
    try {
      Batch batch;
      while (handoff.take(batch)) {
        for (const clearing::ExecutionResult& r : batch) {
          take(r);
          clearing.record(r);
        }
        handoff.give_back(std::move(batch));
      }
    } catch (...) {
      taker_error = std::current_exception();
      handoff.taker_stopped();
    }
  });
  std::exception_ptr producer_error;
  try {
    Batch batch;
    batch.reserve(batch_rows);
    int64_t count = 0;
    bool taking = true;
    while (const clearing::ExecutionResult* r = clearing.clear_next()) {
      batch.push_back(*r);
      if (batch.size() < batch_rows) continue;
      count += static_cast<int64_t>(batch.size());
      if (!(taking = handoff.give(batch))) break;
      batch.reserve(batch_rows);
      cleared(count);
    }
    if (taking && !batch.empty()) handoff.give(batch);
  } catch (...) {
    producer_error = std::current_exception();
  }
  handoff.producer_done();
  taker.join();
  if (taker_error) std::rethrow_exception(taker_error);
  if (producer_error) std::rethrow_exception(producer_error);
}

}  // namespace cp::eod
