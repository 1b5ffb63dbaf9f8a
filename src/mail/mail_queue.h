// Mail that leaves the request (issue 14 finding 7): a message is queued and sent by a thread of
// its own, so the answer to a request never waits for the SMTP relay, and the time it takes says
// nothing about whether a message was sent (a password-reset link for a login that exists). In
// memory and bounded: what is still queued when the process is killed is lost, and the user
// asks again (a durable outbox in the database is issue 20's).
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

#include "mail/mailer.h"

namespace cp::mail {

class MailQueue {
 public:
  // Sends through `mailer` (which must outlive the queue); `on_failure` hears of each message
  // the relay refused, with the error only (never the message: it may carry a reset link).
  MailQueue(Mailer& mailer, size_t capacity, std::function<void(const Error&)> on_failure);
  MailQueue(const MailQueue&) = delete;
  MailQueue& operator=(const MailQueue&) = delete;
  // Sends what is still queued, then stops.
  ~MailQueue();

  // Queues one message; kConflict when `capacity` messages already wait (nothing is queued).
  Result<void> enqueue(Message message);
  // Waits until every message queued so far has been tried (tests, and an orderly stop).
  void drain();

 private:
  void run();

  Mailer& mailer_;
  const size_t capacity_;
  std::function<void(const Error&)> on_failure_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Message> waiting_;
  size_t sending_ = 0;
  bool stopping_ = false;
  std::thread thread_;  // last: started once everything above is ready
};

}  // namespace cp::mail
