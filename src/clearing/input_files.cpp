#include "clearing/input_files.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "absl/container/flat_hash_set.h"
#include "clearing/csv_fields.h"
#include "core/assert.h"
#include "core/money.h"
#include "core/text_map.h"

namespace cp::clearing {

Result<std::vector<AccountRow>> parse_accounts(CsvReader& reader) {
  CP_RETURN_IF_ERROR(
      reader.require_columns({"account_id", "account_type", "money_kind", "a_share_online_rate",
                              "commission_rate", "commission_min_hkd"}));
  const size_t id_col = *reader.column("account_id");
  const size_t type_col = *reader.column("account_type");
  const size_t kind_col = *reader.column("money_kind");
  const size_t online_col = *reader.column("a_share_online_rate");
  const size_t rate_col = *reader.column("commission_rate");
  const size_t min_col = *reader.column("commission_min_hkd");
  std::vector<AccountRow> rows;
  std::set<std::string, std::less<>> seen;
  CsvRecord record;
  while (true) {
    CP_ASSIGN_OR_RETURN(bool more, reader.next(record));
    if (!more) break;
    AccountRow row;
    row.line = record.line();
    row.account.account_id = std::string(record[id_col]);
    if (row.account.account_id.empty())
      return reader.field_error(record, id_col, "account_id required");
    if (!seen.insert(row.account.account_id).second) {
      return reader.field_error(record, id_col,
                                "account " + row.account.account_id + " appears twice");
    }
    auto type = parse_account_type(record[type_col]);
    if (!type.ok()) {
      return reader.field_error(record, type_col,
                                "account_type must be individual, institution or proprietary");
    }
    row.account.account_type = *type;
    auto kind = parse_money_kind(record[kind_col]);
    if (!kind.ok()) return reader.field_error(record, kind_col, "money_kind must be client or own");
    row.account.money_kind = *kind;
    // SPEC CLR-17: the broker's own trading is own money; investors' is client money.
    if ((row.account.account_type == AccountType::kProprietary) !=
        (row.account.money_kind == MoneyKind::kOwn)) {
      return reader.field_error(record, kind_col,
                                "proprietary accounts hold own money and investors' accounts "
                                "client money (CLR-17)");
    }
    CP_ASSIGN_OR_RETURN(row.a_share_online_rate,
                        decimal_field(reader, record, online_col, 8, false));
    if (record[rate_col].empty()) {
      row.account.commission_rate = row.a_share_online_rate;  // SPEC CLR-5 default
    } else {
      CP_ASSIGN_OR_RETURN(row.account.commission_rate,
                          decimal_field(reader, record, rate_col, 8, false));
    }
    if (row.account.commission_rate > *Decimal::parse("0.01")) {
      return reader.field_error(record, record[rate_col].empty() ? online_col : rate_col,
                                "a commission rate above 1% is not plausible: is it a percentage?");
    }
    row.account.commission_min_hkd = Decimal::from_units(0, 2);
    if (!record[min_col].empty()) {
      CP_ASSIGN_OR_RETURN(row.account.commission_min_hkd,
                          decimal_field(reader, record, min_col, 2, false));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

Result<std::vector<ClosingPrice>> parse_prices(CsvReader& reader, const std::string& price_column) {
  CP_RETURN_IF_ERROR(reader.require_columns({"price_date", "security", price_column}));
  const size_t date_col = *reader.column("price_date");
  const size_t security_col = *reader.column("security");
  const size_t close_col = *reader.column(price_column);
  std::vector<ClosingPrice> rows;
  std::set<std::pair<Date, std::string>> seen;
  CsvRecord record;
  while (true) {
    CP_ASSIGN_OR_RETURN(bool more, reader.next(record));
    if (!more) break;
    ClosingPrice price;
    price.line = record.line();
    CP_ASSIGN_OR_RETURN(price.price_date, date_field(reader, record, date_col));
    price.security_code = std::string(record[security_col]);
    if (price.security_code.empty())
      return reader.field_error(record, security_col, "security required");
    CP_ASSIGN_OR_RETURN(price.close_hkd, decimal_field(reader, record, close_col, 3, true));
    if (!seen.insert({price.price_date, price.security_code}).second) {
      return reader.field_error(record, security_col, "price listed twice for this date");
    }
    rows.push_back(std::move(price));
  }
  return rows;
}

Result<std::vector<FxRates>> parse_fx(CsvReader& reader) {
  CP_RETURN_IF_ERROR(
      reader.require_columns({"rate_date", "channel", "reference_buy", "reference_sell",
                              "settlement_buy", "settlement_sell"}));
  const size_t date_col = *reader.column("rate_date");
  const size_t channel_col = *reader.column("channel");
  const size_t rb_col = *reader.column("reference_buy");
  const size_t rs_col = *reader.column("reference_sell");
  const size_t sb_col = *reader.column("settlement_buy");
  const size_t ss_col = *reader.column("settlement_sell");
  std::vector<FxRates> rows;
  std::set<std::pair<Date, Channel>> seen;
  CsvRecord record;
  while (true) {
    CP_ASSIGN_OR_RETURN(bool more, reader.next(record));
    if (!more) break;
    FxRates fx;
    fx.line = record.line();
    CP_ASSIGN_OR_RETURN(fx.rate_date, date_field(reader, record, date_col));
    CP_ASSIGN_OR_RETURN(fx.channel, channel_field(reader, record, channel_col));
    CP_ASSIGN_OR_RETURN(fx.reference_buy, decimal_field(reader, record, rb_col, 8, true));
    CP_ASSIGN_OR_RETURN(fx.reference_sell, decimal_field(reader, record, rs_col, 8, true));
    CP_ASSIGN_OR_RETURN(fx.settlement_buy, decimal_field(reader, record, sb_col, 8, true));
    CP_ASSIGN_OR_RETURN(fx.settlement_sell, decimal_field(reader, record, ss_col, 8, true));
    if (fx.reference_sell < fx.reference_buy) {
      return reader.field_error(record, rs_col, "reference sell rate is below the buy rate");
    }
    if (!seen.insert({fx.rate_date, fx.channel}).second) {
      return reader.field_error(record, channel_col,
                                "rates listed twice for this date and channel");
    }
    rows.push_back(std::move(fx));
  }
  return rows;
}

Result<void> check_reference_rates(const std::vector<FxRates>& rows,
                                   const refdata::ParameterTable& parameters,
                                   const std::string& file) {
  auto fail = [&](const FxRates& fx, const char* field, std::string message) {
    Error error = invalid_input(std::move(message), field);
    error.file = file;
    error.line = fx.line;
    return error;
  };
  std::map<Date, const FxRates*> first_of_date;
  for (const FxRates& fx : rows) {
    auto buffer = parameters.ratio("fx.reference_rate_buffer", fx.rate_date);
    if (!buffer.ok()) {
      return fail(fx, "rate_date",
                  "no fx.reference_rate_buffer in force on " + fx.rate_date.to_string() +
                      ": no Southbound reference rates that day");
    }
    // The decimals the rates are published to: trailing zeros (0.88570) add none.
    const int decimals =
        std::max(fx.reference_buy.normalized().scale(), fx.reference_sell.normalized().scale());
    const Decimal unit = Decimal::from_units(1, decimals);
    // Checked: the rates come from the file, up to 38 digits each (core/decimal.h).
    auto spread = checked_sub(fx.reference_sell, fx.reference_buy);
    auto sum = checked_add(fx.reference_sell, fx.reference_buy);
    auto buffered = sum.ok() ? checked_mul(*buffer, *sum) : sum;
    auto difference = spread.ok() && buffered.ok() ? checked_sub(*spread, *buffered) : spread;
    if (!sum.ok() || !buffered.ok() || !difference.ok()) {
      return fail(fx, "reference_sell",
                  "reference rates " + fx.reference_buy.to_string() + " / " +
                      fx.reference_sell.to_string() + " are out of range");
    }
    if (difference->abs() > unit) {
      const Decimal mid = (*sum * Decimal::from_units(5, 1)).round(decimals + 1, Rounding::kHalfUp);
      return fail(fx, "reference_sell",
                  "reference rates " + fx.reference_buy.to_string() + " / " +
                      fx.reference_sell.to_string() + " are not the mid " + mid.to_string() +
                      " ∓ " + (*buffer * Decimal::from_int(100)).normalized().to_string() +
                      "% (fx.reference_rate_buffer, SPEC CLR-15)");
    }
    const auto [first, added] = first_of_date.emplace(fx.rate_date, &fx);
    if (!added && (first->second->reference_buy != fx.reference_buy ||
                   first->second->reference_sell != fx.reference_sell)) {
      return fail(fx, "reference_buy",
                  "the reference rates of " + fx.rate_date.to_string() + " differ from line " +
                      std::to_string(first->second->line) +
                      "'s: one reference rate serves both channels (SPEC CLR-15)");
    }
  }
  return Ok{};
}

Result<std::vector<PositionRow>> parse_positions(CsvReader& reader) {
  CP_RETURN_IF_ERROR(
      reader.require_columns({"as_of", "account", "channel", "security", "quantity"}));
  const size_t date_col = *reader.column("as_of");
  const size_t account_col = *reader.column("account");
  const size_t channel_col = *reader.column("channel");
  const size_t security_col = *reader.column("security");
  const size_t quantity_col = *reader.column("quantity");
  std::vector<PositionRow> rows;
  std::set<std::tuple<Date, std::string, Channel, std::string>> seen;
  CsvRecord record;
  while (true) {
    CP_ASSIGN_OR_RETURN(bool more, reader.next(record));
    if (!more) break;
    PositionRow row;
    row.line = record.line();
    CP_ASSIGN_OR_RETURN(row.as_of, date_field(reader, record, date_col));
    row.account_id = std::string(record[account_col]);
    if (row.account_id.empty()) return reader.field_error(record, account_col, "account required");
    CP_ASSIGN_OR_RETURN(row.channel, channel_field(reader, record, channel_col));
    row.security_code = std::string(record[security_col]);
    if (row.security_code.empty())
      return reader.field_error(record, security_col, "security required");
    CP_ASSIGN_OR_RETURN(Decimal quantity, decimal_field(reader, record, quantity_col, 0, false));
    // A count of shares: no issuer has 10^12 (found by fuzz/import_fuzz: a 38-digit quantity
    // was cast to int64 and wrapped to a negative holding).
    if (quantity.units() > Int128(kSharesMax)) {
      return reader.field_error(record, quantity_col,
                                "quantity " + quantity.to_string() + " is more than " +
                                    std::to_string(kSharesMax) + " shares");
    }
    row.quantity = static_cast<int64_t>(quantity.units());
    if (!seen.insert({row.as_of, row.account_id, row.channel, row.security_code}).second) {
      return reader.field_error(record, security_col, "position listed twice");
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

Result<std::vector<ReserveBalance>> parse_reserves(CsvReader& reader) {
  CP_RETURN_IF_ERROR(reader.require_columns({"balance_date", "channel", "reserve", "balance_rmb"}));
  const size_t date_col = *reader.column("balance_date");
  const size_t channel_col = *reader.column("channel");
  const size_t reserve_col = *reader.column("reserve");
  const size_t balance_col = *reader.column("balance_rmb");
  std::vector<ReserveBalance> rows;
  std::set<std::tuple<Date, Channel, MoneyKind>> seen;
  CsvRecord record;
  while (true) {
    CP_ASSIGN_OR_RETURN(bool more, reader.next(record));
    if (!more) break;
    ReserveBalance row;
    row.line = record.line();
    CP_ASSIGN_OR_RETURN(row.balance_date, date_field(reader, record, date_col));
    CP_ASSIGN_OR_RETURN(row.channel, channel_field(reader, record, channel_col));
    auto reserve = parse_money_kind(record[reserve_col]);
    if (!reserve.ok()) {
      return reader.field_error(record, reserve_col, "reserve must be client or own");
    }
    row.reserve = *reserve;
    auto balance = Decimal::parse(record[balance_col], 2);  // may be negative: an overdraft
    if (!balance.ok()) return reader.field_error(record, balance_col, balance.error().message);
    row.balance_rmb = *balance;
    if (!seen.insert({row.balance_date, row.channel, row.reserve}).second) {
      return reader.field_error(record, reserve_col, "balance listed twice");
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

Result<std::vector<BankBalance>> parse_bank(CsvReader& reader) {
  CP_RETURN_IF_ERROR(reader.require_columns({"balance_date", "reserve", "balance_rmb"}));
  const size_t date_col = *reader.column("balance_date");
  const size_t reserve_col = *reader.column("reserve");
  const size_t balance_col = *reader.column("balance_rmb");
  std::vector<BankBalance> rows;
  std::set<std::pair<Date, MoneyKind>> seen;
  CsvRecord record;
  while (true) {
    CP_ASSIGN_OR_RETURN(bool more, reader.next(record));
    if (!more) break;
    BankBalance row;
    row.line = record.line();
    CP_ASSIGN_OR_RETURN(row.balance_date, date_field(reader, record, date_col));
    auto reserve = parse_money_kind(record[reserve_col]);
    if (!reserve.ok()) {
      return reader.field_error(record, reserve_col, "reserve must be client or own");
    }
    row.reserve = *reserve;
    auto balance = Decimal::parse(record[balance_col], 2);
    if (!balance.ok()) return reader.field_error(record, balance_col, balance.error().message);
    row.balance_rmb = *balance;
    if (!seen.insert({row.balance_date, row.reserve}).second) {
      return reader.field_error(record, reserve_col, "balance listed twice");
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

Result<std::vector<CashRow>> parse_cash(CsvReader& reader) {
  CP_RETURN_IF_ERROR(reader.require_columns({"as_of", "account", "currency", "amount"}));
  const size_t date_col = *reader.column("as_of");
  const size_t account_col = *reader.column("account");
  const size_t currency_col = *reader.column("currency");
  const size_t amount_col = *reader.column("amount");
  std::vector<CashRow> rows;
  CsvRecord record;
  while (true) {
    CP_ASSIGN_OR_RETURN(bool more, reader.next(record));
    if (!more) break;
    CashRow row;
    row.line = record.line();
    CP_ASSIGN_OR_RETURN(row.as_of, date_field(reader, record, date_col));
    row.account_id = std::string(record[account_col]);
    if (row.account_id.empty()) return reader.field_error(record, account_col, "account required");
    auto currency = parse_currency(record[currency_col]);
    if (!currency.ok()) return reader.field_error(record, currency_col, currency.error().message);
    row.currency = std::string(currency_code(*currency));
    auto amount = Money::parse(record[amount_col], *currency);
    if (!amount.ok()) return reader.field_error(record, amount_col, amount.error().message);
    row.amount = amount->amount();
    rows.push_back(std::move(row));
  }
  return rows;
}

Result<std::vector<ReserveCheck>> parse_reserve_checks(CsvReader& reader) {
  CP_RETURN_IF_ERROR(
      reader.require_columns({"check_date", "channel", "reserve", "batch", "balance_rmb"}));
  const size_t date_col = *reader.column("check_date");
  const size_t channel_col = *reader.column("channel");
  const size_t reserve_col = *reader.column("reserve");
  const size_t batch_col = *reader.column("batch");
  const size_t balance_col = *reader.column("balance_rmb");
  std::vector<ReserveCheck> rows;
  CsvRecord record;
  while (true) {
    CP_ASSIGN_OR_RETURN(bool more, reader.next(record));
    if (!more) break;
    ReserveCheck row;
    row.line = record.line();
    CP_ASSIGN_OR_RETURN(row.check_date, date_field(reader, record, date_col));
    CP_ASSIGN_OR_RETURN(row.channel, channel_field(reader, record, channel_col));
    auto reserve = parse_money_kind(record[reserve_col]);
    if (!reserve.ok()) {
      return reader.field_error(record, reserve_col, "reserve must be client or own");
    }
    row.reserve = *reserve;
    row.batch = std::string(record[batch_col]);
    if (row.batch != "10:30" && row.batch != "18:00") {
      return reader.field_error(record, batch_col, "batch must be 10:30 or 18:00");
    }
    auto balance = Decimal::parse(record[balance_col], 2);
    if (!balance.ok()) return reader.field_error(record, balance_col, balance.error().message);
    row.balance_rmb = *balance;
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace cp::clearing
