// The shipped catalogue against seed 000's table (SPEC PORTAL-5): 43 services in three
// categories, each with its clearing houses, and a sample request per service that the server's
// validation accepts, with wrong ones it refuses at the field at fault (tests/catalog/).
#include "portal/service_catalogue.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <map>

namespace cp::portal {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const fs::path kSource = CONNECTPOST_SOURCE_DIR;

const ServiceCatalogue& shipped() {
  static const ServiceCatalogue catalogue = [] {
    auto loaded = ServiceCatalogue::load(kSource / "catalog");
    if (!loaded.ok()) {
      ADD_FAILURE() << loaded.error().to_string();
      std::abort();
    }
    return std::move(loaded).value();
  }();
  return catalogue;
}

std::string houses(const ServiceDefinition& service) {
  std::string out;
  for (const std::string& house : service.clearing_houses) out += (out.empty() ? "" : "/") + house;
  return out;
}

TEST(ServiceCatalogue, HasSeed000sFortyThreeServicesInOrder) {
  ASSERT_EQ(shipped().services().size(), 43u);
  for (size_t i = 0; i < 43; ++i) EXPECT_EQ(shipped().services()[i].number, int(i) + 1);
}

TEST(ServiceCatalogue, CategoriesFollowTheSeedsTable) {
  // Seed 000: 交收及存管 #1-16, 會員管理 #17-36, 技術設置 #37-43.
  for (const ServiceDefinition& service : shipped().services()) {
    const char* expected = service.number <= 16   ? "settlement"
                           : service.number <= 36 ? "membership"
                                                  : "technical";
    EXPECT_EQ(service.category, expected) << "#" << service.number;
    EXPECT_EQ(service.make.category, service.category) << "#" << service.number;
    EXPECT_EQ(service.check.category, service.category) << "#" << service.number;
  }
}

TEST(ServiceCatalogue, ClearingHousesFollowTheSeedsTable) {
  // Seed 000's 結算所 column: 香港結算 #1-21 and #43; 期貨結算公司 / 期權結算所 #22-28 and
  // #37-41; 聯交所 / 香港結算 #29; all three #30-36 and #42.
  std::map<std::string, int> count;
  for (const ServiceDefinition& service : shipped().services()) {
    const int n = service.number;
    std::string expected = "HKSCC";
    if ((n >= 22 && n <= 28) || (n >= 37 && n <= 41)) expected = "HKCC/SEOCH";
    if (n == 29) expected = "SEHK/HKSCC";
    if ((n >= 30 && n <= 36) || n == 42) expected = "HKSCC/HKCC/SEOCH";
    EXPECT_EQ(houses(service), expected) << "#" << n;
    ++count[houses(service)];
  }
  EXPECT_EQ(count["HKSCC"], 22);
  EXPECT_EQ(count["HKCC/SEOCH"], 12);
  EXPECT_EQ(count["HKSCC/HKCC/SEOCH"], 8);
  EXPECT_EQ(count["SEHK/HKSCC"], 1);
}

TEST(ServiceCatalogue, MergedFormsLetTheUserPickTheInstructionType) {
  // Seed 000: "部分現有手工表格將合併至同一電子化服務內，以達至能一次過遞交多個指示或申請".
  int merged = 0;
  for (const ServiceDefinition& service : shipped().services()) {
    if (service.forms_replaced.size() < 2) continue;
    ++merged;
    const json instructions =
        service.schema.value("properties", json::object()).value("instructions", json());
    ASSERT_TRUE(instructions.is_object()) << "#" << service.number << " has no instructions array";
    EXPECT_EQ(instructions.value("type", ""), "array") << "#" << service.number;
    EXPECT_GE(instructions.value("items", json::object()).value("oneOf", json::array()).size(), 2u)
        << "#" << service.number;
  }
  // The seed lists more than one form for 16 services: #1 3 4 8 9 10 12 14 15 22 23 29 31 32
  // 33 36.
  EXPECT_EQ(merged, 16);
}

TEST(ServiceCatalogue, EveryServiceNamesItsFormsTeamAndWhoMayFileIt) {
  for (const ServiceDefinition& service : shipped().services()) {
    SCOPED_TRACE("#" + std::to_string(service.number) + " " + service.id);
    EXPECT_FALSE(service.forms_replaced.empty());
    EXPECT_FALSE(service.firm_kinds.empty());
    EXPECT_EQ(shipped().teams().count(service.operator_team), 1u);
    EXPECT_EQ(shipped().find(service.id), &service);
    for (const auto& [property, source] : service.auto_fill) {
      EXPECT_EQ(auto_fill_sources().count(source), 1u) << property;
    }
  }
  EXPECT_EQ(shipped().find("no-such-service"), nullptr);
}

// catalog/README.md: a field's title and its note are shown in the page's language, so each has
// its Traditional and Simplified Chinese beside the English (x-title, x-description).
void expect_chinese_beside(const json& node, const std::string& path) {
  if (!node.is_object()) return;
  for (const auto& [english, chinese] :
       {std::pair{"title", "x-title"}, std::pair{"description", "x-description"}}) {
    if (!node.contains(english) || path.empty()) continue;  // the form's own title: the service's
    for (const char* language : {"zh-Hant", "zh-Hans"}) {
      EXPECT_TRUE(node.contains(chinese) && node[chinese].contains(language) &&
                  !node[chinese][language].get<std::string>().empty())
          << path << ": " << chinese << " has no " << language;
    }
  }
  if (node.contains("properties")) {
    for (const auto& [name, child] : node["properties"].items()) {
      expect_chinese_beside(child, path + "/" + name);
    }
  }
  if (node.contains("items")) expect_chinese_beside(node["items"], path + "/items");
  if (node.contains("oneOf")) {
    for (size_t i = 0; i < node["oneOf"].size(); ++i) {
      expect_chinese_beside(node["oneOf"][i], path + "/oneOf/" + std::to_string(i));
    }
  }
}

TEST(ServiceCatalogue, EveryFieldsTitleAndNoteHaveTheirChinese) {
  for (const ServiceDefinition& service : shipped().services()) {
    SCOPED_TRACE("#" + std::to_string(service.number) + " " + service.id);
    for (const auto& [name, child] : service.schema["properties"].items()) {
      expect_chinese_beside(child, "/" + name);
    }
  }
}

TEST(ServiceCatalogue, SampleRequestsPassAndWrongOnesFailAtTheFieldAtFault) {
  int valid = 0;
  int invalid = 0;
  for (const ServiceDefinition& service : shipped().services()) {
    const fs::path file = kSource / "tests" / "catalog" /
                          ((service.number < 10 ? "0" : "") + std::to_string(service.number) + "-" +
                           service.id + ".cases.json");
    SCOPED_TRACE(file.string());
    std::ifstream in(file);
    ASSERT_TRUE(in) << "no test cases";
    const json cases = json::parse(in);
    ASSERT_TRUE(cases.contains("valid") && cases.contains("invalid"));
    ASSERT_FALSE(cases["valid"].empty());
    for (const json& data : cases["valid"]) {
      for (const FieldError& e : service.validator->validate(data)) {
        ADD_FAILURE() << "valid case refused at '" << e.pointer << "': " << e.message;
      }
      ++valid;
    }
    ASSERT_GE(cases["invalid"].size(), 2u);
    for (const json& wrong : cases["invalid"]) {
      const std::string pointer = wrong["pointer"];
      const auto errors = service.validator->validate(wrong["data"]);
      const bool at_fault = std::any_of(errors.begin(), errors.end(), [&](const FieldError& e) {
        return e.pointer == pointer || e.pointer.rfind(pointer + "/", 0) == 0;
      });
      EXPECT_TRUE(at_fault) << wrong["why"] << ": no error at " << pointer << " (" << errors.size()
                            << " elsewhere)";
      ++invalid;
    }
  }
  EXPECT_GE(valid, 43);
  EXPECT_GE(invalid, 86);
}

// A scratch catalogue: the shipped names files and one service file, edited per test.
class BrokenCatalogue : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("cp_catalog_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    fs::copy_file(kSource / "catalog" / "categories.json", dir_ / "categories.json");
    fs::copy_file(kSource / "catalog" / "teams.json", dir_ / "teams.json");
    std::ifstream in(kSource / "catalog" / "31-bank-accounts.json");
    service_ = json::parse(in);
    service_["number"] = 1;
  }
  void TearDown() override { fs::remove_all(dir_); }

