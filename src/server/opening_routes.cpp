#include "server/opening_routes.h"

#include <sodium.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "identity/password.h"
#include "investors/archive.h"
#include "investors/knowledge_sheet.h"
#include "investors/opening.h"
#include "server/json_body.h"
#include "server/portal_reference.h"
#include "server/route_support.h"
#include "store/audit_store.h"
#include "store/identity_store.h"
#include "store/investor_account_store.h"
#include "store/investor_application_store.h"
#include "store/investor_assessment.h"
#include "store/investor_evidence_store.h"
#include "store/investor_permission_store.h"
#include "store/session_store.h"

namespace cp::server {
namespace {

using Json = nlohmann::ordered_json;
using investors::OpeningState;
using investors::OpeningStep;

const Access kOpeningView = Access::entitled("permission", identity::Level::kView, "firm");
const Access kOpeningMake = Access::entitled("permission", identity::Level::kMake, "firm");

// Kept small: a page's answers to at most the bank's questions.
constexpr size_t kAnswersMax = 100;

Json local_json(const LocalText& t) {
  return {{"en", t.en}, {"zh-Hant", t.zh_hant}, {"zh-Hans", t.zh_hans}};
}

Json document_json(const investors::OpeningDocument& d) {
  return {{"kind", investors::opening_document_code(d.kind)},
          {"channel", channel_code(d.channel)},
          {"version", d.version},
          {"sha256", d.sha256},
          {"title", local_json(d.title)},
          {"body", local_json(d.body)}};
}

Json application_json(const store::ApplicationRow& a) {
  const auto due = investors::step_due(a.state);
  return {{"id", a.application_id},
          {"account", a.account_id},
          {"channel", channel_code(a.channel)},
          {"state", investors::opening_state_code(a.state)},
          {"step_due", due ? Json(investors::opening_step_code(*due)) : Json(nullptr)},
          {"started_at", hkt_text_from_utc(a.started_at)},
          {"updated_at", hkt_text_from_utc(a.updated_at)},
          {"code_sent", !a.code_hash.empty()},
          {"outcome", a.outcome.empty() ? Json(nullptr) : Json(stored_json(a.outcome))}};
}

Json rules_json(const std::vector<investors::RuleResult>& rules) {
  Json out = Json::array();
  for (const auto& r : rules) {
    out.push_back({{"rule", investors::rule_code(r.rule)},
                   {"passed", r.passed},
                   {"evidence", r.evidence},
                   {"reason", r.reason}});
  }
  return out;
}

HttpResponse not_offered() {
  return error_response(503, "not_offered", "the online opening is not configured on this server");
}

// One step's context: the signed-in investor's own application, the reference data, now.
struct StepContext {
  PortalContext& portal;
  const RequestContext& c;
  store::ApplicationRow application;
  PortalReference reference;
  UtcTime now;
  Date today;  // HKT
  std::string actor;
  const investors::OpeningKit* kit = nullptr;
  int32_t retention_years = 0;  // suit.archive_retention_years in force today (SUIT-7)

