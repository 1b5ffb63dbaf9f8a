#include "investors/opening.h"

#include <array>
#include <string>

namespace cp::investors {
namespace {

constexpr std::array<std::string_view, 8> kStateCodes = {
    "started",     "identity_checked", "qualified", "disclosure_studied",
    "test_passed", "signed",           "refused",   "abandoned"};
constexpr std::array<std::string_view, 5> kStepCodes = {
    "identity", "qualification", "risk_disclosure", "knowledge_test", "agreement"};

}  // namespace

std::string_view opening_state_code(OpeningState state) {
  return kStateCodes[static_cast<size_t>(state)];
}

Result<OpeningState> parse_opening_state(std::string_view code) {
  for (size_t i = 0; i < kStateCodes.size(); ++i) {
    if (kStateCodes[i] == code) return static_cast<OpeningState>(i);
  }
  return invalid_input("unknown application state '" + std::string(code) + "'", "state");
}

std::string_view opening_step_code(OpeningStep step) {
  return kStepCodes[static_cast<size_t>(step)];
}

std::optional<OpeningStep> step_due(OpeningState state) {
  switch (state) {
    case OpeningState::kStarted:
      return OpeningStep::kIdentity;
    case OpeningState::kIdentityChecked:
      return OpeningStep::kQualification;
    case OpeningState::kQualified:
      return OpeningStep::kDisclosure;
    case OpeningState::kDisclosureStudied:
      return OpeningStep::kKnowledgeTest;
    case OpeningState::kTestPassed:
      return OpeningStep::kAgreement;
    case OpeningState::kSigned:
    case OpeningState::kRefused:
    case OpeningState::kAbandoned:
      return std::nullopt;
  }
  return std::nullopt;
}

bool is_open(OpeningState state) {
  return step_due(state).has_value();
}

OpeningState state_after(OpeningStep step) {
  switch (step) {
    case OpeningStep::kIdentity:
      return OpeningState::kIdentityChecked;
    case OpeningStep::kQualification:
      return OpeningState::kQualified;
    case OpeningStep::kDisclosure:
      return OpeningState::kDisclosureStudied;
    case OpeningStep::kKnowledgeTest:
      return OpeningState::kTestPassed;
    case OpeningStep::kAgreement:
      return OpeningState::kSigned;
  }
  return OpeningState::kSigned;
}

Result<void> require_step(OpeningState state, OpeningStep step) {
  const auto due = step_due(state);
  if (!due) {
    return make_error(ErrorCode::kConflict, "the application is " +
                                                std::string(opening_state_code(state)) +
                                                ": no step can be taken on it");
  }
  if (*due != step) {
    return make_error(ErrorCode::kConflict,
                      "the step due is " + std::string(opening_step_code(*due)) + ", not " +
                          std::string(opening_step_code(step)) + ": the steps are taken in order");
  }
  return Ok{};
}

bool judged_at_qualification(Rule rule) {
  return rule != Rule::kRiskDisclosure && rule != Rule::kKnowledgeTest && rule != Rule::kAgreement;
}

Qualification qualify(const Assessment& assessment) {
  Qualification out;
  out.passed = true;
  for (const RuleResult& r : assessment.rules) {
    if (!judged_at_qualification(r.rule)) continue;
    out.passed = out.passed && r.passed;
    out.rules.push_back(r);
  }
  return out;
}

Result<int32_t> knowledge_attempts_per_day(const refdata::ParameterTable& parameters, Date date) {
  CP_ASSIGN_OR_RETURN(const int64_t attempts,
                      parameters.integer("suit.knowledge_attempts_per_day", date));
  if (attempts < 1) {
    return invalid_input("suit.knowledge_attempts_per_day must be at least 1",
                         "suit.knowledge_attempts_per_day");
  }
  return static_cast<int32_t>(attempts);
}

}  // namespace cp::investors
