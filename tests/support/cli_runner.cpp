#include "support/cli_runner.h"

#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace cp::testing {
namespace {

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace

CliOutcome run_cli(const std::filesystem::path& dir, const std::string& db_url,
                   const std::string& args, const std::string& stdin_text) {
  std::ofstream(dir / "stdin.txt") << stdin_text;
  const std::string command =
      "cd '" + dir.string() + "' && '" + CONNECTPOST_TEST_BIN + "' --log-level warn --db '" +
      db_url + "' --data-dir '" + CONNECTPOST_SOURCE_DIR + "/data' --catalog-dir '" +
      CONNECTPOST_SOURCE_DIR + "/catalog' " + args + " <stdin.txt >out.txt 2>err.txt";
  const int status = std::system(command.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(dir / "out.txt"),
          slurp(dir / "err.txt")};
}

}  // namespace cp::testing
