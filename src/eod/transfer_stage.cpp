#include "eod/transfer_stage.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "calendar/transfer_days.h"

namespace cp::eod {
namespace {

const Decimal kZero = Decimal::from_units(0, 2);

Decimal at(const std::map<MoneyKind, Decimal>& sums, MoneyKind reserve) {
  const auto found = sums.find(reserve);
  return found == sums.end() ? kZero : found->second;
}

// The trade date's CSDC nets per reserve: today's from the clearing just done, earlier ones
// from their stored runs.
Result<std::map<MoneyKind, Decimal>> nets_of(DayContext& day, Channel channel, Date trade_date,
                                             const clearing::ClearingResult& result) {
  std::map<MoneyKind, Decimal> nets;
  if (trade_date == day.date) {
    for (const auto& obligation : result.csdc) {
      if (obligation.channel == channel) nets[obligation.reserve] = obligation.net_rmb;
    }
    return nets;
  }
  CP_ASSIGN_OR_RETURN(store::StoredNets stored, day.earlier.csdc_nets_of(trade_date, channel));
  if (!stored.ran && stored.has_executions) {
    return refusal(kEarlierRunMissing,
                   "cannot instruct the funds transfers of " + day.date.to_string() + ": the " +
                       std::string(channel_code(channel)) + " trades of " + trade_date.to_string() +
                       " settle in them but that date has no EOD results (run `eod run "
                       "--date " +
                       trade_date.to_string() + "` first)");
  }
  return std::move(stored.net_rmb_by_reserve);
}

}  // namespace

Result<std::vector<clearing::TransferInstruction>> instruct_transfers(
    DayContext& day, const clearing::ClearingResult& result,
    const std::vector<ReserveDay>& reserves, const std::vector<InvestorPortfolioFee>& fees,
    const std::vector<CaCredit>& ca_credits) {
  std::vector<clearing::TransferInstruction> out;
  for (const auto& [channel, southbound] : day.calendars) {
    const std::string ch(channel_code(channel));
    CP_ASSIGN_OR_RETURN(const std::vector<calendar::TransferDay> days,
                        calendar::transfer_days(southbound, day.parameters, day.date));
    if (days.empty()) continue;  // the next run instructs them (transfer_days.h)

    // Today's risk funds requirement is due at the first day and stands after it (CLR-9).
    std::map<MoneyKind, Decimal> risk_due;
    for (const auto& r : reserves) {
      if (r.channel == channel) risk_due[r.reserve] = r.risk.risk_funds_rmb;
    }
    CP_ASSIGN_OR_RETURN(auto risk_previous, day.earlier.risk_funds_at_previous_settlement(
                                                channel, days.front().settlement_date));

    struct DayTerms {
      std::vector<std::pair<calendar::TradeDateMoney, std::map<MoneyKind, Decimal>>> nets;
      std::map<MoneyKind, Decimal> fees;
      std::map<MoneyKind, Decimal> dividends;      // corporate-action cash CSDC pays that day
      std::map<MoneyKind, Decimal> subscriptions;  // take-ups' money CSDC collects that day
    };
    std::vector<DayTerms> terms(days.size());
    std::set<MoneyKind> keys;  // every reserve with a term on any day of the window
    for (const auto& [reserve, amount] : risk_due) keys.insert(reserve);
    for (const auto& [reserve, amount] : risk_previous) {
      if (amount.sign() != 0) keys.insert(reserve);
    }
    for (size_t i = 0; i < days.size(); ++i) {
      const Date settles = days[i].settlement_date;
      for (const auto& money : days[i].trade_dates) {
        CP_ASSIGN_OR_RETURN(auto nets, nets_of(day, channel, money.trade_date, result));
        for (const auto& [reserve, net] : nets) keys.insert(reserve);
        terms[i].nets.emplace_back(money, std::move(nets));
      }
      CP_ASSIGN_OR_RETURN(terms[i].fees, day.earlier.portfolio_fees_collected_on(channel, settles));
      for (const auto& fee : fees) {
        if (fee.channel == channel && fee.collection_date == settles) {
          auto [found, inserted] = terms[i].fees.try_emplace(fee.reserve, fee.charge.fee_rmb);
          if (!inserted) found->second += fee.charge.fee_rmb;
        }
      }
      for (const auto& [reserve, fee] : terms[i].fees) keys.insert(reserve);
      CP_ASSIGN_OR_RETURN(auto ca_money, day.earlier.ca_money_settling_on(channel, settles));
      terms[i].dividends = std::move(ca_money.receivable);
      terms[i].subscriptions = std::move(ca_money.payable);
      for (const auto& credit : ca_credits) {
        if (credit.channel == channel && credit.payable_date == settles) {
          // A subscription is a credit below zero (ca_cash_stage.h).
          const Decimal& net = credit.money.net_rmb;
          auto& term = net.is_negative() ? terms[i].subscriptions : terms[i].dividends;
          const Decimal amount = net.is_negative() ? -net : net;
          auto [found, inserted] = term.try_emplace(credit.reserve, amount);
          if (!inserted) found->second += amount;
        }
      }
      for (const auto& [reserve, amount] : terms[i].dividends) keys.insert(reserve);
      for (const auto& [reserve, amount] : terms[i].subscriptions) keys.insert(reserve);
    }

    static const std::map<MoneyKind, store::ReserveBalance> kNone;
    const auto channel_balances = day.in.reserve_balances.find(channel);
    const auto& balances =
        channel_balances == day.in.reserve_balances.end() ? kNone : channel_balances->second;
    for (const MoneyKind reserve : keys) {
      const auto imported = balances.find(reserve);
      if (imported == balances.end()) {
        return refusal(kInputsMissing, "cannot clear " + day.date.to_string() + ": missing the " +
                                           ch + " " + money_kind_text(reserve) +
                                           " reserve balance on or before it (import reserves)");
      }
      Date balance_date = imported->second.balance_date;
      Decimal balance = imported->second.balance_rmb;
      auto basis = clearing::BalanceBasis::kImported;
      for (size_t i = 0; i < days.size(); ++i) {
        clearing::TransferInstruction instruction;
        instruction.channel = channel;
        instruction.reserve = reserve;
        instruction.reserve_balance_date = balance_date;
        instruction.balance_basis = basis;
        auto& in = instruction.inputs;
        in.settlement_date = days[i].settlement_date;
        in.reserve_balance_previous_rmb = balance;
        for (const auto& [money, nets] : terms[i].nets) {
          const Decimal net = at(nets, reserve);
          const bool payable = net.sign() > 0 && money.payable_on == in.settlement_date;
          const bool receivable = net.sign() < 0 && money.receivable_on == in.settlement_date;
          const bool nothing = net.sign() == 0 && money.payable_on == in.settlement_date;
          if (payable || receivable || nothing) {
            in.trade_dates.push_back({money.trade_date, net, payable, receivable});
          }
        }
        in.risk_funds_due_rmb = at(risk_due, reserve);
        // At the first day the requirement replaces the one last collected; after it, nothing
        // new is computed before the next run, so it stands unchanged.
        in.risk_funds_previous_rmb = i == 0 ? at(risk_previous, reserve) : in.risk_funds_due_rmb;
        in.portfolio_fee_rmb = at(terms[i].fees, reserve);
        in.dividends_receivable_rmb = at(terms[i].dividends, reserve);
        in.ca_money_payable_rmb = at(terms[i].subscriptions, reserve);
        instruction.transfer = clearing::funds_transfer(in, reserve);
        balance = instruction.transfer.closing_balance_rmb;
        balance_date = in.settlement_date;
        basis = clearing::BalanceBasis::kProjected;
        out.push_back(std::move(instruction));
      }
    }
  }
  // Reported by channel, settlement day, then reserve.
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return std::tie(a.channel, a.inputs.settlement_date, a.reserve) <
           std::tie(b.channel, b.inputs.settlement_date, b.reserve);
  });
  return out;
}

Result<std::vector<store::ReissueRow>> reissue_transfers(DayContext& day) {
  std::vector<store::ReissueRow> out;
  const auto& instructed = day.in.instructed_for_date;
  for (const auto& check : day.in.reserve_checks) {
    std::optional<Decimal> morning;
    for (const auto& t : instructed) {
      if (t.channel == check.channel && t.reserve == check.reserve) {
        morning = t.transfer.transfer_rmb;
      }
    }
    if (auto reissue =
            clearing::reissue_transfer(check.after_1030_rmb, morning, check.reserve, day.date)) {
      out.push_back({check.channel, check.reserve, std::move(*reissue)});
    }
  }
  return out;
}

}  // namespace cp::eod