  Error load_error(const std::string& file_name = "01-bank-accounts.json") {
    std::ofstream(dir_ / file_name) << service_.dump(2);
    auto loaded = ServiceCatalogue::load(dir_);
    EXPECT_FALSE(loaded.ok());
    return loaded.ok() ? Error{} : loaded.error();
  }

  fs::path dir_;
  json service_;
};

TEST_F(BrokenCatalogue, TheScratchCopyLoads) {
  std::ofstream(dir_ / "01-bank-accounts.json") << service_.dump(2);
  auto loaded = ServiceCatalogue::load(dir_);
  ASSERT_TRUE(loaded.ok()) << loaded.error().to_string();
  EXPECT_EQ(loaded->services().size(), 1u);
}

TEST_F(BrokenCatalogue, NamesTheFileAndFieldOfAnUnknownTeam) {
  service_["operator_team"] = "night_shift";
  const Error error = load_error();
  EXPECT_NE(error.file.find("01-bank-accounts.json"), std::string::npos) << error.file;
  EXPECT_EQ(error.field, "operator_team");
}

TEST_F(BrokenCatalogue, RefusesAGapInTheNumbers) {
  service_["number"] = 2;
  const Error error = load_error("02-bank-accounts.json");
  EXPECT_EQ(error.field, "number");
}

