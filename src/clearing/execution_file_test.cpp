// The executions file parsed on two threads (clearing/execution_file.h): with batches of one,
// two or three rows every few rows cross from the reading thread to the table's, and the outcome
// and the first error must be the file's order either way.
#include "clearing/execution_file.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "refdata/refdata.h"

namespace cp::clearing {
namespace {

const refdata::RefData& Data() {
  static const refdata::RefData data =
      refdata::load_refdata(std::filesystem::path(CONNECTPOST_SOURCE_DIR) / "data").value();
  return data;
}

constexpr const char* kHeader =
    "trade_id,trade_date,channel,account,security,side,quantity,price\n";

Result<ExecutionFile> Parse(const std::string& rows, size_t batch_rows) {
  CP_ASSIGN_OR_RETURN(CsvReader reader, CsvReader::from_string("executions.csv", kHeader + rows));
  return parse_executions(reader, Data().securities, Data().spread_table, batch_rows);
}

// Seven good rows (00700 trades on the 0.20 tick between HK$200 and HK$500 in 2024).
const std::string kRows =
    "T1,2024-03-15,sh,INV001,00700,buy,1000,301.20\n"
    "T2,2024-03-15,sh,INV002,00700,sell,500,301.40\n"
    "T3,2024-03-15,sz,INV001,00700,buy,100,300.00\n"
    "\n"  // a blank line: skipped, and counted in the lines after it
    "T4,2024-03-15,sh,INV003,00700,sell,200,299.80\n"
    "T5,2024-03-15,sh,INV001,00700,buy,300,302.00\n"
    "T6,2024-03-15,sz,INV002,00700,sell,400,301.00\n"
    "T7,2024-03-15,sh,INV003,00700,buy,100,301.60\n";

TEST(ExecutionFile, EveryBatchSizeGivesTheFileInItsOrderWithItsLines) {
  for (const size_t batch : {size_t{1}, size_t{2}, size_t{3}, size_t{4096}}) {
    SCOPED_TRACE("batches of " + std::to_string(batch));
    auto parsed = Parse(kRows, batch);
    ASSERT_TRUE(parsed.ok()) << parsed.error().to_string();
    ASSERT_EQ(parsed->size(), 7u);
    EXPECT_EQ(parsed->lines, (std::vector<int64_t>{2, 3, 4, 6, 7, 8, 9}));
    EXPECT_EQ(parsed->table[3].trade_id(), "T4");
    EXPECT_EQ(parsed->table[3].account_id(), "INV003");
    EXPECT_EQ(parsed->table[5].channel(), Channel::kShenzhen);
    EXPECT_EQ(parsed->table[6].price_hkd().to_string(), "301.60");
    // INV001 is the first account seen, INV003 the third, whichever thread numbered them.
    EXPECT_EQ(parsed->table[4].account_number(), 0u);
    EXPECT_EQ(parsed->table[6].account_number(), 2u);
  }
}

// T2 again on line 6 and a price off the tick on line 8: the repeat comes first in the file, so
// it is the error, though the reading thread has met the bad price by the time the table's
// thread finds the repeat.
TEST(ExecutionFile, ARepeatedTradeIdBeforeABadFieldIsTheError) {
  const std::string rows =
      "T1,2024-03-15,sh,INV001,00700,buy,1000,301.20\n"
      "T2,2024-03-15,sh,INV002,00700,sell,500,301.40\n"
      "T3,2024-03-15,sz,INV001,00700,buy,100,300.00\n"
      "T4,2024-03-15,sh,INV003,00700,sell,200,299.80\n"
      "T2,2024-03-15,sh,INV001,00700,buy,300,302.00\n"
      "T6,2024-03-15,sz,INV002,00700,sell,400,301.00\n"
      "T7,2024-03-15,sh,INV003,00700,buy,100,301.10\n";
  for (const size_t batch : {size_t{1}, size_t{2}, size_t{4096}}) {
    SCOPED_TRACE("batches of " + std::to_string(batch));
    auto parsed = Parse(rows, batch);
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(parsed.error().to_string(),
              "executions.csv:6:1: field 'trade_id': trade T2 appears twice in the file");
  }
  // With the bad price first (line 3), the price is the error.
  const std::string price_first =
      "T1,2024-03-15,sh,INV001,00700,buy,1000,301.20\n"
      "T2,2024-03-15,sh,INV002,00700,sell,500,301.30\n"
      "T1,2024-03-15,sz,INV001,00700,buy,100,300.00\n";
  for (const size_t batch : {size_t{1}, size_t{4096}}) {
    auto parsed = Parse(price_first, batch);
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(parsed.error().line, 3);
    EXPECT_EQ(parsed.error().field, "price");
    EXPECT_NE(parsed.error().message.find("is not on the 0.20 tick"), std::string::npos)
        << parsed.error().message;
  }
}

// Repeats are found after the parse, by comparing the ids within parts of their hashes: the
// error is still the first repeat in the file's order, whichever id hashes first. 3,000 distinct
// ids on lines 2 to 3001, then T2500 again on line 3002 and T7 twice after it (lines 3003 and
// 3004): T2500's repeat on line 3002 is the first.
TEST(ExecutionFile, TheFirstRepeatInTheFilesOrderIsTheErrorWhicheverIdHashesFirst) {
  std::string rows;
  auto row = [](const std::string& id) {
    return id + ",2024-03-15,sh,INV001,00700,buy,100,301.20\n";
  };
  for (int i = 0; i < 3000; ++i) rows += row("T" + std::to_string(i));
  auto parsed = Parse(rows + row("T2500") + row("T7") + row("T7"), 4096);
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().to_string(),
            "executions.csv:3002:1: field 'trade_id': trade T2500 appears twice in the file");
  // An id three times: its second time (line 3003) is the error, before T2500's on line 3004.
  parsed = Parse(rows + row("X") + row("X") + row("T2500") + row("X"), 7);
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().to_string(),
            "executions.csv:3003:1: field 'trade_id': trade X appears twice in the file");
  // And the same ids without a repeat parse.
  parsed = Parse(rows + row("X"), 4096);
  ASSERT_TRUE(parsed.ok()) << parsed.error().to_string();
  EXPECT_EQ(parsed->size(), 3001u);
}

// A quoted field with "" in it lives in the record, which the next record reuses: the table's
// thread must get texts that outlast it.
TEST(ExecutionFile, QuotedTextsOutliveTheirRecords) {
  const std::string rows =
      "\"T\"\"1\",2024-03-15,sh,\"A\"\"1\",00700,buy,1000,301.20\n"
      "\"T\"\"2\",2024-03-15,sh,\"A\"\"2\",00700,sell,500,301.40\n"
      "T3,2024-03-15,sh,INV003,00700,sell,200,299.80\n";
  auto parsed = Parse(rows, 1);
  ASSERT_TRUE(parsed.ok()) << parsed.error().to_string();
  ASSERT_EQ(parsed->size(), 3u);
  EXPECT_EQ(parsed->table[0].trade_id(), "T\"1");
  EXPECT_EQ(parsed->table[0].account_id(), "A\"1");
  EXPECT_EQ(parsed->table[1].account_id(), "A\"2");
  EXPECT_EQ(parsed->table[2].account_id(), "INV003");
}

}  // namespace
}  // namespace cp::clearing
