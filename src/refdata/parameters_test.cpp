// Tests of effective-dated reference data (refdata/dated.h), the parameter table
// (refdata/parameters.h) and the shipped data/parameters.csv (refdata/refdata.h). Line and column
// numbers of errors are counted by hand in the comment next to each case.
#include "refdata/parameters.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/currency.h"
#include "core/date.h"
#include "core/decimal.h"
#include "core/error.h"
#include "core/money.h"
#include "core/result.h"
#include "refdata/dated.h"
#include "refdata/refdata.h"

namespace cp::refdata {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;

Date D(std::string_view iso) {
  return Date::parse(iso).value();
}

Provenance range(std::string_view from, std::optional<std::string_view> to,
                 std::string file = "x.csv", int64_t line = 2) {
  Provenance p;
  p.source = "test";
  p.effective_from = D(from);
  if (to) p.effective_to = D(*to);
  p.file = std::move(file);
  p.line = line;
  return p;
}

constexpr std::string_view kHeader = "key,value,unit,effective_from,effective_to,source,note\n";

// A parameters file made of the header and `rows` (each a line without its LF).
std::string csv(std::initializer_list<std::string_view> rows) {
  std::string text(kHeader);
  for (std::string_view row : rows) {
    text += row;
    text += '\n';
  }
  return text;
}

// The error of a parse that must fail (an empty Error when it unexpectedly succeeds).
Error parse_error(std::initializer_list<std::string_view> rows) {
  const Result<ParameterTable> table = ParameterTable::parse("p.csv", csv(rows));
  EXPECT_FALSE(table.ok()) << "the file was accepted";
  return table.ok() ? Error{} : table.error();
}

// ---------------------------------------------------------------------------------------------
// Provenance and DatedTable.
// ---------------------------------------------------------------------------------------------

TEST(ProvenanceTest, Overlaps) {
  // Adjacent ranges: January, then February onward.
  const Provenance january = range("2024-01-01", "2024-01-31");
  const Provenance from_february = range("2024-02-01", std::nullopt);
  EXPECT_FALSE(january.overlaps(from_february));
  EXPECT_FALSE(from_february.overlaps(january));

  // An open end overlaps any later start.
  const Provenance open_ended = range("2024-01-01", std::nullopt);
  const Provenance later = range("2030-06-01", "2030-06-30");
  EXPECT_TRUE(open_ended.overlaps(later));
  EXPECT_TRUE(later.overlaps(open_ended));

  // Identical ranges, closed and open.
  EXPECT_TRUE(january.overlaps(january));
  EXPECT_TRUE(open_ended.overlaps(open_ended));

  // Ends are inclusive: sharing one day is an overlap.
  const Provenance from_jan_31 = range("2024-01-31", "2024-03-31");
  EXPECT_TRUE(january.overlaps(from_jan_31));
  EXPECT_TRUE(from_jan_31.overlaps(january));

  // A gap between the ranges.
  const Provenance march = range("2024-03-01", "2024-03-31");
  EXPECT_FALSE(january.overlaps(march));
  EXPECT_FALSE(march.overlaps(january));

  // One range inside another.
  const Provenance mid_january = range("2024-01-10", "2024-01-20");
  EXPECT_TRUE(january.overlaps(mid_january));
  EXPECT_TRUE(mid_january.overlaps(january));
}

TEST(ProvenanceTest, InForceOnIsInclusiveAndLocationNamesFileAndLine) {
  const Provenance january = range("2024-01-01", "2024-01-31", "data/parameters.csv", 12);
  EXPECT_FALSE(january.in_force_on(D("2023-12-31")));
  EXPECT_TRUE(january.in_force_on(D("2024-01-01")));
  EXPECT_TRUE(january.in_force_on(D("2024-01-31")));
  EXPECT_FALSE(january.in_force_on(D("2024-02-01")));
  EXPECT_TRUE(range("2024-01-01", std::nullopt).in_force_on(D("2999-12-31")));
  EXPECT_EQ(january.location(), "data/parameters.csv:12");
}

TEST(DatedTableTest, RefusesAnOverlappingRangeNamingBothRows) {
  DatedTable<int> table;
  ASSERT_TRUE(table.add("k", 1, range("2024-01-01", std::nullopt, "x.csv", 3)).ok());
  const Result<void> refused = table.add("k", 2, range("2024-06-01", "2024-06-30", "x.csv", 5));
  ASSERT_FALSE(refused.ok());
  const Error& error = refused.error();
  EXPECT_EQ(error.code, ErrorCode::kInvalidInput);
  // Located at the new row, naming the existing one and its range.
  EXPECT_EQ(error.file, "x.csv");
  EXPECT_EQ(error.line, 5);
  EXPECT_EQ(error.field, "effective_from");
  EXPECT_THAT(error.message, HasSubstr("'k'"));
  EXPECT_THAT(error.message, HasSubstr("2024-06-01"));
  EXPECT_THAT(error.message, HasSubstr("x.csv:3"));
  EXPECT_THAT(error.message, HasSubstr("2024-01-01 to open end"));
  EXPECT_THAT(error.to_string(), StartsWith("x.csv:5: field 'effective_from': "));
  // The refused row was not added.
  EXPECT_EQ(table.size(), 1u);
  ASSERT_NE(table.in_force("k", D("2024-06-15")), nullptr);
  EXPECT_EQ(table.in_force("k", D("2024-06-15"))->row, 1);
}

TEST(DatedTableTest, AcceptsAdjacentRangesAndOtherKeys) {
  DatedTable<int> table;
  ASSERT_TRUE(table.add("k", 1, range("2024-01-01", "2024-01-31", "x.csv", 2)).ok());
  ASSERT_TRUE(table.add("k", 2, range("2024-02-01", std::nullopt, "x.csv", 3)).ok());
  ASSERT_TRUE(table.add("other", 3, range("2024-01-01", std::nullopt, "x.csv", 4)).ok());
  EXPECT_EQ(table.size(), 3u);
  // A range before both existing ones still fits.
  ASSERT_TRUE(table.add("k", 0, range("2023-01-01", "2023-06-30", "x.csv", 5)).ok());
  EXPECT_EQ(table.size(), 4u);
  // A range sharing only its last day with January does not.
  EXPECT_FALSE(table.add("k", 9, range("2023-07-01", "2024-01-01", "x.csv", 6)).ok());
  // Filling the gap exactly does.
  EXPECT_TRUE(table.add("k", 9, range("2023-07-01", "2023-12-31", "x.csv", 7)).ok());
}

TEST(DatedTableTest, InForceAtTheEdgesOfEachRange) {
  DatedTable<int> table;
  ASSERT_TRUE(table.add("k", 1, range("2024-01-01", "2024-01-31", "x.csv", 2)).ok());
  ASSERT_TRUE(table.add("k", 2, range("2024-02-01", std::nullopt, "x.csv", 3)).ok());

  EXPECT_EQ(table.in_force("k", D("2023-12-31")), nullptr);
  ASSERT_NE(table.in_force("k", D("2024-01-01")), nullptr);
  EXPECT_EQ(table.in_force("k", D("2024-01-01"))->row, 1);
  ASSERT_NE(table.in_force("k", D("2024-01-31")), nullptr);
  EXPECT_EQ(table.in_force("k", D("2024-01-31"))->row, 1);  // effective_to is inclusive
  ASSERT_NE(table.in_force("k", D("2024-02-01")), nullptr);
  EXPECT_EQ(table.in_force("k", D("2024-02-01"))->row, 2);
  ASSERT_NE(table.in_force("k", D("2999-12-31")), nullptr);
  EXPECT_EQ(table.in_force("k", D("2999-12-31"))->row, 2);
  EXPECT_EQ(table.in_force("k", D("2024-02-01"))->provenance.line, 3);
  EXPECT_EQ(table.in_force("missing", D("2024-02-01")), nullptr);
}

TEST(DatedTableTest, AllInForceIsOrderedByKey) {
  DatedTable<int> table;
  ASSERT_TRUE(table.add("zeta", 1, range("2024-01-01", std::nullopt)).ok());
  ASSERT_TRUE(table.add("alpha", 2, range("2024-01-01", "2024-01-31")).ok());
  ASSERT_TRUE(table.add("mid", 3, range("2024-02-01", std::nullopt)).ok());
  ASSERT_TRUE(table.add("alpha", 4, range("2024-02-01", std::nullopt)).ok());
  ASSERT_TRUE(table.add("beta", 5, range("2025-01-01", std::nullopt)).ok());

  std::vector<std::string> keys;
  std::vector<int> rows;
  for (const auto* entry : table.all_in_force(D("2024-02-15"))) {
    keys.push_back(entry->key);
    rows.push_back(entry->row);
  }
  EXPECT_THAT(keys, ElementsAre("alpha", "mid", "zeta"));  // beta starts in 2025
  EXPECT_THAT(rows, ElementsAre(4, 3, 1));

  keys.clear();
  for (const auto* entry : table.all_in_force(D("2024-01-15"))) keys.push_back(entry->key);
  EXPECT_THAT(keys, ElementsAre("alpha", "zeta"));

  EXPECT_TRUE(table.all_in_force(D("2023-12-31")).empty());
}

TEST(DatedTableTest, DescribeRange) {
  EXPECT_EQ(DatedTable<int>::describe_range(range("2024-01-01", "2024-01-31")),
            "2024-01-01 to 2024-01-31");
  EXPECT_EQ(DatedTable<int>::describe_range(range("2024-01-01", std::nullopt)),
            "2024-01-01 to open end");
}

// ---------------------------------------------------------------------------------------------
// Loading parameters: errors.
// ---------------------------------------------------------------------------------------------

TEST(ParameterLoadTest, AcceptsAGoodFile) {
  const Result<ParameterTable> table = ParameterTable::parse(
      "p.csv", csv({"a.rate,22,percent,2024-01-01,2024-12-31,src,SPEC X-1",
                    "a.rate,25,percent,2025-01-01,2025-12-31,src,",
                    "b.quota,\"42000000000\",CNY,2024-01-01,,\"source, with a comma\",note"}));
  ASSERT_TRUE(table.ok()) << table.error().to_string();
  ASSERT_EQ(table->table().size(), 3u);
  const auto& entries = table->table().entries();
  EXPECT_EQ(entries[0].key, "a.rate");
  EXPECT_EQ(entries[0].row.value, "22");
  EXPECT_EQ(entries[0].row.unit, "percent");
  EXPECT_EQ(entries[0].row.note, "SPEC X-1");
  EXPECT_EQ(entries[0].provenance.file, "p.csv");
  EXPECT_EQ(entries[0].provenance.line, 2);
  EXPECT_EQ(entries[0].provenance.source, "src");
  EXPECT_EQ(entries[1].provenance.effective_from.to_string(), "2025-01-01");
  ASSERT_TRUE(entries[1].provenance.effective_to.has_value());
  EXPECT_EQ(entries[1].provenance.effective_to->to_string(), "2025-12-31");
  EXPECT_EQ(entries[0].provenance.effective_to->to_string(), "2024-12-31");
  EXPECT_FALSE(entries[2].provenance.effective_to.has_value());
  EXPECT_EQ(entries[2].provenance.source, "source, with a comma");
}

TEST(ParameterLoadTest, UnknownUnitPointsAtTheUnitColumn) {
  // line 2: k,5,furlongs,...   -- 'k' 1, ',' 2, '5' 3, ',' 4, the unit starts at 5
  const Error error = parse_error({"k,5,furlongs,2024-01-01,,src,"});
  EXPECT_EQ(error.code, ErrorCode::kInvalidInput);
  EXPECT_EQ(error.file, "p.csv");
  EXPECT_EQ(error.line, 2);
  EXPECT_EQ(error.column, 5);
  EXPECT_EQ(error.field, "unit");
  EXPECT_THAT(error.message, HasSubstr("unknown unit 'furlongs'"));
  EXPECT_THAT(error.to_string(), StartsWith("p.csv:2:5: field 'unit': "));
}

TEST(ParameterLoadTest, RmbAsAUnitIsRefusedWithTheIsoCode) {
  // One spelling of the renminbi reaches the database: ISO 4217 CNY.
  const Error error = parse_error({"k,5,RMB,2024-01-01,,src,"});
  EXPECT_EQ(error.line, 2);
  EXPECT_EQ(error.column, 5);
  EXPECT_EQ(error.field, "unit");
  EXPECT_THAT(error.message, HasSubstr("use the ISO 4217 code CNY"));
}

TEST(ParameterLoadTest, UnitColumnIsCountedInCodePoints) {
  // line 2: k,腾讯,furlongs,...   -- 'k' 1, ',' 2, 腾 3, 讯 4, ',' 5, the unit starts at 6
  const Error error = parse_error({"k,腾讯,furlongs,2024-01-01,,src,"});
  EXPECT_EQ(error.line, 2);
  EXPECT_EQ(error.column, 6);
  EXPECT_EQ(error.field, "unit");
}

TEST(ParameterLoadTest, BadValuePointsAtTheValueColumn) {
  // line 3: k,abc,percent,...   -- the value starts at column 3
  const Error error =
      parse_error({"good,1,percent,2024-01-01,,src,", "k,abc,percent,2024-01-01,,src,"});
  EXPECT_EQ(error.code, ErrorCode::kInvalidInput);
  EXPECT_EQ(error.file, "p.csv");
  EXPECT_EQ(error.line, 3);
  EXPECT_EQ(error.column, 3);
  EXPECT_EQ(error.field, "value");
  EXPECT_THAT(error.to_string(), StartsWith("p.csv:3:3: field 'value': "));
}

TEST(ParameterLoadTest, ValueIsCheckedAgainstItsUnit) {
  struct Case {
    const char* row;
    const char* message;  // a part of the expected message
  };
  for (const Case& c : {
           Case{"k,1.234,CNY,2024-01-01,,src,", "CNY amount"},  // 3 decimals; the fen is 2
           Case{"k,yes,bool,2024-01-01,,src,", "not a boolean"},
           Case{"k,1.5,integer,2024-01-01,,src,", "not an integer"},
           Case{"k,,days,2024-01-01,,src,", "not an integer"},
           Case{"k,24:00,time_hkt,2024-01-01,,src,", "not a time of day"},
           Case{"k,10.30,time_hkt,2024-01-01,,src,", "HH:MM"},
           Case{"k,2024-02-30,date,2024-01-01,,src,", "not a calendar date"},
           Case{"k,,text,2024-01-01,,src,", "empty text value"},
       }) {
    SCOPED_TRACE(c.row);
    const Error error = parse_error({c.row});
    EXPECT_EQ(error.line, 2);
    EXPECT_EQ(error.column, 3);
    EXPECT_EQ(error.field, "value");
    EXPECT_THAT(error.message, HasSubstr(c.message));
  }
}

TEST(ParameterLoadTest, MissingSource) {
  // line 2: k,5,percent,2024-01-01,,,note   -- 2024-01-01 is 13-22, ',' 23, effective_to (empty)
  // at 24, ',' 24, source (empty) at 25
  const Error error = parse_error({"k,5,percent,2024-01-01,,,note"});
  EXPECT_EQ(error.code, ErrorCode::kInvalidInput);
  EXPECT_EQ(error.line, 2);
  EXPECT_EQ(error.column, 25);
  EXPECT_EQ(error.field, "source");
  EXPECT_THAT(error.message, HasSubstr("source"));
  EXPECT_THAT(error.to_string(), StartsWith("p.csv:2:25: field 'source': "));
}

TEST(ParameterLoadTest, EffectiveToBeforeEffectiveFrom) {
  // line 2: k,5,percent,2024-01-01,2023-12-31,...   -- effective_to starts at 24
  const Error error = parse_error({"k,5,percent,2024-01-01,2023-12-31,src,"});
  EXPECT_EQ(error.code, ErrorCode::kInvalidInput);
  EXPECT_EQ(error.line, 2);
  EXPECT_EQ(error.column, 24);
  EXPECT_EQ(error.field, "effective_to");
  EXPECT_THAT(error.message, HasSubstr("2023-12-31"));
  EXPECT_THAT(error.message, HasSubstr("2024-01-01"));

  // A one-day range (to == from) is fine.
  EXPECT_TRUE(ParameterTable::parse("p.csv", csv({"k,5,percent,2024-01-01,2024-01-01,src,"})).ok());
}

TEST(ParameterLoadTest, BadEffectiveDates) {
  // line 2: k,5,percent,2024-02-30,...   -- effective_from starts at 13
  const Error from = parse_error({"k,5,percent,2024-02-30,,src,"});
  EXPECT_EQ(from.line, 2);
  EXPECT_EQ(from.column, 13);
  EXPECT_EQ(from.field, "effective_from");
  EXPECT_THAT(from.message, HasSubstr("2024-02-30"));

  // line 2: k,5,percent,2024-01-01,31/12/2024,...   -- effective_to starts at 24
  const Error to = parse_error({"k,5,percent,2024-01-01,31/12/2024,src,"});
  EXPECT_EQ(to.line, 2);
  EXPECT_EQ(to.column, 24);
  EXPECT_EQ(to.field, "effective_to");
}

TEST(ParameterLoadTest, EmptyKey) {
  const Error error = parse_error({",5,percent,2024-01-01,,src,"});
  EXPECT_EQ(error.line, 2);
  EXPECT_EQ(error.column, 1);
  EXPECT_EQ(error.field, "key");
}

TEST(ParameterLoadTest, OverlappingRowsNameBothLines) {
  // line 2 is open-ended; line 4 (same key) starts inside it.
  const Error error = parse_error({"k,5,percent,2024-01-01,,src,", "other,1,ratio,2024-01-01,,src,",
                                   "k,6,percent,2024-06-01,,src,"});
  EXPECT_EQ(error.code, ErrorCode::kInvalidInput);
  EXPECT_EQ(error.file, "p.csv");
  EXPECT_EQ(error.line, 4);
  EXPECT_EQ(error.field, "effective_from");
  EXPECT_THAT(error.message, HasSubstr("p.csv:2"));
  EXPECT_THAT(error.to_string(), StartsWith("p.csv:4: field 'effective_from': "));
}

TEST(ParameterLoadTest, MissingRequiredColumns) {
  const Result<ParameterTable> table =
      ParameterTable::parse("p.csv", "key,value,unit,effective_from,effective_to\n");
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(table.error().file, "p.csv");
  EXPECT_EQ(table.error().line, 1);
  EXPECT_THAT(table.error().message, HasSubstr("'source', 'note'"));
}

TEST(ParameterLoadTest, WrongFieldCount) {
  const Error error = parse_error({"k,5,percent,2024-01-01,,src"});
  EXPECT_EQ(error.line, 2);
  EXPECT_EQ(error.column, 0);
}

TEST(ParameterLoadTest, MissingFileNamesThePath) {
  const std::filesystem::path path =
      std::filesystem::path(testing::TempDir()) / "connectpost_no_such_parameters.csv";
  const Result<ParameterTable> table = ParameterTable::load(path);
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.error().file, path.string());
  const Result<ParameterTable> shown = ParameterTable::load(path, "data/parameters.csv");
  ASSERT_FALSE(shown.ok());
  EXPECT_EQ(shown.error().file, "data/parameters.csv");
}

