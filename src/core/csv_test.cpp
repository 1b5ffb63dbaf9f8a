// Tests of the RFC 4180 reader (core/csv.h). Every expected line and column is counted by hand
// in the comment next to it: lines from 1, columns in UTF-8 code points from 1, the BOM not
// counted.
#include "core/csv.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "core/error.h"
#include "core/result.h"
#include "core/utf8.h"

namespace cp {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::StartsWith;

using Rows = std::vector<std::vector<std::string>>;

// Reads every record after the header, or the first error.
Result<Rows> read_all(CsvReader& reader) {
  Rows rows;
  CsvRecord record;
  while (true) {
    CP_ASSIGN_OR_RETURN(bool more, reader.next(record));
    if (!more) break;
    std::vector<std::string> fields;
    for (size_t i = 0; i < record.size(); ++i) fields.emplace_back(record[i]);
    rows.push_back(std::move(fields));
  }
  return rows;
}

// Parses `text` as the file "t.csv" and reads all of its records.
Result<Rows> parse_all(std::string text) {
  CP_ASSIGN_OR_RETURN(CsvReader reader, CsvReader::from_string("t.csv", std::move(text)));
  return read_all(reader);
}

// The error of a parse that must fail (an empty Error when it unexpectedly succeeds).
Error parse_error(std::string text) {
  const Result<Rows> rows = parse_all(std::move(text));
  EXPECT_FALSE(rows.ok()) << "the input was accepted";
  return rows.ok() ? Error{} : rows.error();
}

// ---------------------------------------------------------------------------------------------
// Header mapping.
// ---------------------------------------------------------------------------------------------

TEST(CsvHeaderTest, MapsColumnNamesToIndexes) {
  Result<CsvReader> reader = CsvReader::from_string("t.csv", "code,name,price\n0700,Tencent,1\n");
  ASSERT_TRUE(reader.ok()) << reader.error().to_string();
  EXPECT_EQ(reader->file_name(), "t.csv");
  EXPECT_THAT(reader->header(), ElementsAre("code", "name", "price"));
  ASSERT_TRUE(reader->column("code").ok());
  EXPECT_EQ(*reader->column("code"), 0u);
  EXPECT_EQ(*reader->column("name"), 1u);
  EXPECT_EQ(*reader->column("price"), 2u);
}

TEST(CsvHeaderTest, MissingColumnIsAnErrorNamingFileAndColumn) {
  Result<CsvReader> reader = CsvReader::from_string("t.csv", "code,name\n");
  ASSERT_TRUE(reader.ok()) << reader.error().to_string();
  const Result<size_t> missing = reader->column("price");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(missing.error().file, "t.csv");
  EXPECT_EQ(missing.error().line, 1);  // the header
  EXPECT_THAT(missing.error().message, HasSubstr("'price'"));
  // Names are exact: no case folding, no trimming.
  EXPECT_FALSE(reader->column("Code").ok());
  EXPECT_FALSE(reader->column("code ").ok());
}

TEST(CsvHeaderTest, RequireColumnsListsEveryMissingColumn) {
  Result<CsvReader> reader = CsvReader::from_string("t.csv", "code,name\n");
  ASSERT_TRUE(reader.ok()) << reader.error().to_string();
  EXPECT_TRUE(reader->require_columns({"code", "name"}).ok());
  EXPECT_TRUE(reader->require_columns({}).ok());

  const Result<void> missing = reader->require_columns({"code", "price", "name", "currency"});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(missing.error().file, "t.csv");
  EXPECT_EQ(missing.error().line, 1);
  EXPECT_THAT(missing.error().message, HasSubstr("'price', 'currency'"));
  EXPECT_THAT(missing.error().message, Not(HasSubstr("'code'")));
  EXPECT_THAT(missing.error().message, Not(HasSubstr("'name'")));
}

// ---------------------------------------------------------------------------------------------
// The grammar: quoting, line ends, tolerances.
// ---------------------------------------------------------------------------------------------

TEST(CsvGrammarTest, ReadsBareFields) {
  const Result<Rows> rows = parse_all("a,b,c\n1,2,3\n,x,\n");
  ASSERT_TRUE(rows.ok()) << rows.error().to_string();
  EXPECT_THAT(*rows, ElementsAre(ElementsAre("1", "2", "3"), ElementsAre("", "x", "")));
}

// lines_left() bounds the records still to read (a reader reserves by it): a quoted field's line
// break counts too, so it may exceed them, never fall short.
TEST(CsvGrammarTest, LinesLeftBoundsTheRecordsStillToRead) {
  auto reader = CsvReader::from_string("t.csv", "a,b\n1,2\n\"x\ny\",3\n4,5");
  ASSERT_TRUE(reader.ok()) << reader.error().to_string();
  EXPECT_EQ(reader->lines_left(), 4U);  // three line breaks after the header, plus one
  CsvRecord record;
  ASSERT_TRUE(*reader->next(record));
  EXPECT_EQ(reader->lines_left(), 3U);  // two records left, one of them on two lines
  ASSERT_TRUE(*reader->next(record));
  ASSERT_TRUE(*reader->next(record));
  EXPECT_EQ(reader->lines_left(), 1U);  // the end: never below the records left (none)
  EXPECT_FALSE(*reader->next(record));
}

TEST(CsvGrammarTest, HeaderOnlyHasNoRecords) {
  const Result<Rows> rows = parse_all("a,b\n");
  ASSERT_TRUE(rows.ok()) << rows.error().to_string();
  EXPECT_THAT(*rows, IsEmpty());
}

TEST(CsvGrammarTest, QuotedFieldsHoldCommasNewlinesAndDoubledQuotes) {
  const Result<Rows> rows = parse_all(
      "a,b,c\n"
      "\"x,y\",\"he said \"\"hi\"\"\",\"line 1\nline 2\"\n"
      "\"\",\"\"\"\",\"crlf\r\ninside\"\n");
  ASSERT_TRUE(rows.ok()) << rows.error().to_string();
  EXPECT_THAT(*rows, ElementsAre(ElementsAre("x,y", "he said \"hi\"", "line 1\nline 2"),
                                 // "" is empty; """" is one quote; CRLF inside quotes is kept.
                                 ElementsAre("", "\"", "crlf\r\ninside")));
}

TEST(CsvGrammarTest, QuotedHeaderNames) {
  Result<CsvReader> reader = CsvReader::from_string("t.csv", "\"a,1\",b\n");
  ASSERT_TRUE(reader.ok()) << reader.error().to_string();
  EXPECT_THAT(reader->header(), ElementsAre("a,1", "b"));
}

TEST(CsvGrammarTest, CrlfAndLfLineEndsReadTheSame) {
  const Result<Rows> lf = parse_all("a,b\n1,2\n3,4\n");
  const Result<Rows> crlf = parse_all("a,b\r\n1,2\r\n3,4\r\n");
  const Result<Rows> mixed = parse_all("a,b\r\n1,2\n3,4\r\n");
  ASSERT_TRUE(lf.ok()) << lf.error().to_string();
  ASSERT_TRUE(crlf.ok()) << crlf.error().to_string();
  ASSERT_TRUE(mixed.ok()) << mixed.error().to_string();
  EXPECT_THAT(*lf, ElementsAre(ElementsAre("1", "2"), ElementsAre("3", "4")));
  EXPECT_EQ(*crlf, *lf);  // no CR left at the end of the last field
  EXPECT_EQ(*mixed, *lf);
}

TEST(CsvGrammarTest, FinalLineWithoutNewlineIsARecord) {
  const Result<Rows> bare = parse_all("a,b\n1,2\n3,4");
  ASSERT_TRUE(bare.ok()) << bare.error().to_string();
  EXPECT_THAT(*bare, ElementsAre(ElementsAre("1", "2"), ElementsAre("3", "4")));

  const Result<Rows> quoted = parse_all("a,b\n1,\"x,y\"");
  ASSERT_TRUE(quoted.ok()) << quoted.error().to_string();
  EXPECT_THAT(*quoted, ElementsAre(ElementsAre("1", "x,y")));

  // A header without a newline and nothing else.
  Result<CsvReader> header_only = CsvReader::from_string("t.csv", "a,b");
  ASSERT_TRUE(header_only.ok()) << header_only.error().to_string();
  EXPECT_THAT(header_only->header(), ElementsAre("a", "b"));
}

TEST(CsvGrammarTest, BlankLinesAreSkippedButCounted) {
  // line 1: a,b   line 2: (blank)   line 3: 1,2   line 4: (blank CRLF)   line 5: (blank)
  // line 6: 3,4   line 7: (blank)
  Result<CsvReader> reader = CsvReader::from_string("t.csv", "a,b\n\n1,2\n\r\n\n3,4\n\n");
  ASSERT_TRUE(reader.ok()) << reader.error().to_string();
  CsvRecord record;
  Result<bool> more = reader->next(record);
  ASSERT_TRUE(more.ok()) << more.error().to_string();
  ASSERT_TRUE(*more);
  EXPECT_EQ(record.line(), 3);
  EXPECT_EQ(record[0], "1");
  more = reader->next(record);
  ASSERT_TRUE(more.ok()) << more.error().to_string();
  ASSERT_TRUE(*more);
  EXPECT_EQ(record.line(), 6);
  EXPECT_EQ(record[1], "4");
  more = reader->next(record);
  ASSERT_TRUE(more.ok()) << more.error().to_string();
  EXPECT_FALSE(*more);
}

TEST(CsvGrammarTest, BlankLinesBeforeTheHeaderShiftLineNumbers) {
  // line 1, 2: blank   line 3: header   line 4: a record
  Result<CsvReader> reader = CsvReader::from_string("t.csv", "\n\na,b\n1,2\n");
  ASSERT_TRUE(reader.ok()) << reader.error().to_string();
  EXPECT_THAT(reader->header(), ElementsAre("a", "b"));
  CsvRecord record;
  Result<bool> more = reader->next(record);
  ASSERT_TRUE(more.ok()) << more.error().to_string();
  ASSERT_TRUE(*more);
  EXPECT_EQ(record.line(), 4);
}

TEST(CsvGrammarTest, ByteOrderMarkIsNotPartOfTheFirstColumnName) {
  Result<CsvReader> reader = CsvReader::from_string("t.csv",
                                                    "\xEF\xBB\xBF"
                                                    "code,name\n1,x\n");
  ASSERT_TRUE(reader.ok()) << reader.error().to_string();
  EXPECT_THAT(reader->header(), ElementsAre("code", "name"));
  ASSERT_TRUE(reader->column("code").ok());
  EXPECT_EQ(*reader->column("code"), 0u);
}

TEST(CsvGrammarTest, RecordLineIsWhereAMultiLineRecordStarts) {
  // line 1: a,b   line 2-4: one record whose first field spans three lines   line 5: 2,3
  Result<CsvReader> reader = CsvReader::from_string("t.csv", "a,b\n\"one\ntwo\nthree\",1\n2,3\n");
  ASSERT_TRUE(reader.ok()) << reader.error().to_string();
  CsvRecord record;
  Result<bool> more = reader->next(record);
  ASSERT_TRUE(more.ok()) << more.error().to_string();
  ASSERT_TRUE(*more);
  EXPECT_EQ(record.line(), 2);
  EXPECT_EQ(record.size(), 2u);
  EXPECT_EQ(record[0], "one\ntwo\nthree");
  EXPECT_EQ(record[1], "1");
  more = reader->next(record);
  ASSERT_TRUE(more.ok()) << more.error().to_string();
  ASSERT_TRUE(*more);
  EXPECT_EQ(record.line(), 5);
  EXPECT_EQ(record[0], "2");
}

// ---------------------------------------------------------------------------------------------
// Errors: each with its line and column.
// ---------------------------------------------------------------------------------------------

TEST(CsvErrorTest, UnterminatedQuoteIsReportedAtTheOpeningQuote) {
  // line 3: 3,"abc   -- '3' col 1, ',' col 2, '"' col 3; the field runs to the end of the file.
  const Error error = parse_error("a,b\n1,2\n3,\"abc\ndef\n");
  EXPECT_EQ(error.code, ErrorCode::kInvalidInput);
  EXPECT_EQ(error.file, "t.csv");
  EXPECT_EQ(error.line, 3);
  EXPECT_EQ(error.column, 3);
  EXPECT_THAT(error.message, HasSubstr("not closed"));
  EXPECT_THAT(error.to_string(), StartsWith("t.csv:3:3: "));
}

TEST(CsvErrorTest, UnterminatedQuoteInTheHeader) {
  // line 1: a,"b   -- the quote is col 3.
  const Error error = parse_error("a,\"b\n1,2\n");
  EXPECT_EQ(error.line, 1);
  EXPECT_EQ(error.column, 3);
  EXPECT_THAT(error.message, HasSubstr("not closed"));
}

TEST(CsvErrorTest, QuoteInsideAnUnquotedFieldIsReportedAtTheQuote) {
  // line 2: 1,ab"c   -- '1' 1, ',' 2, 'a' 3, 'b' 4, '"' 5
  const Error error = parse_error("a,b\n1,ab\"c\n");
  EXPECT_EQ(error.code, ErrorCode::kInvalidInput);
  EXPECT_EQ(error.line, 2);
  EXPECT_EQ(error.column, 5);
  EXPECT_THAT(error.message, HasSubstr("quote inside an unquoted field"));
  EXPECT_THAT(error.to_string(), StartsWith("t.csv:2:5: "));
}

TEST(CsvErrorTest, TextAfterAClosingQuoteIsReportedAtTheText) {
  // line 2: 1,"x"y   -- '1' 1, ',' 2, '"' 3, 'x' 4, '"' 5, 'y' 6
  const Error error = parse_error("a,b\n1,\"x\"y\n");
  EXPECT_EQ(error.code, ErrorCode::kInvalidInput);
  EXPECT_EQ(error.line, 2);
  EXPECT_EQ(error.column, 6);
  EXPECT_THAT(error.message, HasSubstr("after a closing quote"));
  EXPECT_THAT(error.to_string(), StartsWith("t.csv:2:6: "));
}

TEST(CsvErrorTest, TextAfterAClosingQuoteThatSpannedLines) {
  // line 2: 1,"x     line 3: y"z   -- 'y' 1, '"' 2, 'z' 3
  const Error error = parse_error("a,b\n1,\"x\ny\"z\n");
  EXPECT_EQ(error.line, 3);
  EXPECT_EQ(error.column, 3);
  EXPECT_THAT(error.message, HasSubstr("after a closing quote"));
}

TEST(CsvErrorTest, CarriageReturnWithoutLineFeed) {
  // line 2: 1,2<CR>3,4   -- '1' 1, ',' 2, '2' 3, CR 4
  const Error error = parse_error("a,b\n1,2\r3,4\n");
  EXPECT_EQ(error.code, ErrorCode::kInvalidInput);
  EXPECT_EQ(error.line, 2);
  EXPECT_EQ(error.column, 4);
  EXPECT_THAT(error.message, HasSubstr("carriage return without line feed"));
  EXPECT_THAT(error.to_string(), StartsWith("t.csv:2:4: "));

  // A CR as the very last byte has no LF after it either.
  const Error at_end = parse_error("a,b\n1,2\r");
  EXPECT_EQ(at_end.line, 2);
  EXPECT_EQ(at_end.column, 4);
  EXPECT_THAT(at_end.message, HasSubstr("carriage return without line feed"));
}

TEST(CsvErrorTest, RecordWithTooFewFieldsIsReportedAtItsLineWithoutAColumn) {
  // line 1: header (3)   line 2: 3 fields   line 3: 2 fields
  const Error error = parse_error("a,b,c\n1,2,3\n4,5\n");
  EXPECT_EQ(error.code, ErrorCode::kInvalidInput);
  EXPECT_EQ(error.file, "t.csv");
  EXPECT_EQ(error.line, 3);
  EXPECT_EQ(error.column, 0);
  EXPECT_THAT(error.message, HasSubstr("2 fields"));
  EXPECT_THAT(error.message, HasSubstr("the header has 3"));
  EXPECT_THAT(error.to_string(), StartsWith("t.csv:3: "));  // no column part
}

TEST(CsvErrorTest, RecordWithTooManyFields) {
  // line 2 is blank, so the long record is on line 3.
  const Error error = parse_error("a,b\n\n1,2,3\n");
  EXPECT_EQ(error.line, 3);
  EXPECT_EQ(error.column, 0);
  EXPECT_THAT(error.message, HasSubstr("3 fields"));
  EXPECT_THAT(error.message, HasSubstr("the header has 2"));
}

TEST(CsvErrorTest, WrongFieldCountAfterAMultiLineFieldNamesTheStartLine) {
  // line 2-3: "x<LF>y" (one field)   -- the record starts on line 2.
  const Error error = parse_error("a,b\n\"x\ny\"\n");
  EXPECT_EQ(error.line, 2);
  EXPECT_EQ(error.column, 0);
  EXPECT_THAT(error.message, HasSubstr("1 fields"));
}

TEST(CsvErrorTest, EmptyHeaderName) {
  // line 1: a,,c   -- 'a' 1, ',' 2, the empty field starts at 3
  const Error error = parse_error("a,,c\n1,2,3\n");
  EXPECT_EQ(error.code, ErrorCode::kInvalidInput);
  EXPECT_EQ(error.line, 1);
  EXPECT_EQ(error.column, 3);
  EXPECT_THAT(error.message, HasSubstr("empty column name"));
  EXPECT_THAT(error.to_string(), StartsWith("t.csv:1:3: "));

  const Error first = parse_error(",b\n");
  EXPECT_EQ(first.line, 1);
  EXPECT_EQ(first.column, 1);
  EXPECT_THAT(first.message, HasSubstr("empty column name"));
}

TEST(CsvErrorTest, DuplicateHeaderColumn) {
  // line 1: a,b,a   -- the second 'a' is col 5
  const Error error = parse_error("a,b,a\n");
  EXPECT_EQ(error.code, ErrorCode::kInvalidInput);
  EXPECT_EQ(error.line, 1);
  EXPECT_EQ(error.column, 5);
  EXPECT_THAT(error.message, HasSubstr("'a'"));
  EXPECT_THAT(error.message, HasSubstr("appears twice"));
  EXPECT_THAT(error.to_string(), StartsWith("t.csv:1:5: "));
}

TEST(CsvErrorTest, DuplicateChineseHeaderColumnCountsCodePoints) {
  // 名称,代码,名称   -- 名 1, 称 2, ',' 3, 代 4, 码 5, ',' 6, the second 名称 at 7 (byte 15)
  const Error error = parse_error("名称,代码,名称\n");
  EXPECT_EQ(error.line, 1);
  EXPECT_EQ(error.column, 7);
  EXPECT_THAT(error.message, HasSubstr("'名称'"));
}

TEST(CsvErrorTest, EmptyFile) {
  const Error error = parse_error("");
  EXPECT_EQ(error.code, ErrorCode::kInvalidInput);
  EXPECT_EQ(error.file, "t.csv");
  EXPECT_EQ(error.line, 1);
  EXPECT_EQ(error.column, 1);
  EXPECT_THAT(error.message, HasSubstr("empty file"));
  EXPECT_THAT(error.to_string(), StartsWith("t.csv:1:1: "));

  // Only blank lines, or only a BOM, is still no header.
  EXPECT_THAT(parse_error("\n\r\n\n").message, HasSubstr("empty file"));
  const Error bom_only = parse_error("\xEF\xBB\xBF");
  EXPECT_EQ(bom_only.line, 1);
  EXPECT_EQ(bom_only.column, 1);
  EXPECT_THAT(bom_only.message, HasSubstr("empty file"));
}

TEST(CsvErrorTest, ColumnsCountCodePointsNotBytes) {
  // line 2: 名称,"x"y   -- 名 1, 称 2, ',' 3, '"' 4, 'x' 5, '"' 6, 'y' 7 (byte 11)
  const Error after_quote = parse_error("name,code\n名称,\"x\"y\n");
  EXPECT_EQ(after_quote.line, 2);
  EXPECT_EQ(after_quote.column, 7);
  EXPECT_THAT(after_quote.message, HasSubstr("after a closing quote"));

  // line 2: 腾讯控股,ab"   -- 腾讯控股 1-4, ',' 5, 'a' 6, 'b' 7, '"' 8 (byte 16)
  const Error bare_quote = parse_error("name,code\n腾讯控股,ab\"\n");
  EXPECT_EQ(bare_quote.line, 2);
  EXPECT_EQ(bare_quote.column, 8);
  EXPECT_THAT(bare_quote.message, HasSubstr("quote inside an unquoted field"));

  // line 2: é,"€   -- é 1 (2 bytes), ',' 2, '"' 3 (byte 4)
  const Error open_quote = parse_error("name,code\n\xC3\xA9,\"\xE2\x82\xAC\n");
  EXPECT_EQ(open_quote.line, 2);
  EXPECT_EQ(open_quote.column, 3);
}

TEST(CsvErrorTest, ByteOrderMarkIsNotCounted) {
  // BOM, then line 1: a,"x"y   -- 'a' 1, ',' 2, '"' 3, 'x' 4, '"' 5, 'y' 6
  const Error error = parse_error(
      "\xEF\xBB\xBF"
      "a,\"x\"y\n");
  EXPECT_EQ(error.line, 1);
  EXPECT_EQ(error.column, 6);
  EXPECT_THAT(error.message, HasSubstr("after a closing quote"));
  // The BOM is at the start of the file only: line 2 columns are unaffected.
  const Error line2 = parse_error(
      "\xEF\xBB\xBF"
      "a,b\n1,x\"\n");
  EXPECT_EQ(line2.line, 2);
  EXPECT_EQ(line2.column, 4);
}

// ---------------------------------------------------------------------------------------------
// Errors raised by callers about a field or a record.
// ---------------------------------------------------------------------------------------------

TEST(CsvFieldErrorTest, NamesTheHeaderFieldAndItsPosition) {
  // line 2: 腾讯控股,abc   -- 腾讯控股 1-4, ',' 5, 'abc' starts at 6
  Result<CsvReader> reader = CsvReader::from_string("t.csv", "名称,价格\n腾讯控股,abc\n");
  ASSERT_TRUE(reader.ok()) << reader.error().to_string();
  CsvRecord record;
  Result<bool> more = reader->next(record);
  ASSERT_TRUE(more.ok()) << more.error().to_string();
  ASSERT_TRUE(*more);

  const Error error = reader->field_error(record, 1, "'abc' is not a price");
  EXPECT_EQ(error.code, ErrorCode::kInvalidInput);  // the default
  EXPECT_EQ(error.file, "t.csv");
  EXPECT_EQ(error.line, 2);
  EXPECT_EQ(error.column, 6);
  EXPECT_EQ(error.field, "价格");
  EXPECT_EQ(error.message, "'abc' is not a price");
  EXPECT_EQ(error.to_string(), "t.csv:2:6: field '价格': 'abc' is not a price");

  const Error first = reader->field_error(record, 0, "unknown", ErrorCode::kRuleViolation);
  EXPECT_EQ(first.code, ErrorCode::kRuleViolation);
  EXPECT_EQ(first.column, 1);
  EXPECT_EQ(first.field, "名称");
}

TEST(CsvFieldErrorTest, PointsAtTheOpeningQuoteOfAQuotedField) {
  // line 2: 1,"x,y"   -- the quoted field starts at col 3
  Result<CsvReader> reader = CsvReader::from_string("t.csv", "a,b\n1,\"x,y\"\n");
  ASSERT_TRUE(reader.ok()) << reader.error().to_string();
  CsvRecord record;
  Result<bool> more = reader->next(record);
  ASSERT_TRUE(more.ok()) << more.error().to_string();
  ASSERT_TRUE(*more);
  const Error error = reader->field_error(record, 1, "bad");
  EXPECT_EQ(error.line, 2);
  EXPECT_EQ(error.column, 3);
  EXPECT_EQ(error.field, "b");
}

TEST(CsvFieldErrorTest, FieldAfterAMultiLineFieldIsOnTheLineWhereItStarts) {
  // line 2: "l1   line 3: l2",v   -- 'l' 1, '2' 2, '"' 3, ',' 4, 'v' 5
  Result<CsvReader> reader = CsvReader::from_string("t.csv", "a,b\n\"l1\nl2\",v\n");
  ASSERT_TRUE(reader.ok()) << reader.error().to_string();
  CsvRecord record;
  Result<bool> more = reader->next(record);
  ASSERT_TRUE(more.ok()) << more.error().to_string();
  ASSERT_TRUE(*more);
  EXPECT_EQ(record.line(), 2);

  const Error second = reader->field_error(record, 1, "bad");
  EXPECT_EQ(second.line, 3);
  EXPECT_EQ(second.column, 5);
  const Error first = reader->field_error(record, 0, "bad");
  EXPECT_EQ(first.line, 2);
  EXPECT_EQ(first.column, 1);
  const Error whole = reader->record_error(record, "bad record");
  EXPECT_EQ(whole.line, 2);
  EXPECT_EQ(whole.column, 0);
  EXPECT_TRUE(whole.field.empty());
  EXPECT_EQ(whole.to_string(), "t.csv:2: bad record");
}

// ---------------------------------------------------------------------------------------------
// Files.
// ---------------------------------------------------------------------------------------------

TEST(CsvOpenTest, MissingFileIsAnErrorWithThePath) {
  const std::string path = testing::TempDir() + "connectpost_csv_test_no_such_file.csv";
  const Result<CsvReader> reader = CsvReader::open(path);
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(reader.error().file, path);
  EXPECT_THAT(reader.error().to_string(), HasSubstr(path));

  // The display name replaces the path when one is given.
  const Result<CsvReader> shown = CsvReader::open(path, "data/missing.csv");
  ASSERT_FALSE(shown.ok());
  EXPECT_EQ(shown.error().file, "data/missing.csv");
}

TEST(CsvOpenTest, ReadsAFileAndUsesTheDisplayNameInErrors) {
  const std::string path = testing::TempDir() + "connectpost_csv_test_open.csv";
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << "a,b\r\n1,2\r\n3,x\"\r\n";
  }
  Result<CsvReader> reader = CsvReader::open(path, "data/t.csv");
  ASSERT_TRUE(reader.ok()) << reader.error().to_string();
  EXPECT_EQ(reader->file_name(), "data/t.csv");
  EXPECT_THAT(reader->header(), ElementsAre("a", "b"));
  CsvRecord record;
  Result<bool> more = reader->next(record);
  ASSERT_TRUE(more.ok()) << more.error().to_string();
  ASSERT_TRUE(*more);
  EXPECT_EQ(record[1], "2");
  more = reader->next(record);
  ASSERT_FALSE(more.ok());
  // line 3: 3,x"   -- '3' 1, ',' 2, 'x' 3, '"' 4
  EXPECT_THAT(more.error().to_string(), StartsWith("data/t.csv:3:4: "));
}

