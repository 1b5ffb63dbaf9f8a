// The server's validation of e-service data (SPEC PORTAL-6): the field at fault is named by a
// JSON pointer, an instruction is checked against the type it names, and types are strict.
#include "portal/form_validator.h"

#include <gtest/gtest.h>

namespace cp::portal {
namespace {

using nlohmann::json;

// A two-type instruction form in the catalogue's vocabulary, small enough to reason about.
const json kSchema = json::parse(R"({
  "type": "object", "additionalProperties": false,
  "required": ["participant_id", "instructions"],
  "properties": {
    "participant_id": {"type": "string", "pattern": "^[A-Z][0-9]{5}$"},
    "instructions": {"type": "array", "minItems": 1, "maxItems": 3, "items": {"oneOf": [
      {"type": "object", "additionalProperties": false,
       "required": ["instruction_type", "stock_code", "quantity"],
       "properties": {"instruction_type": {"type": "string", "enum": ["deliver"]},
                      "stock_code": {"type": "string", "pattern": "^[0-9]{5}$"},
                      "quantity": {"type": "integer", "minimum": 1}}},
      {"type": "object", "additionalProperties": false,
       "required": ["instruction_type", "amount", "currency", "value_date"],
       "properties": {"instruction_type": {"type": "string", "enum": ["pay"]},
                      "amount": {"type": "string", "pattern": "^(0|[1-9][0-9]{0,14})(\\.[0-9]{1,2})?$"},
                      "currency": {"type": "string", "enum": ["HKD", "CNY", "USD"]},
                      "value_date": {"type": "string", "format": "date"}}}
    ]}}
  }
})");

std::shared_ptr<const FormValidator> validator() {
  auto compiled = FormValidator::compile(kSchema);
  EXPECT_TRUE(compiled.ok()) << compiled.error().to_string();
  return *compiled;
}

std::vector<std::string> pointers(const std::vector<FieldError>& errors) {
  std::vector<std::string> out;
  for (const FieldError& e : errors) out.push_back(e.pointer);
  return out;
}

TEST(FormValidator, AcceptsARequestWithInstructionsOfBothTypes) {
  const json data = json::parse(R"({"participant_id": "B01234", "instructions": [
    {"instruction_type": "deliver", "stock_code": "00700", "quantity": 100},
    {"instruction_type": "pay", "amount": "1234567.89", "currency": "HKD", "value_date": "2026-12-14"}]})");
  EXPECT_TRUE(validator()->validate(data).empty());
}

TEST(FormValidator, NamesTheFieldInsideTheInstructionItsTypePicks) {
  // A four-digit stock code in a deliver instruction: the error is at the stock code, not
  // "matches none of deliver, pay".
  const json data = json::parse(R"({"participant_id": "B01234", "instructions": [
    {"instruction_type": "deliver", "stock_code": "0700", "quantity": 100}]})");
  EXPECT_EQ(pointers(validator()->validate(data)),
            std::vector<std::string>{"/instructions/0/stock_code"});
}

TEST(FormValidator, AnUnknownInstructionTypeAsksForOne) {
  const json data = json::parse(R"({"participant_id": "B01234", "instructions": [
    {"instruction_type": "deliver", "stock_code": "00700", "quantity": 100},
    {"instruction_type": "receive", "stock_code": "00700", "quantity": 100}]})");
  const auto errors = validator()->validate(data);
  ASSERT_EQ(pointers(errors), std::vector<std::string>{"/instructions/1/instruction_type"});
  EXPECT_NE(errors[0].message.find("deliver, pay"), std::string::npos) << errors[0].message;
}

TEST(FormValidator, MoneyIsAStringWithAtMostTwoDecimals) {
  for (const char* amount : {"12.345", "-5", "01.00", ""}) {
    json data = json::parse(R"({"participant_id": "B01234", "instructions": [
      {"instruction_type": "pay", "currency": "CNY", "value_date": "2026-12-14"}]})");
    data["instructions"][0]["amount"] = amount;
    EXPECT_EQ(pointers(validator()->validate(data)),
              std::vector<std::string>{"/instructions/0/amount"})
        << amount;
  }
  json as_number = json::parse(R"({"participant_id": "B01234", "instructions": [
    {"instruction_type": "pay", "amount": 12.5, "currency": "CNY", "value_date": "2026-12-14"}]})");
  EXPECT_EQ(pointers(validator()->validate(as_number)),
            std::vector<std::string>{"/instructions/0/amount"});
}