// ---------------------------------------------------------------------------------------------
// Typed look-ups.
// ---------------------------------------------------------------------------------------------

class ParameterLookupTest : public testing::Test {
 protected:
  void SetUp() override {
    Result<ParameterTable> parsed =
        ParameterTable::parse("p.csv", csv({
                                           "risk.margin_rate,22,percent,2014-11-17,,src,",
                                           "clr.penalty_rate,0.0027,percent,2014-11-17,,src,",
                                           "risk.multiplier,1.5,ratio,2014-11-17,,src,",
                                           "quota,42000000000,CNY,2018-05-01,,src,",
                                           "deposit,200000.50,CNY,2016-12-01,,src,",
                                           "max_lots,3000,integer,2014-11-17,,src,",
                                           "day_count,365,days,2014-11-17,,src,",
                                           "open_date,2014-11-17,date,2014-11-17,,src,",
                                           "cutoff,10:30,time_hkt,2014-11-17,,src,",
                                           "weather,true,bool,2024-09-23,,src,",
                                           "weather,false,bool,2014-11-17,2024-09-22,src,",
                                           "rule,common_trading_days,text,2023-04-24,,src,",
                                       }));
    ASSERT_TRUE(parsed.ok()) << parsed.error().to_string();
    table_ = std::move(parsed).value();
  }
  ParameterTable table_;
};

