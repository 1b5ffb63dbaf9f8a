// Auto-fill, the one-open subject, search text, change lists and attachment checks
// (SPEC PORTAL-6, PORTAL-7, PORTAL-9), on the shipped bank-accounts service (#31).
#include "portal/request_data.h"

#include <gtest/gtest.h>

namespace cp::portal {
namespace {

using nlohmann::json;

const ServiceCatalogue& catalogue() {
  static const ServiceCatalogue loaded =
      std::move(ServiceCatalogue::load(std::filesystem::path(CONNECTPOST_SOURCE_DIR) / "catalog"))
          .value();
  return loaded;
}

const FirmProfile kAlpha{"B001",
                         "Alpha Securities Limited",
                         "阿爾法證券有限公司",
                         "1 Connaught Place, Central",
                         "Alice Chan",
                         "+852 2522 0000",
                         "ops@alpha.example",
                         {{"HKCC", "ALP"}, {"HKSCC", "B01234"}}};
const UserFacts kMia{"Mia Wong", "mia@alpha.example"};

TEST(RequestData, AutoFillOverwritesWhatWasSent) {
  const ServiceDefinition& service = *catalogue().find("bank-accounts");
  const json sent = {{"participant_id", "C99999"}, {"participant_name", "Someone Else"}};
  const json filled = apply_auto_fill(service, sent, kAlpha, kMia);
  EXPECT_EQ(filled["participant_name"], "Alpha Securities Limited");
  EXPECT_EQ(filled["contact_name"], "Mia Wong");
  EXPECT_EQ(filled["contact_email"], "mia@alpha.example");
  // #31 lists HKSCC first: the CCASS id, not the HKCC code.
  EXPECT_EQ(filled["participant_id"], "B01234");
}

TEST(RequestData, TheParticipantIdIsTheOneAtTheServicesClearingHouse) {
  // #22 (DCASS accounts) is HKCC/SEOCH's: the firm's HKCC code.
  const ServiceDefinition& dcass = catalogue().services()[21];
  ASSERT_EQ(dcass.number, 22);
  EXPECT_EQ(auto_fill_value(dcass, "firm.participant_id", kAlpha, kMia), "ALP");
  FirmProfile hkscc_only = kAlpha;
  hkscc_only.participant_ids.erase("HKCC");
  EXPECT_EQ(auto_fill_value(dcass, "firm.participant_id", hkscc_only, kMia), "");
}

TEST(RequestData, SubjectFollowsTheServicesOneOpenRule) {
  ServiceDefinition service = *catalogue().find("bank-accounts");
  ASSERT_EQ(service.one_open_per, std::optional<std::string>(""));
  EXPECT_EQ(subject_of(service, json::object()), std::optional<std::string>(""));
  service.one_open_per = "/instructions/0/currency";
  EXPECT_EQ(subject_of(service, json::parse(R"({"instructions": [{"currency": "CNY"}]})")),
            std::optional<std::string>("CNY"));
  service.one_open_per.reset();
  EXPECT_EQ(subject_of(service, json::object()), std::nullopt);
}

TEST(RequestData, SearchCaseLowersLatinCapitalsOnly) {
  // A term and the stored text meet in one case: A-Z lowered, Chinese and digits as written.
  EXPECT_EQ(search_case("SR-00000042 騰訊控股 HSBC Ltd."), "sr-00000042 騰訊控股 hsbc ltd.");
  EXPECT_EQ(search_case("ÄÖ"), "ÄÖ");  // not A-Z: left as written
}

TEST(RequestData, SearchTextHasTheReferenceTitlesAndValuesInLowerCase) {
  const ServiceDefinition& service = *catalogue().find("bank-accounts");
  const std::string text =
      search_text(service, "SR-20261203-000042",
                  json::parse(R"({"instructions": [{"bank_name": "HSBC", "units": 500}]})"));
  for (const char* part : {"sr-20261203-000042", "#31", "更新銀行戶口", "hsbc", "500",
                           "update designated bank accounts"}) {
    EXPECT_NE(text.find(part), std::string::npos) << part << " in " << text;
  }
}

TEST(RequestData, SearchTextStopsAtItsLimitOnACharacterBoundary) {
  const ServiceDefinition& service = *catalogue().find("bank-accounts");
  // 1,000 three-byte characters in a field: the text keeps 600 characters, whole ones.
  std::string long_name;
  for (int i = 0; i < 1000; ++i) long_name += "銀";
  const std::string text = search_text(
      service, "", json{{"instructions", json::array({json{{"bank_name", long_name}}})}});
  size_t chars = 0;
  for (char c : text) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  EXPECT_EQ(chars, kSearchTextMaxChars);
  EXPECT_EQ(text.substr(text.size() - 3), "銀");   // the last character is whole
  EXPECT_NE(text.find("#31"), std::string::npos);  // the head is kept
}

TEST(RequestData, ChangedFieldsArePointersToTheLeavesThatDiffer) {
  const json before = json::parse(R"({"a": "1", "list": [{"x": 1}, {"x": 2}], "gone": true})");
  const json after = json::parse(R"({"a": "1", "list": [{"x": 1}, {"x": 3}, {"x": 4}]})");
  EXPECT_EQ(changed_fields(before, after),
            (std::vector<std::string>{"/gone", "/list/1/x", "/list/2"}));
  EXPECT_TRUE(changed_fields(before, before).empty());
}

// RFC 6901 §3: '~' is "~0" and '/' is "~1" inside a token, so a member named "a/b" and a member
// "b" under "a" are told apart, and "~1" written by a user stays "~01".
TEST(RequestData, ChangedFieldPointersEscapeTildeAndSlash) {
  const json before = json::parse(R"({"a/b": 1, "a": {"b": 1}, "x~1": 1, "~": 1})");
  const json after = json::parse(R"({"a/b": 2, "a": {"b": 2}, "x~1": 2, "~": 2})");
  EXPECT_EQ(changed_fields(before, after),
            (std::vector<std::string>{"/a/b", "/a~1b", "/x~01", "/~0"}));
}

TEST(RequestData, AttachmentsAreKnownByTheirBytes) {
  const AttachmentSlot slot{"confirmation", {"c", "c", "c"}, true, {"pdf", "png"}};
  auto pdf = check_attachment(slot, "letter.pdf", "%PDF-1.7\n...", 1000);
  ASSERT_TRUE(pdf.ok()) << pdf.error().to_string();
  EXPECT_EQ(pdf->content_type, "application/pdf");
  // A program renamed .pdf is neither a PDF nor text.
  EXPECT_FALSE(check_attachment(slot, "letter.pdf", std::string("MZ\x90\0\x03", 5), 1000).ok());
  // A CSV where the slot takes PDF and PNG only.
  auto csv = check_attachment(slot, "users.csv", "login,name\nmia,Mia Wong\n", 1000);
  ASSERT_FALSE(csv.ok());
  EXPECT_NE(csv.error().message.find("pdf, png"), std::string::npos) << csv.error().message;
  // Size: the limit itself is accepted, one byte more is not.
  EXPECT_TRUE(check_attachment(slot, "a.pdf", "%PDF-" + std::string(5, 'x'), 10).ok());
  EXPECT_FALSE(check_attachment(slot, "a.pdf", "%PDF-" + std::string(6, 'x'), 10).ok());
  EXPECT_FALSE(check_attachment(slot, "../../etc/passwd", "%PDF-1.7", 1000).ok());
  EXPECT_FALSE(check_attachment(slot, "empty.pdf", "", 1000).ok());
}

TEST(RequestData, RequiredAttachmentsStillMissing) {
  const ServiceDefinition& service = *catalogue().find("bank-accounts");
  EXPECT_EQ(missing_attachments(service, {}), std::vector<std::string>{"bank_confirmation"});
  EXPECT_TRUE(missing_attachments(service, {"bank_confirmation"}).empty());
}

}  // namespace
}  // namespace cp::portal