TEST(FormValidator, TypesAreStrictAndDatesAreDates) {
  const json data = json::parse(R"({"participant_id": "B01234", "instructions": [
    {"instruction_type": "deliver", "stock_code": "00700", "quantity": "100"},
    {"instruction_type": "pay", "amount": "1.00", "currency": "HKD", "value_date": "14/12/2026"}]})");
  EXPECT_EQ(pointers(validator()->validate(data)),
            (std::vector<std::string>{"/instructions/0/quantity", "/instructions/1/value_date"}));
}

// A date is a day of the Gregorian calendar written YYYY-MM-DD: 2024 is a leap year (divisible
// by 4, not a century), 2023 and 2100 are not (2100 is a century not divisible by 400), and
// April has 30 days. valijson alone took every 29 February and any number of year digits.
TEST(FormValidator, DatesAreDaysOfTheCalendar) {
  const auto with_date = [](const std::string& date) {
    json data = json::parse(R"({"participant_id": "B01234", "instructions": [
      {"instruction_type": "pay", "amount": "1.00", "currency": "HKD"}]})");
    data["instructions"][0]["value_date"] = date;
    return pointers(validator()->validate(data));
  };
  const std::vector<std::string> at_date{"/instructions/0/value_date"};
  EXPECT_TRUE(with_date("2024-02-29").empty());
  EXPECT_TRUE(with_date("2000-02-29").empty());
  EXPECT_TRUE(with_date("2026-04-30").empty());
  EXPECT_EQ(with_date("2023-02-29"), at_date);
  EXPECT_EQ(with_date("2100-02-29"), at_date);
  EXPECT_EQ(with_date("2026-04-31"), at_date);
  EXPECT_EQ(with_date("2026-13-01"), at_date);
  EXPECT_EQ(with_date("99999-01-01"), at_date);
  EXPECT_EQ(with_date("2026-1-05"), at_date);
  EXPECT_EQ(with_date("2026-01-05T00:00:00Z"), at_date);
  EXPECT_EQ(with_date(""), at_date);
}

// Only a schema's "format" keyword is a date check: a property named "format", and data in enum
// or const that happens to read {"format": "date"}, are left alone.
TEST(FormValidator, APropertyNamedFormatIsNotADateCheck) {
  auto compiled = FormValidator::compile(json::parse(R"({
    "type": "object",
    "properties": {
      "format": {"type": "string", "enum": ["date", "csv"]},
      "layout": {"const": {"format": "date"}},
      "due": {"type": "string", "format": "date"}}})"));
  ASSERT_TRUE(compiled.ok()) << compiled.error().to_string();
  EXPECT_TRUE((*compiled)
                  ->validate(json::parse(R"({"format": "date",
      "layout": {"format": "date"}, "due": "2026-12-07"})"))
                  .empty());
  EXPECT_EQ(pointers((*compiled)->validate(json::parse(R"({"format": "csv",
      "layout": {"format": "date"}, "due": "2026-02-30"})"))),
            std::vector<std::string>{"/due"});
  EXPECT_EQ(
      pointers((*compiled)->validate(json::parse(R"({"layout": {"x-connectpost-date": true}})"))),
      std::vector<std::string>{"/layout"});
}

TEST(FormValidator, TopLevelProblemsKeepTheirPointers) {
  const json data =
      json::parse(R"({"participant_id": "b1234", "instructions": [], "fax_number": "2522 0000"})");
  auto found = pointers(validator()->validate(data));
  std::sort(found.begin(), found.end());
  // The unknown property is reported on the object itself (valijson names it in the message).
  EXPECT_EQ(found, (std::vector<std::string>{"", "/instructions", "/participant_id"}));
}

TEST(FormValidator, RefusesABranchWithoutAnInstructionType) {
  json schema = kSchema;
  schema["properties"]["instructions"]["items"]["oneOf"][1]["properties"].erase("instruction_type");
  auto compiled = FormValidator::compile(schema);
  ASSERT_FALSE(compiled.ok());
  EXPECT_EQ(compiled.error().field, "schema/properties/instructions");
}

}  // namespace
}  // namespace cp::portal
