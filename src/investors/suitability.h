// Whether an investor may be granted the Southbound permission on a channel (SPEC SUIT-1,
// SUIT-2, SUIT-3; seed 002 附件2 第7、8、10条, seed 004 §2.1; research/domain-facts.md §9). Each
// rule is judged from the broker's records of the investor (the evidence) and the channel's
// rules in force on the application date (dated parameters `suit.*`), and names what it used:
// `investor check` prints every rule, passed or not, with its evidence and its reason.
//
// The channels differ and a pass on one is not a pass on the other:
//   - Shanghai (SUIT-1): every one of the five risk levels may take part; the knowledge test is
//     passed with every answer right (附件2 第10条).
//   - Shenzhen (SUIT-2): the risk level at least 稳健型 (balanced), or lower with the investor's
//     written acknowledgement after a warning; a score of at least 80 on a test taken for
//     Shenzhen (a Shanghai pass does not carry over).
//   - Institutions (SUIT-3): no asset test and no knowledge test (附件2 第8条).
// Pure: the shell reads the evidence and the calendar's trading days and passes them in.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/decimal.h"
#include "core/market.h"
#include "core/result.h"
#include "refdata/parameters.h"

namespace cp::investors {

// The five levels of the broker's risk questionnaire, lowest first (附件2 第7条: 保守型,
// 相对保守型, 稳健型, 相对积极型, 积极型).
enum class RiskLevel : uint8_t {
  kConservative,
  kModeratelyConservative,
  kBalanced,
  kModeratelyAggressive,
  kAggressive,
};
// "conservative", "moderately_conservative", "balanced", "moderately_aggressive", "aggressive".
std::string_view risk_level_code(RiskLevel level);
Result<RiskLevel> parse_risk_level(std::string_view code);

enum class InvestorType : uint8_t { kIndividual, kInstitution };

// The state of the investor's A-share account of the channel's exchange at this broker.
enum class AShareAccountState : uint8_t {
  kNormal,  // a qualified account designated at this broker (合格账户, 指定在本公司)
  kNotDesignated,  // designated at another broker
  kRestricted,     // frozen, dormant or otherwise not in good standing
};
std::string_view account_state_code(AShareAccountState state);

// A knowledge-test answer sheet as marked.
struct KnowledgeTest {
  Channel channel = Channel::kShanghai;  // the channel it was taken for
  Date taken_on;
  int32_t questions = 0;  // > 0
  int32_t correct = 0;    // 0 ≤ correct ≤ questions
};

struct Questionnaire {
  Date completed_on;
  RiskLevel level = RiskLevel::kConservative;
  // A level below the channel's minimum taken part anyway: the warning given and the investor's
  // written acknowledgement signed (SUIT-2).
  bool low_level_acknowledged = false;
};

// The broker's records of one investor for one channel, as of the application.
struct Evidence {
  InvestorType type = InvestorType::kIndividual;
  std::optional<AShareAccountState> a_share_account;  // none: no A-share account of the exchange
  std::optional<Questionnaire> questionnaire;         // the latest
  // The investor's own assets (securities + available cash + margin-account net assets;
  // margin-financed assets excluded: the importer's sum) at each day's close, RMB.
  std::map<Date, Decimal> daily_assets_rmb;
  std::optional<Date> risk_disclosure_studied_on;
  std::optional<KnowledgeTest> knowledge_test;  // the latest for the channel
  bool serious_integrity_problem = false;
  std::vector<Date> abnormal_trading_warnings;  // by the channel's exchange
  bool legally_barred = false;
  std::optional<Date> agreement_signed_on;  // the agreement and the risk disclosure statement
};

// The rules of a channel in force on a date (data/parameters.csv `suit.*`).
struct ChannelRules {
  Channel channel = Channel::kShanghai;
  Decimal min_average_assets_rmb;         // 500,000.00
  int32_t asset_window_days = 0;          // 20 trading days before the application
  int32_t questionnaire_valid_years = 0;  // 2
  RiskLevel min_risk_level = RiskLevel::kConservative;
  bool low_level_with_acknowledgement = false;  // a lower level admitted after a warning
  bool knowledge_all_correct = false;           // Shanghai: every answer right
  int32_t knowledge_min_score = 0;              // Shenzhen: 80 (of 100)
  int32_t warning_lookback_months = 0;          // 3
};

// The channel's rules in force on `date`; a key not in force is an error naming it.
Result<ChannelRules> channel_rules(const refdata::ParameterTable& parameters, Channel channel,
                                   Date date);

enum class Rule : uint8_t {
  kAccount,         // the A-share account, designated here and in good standing
  kQuestionnaire,   // completed within its validity
  kRiskLevel,       // among the levels admitted
  kAssets,          // the daily average over the window
  kRiskDisclosure,  // studied
  kKnowledgeTest,   // passed, for this channel
  kIntegrity,       // no serious integrity problem
  kWarnings,        // no abnormal-trading warning in the lookback
  kLegalBar,        // not barred by law
  kAgreement,       // signed, and signed last
};
// "account", "questionnaire", "risk_level", "assets", "risk_disclosure", "knowledge_test",
// "integrity", "warnings", "legal_bar", "agreement".
std::string_view rule_code(Rule rule);

struct RuleResult {
  Rule rule = Rule::kAccount;
  bool passed = false;
  std::string evidence;  // what the rule read
  std::string reason;    // why it failed; empty when it passed
};

struct Assessment {
  bool eligible = false;  // every rule passed
  std::vector<RuleResult> rules;
};

// The same day `months` months before `date`, or the month's last day when it has no such day
// (05-31 less 3 months is 02-28, or 02-29 in a leap year); months_after the same forward.
Date months_before(Date date, int32_t months);
Date months_after(Date date, int32_t months);

// The last day a questionnaire completed on `completed` is valid: the same day `years` later (a
// questionnaire exactly two years old is valid; a day older is not) [D] docs/investors.md. One
// rule for the application (SUIT-1) and the re-assessment (SUIT-6).
Date questionnaire_valid_until(Date completed, int32_t years);

// Whether `correct` of `questions` passes the channel's knowledge test: every answer right
// (Shanghai), or correct × 100 ≥ the minimum score × questions, compared exactly (Shenzhen's 80).
bool knowledge_score_passes(const ChannelRules& rules, int32_t questions, int32_t correct);

// Every rule of `rules` for the investor's type on `evidence`, as of `application_date`.
// `window_days`: the channel's Southbound trading days before the application date, the latest
// `rules.asset_window_days` of them (the shell reads the calendar); a day of the window without
// an assets record fails the assets rule naming it.
Assessment assess(const ChannelRules& rules, const Evidence& evidence, Date application_date,
                  const std::vector<Date>& window_days);

}  // namespace cp::investors
