// The EOD input generation (migration 0033) moves with every change to what a run reads, and
// only then, on both backends.
#include "store/input_generation.h"

#include <gtest/gtest.h>

#include "store/calendar_store.h"
#include "store/import_store.h"
#include "store/migrations.h"
#include "support/backend_test.h"

namespace cp::store {
namespace {

class InputGenerationTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    ASSERT_TRUE(migrate(*db_, clock_).ok());
  }
  int64_t generation() {
    auto value = eod_input_generation(*db_, false);
    EXPECT_TRUE(value.ok()) << value.error().to_string();
    return value.ok() ? *value : -1;
  }
  FixedClock clock_{from_hkt(*Date::parse("2024-03-15"), *TimeOfDay::parse("18:30"))};
};

TEST_P(InputGenerationTest, AnImportThatChangesSomethingMovesItAndARepeatDoesNot) {
  EXPECT_EQ(generation(), 0);
  const std::vector<clearing::ClosingPrice> prices = {
      {*Date::parse("2024-03-15"), "00700", *Decimal::parse("301.20"), 2}};
  ASSERT_TRUE(import_prices(*db_, prices, "prices.csv", false).ok());
  EXPECT_EQ(generation(), 1);
  ASSERT_TRUE(import_prices(*db_, prices, "prices.csv", false).ok());  // the same rows
  EXPECT_EQ(generation(), 1);
  auto corrected = prices;
  corrected[0].close_hkd = *Decimal::parse("301.40");
  ASSERT_TRUE(import_prices(*db_, corrected, "prices.csv", true).ok());
  EXPECT_EQ(generation(), 2);
  // A refused import changes nothing, the generation included.
  corrected[0].close_hkd = *Decimal::parse("302.00");
  EXPECT_FALSE(import_prices(*db_, corrected, "prices.csv", false).ok());
  EXPECT_EQ(generation(), 2);
}

TEST_P(InputGenerationTest, ACalendarAdditionMovesIt) {
  const refdata::Closure closure{*Date::parse("2024-03-18"),
                                 refdata::Market::kSehk,
                                 refdata::ClosureKind::kHoliday,
                                 "typhoon day",
                                 "operator",
                                 "database"};
  ASSERT_TRUE(insert_closure(*db_, closure, {"2024-03-15T10:00:00Z", "olga"}).ok());
  EXPECT_EQ(generation(), 1);
}

TEST_P(InputGenerationTest, ALockedReadSeesTheCommittedValue) {
  auto tx = Transaction::begin(*db_);
  ASSERT_TRUE(tx.ok());
  ASSERT_TRUE(bump_eod_input_generation(*db_).ok());
  auto locked = eod_input_generation(*db_, true);
  ASSERT_TRUE(locked.ok()) << locked.error().to_string();
  EXPECT_EQ(*locked, 1);
  ASSERT_TRUE(tx->commit().ok());
  EXPECT_EQ(generation(), 1);
}

CP_INSTANTIATE_ON_BOTH_BACKENDS(InputGenerationTest);

}  // namespace
}  // namespace cp::store