// ---------------------------------------------------------------------------------------------
// Writing and reading back.
// ---------------------------------------------------------------------------------------------

TEST(CsvWriteTest, QuotesOnlyWhenNeeded) {
  std::string out;
  append_csv_record(out, {"plain", "a,b", "say \"hi\"", "cr\rx", "lf\nx", ""});
  EXPECT_EQ(out, "plain,\"a,b\",\"say \"\"hi\"\"\",\"cr\rx\",\"lf\nx\",\n");
  append_csv_record(out, {"x"});
  EXPECT_EQ(out, "plain,\"a,b\",\"say \"\"hi\"\"\",\"cr\rx\",\"lf\nx\",\nx\n");  // appends
}

TEST(CsvWriteTest, RoundTripsAwkwardFields) {
  const std::vector<std::string> header = {"plain", "comma", "quote", "cr", "lf", "empty"};
  const Rows rows = {
      {"0700", "a,b", "say \"hi\"", "x\ry", "x\ny", ""},
      {"", ",", "\"", "\r", "\n", ""},
      {"名称", ",,", "\"\"", "\r\n", "\n\n", ""},
      {"", "", "", "", "", ""},
      {"a\"b", "\"start", "end\"", "  spaced  ", "\r\n\r\n", "last"},
  };
  std::string text;
  append_csv_record(text, header);
  for (const auto& row : rows) append_csv_record(text, row);

  Result<CsvReader> reader = CsvReader::from_string("t.csv", text);
  ASSERT_TRUE(reader.ok()) << reader.error().to_string();
  EXPECT_EQ(reader->header(), header);
  const Result<Rows> read = read_all(*reader);
  ASSERT_TRUE(read.ok()) << read.error().to_string();
  EXPECT_EQ(*read, rows);
}

