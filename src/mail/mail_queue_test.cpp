#include "mail/mail_queue.h"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <thread>
#include <vector>

namespace cp::mail {
namespace {

// A relay that holds every message until the test opens it, like one that is slow to answer.
class GatedMailer final : public Mailer {
 public:
  Result<void> send(const Message& message) override {
    ++entered_;
    gate_.wait();
    const std::lock_guard lock(mutex_);
    sent_.push_back(message.to);
    if (message.to == "refused@example.com") return make_error(ErrorCode::kInternal, "550");
    return Ok{};
  }
  Result<void> check() override { return Ok{}; }
  void open() { opened_.set_value(); }
  // Waits until the queue's thread is inside send() `count` times.
  void wait_entered(int count) {
    while (entered_.load() < count) std::this_thread::yield();
  }
  std::vector<std::string> sent() {
    const std::lock_guard lock(mutex_);
    return sent_;
  }

 private:
  std::promise<void> opened_;
  std::shared_future<void> gate_ = opened_.get_future().share();
  std::atomic<int> entered_ = 0;
  std::mutex mutex_;
  std::vector<std::string> sent_;
};

TEST(MailQueue, EnqueueReturnsWhileTheRelayIsStillBusy) {
  GatedMailer relay;
  std::atomic<int> failures = 0;
  MailQueue queue(relay, 2, [&](const Error&) { ++failures; });
  // The relay holds the first message: enqueue has returned all the same.
  ASSERT_TRUE(queue.enqueue({"a@example.com", "s", "t"}).ok());
  relay.wait_entered(1);
  // Two more wait behind it; a fourth finds the queue at its capacity of 2.
  ASSERT_TRUE(queue.enqueue({"refused@example.com", "s", "t"}).ok());
  ASSERT_TRUE(queue.enqueue({"c@example.com", "s", "t"}).ok());
  const Result<void> full = queue.enqueue({"d@example.com", "s", "t"});
  ASSERT_FALSE(full.ok());
  EXPECT_EQ(full.error().code, ErrorCode::kConflict);
  EXPECT_TRUE(relay.sent().empty());  // nothing got through the closed gate
  relay.open();
  queue.drain();
  EXPECT_EQ(relay.sent(),
            (std::vector<std::string>{"a@example.com", "refused@example.com", "c@example.com"}));
  EXPECT_EQ(failures.load(), 1);  // the relay refused one, and the queue said so
}

TEST(MailQueue, StoppingSendsWhatIsQueued) {
  GatedMailer relay;
  relay.open();
  {
    MailQueue queue(relay, 10, nullptr);
    for (const char* to : {"a@example.com", "b@example.com", "c@example.com"}) {
      ASSERT_TRUE(queue.enqueue({to, "s", "t"}).ok());
    }
  }
  EXPECT_EQ(relay.sent(),
            (std::vector<std::string>{"a@example.com", "b@example.com", "c@example.com"}));
}

}  // namespace
}  // namespace cp::mail