  // Who records in the archive, when, and for how long.
  store::ArchiveStamp stamp() const { return store::ArchiveStamp{actor, now, retention_years}; }
};

// The application of the path, the user's own in the book firm; nullopt answers 404.
Result<std::optional<StepContext>> load_step(PortalContext& portal, const RequestContext& c) {
  const auto id = id_from_text(c.params.at("id"));
  if (!is_book_firm(portal, c) || !id) return std::optional<StepContext>();
  CP_ASSIGN_OR_RETURN(auto application, store::application_of(portal.auth.db, portal.book_firm,
                                                              c.principal->user_id, *id));
  if (!application) return std::optional<StepContext>();
  CP_ASSIGN_OR_RETURN(PortalReference reference, load_portal_reference(portal));
  const UtcTime now = portal.auth.clock.now();
  StepContext step{portal,
                   c,
                   std::move(*application),
                   std::move(reference),
                   now,
                   to_hkt(now).date,
                   "user:" + c.principal->user_id};
  CP_ASSIGN_OR_RETURN(step.retention_years, investors::archive_retention_years(
                                                step.reference.refdata.parameters, step.today));
  if (portal.opening_kits != nullptr) {
    const auto kit = portal.opening_kits->find(step.application.channel);
    if (kit != portal.opening_kits->end()) step.kit = &kit->second;
  }
  return std::optional<StepContext>(std::move(step));
}

// Writes the step's new application row, its archive record, whatever `more` stores (it may
// move `updated` on) and the audit entry — with the state as it ends — in one transaction; the
// row only if it is still in `expected`.
Result<void> record_step(StepContext& s, const store::ApplicationRow& updated,
                         OpeningState expected, const std::string& action, const Json& detail,
                         const std::optional<store::ArchiveAppend>& archived,
                         const std::function<Result<void>()>& more = nullptr) {
  store::Database& db = s.portal.auth.db;
  CP_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::begin(db));
  CP_RETURN_IF_ERROR(store::update_application(db, updated, expected));
  // The step first, then what it leads to (the evidence it makes, a grant), in the archive too.
  if (archived) CP_RETURN_IF_ERROR(store::append_archive(db, *archived, s.stamp()));
  if (more) CP_RETURN_IF_ERROR(more());
  Json audited = detail;
  audited["account"] = updated.account_id;
  audited["channel"] = channel_code(updated.channel);
  audited["state"] = investors::opening_state_code(updated.state);
  CP_RETURN_IF_ERROR(store::append_audit(
      db, s.portal.auth.clock,
      {s.actor, updated.firm_id, action,
       "investor_application:" + std::to_string(updated.application_id), audited.dump()}));
  return tx.commit();
}

store::ArchiveAppend step_record(const store::ApplicationRow& a, Json content) {
  content["application"] = a.application_id;
  return {a.account_id, investors::ArchiveKind::kApplicationStep,
          std::string(channel_code(a.channel)), content.dump()};
}

// The answer to a step taken (or refused by a rule after it was recorded): the application as
// it now stands with what the step adds.
HttpResponse answer(int status, const store::ApplicationRow& a, Json extra = Json::object()) {
  Json body = application_json(a);
  for (auto& [key, value] : extra.items()) body[key] = value;
  return json_response_ordered(status, body);
}

Result<HttpResponse> overview(PortalContext& portal, const RequestContext& c) {
  if (!is_book_firm(portal, c)) return not_found();
  const std::string& firm = c.params.at("firm");
  CP_ASSIGN_OR_RETURN(auto accounts,
                      store::investor_accounts(portal.auth.db, firm, c.principal->user_id));
  Json held = Json::array();
  for (const std::string& account : accounts) {
    CP_ASSIGN_OR_RETURN(auto permissions, store::list_permissions(portal.auth.db, account));
    for (const auto& p : permissions) {
      if (p.closed_on) continue;
      held.push_back({{"account", account},
                      {"channel", channel_code(p.channel)},
                      {"granted_on", p.granted_on.to_string()}});
    }
  }
  CP_ASSIGN_OR_RETURN(auto applications,
                      store::applications_of(portal.auth.db, firm, c.principal->user_id));
  Json listed = Json::array();
  for (const auto& a : applications) listed.push_back(application_json(a));
  return json_response_ordered(200, {{"firm", firm},
                                     {"offered", portal.opening_kits != nullptr},
                                     {"accounts", accounts},
                                     {"permissions", held},
                                     {"applications", listed}});
}

Result<HttpResponse> start(PortalContext& portal, const RequestContext& c) {
  if (!is_book_firm(portal, c)) return not_found();
  if (portal.opening_kits == nullptr) return not_offered();
  const std::string& firm = c.params.at("firm");
  auto body = json_fields(c.request, {"account", "channel"});
  if (!body) {
    return error_response(400, "bad_request", "a JSON object with account and channel is required");
  }
  const std::string account = (*body)["account"].get<std::string>();
  CP_ASSIGN_OR_RETURN(auto accounts,
                      store::investor_accounts(portal.auth.db, firm, c.principal->user_id));
  if (std::find(accounts.begin(), accounts.end(), account) == accounts.end()) return not_found();
  auto channel = parse_channel((*body)["channel"].get<std::string>());
  if (!channel.ok()) return field_refusal(invalid_input(channel.error().message, "channel"));
  auto type = store::investor_type(portal.auth.db, account);
  if (!type.ok()) return refusal(type.error());
  if (*type == investors::InvestorType::kInstitution) {
    return field_refusal(make_error(ErrorCode::kRuleViolation,
                                    "an institution opens the permission at the broker's "
                                    "counter (SUIT-3), not online"));
  }
  CP_ASSIGN_OR_RETURN(auto held, store::open_permission(portal.auth.db, account, *channel));
  if (held) {
    return error_response(409, "conflict",
                          "account " + account + " holds the " +
                              std::string(channel_code(*channel)) + " permission since " +
                              held->granted_on.to_string());
  }
  store::ApplicationRow row;
  row.firm_id = firm;
  row.user_id = c.principal->user_id;
  row.account_id = account;
  row.channel = *channel;
  row.started_at = format_utc(portal.auth.clock.now());
  store::ApplicationRow started;
  auto done =
      audited_change(portal.auth, "user:" + c.principal->user_id, "investor.opening.start",
                     "investor:" + account + ":" + std::string(channel_code(*channel)),
                     nlohmann::json{{"firm", firm}}, [&]() -> Result<void> {
                       CP_ASSIGN_OR_RETURN(started, store::start_application(portal.auth.db, row));
                       return Ok{};
                     });
  if (!done.ok()) return refusal(done.error());
  return answer(201, started);
}

Result<HttpResponse> show(PortalContext& portal, const RequestContext& c) {
  CP_ASSIGN_OR_RETURN(auto s, load_step(portal, c));
  if (!s) return not_found();
  return answer(200, s->application);
}

// Step 1a: a one-time code texted to the number the broker holds for the investor.
Result<HttpResponse> send_code(PortalContext& portal, const RequestContext& c) {
  CP_ASSIGN_OR_RETURN(auto s, load_step(portal, c));
  if (!s) return not_found();
  store::ApplicationRow& a = s->application;
  if (auto due = investors::require_step(a.state, OpeningStep::kIdentity); !due.ok()) {
    return refusal(due.error());
  }
  if (portal.sms == nullptr) {
    return error_response(503, "not_offered", "no SMS gateway is configured on this server");
  }
  CP_ASSIGN_OR_RETURN(const auto mobile,
                      store::investor_mobile(portal.auth.db, portal.book_firm, a.user_id));
  if (!mobile) {
    return field_refusal(make_error(ErrorCode::kRuleViolation,
                                    "the broker holds no mobile number for you: ask your broker"));
  }
  const AuthPolicy& policy = portal.auth.policy;
  if (!a.code_sent_at.empty() &&
      format_utc(s->now - std::chrono::seconds(policy.email_code_resend_seconds)) <
          a.code_sent_at) {
    return error_response(429, "too_soon",
                          "a code was sent less than " +
                              std::to_string(policy.email_code_resend_seconds) + " seconds ago");
  }
  char code[8];
  std::snprintf(code, sizeof code, "%06u", randombytes_uniform(1'000'000));  // uniform, 6 digits
  const store::ApplicationRow before = a;
  a.code_hash = store::email_code_hash("opening:" + std::to_string(a.application_id), code);
  a.code_sent_at = format_utc(s->now);
  a.code_expires_at = format_utc(s->now + std::chrono::minutes(policy.email_code_minutes));
  a.updated_at = a.code_sent_at;
  CP_RETURN_IF_ERROR(record_step(*s, a, before.state, "investor.opening.code_sent",
                                 Json{{"expires_at", a.code_expires_at}}, std::nullopt));
  // [D] English, as the corporate-action texts are, until texts carry the user's language.
  const auto sent = portal.sms->send(
      {*mobile, std::string("connectpost: your code to open Southbound trading (") +
                    std::string(channel_code(a.channel)) + ") is " + code + ". It expires in " +
                    std::to_string(policy.email_code_minutes) + " minutes."});
  if (!sent.ok()) {
    spdlog::warn("opening code SMS not sent: {}", sent.error().message);
    return error_response(502, "sms_failed", "the code could not be texted; try again");
  }
  return answer(200, a, {{"code_expires_at", hkt_text_from_utc(a.code_expires_at)}});
}

// Step 1b: the password again and the code texted. Wrong answers count; at
// auth.password_failures_max the application is abandoned.
Result<HttpResponse> identity_step(PortalContext& portal, const RequestContext& c) {
  CP_ASSIGN_OR_RETURN(auto s, load_step(portal, c));
  if (!s) return not_found();
  store::ApplicationRow& a = s->application;
  if (auto due = investors::require_step(a.state, OpeningStep::kIdentity); !due.ok()) {
    return refusal(due.error());
  }
  auto body = json_fields(c.request, {"password", "code"});
  if (!body) {
    return error_response(400, "bad_request", "a JSON object with password and code is required");
  }
  CP_ASSIGN_OR_RETURN(const std::string hash, store::password_hash_of(portal.auth.db, a.user_id));
  const bool password_right =
      identity::verify_password(hash, (*body)["password"].get<std::string>());
  const std::string given = store::email_code_hash("opening:" + std::to_string(a.application_id),
                                                   (*body)["code"].get<std::string>());
  const bool code_live = !a.code_hash.empty() && a.code_expires_at > format_utc(s->now);
  const bool code_right =
      code_live && sodium_memcmp(given.data(), a.code_hash.data(), given.size()) == 0;
  const OpeningState before = a.state;
  a.updated_at = format_utc(s->now);
  if (!password_right || !code_right) {
    ++a.code_failures;
    const bool abandon = a.code_failures >= portal.auth.policy.password_failures_max;
    if (abandon) a.state = OpeningState::kAbandoned;
    CP_RETURN_IF_ERROR(record_step(
        *s, a, before, abandon ? "investor.opening.abandoned" : "investor.opening.identity_refused",
        Json{{"failures", a.code_failures}},
        step_record(a, {{"step", "identity"}, {"passed", false}, {"failures", a.code_failures}})));
    // Which of the two was wrong is not said.
    return error_response(422, abandon ? "abandoned" : "refused",
                          abandon ? "too many wrong answers: the application is closed; start a "
                                    "new one"
                                  : "the password or the code is wrong, or the code has expired");
  }
  a.state = investors::state_after(OpeningStep::kIdentity);
  a.code_hash.clear();  // a code is used once
  CP_RETURN_IF_ERROR(record_step(*s, a, before, "investor.opening.identity", Json::object(),
                                 step_record(a, {{"step", "identity"}, {"passed", true}})));
  return answer(200, a);
}

// Step 2: the rules no later step can mend, judged on the broker's records today.
Result<HttpResponse> qualification_step(PortalContext& portal, const RequestContext& c) {
  CP_ASSIGN_OR_RETURN(auto s, load_step(portal, c));
  if (!s) return not_found();
  store::ApplicationRow& a = s->application;
  if (auto due = investors::require_step(a.state, OpeningStep::kQualification); !due.ok()) {
    return refusal(due.error());
  }
  CP_ASSIGN_OR_RETURN(auto southbound,
                      calendar::SouthboundCalendar::build(
                          s->reference.calendars, s->reference.refdata.parameters, a.channel));
  auto assessment = store::assess_on_record(portal.auth.db, s->reference.refdata.parameters,
                                            southbound, a.account_id, a.channel, s->today);
  if (!assessment.ok()) return refusal(assessment.error());
  const investors::Qualification q = investors::qualify(*assessment);
  const Json judged{
      {"date", s->today.to_string()}, {"passed", q.passed}, {"rules", rules_json(q.rules)}};
  const OpeningState before = a.state;
  a.state = q.passed ? investors::state_after(OpeningStep::kQualification) : OpeningState::kRefused;
  a.updated_at = format_utc(s->now);
  if (!q.passed) a.outcome = judged.dump();
  // A refusal is a decision: archived as one (SUIT-7), with every rule judged.
  const store::ArchiveAppend archived =
      q.passed ? step_record(a, {{"step", "qualification"}, {"qualification", judged}})
               : store::ArchiveAppend{a.account_id, investors::ArchiveKind::kGrantRefused,
                                      std::string(channel_code(a.channel)),
                                      Json{{"application", a.application_id},
                                           {"step", "qualification"},
                                           {"qualification", judged}}
                                          .dump()};
  CP_RETURN_IF_ERROR(record_step(
      *s, a, before, q.passed ? "investor.opening.qualified" : "investor.opening.refused",
      Json{{"passed", q.passed}}, archived));
  return answer(q.passed ? 200 : 422, a, {{"qualification", judged}});
}

// Step 3a: the statement served; the step is confirmed only after this.
Result<HttpResponse> open_disclosure(PortalContext& portal, const RequestContext& c) {
  CP_ASSIGN_OR_RETURN(auto s, load_step(portal, c));
  if (!s) return not_found();
  if (s->kit == nullptr) return not_offered();
  store::ApplicationRow& a = s->application;
  if (auto due = investors::require_step(a.state, OpeningStep::kDisclosure); !due.ok()) {
    return refusal(due.error());
  }
  const investors::OpeningDocument& d = s->kit->risk_disclosure;
  if (a.disclosure_opened != d.sha256) {
    a.disclosure_opened = d.sha256;
    a.updated_at = format_utc(s->now);
    CP_RETURN_IF_ERROR(record_step(*s, a, a.state, "investor.opening.disclosure_opened",
                                   Json{{"version", d.version}, {"sha256", d.sha256}},
                                   std::nullopt));
  }
  return answer(200, a, {{"document", document_json(d)}});
}

// Step 3b: studied — the version served, confirmed by its hash.
Result<HttpResponse> confirm_disclosure(PortalContext& portal, const RequestContext& c) {
  CP_ASSIGN_OR_RETURN(auto s, load_step(portal, c));
  if (!s) return not_found();
  if (s->kit == nullptr) return not_offered();
  store::ApplicationRow& a = s->application;
  if (auto due = investors::require_step(a.state, OpeningStep::kDisclosure); !due.ok()) {
    return refusal(due.error());
  }
  auto body = json_fields(c.request, {"sha256"});
  if (!body) return error_response(400, "bad_request", "a JSON object with sha256 is required");
  const investors::OpeningDocument& d = s->kit->risk_disclosure;
  if (a.disclosure_opened.empty()) {
    return error_response(409, "conflict",
                          "open the risk disclosure statement before confirming it");
  }
  if ((*body)["sha256"].get<std::string>() != d.sha256 || a.disclosure_opened != d.sha256) {
    return field_refusal(invalid_input(
        "the statement confirmed is not version " + d.version + " now published: open it again",
        "sha256"));
  }
  const OpeningState before = a.state;
  a.state = investors::state_after(OpeningStep::kDisclosure);
  a.updated_at = format_utc(s->now);
  investors::DocumentRow studied;
  studied.account_id = a.account_id;
  studied.channel = a.channel;
  studied.document = investors::PermissionDocument::kRiskDisclosureStudy;
  studied.signed_on = s->today;
  studied.sha256 = d.sha256;
  CP_RETURN_IF_ERROR(
      record_step(*s, a, before, "investor.opening.disclosure_studied",
                  Json{{"version", d.version}, {"sha256", d.sha256}},
                  step_record(a, {{"step", "risk_disclosure"}, {"document", document_json(d)}}),
                  [&]() -> Result<void> {
                    CP_RETURN_IF_ERROR(store::import_permission_documents(
                        portal.auth.db, {studied}, "online opening", s->stamp()));
                    return Ok{};
                  }));
  return answer(200, a);
}

Json questions_json(const investors::KnowledgeBank& bank, const store::KnowledgeAttempt& attempt) {
  Json questions = Json::array();
  for (const std::string& id : attempt.questions) {
    const investors::KnowledgeQuestion* q = bank.find(id);
    if (q == nullptr) continue;  // the bank changed since the draw: marking refuses the sheet
    Json choices = Json::array();
    for (const auto& choice : q->choices) {
      choices.push_back({{"id", choice.id}, {"text", local_json(choice.text)}});
    }
    // Never the answer.
    questions.push_back({{"id", q->id}, {"text", local_json(q->text)}, {"choices", choices}});
  }
  return {{"attempt", attempt.attempt},
          {"bank_version", attempt.bank_version},
          {"questions", questions}};
}

// Step 4a: the attempt's questions — the one drawn and not yet answered, or a new draw while
// the day's attempts last.
Result<HttpResponse> draw_test(PortalContext& portal, const RequestContext& c) {
  CP_ASSIGN_OR_RETURN(auto s, load_step(portal, c));
  if (!s) return not_found();
  if (s->kit == nullptr) return not_offered();
  store::ApplicationRow& a = s->application;
  if (auto due = investors::require_step(a.state, OpeningStep::kKnowledgeTest); !due.ok()) {
    return refusal(due.error());
  }
  const investors::KnowledgeBank& bank = s->kit->bank;
  CP_ASSIGN_OR_RETURN(const int32_t per_day, investors::knowledge_attempts_per_day(
                                                 s->reference.refdata.parameters, s->today));
  CP_ASSIGN_OR_RETURN(auto open, store::open_attempt(portal.auth.db, a.application_id));
  CP_ASSIGN_OR_RETURN(int64_t used,
                      store::attempts_on(portal.auth.db, a.account_id, a.channel, s->today));
  if (!open) {
    if (used >= per_day) {
      return error_response(
          429, "attempts_used",
          "the " + std::to_string(per_day) + " attempts of today are used: try again tomorrow");
    }
    uint64_t seed = 0;
    randombytes_buf(&seed, sizeof seed);
    store::KnowledgeAttempt drawn;
    drawn.application_id = a.application_id;
    drawn.account_id = a.account_id;
    drawn.channel = a.channel;
    drawn.drawn_on = s->today;
    drawn.bank_version = bank.version;
    drawn.questions = investors::draw_questions(bank, seed);
    auto done = audited_change(
        portal.auth, s->actor, "investor.opening.test_drawn",
        "investor_application:" + std::to_string(a.application_id),
        nlohmann::json{{"bank_version", bank.version}, {"questions", drawn.questions}},
        [&]() -> Result<void> {
          CP_ASSIGN_OR_RETURN(open, store::add_attempt(portal.auth.db, drawn));
          return Ok{};
        });
    if (!done.ok()) return refusal(done.error());
    ++used;
  }
  return answer(200, a,
                {{"test", questions_json(bank, *open)},
                 {"attempts_left", std::max<int64_t>(0, per_day - used)}});
}

// Step 4b: the answer sheet marked; a pass is the knowledge test's evidence (SUIT-1, SUIT-2).
Result<HttpResponse> answer_test(PortalContext& portal, const RequestContext& c) {
  CP_ASSIGN_OR_RETURN(auto s, load_step(portal, c));
  if (!s) return not_found();
  if (s->kit == nullptr) return not_offered();
  store::ApplicationRow& a = s->application;
  if (auto due = investors::require_step(a.state, OpeningStep::kKnowledgeTest); !due.ok()) {
    return refusal(due.error());
  }
  auto body = json_fields(c.request, {"bank_version"});
  if (!body || !(*body).contains("answers") || !(*body)["answers"].is_object() ||
      (*body)["answers"].size() > kAnswersMax) {
    return error_response(400, "bad_request",
                          "a JSON object with bank_version and answers {question: choice} is "
                          "required");
  }
  investors::AnswerSheet sheet;
  sheet.bank_version = (*body)["bank_version"].get<std::string>();
  for (const auto& [question, choice] : (*body)["answers"].items()) {
    if (!choice.is_string()) {
      return field_refusal(
          invalid_input("the answer to '" + question + "' is not a choice's id", "answers"));
    }
    sheet.answers[question] = choice.get<std::string>();
  }
  CP_ASSIGN_OR_RETURN(auto open, store::open_attempt(portal.auth.db, a.application_id));
  if (!open)
    return error_response(409, "conflict", "no attempt is drawn: draw the questions first");
  if (open->bank_version != s->kit->bank.version) {
    return field_refusal(invalid_input("the attempt was drawn from question bank version '" +
                                           open->bank_version +
                                           "', no longer published: draw again",
                                       "bank_version"));
  }
  auto marked = investors::mark_sheet(s->kit->bank, open->questions, sheet);
  if (!marked.ok()) return field_refusal(marked.error());
  CP_ASSIGN_OR_RETURN(
      const investors::ChannelRules rules,
      investors::channel_rules(s->reference.refdata.parameters, a.channel, s->today));
  const bool passed = investors::knowledge_score_passes(rules, marked->questions, marked->correct);
  CP_ASSIGN_OR_RETURN(const int32_t per_day, investors::knowledge_attempts_per_day(
                                                 s->reference.refdata.parameters, s->today));
  CP_ASSIGN_OR_RETURN(const int64_t used,
                      store::attempts_on(portal.auth.db, a.account_id, a.channel, s->today));
  const OpeningState before = a.state;
  if (passed) a.state = investors::state_after(OpeningStep::kKnowledgeTest);
  a.updated_at = format_utc(s->now);
  const Json answers(sheet.answers);
  const Json result{{"attempt", open->attempt},
                    {"bank_version", open->bank_version},
                    {"questions", marked->questions},
                    {"correct", marked->correct},
                    {"passed", passed},
                    {"wrong", marked->wrong}};
  investors::KnowledgeTestRow evidence;
  evidence.account_id = a.account_id;
  evidence.bank_version = open->bank_version;
  evidence.test = {a.channel, s->today, marked->questions, marked->correct};
  Json archived = result;
  archived["step"] = "knowledge_test";
  archived["drawn"] = open->questions;
  archived["answers"] = answers;
  CP_RETURN_IF_ERROR(record_step(
      *s, a, before, passed ? "investor.opening.test_passed" : "investor.opening.test_failed",
      result, step_record(a, archived), [&]() -> Result<void> {
        CP_RETURN_IF_ERROR(store::mark_attempt(portal.auth.db, a.application_id, open->attempt,
                                               answers.dump(), marked->correct));
        // A pass is the evidence; the day's first pass of this bank stands (a second pass in a
        // later application the same day adds nothing the rule reads, and its key is taken).
        CP_ASSIGN_OR_RETURN(const bool stored,
                            store::knowledge_test_stored(portal.auth.db, a.account_id, a.channel,
                                                         s->today, open->bank_version));
        if (passed && !stored) {
          CP_RETURN_IF_ERROR(store::import_knowledge_tests(portal.auth.db, {evidence},
                                                           "online opening", s->stamp()));
        }
        return Ok{};
      }));
  return answer(200, a,
                {{"result", result}, {"attempts_left", std::max<int64_t>(0, per_day - used)}});
}

Result<HttpResponse> show_agreement(PortalContext& portal, const RequestContext& c) {
  CP_ASSIGN_OR_RETURN(auto s, load_step(portal, c));
  if (!s) return not_found();
  if (s->kit == nullptr) return not_offered();
  if (auto due = investors::require_step(s->application.state, OpeningStep::kAgreement);
      !due.ok()) {
    return refusal(due.error());
  }
  return answer(200, s->application, {{"document", document_json(s->kit->agreement)}});
}

// The agreement signed last, then every rule judged on today's records: granted, or refused
// with its reasons (the signature stays on record either way).
Result<HttpResponse> sign_agreement(PortalContext& portal, const RequestContext& c) {
  CP_ASSIGN_OR_RETURN(auto s, load_step(portal, c));
  if (!s) return not_found();
  if (s->kit == nullptr) return not_offered();
  store::ApplicationRow& a = s->application;
  if (auto due = investors::require_step(a.state, OpeningStep::kAgreement); !due.ok()) {
    return refusal(due.error());
  }
  auto body = json_fields(c.request, {"sha256"});
  if (!body) return error_response(400, "bad_request", "a JSON object with sha256 is required");
  const investors::OpeningDocument& d = s->kit->agreement;
  if ((*body)["sha256"].get<std::string>() != d.sha256) {
    return field_refusal(invalid_input(
        "the agreement signed is not version " + d.version + " now published: read it again",
        "sha256"));
  }
  CP_ASSIGN_OR_RETURN(auto southbound,
                      calendar::SouthboundCalendar::build(
                          s->reference.calendars, s->reference.refdata.parameters, a.channel));
  investors::DocumentRow signed_row;
  signed_row.account_id = a.account_id;
  signed_row.channel = a.channel;
  signed_row.document = investors::PermissionDocument::kAgreement;
  signed_row.signed_on = s->today;
  signed_row.sha256 = d.sha256;
  const OpeningState before = a.state;
  a.updated_at = format_utc(s->now);
  Json decision;
  bool granted = false;
  CP_RETURN_IF_ERROR(record_step(
      *s, a, before, "investor.opening.signed",
      Json{{"version", d.version}, {"sha256", d.sha256}, {"signed_at", a.updated_at}},
      step_record(
          a, {{"step", "agreement"}, {"signed_at", a.updated_at}, {"document", document_json(d)}}),
      [&]() -> Result<void> {
        CP_RETURN_IF_ERROR(store::import_permission_documents(portal.auth.db, {signed_row},
                                                              "online opening", s->stamp()));
        CP_ASSIGN_OR_RETURN(const investors::Assessment assessment,
                            store::assess_on_record(portal.auth.db, s->reference.refdata.parameters,
                                                    southbound, a.account_id, a.channel, s->today));
        decision = store::assessment_json(assessment, a.account_id, a.channel, s->today);
        granted = assessment.eligible;
        a.state = granted ? OpeningState::kSigned : OpeningState::kRefused;
        a.outcome = decision.dump();
        CP_RETURN_IF_ERROR(store::update_application(portal.auth.db, a, before));
        const std::string ch(channel_code(a.channel));
        if (granted) {
          store::PermissionRow row;
          row.account_id = a.account_id;
          row.channel = a.channel;
          row.granted_on = s->today;
          row.granted_by = s->actor;
          row.assessment = a.outcome;
          CP_RETURN_IF_ERROR(store::grant_permission(portal.auth.db, row));
        }
        CP_RETURN_IF_ERROR(store::append_archive(
            portal.auth.db,
            {a.account_id,
             granted ? investors::ArchiveKind::kGrant : investors::ArchiveKind::kGrantRefused, ch,
             a.outcome},
            s->stamp()));
        return Ok{};
      }));
  return answer(granted ? 200 : 422, a, {{"granted", granted}, {"assessment", decision}});
}

Result<HttpResponse> abandon(PortalContext& portal, const RequestContext& c) {
  CP_ASSIGN_OR_RETURN(auto s, load_step(portal, c));
  if (!s) return not_found();
  store::ApplicationRow& a = s->application;
  if (!investors::is_open(a.state)) {
    return error_response(409, "conflict", "the application is already over");
  }
  const OpeningState before = a.state;
  a.state = OpeningState::kAbandoned;
  a.updated_at = format_utc(s->now);
  CP_RETURN_IF_ERROR(record_step(*s, a, before, "investor.opening.abandoned",
                                 Json{{"from", investors::opening_state_code(before)}},
                                 step_record(a, {{"step", "abandoned"}})));
  return answer(200, a);
}

// A kit file is a few kilobytes; one larger than this is not one [D].
constexpr std::uintmax_t kKitFileBytesMax = 1 << 20;

Result<std::string> file_text(const std::filesystem::path& path) {
  std::error_code ec;
  const std::uintmax_t bytes = std::filesystem::file_size(path, ec);
  if (ec) return invalid_input("cannot read " + path.string() + ": " + ec.message());
  if (bytes > kKitFileBytesMax) {
    return invalid_input(path.string() + " is larger than 1 MiB: not an opening kit file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return invalid_input("cannot read " + path.string());
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

Result<std::map<Channel, investors::OpeningKit>> load_opening_kits(
    const std::filesystem::path& catalog_dir) {
  std::map<Channel, investors::OpeningKit> out;
  for (const Channel ch : {Channel::kShanghai, Channel::kShenzhen}) {
    const std::filesystem::path dir = catalog_dir / "opening" / std::string(channel_code(ch));
    investors::OpeningKit kit;
    const auto path = [&](const char* name) { return (dir / name).string(); };
    CP_ASSIGN_OR_RETURN(std::string text, file_text(path("risk_disclosure.json")));
    CP_ASSIGN_OR_RETURN(
        kit.risk_disclosure,
        investors::parse_opening_document(text, path("risk_disclosure.json"),
                                          investors::OpeningDocumentKind::kRiskDisclosure, ch));
    CP_ASSIGN_OR_RETURN(text, file_text(path("agreement.json")));
    CP_ASSIGN_OR_RETURN(kit.agreement, investors::parse_opening_document(
                                           text, path("agreement.json"),
                                           investors::OpeningDocumentKind::kAgreement, ch));
    CP_ASSIGN_OR_RETURN(text, file_text(path("knowledge_bank.json")));
    CP_ASSIGN_OR_RETURN(kit.bank,
                        investors::parse_knowledge_bank(text, path("knowledge_bank.json"), ch));
    out.emplace(ch, std::move(kit));
  }
  return out;
}

void add_opening_routes(App& app, PortalContext& portal) {
  Router& r = app.router();
  PortalContext* p = &portal;
  const auto route = [&](const char* method, const std::string& path, const Access& access,
                         Result<HttpResponse> (*handler)(PortalContext&, const RequestContext&),
                         const char* summary) {
    r.add({method, "/api/v1/firms/{firm}/opening" + path, access,
           [p, handler](const RequestContext& c) { return or_refusal(handler(*p, c)); }, summary});
  };
  route("GET", "", kOpeningView, overview,
        "The investor's own accounts, Southbound permissions held and applications (book_firm)");
  route("POST", "/applications", kOpeningMake, start,
        "Starts the online opening on one of the investor's own accounts and a channel");
  route("GET", "/applications/{id}", kOpeningView, show, "One of the investor's applications");
  route("POST", "/applications/{id}/code", kOpeningMake, send_code,
        "Step 1: texts a one-time code to the mobile number the broker holds");
  route("POST", "/applications/{id}/identity", kOpeningMake, identity_step,
        "Step 1: the password again and the code texted");
  route("POST", "/applications/{id}/qualification", kOpeningMake, qualification_step,
        "Step 2: the suitability rules judged on the broker's records today");
  route("POST", "/applications/{id}/disclosure/open", kOpeningMake, open_disclosure,
        "Step 3: the risk disclosure statement, recorded as served");
  route("POST", "/applications/{id}/disclosure", kOpeningMake, confirm_disclosure,
        "Step 3: the statement served confirmed as studied, by its SHA-256");
  route("POST", "/applications/{id}/test", kOpeningMake, draw_test,
        "Step 4: the knowledge test attempt's questions (drawn per attempt, never the answers)");
  route("POST", "/applications/{id}/test/answers", kOpeningMake, answer_test,
        "Step 4: the answer sheet, marked");
  route("GET", "/applications/{id}/agreement", kOpeningView, show_agreement,
        "The agreement to sign, once the test is passed");
  route("POST", "/applications/{id}/agreement", kOpeningMake, sign_agreement,
        "The agreement signed, by its SHA-256; the permission granted when every rule passes");
  route("POST", "/applications/{id}/abandon", kOpeningMake, abandon,
        "Ends an application that is still open");
}

}  // namespace cp::server
