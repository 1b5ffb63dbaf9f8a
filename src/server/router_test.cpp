#include "server/router.h"

#include <gtest/gtest.h>

#include "identity/shipped_catalogue.h"

namespace cp::server {
namespace {

using identity::FirmKind;
using identity::Level;

Handler ok_handler() {
  return [](const RequestContext&) { return HttpResponse{}; };
}

TEST(Router, MatchesPatternsAndNamesTheParameters) {
  Router router;
  router.add({"GET", "/api/v1/firms/{firm}/requests/{id}",
              Access::entitled("settlement", Level::kView, "firm"), ok_handler(), "a request"});
  router.add({"POST", "/api/v1/firms/{firm}/requests/{id}",
              Access::entitled("settlement", Level::kMake, "firm"), ok_handler(), "edit"});
  std::vector<std::string> allowed;
  const auto hit = router.match("GET", "/api/v1/firms/B001/requests/42", allowed);
  ASSERT_NE(hit.route, nullptr);
  EXPECT_EQ(hit.params.at("firm"), "B001");
  EXPECT_EQ(hit.params.at("id"), "42");
  EXPECT_EQ(router.match("GET", "/api/v1/firms/B001/requests", allowed).route, nullptr);
  EXPECT_TRUE(allowed.empty());  // no such path: 404
  EXPECT_EQ(router.match("DELETE", "/api/v1/firms/B001/requests/42", allowed).route, nullptr);
  EXPECT_EQ(allowed, (std::vector<std::string>{"GET", "POST"}));  // 405 with Allow
  EXPECT_NE(router.match("HEAD", "/api/v1/firms/B001/requests/42", allowed).route, nullptr);
}

Principal user(std::vector<identity::Membership> memberships) {
  return {"someone", std::move(memberships), "token", "csrf"};
}

int status(const Access& access, const std::optional<Principal>& principal,
           const std::map<std::string, std::string>& params = {{"firm", "B001"}}) {
  return access_status(identity::shipped_catalogue(), access, principal, params);
}

TEST(RouterAccess, IsDeniedByDefault) {
  const Access view = Access::entitled("settlement", Level::kView, "firm");
  EXPECT_EQ(status(Access::public_route("liveness"), std::nullopt), 200);
  EXPECT_EQ(status(view, std::nullopt), 401);
  EXPECT_EQ(status(Access::signed_in(), std::nullopt), 401);
  EXPECT_EQ(status(Access::signed_in(), user({})), 200);
  EXPECT_EQ(status(view, user({})), 404);  // signed in, no firm: nothing to see
}

TEST(RouterAccess, AUserOfAnotherFirmGetsNotFoundNeverForbidden) {
  const Access view = Access::entitled("settlement", Level::kView, "firm");
  const auto beta_viewer = user({{"B002", FirmKind::kBroker, {"viewer"}}});
  EXPECT_EQ(status(view, beta_viewer), 404);
  EXPECT_EQ(status(view, beta_viewer, {{"firm", "B002"}}), 200);
}

TEST(RouterAccess, AMemberWithoutTheLevelIsForbidden) {
  const Access make = Access::entitled("settlement", Level::kMake, "firm");
  EXPECT_EQ(status(make, user({{"B001", FirmKind::kBroker, {"viewer"}}})), 403);
  EXPECT_EQ(status(make, user({{"B001", FirmKind::kBroker, {"maker"}}})), 200);
  EXPECT_EQ(status(Access::entitled("users", Level::kAdmin, "firm"),
                   user({{"B001", FirmKind::kBroker, {"maker"}}})),
            403);
}

TEST(RouterAccess, TheOperatorsProcessorsReachEveryFirm) {
  const Access process = Access::entitled("settlement", Level::kProcess, "firm");
  EXPECT_EQ(status(process, user({{"HKSCC", FirmKind::kOperator, {"operator_processor"}}})), 200);
  EXPECT_EQ(status(process, user({{"B001", FirmKind::kBroker, {"checker"}}})), 403);
}

TEST(RouterAccessDeathTest, APublicRouteMustSayWhy) {
  Router router;
  EXPECT_DEATH(router.add({"GET", "/x", Access::public_route(""), ok_handler(), ""}),
               "must say why");
}

}  // namespace
}  // namespace cp::server
