// DatedTable::supersede: a value decided after the file was written replaces the one in force
// from its date on (issue 6 item 7, a fee change approved in the operator's workspace).
#include "refdata/dated.h"

#include <gtest/gtest.h>

namespace cp::refdata {
namespace {

Date day(const char* text) {
  return *Date::parse(text);
}

Provenance from(const char* first, std::optional<Date> last = std::nullopt) {
  Provenance p;
  p.source = "test";
  p.effective_from = day(first);
  p.effective_to = last;
  p.file = "fees.csv";
  p.line = 2;
  return p;
}

TEST(DatedTable, ASupersedingRowTakesOverFromItsDateAndTheOldOneEndsTheDayBefore) {
  DatedTable<std::string> table;
  ASSERT_TRUE(table.add("trading_fee", "0.0000565", from("2023-01-01")).ok());
  ASSERT_TRUE(table.supersede("trading_fee", "0.00005", from("2027-01-01")).ok());
  EXPECT_EQ(table.in_force("trading_fee", day("2026-12-31"))->row, "0.0000565");
  EXPECT_EQ(table.in_force("trading_fee", day("2027-01-01"))->row, "0.00005");
  EXPECT_EQ(table.in_force("trading_fee", day("2030-06-30"))->row, "0.00005");  // open end kept
  EXPECT_EQ(table.in_force("trading_fee", day("2022-12-31")), nullptr);
}

TEST(DatedTable, ASupersedingRowInsideAClosedRangeEndsWhereThatRangeEnded) {
  DatedTable<std::string> table;
  ASSERT_TRUE(table.add("levy", "a", from("2020-01-01", day("2020-12-31"))).ok());
  ASSERT_TRUE(table.add("levy", "c", from("2021-01-01")).ok());
  ASSERT_TRUE(table.supersede("levy", "b", from("2020-07-01")).ok());
  EXPECT_EQ(table.in_force("levy", day("2020-06-30"))->row, "a");
  EXPECT_EQ(table.in_force("levy", day("2020-12-31"))->row, "b");
  EXPECT_EQ(table.in_force("levy", day("2021-01-01"))->row, "c");  // the later row untouched
}

TEST(DatedTable, SupersedingNeedsARowInForceThatStartedEarlier) {
  DatedTable<std::string> table;
  ASSERT_TRUE(table.add("fee", "1", from("2023-01-01")).ok());
  const auto same_day = table.supersede("fee", "2", from("2023-01-01"));
  ASSERT_FALSE(same_day.ok());
  EXPECT_EQ(same_day.error().field, "effective_from");
  EXPECT_FALSE(table.supersede("fee", "2", from("2022-06-01")).ok());    // nothing in force
  EXPECT_FALSE(table.supersede("other", "2", from("2024-01-01")).ok());  // no such key
  EXPECT_EQ(table.size(), 1u);                                           // refused: nothing changed
  EXPECT_EQ(table.in_force("fee", day("2030-01-01"))->row, "1");
}

}  // namespace
}  // namespace cp::refdata
