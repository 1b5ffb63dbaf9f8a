// One security's holders in a positions statement, with their account types (issue 17's
// entitlements start here), on both backends.
#include "store/ca_store.h"

#include <gtest/gtest.h>

#include "store/migrations.h"
#include "support/backend_test.h"

namespace cp::store {
namespace {

class CaStoreTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    ASSERT_TRUE(migrate(*db_, clock_).ok());
    // Ids whose bytes' order (B2 < C3 < a1) is not a case-blind collation's (a1 < B2 < C3).
    for (const auto& [id, type] :
         std::vector<std::pair<const char*, const char*>>{{"B2", "individual"},
                                                          {"C3", "proprietary"},
                                                          {"a1", "institution"},
                                                          {"A9", "institution"},
                                                          {"D4", "individual"}}) {
      ASSERT_TRUE(db_->execute("INSERT INTO account (account_id, account_type, money_kind, "
                               "commission_rate, commission_min_hkd) VALUES (?, ?, 'client', "
                               "'0.0003', '5.00')",
                               {std::string(id), std::string(type)})
                      .ok());
    }
    for (const auto& [as_of, id, channel, security, quantity] :
         std::vector<std::tuple<const char*, const char*, const char*, const char*, int64_t>>{
             {"2025-06-19", "D4", "sh", "00700", 100},
             {"2025-06-20", "a1", "sh", "00700", 2000},
             {"2025-06-20", "B2", "sh", "00700", 1000},
             {"2025-06-20", "C3", "sh", "00700", 300},
             {"2025-06-20", "A9", "sh", "00005", 400},
             {"2025-06-20", "B2", "sz", "00700", 50}}) {
      ASSERT_TRUE(db_->execute("INSERT INTO opening_position (as_of, account_id, channel, "
                               "security_code, quantity) VALUES (?, ?, ?, ?, ?)",
                               {std::string(as_of), std::string(id), std::string(channel),
                                std::string(security), quantity})
                      .ok());
    }
  }

  // "id:quantity:type" per holder, in the order given.
  static std::vector<std::string> described(const SecurityHolders& holders) {
    std::vector<std::string> out;
    for (size_t i = 0; i < holders.holdings.size(); ++i) {
      const clearing::Holding& h = holders.holdings[i];
      out.push_back(h.account_id + ":" + h.security_code + ":" + std::to_string(h.quantity) + ":" +
                    std::string(account_type_code(holders.account_types[i])));
    }
    return out;
  }

  FixedClock clock_{from_hkt(*Date::parse("2025-06-23"), *TimeOfDay::parse("18:30"))};
};

TEST_P(CaStoreTest, TheLatestStatementsRowsOfTheSecurityInTheBytesOrderWithTheirTypes) {
  auto holders =
      security_holders_in_statement(*db_, Channel::kShanghai, *Date::parse("2025-06-23"), "00700");
  ASSERT_TRUE(holders.ok()) << holders.error().to_string();
  EXPECT_EQ(holders->statement_date, Date::parse("2025-06-20").value());
  // Not A9 (another security), not D4 (an older statement), not B2's Shenzhen 50.
  EXPECT_EQ(described(*holders),
            (std::vector<std::string>{"B2:00700:1000:individual", "C3:00700:300:proprietary",
                                      "a1:00700:2000:institution"}));
}

TEST_P(CaStoreTest, AnEarlierDateReadsTheStatementOfItsDayAndNoneBeforeTheFirst) {
  auto older =
      security_holders_in_statement(*db_, Channel::kShanghai, *Date::parse("2025-06-19"), "00700");
  ASSERT_TRUE(older.ok());
  EXPECT_EQ(older->statement_date, Date::parse("2025-06-19").value());
  EXPECT_EQ(described(*older), std::vector<std::string>{"D4:00700:100:individual"});

  auto none =
      security_holders_in_statement(*db_, Channel::kShanghai, *Date::parse("2025-06-18"), "00700");
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->statement_date.has_value());
  EXPECT_TRUE(none->holdings.empty());
}

// A PostgreSQL database whose ids sort by a linguistic collation (a1 before B2) still gives the
// holders in the bytes' order, each with its own type: the roll-forward's merge and the walk over
// each type's ids both rely on it.
TEST_P(CaStoreTest, ACollationOtherThanTheBytesOrderGivesTheSameHoldersAndTypes) {
  if (GetParam() != Backend::kPostgresql) GTEST_SKIP() << "SQLite compares text as bytes";
  for (const char* sql :
       {"ALTER TABLE opening_position ALTER COLUMN account_id TYPE text COLLATE \"und-x-icu\"",
        "ALTER TABLE account ALTER COLUMN account_id TYPE text COLLATE \"und-x-icu\""}) {
    auto altered = db_->execute(sql);
    ASSERT_TRUE(altered.ok()) << altered.error().to_string();
  }
  auto order = db_->query(
      "SELECT account_id FROM opening_position WHERE as_of = '2025-06-20' AND channel = 'sh' "
      "AND security_code = '00700' ORDER BY account_id");
  ASSERT_TRUE(order.ok());
  ASSERT_EQ(order->rows.size(), 3u);
  ASSERT_EQ(order->rows[0].text(0), "a1");  // the collation is in force
  auto holders =
      security_holders_in_statement(*db_, Channel::kShanghai, *Date::parse("2025-06-23"), "00700");
  ASSERT_TRUE(holders.ok()) << holders.error().to_string();
  EXPECT_EQ(described(*holders),
            (std::vector<std::string>{"B2:00700:1000:individual", "C3:00700:300:proprietary",
                                      "a1:00700:2000:institution"}));
}

CP_INSTANTIATE_ON_BOTH_BACKENDS(CaStoreTest);

}  // namespace
}  // namespace cp::store
