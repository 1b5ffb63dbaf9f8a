#include "server/app.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "identity/shipped_catalogue.h"

namespace cp::server {
namespace {

using ::testing::HasSubstr;

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
  get("/healthz");
  get("/api/v1/firms/B001/requests");
  get("/api/v1/firms/B002/requests");
  const std::string text = get("/metrics").body;
  EXPECT_THAT(text, HasSubstr("route=\"/healthz\",status=\"200\"} 1"));
  // By pattern, never by raw path: the two firms' requests are one series.
  EXPECT_THAT(text, HasSubstr("route=\"/api/v1/firms/{firm}/requests\",status=\"401\"} 2"));
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
