#include "support/server_process.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <thread>

namespace cp::testing {

ServerProcess::~ServerProcess() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
  }
}

std::string ServerProcess::start(const std::string& db_url,
                                 const std::vector<std::string>& extra_args,
                                 const std::vector<std::string>& serve_args) {
  int out[2];
  if (::pipe(out) != 0) return "pipe failed";
  pid_ = ::fork();
  if (pid_ < 0) return "fork failed";
  if (pid_ == 0) {
    ::dup2(out[1], STDOUT_FILENO);
    ::close(out[0]);
    const std::string data = std::string(CONNECTPOST_SOURCE_DIR) + "/data";
    std::vector<std::string> args = {binary_, "--log-level", "warn", "--db", db_url};
    if (std::find(extra_args.begin(), extra_args.end(), "--data-dir") == extra_args.end()) {
      args.insert(args.end(), {"--data-dir", data});
    }
    if (std::find(extra_args.begin(), extra_args.end(), "--catalog-dir") == extra_args.end()) {
      args.insert(args.end(), {"--catalog-dir", std::string(CONNECTPOST_SOURCE_DIR) + "/catalog"});
    }
    args.insert(args.end(), extra_args.begin(), extra_args.end());
    for (const char* tail : {"serve", "--listen", "127.0.0.1:0"}) args.emplace_back(tail);
    args.insert(args.end(), serve_args.begin(), serve_args.end());
    std::vector<char*> argv;
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    ::execv(binary_.c_str(), argv.data());
    ::_exit(127);
  }
  ::close(out[1]);
  FILE* stream = ::fdopen(out[0], "r");
  char line[256] = {};
  const bool read = std::fgets(line, sizeof line, stream) != nullptr;
  std::fclose(stream);
  const std::string text(line);
  const size_t colon = text.rfind(':');
  if (!read || text.rfind("listening on http", 0) != 0 || colon == std::string::npos) {
    return "the server did not start: '" + text + "'";
  }
  port_ = static_cast<uint16_t>(std::stoi(text.substr(colon + 1)));
  return "";
}

bool ServerProcess::running() {
  if (pid_ <= 0) return false;
  int status = 0;
  if (::waitpid(pid_, &status, WNOHANG) == pid_) {
    pid_ = -1;
    return false;
  }
  return true;
}

int ServerProcess::stop() {
  if (pid_ <= 0) return -1;
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

}  // namespace cp::testing
