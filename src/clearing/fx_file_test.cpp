// fx.csv's reference rates against fx.reference_rate_buffer (clearing/input_files.h
// check_reference_rates; SPEC CLR-15, research/domain-facts.md §6.3): a published pair is the
// offshore mid ∓ 3 %, so (sell − buy) − 3 % × (sell + buy) is zero but for rounding each rate to
// its last decimal, which moves it by at most one unit of that decimal.
#include <gtest/gtest.h>

#include "clearing/input_files.h"

namespace cp::clearing {
namespace {

const refdata::ParameterTable& Parameters() {
  static const refdata::ParameterTable table =
      refdata::ParameterTable::parse("parameters.csv",
                                     "key,value,unit,effective_from,effective_to,source,note\n"
                                     "fx.reference_rate_buffer,3,percent,2014-11-17,,test,\n")
          .value();
  return table;
}

Result<void> Check(const std::string& rows) {
  CP_ASSIGN_OR_RETURN(CsvReader reader, CsvReader::from_string("fx.csv",
                                                               "rate_date,channel,reference_buy,"
                                                               "reference_sell,settlement_buy,"
                                                               "settlement_sell\n" +
                                                                   rows));
  CP_ASSIGN_OR_RETURN(auto parsed, parse_fx(reader));
  return check_reference_rates(parsed, Parameters(), "fx.csv");
}

// tests/golden/eod/basic: 0.9405 − 0.8857 = 0.0548 and 3 % × 1.8262 = 0.054786, 0.000014 apart,
// inside one unit of the fourth decimal.
TEST(FxFile, APublishedPairIsTheMidPlusAndMinusTheBuffer) {
  EXPECT_TRUE(Check("2024-03-15,sh,0.8857,0.9405,0.91768,0.91712\n"
                    "2024-03-15,sz,0.8857,0.9405,0.91771,0.91709\n")
                  .ok());
  // Written to five places like the settlement rates, the same pair is the same pair: trailing
  // zeros do not tighten the tolerance to 0.00001 (which 0.000014 would exceed).
  EXPECT_TRUE(Check("2024-03-15,sh,0.88570,0.94050,0.91768,0.91712\n").ok());
}

// At two decimals one unit is 0.01: 0.97 / 1.04 is 0.07 − 0.0603 = 0.0097 off (taken), 0.96 /
// 1.03 is 0.07 − 0.0597 = 0.0103 off (refused, with the mid (0.96 + 1.03) / 2 = 0.995).
TEST(FxFile, OneUnitOfTheLastDecimalIsTheTolerance) {
  EXPECT_TRUE(Check("2024-03-15,sh,0.97,1.04,1.00,1.00\n").ok());
  auto off = Check("2024-03-15,sh,0.96,1.03,1.00,1.00\n");
  ASSERT_FALSE(off.ok());
  EXPECT_EQ(off.error().to_string(),
            "fx.csv:2: field 'reference_sell': reference rates 0.96 / 1.03 are not the mid 0.995 ∓ "
            "3% (fx.reference_rate_buffer, SPEC CLR-15)");
}

// A sell rate 1 % above the mid, as a typing slip of 0.9500 for 0.9405 would give.
TEST(FxFile, APairOffTheBufferIsRefused) {
  auto off = Check("2024-03-15,sh,0.8857,0.9500,0.91768,0.91712\n");
  ASSERT_FALSE(off.ok());
  EXPECT_EQ(off.error().line, 2);
  EXPECT_EQ(off.error().field, "reference_sell");
  EXPECT_NE(off.error().message.find("not the mid 0.91785 ∓ 3%"), std::string::npos)
      << off.error().message;
}

// A rate of 30 integer digits and 8 decimals parses (38 digits), but 3 % of the sum would need
// 41: refused with its row rather than thrown.
TEST(FxFile, RatesTooLargeToCheckAreRefusedWithTheirRow) {
  auto huge = Check("2024-03-15,sh,1,900000000000000000000000000000.00000001,1,1\n");
  ASSERT_FALSE(huge.ok());
  EXPECT_EQ(huge.error().line, 2);
  EXPECT_EQ(huge.error().field, "reference_sell");
  EXPECT_NE(huge.error().message.find("are out of range"), std::string::npos)
      << huge.error().message;
}

TEST(FxFile, OneReferenceRateServesBothChannels) {
  auto differ = Check(
      "2024-03-15,sh,0.8857,0.9405,0.91768,0.91712\n"
      "2024-03-15,sz,0.8858,0.9406,0.91771,0.91709\n");
  ASSERT_FALSE(differ.ok());
  EXPECT_EQ(differ.error().to_string(),
            "fx.csv:3: field 'reference_buy': the reference rates of 2024-03-15 differ from line "
            "2's: one reference rate serves both channels (SPEC CLR-15)");
}

TEST(FxFile, RatesOfADayBeforeSouthboundAreRefused) {
  auto early = Check("2014-11-14,sh,0.8857,0.9405,0.91768,0.91712\n");
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().field, "rate_date");
  EXPECT_NE(early.error().message.find("no fx.reference_rate_buffer in force on 2014-11-14"),
            std::string::npos);
}

}  // namespace
}  // namespace cp::clearing
