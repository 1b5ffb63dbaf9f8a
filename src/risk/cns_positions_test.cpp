// Position preparation against the examples of G14 §4.3 and §4.6, and the file's checks.
#include "risk/cns_positions.h"

#include <gtest/gtest.h>

#include "core/test_values.h"

namespace cp::risk {
namespace {

constexpr auto dec = &test_values::D;
constexpr auto day = &test_values::d;

CnsPosition row(const char* security, const char* settles, int64_t quantity, const char* value) {
  CnsPosition out;
  out.as_of = day("2019-11-05");
  out.participant = "B01234";
  out.security = security;
  out.settlement_date = day(settles);
  out.quantity = quantity;
  out.contract_value_hkd = dec(value);
  return out;
}

TEST(PreparePositions, StockCollateralCoversAShortBeforeItsSettlementDay) {
  // G14 §4.3.1 (05-Nov-2019, 1,500 shares pledged): stock 5 −4,000 / −240,000 → −2,500 /
  // −150,000; stock 388 settles today: not covered.
  auto five = row("00005", "2019-11-07", -4'000, "-240000");
  five.ssc_quantity = 1'500;
  auto today = row("00388", "2019-11-05", -4'000, "-1200000");
  today.ssc_quantity = 1'500;
  const auto prepared = prepare_positions({five, today});
  ASSERT_EQ(prepared.size(), 2u);
  EXPECT_EQ(prepared[0].security, "00005");
  EXPECT_EQ(prepared[0].quantity, -2'500);
  EXPECT_EQ(prepared[0].contract_value_hkd, dec("-150000"));
  EXPECT_EQ(prepared[0].ssc_covered, 1'500);
  EXPECT_EQ(prepared[1].quantity, -4'000);
  EXPECT_EQ(prepared[1].ssc_covered, 0);
}

TEST(PreparePositions, ExcessStockCollateralIsIgnored) {
  auto short_position = row("00005", "2019-11-07", -1'000, "-60000");
  short_position.ssc_quantity = 1'500;
  const auto prepared = prepare_positions({short_position});
  EXPECT_EQ(prepared[0].quantity, 0);
  EXPECT_TRUE(prepared[0].contract_value_hkd.is_zero());
  EXPECT_EQ(prepared[0].ssc_covered, 1'000);
}

TEST(PreparePositions, CashCollateralCoversALongAndRoundsTheSharesLeftUp) {
  // G14 §4.3.2: 2,000 / 180,000 with 60,000 of cash cover → 120,000, 2,000 × 120/180 =
  // 1,333.33… → 1,334 shares.
  auto long_position = row("00005", "2019-11-07", 2'000, "180000");
  long_position.scc_amount_hkd = dec("60000");
  const auto prepared = prepare_positions({long_position});
  EXPECT_EQ(prepared[0].quantity, 1'334);
  EXPECT_EQ(prepared[0].contract_value_hkd, dec("120000"));
  EXPECT_EQ(prepared[0].scc_covered_hkd, dec("60000"));
}

TEST(PreparePositions, SettlementDatesNetPerInstrument) {
  // G14 §4.6: 400 + (−800) + 1,200 = 800; 24,000 − 49,600 + 73,200 = 47,600.
  const auto prepared = prepare_positions({row("00700", "2019-11-05", 400, "24000"),
                                           row("00700", "2019-11-06", -800, "-49600"),
                                           row("00700", "2019-11-07", 1'200, "73200")});
  ASSERT_EQ(prepared.size(), 1u);
  EXPECT_EQ(prepared[0].quantity, 800);
  EXPECT_EQ(prepared[0].contract_value_hkd, dec("47600"));
}

class CnsPositionFileTest : public ::testing::Test {
 protected:
  Result<std::vector<CnsPosition>> parse(const std::string& rows) {
    auto securities = refdata::SecurityMaster::parse(
        "securities.csv",
        "code,name,board_lot,kind,hsci_size,hsi_hscei,ah_venue,a_share_status,currency,"
        "avg_mcap_hkd,effective_from,effective_to,source\n"
        "00005,HSBC,400,equity,large,true,none,none,HKD,,2014-11-17,,test\n"
        "80700,Tencent RMB,100,equity,none,false,none,none,CNY,,2023-06-19,,test\n");
    auto reader = CsvReader::from_string(
        "cns_positions.csv",
        "as_of,participant,security,settlement_date,quantity,contract_value_hkd,ssc_quantity,"
        "scc_amount_hkd\n" +
            rows);
    return parse_cns_positions(reader.value(), securities.value());
  }
  void expect_refused(const std::string& rows, const std::string& where,
                      const std::string& message) {
    const auto parsed = parse(rows);
    ASSERT_FALSE(parsed.ok()) << rows;
    EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidInput);
    EXPECT_NE(parsed.error().to_string().find(where), std::string::npos)
        << parsed.error().to_string();
    EXPECT_NE(parsed.error().to_string().find(message), std::string::npos)
        << parsed.error().to_string();
  }
};

TEST_F(CnsPositionFileTest, ReadsEveryField) {
  const auto parsed = parse("2024-03-15,B01234,00005,2024-03-19,-400,-24000.50,100,\n");
  ASSERT_TRUE(parsed.ok()) << parsed.error().to_string();
  ASSERT_EQ(parsed->size(), 1u);
  EXPECT_EQ((*parsed)[0].quantity, -400);
  EXPECT_EQ((*parsed)[0].contract_value_hkd, dec("-24000.50"));
  EXPECT_EQ((*parsed)[0].ssc_quantity, 100);
  EXPECT_TRUE((*parsed)[0].scc_amount_hkd.is_zero());
  EXPECT_EQ((*parsed)[0].line, 2);
}

TEST_F(CnsPositionFileTest, RefusesBadRowsNamingLineAndField) {
  expect_refused("2024-03-15,B01234,09999,2024-03-19,400,24000,,\n", "cns_positions.csv:2:",
                 "field 'security': '09999' is not in the securities master on 2024-03-15");
  expect_refused("2024-03-15,B01234,00005,2024-03-14,400,24000,,\n", "field 'settlement_date'",
                 "is before as_of");
  expect_refused("2024-03-15,B01234,00005,2024-03-19,400,-24000,,\n", "field 'contract_value_hkd'",
                 "must not be negative for a long position");
  expect_refused("2024-03-15,B01234,00005,2024-03-19,0,0,,\n", "field 'quantity'", "must not be 0");
  expect_refused("2024-03-15,B01234,00005,2024-03-19,400,24000,100,\n", "field 'ssc_quantity'",
                 "covers short positions only");
  expect_refused("2024-03-15,B01234,00005,2024-03-19,-400,-24000,,10\n", "field 'scc_amount_hkd'",
                 "covers long positions only");
  expect_refused("2024-03-15,B01234,80700,2024-03-19,400,24000,,\n", "field 'security'",
                 "'80700' is a CNY counter: only HKD counters are margined here");
  expect_refused("2024-03-15,B 01,00005,2024-03-19,400,24000,,\n", "field 'participant'",
                 "letters, digits");
  expect_refused(
      "2024-03-15,B01234,00005,2024-03-19,400,24000,,\n"
      "2024-03-15,B01234,00005,2024-03-19,100,6000,,\n",
      "cns_positions.csv:3", "settlement_date as line 2");
}

}  // namespace
}  // namespace cp::risk
