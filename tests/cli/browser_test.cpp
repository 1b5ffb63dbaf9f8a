// The portal's pages in a real browser, on SQLite and PostgreSQL: this test starts the server
// (serving web/) and an SMTP sink, then runs tests/browser/sign_in_flow.mjs, which drives Debian's
// chromium through Playwright: sign-in by emailed code, enrolment of an authenticator app from
// the QR code's key, sign-in with the app (issue 5, Done when). `scripts/setup` installs
// chromium, Node.js and the pinned playwright-core.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/operator_test.h"
#include "support/server_process.h"
#include "support/smtp_sink.h"

namespace cp {
namespace {

namespace fs = std::filesystem;

class BrowserTest : public testing::OperatorTest {
 protected:
  BrowserTest() : OperatorTest(/*with_alice=*/true) {}
};

std::string read_all(const fs::path& file) {
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST_P(BrowserTest, SignInByEmailEnrolAnAppAndSignInWithIt) {
  const fs::path source(CONNECTPOST_SOURCE_DIR);
  const fs::path script = source / "tests" / "browser" / "sign_in_flow.mjs";
  ASSERT_TRUE(fs::exists(source / "tests" / "browser" / "node_modules" / "playwright-core"))
      << "playwright-core is not installed: run scripts/setup";
  ASSERT_TRUE(fs::exists("/usr/bin/chromium")) << "chromium is not installed: run scripts/setup";
  testing::SmtpSink sink;
  ASSERT_EQ(sink.start(dir_), "");
  testing::ServerProcess server;
  ASSERT_EQ(server.start(scratch_->url(), {"--smtp-url", sink.url()},
                         {"--web-dir", (source / "web").string()}),
            "");
  const fs::path log = dir_ / "browser.log";
  // A hard limit: a hung browser fails the test instead of the CI run. The script closes its
  // chromium itself; `timeout` ends node (and with its pipe, chromium) if it does not.
  const std::string command =
      "cd '" + (source / "tests" / "browser").string() +
      "' && CP_BASE_URL=http://127.0.0.1:" + std::to_string(server.port()) + " CP_MAIL_DIR='" +
      sink.maildir().string() +
      "' CP_USER=alice CP_PASSWORD='harbour lanterns at dusk' CP_ARTIFACTS='" + dir_.string() +
      "' timeout --kill-after=10 180 node '" + script.string() + "' >'" + log.string() + "' 2>&1";
  const int status = std::system(command.c_str());
  const std::string output = read_all(log);
  EXPECT_EQ(status, 0) << output;
  EXPECT_THAT(output, ::testing::HasSubstr("every step held"));
  EXPECT_EQ(server.stop(), 0);
}

CP_INSTANTIATE_ON_BOTH_BACKENDS(BrowserTest);

}  // namespace
}  // namespace cp
