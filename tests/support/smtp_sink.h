// A real SMTP server for mail tests: Debian's python3-aiosmtpd writing each message it receives
// to a maildir, started on a free loopback port and stopped by its PID.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace cp::testing {

class SmtpSink {
 public:
  SmtpSink() = default;
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;
  ~SmtpSink();

  // Starts it with its maildir under `dir`; "" or what went wrong.
  std::string start(const std::filesystem::path& dir);
  std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }
  // The raw messages received so far, oldest first; waits up to 5 s for at least `at_least`.
  std::vector<std::string> messages(size_t at_least = 0) const;
  // The Maildir the messages arrive in (new mail under new/).
  const std::filesystem::path& maildir() const { return maildir_; }

 private:
  pid_t pid_ = -1;
  uint16_t port_ = 0;
  std::filesystem::path maildir_;
};

}  // namespace cp::testing
