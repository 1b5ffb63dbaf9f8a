// Batches handed from one producing thread to one taking thread, in order (issue 15 §3: the EOD's
// clearing and the import's parse each run on two threads). A full batch goes over, and comes
// back emptied, keeping its capacity, to be filled again; at most kInFlight full batches wait,
// so memory stays a few batches whatever the size of the day.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <utility>
#include <vector>

namespace cp {

template <typename Batch>
class BatchHandoff {
 public:
  static constexpr size_t kInFlight = 4;  // full batches waiting at most

  // The producer's: hands `batch` over and leaves an emptied one (or a new one) in its place;
  // waits for room. False, taking nothing, once the taker has stopped.
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
  // The producer's, last: nothing more comes.
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
  // The taker's: a batch it has finished with, to be filled again.
  void give_back(Batch batch) {
    batch.clear();  // keeps its capacity
    std::lock_guard lock(mutex_);
    empty_.push_back(std::move(batch));
  }
  // The taker's, when it fails: the producer's next give() returns false.
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

}  // namespace cp