TEST_F(ParameterLookupTest, PercentIsDividedByAHundredExactly) {
  const Result<Decimal> margin = table_.ratio("risk.margin_rate", D("2024-03-15"));
  ASSERT_TRUE(margin.ok()) << margin.error().to_string();
  EXPECT_EQ(margin->to_string(), "0.22");
  EXPECT_TRUE(*margin == Decimal::parse("0.22").value());

  const Result<Decimal> penalty = table_.ratio("clr.penalty_rate", D("2024-03-15"));
  ASSERT_TRUE(penalty.ok()) << penalty.error().to_string();
  EXPECT_EQ(penalty->to_string(), "0.000027");  // 0.0027% = 0.000027
  EXPECT_TRUE(*penalty == Decimal::parse("0.000027").value());

  // A plain ratio is taken as written.
  const Result<Decimal> multiplier = table_.ratio("risk.multiplier", D("2024-03-15"));
  ASSERT_TRUE(multiplier.ok()) << multiplier.error().to_string();
  EXPECT_EQ(multiplier->to_string(), "1.5");
}

TEST_F(ParameterLookupTest, Money) {
  const Result<Money> quota = table_.money("quota", D("2018-05-01"));
  ASSERT_TRUE(quota.ok()) << quota.error().to_string();
  EXPECT_EQ(quota->currency(), Currency::kCNY);
  EXPECT_EQ(quota->to_string(), "CNY 42000000000");
  EXPECT_TRUE(quota->amount() == Decimal::from_int(42'000'000'000));

  const Result<Money> deposit = table_.money("deposit", D("2024-03-15"));
  ASSERT_TRUE(deposit.ok()) << deposit.error().to_string();
  EXPECT_EQ(deposit->to_string(), "CNY 200000.50");
}

TEST_F(ParameterLookupTest, IntegerDateTimeBooleanText) {
  const Result<int64_t> lots = table_.integer("max_lots", D("2024-03-15"));
  ASSERT_TRUE(lots.ok()) << lots.error().to_string();
  EXPECT_EQ(*lots, 3000);
  const Result<int64_t> days = table_.integer("day_count", D("2024-03-15"));
  ASSERT_TRUE(days.ok()) << days.error().to_string();
  EXPECT_EQ(*days, 365);

  const Result<Date> opened = table_.date("open_date", D("2024-03-15"));
  ASSERT_TRUE(opened.ok()) << opened.error().to_string();
  EXPECT_EQ(opened->to_string(), "2014-11-17");

  const Result<TimeOfDay> cutoff = table_.time("cutoff", D("2024-03-15"));
  ASSERT_TRUE(cutoff.ok()) << cutoff.error().to_string();
  EXPECT_EQ(cutoff->to_string(), "10:30");
  EXPECT_EQ(cutoff->seconds_since_midnight(), 10 * 3600 + 30 * 60);

  const Result<bool> before = table_.boolean("weather", D("2024-09-22"));
  ASSERT_TRUE(before.ok()) << before.error().to_string();
  EXPECT_FALSE(*before);
  const Result<bool> after = table_.boolean("weather", D("2024-09-23"));
  ASSERT_TRUE(after.ok()) << after.error().to_string();
  EXPECT_TRUE(*after);

  const Result<std::string> rule = table_.text("rule", D("2023-04-24"));
  ASSERT_TRUE(rule.ok()) << rule.error().to_string();
  EXPECT_EQ(*rule, "common_trading_days");
}

TEST_F(ParameterLookupTest, UnitMismatchIsAnError) {
  const Date on = D("2024-03-15");
  const Result<TimeOfDay> time = table_.time("risk.margin_rate", on);
  ASSERT_FALSE(time.ok());
  EXPECT_THAT(time.error().message, HasSubstr("'risk.margin_rate'"));
  EXPECT_THAT(time.error().message, HasSubstr("percent"));

  EXPECT_FALSE(table_.ratio("rule", on).ok());               // text
  EXPECT_FALSE(table_.money("risk.margin_rate", on).ok());   // percent
  EXPECT_FALSE(table_.integer("quota", on).ok());            // CNY
  EXPECT_FALSE(table_.integer("risk.multiplier", on).ok());  // ratio
  EXPECT_FALSE(table_.date("max_lots", on).ok());            // integer
  EXPECT_FALSE(table_.boolean("rule", on).ok());             // text
  EXPECT_FALSE(table_.text("weather", on).ok());             // bool
  EXPECT_FALSE(table_.time("open_date", on).ok());           // date

  const Result<Money> money = table_.money("cutoff", on);
  ASSERT_FALSE(money.ok());
  EXPECT_THAT(money.error().message, HasSubstr("'cutoff'"));
  EXPECT_THAT(money.error().message, HasSubstr("time_hkt"));
}

TEST_F(ParameterLookupTest, KeyNotInForceIsNotFound) {
  const Result<Decimal> unknown = table_.ratio("no.such.key", D("2024-03-15"));
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(unknown.error().file, "p.csv");
  EXPECT_THAT(unknown.error().message, HasSubstr("'no.such.key'"));
  EXPECT_THAT(unknown.error().message, HasSubstr("2024-03-15"));

  // The key exists, but not yet: the quota row starts on 2018-05-01.
  const Result<Money> early = table_.money("quota", D("2018-04-30"));
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().code, ErrorCode::kNotFound);
  EXPECT_THAT(early.error().message, HasSubstr("'quota'"));
  EXPECT_THAT(early.error().message, HasSubstr("2018-04-30"));

  const Result<bool> before_launch = table_.boolean("weather", D("2014-11-16"));
  ASSERT_FALSE(before_launch.ok());
  EXPECT_EQ(before_launch.error().code, ErrorCode::kNotFound);
  EXPECT_THAT(before_launch.error().message, HasSubstr("2014-11-16"));
}

// ---------------------------------------------------------------------------------------------
// Loading a data directory.
// ---------------------------------------------------------------------------------------------

TEST(LoadRefdataTest, MissingDirectoryNamesThePath) {
  const std::filesystem::path dir =
      std::filesystem::path(testing::TempDir()) / "connectpost_no_such_data_dir";
  const Result<RefData> data = load_refdata(dir);
  ASSERT_FALSE(data.ok());
  EXPECT_EQ(data.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(data.error().file, dir.string());
}

TEST(LoadRefdataTest, ErrorsNameTheFileRelativeToTheDataDirectoryParent) {
  const std::filesystem::path dir =
      std::filesystem::path(testing::TempDir()) / "connectpost_parameters_test" / "data";
  std::filesystem::create_directories(dir);
  {
    std::ofstream out(dir / "parameters.csv", std::ios::binary | std::ios::trunc);
    out << csv({"k,5,furlongs,2024-01-01,,src,"});
  }
  const Result<RefData> data = load_refdata(dir);
  ASSERT_FALSE(data.ok());
  // line 2, column 5: the unit (see UnknownUnitPointsAtTheUnitColumn).
  EXPECT_THAT(data.error().to_string(), StartsWith("data/parameters.csv:2:5: field 'unit': "));
}

// ---------------------------------------------------------------------------------------------
// The shipped data/parameters.csv.
// ---------------------------------------------------------------------------------------------

class ShippedParametersTest : public testing::Test {
 protected:
  void SetUp() override {
    Result<RefData> loaded = load_refdata(std::filesystem::path(CONNECTPOST_SOURCE_DIR) / "data");
    ASSERT_TRUE(loaded.ok()) << loaded.error().to_string();
    data_ = std::move(loaded).value();
  }
  const ParameterTable& parameters() const { return data_.parameters; }
  RefData data_;
};

TEST_F(ShippedParametersTest, LoadsWithASourceOnEveryRow) {
  // parameters.csv is loaded first; the spread table and the securities master follow.
  ASSERT_GE(data_.files.size(), 1u);
  EXPECT_EQ(data_.files[0].path, "data/parameters.csv");
  EXPECT_EQ(data_.files[0].rows, parameters().table().size());
  ASSERT_GT(parameters().table().size(), 0u);
  for (const auto& entry : parameters().table().entries()) {
    SCOPED_TRACE(entry.provenance.location());
    EXPECT_FALSE(entry.provenance.source.empty()) << entry.key;
    EXPECT_FALSE(entry.key.empty());
  }
}

TEST_F(ShippedParametersTest, ShanghaiDailyQuotaRaisedOnFirstMay2018) {
  // SFC press release 18PR39: the Southbound daily quota rose from RMB 10.5 bn to RMB 42 bn
  // from 1 May 2018.
  const Result<Money> before = parameters().money("southbound.daily_quota.sh", D("2018-04-30"));
  ASSERT_TRUE(before.ok()) << before.error().to_string();
  EXPECT_EQ(before->currency(), Currency::kCNY);
  EXPECT_EQ(before->to_string(), "CNY 10500000000");
  EXPECT_TRUE(before->amount() == Decimal::from_int(10'500'000'000));

  const Result<Money> after = parameters().money("southbound.daily_quota.sh", D("2018-05-01"));
  ASSERT_TRUE(after.ok()) << after.error().to_string();
  EXPECT_EQ(after->to_string(), "CNY 42000000000");
  EXPECT_TRUE(after->amount() == Decimal::from_int(42'000'000'000));

  // Shanghai Southbound opened on 2014-11-17.
  const Result<Money> launch = parameters().money("southbound.daily_quota.sh", D("2014-11-17"));
  ASSERT_TRUE(launch.ok()) << launch.error().to_string();
  EXPECT_EQ(launch->to_string(), "CNY 10500000000");
}

TEST_F(ShippedParametersTest, ShenzhenDailyQuotaStartsWithShenzhenSouthbound) {
  // Shenzhen Southbound started trading on 2016-12-05.
  const Result<Money> before = parameters().money("southbound.daily_quota.sz", D("2016-12-04"));
  ASSERT_FALSE(before.ok());
  EXPECT_EQ(before.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(before.error().file, "data/parameters.csv");
  EXPECT_THAT(before.error().message, HasSubstr("southbound.daily_quota.sz"));
  EXPECT_THAT(before.error().message, HasSubstr("2016-12-04"));

  const Result<Money> launch = parameters().money("southbound.daily_quota.sz", D("2016-12-05"));
  ASSERT_TRUE(launch.ok()) << launch.error().to_string();
  EXPECT_EQ(launch->to_string(), "CNY 10500000000");

  const Result<Money> raised = parameters().money("southbound.daily_quota.sz", D("2018-05-01"));
  ASSERT_TRUE(raised.ok()) << raised.error().to_string();
  EXPECT_EQ(raised->to_string(), "CNY 42000000000");
}

TEST_F(ShippedParametersTest, ChannelOpeningDatesAreMondays) {
  const Result<Date> sh = parameters().date("calendar.channel_open.sh", D("2024-03-15"));
  ASSERT_TRUE(sh.ok()) << sh.error().to_string();
  EXPECT_EQ(sh->to_string(), "2014-11-17");
  EXPECT_EQ(sh->weekday(), Weekday::kMonday);
  const Result<Date> sz = parameters().date("calendar.channel_open.sz", D("2024-03-15"));
  ASSERT_TRUE(sz.ok()) << sz.error().to_string();
  EXPECT_EQ(sz->to_string(), "2016-12-05");
  EXPECT_EQ(sz->weekday(), Weekday::kMonday);
}

TEST_F(ShippedParametersTest, SouthboundCalendarRuleChangedOn24April2023) {
  // SPEC CAL-4 before, CAL-8 from Monday 24 April 2023.
  const Result<std::string> old_rule =
      parameters().text("calendar.southbound_rule", D("2023-04-21"));
  ASSERT_TRUE(old_rule.ok()) << old_rule.error().to_string();
  EXPECT_EQ(*old_rule, "settlement_days_on_both_sides");
  const Result<std::string> new_rule =
      parameters().text("calendar.southbound_rule", D("2023-04-24"));
  ASSERT_TRUE(new_rule.ok()) << new_rule.error().to_string();
  EXPECT_EQ(*new_rule, "common_trading_days");
}

TEST_F(ShippedParametersTest, SevereWeatherTradingFrom23September2024) {
  const Result<bool> before =
      parameters().boolean("calendar.severe_weather_trading", D("2024-09-20"));
  ASSERT_TRUE(before.ok()) << before.error().to_string();
  EXPECT_FALSE(*before);
  const Result<bool> after =
      parameters().boolean("calendar.severe_weather_trading", D("2024-09-23"));
  ASSERT_TRUE(after.ok()) << after.error().to_string();
  EXPECT_TRUE(*after);
}

TEST_F(ShippedParametersTest, MarginRateIs22Percent) {
  // CSDC notice on Southbound risk funds, SPEC CLR-9: margin = position × 22% × multiplier.
  for (std::string_view on : {"2016-12-01", "2024-03-15"}) {
    SCOPED_TRACE(std::string(on));
    const Result<Decimal> rate = parameters().ratio("risk.margin_rate", D(on));
    ASSERT_TRUE(rate.ok()) << rate.error().to_string();
    EXPECT_EQ(rate->to_string(), "0.22");
    EXPECT_TRUE(*rate == Decimal::parse("0.22").value());
  }
}

// eod what-if --set (issue 15 §5): the value in force on the date is replaced over that row's
// range, checked against its unit; other rows and keys keep theirs.
TEST(ParameterTableTest, SetValueReplacesTheRowInForceCheckedAgainstItsUnit) {
  auto table = ParameterTable::parse(
      "p.csv",
      csv({"risk.margin_rate,22,percent,2014-11-17,2022-06-12,src,",
           "risk.margin_rate,22,percent,2022-06-13,,src,", "other,1,integer,2014-11-17,,src,"}));
  ASSERT_TRUE(table.ok()) << table.error().to_string();
  ASSERT_TRUE(table->set_value("risk.margin_rate", D("2022-11-15"), "30").ok());
  EXPECT_EQ(*table->ratio("risk.margin_rate", D("2022-11-15")), *Decimal::parse("0.3"));
  EXPECT_EQ(*table->ratio("risk.margin_rate", D("2023-01-01")), *Decimal::parse("0.3"));
  EXPECT_EQ(*table->ratio("risk.margin_rate", D("2021-01-01")), *Decimal::parse("0.22"));
  EXPECT_EQ(*table->integer("other", D("2022-11-15")), 1);

  auto wrong_unit = table->set_value("risk.margin_rate", D("2022-11-15"), "lots");
  ASSERT_FALSE(wrong_unit.ok());
  EXPECT_NE(wrong_unit.error().message.find("risk.margin_rate"), std::string::npos);
  EXPECT_EQ(*table->ratio("risk.margin_rate", D("2022-11-15")), *Decimal::parse("0.3"));
  auto unknown = table->set_value("risk.nothing", D("2022-11-15"), "1");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().message.find("risk.nothing"), std::string::npos);
  EXPECT_FALSE(table->set_value("risk.margin_rate", D("2010-01-01"), "30").ok());
}

}  // namespace
}  // namespace cp::refdata
