// positions.csv (clearing/input_files.h): holdings as of a date, a whole number of shares each.
#include <gtest/gtest.h>

#include "clearing/input_files.h"

namespace cp::clearing {
namespace {

Result<std::vector<PositionRow>> parse(const std::string& text) {
  CP_ASSIGN_OR_RETURN(CsvReader reader, CsvReader::from_string("positions.csv", text));
  return parse_positions(reader);
}

constexpr const char* kHeader = "as_of,account,channel,security,quantity\n";

TEST(PositionsFile, ReadsAHolding) {
  auto rows = parse(std::string(kHeader) + "2024-03-14,INV001,sh,00941,1500\n");
  ASSERT_TRUE(rows.ok()) << rows.error().to_string();
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].quantity, 1500);
}

TEST(PositionsFile, AQuantityBeyondAnyIssueIsRefusedNotWrapped) {
  // Found by fuzz/import_fuzz: 2^63 shares were cast to int64 and read as a negative holding.
  auto wrapped = parse(std::string(kHeader) + "2024-03-14,INV001,sh,00941,9223372036854775808\n");
  ASSERT_FALSE(wrapped.ok());
  // The quantity starts after "2024-03-14,INV001,sh,00941,": 27 characters, column 28.
  EXPECT_EQ(wrapped.error().to_string(),
            "positions.csv:2:28: field 'quantity': quantity 9223372036854775808 is more than "
            "1000000000000 shares");
  // 10^12 shares is the most a holding may be; one more is refused.
  EXPECT_TRUE(parse(std::string(kHeader) + "2024-03-14,INV001,sh,00941,1000000000000\n").ok());
  EXPECT_FALSE(parse(std::string(kHeader) + "2024-03-14,INV001,sh,00941,1000000000001\n").ok());
}

}  // namespace
}  // namespace cp::clearing
