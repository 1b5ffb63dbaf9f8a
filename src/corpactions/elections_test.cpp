// Elections: the window, the last instruction, excess refused, votes pro-rated (SPEC CA-1, CA-3).
#include "corpactions/elections.h"

#include <gtest/gtest.h>

namespace cp::corpactions {
namespace {

HktInstant at(const char* text) {
  return *parse_hkt_instant(text);
}

CorporateAction vote() {
  CorporateAction a;
  a.event_id = "V1";
  a.type = ActionType::kVote;
  a.security_code = "00700";
  a.options = {ElectionOption::kFor, ElectionOption::kAgainst, ElectionOption::kAbstain};
  a.election_open = at("2026-05-04T09:00");
  a.csdc_deadline = at("2026-05-12T16:00");
  a.hkscc_deadline = at("2026-05-13T16:00");
  return a;
}

CorporateAction rights() {
  CorporateAction a = vote();
  a.event_id = "R1";
  a.type = ActionType::kRightsIssue;
  a.options = {ElectionOption::kTakeUp};
  return a;
}

ElectionInstruction instruction(std::string account, std::vector<Choice> choices, const char* when,
                                int64_t sequence = 0) {
  return {Channel::kShanghai, std::move(account), std::move(choices), at(when), sequence};
}

TEST(Elections, TheWindowIsOpenFromItsStartUntilCsdcsDeadline) {
  const auto a = vote();
  const std::vector<Choice> yes{{ElectionOption::kFor, 100}};
  EXPECT_FALSE(check_instruction(a, instruction("A1", yes, "2026-05-04T08:59"), 100).ok());
  EXPECT_TRUE(check_instruction(a, instruction("A1", yes, "2026-05-04T09:00"), 100).ok());
  EXPECT_TRUE(check_instruction(a, instruction("A1", yes, "2026-05-12T16:00"), 100).ok());
  // A minute after CSDC's deadline, though HKSCC's is a day later: refused, naming the rule.
  const auto late = check_instruction(a, instruction("A1", yes, "2026-05-12T16:01"), 100);
  ASSERT_FALSE(late.ok());
  EXPECT_NE(late.error().message.find("CSDC's deadline was 2026-05-12T16:00"), std::string::npos);
  EXPECT_EQ(late.error().field, "at");
}

TEST(Elections, OptionsAndQuantitiesAreChecked) {
  const auto a = vote();
  const char* when = "2026-05-05T10:00";
  EXPECT_EQ(check_instruction(a, instruction("A1", {{ElectionOption::kScrip, 10}}, when), 100)
                .error()
                .field,
            "options");
  EXPECT_EQ(
      check_instruction(
          a, instruction("A1", {{ElectionOption::kFor, 10}, {ElectionOption::kFor, 5}}, when), 100)
          .error()
          .field,
      "options");
  EXPECT_EQ(
      check_instruction(a, instruction("A1", {{ElectionOption::kFor, 0}}, when), 100).error().field,
      "quantity");
  EXPECT_EQ(check_instruction(a, instruction("A1", {}, when), 100).error().field, "options");
  // Split votes within the holding: 60 for, 40 against of 100.
  EXPECT_TRUE(
      check_instruction(
          a, instruction("A1", {{ElectionOption::kFor, 60}, {ElectionOption::kAgainst, 40}}, when),
          100)
          .ok());
  EXPECT_FALSE(
      check_instruction(a, instruction("A1", {{ElectionOption::kFor, 101}}, when), 100).ok());
}

// Rights held 400: taking up 400 is fine; 401 is an excess application, not offered (CA-1).
TEST(Elections, RightsBeyondTheEntitlementAreAnExcessApplication) {
  const auto a = rights();
  const char* when = "2026-05-05T10:00";
  EXPECT_TRUE(
      check_instruction(a, instruction("A1", {{ElectionOption::kTakeUp, 400}}, when), 400).ok());
  const auto excess =
      check_instruction(a, instruction("A1", {{ElectionOption::kTakeUp, 401}}, when), 400);
  ASSERT_FALSE(excess.ok());
  EXPECT_NE(excess.error().message.find("excess application is not offered"), std::string::npos);
}

// A1 votes for at 10:00, then against at 10:05: against prevails. A2 gives two instructions in
// the same minute: the later arrival (sequence 8) prevails.
TEST(Elections, TheLastInstructionPrevails) {
  const auto last = prevailing({
      instruction("A1", {{ElectionOption::kAgainst, 100}}, "2026-05-05T10:05", 2),
      instruction("A2", {{ElectionOption::kFor, 50}}, "2026-05-05T11:00", 8),
      instruction("A1", {{ElectionOption::kFor, 100}}, "2026-05-05T10:00", 1),
      instruction("A2", {{ElectionOption::kAbstain, 50}}, "2026-05-05T11:00", 7),
  });
  ASSERT_EQ(last.size(), 2u);
  EXPECT_EQ(last[0].account_id, "A1");
  EXPECT_EQ(last[0].choices[0].option, ElectionOption::kAgainst);
  EXPECT_EQ(last[1].account_id, "A2");
  EXPECT_EQ(last[1].choices[0].option, ElectionOption::kFor);
}

// A1 instructed 600 for and 400 against, then sold down to 750 by the record date: 600 × 750 ÷
// 1,000 = 450 for, 400 × 750 ÷ 1,000 = 300 against. A2: 7 for, 4 against of 10 held: 70 ÷ 11 =
// 6.36 → 6, 40 ÷ 11 = 3.63 → 3 (9 of 10 filed). A3 holds 200: filed as instructed. A4 sold
// everything: refused. Totals for CSDC: for 450 + 6 + 200 = 656 (3 accounts), against 303 (2).
TEST(Elections, VotesBeyondTheHoldingAreProRated) {
  const auto a = vote();
  const auto filed = file_elections(
      a,
      prevailing({
          instruction("A1", {{ElectionOption::kFor, 600}, {ElectionOption::kAgainst, 400}},
                      "2026-05-05T10:00"),
          instruction("A2", {{ElectionOption::kFor, 7}, {ElectionOption::kAgainst, 4}},
                      "2026-05-05T10:00"),
          instruction("A3", {{ElectionOption::kFor, 200}}, "2026-05-05T10:00"),
          instruction("A4", {{ElectionOption::kFor, 100}}, "2026-05-05T10:00"),
      }),
      {{{Channel::kShanghai, "A1"}, 750},
       {{Channel::kShanghai, "A2"}, 10},
       {{Channel::kShanghai, "A3"}, 200}});
  ASSERT_EQ(filed.size(), 4u);
  EXPECT_EQ(filed[0].status, ElectionStatus::kProRated);
  ASSERT_EQ(filed[0].filed.size(), 2u);
  EXPECT_EQ(filed[0].filed[0].quantity, 450);
  EXPECT_EQ(filed[0].filed[1].quantity, 300);
  EXPECT_EQ(filed[1].filed[0].quantity, 6);
  EXPECT_EQ(filed[1].filed[1].quantity, 3);
  EXPECT_EQ(filed[2].status, ElectionStatus::kFiled);
  EXPECT_EQ(filed[2].filed[0].quantity, 200);
  EXPECT_EQ(filed[3].status, ElectionStatus::kRefused);
  EXPECT_TRUE(filed[3].filed.empty());

  const auto totals = aggregate(filed);
  ASSERT_EQ(totals.size(), 2u);
  EXPECT_EQ(totals[0].option, ElectionOption::kFor);
  EXPECT_EQ(totals[0].quantity, 656);
  EXPECT_EQ(totals[0].accounts, 3);
  EXPECT_EQ(totals[1].option, ElectionOption::kAgainst);
  EXPECT_EQ(totals[1].quantity, 303);
  EXPECT_EQ(totals[1].accounts, 2);
}

// A take-up of 400 when the account holds 300 rights at filing (it sold 100): refused whole, not
// cut — anything beyond the entitlement is an excess application.
TEST(Elections, ATakeUpNoLongerCoveredIsRefusedWhole) {
  const auto filed = file_elections(
      rights(), {instruction("A1", {{ElectionOption::kTakeUp, 400}}, "2026-05-05T10:00")},
      {{{Channel::kShanghai, "A1"}, 300}});
  ASSERT_EQ(filed.size(), 1u);
  EXPECT_EQ(filed[0].status, ElectionStatus::kRefused);
  EXPECT_NE(filed[0].reason.find("excess application"), std::string::npos);
  EXPECT_TRUE(aggregate(filed).empty());
}

}  // namespace
}  // namespace cp::corpactions
