// A test fixture parameterized by backend: each test gets a fresh scratch database and an open
// connection to it (scratch_database.h).
#pragma once

#include <gtest/gtest.h>

#include "support/scratch_database.h"

namespace cp::testing {

class BackendTest : public ::testing::TestWithParam<store::Backend> {
 protected:
  void SetUp() override {
    auto scratch = ScratchDatabase::create(GetParam());
    ASSERT_TRUE(scratch.ok()) << scratch.error().to_string();
    scratch_ = std::move(scratch).value();
    auto db = scratch_->open();
    ASSERT_TRUE(db.ok()) << db.error().to_string();
    db_ = std::move(db).value();
  }

  std::unique_ptr<ScratchDatabase> scratch_;
  std::unique_ptr<store::Database> db_;
};

// Instantiates a BackendTest suite on SQLite and PostgreSQL, named by backend.
#define CP_INSTANTIATE_ON_BOTH_BACKENDS(suite)                                             \
  INSTANTIATE_TEST_SUITE_P(                                                                \
      Backends, suite,                                                                     \
      ::testing::Values(::cp::store::Backend::kSqlite, ::cp::store::Backend::kPostgresql), \
      [](const auto& test_param) { return ::cp::testing::backend_test_name(test_param.param); })

}  // namespace cp::testing
