// Runs one of tests/browser's flows in Debian's chromium through node, as the browser tests of
// tests/cli/ do: the flow's settings as environment variables (values in single quotes: none may
// hold one), a hard time limit (a hung browser fails the test, not the CI run; `timeout` ends
// node, and with its pipe chromium), the output kept in a log.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace cp::testing {

inline std::string read_text_file(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

struct FlowOutcome {
  int status = -1;     // std::system's
  std::string output;  // the log's text
};

inline FlowOutcome run_browser_flow(const std::string& script,
                                    const std::vector<std::pair<std::string, std::string>>& env,
                                    const std::filesystem::path& log, int limit_seconds) {
  const std::filesystem::path dir =
      std::filesystem::path(CONNECTPOST_SOURCE_DIR) / "tests" / "browser";
  std::string command = "cd '" + dir.string() + "' &&";
  for (const auto& [name, value] : env) command += " " + name + "='" + value + "'";
  command += " timeout --kill-after=10 " + std::to_string(limit_seconds) + " node " + script +
             " >'" + log.string() + "' 2>&1";
  FlowOutcome out;
  out.status = std::system(command.c_str());
  out.output = read_text_file(log);
  return out;
}

}  // namespace cp::testing
