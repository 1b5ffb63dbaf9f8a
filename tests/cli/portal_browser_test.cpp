// The portal's pages in a real browser, on SQLite and PostgreSQL (issue 6, Tests): the server
// (serving web/) and the SMTP sink of the portal fixture, then tests/browser/portal_flow.mjs in
// Debian's chromium through Playwright, once on a desktop screen and once on a phone — a maker's
// multi-instruction request with a validation error fixed in place, the checker's approval from
// the mailed link, the operator's completion, the maker's search. Screenshots of every page are
// kept in build/test/test-artifacts/portal-<database>/.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "identity/totp.h"
#include "support/portal_test.h"

namespace cp {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

class PortalBrowserTest : public testing::PortalTest {};

std::string read_all(const fs::path& file) {
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

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
    const fs::path log = artifacts / (std::string(viewport) + ".log");
    // A hard limit: a hung browser fails the test, not the CI run.
    const std::string command =
        "cd '" + (source / "tests" / "browser").string() +
        "' && CP_BASE_URL=http://127.0.0.1:" + std::to_string(server_.port()) + " CP_MAIL_DIR='" +
        sink_.maildir().string() + "' CP_PASSWORD='" + testing::kPassword + "' CP_SECRETS='" +
        secrets.dump() + "' CP_ARTIFACTS='" + artifacts.string() + "' CP_VIEWPORT=" + viewport +
        " timeout --kill-after=10 240 node portal_flow.mjs >'" + log.string() + "' 2>&1";
    const int status = std::system(command.c_str());
    const std::string output = read_all(log);
    EXPECT_EQ(status, 0) << output;
    EXPECT_THAT(output, ::testing::HasSubstr("every step held"));
    EXPECT_TRUE(fs::exists(artifacts / (std::string(viewport) + "-found.png")));
  }
}

CP_INSTANTIATE_ON_BOTH_BACKENDS(PortalBrowserTest);

}  // namespace
}  // namespace cp
