// The four-step online opening of the Southbound permission for an individual (SPEC SUIT-4;
// seed 002 附件2 第9–12条, seed 004 §2.1), as one application per account and channel:
//   1. identity: the portal's investor, signed in with their second factor, gives their password
//      again and the one-time code texted to the mobile the broker holds;
//   2. qualification: the suitability rules a later step cannot satisfy (the A-share account,
//      the questionnaire and risk level, the assets, integrity, warnings, legal bars) — any
//      failure refuses the application, naming each rule and its reason;
//   3. risk disclosure: the statement opened (served to the investor) before it is confirmed as
//      studied, with the SHA-256 of the version shown;
//   4. knowledge test: drawn per attempt, retaken within suit.knowledge_attempts_per_day;
// then the agreement, signed last with its timestamp and hash, and only then — every rule
// passing on the day — the permission granted. Each step is only taken in its turn: a call of a
// later step is refused naming the step due, so no step is skipped. Institutions (SUIT-3) and
// closing (SUIT-5) go to the counter. Pure: the store keeps the applications.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "investors/suitability.h"
#include "refdata/parameters.h"

namespace cp::investors {

enum class OpeningState : uint8_t {
  kStarted,
  kIdentityChecked,
  kQualified,
  kDisclosureStudied,
  kTestPassed,
  kSigned,     // the permission granted: over
  kRefused,    // a rule said no: over
  kAbandoned,  // the investor gave up, or too many wrong codes: over
};
// "started", "identity_checked", "qualified", "disclosure_studied", "test_passed", "signed",
// "refused", "abandoned"
std::string_view opening_state_code(OpeningState state);
Result<OpeningState> parse_opening_state(std::string_view code);

enum class OpeningStep : uint8_t {
  kIdentity,
  kQualification,
  kDisclosure,
  kKnowledgeTest,
  kAgreement
};
// "identity", "qualification", "risk_disclosure", "knowledge_test", "agreement"
std::string_view opening_step_code(OpeningStep step);

// The step an application in `state` waits for; none once it is over.
std::optional<OpeningStep> step_due(OpeningState state);
// Whether the application is still open (one open per account and channel).
bool is_open(OpeningState state);
// The state once `step` is done.
OpeningState state_after(OpeningStep step);

// Refuses (kConflict) `step` on an application in `state` unless it is the step due, naming the
// step due, or saying the application is over.
Result<void> require_step(OpeningState state, OpeningStep step);

// Whether the qualification step judges `rule`: every rule but the disclosure, the knowledge
// test and the agreement, which the later steps satisfy.
bool judged_at_qualification(Rule rule);

// The qualification step's verdict on a full assessment: the rules it judges, and whether they
// all passed.
struct Qualification {
  bool passed = false;
  std::vector<RuleResult> rules;  // the judged rules, passed or not
};
Qualification qualify(const Assessment& assessment);

// The attempts at the knowledge test an investor may start on one day on one channel
// (suit.knowledge_attempts_per_day in force on `date`).
Result<int32_t> knowledge_attempts_per_day(const refdata::ParameterTable& parameters, Date date);

}  // namespace cp::investors
