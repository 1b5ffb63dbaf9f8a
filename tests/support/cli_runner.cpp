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
                   const std::string& args, const std::string& stdin_text,
                   const std::filesystem::path& data_dir) {
  std::ofstream(dir / "stdin.txt") << stdin_text;
  const std::string data =
      data_dir.empty() ? std::string(CONNECTPOST_SOURCE_DIR) + "/data" : data_dir.string();
  const std::string command = "cd '" + dir.string() + "' && '" + CONNECTPOST_TEST_BIN +
                              "' --log-level warn --db '" + db_url + "' --data-dir '" + data +
                              "' --catalog-dir '" + CONNECTPOST_SOURCE_DIR + "/catalog' " + args +
                              " <stdin.txt >out.txt 2>err.txt";
  const int status = std::system(command.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(dir / "out.txt"),
          slurp(dir / "err.txt")};
}

}  // namespace cp::testing
