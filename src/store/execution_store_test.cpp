// Executions, accounts and reference data in the database, on both backends.
#include "store/execution_store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <optional>
#include <set>

#include "clearing/input_files.h"
#include "eod/demo_data.h"
#include "store/import_store.h"
#include "store/migrations.h"
#include "store/refdata_store.h"
#include "support/backend_test.h"

namespace cp::store {
namespace {

class ExecutionStoreTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    ASSERT_TRUE(migrate(*db_, clock_).ok());
  }

  Result<void> load_day(const eod::DemoData& data) {
    CP_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(*db_));
    CP_RETURN_IF_ERROR(insert_missing_accounts(*db_, data.accounts));
    CP_RETURN_IF_ERROR(replace_executions(*db_, date_, data.executions));
    return tx.commit();
  }

  FixedClock clock_{from_hkt(*Date::parse("2024-03-15"), *TimeOfDay::parse("18:30"))};
  Date date_ = *Date::parse("2024-03-15");
};

TEST_P(ExecutionStoreTest, ExecutionsRoundTripFieldByField) {
  const auto data = eod::generate_demo_data(date_, 50, 2000, 7);
  ASSERT_TRUE(load_day(data).ok());
  auto loaded_table = load_executions(*db_, date_);
  ASSERT_TRUE(loaded_table.ok()) << loaded_table.error().to_string();
  // As records, to compare field by field.
  const std::optional<std::vector<clearing::Execution>> loaded = loaded_table->to_executions();
  ASSERT_EQ(loaded->size(), data.executions.size());
  // Stored by channel, account and id (execution_segments.h); compare by id.
  std::map<std::string, const clearing::Execution*> by_id;
  for (const auto& e : data.executions) by_id[e.trade_id] = &e;
  for (const auto& e : *loaded) {
    const auto* original = by_id.at(e.trade_id);
    EXPECT_EQ(e.channel, original->channel);
    EXPECT_EQ(e.account_id, original->account_id);
    EXPECT_EQ(e.security_code, original->security_code);
    EXPECT_EQ(e.side, original->side);
    EXPECT_EQ(e.quantity, original->quantity);
    EXPECT_EQ(e.price_hkd.to_string(), original->price_hkd.to_string());
  }
}

TEST_P(ExecutionStoreTest, ReloadingADayReplacesItAndKeepsAccounts) {
  const auto first = eod::generate_demo_data(date_, 40, 1000, 1);
  ASSERT_TRUE(load_day(first).ok());
  const auto second = eod::generate_demo_data(date_, 40, 600, 2);
  ASSERT_TRUE(load_day(second).ok());
  auto loaded_table = load_executions(*db_, date_);
  ASSERT_TRUE(loaded_table.ok());
  // As records, to compare field by field.
  const std::optional<std::vector<clearing::Execution>> loaded = loaded_table->to_executions();
  EXPECT_EQ(loaded->size(), 600u);
  auto accounts = db_->query("SELECT COUNT(*) FROM account");
  ASSERT_TRUE(accounts.ok());
  EXPECT_EQ(accounts->rows.at(0).integer(0), 40);
}

TEST_P(ExecutionStoreTest, AnExecutionOfAnUnknownAccountIsRefusedAndNothingIsLoaded) {
  auto data = eod::generate_demo_data(date_, 10, 100, 3);
  ASSERT_TRUE(load_day(data).ok());
  auto bad = eod::generate_demo_data(date_, 10, 100, 4);
  bad.executions[57].account_id = "NO-SUCH-ACCOUNT";  // foreign key to account
  bad.accounts.clear();
  EXPECT_FALSE(load_day(bad).ok());
  auto loaded_table = load_executions(*db_, date_);
  ASSERT_TRUE(loaded_table.ok());
  // As records, to compare field by field.
  const std::optional<std::vector<clearing::Execution>> loaded = loaded_table->to_executions();
  ASSERT_EQ(loaded->size(), 100u);
  std::set<std::string> stored_ids;
  std::set<std::string> first_ids;
  for (const auto& e : *loaded) stored_ids.insert(e.trade_id);
  for (const auto& e : data.executions) first_ids.insert(e.trade_id);
  EXPECT_EQ(stored_ids, first_ids);  // the first load, untouched
}

TEST_P(ExecutionStoreTest, ReferenceDataLoadReplacesTheWholeSet) {
  auto data = refdata::load_refdata(std::filesystem::path(CONNECTPOST_SOURCE_DIR) / "data");
  ASSERT_TRUE(data.ok()) << data.error().to_string();
  const auto expected = static_cast<int64_t>(data->parameters.table().size());
  ASSERT_TRUE(replace_reference_data(*db_, *data, "2024-03-15T10:30:00Z").ok());
  ASSERT_TRUE(replace_reference_data(*db_, *data, "2024-03-15T10:31:00Z").ok());
  auto count = count_parameters(*db_);
  ASSERT_TRUE(count.ok());
  EXPECT_EQ(*count, expected);
  auto quota = db_->query(
      "SELECT value, unit, source FROM ref_parameter WHERE key = ? AND effective_from = ?",
      {"southbound.daily_quota.sh", "2018-05-01"});
  ASSERT_TRUE(quota.ok());
  ASSERT_EQ(quota->rows.size(), 1u);
  EXPECT_EQ(quota->rows[0].text(0), "42000000000");
  EXPECT_EQ(quota->rows[0].text(1), "CNY");
  EXPECT_THAT(quota->rows[0].text(2), ::testing::HasSubstr("18PR39"));
}

