// `connectpost serve` as a real process on loopback: health, metrics, keep-alive, the request
// size limit, and a graceful stop on SIGTERM with an idle connection still open. The test stops
// what it started by PID.
#include <arpa/inet.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <thread>

#include "support/backend_test.h"

namespace cp {
namespace {

using ::testing::HasSubstr;

// A connected socket to 127.0.0.1:port, or -1.
int connect_to(uint16_t port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return -1;
  }
  timeval timeout{10, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  return fd;
}

void send_all(int fd, const std::string& data) {
  size_t sent = 0;
  while (sent < data.size()) {
    const ssize_t n = ::send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return;  // the server may close early (413): what it answered is still read
    sent += static_cast<size_t>(n);
  }
}

// Reads one response: headers, then Content-Length bytes of body.
std::string read_response(int fd) {
  std::string data;
  char buffer[4096];
  size_t body_start = std::string::npos;
  size_t length = 0;
  while (true) {
    if (body_start == std::string::npos) {
      body_start = data.find("\r\n\r\n");
      if (body_start != std::string::npos) {
        body_start += 4;
        const size_t at = data.find("Content-Length: ");
        length = at == std::string::npos ? 0 : std::stoul(data.substr(at + 16));
      }
    }
    if (body_start != std::string::npos && data.size() >= body_start + length) return data;
    const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) return data;
    data.append(buffer, static_cast<size_t>(n));
  }
}

class ServeTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    int out[2];
    ASSERT_EQ(::pipe(out), 0);
    pid_ = ::fork();
    ASSERT_GE(pid_, 0);
    if (pid_ == 0) {
      ::dup2(out[1], STDOUT_FILENO);
      ::close(out[0]);
      const std::string db = scratch_->url();
      const std::string data = std::string(CONNECTPOST_SOURCE_DIR) + "/data";
      ::execl(CONNECTPOST_TEST_BIN, CONNECTPOST_TEST_BIN, "--log-level", "warn", "--db", db.c_str(),
              "--data-dir", data.c_str(), "serve", "--listen", "127.0.0.1:0",
              static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::close(out[1]);
    FILE* stream = ::fdopen(out[0], "r");
    char line[256] = {};
    ASSERT_NE(std::fgets(line, sizeof line, stream), nullptr) << "the server did not start";
    const std::string text(line);
    ASSERT_THAT(text, HasSubstr("listening on http://127.0.0.1:"));
    port_ = static_cast<uint16_t>(std::stoi(text.substr(text.rfind(':') + 1)));
    std::fclose(stream);
  }

  void TearDown() override {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);  // only if a test left it running
      ::waitpid(pid_, nullptr, 0);
    }
  }

  // Sends SIGTERM and waits up to 10 s; returns the exit status (-1 if it did not exit).
  int stop() {
    ::kill(pid_, SIGTERM);
    for (int i = 0; i < 100; ++i) {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return -1;
  }

  std::string get(const std::string& path) {
    const int fd = connect_to(port_);
    send_all(fd, "GET " + path + " HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n");
    const std::string response = read_response(fd);
    ::close(fd);
    return response;
  }

  pid_t pid_ = -1;
  uint16_t port_ = 0;
};

TEST_P(ServeTest, AnswersHealthAndCountsItInMetrics) {
  const std::string health = get("/healthz");
  EXPECT_THAT(health, HasSubstr("HTTP/1.1 200 OK"));
  EXPECT_THAT(health, HasSubstr(R"({"status":"ok"})"));
  EXPECT_THAT(health, HasSubstr("x-frame-options: DENY"));  // names as the app sets them
  EXPECT_THAT(get("/nowhere"), HasSubstr("HTTP/1.1 404"));
  const std::string metrics = get("/metrics");
  EXPECT_THAT(metrics, HasSubstr("route=\"/healthz\",status=\"200\"} 1"));
  EXPECT_THAT(metrics, HasSubstr("route=\"unmatched\",status=\"404\"} 1"));
  EXPECT_EQ(stop(), 0);
}

TEST_P(ServeTest, KeepsAConnectionAliveForSeveralRequests) {
  const int fd = connect_to(port_);
  ASSERT_GE(fd, 0);
  for (int i = 0; i < 3; ++i) {
    send_all(fd, "GET /healthz HTTP/1.1\r\nHost: test\r\n\r\n");
    EXPECT_THAT(read_response(fd), HasSubstr("HTTP/1.1 200 OK")) << "request " << i;
  }
  ::close(fd);
  EXPECT_EQ(stop(), 0);
}

TEST_P(ServeTest, RefusesABodyOverTheLimit) {
  const int fd = connect_to(port_);
  const std::string body(2 << 20, 'x');  // 2 MiB against the 1 MiB limit
  send_all(fd, "POST /healthz HTTP/1.1\r\nHost: test\r\nContent-Length: " +
                   std::to_string(body.size()) + "\r\n\r\n" + body);
  EXPECT_THAT(read_response(fd), HasSubstr("HTTP/1.1 413"));
  ::close(fd);
  EXPECT_THAT(get("/healthz"), HasSubstr("200 OK"));  // the server carries on
  EXPECT_EQ(stop(), 0);
}

TEST_P(ServeTest, StopsOnSigtermEvenWithAnIdleConnectionOpen) {
  const int idle = connect_to(port_);
  ASSERT_GE(idle, 0);
  send_all(idle, "GET /healthz HTTP/1.1\r\nHost: test\r\n\r\n");
  EXPECT_THAT(read_response(idle), HasSubstr("200 OK"));  // now idle, kept alive
  const auto started = std::chrono::steady_clock::now();
  EXPECT_EQ(stop(), 0);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
  char byte = 0;
  EXPECT_EQ(::recv(idle, &byte, 1, 0), 0);  // the server closed it
  ::close(idle);
  EXPECT_LT(connect_to(port_), 0);  // and no longer listens
}

CP_INSTANTIATE_ON_BOTH_BACKENDS(ServeTest);

}  // namespace
}  // namespace cp
