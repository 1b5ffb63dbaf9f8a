// The obligations pages in a real browser, on SQLite and PostgreSQL (issue 16 Done when: the
// portal pages and the chart work in the browser tests, desktop and phone, axe-clean): the
// server of the obligations fixture, then tests/browser/obligations_flow.mjs in Debian's chromium
// through Playwright, once on a desktop screen and once on a phone. Screenshots (and the desktop
// run's printed sheet as a PDF) are kept in build/test/test-artifacts/obligations-<database>/.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "identity/totp.h"
#include "support/browser_flow.h"
#include "support/obligations_fixture.h"

namespace cp {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

class ObligationsBrowserTest : public testing::ObligationsFixture {};

TEST_P(ObligationsBrowserTest, CountdownsChartSheetAndACheckedPaymentOnADesktopAndAPhone) {
  const fs::path source(CONNECTPOST_SOURCE_DIR);
  ASSERT_TRUE(fs::exists(source / "tests" / "browser" / "node_modules" / "playwright-core"))
      << "playwright-core is not installed: run scripts/setup";
  ASSERT_TRUE(fs::exists(source / "web" / "vendor" / "chart.umd.min.js"))
      << "the pages' libraries are not installed: run scripts/setup";
  const fs::path artifacts = fs::path(CONNECTPOST_TEST_BIN).parent_path() / "test-artifacts" /
                             ("obligations-" + testing::backend_test_name(GetParam()));
  fs::remove_all(artifacts);
  fs::create_directories(artifacts);
  Json secrets = Json::object();
  for (const char* login : {"mia", "pam", "carl"})
    secrets[login] = identity::base32(secrets_[login]);
  for (const char* viewport : {"desktop", "phone"}) {
    SCOPED_TRACE(viewport);
    const auto [status, output] = testing::run_browser_flow(
        "obligations_flow.mjs",
        {{"CP_BASE_URL", "http://127.0.0.1:" + std::to_string(server_.port())},
         {"CP_PASSWORD", testing::kPassword},
         {"CP_SECRETS", secrets.dump()},
         {"CP_ARTIFACTS", artifacts.string()},
         {"CP_VIEWPORT", viewport}},
        artifacts / (std::string(viewport) + ".log"), 180);
    EXPECT_EQ(status, 0) << output;
    EXPECT_THAT(output, ::testing::HasSubstr("every step held"));
    EXPECT_TRUE(fs::exists(artifacts / (std::string(viewport) + "-sheet-paid.png")));
  }
  EXPECT_TRUE(fs::exists(artifacts / "desktop-sheet.pdf"));
  // What the pages did is in the database: the desktop run paid the 10th's margin, the phone
  // run the 9th's (the command line reads it; the users' codes of this minute are spent).
  for (const char* date : {"2022-06-09", "2022-06-10"}) {
    const auto shown =
        run(std::string("obligations --participant B01234 --date ") + date + " --json");
    ASSERT_EQ(shown.exit_code, 0) << shown.err;
    const Json day = Json::parse(shown.out, nullptr, false);
    ASSERT_TRUE(day.contains("obligations")) << shown.out;
    for (const Json& o : day["obligations"]) {
      EXPECT_EQ(o.value("status", ""), o.value("kind", "") == "day_end_margin" ? "paid" : "overdue")
          << date;
    }
  }
}

CP_INSTANTIATE_ON_BOTH_BACKENDS(ObligationsBrowserTest);

}  // namespace
}  // namespace cp
