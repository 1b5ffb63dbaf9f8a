#include "eod/clearing_pipeline.h"

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include "core/assert.h"

namespace cp::eod {
namespace {

using Batch = std::vector<clearing::ExecutionResult>;

// Full batches on their way to the taker, emptied ones on their way back.
class Handoff {
 public:
  static constexpr size_t kInFlight = 4;  // full batches waiting at most

  // The producer's: waits for room; false if the taker has stopped.
  bool give(Batch& batch) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return full_.size() < kInFlight || taker_stopped_; });
    if (taker_stopped_) return false;
    full_.push_back(std::move(batch));
    batch = Batch();
    if (!empty_.empty()) {
      batch = std::move(empty_.back());
      empty_.pop_back();
    }
    changed_.notify_all();
    return true;
  }
  void producer_done() {
    std::lock_guard lock(mutex_);
    producer_done_ = true;
    changed_.notify_all();
  }
  // The taker's: the next full batch, or false once the producer is done and none is left.
  bool take(Batch& batch) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return !full_.empty() || producer_done_; });
    if (full_.empty()) return false;
    batch = std::move(full_.front());
    full_.pop_front();
    changed_.notify_all();
    return true;
  }
  void give_back(Batch batch) {
    batch.clear();  // keeps its capacity
    std::lock_guard lock(mutex_);
    empty_.push_back(std::move(batch));
  }
  void taker_stopped() {
    std::lock_guard lock(mutex_);
    taker_stopped_ = true;
    changed_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Batch> full_;
  std::vector<Batch> empty_;
  bool producer_done_ = false;
  bool taker_stopped_ = false;
};

}  // namespace

void clear_on_two_threads(DayClearing& clearing, const TakeResult& take,
                          const ClearedSoFar& cleared, size_t batch_rows) {
  CP_ASSERT(batch_rows > 0, "a batch holds at least one result");
  Handoff handoff;
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
