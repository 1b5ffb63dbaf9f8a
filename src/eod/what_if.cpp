#include "eod/what_if.h"

#include <map>
#include <tuple>

#include "eod/day_pipeline.h"
#include "eod/eod_run.h"
#include "eod/settlement_stage.h"
#include "refdata/fee_schedule.h"
#include "store/eod_inputs_store.h"
#include "store/eod_result_store.h"
#include "store/stored_runs.h"

namespace cp::eod {
namespace {

const Decimal kZero = Decimal::from_units(0, 2);

struct Computed {
  clearing::ClearingResult result;
  DayComputation day;
};

// The clearing and every stage after it, over `inputs`, storing nothing.
Result<Computed> compute(const DayInputs& inputs, EarlierRuns& earlier,
                         const std::vector<store::SettlementDelay>& delays) {
  DayContext context(inputs, earlier);
  DayClearing clearing(inputs);
  while (clearing.next() != nullptr) {
  }
  Computed out;
  out.result = clearing.finish();
  CP_ASSIGN_OR_RETURN(out.day, compute_day(context, out.result, delays, clearing.digest()));
  return out;
}

// (channel, reserve or account, item) → (currency, amount), summed.
using Key = std::tuple<std::string, std::string, std::string>;
using Figures = std::map<Key, std::pair<std::string, Decimal>>;

void add(Figures& figures, const std::string& channel, const std::string& who,
         const std::string& item, const char* currency, const Decimal& amount) {
  auto [found, inserted] =
      figures.try_emplace(Key{channel, who, item}, std::make_pair(currency, amount));
  if (!inserted) found->second.second += amount;
}

Figures reserve_figures(const Computed& c) {
  Figures out;
  const EodReport& report = c.day.report;
  for (const auto& s : report.settlements) {
    const std::string ch(channel_code(s.channel));
    const auto& o = s.obligation;
    for (size_t i = 0; i < refdata::kFeeCodes.size(); ++i) {
      add(out, ch, money_kind_text(s.reserve),
          std::string("fee:") + refdata::fee_code_name(refdata::kFeeCodes[i]), "HKD",
          o.fees_hkd[i]);
    }
    add(out, ch, money_kind_text(s.reserve), "csdc_buy", "CNY", o.buy_rmb);
    add(out, ch, money_kind_text(s.reserve), "csdc_sell", "CNY", o.sell_rmb);
    add(out, ch, money_kind_text(s.reserve), "csdc_net", "CNY", o.net_rmb);
    add(out, ch, money_kind_text(s.reserve), "commission", "CNY", o.commission_rmb);
  }
  for (const auto& r : report.reserves) {
    add(out, std::string(channel_code(r.channel)), money_kind_text(r.reserve), "risk_funds", "CNY",
        r.risk.risk_funds_rmb);
  }
  for (const auto& f : report.portfolio_fees) {
    add(out, std::string(channel_code(f.channel)), money_kind_text(f.reserve), "portfolio_fee",
        "CNY", f.charge.fee_rmb);
  }
  for (const auto& t : report.transfers) {
    add(out, std::string(channel_code(t.channel)), money_kind_text(t.reserve),
        "transfer " + t.inputs.settlement_date.to_string(), "CNY", t.transfer.transfer_rmb);
  }
  for (const auto& x : report.exceptions) {
    if (x.kind == "overdraft") {
      add(out, "all", "client", "overdrafts", "CNY", x.amount_rmb);
      add(out, "all", "client", "overdraft_interest", "CNY", x.interest_rmb);
    }
  }
  return out;
}

Figures account_figures(const Computed& c, const std::string& account) {
  Figures out;
  for (const auto& i : c.result.investors) {
    if (i.account_id != account) continue;
    const std::string ch(channel_code(i.channel));
    add(out, ch, account, "buy", "CNY", i.buy_rmb);
    add(out, ch, account, "sell", "CNY", i.sell_rmb);
    add(out, ch, account, "net", "CNY", i.net_rmb);
    add(out, ch, account, "commission", "CNY", i.commission_rmb);
  }
  for (const auto& f : c.day.report.portfolio_fees) {
    if (f.account_id == account) {
      add(out, std::string(channel_code(f.channel)), account, "portfolio_fee", "CNY",
          f.charge.fee_rmb);
    }
  }
  for (const auto& x : c.day.report.exceptions) {
    if (x.kind == "overdraft" && x.subject == account) {
      add(out, "all", account, "overdraft", "CNY", x.amount_rmb);
    }
  }
  for (const auto& p : c.day.report.pre_clearing) {
    if (p.account_id == account) {
      add(out, "all", account, "available_southbound", "CNY", p.result.available_southbound_rmb);
    }
  }
  return out;
}

// Every figure of either side, the missing side as zero.
std::vector<WhatIfLine> lines_of(const Figures& baseline, const Figures& what_if) {
  std::map<Key, WhatIfLine> lines;
  for (const auto& [key, value] : baseline) {
    lines[key] = {std::get<0>(key), std::get<1>(key), std::get<2>(key),
                  value.first,      value.second,     kZero};
  }
  for (const auto& [key, value] : what_if) {
    auto [found, inserted] = lines.try_emplace(key);
    if (inserted) {
      found->second = {
          std::get<0>(key), std::get<1>(key), std::get<2>(key), value.first, kZero, kZero};
    }
    found->second.what_if = value.second;
  }
  std::vector<WhatIfLine> out;
  out.reserve(lines.size());
  for (auto& [key, line] : lines) out.push_back(std::move(line));
  return out;
}

}  // namespace

Result<WhatIf> what_if(store::Database& db, const WhatIfRequest& request) {
  const Date date = request.date;
  const Date rules_date = request.as_of_rules.value_or(date);
  // Never committed: the transaction ends rolled back, with whatever the stages moved.
  CP_ASSIGN_OR_RETURN(std::unique_ptr<OpenedDay> opened, open_day(db, date, request.data_dir));
  refdata::RefData changed = opened->refdata;
  WhatIf out;
  out.date = date;
  out.rules_date = rules_date;
  for (const auto& [key, value] : request.settings) {
    CP_RETURN_IF_ERROR(changed.parameters.set_value(key, rules_date, value));
    out.settings.push_back(key + "=" + value);
  }
  if (!request.account.empty() && opened->accounts.find(request.account) == nullptr) {
    return make_error(ErrorCode::kNotFound, "no account " + request.account);
  }
  // One snapshot, computed twice: first under D's rules, then with only the rules changed (the
  // day's executions and balances are not copied).
  DayInputs& day = opened->inputs;
  const std::map<Channel, clearing::FxRates> imported_fx = day.fx;  // prepare_day drops some
  CP_RETURN_IF_ERROR(prepare_day(day, opened->markets));
  store::StoredRuns earlier(db, date);
  DayContext context(day, earlier);
  CP_ASSIGN_OR_RETURN(DelayedSettlements delayed, delayed_settlements(context));
  CP_RETURN_IF_ERROR(store::move_settlements(db, delayed));
  CP_ASSIGN_OR_RETURN(Computed base, compute(day, earlier, delayed.delays));

  day.refdata = &changed;
  day.rules_date = rules_date;
  CP_ASSIGN_OR_RETURN(day.portfolio_fee_tiers,
                      load_portfolio_fee_tiers(request.data_dir, rules_date));
  day.fx = imported_fx;
  day.calendars.clear();
  day.schedules.clear();
  CP_RETURN_IF_ERROR(prepare_day(day, opened->markets));
  CP_ASSIGN_OR_RETURN(Computed changed_day, compute(day, earlier, delayed.delays));
  CP_ASSIGN_OR_RETURN(out.stored_digest, store::stored_run_digest(db, date));
  out.baseline_digest = base.day.report.digest;
  out.what_if_digest = changed_day.day.report.digest;
  out.lines = lines_of(reserve_figures(base), reserve_figures(changed_day));
  if (!request.account.empty()) {
    out.account_lines = lines_of(account_figures(base, request.account),
                                 account_figures(changed_day, request.account));
  }
  return out;
}

}  // namespace cp::eod