// import_executions (store/import_store.h) from a parsed file: a new day is stored in the stored
// order (channel, account, trade id as text); a re-import keeps what is there, adds what is new,
// on any date; a row of an unknown account is refused with its line and nothing is stored.
TEST_P(ExecutionStoreTest, ImportStoresInStoredOrderKeepsWhatIsThereAndNamesTheLine) {
  auto refdata = refdata::load_refdata(std::filesystem::path(CONNECTPOST_SOURCE_DIR) / "data");
  ASSERT_TRUE(refdata.ok()) << refdata.error().to_string();
  std::vector<clearing::Account> accounts;
  for (const char* id : {"A1", "A2", "B1"}) {
    accounts.push_back({id, AccountType::kIndividual, MoneyKind::kClient,
                        *Decimal::parse("0.00025"), *Decimal::parse("5.00")});
  }
  {
    auto tx = Transaction::begin(*db_);
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE(insert_missing_accounts(*db_, accounts).ok());
    ASSERT_TRUE(tx->commit().ok());
  }
  auto import = [&](const std::string& name, const std::string& rows) -> Result<ImportCounts> {
    CP_ASSIGN_OR_RETURN(
        CsvReader reader,
        CsvReader::from_string(
            name, "trade_id,trade_date,channel,account,security,side,quantity,price\n" + rows));
    CP_ASSIGN_OR_RETURN(
        const clearing::ExecutionFile parsed,
        clearing::parse_executions(reader, refdata->securities, refdata->spread_table));
    return import_executions(*db_, parsed, name);
  };
  auto stored_ids = [&](const char* date) {
    std::vector<std::string> ids;
    auto table = load_executions(*db_, *Date::parse(date));
    EXPECT_TRUE(table.ok());
    if (table.ok()) {
      for (const clearing::ExecutionRef e : *table) ids.emplace_back(e.trade_id());
    }
    return ids;
  };
  // Out of order on purpose: Shenzhen first, B1 before A2, "T2" before "T1".
  auto first = import("first.csv",
                      "T3,2024-03-15,sz,A2,00700,buy,100,301.20\n"
                      "T10,2024-03-15,sh,B1,00700,sell,200,301.40\n"
                      "T2,2024-03-15,sh,A2,00700,buy,100,301.20\n"
                      "T1,2024-03-15,sh,A2,00005,sell,300,84.65\n");
  ASSERT_TRUE(first.ok()) << first.error().to_string();
  EXPECT_EQ(first->inserted, 4);
  // sh: A2's T1 and T2, then B1's T10; then sz: A2's T3.
  EXPECT_THAT(stored_ids("2024-03-15"), ::testing::ElementsAre("T1", "T2", "T10", "T3"));

  // T2 again as it was; T4 new on the same day (A1, first of the day's sh accounts); T5 on
  // the next trading day.
  auto second = import("second.csv",
                       "T2,2024-03-15,sh,A2,00700,buy,100,301.20\n"
                       "T4,2024-03-15,sh,A1,00700,buy,500,301.20\n"
                       "T5,2024-03-18,sh,B1,00005,buy,100,84.70\n");
  ASSERT_TRUE(second.ok()) << second.error().to_string();
  EXPECT_EQ(second->inserted, 2);
  EXPECT_EQ(second->unchanged, 1);
  EXPECT_THAT(stored_ids("2024-03-15"), ::testing::ElementsAre("T4", "T1", "T2", "T10", "T3"));
  EXPECT_THAT(stored_ids("2024-03-18"), ::testing::ElementsAre("T5"));

  // Line 3 (after the header and T6) names an account never imported.
  auto third = import("third.csv",
                      "T6,2024-03-18,sh,A1,00700,buy,100,301.20\n"
                      "T7,2024-03-18,sh,Z9,00700,buy,100,301.20\n");
  ASSERT_FALSE(third.ok());
  EXPECT_EQ(third.error().file, "third.csv");
  EXPECT_EQ(third.error().line, 3);
  EXPECT_THAT(third.error().message, ::testing::HasSubstr("unknown account Z9"));
  EXPECT_THAT(stored_ids("2024-03-18"), ::testing::ElementsAre("T5"));  // T6 is not stored
}

CP_INSTANTIATE_ON_BOTH_BACKENDS(ExecutionStoreTest);

}  // namespace
}  // namespace cp::store
