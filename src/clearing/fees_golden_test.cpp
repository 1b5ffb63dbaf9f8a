// Fee cases of tests/golden/fees/cases.csv, worked from the published rates for every regime
// (the file's README and `why` column), against the shipped data/fees.csv.
#include <gtest/gtest.h>

#include <filesystem>

#include "clearing/fees.h"
#include "core/csv.h"
#include "refdata/refdata.h"

namespace cp::clearing {
namespace {

namespace fs = std::filesystem;

TEST(FeesGolden, EveryRegimeToTheCent) {
  auto data = refdata::load_refdata(fs::path(CONNECTPOST_SOURCE_DIR) / "data");
  ASSERT_TRUE(data.ok()) << data.error().to_string();
  const fs::path path = fs::path(CONNECTPOST_SOURCE_DIR) / "tests/golden/fees/cases.csv";
  auto reader = CsvReader::open(path.string(), "cases.csv");
  ASSERT_TRUE(reader.ok()) << reader.error().to_string();
  CsvRecord record;
  int cases = 0;
  while (true) {
    auto more = reader->next(record);
    ASSERT_TRUE(more.ok()) << more.error().to_string();
    if (!*more) break;
    auto field = [&](const char* name) { return std::string(record[*reader->column(name)]); };
    SCOPED_TRACE("cases.csv:" + std::to_string(record.line()) + " " + field("why"));
    const Date date = *Date::parse(field("trade_date"));
    const Decimal consideration =
        *Decimal::parse(field("price")) * *Decimal::parse(field("quantity"));
    EXPECT_EQ(consideration.round(2, Rounding::kHalfUp).to_string(), field("consideration"));
    const auto fees =
        DayFees::for_date(data->fees, date).compute(consideration, field("etf") == "yes");
    for (const auto& line : fees.lines) {
      EXPECT_EQ(line.amount_hkd.to_string(), field(refdata::fee_code_name(line.code)))
          << refdata::fee_code_name(line.code);
    }
    EXPECT_EQ(fees.total_hkd.to_string(), field("total"));
    ++cases;
  }
  EXPECT_GE(cases, 14);
}

}  // namespace
}  // namespace cp::clearing
