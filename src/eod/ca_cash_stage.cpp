#include "eod/ca_cash_stage.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "corpactions/elections.h"
#include "corpactions/entitlement.h"
#include "corpactions/securities_movement.h"
#include "eod/settlement_stage.h"

namespace cp::eod {

namespace {

// A take-up's subscription money (CA-3; [D] docs/corpactions.md "Rights taken up"): each
// account's shares filed for take-up × the subscription price, at CSDC's rate, debited as a
// credit below zero and settled with the corporate-action flow like a dividend.
Result<std::vector<CaCredit>> subscriptions(DayContext& day, const CaCashClearing& clearing,
                                            const corpactions::DividendRules& rules,
                                            const std::string& what) {
  const auto& action = clearing.action;
  const Channel channel = clearing.payment.channel;
  CP_ASSIGN_OR_RETURN(const auto taken, take_up_filed(action, channel, day.holding_sources()));
  const Date payable = day.flow_of(channel, "corporate_action_funds").date;
  std::vector<CaCredit> out;
  for (const auto& [account_id, shares] : taken) {
    const clearing::Account* account = day.accounts.find(account_id);
    if (account == nullptr) {
      return refusal(kInputsMissing, what + ": account " + account_id + " takes up " +
                                         action.security_code +
                                         " but is not in the account book (import accounts)");
    }
    CaCredit debit;
    debit.event_id = action.event_id;
    debit.channel = channel;
    debit.account_id = account_id;
    debit.reserve = account->money_kind;
    debit.holding = shares;
    debit.gross_ccy = -(*action.price * Decimal::from_int(shares));
    debit.money = corpactions::subscription_money(shares, *action.price,
                                                  clearing.payment.rmb_per_unit, rules);
    debit.payable_date = payable;
    out.push_back(std::move(debit));
  }
  return out;
}

}  // namespace

Result<std::vector<CaCredit>> clear_ca_cash(DayContext& day) {
  std::vector<CaCredit> out;
  for (const CaCashClearing& clearing : day.in.ca_cash) {
    const auto& action = clearing.action;
    const Channel channel = clearing.payment.channel;
    const std::string what = "cannot clear " + day.date.to_string() + ": event " + action.event_id +
                             " on the " + std::string(channel_code(channel)) + " channel";
    if (!day.calendars.count(channel)) {
      return refusal(kInputsMissing, what + ": CSDC clears on a Southbound trading day of it");
    }
    CP_ASSIGN_OR_RETURN(const auto rules,
                        corpactions::dividend_rules(day.parameters, *action.payment_date));
    if (action.type == corpactions::ActionType::kRightsIssue ||
        action.type == corpactions::ActionType::kOpenOffer) {
      CP_ASSIGN_OR_RETURN(auto taken, subscriptions(day, clearing, rules, what));
      out.insert(out.end(), std::make_move_iterator(taken.begin()),
                 std::make_move_iterator(taken.end()));
      continue;
    }
    CP_ASSIGN_OR_RETURN(const std::vector<Holding>* holdings,
                        day.closing_holdings(channel, action.holders_date()));
    std::vector<corpactions::Holder> holders;
    for (const Holding& h : *holdings) {
      if (h.security_code != action.security_code || h.quantity <= 0) continue;
      const clearing::Account* account = day.accounts.find(h.account_id);
      if (account == nullptr) {
        return refusal(kInputsMissing, what + ": account " + h.account_id + " holds " +
                                           action.security_code +
                                           " but is not in the account book (import accounts)");
      }
      holders.push_back({channel, h.account_id, account->account_type, h.quantity});
    }
    const Date payable = day.flow_of(channel, "corporate_action_funds").date;
    // A scrip dividend's cash goes to the shares not filed for scrip (CA-3).
    std::vector<corpactions::ElectionInstruction> instructions;
    if (action.type == corpactions::ActionType::kScripDividend) {
      CP_ASSIGN_OR_RETURN(instructions, day.earlier.election_instructions(action.event_id));
    }
    const auto scrip = corpactions::scrip_filed(action, instructions, holders);
    for (const auto& e : corpactions::entitlements(action, holders, 1, &scrip)) {
      if (e.cash_ccy.sign() == 0) continue;  // all of it elected for scrip
      CaCredit credit;
      credit.event_id = action.event_id;
      credit.channel = channel;
      credit.account_id = e.account_id;
      credit.reserve = day.accounts.find(e.account_id)->money_kind;
      credit.holding = e.holding;
      credit.gross_ccy = e.cash_ccy;
      credit.money =
          action.type == corpactions::ActionType::kTakeover
              ? corpactions::consideration_money(e.cash_ccy, clearing.payment.rmb_per_unit, rules)
              : corpactions::dividend_money(e.cash_ccy, clearing.payment.rmb_per_unit,
                                            e.account_type, action.issuer_type, rules);
      credit.payable_date = payable;
      out.push_back(std::move(credit));
    }
  }
  return out;
}

Result<std::vector<ledger::Posting>> ca_securities_postings(DayContext& day) {
  std::vector<ledger::Posting> out;
  for (const auto& [channel, southbound] : day.calendars) {
    // Distributed since the channel's previous run: a distribution on a day the channel did not
    // trade (a mainland holiday) is posted by the next run, as settlements are.
    CP_ASSIGN_OR_RETURN(const Date after, previous_run_date(day, southbound));
    CP_ASSIGN_OR_RETURN(const auto actions, day.earlier.securities_actions(after, day.date));
    const HoldingSources sources = day.holding_sources();
    const std::string ch(channel_code(channel));
    for (const auto& action : actions) {
      CP_ASSIGN_OR_RETURN(const auto steps,
                          action_movements(action, channel, after, day.date, sources));
      for (const StepMovements& step : steps) {
        // A rights issue's two steps are two entries (CAS:<event>:rights:<ch> the first).
        const std::string id =
            "CAS:" + action.event_id + ":" +
            (step.step.step == corpactions::SecuritiesStep::kRightsCredit ? "rights:" : "") + ch;
        for (const auto& m : step.movements) {
          const std::string asset = "security:" + m.security_code;
          out.push_back(
              {id, "investor_holdings:" + m.account_id, asset, Decimal::from_int(m.quantity)});
          out.push_back({id, "custody:" + ch, asset, Decimal::from_int(-m.quantity)});
        }
      }
    }
  }
  return out;
}

std::vector<ledger::Posting> ca_credit_postings(const std::vector<CaCredit>& credits) {
  std::vector<ledger::Posting> out;
  out.reserve(credits.size() * 2);
  for (const CaCredit& c : credits) {
    ledger::add_ca_credit(out, c.event_id, c.account_id, c.channel, c.reserve, c.money.net_rmb);
  }
  return out;
}

Result<void> ca_settlement_postings(DayContext& day, Channel channel, Date after,
                                    std::vector<ledger::Posting>& out) {
  CP_ASSIGN_OR_RETURN(const auto credits,
                      day.earlier.ca_credits_payable_in(channel, after, day.date));
  std::map<std::tuple<Date, std::string, MoneyKind>, Decimal> paid;  // by day, event, reserve
  for (const StoredCaCredit& c : credits) {
    ledger::add_ca_settlement(out, c.event_id, c.account_id, channel, c.net_rmb);
    paid[{c.payable_date, c.event_id, c.reserve}] += c.net_rmb;
  }
  for (const auto& [key, total] : paid) {
    const auto& [payable, event_id, reserve] = key;
    // A receivable: CSDC's money comes into the reserve account.
    ledger::add_csdc_payment("ca:" + event_id, payable, channel, reserve, -total, out);
  }
  return Ok{};
}

}  // namespace cp::eod
