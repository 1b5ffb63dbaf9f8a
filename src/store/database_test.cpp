// The storage suite: every test runs against SQLite and against a throwaway PostgreSQL cluster
// (tests/support/scratch_database.h), so the two backends are held to one contract.
#include "store/database.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/migrations.h"
#include "store/postgres_database.h"
#include "support/backend_test.h"

namespace cp::store {
namespace {

using ::testing::HasSubstr;

class StoreTest : public testing::BackendTest {
 protected:
  // A table of our own for the generic tests, created without migrations.
  void create_items_table() {
    const std::string ddl = render_migration(
        "CREATE TABLE item (id BIGINT PRIMARY KEY, label TEXT, amount {{DECIMAL}})", GetParam());
    ASSERT_TRUE(db_->execute_script(ddl).ok());
  }

  void insert_item(int64_t id) {
    ASSERT_TRUE(db_->execute("INSERT INTO item (id) VALUES (?)", {id}).ok());
  }

  int64_t count(const std::string& table) {
    auto result = db_->query("SELECT COUNT(*) FROM " + table);
    EXPECT_TRUE(result.ok()) << result.error().to_string();
    return result.ok() ? result->rows.at(0).integer(0) : -1;
  }

  FixedClock clock_{from_hkt(*Date::parse("2024-03-15"), *TimeOfDay::parse("18:30"))};
};

TEST_P(StoreTest, AnIndexCarriesExtraColumnsOnBothBackends) {
  create_items_table();
  const std::string ddl = render_migration(
      "CREATE INDEX item_by_amount ON item (amount, id{{INCLUDE}}label)", GetParam());
  EXPECT_EQ(ddl, GetParam() == Backend::kSqlite
                     ? "CREATE INDEX item_by_amount ON item (amount, id, label)"
                     : "CREATE INDEX item_by_amount ON item (amount, id) INCLUDE (label)");
  ASSERT_TRUE(db_->execute_script(ddl).ok());
  ASSERT_TRUE(db_->execute("INSERT INTO item (id, label, amount) VALUES (1, 'tencent', '2')").ok());
  ASSERT_TRUE(db_->execute("INSERT INTO item (id, label, amount) VALUES (2, 'meituan', '2')").ok());
  auto found = db_->query("SELECT id FROM item WHERE amount = '2' AND label LIKE '%cent%'");
  ASSERT_TRUE(found.ok()) << found.error().to_string();
  ASSERT_EQ(found->rows.size(), 1u);
  EXPECT_EQ(found->rows[0].integer(0), 1);
}

TEST_P(StoreTest, ReportsItsBackend) {
  EXPECT_EQ(db_->backend(), GetParam());
}

TEST_P(StoreTest, MigrateAppliesEveryMigrationOnceAndRecordsThem) {
  const int latest = builtin_migrations().back().version;
  auto applied = migrate(*db_, clock_);
  ASSERT_TRUE(applied.ok()) << applied.error().to_string();
  EXPECT_EQ(*applied, static_cast<int>(builtin_migrations().size()));
  auto status = schema_status(*db_, builtin_migrations());
  ASSERT_TRUE(status.ok());
  EXPECT_EQ(status->current_version, latest);
  EXPECT_TRUE(status->pending.empty());
  // A second start applies nothing.
  auto again = migrate(*db_, clock_);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, 0);
  // applied_at is the injected clock's instant, in UTC: 18:30 HKT = 10:30 UTC.
  auto rows = db_->query("SELECT applied_at FROM schema_migrations WHERE version = 1");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->rows.at(0).text(0), "2024-03-15T10:30:00.000000Z");
}

TEST_P(StoreTest, RefusesADatabaseNewerThanTheBinary) {
  ASSERT_TRUE(migrate(*db_, clock_).ok());
  ASSERT_TRUE(db_->execute("INSERT INTO schema_migrations (version, name, checksum, applied_at) "
                           "VALUES (99, 'from_the_future', 'x', 'now')")
                  .ok());
  auto refused = migrate(*db_, clock_);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidInput);  // exit code 2
  EXPECT_THAT(refused.error().message, HasSubstr("schema version 99 is newer"));
}

TEST_P(StoreTest, RefusesAMigrationEditedAfterItWasApplied) {
  std::vector<Migration> original = {{1, "one", "CREATE TABLE one (x TEXT)"}};
  ASSERT_TRUE(migrate(*db_, clock_, original).ok());
  std::vector<Migration> edited = {{1, "one", "CREATE TABLE one (x TEXT, y TEXT)"}};
  auto refused = migrate(*db_, clock_, edited);
  ASSERT_FALSE(refused.ok());
  EXPECT_THAT(refused.error().message, HasSubstr("differs from the one applied"));
}