// Text that needs quoting much of the time: the characters the grammar treats specially, mixed
// with arbitrary UTF-8 text (a file must be UTF-8: anything else is refused whole, tested below).
rc::Gen<std::string> csv_field() {
  return rc::gen::oneOf(
      rc::gen::container<std::string>(rc::gen::inRange<char>(0, 127)),  // any ASCII
      rc::gen::map(rc::gen::container<std::vector<std::string>>(
                       rc::gen::element<std::string>(",", "\"", "\r", "\n", "a", " ", "張", "€")),
                   [](const std::vector<std::string>& pieces) {
                     std::string text;
                     for (const auto& piece : pieces) text += piece;
                     return text;
                   }));
}

RC_GTEST_PROP(CsvPropertyTest, AppendedRecordsReadBackIdentically, ()) {
  // At least two fields per record: a record of one empty field would be an empty line, which
  // the reader skips as blank.
  const size_t width = *rc::gen::inRange<size_t>(2, 7);
  const Rows rows =
      *rc::gen::container<Rows>(rc::gen::container<std::vector<std::string>>(width, csv_field()));
  std::vector<std::string> header;
  for (size_t i = 0; i < width; ++i) header.push_back("c" + std::to_string(i));

  std::string text;
  append_csv_record(text, header);
  for (const auto& row : rows) append_csv_record(text, row);

  const Result<Rows> read = parse_all(text);
  if (!read.ok()) RC_FAIL(read.error().to_string());
  RC_ASSERT(*read == rows);
}

