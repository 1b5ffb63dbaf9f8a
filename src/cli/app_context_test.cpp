// run_action turns every outcome of a command into the documented exit code (docs/cli.md).
#include "cli/app_context.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "core/decimal.h"

namespace cp::cli {
namespace {

int exit_code_of(const std::function<Result<void>()>& action) {
  AppContext context;
  context.flags["log_level"] = "off";  // keep the test output clean
  run_action(context, action);
  return context.exit_code;
}

TEST(RunAction, MapsEachOutcomeToItsExitCode) {
  EXPECT_EQ(exit_code_of([]() -> Result<void> { return Ok{}; }), 0);
  EXPECT_EQ(exit_code_of([]() -> Result<void> { return rule_violation("no"); }), 1);
  EXPECT_EQ(exit_code_of([]() -> Result<void> { return make_error(ErrorCode::kNotFound, "x"); }),
            1);
  EXPECT_EQ(exit_code_of([]() -> Result<void> { return invalid_input("bad"); }), 2);
  EXPECT_EQ(exit_code_of([]() -> Result<void> { return make_error(ErrorCode::kStorage, "db"); }),
            3);
  EXPECT_EQ(exit_code_of([]() -> Result<void> { throw std::runtime_error("bug"); }), 3);
}

TEST(RunAction, AnOverflowingMultiplicationIsBadInputExitTwo) {
  // 10^20 × 10^20 = 10^40 needs 41 digits; the limit is 38 (docs/decisions/0001).
  testing::internal::CaptureStderr();
  const int code = exit_code_of([]() -> Result<void> {
    const Decimal big = *Decimal::parse("100000000000000000000");
    const Decimal product = big * big;  // throws DecimalOverflow
    return invalid_input("not reached: " + product.to_string());
  });
  const std::string err = testing::internal::GetCapturedStderr();
  EXPECT_EQ(code, 2);
  EXPECT_NE(err.find("decimal overflow"), std::string::npos) << err;
}

TEST(RunAction, ABadConfigurationValueIsBadInput) {
  AppContext context;
  context.flags["log_format"] = "xml";
  testing::internal::CaptureStderr();
  run_action(context, []() -> Result<void> { return Ok{}; });
  const std::string err = testing::internal::GetCapturedStderr();
  EXPECT_EQ(context.exit_code, 2);
  EXPECT_NE(err.find("'xml' from flag --log-format is not one of: text, json"), std::string::npos)
      << err;
}

}  // namespace
}  // namespace cp::cli
