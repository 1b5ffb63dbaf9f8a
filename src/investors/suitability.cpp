#include "investors/suitability.h"

#include <algorithm>
#include <array>

namespace cp::investors {
namespace {

constexpr std::array<std::string_view, 5> kRiskLevelCodes = {
    "conservative", "moderately_conservative", "balanced", "moderately_aggressive", "aggressive"};

RuleResult pass(Rule rule, std::string evidence) {
  return {rule, true, std::move(evidence), {}};
}
RuleResult fail(Rule rule, std::string evidence, std::string reason) {
  return {rule, false, std::move(evidence), std::move(reason)};
}

int32_t days_in_month(int year, int month) {
  static constexpr std::array<int32_t, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[static_cast<size_t>(month - 1)];
}

RuleResult account_rule(const Evidence& e, Channel channel) {
  const std::string exchange = channel == Channel::kShanghai ? "Shanghai" : "Shenzhen";
  if (!e.a_share_account) {
    return fail(Rule::kAccount, "no " + exchange + " A-share account",
                "an A-share account of the " + exchange + " exchange at this broker is required");
  }
  const std::string state(account_state_code(*e.a_share_account));
  switch (*e.a_share_account) {
    case AShareAccountState::kNormal:
      return pass(Rule::kAccount, exchange + " A-share account " + state);
    case AShareAccountState::kNotDesignated:
      return fail(Rule::kAccount, exchange + " A-share account " + state,
                  "the A-share account is designated at another broker");
    case AShareAccountState::kRestricted:
      break;
  }
  return fail(Rule::kAccount, exchange + " A-share account " + state,
              "the A-share account is not in good standing");
}

// Valid through questionnaire_valid_until.
RuleResult questionnaire_rule(const Evidence& e, const ChannelRules& rules, Date application) {
  if (!e.questionnaire) {
    return fail(Rule::kQuestionnaire, "no risk questionnaire", "a risk questionnaire is required");
  }
  const Date completed = e.questionnaire->completed_on;
  const std::string evidence = "completed " + completed.to_string();
  if (completed > application) {
    return fail(Rule::kQuestionnaire, evidence, "completed after the application date");
  }
  const Date until = questionnaire_valid_until(completed, rules.questionnaire_valid_years);
  if (application > until) {
    return fail(Rule::kQuestionnaire, evidence,
                "older than " + std::to_string(rules.questionnaire_valid_years) +
                    " years: valid until " + until.to_string() + "; complete it again");
  }
  return pass(Rule::kQuestionnaire, evidence);
}

RuleResult risk_level_rule(const Evidence& e, const ChannelRules& rules) {
  if (!e.questionnaire) {
    return fail(Rule::kRiskLevel, "no risk level", "the risk level comes from the questionnaire");
  }
  const Questionnaire& q = *e.questionnaire;
  std::string evidence = std::string(risk_level_code(q.level));
  if (q.level >= rules.min_risk_level) return pass(Rule::kRiskLevel, evidence);
  const std::string below =
      std::string("below ") + std::string(risk_level_code(rules.min_risk_level));
  if (rules.low_level_with_acknowledgement && q.low_level_acknowledged) {
    return pass(Rule::kRiskLevel, evidence + ", " + below + ", acknowledged after a warning");
  }
  return fail(Rule::kRiskLevel, evidence,
              below + (rules.low_level_with_acknowledgement
                           ? ": admitted only with a written acknowledgement after a warning"
                           : ": not admitted"));
}

// The daily average compared exactly: the window's total against the minimum × its days.
RuleResult assets_rule(const Evidence& e, const ChannelRules& rules,
                       const std::vector<Date>& window) {
  if (window.size() != static_cast<size_t>(rules.asset_window_days) || window.empty()) {
    return fail(Rule::kAssets, std::to_string(window.size()) + " trading days in the window",
                "the window needs " + std::to_string(rules.asset_window_days) +
                    " Southbound trading days before the application");
  }
  Decimal total = Decimal::from_units(0, 2);
  for (const Date day : window) {
    const auto found = e.daily_assets_rmb.find(day);
    if (found == e.daily_assets_rmb.end()) {
      return fail(Rule::kAssets, "no assets record for " + day.to_string(),
                  "an assets record is needed for every trading day from " +
                      window.front().to_string() + " to " + window.back().to_string());
    }
    total += found->second;
  }
  const Decimal days = Decimal::from_int(static_cast<int64_t>(window.size()));
  const Decimal average = divide(total, days, 2, Rounding::kFloor);
  const std::string evidence = "average " + average.to_string_grouped() + " over " +
                               window.front().to_string() + " to " + window.back().to_string() +
                               " (" + std::to_string(window.size()) + " trading days)";
  if (total < rules.min_average_assets_rmb * days) {
    return fail(Rule::kAssets, evidence,
                "below RMB " + rules.min_average_assets_rmb.to_string_grouped());
  }
  return pass(Rule::kAssets, evidence);
}

RuleResult disclosure_rule(const Evidence& e, Date application) {
  if (!e.risk_disclosure_studied_on || *e.risk_disclosure_studied_on > application) {
    return fail(Rule::kRiskDisclosure, "not studied",
                "the risk disclosure must be studied before the knowledge test");
  }
  return pass(Rule::kRiskDisclosure, "studied " + e.risk_disclosure_studied_on->to_string());
}

RuleResult knowledge_rule(const Evidence& e, const ChannelRules& rules, Date application) {
  if (!e.knowledge_test) {
    return fail(Rule::kKnowledgeTest, "no test taken", "the knowledge test must be passed");
  }
  const KnowledgeTest& t = *e.knowledge_test;
  const std::string evidence = std::to_string(t.correct) + " of " + std::to_string(t.questions) +
                               " right on " + t.taken_on.to_string() + " for " +
                               std::string(channel_code(t.channel));
  if (t.channel != rules.channel) {
    return fail(Rule::kKnowledgeTest, evidence,
                "a test for another channel does not carry over: take the " +
                    std::string(channel_code(rules.channel)) + " test");
  }
  if (t.taken_on > application) {
    return fail(Rule::kKnowledgeTest, evidence, "taken after the application date");
  }
  if (!knowledge_score_passes(rules, t.questions, t.correct)) {
    return fail(
        Rule::kKnowledgeTest, evidence,
        rules.knowledge_all_correct
            ? std::string("every answer must be right")
            : "a score of at least " + std::to_string(rules.knowledge_min_score) + " is required");
  }
  return pass(Rule::kKnowledgeTest, evidence);
}

// In the last N months: after the same day N months before the application, up to it. A
// warning on that day itself is outside [D] docs/investors.md.
RuleResult warnings_rule(const Evidence& e, const ChannelRules& rules, Date application) {
  const Date since = months_before(application, rules.warning_lookback_months);
  std::optional<Date> latest;
  for (const Date w : e.abnormal_trading_warnings) {
    if (w > since && w <= application && (!latest || w > *latest)) latest = w;
  }
  const std::string window = "after " + since.to_string();
  if (latest) {
    return fail(Rule::kWarnings, "warning of " + latest->to_string(),
                "an abnormal-trading warning in the last " +
                    std::to_string(rules.warning_lookback_months) + " months (" + window + ")");
  }
  return pass(Rule::kWarnings, "no warning " + window);
}

// Signed last: on or after every other step's date it follows (the questionnaire, the
// disclosure, the test).
RuleResult agreement_rule(const Evidence& e, Date application) {
  if (!e.agreement_signed_on) {
    return fail(Rule::kAgreement, "not signed",
                "the agreement and the risk disclosure statement must be signed");
  }
  const Date signed_on = *e.agreement_signed_on;
  const std::string evidence = "signed " + signed_on.to_string();
  if (signed_on > application) {
    return fail(Rule::kAgreement, evidence, "signed after the application date");
  }
  std::vector<std::pair<const char*, std::optional<Date>>> before = {
      {"the risk disclosure", e.risk_disclosure_studied_on}};
  if (e.type == InvestorType::kIndividual && e.knowledge_test) {
    before.push_back({"the knowledge test", e.knowledge_test->taken_on});
  }
  if (e.questionnaire) before.push_back({"the questionnaire", e.questionnaire->completed_on});
  for (const auto& [step, date] : before) {
    if (date && signed_on < *date) {
      return fail(Rule::kAgreement, evidence,
                  std::string("signed before ") + step + " (" + date->to_string() +
                      "): the agreement is signed last");
    }
  }
  return pass(Rule::kAgreement, evidence);
}

}  // namespace

bool knowledge_score_passes(const ChannelRules& rules, int32_t questions, int32_t correct) {
  if (rules.knowledge_all_correct) return correct >= questions;
  // The score out of 100, compared exactly: correct × 100 ≥ minimum × questions.
  return static_cast<int64_t>(correct) * 100 >=
         static_cast<int64_t>(rules.knowledge_min_score) * questions;
}

std::string_view risk_level_code(RiskLevel level) {
  return kRiskLevelCodes[static_cast<size_t>(level)];
}

Result<RiskLevel> parse_risk_level(std::string_view code) {
  for (size_t i = 0; i < kRiskLevelCodes.size(); ++i) {
    if (kRiskLevelCodes[i] == code) return static_cast<RiskLevel>(i);
  }
  return invalid_input("unknown risk level '" + std::string(code) +
                           "' (conservative, moderately_conservative, balanced, "
                           "moderately_aggressive, aggressive)",
                       "risk_level");
}

std::string_view account_state_code(AShareAccountState state) {
  switch (state) {
    case AShareAccountState::kNormal:
      return "normal";
    case AShareAccountState::kNotDesignated:
      return "not_designated";
    case AShareAccountState::kRestricted:
      break;
  }
  return "restricted";
}

std::string_view rule_code(Rule rule) {
  static constexpr std::array<std::string_view, 10> kCodes = {
      "account",        "questionnaire", "risk_level", "assets",    "risk_disclosure",
      "knowledge_test", "integrity",     "warnings",   "legal_bar", "agreement"};
  return kCodes[static_cast<size_t>(rule)];
}

Date months_before(Date date, int32_t months) {
  return months_after(date, -months);
}

Date questionnaire_valid_until(Date completed, int32_t years) {
  return months_after(completed, years * 12);
}

Date months_after(Date date, int32_t months) {
  const int32_t index = date.year() * 12 + (date.month() - 1) + months;
  const int year = index / 12;
  const int month = index % 12 + 1;
  const int day = std::min<int>(date.day(), days_in_month(year, month));
  return *Date::from_ymd(year, month, day);  // a valid day by construction
}

Result<ChannelRules> channel_rules(const refdata::ParameterTable& parameters, Channel channel,
                                   Date date) {
  const std::string ch(channel_code(channel));
  ChannelRules rules;
  rules.channel = channel;
  CP_ASSIGN_OR_RETURN(const Money assets, parameters.money("suit.min_average_assets." + ch, date));
  rules.min_average_assets_rmb = assets.amount();
  CP_ASSIGN_OR_RETURN(const int64_t window, parameters.integer("suit.asset_window_days", date));
  CP_ASSIGN_OR_RETURN(const int64_t years,
                      parameters.integer("suit.questionnaire_valid_years", date));
  CP_ASSIGN_OR_RETURN(const int64_t months,
                      parameters.integer("suit.warning_lookback_months", date));
  rules.asset_window_days = static_cast<int32_t>(window);
  rules.questionnaire_valid_years = static_cast<int32_t>(years);
  rules.warning_lookback_months = static_cast<int32_t>(months);
  CP_ASSIGN_OR_RETURN(const std::string level, parameters.text("suit.min_risk_level." + ch, date));
  CP_ASSIGN_OR_RETURN(rules.min_risk_level, parse_risk_level(level));
  CP_ASSIGN_OR_RETURN(rules.low_level_with_acknowledgement,
                      parameters.boolean("suit.low_level_acknowledged." + ch, date));
  CP_ASSIGN_OR_RETURN(const int64_t score,
                      parameters.integer("suit.knowledge_min_score." + ch, date));
  // 100 is every answer right (Shanghai, 附件2 第10条); below it, a score out of 100.
  rules.knowledge_all_correct = score >= 100;
  rules.knowledge_min_score = static_cast<int32_t>(score);
  return rules;
}

Assessment assess(const ChannelRules& rules, const Evidence& evidence, Date application_date,
                  const std::vector<Date>& window_days) {
  Assessment out;
  const bool individual = evidence.type == InvestorType::kIndividual;
  out.rules.push_back(account_rule(evidence, rules.channel));
  out.rules.push_back(questionnaire_rule(evidence, rules, application_date));
  if (individual) {
    out.rules.push_back(risk_level_rule(evidence, rules));
    out.rules.push_back(assets_rule(evidence, rules, window_days));
    out.rules.push_back(disclosure_rule(evidence, application_date));
    out.rules.push_back(knowledge_rule(evidence, rules, application_date));
  }
  out.rules.push_back(evidence.serious_integrity_problem
                          ? fail(Rule::kIntegrity, "a serious integrity record",
                                 "a serious integrity problem bars the permission")
                          : pass(Rule::kIntegrity, "no serious integrity record"));
  out.rules.push_back(warnings_rule(evidence, rules, application_date));
  out.rules.push_back(evidence.legally_barred
                          ? fail(Rule::kLegalBar, "barred", "barred by law or regulation")
                          : pass(Rule::kLegalBar, "not barred"));
  out.rules.push_back(agreement_rule(evidence, application_date));
  out.eligible =
      std::all_of(out.rules.begin(), out.rules.end(), [](const RuleResult& r) { return r.passed; });
  return out;
}

}  // namespace cp::investors
