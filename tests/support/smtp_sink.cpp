#include "support/smtp_sink.h"

#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include "support/http_client.h"

namespace cp::testing {
namespace {

// A port the kernel says is free now (the sink binds it a moment later).
uint16_t free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t length = sizeof address;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(fd);
  return ntohs(address.sin_port);
}

}  // namespace

SmtpSink::~SmtpSink() {
  if (pid_ > 0) {
    ::kill(pid_, SIGTERM);
    ::waitpid(pid_, nullptr, 0);
  }
}

std::string SmtpSink::start(const std::filesystem::path& dir) {
  maildir_ = dir / "maildir";
  std::filesystem::create_directories(
      dir);  // aiosmtpd creates the maildir itself, with tmp/new/cur
  port_ = free_port();
  pid_ = ::fork();
  if (pid_ < 0) return "fork failed";
  if (pid_ == 0) {
    const std::string listen = "127.0.0.1:" + std::to_string(port_);
    // /usr/bin/python3: Debian's, where python3-aiosmtpd is installed (stack-notes).
    ::execl("/usr/bin/python3", "/usr/bin/python3", "-u", "-m", "aiosmtpd", "-n", "-l",
            listen.c_str(), "-c", "aiosmtpd.handlers.Mailbox", maildir_.c_str(),
            static_cast<char*>(nullptr));
    ::_exit(127);
  }
  for (int i = 0; i < 100; ++i) {  // ready when it accepts a connection
    const int fd = connect_to(port_);
    if (fd >= 0) {
      ::close(fd);
      return "";
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return "the SMTP sink did not start on port " + std::to_string(port_);
}

std::vector<std::string> SmtpSink::messages(size_t at_least) const {
  std::vector<std::string> out;
  for (int i = 0; i < 50; ++i) {
    std::vector<std::filesystem::path> files;
    if (std::filesystem::exists(maildir_ / "new")) {
      for (const auto& entry : std::filesystem::directory_iterator(maildir_ / "new")) {
        files.push_back(entry.path());
      }
    }
    std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) {
      return std::filesystem::last_write_time(a) < std::filesystem::last_write_time(b);
    });
    out.clear();
    for (const auto& file : files) {
      std::ifstream in(file);
      std::stringstream text;
      text << in.rdbuf();
      out.push_back(text.str());
    }
    if (out.size() >= at_least) return out;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return out;
}

}  // namespace cp::testing