TEST_F(BrokenCatalogue, RefusesAnIdThatIsNotTheFileName) {
  EXPECT_EQ(load_error("01-bank-account.json").field, "id");
}

TEST_F(BrokenCatalogue, RefusesAnAutoFillOfAPropertyTheFormDoesNotHave) {
  service_["auto_fill"]["fax_number"] = "firm.contact_phone";
  EXPECT_EQ(load_error().field, "auto_fill.fax_number");
}

TEST_F(BrokenCatalogue, RefusesAnUnknownAutoFillSource) {
  service_["auto_fill"]["participant_id"] = "firm.password";
  EXPECT_EQ(load_error().field, "auto_fill.participant_id");
}

TEST_F(BrokenCatalogue, RefusesAPatternTheServerCouldNotCompile) {
  service_["schema"]["properties"]["participant_id"]["pattern"] = "^[A-Z";
  EXPECT_EQ(load_error().field, "schema/properties/participant_id/pattern");
}

TEST_F(BrokenCatalogue, RefusesAMakeEntitlementThatIsNotMake) {
  service_["make"] = "membership:check";
  EXPECT_EQ(load_error().field, "make");
}

TEST_F(BrokenCatalogue, RefusesAnAttachmentTypeOutsideTheList) {
  service_["attachments"][0]["types"] = json::array({"pdf", "exe"});
  EXPECT_EQ(load_error().field, "attachments[0].types");
}

TEST_F(BrokenCatalogue, RefusesATitleWithoutSimplifiedChinese) {
  service_["title"].erase("zh-Hans");
  EXPECT_EQ(load_error().field, "title.zh-Hans");
}

TEST_F(BrokenCatalogue, NamesTheLineOfMalformedJson) {
  std::ofstream(dir_ / "01-bank-accounts.json") << "{\n  \"number\": 1,\n  \"id\": \n}";
  auto loaded = ServiceCatalogue::load(dir_);
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.error().message.find("line 4"), std::string::npos) << loaded.error().message;
}

}  // namespace
}  // namespace cp::portal
