// Runs the connectpost binary under test as an operator would: in a directory, on a database,
// with the shipped reference data, optionally feeding standard input.
#pragma once

#include <filesystem>
#include <string>

namespace cp::testing {

struct CliOutcome {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// `args` are passed to the shell as written (quote them where needed). `data_dir` empty: the
// shipped data/.
CliOutcome run_cli(const std::filesystem::path& dir, const std::string& db_url,
                   const std::string& args, const std::string& stdin_text = "",
                   const std::filesystem::path& data_dir = {});

}  // namespace cp::testing