TEST_P(StoreTest, AFailingMigrationAppliesNothing) {
  std::vector<Migration> migrations = {{1, "good", "CREATE TABLE good (x TEXT)"},
                                       {2, "bad", "CREATE TABLE bad (x NOT_A_TYPE_OR_SYNTAX("}};
  auto failed = migrate(*db_, clock_, migrations);
  ASSERT_FALSE(failed.ok());
  EXPECT_THAT(failed.error().message, HasSubstr("migration 2 (bad) failed"));
  auto status = schema_status(*db_, migrations);
  ASSERT_TRUE(status.ok());
  EXPECT_EQ(status->current_version, 0);
  EXPECT_FALSE(db_->query("SELECT COUNT(*) FROM good").ok()) << "table of migration 1 survived";
}

TEST_P(StoreTest, DecimalsRoundTripEveryDigitAndTheirScale) {
  create_items_table();
  const std::vector<std::string> amounts = {"0.00", "1.50", "-0.05", "0.0000015",
                                            "12345678901234567890.123456789012345678"};
  for (size_t i = 0; i < amounts.size(); ++i) {
    ASSERT_TRUE(db_->execute("INSERT INTO item (id, amount) VALUES (?, ?)",
                             {static_cast<int64_t>(i), decimal_value(*Decimal::parse(amounts[i]))})
                    .ok());
  }
  auto rows = db_->query("SELECT amount FROM item ORDER BY id");
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->rows.size(), amounts.size());
  for (size_t i = 0; i < amounts.size(); ++i) {
    EXPECT_EQ(rows->rows[i].text(0), amounts[i]);
    EXPECT_EQ(rows->rows[i].decimal(0).to_string(), amounts[i]);
  }
}

