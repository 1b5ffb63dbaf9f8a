// The portal's pages in a real browser, on SQLite and PostgreSQL (issue 6, Tests): the server
// (serving web/) and the SMTP sink of the portal fixture, then tests/browser/portal_flow.mjs in
// Debian's chromium through Playwright, once on a desktop screen and once on a phone — a maker's
// multi-instruction request with a validation error fixed in place, the checker's approval from
// the mailed link, the operator's completion, the maker's search. Screenshots of every page are
// kept in build/test/test-artifacts/portal-<database>/. And every one of the 43 services' forms,
// built, found complete, checked for accessibility and submitted from its page.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "identity/totp.h"
#include "support/browser_flow.h"
#include "support/portal_test.h"

namespace cp {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

class PortalBrowserTest : public testing::PortalTest {};

TEST_P(PortalBrowserTest, AMakersRequestIsCheckedCompletedAndFoundOnADesktopAndAPhone) {
  const fs::path source(CONNECTPOST_SOURCE_DIR);
  ASSERT_TRUE(fs::exists(source / "tests" / "browser" / "node_modules" / "playwright-core"))
      << "playwright-core is not installed: run scripts/setup";
  ASSERT_TRUE(fs::exists(source / "web" / "vendor" / "jsoneditor.js"))
      << "the pages' libraries are not installed: run scripts/setup";
  const fs::path artifacts = fs::path(CONNECTPOST_TEST_BIN).parent_path() / "test-artifacts" /
                             ("portal-" + testing::backend_test_name(GetParam()));
  fs::remove_all(artifacts);
  fs::create_directories(artifacts);
  Json secrets = Json::object();
  for (const char* login : {"mia", "chen", "olga"})
    secrets[login] = identity::base32(secrets_[login]);
  for (const char* viewport : {"desktop", "phone"}) {
    SCOPED_TRACE(viewport);
    const auto [status, output] = testing::run_browser_flow(
        "portal_flow.mjs",
        {{"CP_BASE_URL", "http://127.0.0.1:" + std::to_string(server_.port())},
         {"CP_MAIL_DIR", sink_.maildir().string()},
         {"CP_PASSWORD", testing::kPassword},
         {"CP_SECRETS", secrets.dump()},
         {"CP_ARTIFACTS", artifacts.string()},
         {"CP_VIEWPORT", viewport}},
        artifacts / (std::string(viewport) + ".log"), 240);
    EXPECT_EQ(status, 0) << output;
    EXPECT_THAT(output, ::testing::HasSubstr("every step held"));
    EXPECT_TRUE(fs::exists(artifacts / (std::string(viewport) + "-found.png")));
  }
}

// Every one of the 43 services' forms in the browser: the test files each service's sample
// request as a draft through the API, tests/browser/catalogue_flow.mjs opens and submits each
// from its page, and the checker and the operator then take each to completed.
TEST_P(PortalBrowserTest, EveryServicesFormIsBuiltCheckedAndSubmittedFromItsPage) {
  cli("firm profile B001 --participant-id HKCC=ALP --participant-id SEOCH=ALS "
      "--participant-id SEHK=B01234");
  const Json catalogue = json_of(call("mia", "GET", "/api/v1/catalog"));
  ASSERT_EQ(catalogue["services"].size(), 43u);
  Json drafts = Json::array();
  for (const Json& listed : catalogue["services"]) {
    const std::string id = listed["id"];
    const std::string ref = sample_draft(json_of(call("mia", "GET", "/api/v1/catalog/" + id)));
    ASSERT_FALSE(ref.empty()) << id;
    drafts.push_back({{"service", id}, {"reference", ref}});
  }
  const fs::path source(CONNECTPOST_SOURCE_DIR);
  const fs::path artifacts = fs::path(CONNECTPOST_TEST_BIN).parent_path() / "test-artifacts" /
                             ("catalogue-" + testing::backend_test_name(GetParam()));
  fs::remove_all(artifacts);
  fs::create_directories(artifacts);
  Json secrets = {{"mia", identity::base32(secrets_["mia"])}};
  const auto [status, output] = testing::run_browser_flow(
      "catalogue_flow.mjs",
      {{"CP_BASE_URL", "http://127.0.0.1:" + std::to_string(server_.port())},
       {"CP_PASSWORD", testing::kPassword},
       {"CP_SECRETS", secrets.dump()},
       {"CP_ARTIFACTS", artifacts.string()},
       {"CP_DRAFTS", drafts.dump()}},
      artifacts / "flow.log", 300);
  ASSERT_EQ(status, 0) << output;
  ASSERT_THAT(output, ::testing::HasSubstr("every step held"));
  for (const Json& draft : drafts) {
    const std::string ref = draft["reference"];
    SCOPED_TRACE(draft["service"].get<std::string>());
    EXPECT_EQ(json_of(call("mia", "GET", "/api/v1/firms/B001/requests/" + ref))["status"],
              "submitted");
    ASSERT_EQ(step("chen", "B001", ref, "approve").status, 200);
    for (const char* action : {"receive", "start", "complete"}) {
      ASSERT_EQ(operator_step(ref, action).status, 200) << action;
    }
    EXPECT_EQ(json_of(call("mia", "GET", "/api/v1/firms/B001/requests/" + ref))["status"],
              "completed");
  }
}

CP_INSTANTIATE_ON_BOTH_BACKENDS(PortalBrowserTest);

}  // namespace
}  // namespace cp
