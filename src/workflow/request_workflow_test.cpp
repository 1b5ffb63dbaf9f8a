// The maker-checker rules of a request (SPEC PORTAL-7, PORTAL-12; issue 6).
#include "workflow/request_workflow.h"

#include <gtest/gtest.h>

namespace cp::workflow {
namespace {

const Actor kMaker{"mia", true, false, false};
const Actor kOtherMaker{"max", true, false, false};
const Actor kChecker{"chen", false, true, false};
const Actor kOperator{"olga", false, false, true};
const Actor kOtherOperator{"oscar", false, false, true};

RequestFacts at(Status status, std::set<std::string> makers = {"mia"}, std::string assignee = "") {
  return RequestFacts{status, std::move(makers), std::move(assignee)};
}

Status step(const RequestFacts& request, Action action, const Actor& actor,
            std::string_view reason = "") {
  auto next = next_step(request, action, actor, reason);
  EXPECT_TRUE(next.ok()) << action_code(action) << ": " << next.error().to_string();
  return next.ok() ? next->to : request.status;
}

ErrorCode refused(const RequestFacts& request, Action action, const Actor& actor,
                  std::string_view reason = "") {
  auto next = next_step(request, action, actor, reason);
  EXPECT_FALSE(next.ok()) << action_code(action) << " was allowed";
  return next.ok() ? ErrorCode::kInternal : next.error().code;
}

TEST(RequestWorkflow, TheWholeWayFromDraftToCompleted) {
  EXPECT_EQ(step(at(Status::kDraft), Action::kSave, kMaker), Status::kDraft);
  EXPECT_EQ(step(at(Status::kDraft), Action::kSubmit, kMaker), Status::kSubmitted);
  EXPECT_EQ(step(at(Status::kSubmitted), Action::kApprove, kChecker), Status::kApproved);
  EXPECT_EQ(step(at(Status::kApproved), Action::kReceive, kOperator), Status::kReceived);
  EXPECT_EQ(step(at(Status::kReceived), Action::kAssign, kOperator), Status::kReceived);
  EXPECT_EQ(step(at(Status::kReceived, {"mia"}, "olga"), Action::kStart, kOperator),
            Status::kInProcessing);
  EXPECT_EQ(step(at(Status::kInProcessing, {"mia"}, "olga"), Action::kComplete, kOperator),
            Status::kCompleted);
}

TEST(RequestWorkflow, AReturnedRequestIsChangedAndSubmittedAgain) {
  EXPECT_EQ(step(at(Status::kSubmitted), Action::kReturn, kChecker, "wrong account"),
            Status::kReturned);
  EXPECT_EQ(step(at(Status::kReturned), Action::kSave, kOtherMaker), Status::kReturned);
  EXPECT_EQ(step(at(Status::kReturned, {"mia", "max"}), Action::kSubmit, kOtherMaker),
            Status::kSubmitted);
}

TEST(RequestWorkflow, NoOneApprovesWhatTheyPrepared) {
  // Mia holds both entitlements (say, in two roles an administrator granted): she still may not
  // check her own request; nor may anyone who changed it along the way.
  const Actor both{"mia", true, true, false};
  EXPECT_EQ(refused(at(Status::kSubmitted), Action::kApprove, both), ErrorCode::kRuleViolation);
  EXPECT_EQ(refused(at(Status::kSubmitted), Action::kReturn, both, "x"), ErrorCode::kRuleViolation);
  const Actor editor{"max", true, true, false};
  EXPECT_EQ(refused(at(Status::kSubmitted, {"mia", "max"}), Action::kApprove, editor),
            ErrorCode::kRuleViolation);
  EXPECT_EQ(step(at(Status::kSubmitted, {"mia"}), Action::kApprove, editor), Status::kApproved);
}

TEST(RequestWorkflow, OnlyCheckersCheckAndOnlyMakersMake) {
  EXPECT_EQ(refused(at(Status::kSubmitted), Action::kApprove, kOtherMaker),
            ErrorCode::kRuleViolation);
  EXPECT_EQ(refused(at(Status::kDraft), Action::kSubmit, kChecker), ErrorCode::kRuleViolation);
  EXPECT_EQ(refused(at(Status::kApproved), Action::kReceive, kChecker), ErrorCode::kRuleViolation);
}

TEST(RequestWorkflow, AWithdrawnRequestCannotBeApproved) {
  EXPECT_EQ(step(at(Status::kSubmitted), Action::kWithdraw, kMaker), Status::kWithdrawn);
  EXPECT_EQ(refused(at(Status::kWithdrawn), Action::kApprove, kChecker), ErrorCode::kConflict);
  EXPECT_EQ(refused(at(Status::kWithdrawn), Action::kSubmit, kMaker), ErrorCode::kConflict);
}

TEST(RequestWorkflow, WithdrawalIsTheMakersAndOnlyBeforeApproval) {
  EXPECT_EQ(refused(at(Status::kSubmitted), Action::kWithdraw, kOtherMaker),
            ErrorCode::kRuleViolation);
  EXPECT_EQ(refused(at(Status::kApproved), Action::kWithdraw, kMaker), ErrorCode::kConflict);
  EXPECT_EQ(step(at(Status::kReturned), Action::kWithdraw, kMaker), Status::kWithdrawn);
}

TEST(RequestWorkflow, ReturningAndRejectingNeedAReason) {
  auto returned = next_step(at(Status::kSubmitted), Action::kReturn, kChecker, "  ");
  ASSERT_FALSE(returned.ok());
  EXPECT_EQ(returned.error().field, "reason");
  EXPECT_EQ(refused(at(Status::kInProcessing), Action::kReject, kOperator),
            ErrorCode::kInvalidInput);
  auto rejected = next_step(at(Status::kInProcessing), Action::kReject, kOperator, "no signatory");
  ASSERT_TRUE(rejected.ok());
  EXPECT_EQ(rejected->to, Status::kRejected);
  EXPECT_TRUE(rejected->needs_reason);
}

TEST(RequestWorkflow, AnAssignedRequestIsWorkedByItsAssignee) {
  EXPECT_EQ(refused(at(Status::kInProcessing, {"mia"}, "olga"), Action::kComplete, kOtherOperator),
            ErrorCode::kRuleViolation);
  // Reassigning is how a team lead moves work between operators.
  EXPECT_EQ(step(at(Status::kInProcessing, {"mia"}, "olga"), Action::kAssign, kOtherOperator),
            Status::kInProcessing);
}

TEST(RequestWorkflow, FinalStatesAcceptNothing) {
  const Actor everything{"root", true, true, true};
  for (Status status : {Status::kCompleted, Status::kRejected, Status::kWithdrawn}) {
    EXPECT_TRUE(is_final(status));
    EXPECT_TRUE(available_actions(at(status, {}), everything).empty()) << status_code(status);
  }
}

TEST(RequestWorkflow, AvailableActionsAreWhatNextStepAllows) {
  EXPECT_EQ(available_actions(at(Status::kSubmitted), kChecker),
            (std::vector<Action>{Action::kApprove, Action::kReturn}));
  EXPECT_EQ(available_actions(at(Status::kSubmitted), kMaker),
            (std::vector<Action>{Action::kWithdraw}));
  EXPECT_EQ(available_actions(at(Status::kDraft), kMaker),
            (std::vector<Action>{Action::kSave, Action::kSubmit, Action::kWithdraw}));
}

TEST(RequestWorkflow, CodesRoundTrip) {
  for (Status status : all_statuses()) EXPECT_EQ(*parse_status(status_code(status)), status);
  EXPECT_FALSE(parse_status("deleted").ok());
  EXPECT_EQ(*parse_action("approve"), Action::kApprove);
  EXPECT_FALSE(parse_action("delete").ok());
}

}  // namespace
}  // namespace cp::workflow
