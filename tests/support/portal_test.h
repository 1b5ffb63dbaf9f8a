// The fixture of the portal's server tests (issue 6): firms B001 and B002 (brokers, HKSCC
// participants B01234 and B05678) and the operator HKEX; makers mia and bea, checkers chen and
// ben, operator olga, each with a password and an authenticator app; a real server with a real
// SMTP sink (aiosmtpd) on the test's database; helpers to sign in, call and step requests.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "identity/totp.h"
#include "support/http_client.h"
#include "support/operator_test.h"
#include "support/server_process.h"
#include "support/sign_in.h"
#include "support/smtp_sink.h"

namespace cp::testing {

using Json = nlohmann::json;

inline constexpr const char* kPassword = "harbour lanterns at dusk";

// The valid #31 request of tests/catalog, without what auto-fill sets.
inline Json bank_accounts_data() {
  std::ifstream in(std::string(CONNECTPOST_SOURCE_DIR) +
                   "/tests/catalog/31-bank-accounts.cases.json");
  Json data = Json::parse(in)["valid"][0];
  for (const char* filled : {"participant_name", "participant_id", "contact_name", "contact_email"})
    data.erase(filled);
  return data;
}

inline const std::string kPdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";

class PortalTest : public OperatorTest {
 protected:
  void SetUp() override {
    OperatorTest::SetUp();
    if (HasFatalFailure()) return;
    cli("firm add B001 --name 'Alpha Securities Limited' --kind broker");
    cli("firm add B002 --name 'Beta Securities Limited' --kind broker");
    cli("firm add HKEX --name 'Hong Kong Securities Clearing' --kind operator");
    cli("firm profile B001 --participant-id HKSCC=B01234 --contact-phone '+852 2522 0000'");
    cli("firm profile B002 --participant-id HKSCC=B05678");
    for (const auto& [login, firm, role] :
         {std::tuple{"mia", "B001", "maker"}, std::tuple{"chen", "B001", "checker"},
          std::tuple{"bea", "B002", "maker"}, std::tuple{"ben", "B002", "checker"},
          std::tuple{"olga", "HKEX", "operator_processor"}}) {
      cli(std::string("user add ") + login + " --name " + login + " --email " + login +
          "@example.com --firm " + firm + " --role " + role);
      cli(std::string("user set-password ") + login, std::string(kPassword) + "\n");
      secrets_[login] = enrol_totp(*this, login);
    }
    ASSERT_EQ(sink_.start(dir_), "");
    std::vector<std::string> global = {"--smtp-url", sink_.url(), "--public-url",
                                       "https://portal.cp.test/"};
    if (!data_dir_.empty()) global.insert(global.end(), {"--data-dir", data_dir_});
    // The book firm and the SMS sink are configuration keys: set for the server's start only.
    if (!book_firm_.empty()) ::setenv("CONNECTPOST_BOOK_FIRM", book_firm_.c_str(), 1);
    if (sms_sink_) {
      sms_file_ = dir_ / "sms.jsonl";
      ::setenv("CONNECTPOST_SMS_SINK_FILE", sms_file_.c_str(), 1);
    }
    const std::string started = server_.start(
        scratch_->url(), global, {"--web-dir", std::string(CONNECTPOST_SOURCE_DIR) + "/web"});
    ::unsetenv("CONNECTPOST_BOOK_FIRM");
    ::unsetenv("CONNECTPOST_SMS_SINK_FILE");
    ASSERT_EQ(started, "");
  }

  // The texts the server sent through its SMS sink (sms_sink_), each line parsed.
  std::vector<Json> sms_texts() const {
    std::vector<Json> out;
    std::ifstream in(sms_file_);
    for (std::string line; std::getline(in, line);) out.push_back(Json::parse(line));
    return out;
  }

  const SignedIn& as(const std::string& login) {
    auto found = sessions_.find(login);
    if (found != sessions_.end()) return found->second;
    // A second sign-in uses the next 30-second code: a used code is never accepted again.
    SignedIn who = sign_in(server_.port(), login, kPassword, secrets_[login], sign_ins_[login]++);
    EXPECT_EQ(who.status, 200) << login;
    return sessions_[login] = who;
  }

  HttpReply call(const std::string& login, const std::string& method, const std::string& path,
                 const std::string& body = "", std::map<std::string, std::string> headers = {}) {
    const auto& who = as(login);
    headers["Cookie"] = who.cookie;
    headers["X-CSRF-Token"] = who.csrf;
    if (method == "PUT" && !headers.count("Content-Type")) {
      headers["Content-Type"] = "application/json";
    }
    return http_call(server_.port(), method, path, body, headers);
  }
  Json json_of(const HttpReply& reply) { return Json::parse(reply.body, nullptr, false); }

  // The mails the sink has to `to`, once it holds at least `at_least_total` of any.
  std::vector<std::string> mails_to(const std::string& to, size_t at_least_total = 0) {
    std::vector<std::string> out;
    for (const std::string& mail : sink_.messages(at_least_total)) {
      if (mail.find("To: " + to) != std::string::npos) out.push_back(mail);
    }
    return out;
  }

