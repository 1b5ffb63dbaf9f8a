#include "server/app.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "core/input_limits.h"
#include "identity/shipped_catalogue.h"

namespace cp::server {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class AppTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::create_directories(web_ / "css");
    std::ofstream(web_ / "index.html") << "<h1>portal</h1>";
    std::ofstream(web_ / "css" / "site.css") << "body{}";
    std::ofstream(web_ / ".env") << "SECRET=1";
    std::ofstream(web_.parent_path() / "cp_app_test_secret.txt") << "outside";
    // ../cp_app_test_secret.txt from web_ is that file: it must never be served.
    add_basic_routes(app_);
    app_.router().add({"GET", "/api/v1/firms/{firm}/requests",
                       Access::entitled("settlement", identity::Level::kView, "firm"),
                       [](const RequestContext&) {
                         return HttpResponse{200, "application/json", {}, "[]"};
                       },
                       "requests"});
  }
  void TearDown() override { std::filesystem::remove_all(web_.parent_path()); }

  HttpResponse get(const std::string& path) {
    HttpRequest request;
    request.method = "GET";
    request.path = path;
    return app_.handle(request);
  }

  // One directory per test process: ctest runs the cases in parallel.
  std::filesystem::path web_ = std::filesystem::temp_directory_path() /
                               ("cp_app_test_" + std::to_string(::getpid())) / "web";
  App app_{identity::shipped_catalogue(), [](const HttpRequest&) { return std::nullopt; }, web_};
};

TEST_F(AppTest, HealthzAnswersWithSecurityHeaders) {
  const HttpResponse response = get("/healthz");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, R"({"status":"ok"})");
  EXPECT_EQ(response.headers.at("x-content-type-options"), "nosniff");
  EXPECT_EQ(response.headers.at("x-frame-options"), "DENY");
  EXPECT_EQ(response.headers.at("cache-control"), "no-store");
}

TEST_F(AppTest, AnApiRouteWithoutASessionIsUnauthenticated) {
  const HttpResponse response = get("/api/v1/firms/B001/requests");
  EXPECT_EQ(response.status, 401);
  EXPECT_THAT(response.body, HasSubstr("unauthenticated"));
}

TEST_F(AppTest, ServesStaticFilesButNothingHiddenOrOutside) {
  EXPECT_EQ(get("/").body, "<h1>portal</h1>");
  EXPECT_EQ(get("/").content_type, "text/html; charset=utf-8");
  EXPECT_EQ(get("/css/site.css").content_type, "text/css; charset=utf-8");
  EXPECT_EQ(get("/.env").status, 404);
  EXPECT_EQ(get("/../cp_app_test_secret.txt").status, 404);
  EXPECT_EQ(get("/css/../../cp_app_test_secret.txt").status, 404);
  EXPECT_EQ(get("/nothing.html").status, 404);
}

TEST_F(AppTest, WrongMethodIs405WithAllow) {
  HttpRequest request;
  request.method = "POST";
  request.path = "/healthz";
  const HttpResponse response = app_.handle(request);
  EXPECT_EQ(response.status, 405);
  EXPECT_EQ(response.headers.at("allow"), "GET");
}

TEST_F(AppTest, MetricsCountWhatWasServedByRoutePattern) {
  app_.set_monitoring_token(std::string(32, 'm'));
  get("/healthz");
  get("/api/v1/firms/B001/requests");
  get("/api/v1/firms/B002/requests");
  HttpRequest scrape;
  scrape.method = "GET";
  scrape.path = "/metrics";
  scrape.headers["authorization"] = "Bearer " + std::string(32, 'm');
  const std::string text = app_.handle(scrape).body;
  EXPECT_THAT(text, HasSubstr("route=\"/healthz\",status=\"200\"} 1"));
  // By pattern, never by raw path: the two firms' requests are one series.
  EXPECT_THAT(text, HasSubstr("route=\"/api/v1/firms/{firm}/requests\",status=\"401\"} 2"));
}

TEST_F(AppTest, MetricsAreClosedWithoutTheMonitoringToken) {
  // No token configured: closed to everyone (issue 14 finding 8: /metrics was public).
  EXPECT_EQ(get("/metrics").status, 404);
  app_.set_monitoring_token(std::string(32, 'm'));
  HttpRequest scrape;
  scrape.method = "GET";
  scrape.path = "/metrics";
  EXPECT_EQ(app_.handle(scrape).status, 404);
  scrape.headers["authorization"] = "Bearer " + std::string(31, 'm') + "x";
  EXPECT_EQ(app_.handle(scrape).status, 404);
  scrape.headers["authorization"] = "Bearer " + std::string(32, 'm');
  EXPECT_EQ(app_.handle(scrape).status, 200);
}

TEST_F(AppTest, NeitherTheNpmTreeNorItsManifestIsServed) {
  std::filesystem::create_directories(web_ / "node_modules" / "x");
  std::ofstream(web_ / "node_modules" / "x" / "index.js") << "module.exports = 1";
  std::ofstream(web_ / "package.json") << "{}";
  std::ofstream(web_ / "notes.txt") << "draft";
  EXPECT_EQ(get("/node_modules/x/index.js").status, 404);
  EXPECT_EQ(get("/package.json").status, 404);
  EXPECT_EQ(get("/notes.txt").status, 404);
  EXPECT_EQ(get("/index.html").status, 200);
}

