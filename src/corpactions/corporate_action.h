// A corporate action as CSDC forwards HKSCC's announcement to the broker (SPEC CA-1, CA-2; seed
// 002 附件4 第29–31条): what the issuer does, to which security, on which dates, at which rate or
// ratio, and — where investors choose — the options and the window. One announcement per event
// id; a second one of the same id is a conflict, not an update (corpactions/event_file.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/currency.h"
#include "core/date.h"
#include "core/decimal.h"
#include "core/result.h"

namespace cp::corpactions {

// Every type an announcement may carry, offered or not: what is not offered to Southbound
// investors is still announced, and refused by the dated rule that says so (offered.h).
enum class ActionType : uint8_t {
  kCashDividend,       // 现金红利 (CLR-7)
  kScripDividend,      // 以股代息: cash, or shares in its place by election
  kBonusShares,        // 送股 (CLR-8)
  kBonusWarrants,      // 派送权证 (CLR-8): sell-only
  kSplit,              // 股份分拆
  kConsolidation,      // 股份合并
  kTakeover,           // 公司收购: shares out, consideration in
  kVote,               // 投票
  kRightsIssue,        // 供股: take-up within the entitlement
  kOpenOffer,          // 公开配售: as a rights issue
  kIpoSubscription,    // 新股认购: never offered
  kExcessApplication,  // 额外申请: never offered
  kWarrantExercise,    // 认股权证行权: never offered
};

// "cash_dividend", "scrip_dividend", "bonus_shares", "bonus_warrants", "split", "consolidation",
// "takeover", "vote", "rights_issue", "open_offer", "ipo_subscription", "excess_application",
// "warrant_exercise".
std::string_view action_type_code(ActionType type);
Result<ActionType> parse_action_type(std::string_view code);

// Who the issuer is, for the dividend tax (Caishui [2014] 81, [2016] 127; research/domain-facts
// §10, risk-and-obligations §5): an H share's company withholds the individual's 20% itself;
// for other issuers CSDC withholds it; a red chip that is a PRC tax resident first withholds 10%
// enterprise income tax on every holder ([L]).
enum class IssuerType : uint8_t { kHShare, kRedChip, kRedChipResident, kOther };
// "h_share", "red_chip", "red_chip_resident", "other".
std::string_view issuer_type_code(IssuerType type);
Result<IssuerType> parse_issuer_type(std::string_view code);

// What an investor may instruct (CA-3). Votes: for / against / abstain (the issuer may leave
// abstain out); scrip: cash or scrip; rights and open offers: take_up; offers: accept.
enum class ElectionOption : uint8_t { kCash, kScrip, kTakeUp, kAccept, kFor, kAgainst, kAbstain };
std::string_view election_option_code(ElectionOption option);
Result<ElectionOption> parse_election_option(std::string_view code);

// "new for old": a 1-for-10 bonus is {1, 10}; a 2-into-1 consolidation {1, 2}; a 1-into-4 split
// {4, 1}; one right for every 5 shares held {1, 5}.
struct Ratio {
  int64_t new_units = 0;
  int64_t old_units = 0;
};

// An instant in HKT as announced (an election window's ends).
struct HktInstant {
  Date date;
  TimeOfDay time;
  friend auto operator<=>(const HktInstant&, const HktInstant&) = default;
  std::string to_string() const;  // "2026-05-04T16:00"
};
// "YYYY-MM-DDTHH:MM" (HKT).
Result<HktInstant> parse_hkt_instant(std::string_view text);
// The HKT minute `at` falls in: an instruction's time, judged against a window whose ends are
// minutes (16:00 means until 16:00:59).
HktInstant hkt_minute(UtcTime at);

struct CorporateAction {
  std::string event_id;
  ActionType type = ActionType::kCashDividend;
  std::string security_code;
  std::optional<Date> ex_date;
  // Whose holdings count: the holdings at this date's close (STL-3). A vote with none counts the
  // holdings at CSDC's deadline.
  std::optional<Date> record_date;
  // When HKSCC pays or distributes (a split or consolidation: the day the new shares are
  // credited; a takeover: the day the consideration is paid and the shares go).
  std::optional<Date> payment_date;
  std::optional<Currency> currency;  // of `rate` and `price`
  std::optional<Decimal> rate;       // cash per share held: dividend, offer consideration
  std::optional<Decimal> price;      // per new share: subscription price, scrip reference price
  std::optional<Ratio> ratio;
  std::string new_security_code;           // what is distributed when it is another security
  std::optional<int64_t> board_lot_after;  // a split's or consolidation's new board lot
  IssuerType issuer_type = IssuerType::kOther;
  std::optional<HktInstant> election_open;
  std::optional<HktInstant> csdc_deadline;   // the broker files by then (CA-3)
  std::optional<HktInstant> hkscc_deadline;  // later than CSDC's
  std::vector<ElectionOption> options;
  std::string source;

  // The date whose close fixes the holders: the record date, or the date of CSDC's deadline
  // for a vote without one.
  Date holders_date() const;
  bool takes_elections() const { return !options.empty(); }
};

// The announcement as one line, its fields in ca_events.csv's order (event_file.h), amounts as
// written normalized (0.1230 → 0.123): two announcements of an event say the same exactly when
// these are equal.
std::string canonical_text(const CorporateAction& action);
// "for;against;abstain", and back: the options as the file and the store write them.
std::string options_text(const std::vector<ElectionOption>& options);
Result<std::vector<ElectionOption>> parse_options_text(std::string_view text);

// Whether `type` pays cash per share held that CSDC converts to RMB (CLR-7): a dividend (a scrip
// dividend's cash part too) or an offer's consideration.
bool pays_cash(ActionType type);

// The checks of one announcement that need nothing but itself, each refusal naming the field:
// the fields its type needs are there and the ones it cannot have are not; ex-date ≤ payment
// date, record date ≤ payment date, ex-date ≤ record date for a distribution; a ratio with both
// sides above zero, a split's new side above its old and a consolidation's below; a rate or
// price above zero; the options its type allows; election open < CSDC's deadline < HKSCC's.
Result<void> validate(const CorporateAction& action);

}  // namespace cp::corpactions
