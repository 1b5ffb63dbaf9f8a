#include "mail/mail_queue.h"

namespace cp::mail {

MailQueue::MailQueue(Mailer& mailer, size_t capacity, std::function<void(const Error&)> on_failure)
    : mailer_(mailer),
      capacity_(capacity),
      on_failure_(std::move(on_failure)),
      thread_([this] { run(); }) {}

MailQueue::~MailQueue() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

Result<void> MailQueue::enqueue(Message message) {
  {
    const std::lock_guard lock(mutex_);
    if (waiting_.size() >= capacity_) {
      return make_error(ErrorCode::kConflict, "the outgoing mail queue is full");
    }
    waiting_.push_back(std::move(message));
  }
  changed_.notify_all();
  return Ok{};
}

void MailQueue::drain() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [this] { return waiting_.empty() && sending_ == 0; });
}

void MailQueue::run() {
  std::unique_lock lock(mutex_);
  while (true) {
    changed_.wait(lock, [this] { return stopping_ || !waiting_.empty(); });
    if (waiting_.empty()) return;  // stopping, and nothing left to send
    Message message = std::move(waiting_.front());
    waiting_.pop_front();
    ++sending_;
    lock.unlock();
    const Result<void> sent = mailer_.send(message);
    if (!sent.ok() && on_failure_) on_failure_(sent.error());
    lock.lock();
    --sending_;
    changed_.notify_all();
  }
}

}  // namespace cp::mail