  // A draft of #31 in B001 by mia with its bank confirmation attached; its reference.
  std::string ready_draft(const std::string& login = "mia", const std::string& firm = "B001") {
    const HttpReply created =
        call(login, "POST", "/api/v1/firms/" + firm + "/requests",
             Json{{"service", "bank-accounts"}, {"data", bank_accounts_data()}}.dump());
    EXPECT_EQ(created.status, 201) << created.body;
    const std::string ref = json_of(created).value("reference", "");
    const HttpReply attached = call(login, "POST",
                                    "/api/v1/firms/" + firm + "/requests/" + ref +
                                        "/attachments?slot=bank_confirmation&name=letter.pdf",
                                    kPdf, {{"Content-Type", "application/octet-stream"}});
    EXPECT_EQ(attached.status, 201) << attached.body;
    return ref;
  }

  // A draft in B001 by mia of the catalogue's service `service` (GET /api/v1/catalog/{id}): its
  // first valid case of tests/catalog less what auto-fill sets, with every required attachment
  // (a PDF where the slot takes one, else a CSV); its reference. B001 needs the participant ids
  // at HKCC and SEOCH for the derivatives services.
  std::string sample_draft(const Json& service) {
    const std::string id = service["id"];
    char number[3];
    std::snprintf(number, sizeof number, "%02d", service["number"].get<int>());
    std::ifstream in(std::string(CONNECTPOST_SOURCE_DIR) + "/tests/catalog/" + number + "-" + id +
                     ".cases.json");
    Json data = Json::parse(in)["valid"][0];
    for (const auto& [property, source] : service["auto_fill"].items()) data.erase(property);
    const HttpReply created = call("mia", "POST", "/api/v1/firms/B001/requests",
                                   Json{{"service", id}, {"data", data}}.dump());
    EXPECT_EQ(created.status, 201) << id << ": " << created.body;
    const std::string ref = json_of(created).value("reference", "");
    for (const Json& slot : service["attachments"]) {
      if (!slot["required"].get<bool>()) continue;
      const bool pdf =
          std::find(slot["types"].begin(), slot["types"].end(), "pdf") != slot["types"].end();
      const HttpReply attached = call("mia", "POST",
                                      "/api/v1/firms/B001/requests/" + ref +
                                          "/attachments?slot=" + slot["name"].get<std::string>() +
                                          "&name=" + (pdf ? "a.pdf" : "a.csv"),
                                      pdf ? kPdf : std::string("line,detail\n1,x\n"),
                                      {{"Content-Type", "application/octet-stream"}});
      EXPECT_EQ(attached.status, 201) << id << ": " << attached.body;
    }
    return ref;
  }

  int64_t version_of(const std::string& login, const std::string& firm, const std::string& ref) {
    return json_of(call(login, "GET", "/api/v1/firms/" + firm + "/requests/" + ref))
        .value("version", int64_t{0});
  }

  HttpReply step(const std::string& login, const std::string& firm, const std::string& ref,
                 const std::string& action, const std::string& reason = "") {
    Json body = {{"version", version_of(login, firm, ref)}};
    if (!reason.empty()) body["reason"] = reason;
    return call(login, "POST", "/api/v1/firms/" + firm + "/requests/" + ref + "/" + action,
                body.dump());
  }

  HttpReply operator_step(const std::string& ref, const std::string& action,
                          const std::string& reason = "") {
    const Json current = json_of(call("olga", "GET", "/api/v1/operator/HKEX/requests/" + ref));
    Json body = {{"version", current.value("version", int64_t{0})}};
    if (!reason.empty()) body["reason"] = reason;
    return call("olga", "POST", "/api/v1/operator/HKEX/requests/" + ref + "/" + action,
                body.dump());
  }

  // The folder a browser flow keeps its screenshots and log in (test-artifacts/portal-<backend>),
  // created; empty, with a failure, when playwright-core is not installed.
  std::filesystem::path browser_artifacts() {
    namespace fs = std::filesystem;
    const fs::path browser = fs::path(CONNECTPOST_SOURCE_DIR) / "tests" / "browser";
    if (!fs::exists(browser / "node_modules" / "playwright-core")) {
      ADD_FAILURE() << "playwright-core is not installed: run scripts/setup";
      return {};
    }
    const fs::path artifacts = fs::path(CONNECTPOST_TEST_BIN).parent_path() / "test-artifacts" /
                               ("portal-" + backend_test_name(GetParam()));
    fs::create_directories(artifacts);
    return artifacts;
  }
  // A flow's CP_SECRETS: each login's authenticator key in base32.
  std::string browser_secrets(std::initializer_list<const char*> logins) {
    Json secrets = Json::object();
    for (const char* login : logins) secrets[login] = identity::base32(secrets_[login]);
    return secrets.dump();
  }
  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(server_.port()); }

  // Set by a test's constructor, before SetUp starts the server: the firm whose Southbound book
  // it serves (config book_firm), and whether it texts through a file of the test's own
  // (sms_file_ in dir_; mail/sms.h: one JSON line per text).
  std::string book_firm_;
  bool sms_sink_ = false;
  std::filesystem::path sms_file_;

  SmtpSink sink_;
  ServerProcess server_;
  std::map<std::string, std::string> secrets_;
  std::map<std::string, SignedIn> sessions_;
  std::map<std::string, int> sign_ins_;
};

}  // namespace cp::testing