TEST_P(StoreTest, NullsAndIntegersRoundTrip) {
  create_items_table();
  ASSERT_TRUE(db_->execute("INSERT INTO item (id, label, amount) VALUES (?, ?, ?)",
                           {int64_t{9'007'199'254'740'993}, null_value(), null_value()})
                  .ok());
  auto rows = db_->query("SELECT id, label, amount FROM item");
  ASSERT_TRUE(rows.ok());
  // 2^53 + 1 is not representable in a double: it proves integers never pass through one.
  EXPECT_EQ(rows->rows.at(0).integer(0), 9'007'199'254'740'993);
  EXPECT_TRUE(rows->rows.at(0).is_null(1));
  EXPECT_TRUE(rows->rows.at(0).is_null(2));
}

TEST_P(StoreTest, TransactionRollsBackUnlessCommitted) {
  create_items_table();
  {
    auto tx = Transaction::begin(*db_);
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE(db_->execute("INSERT INTO item (id) VALUES (1)").ok());
    // no commit: the guard rolls back as it goes out of scope
  }
  EXPECT_EQ(count("item"), 0);
  {
    auto tx = Transaction::begin(*db_);
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE(db_->execute("INSERT INTO item (id) VALUES (2)").ok());
    ASSERT_TRUE(tx->commit().ok());
  }
  EXPECT_EQ(count("item"), 1);
}

TEST_P(StoreTest, AnInnerTransactionJoinsTheOuterOne) {
  create_items_table();
  {
    auto outer = Transaction::begin(*db_);
    insert_item(1);
    {
      auto inner = Transaction::begin(*db_);
      insert_item(2);
      ASSERT_TRUE(inner->commit().ok());  // joined: nothing is committed yet
    }
    // Another connection would not see the rows; this one rolls them back with the outer guard.
  }
  EXPECT_EQ(count("item"), 0);
  {
    auto outer = Transaction::begin(*db_);
    {
      auto inner = Transaction::begin(*db_);
      insert_item(3);
      ASSERT_TRUE(inner->commit().ok());
    }
    insert_item(4);
    ASSERT_TRUE(outer->commit().ok());
  }
  EXPECT_EQ(count("item"), 2);
}

TEST_P(StoreTest, AnInnerFailureRollsBackTheWholeTransactionAndTheOuterCommitSaysSo) {
  create_items_table();
  {
    auto outer = Transaction::begin(*db_);
    insert_item(1);
    {
      auto inner = Transaction::begin(*db_);
      insert_item(2);
      // an error return: no commit
    }
    auto committed = outer->commit();
    ASSERT_FALSE(committed.ok());
    EXPECT_THAT(committed.error().message, HasSubstr("rolled back by an inner failure"));
  }
  EXPECT_EQ(count("item"), 0);
  // The connection is usable again: a new transaction commits.
  {
    auto tx = Transaction::begin(*db_);
    ASSERT_TRUE(tx.ok());
    insert_item(5);
    ASSERT_TRUE(tx->commit().ok());
  }
  EXPECT_EQ(count("item"), 1);
}

TEST_P(StoreTest, PreparedStatementRunsManyTimesAndCountsChanges) {
  create_items_table();
  auto insert = db_->prepare("INSERT INTO item (id, label) VALUES (?, ?)");
  ASSERT_TRUE(insert.ok()) << insert.error().to_string();
  for (int64_t id = 0; id < 50; ++id) {
    auto changed = (*insert)->execute({id, "label " + std::to_string(id)});
    ASSERT_TRUE(changed.ok());
    EXPECT_EQ(*changed, 1);
  }
  auto updated = db_->execute("UPDATE item SET label = ? WHERE id < ?", {"x", int64_t{10}});
  ASSERT_TRUE(updated.ok());
  EXPECT_EQ(*updated, 10);
  EXPECT_EQ(count("item"), 50);
}

TEST_P(StoreTest, BulkInsertLoadsEveryRowAndEscapesAwkwardText) {
  create_items_table();
  const std::vector<std::string> labels = {"plain",    "tab\there",      "back\\slash", "new\nline",
                                           "cr\rhere", "quote ' and \"", "逗号,中文",   ""};
  const int64_t total = 5000;
  int64_t next = 0;
  auto tx = Transaction::begin(*db_);
  ASSERT_TRUE(tx.ok());
  auto loaded = db_->bulk_insert("item", {"id", "label", "amount"}, [&](std::vector<Value>& row) {
    if (next == total) return false;
    row = {next, labels[static_cast<size_t>(next) % labels.size()],
           next % 7 == 0 ? null_value() : Value(std::to_string(next) + ".25")};
    ++next;
    return true;
  });
  ASSERT_TRUE(loaded.ok()) << loaded.error().to_string();
  ASSERT_TRUE(tx->commit().ok());
  EXPECT_EQ(*loaded, total);
  EXPECT_EQ(count("item"), total);
  auto rows = db_->query("SELECT id, label, amount FROM item WHERE id < 8 ORDER BY id");
  ASSERT_TRUE(rows.ok());
  for (size_t i = 0; i < labels.size(); ++i) {
    EXPECT_EQ(rows->rows[i].text(1), labels[i]) << "row " << i;
  }
  EXPECT_TRUE(rows->rows[0].is_null(2));
  EXPECT_EQ(rows->rows[1].text(2), "1.25");
}

TEST_P(StoreTest, FailedBulkInsertLeavesNothingAfterRollback) {
  create_items_table();
  ASSERT_TRUE(db_->execute("INSERT INTO item (id) VALUES (3)").ok());
  int64_t next = 0;
  {
    auto tx = Transaction::begin(*db_);
    ASSERT_TRUE(tx.ok());
    auto loaded = db_->bulk_insert("item", {"id"}, [&](std::vector<Value>& row) {
      if (next == 10) return false;
      row = {next++};  // id 3 collides with the stored row
      return true;
    });
    EXPECT_FALSE(loaded.ok());
  }
  EXPECT_EQ(count("item"), 1);
}

// A row with fewer values than columns is refused whole on both backends (SQLite checks the
// width itself; PostgreSQL's COPY refuses the line), and nothing of the load stays.
TEST_P(StoreTest, ABulkRowOfTheWrongWidthIsRefused) {
  create_items_table();
  int64_t next = 0;
  {
    auto tx = Transaction::begin(*db_);
    ASSERT_TRUE(tx.ok());
    auto loaded = db_->bulk_insert("item", {"id", "label"}, [&](std::vector<Value>& row) {
      if (next == 100) return false;
      if (next == 70) {
        row = {next++};  // the label is missing
      } else {
        row = {next, "x" + std::to_string(next)};
        ++next;
      }
      return true;
    });
    EXPECT_FALSE(loaded.ok());
  }
  EXPECT_EQ(count("item"), 0);
}

TEST_P(StoreTest, QueryErrorsAreStorageErrors) {
  auto result = db_->query("SELECT * FROM no_such_table");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kStorage);
  EXPECT_EQ(exit_code_for(result.error().code), 3);
}

CP_INSTANTIATE_ON_BOTH_BACKENDS(StoreTest);

TEST(PostgresPlaceholders, RewritesQuestionMarksOutsideLiteralsAndComments) {
  EXPECT_EQ(to_postgres_placeholders("SELECT ?, '?', \"a?\", ? -- what?\nFROM t WHERE x = ?"),
            "SELECT $1, '?', \"a?\", $2 -- what?\nFROM t WHERE x = $3");
  EXPECT_EQ(to_postgres_placeholders("SELECT 'it''s ?', ?"), "SELECT 'it''s ?', $1");
}

TEST(RedactUrl, HidesPasswordsInBothForms) {
  EXPECT_EQ(redact_url("postgresql://ops:s3cret@db.example/cp"),
            "postgresql://ops:***@db.example/cp");
  EXPECT_EQ(redact_url("host=/tmp user=ops password=s3cret dbname=cp"),
            "host=/tmp user=ops password=*** dbname=cp");
  EXPECT_EQ(redact_url("postgresql://db/cp?user=ops&password=s3cret&sslmode=require"),
            "postgresql://db/cp?user=ops&password=***&sslmode=require");
  EXPECT_EQ(redact_url("sqlite:var/connectpost.db"), "sqlite:var/connectpost.db");
}

TEST(OpenDatabase, RefusesAnUnknownScheme) {
  auto db = open_database("mysql://nope");
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.error().code, ErrorCode::kInvalidInput);
  EXPECT_THAT(db.error().message, HasSubstr("sqlite:PATH or postgresql://"));
}

}  // namespace
}  // namespace cp::store
