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