RC_GTEST_PROP(CsvPropertyTest, TextThatIsNotUtf8IsRefusedWhole, ()) {
  // Any text with an ill-formed byte is refused, with the line of that byte.
  const std::string text = *rc::gen::string<std::string>();
  RC_PRE(!is_valid_utf8(text));
  const auto reader = CsvReader::from_string("t.csv", "h\n" + text + "\n");
  RC_ASSERT(!reader.ok());
  RC_ASSERT(reader.error().message.find("not UTF-8") != std::string::npos);
  const std::string_view before(text.data(), first_invalid_utf8(text));
  RC_ASSERT(reader.error().line ==
            2 + static_cast<int64_t>(std::count(before.begin(), before.end(), '\n')));
}

}  // namespace
}  // namespace cp

namespace cp {
namespace {

// Issue 15 "Bad input": a GBK export from a mainland system is refused where its first non-UTF-8
// byte is, with a hint, never stored. 张三 is D5 C5 C8 FD in GBK; the first byte D5 would start a
// two-byte UTF-8 sequence, but C5 is no continuation byte.
TEST(CsvEncodingTest, AGbkFileIsRefusedWithItsLineAndAHint) {
  auto reader = CsvReader::from_string("accounts.csv",
                                       "account_id,name\nINV001,ok\nINV002,\xD5\xC5\xC8\xFD\n");
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.error().file, "accounts.csv");
  EXPECT_EQ(reader.error().line, 3);
  EXPECT_EQ(reader.error().column, 8);
  EXPECT_NE(reader.error().message.find("not UTF-8 (byte 0xD5"), std::string::npos);
  EXPECT_NE(reader.error().message.find("iconv -f GB18030 -t UTF-8"), std::string::npos);
}

TEST(CsvEncodingTest, UtfEightWithAndWithoutABomIsRead) {
  EXPECT_TRUE(CsvReader::from_string("a.csv", "name\n张三\n").ok());
  EXPECT_TRUE(CsvReader::from_string("a.csv", "\xEF\xBB\xBFname\n張三\n").ok());
  // A long ASCII run (the eight-byte path) and a bad byte after it, in the header itself.
  auto late = CsvReader::from_string("a.csv", "abcdefghijklmnopqrstuvwxyz\xFF\n");
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().line, 1);
  EXPECT_EQ(late.error().column, 27);
}

}  // namespace
}  // namespace cp
