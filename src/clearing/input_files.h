// The end-of-day input files (issue 4), parsed and checked whole before anything is stored:
// a bad row is an error naming file, line, column and field.
//
// accounts.csv   := account_id,account_type,money_kind,a_share_online_rate,commission_rate,
//                   commission_min_hkd
//   account_type  individual | institution | proprietary
//   money_kind    client | own (SPEC CLR-17; proprietary accounts are own money)
//   a_share_online_rate  the investor's Shanghai A-share online net commission rate (ratio)
//   commission_rate      optional: the Southbound rate agreed as a separate product; empty = the
//                        A-share online rate (SPEC CLR-5)
//   commission_min_hkd   optional minimum per execution, HKD; empty = none
// executions.csv := trade_id,trade_date,channel,account,security,side,quantity,price
//   price HKD on the tick of the spread table of trade_date; quantity whole shares
// prices.csv     := price_date,security,close_hkd
// fx.csv         := rate_date,channel,reference_buy,reference_sell,settlement_buy,settlement_sell
//   RMB per HKD, positive, reference buy ≤ reference sell
// positions.csv  := as_of,account,channel,security,quantity   shares held at the end of as_of
// cash.csv       := as_of,account,currency,amount     the investor's cash with the broker at the
//                   end of as_of (RMB: currency CNY)
// reserve_checks.csv := check_date,channel,reserve,batch,balance_rmb   batch: 10:30 | 18:00; the
//                   reserve account's balance after CSDC's batch (negative: short, CLR-16)
// reserves.csv   := balance_date,channel,reserve,balance_rmb   reserve: client | own; the CSDC
//                   reserve account's (结算备付金) balance at the end of balance_date
#pragma once

#include <string>
#include <vector>

#include "clearing/execution.h"
#include "clearing/execution_file.h"
#include "clearing/execution_table.h"
#include "core/csv.h"
#include "refdata/parameters.h"
#include "refdata/securities.h"
#include "refdata/spread_table.h"

namespace cp::clearing {

struct AccountRow {
  Account account;
  Decimal a_share_online_rate;
  int64_t line = 0;
};

struct ClosingPrice {
  Date price_date;
  std::string security_code;
  Decimal close_hkd;
  int64_t line = 0;
};

struct FxRates {
  Date rate_date;
  Channel channel = Channel::kShanghai;
  Decimal reference_buy;
  Decimal reference_sell;
  Decimal settlement_buy;
  Decimal settlement_sell;
  int64_t line = 0;
};

struct PositionRow {
  Date as_of;
  std::string account_id;
  Channel channel = Channel::kShanghai;
  std::string security_code;
  int64_t quantity = 0;
  int64_t line = 0;
};

struct ReserveBalance {
  Date balance_date;
  Channel channel = Channel::kShanghai;
  MoneyKind reserve = MoneyKind::kClient;
  Decimal balance_rmb;
  int64_t line = 0;
};

// The broker's RMB deposit at its designated bank at the end of a date: the client-funds
// account (客户资金) or the own-funds account, never mixed (SPEC CLR-17).
struct BankBalance {
  Date balance_date;
  MoneyKind reserve = MoneyKind::kClient;
  Decimal balance_rmb;
  int64_t line = 0;
};

struct CashRow {
  Date as_of;
  std::string account_id;
  std::string currency;
  Decimal amount;
  int64_t line = 0;
};

struct ReserveCheck {
  Date check_date;
  Channel channel = Channel::kShanghai;
  MoneyKind reserve = MoneyKind::kClient;
  std::string batch;  // "10:30" | "18:00"
  Decimal balance_rmb;
  int64_t line = 0;
};

Result<std::vector<AccountRow>> parse_accounts(CsvReader& reader);
Result<std::vector<CashRow>> parse_cash(CsvReader& reader);
Result<std::vector<ReserveCheck>> parse_reserve_checks(CsvReader& reader);
// `price_column`: close_hkd for prices.csv; intraday_prices.csv (issue 16) names it price_hkd.
Result<std::vector<ClosingPrice>> parse_prices(CsvReader& reader,
                                               const std::string& price_column = "close_hkd");
Result<std::vector<FxRates>> parse_fx(CsvReader& reader);
// SPEC CLR-15: the day's reference rates are the offshore mid ∓ fx.reference_rate_buffer
// (research/domain-facts.md §6.3), published once for both channels. Refuses, naming the row and
// field, a pair whose spread is not the buffer — (sell − buy) − buffer × (sell + buy) within one
// unit of the rates' last decimal, which is what rounding each rate to that decimal can move it
// (docs/trading.md) — and a date whose sh and sz reference rates differ. A date with no buffer in
// force is refused too: the rates of a day before Southbound mean nothing.
Result<void> check_reference_rates(const std::vector<FxRates>& rows,
                                   const refdata::ParameterTable& parameters,
                                   const std::string& file);
Result<std::vector<PositionRow>> parse_positions(CsvReader& reader);
Result<std::vector<ReserveBalance>> parse_reserves(CsvReader& reader);
// bank.csv := header "balance_date,reserve,balance_rmb", then one row per date and money kind.
Result<std::vector<BankBalance>> parse_bank(CsvReader& reader);

}  // namespace cp::clearing
