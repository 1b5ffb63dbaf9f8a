// What the golden-case tests share: a file's text, and two decimal strings compared as amounts
// (2 and 2.00 are the same amount).
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "core/decimal.h"

namespace cp::testing {

inline std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

inline void expect_amount(const nlohmann::json& actual, const nlohmann::json& expected,
                          const std::string& what) {
  ASSERT_TRUE(actual.is_string()) << what << ": " << actual.dump();
  const auto a = Decimal::parse(actual.get<std::string>());
  const auto e = Decimal::parse(expected.get<std::string>());
  ASSERT_TRUE(a.ok() && e.ok()) << what;
  EXPECT_EQ(*a, *e) << what << ": " << actual << " against " << expected;
}

}  // namespace cp::testing
