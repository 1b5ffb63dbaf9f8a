// A backend test with a scratch directory and the operator's command line on its database:
// the base of the server and identity end-to-end tests. SetUp adds firm B001 and user alice
// (a maker with a password and a registered email) when `with_alice` is set.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <string>

#include "support/backend_test.h"
#include "support/cli_runner.h"

namespace cp::testing {

class OperatorTest : public BackendTest {
 protected:
  explicit OperatorTest(bool with_alice = false) : with_alice_(with_alice) {}

  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    dir_ = std::filesystem::temp_directory_path() / ("cp_op_" + std::to_string(::getpid()) + "_" +
                                                     std::to_string(static_cast<int>(GetParam())));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    if (!with_alice_) return;
    cli("firm add B001 --name Alpha --kind broker");
    cli("user add alice --name Alice --email alice@alpha.example --firm B001 --role maker");
    cli("user set-password alice", "harbour lanterns at dusk\n");
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

 public:
  // Runs an operator command on the test's database.
  CliOutcome run(const std::string& args, const std::string& input = "") {
    return run_cli(dir_, scratch_->url(), args, input, data_dir_);
  }

 protected:
  // The data directory of every command and of the server; empty: the shipped data/.
  std::string data_dir_;

  // Runs an operator command that must succeed.
  void cli(const std::string& args, const std::string& input = "") {
    const auto outcome = run(args, input);
    ASSERT_EQ(outcome.exit_code, 0) << args << ": " << outcome.err;
  }

  // A copy of the shipped data directory under dir_ with parameter values replaced (each
  // `key,from,` → `key,to,`), for a server started with --data-dir; fails the test if a
  // parameter's shipped value is not `from`.
  struct ParameterEdit {
    std::string key, from, to;
  };
  std::filesystem::path data_with(std::initializer_list<ParameterEdit> edits) {
    const std::filesystem::path data = dir_ / "data";
    std::filesystem::remove_all(data);
    std::filesystem::copy(std::filesystem::path(CONNECTPOST_SOURCE_DIR) / "data", data,
                          std::filesystem::copy_options::recursive);
    std::ifstream in(data / "parameters.csv");
    std::stringstream text;
    text << in.rdbuf();
    std::string edited = text.str();
    for (const auto& edit : edits) {
      const std::string row = "\n" + edit.key + "," + edit.from + ",";
      const size_t at = edited.find(row);
      EXPECT_NE(at, std::string::npos) << edit.key << " is not shipped as " << edit.from;
      if (at != std::string::npos) {
        edited.replace(at, row.size(), "\n" + edit.key + "," + edit.to + ",");
      }
    }
    std::ofstream(data / "parameters.csv") << edited;
    return data;
  }

  std::filesystem::path dir_;

 private:
  bool with_alice_;
};

}  // namespace cp::testing
