// `connectpost serve` started as a real process on a free loopback port for a test, and stopped
// by its PID (SIGTERM, then SIGKILL if a test left it running).
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

namespace cp::testing {

class ServerProcess {
 public:
  ServerProcess() = default;
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;
  ~ServerProcess();

  // Starts the server on `db_url` with the shipped data (or a --data-dir among `extra_args`,
  // global options placed before "serve"; `serve_args` after it) and waits for its "listening"
  // line (http or https).
  // Returns an empty string, or what went wrong.
  std::string start(const std::string& db_url, const std::vector<std::string>& extra_args = {},
                    const std::vector<std::string>& serve_args = {});
  uint16_t port() const { return port_; }
  // Runs `binary` from the next start on, instead of the process tests' connectpost (the
  // hostile-input tests run the sanitized build's).
  void use_binary(std::string binary) { binary_ = std::move(binary); }
  // Whether the process is still running (it has not exited or been killed by a signal).
  bool running();
  // SIGTERM, then waits up to 10 s; the exit status, or -1 if it did not exit.
  int stop();

 private:
  pid_t pid_ = -1;
  uint16_t port_ = 0;
  std::string binary_ = CONNECTPOST_TEST_BIN;
};

}  // namespace cp::testing