TEST_F(AppTest, AnExceptionInAHandlerIsAnsweredAndNamedByTheRequestId) {
  app_.router().add({"GET", "/boom", Access::public_route("a test route"),
                     [](const RequestContext&) -> HttpResponse {
                       throw std::runtime_error("the disk is on fire");
                     },
                     "throws"});
  app_.router().add(
      {"GET", "/wrong-type", Access::public_route("a test route"),
       [](const RequestContext&) -> HttpResponse {
         const nlohmann::json body = {{"reason", 123}};
         return HttpResponse{200, "text/plain", {}, body["reason"].get<std::string>()};
       },
       "takes a number for a string"});
  const HttpResponse failed = get("/boom");
  EXPECT_EQ(failed.status, 500);
  const std::string id = failed.headers.at("x-request-id");
  EXPECT_THAT(failed.body, HasSubstr(id));           // the id the operator can find in the log
  EXPECT_THAT(failed.body, Not(HasSubstr("disk")));  // what failed stays in the log
  EXPECT_EQ(get("/wrong-type").status, 400);
  // Every answer carries an id of its own.
  EXPECT_NE(get("/healthz").headers.at("x-request-id"), id);
}

TEST_F(AppTest, TheBodyLimitIsTheRoutesAndIsChosenAfterSignIn) {
  app_.set_upload_bytes_max(4 << 20);
  app_.router().add({"POST", "/api/v1/firms/{firm}/files",
                     Access::entitled("settlement", identity::Level::kMake, "firm"),
                     [](const RequestContext&) {
                       return HttpResponse{201, "text/plain", {}, ""};
                     },
                     "an upload", Body::kUpload});
  HttpRequest head;
  head.method = "POST";
  head.path = "/api/v1/firms/B001/files";
  // No session: refused on the head, so the transport never reads the body.
  Admission anonymous = app_.admit(head);
  ASSERT_TRUE(anonymous.answer.has_value());
  EXPECT_EQ(anonymous.answer->status, 401);
  head.path = "/api/v1/firms/B001/requests";
  head.method = "GET";
  EXPECT_EQ(app_.admit(head).body_bytes_max, limits::kEmptyBodyBytesMax);
}

TEST_F(AppTest, EveryAnswerSaysNoStoreButTheStaticFiles) {
  EXPECT_EQ(get("/api/v1/firms/B001/requests").headers.at("cache-control"), "no-store");
  EXPECT_EQ(get("/").headers.at("cache-control"), "no-cache");
}

TEST(AppLimits, PasswordRoutesAreLimitedPerSourceAddressWithRetryAfter) {
  FixedClock clock{from_hkt(*Date::parse("2026-12-05"), *TimeOfDay::parse("09:00"))};
  App app(
      identity::shipped_catalogue(), [](const HttpRequest&) { return std::nullopt; }, "", clock);
  app.set_address_limit({2, std::chrono::seconds(30), 100});
  app.router().add({"POST", "/login", Access::public_route("a test route"),
                    [](const RequestContext&) {
                      return HttpResponse{200, "text/plain", {}, ""};
                    },
                    "hashes", Body::kJson, Cost::kPasswordHash});
  HttpRequest request;
  request.method = "POST";
  request.path = "/login";
  request.remote_address = "192.0.2.7";
  // Two at once, then one per 30 s.
  EXPECT_EQ(app.handle(request).status, 200);
  EXPECT_EQ(app.handle(request).status, 200);
  const HttpResponse third = app.handle(request);
  EXPECT_EQ(third.status, 429);
  EXPECT_EQ(third.headers.at("retry-after"), "30");
  // Another address has its own allowance.
  request.remote_address = "192.0.2.8";
  EXPECT_EQ(app.handle(request).status, 200);
  request.remote_address = "192.0.2.7";
  clock.advance(std::chrono::seconds(20));
  EXPECT_EQ(app.handle(request).headers.at("retry-after"), "10");
  clock.advance(std::chrono::seconds(10));
  EXPECT_EQ(app.handle(request).status, 200);
}

TEST(HttpTarget, RefusesWhatIsNotUtf8TextAsIsStored) {
  std::string path;
  std::map<std::string, std::string> query;
  // Issue 14 finding 4: notes=%ff%fe was stored and broke every firm's document list.
  EXPECT_FALSE(parse_target("/v?notes=%ff%fe", path, query));
  EXPECT_FALSE(parse_target("/bad%ff", path, query));
  // A NUL or a line break in a path; a NUL or an escape in a query value.
  EXPECT_FALSE(parse_target("/index.html%00.png", path, query));
  EXPECT_FALSE(parse_target("/a%0Ab", path, query));
  EXPECT_FALSE(parse_target("/v?name=a%00b", path, query));
  EXPECT_FALSE(parse_target("/v?name=a%1Bb", path, query));
  // Notes may have line breaks; Chinese is UTF-8.
  ASSERT_TRUE(parse_target("/v?notes=line%0Anext&name=%E9%A8%B0.pdf", path, query));
  EXPECT_EQ(query.at("notes"), "line\nnext");
  EXPECT_EQ(query.at("name"), "\xE9\xA8\xB0.pdf");
}

TEST(HttpTarget, DecodesPathAndQuery) {
  std::string path;
  std::map<std::string, std::string> query;
  ASSERT_TRUE(parse_target("/a%20b/c?x=1&name=Wong+Tai%2FSin&flag", path, query));
  EXPECT_EQ(path, "/a b/c");
  EXPECT_EQ(query.at("x"), "1");
  EXPECT_EQ(query.at("name"), "Wong Tai/Sin");
  EXPECT_EQ(query.at("flag"), "");
  EXPECT_FALSE(parse_target("/bad%2", path, query));
  EXPECT_FALSE(parse_target("/bad%zz", path, query));
}

}  // namespace
}  // namespace cp::server
