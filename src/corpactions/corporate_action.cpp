#include "corpactions/corporate_action.h"

#include <algorithm>
#include <array>
#include <string>

#include "refdata/code_table.h"

namespace cp::corpactions {
namespace {

using refdata::Code;
using refdata::code_of;

constexpr std::array<Code<ActionType>, 13> kActionTypes{{
    {"cash_dividend", ActionType::kCashDividend},
    {"scrip_dividend", ActionType::kScripDividend},
    {"bonus_shares", ActionType::kBonusShares},
    {"bonus_warrants", ActionType::kBonusWarrants},
    {"split", ActionType::kSplit},
    {"consolidation", ActionType::kConsolidation},
    {"takeover", ActionType::kTakeover},
    {"vote", ActionType::kVote},
    {"rights_issue", ActionType::kRightsIssue},
    {"open_offer", ActionType::kOpenOffer},
    {"ipo_subscription", ActionType::kIpoSubscription},
    {"excess_application", ActionType::kExcessApplication},
    {"warrant_exercise", ActionType::kWarrantExercise},
}};

constexpr std::array<Code<IssuerType>, 4> kIssuerTypes{{
    {"h_share", IssuerType::kHShare},
    {"red_chip", IssuerType::kRedChip},
    {"red_chip_resident", IssuerType::kRedChipResident},
    {"other", IssuerType::kOther},
}};

constexpr std::array<Code<ElectionOption>, 7> kOptions{{
    {"cash", ElectionOption::kCash},
    {"scrip", ElectionOption::kScrip},
    {"take_up", ElectionOption::kTakeUp},
    {"accept", ElectionOption::kAccept},
    {"for", ElectionOption::kFor},
    {"against", ElectionOption::kAgainst},
    {"abstain", ElectionOption::kAbstain},
}};

template <typename Enum, size_t N>
Result<Enum> parse_code(const std::array<Code<Enum>, N>& codes, std::string_view text,
                        const char* field) {
  std::string choices;
  for (size_t i = 0; i < N; ++i) {
    if (text == codes[i].text) return codes[i].value;
    choices += std::string(i == 0 ? "" : i + 1 == N ? " or " : ", ") + codes[i].text;
  }
  return invalid_input(std::string(field) + " '" + std::string(text) + "' is not one of " + choices,
                       field);
}

enum class Need : uint8_t { kNo, kOptional, kRequired };

// Which fields a type needs (kNo: must be empty). Types never offered need only what dates the
// refusal (offered.h).
struct Fields {
  Need ex_date, record_date, payment_date, currency, rate, price, ratio, new_security,
      board_lot_after, window;
  std::vector<ElectionOption> allowed_options;
  bool options_required = false;
};

Fields fields_of(ActionType type) {
  constexpr Need R = Need::kRequired;
  constexpr Need O = Need::kOptional;
  constexpr Need N = Need::kNo;
  using E = ElectionOption;
  switch (type) {
    case ActionType::kCashDividend:
      return {R, R, R, R, R, N, N, N, N, N, {}, false};
    case ActionType::kScripDividend:
      return {R, R, R, R, R, R, N, N, N, R, {E::kCash, E::kScrip}, true};
    case ActionType::kBonusShares:
      return {R, R, R, N, N, N, R, N, N, N, {}, false};
    case ActionType::kBonusWarrants:
      return {R, R, R, N, N, N, R, R, N, N, {}, false};
    case ActionType::kSplit:
    case ActionType::kConsolidation:
      return {R, R, R, N, N, N, R, N, O, N, {}, false};
    case ActionType::kTakeover:
      // A scheme binds every holder (no options); an offer is accepted by election.
      return {O, R, R, R, R, N, N, N, N, O, {E::kAccept}, false};
    case ActionType::kVote:
      return {N, O, N, N, N, N, N, N, N, R, {E::kFor, E::kAgainst, E::kAbstain}, true};
    case ActionType::kRightsIssue:
      return {R, R, R, R, N, R, R, R, N, R, {E::kTakeUp}, true};
    case ActionType::kOpenOffer:
      return {R, R, R, R, N, R, R, N, N, R, {E::kTakeUp}, true};
    case ActionType::kIpoSubscription:
    case ActionType::kExcessApplication:
    case ActionType::kWarrantExercise:
      return {O, O, O, O, O, O, O, O, O, O, {}, false};
  }
  return {};
}

bool is_distribution(ActionType type) {
  switch (type) {
    case ActionType::kCashDividend:
    case ActionType::kScripDividend:
    case ActionType::kBonusShares:
    case ActionType::kBonusWarrants:
    case ActionType::kRightsIssue:
    case ActionType::kOpenOffer:
      return true;
    default:
      return false;
  }
}

bool never_offered(ActionType type) {
  return type == ActionType::kIpoSubscription || type == ActionType::kExcessApplication ||
         type == ActionType::kWarrantExercise;
}

Result<void> check_need(Need need, bool present, const char* field, std::string_view type) {
  if (need == Need::kRequired && !present) {
    return invalid_input(std::string(field) + " is required for a " + std::string(type), field);
  }
  if (need == Need::kNo && present) {
    return invalid_input(std::string(field) + " does not apply to a " + std::string(type), field);
  }
  return {};
}

}  // namespace

std::string_view action_type_code(ActionType type) {
  return code_of(kActionTypes, type);
}
Result<ActionType> parse_action_type(std::string_view code) {
  return parse_code(kActionTypes, code, "type");
}
std::string_view issuer_type_code(IssuerType type) {
  return code_of(kIssuerTypes, type);
}
Result<IssuerType> parse_issuer_type(std::string_view code) {
  return parse_code(kIssuerTypes, code, "issuer_type");
}
std::string_view election_option_code(ElectionOption option) {
  return code_of(kOptions, option);
}
Result<ElectionOption> parse_election_option(std::string_view code) {
  return parse_code(kOptions, code, "options");
}

std::string HktInstant::to_string() const {
  return date.to_string() + "T" + time.to_string();
}

HktInstant hkt_minute(UtcTime at) {
  const HktDateTime hkt = to_hkt(at);
  const int seconds = hkt.time.seconds_since_midnight();
  // Always a valid time: the hour and minute of a valid one.
  return {hkt.date, TimeOfDay::from_hms(seconds / 3600, seconds / 60 % 60, 0).value()};
}

Result<HktInstant> parse_hkt_instant(std::string_view text) {
  const size_t t = text.find('T');
  if (t == std::string_view::npos || text.size() != t + 6) {
    return invalid_input("'" + std::string(text) + "' is not YYYY-MM-DDTHH:MM (HKT)");
  }
  CP_ASSIGN_OR_RETURN(const Date date, Date::parse(text.substr(0, t)));
  CP_ASSIGN_OR_RETURN(const TimeOfDay time, TimeOfDay::parse(text.substr(t + 1)));
  return HktInstant{date, time};
}

Date CorporateAction::holders_date() const {
  if (record_date) return *record_date;
  CP_ASSERT(csdc_deadline.has_value(), "a validated action has a record date or a deadline");
  return csdc_deadline->date;
}

std::string options_text(const std::vector<ElectionOption>& options) {
  std::string out;
  for (const ElectionOption option : options) {
    if (!out.empty()) out += ';';
    out += election_option_code(option);
  }
  return out;
}

Result<std::vector<ElectionOption>> parse_options_text(std::string_view text) {
  std::vector<ElectionOption> out;
  while (!text.empty()) {
    const size_t semicolon = text.find(';');
    CP_ASSIGN_OR_RETURN(const ElectionOption option,
                        parse_election_option(text.substr(0, semicolon)));
    out.push_back(option);
    text = semicolon == std::string_view::npos ? std::string_view() : text.substr(semicolon + 1);
  }
  return out;
}

std::string canonical_text(const CorporateAction& a) {
  const auto date = [](const std::optional<Date>& d) { return d ? d->to_string() : ""; };
  const auto amount = [](const std::optional<Decimal>& v) {
    return v ? v->normalized().to_string() : "";
  };
  const auto instant = [](const std::optional<HktInstant>& i) { return i ? i->to_string() : ""; };
  return a.event_id + ',' + std::string(action_type_code(a.type)) + ',' + a.security_code + ',' +
         date(a.ex_date) + ',' + date(a.record_date) + ',' + date(a.payment_date) + ',' +
         (a.currency ? std::string(currency_code(*a.currency)) : "") + ',' + amount(a.rate) + ',' +
         amount(a.price) + ',' +
         (a.ratio ? std::to_string(a.ratio->new_units) + ':' + std::to_string(a.ratio->old_units)
                  : "") +
         ',' + a.new_security_code + ',' +
         (a.board_lot_after ? std::to_string(*a.board_lot_after) : "") + ',' +
         std::string(issuer_type_code(a.issuer_type)) + ',' + instant(a.election_open) + ',' +
         instant(a.csdc_deadline) + ',' + instant(a.hkscc_deadline) + ',' +
         options_text(a.options) + ',' + a.source;
}

bool pays_cash(ActionType type) {
  return type == ActionType::kCashDividend || type == ActionType::kScripDividend ||
         type == ActionType::kTakeover;
}

Result<void> validate(const CorporateAction& a) {
  const std::string_view type = action_type_code(a.type);
  if (a.event_id.empty()) return invalid_input("event_id is required", "event_id");
  if (a.security_code.empty()) return invalid_input("security_code is required", "security_code");
  if (a.source.empty()) return invalid_input("source is required", "source");
  const Fields f = fields_of(a.type);
  CP_RETURN_IF_ERROR(check_need(f.ex_date, a.ex_date.has_value(), "ex_date", type));
  CP_RETURN_IF_ERROR(check_need(f.record_date, a.record_date.has_value(), "record_date", type));
  CP_RETURN_IF_ERROR(check_need(f.payment_date, a.payment_date.has_value(), "payment_date", type));
  CP_RETURN_IF_ERROR(check_need(f.currency, a.currency.has_value(), "currency", type));
  CP_RETURN_IF_ERROR(check_need(f.rate, a.rate.has_value(), "rate", type));
  CP_RETURN_IF_ERROR(check_need(f.price, a.price.has_value(), "price", type));
  CP_RETURN_IF_ERROR(check_need(f.ratio, a.ratio.has_value(), "ratio", type));
  CP_RETURN_IF_ERROR(
      check_need(f.new_security, !a.new_security_code.empty(), "new_security_code", type));
  CP_RETURN_IF_ERROR(
      check_need(f.board_lot_after, a.board_lot_after.has_value(), "board_lot_after", type));
  const bool has_window = a.election_open || a.csdc_deadline || a.hkscc_deadline;
  CP_RETURN_IF_ERROR(check_need(f.window, has_window, "csdc_deadline", type));

  if (never_offered(a.type)) {
    if (!a.record_date && !a.payment_date && !a.ex_date && !a.csdc_deadline) {
      return invalid_input("a " + std::string(type) + " needs a date to be judged by",
                           "record_date");
    }
    return {};
  }
  if (a.ex_date && a.payment_date && *a.ex_date > *a.payment_date) {
    return invalid_input("ex_date " + a.ex_date->to_string() + " is after payment_date " +
                             a.payment_date->to_string(),
                         "ex_date");
  }
  if (a.record_date && a.payment_date && *a.record_date > *a.payment_date) {
    return invalid_input("record_date " + a.record_date->to_string() + " is after payment_date " +
                             a.payment_date->to_string(),
                         "record_date");
  }
  if (is_distribution(a.type) && a.ex_date && a.record_date && *a.ex_date > *a.record_date) {
    return invalid_input(
        "ex_date " + a.ex_date->to_string() + " is after record_date " + a.record_date->to_string(),
        "ex_date");
  }
  if (a.ratio) {
    if (a.ratio->new_units <= 0 || a.ratio->old_units <= 0) {
      return invalid_input("ratio needs both sides above zero (new:old, e.g. 1:10)", "ratio");
    }
    if (a.type == ActionType::kSplit && a.ratio->new_units <= a.ratio->old_units) {
      return invalid_input("a split gives more new shares than old ones (new:old)", "ratio");
    }
    if (a.type == ActionType::kConsolidation && a.ratio->new_units >= a.ratio->old_units) {
      return invalid_input("a consolidation gives fewer new shares than old ones (new:old)",
                           "ratio");
    }
  }
  if (a.rate && *a.rate <= Decimal()) return invalid_input("rate must be above zero", "rate");
  if (a.price && *a.price <= Decimal()) return invalid_input("price must be above zero", "price");
  if (a.board_lot_after && *a.board_lot_after <= 0) {
    return invalid_input("board_lot_after must be above zero", "board_lot_after");
  }

  for (const ElectionOption option : a.options) {
    if (std::find(f.allowed_options.begin(), f.allowed_options.end(), option) ==
        f.allowed_options.end()) {
      return invalid_input("option '" + std::string(election_option_code(option)) +
                               "' does not apply to a " + std::string(type),
                           "options");
    }
    if (std::count(a.options.begin(), a.options.end(), option) > 1) {
      return invalid_input(
          "option '" + std::string(election_option_code(option)) + "' is listed twice", "options");
    }
  }
  if (f.options_required && a.options.empty()) {
    return invalid_input("a " + std::string(type) + " needs its options", "options");
  }
  if (a.type == ActionType::kVote) {
    const auto has = [&](ElectionOption o) {
      return std::find(a.options.begin(), a.options.end(), o) != a.options.end();
    };
    if (!has(ElectionOption::kFor) || !has(ElectionOption::kAgainst)) {
      return invalid_input(
          "a vote offers at least for and against (abstain is the issuer's choice)", "options");
    }
  }
  if (a.type == ActionType::kTakeover && a.options.empty() != !has_window) {
    return invalid_input("an offer's acceptance needs both the option accept and its window",
                         "options");
  }
  if (has_window) {
    if (!a.election_open || !a.csdc_deadline || !a.hkscc_deadline) {
      return invalid_input(
          "an election window needs election_open, csdc_deadline and hkscc_deadline",
          !a.election_open   ? "election_open"
          : !a.csdc_deadline ? "csdc_deadline"
                             : "hkscc_deadline");
    }
    if (!(*a.election_open < *a.csdc_deadline)) {
      return invalid_input("election_open " + a.election_open->to_string() +
                               " is not before csdc_deadline " + a.csdc_deadline->to_string(),
                           "election_open");
    }
    if (!(*a.csdc_deadline < *a.hkscc_deadline)) {
      return invalid_input("csdc_deadline " + a.csdc_deadline->to_string() +
                               " is not before hkscc_deadline " + a.hkscc_deadline->to_string() +
                               " (CSDC closes its window earlier than HKSCC: CA-3)",
                           "csdc_deadline");
    }
  }
  return {};
}

}  // namespace cp::corpactions
