// The end-of-day import grammars of src/clearing/input_files.h.
//
// Input: the first byte picks the file kind (modulo 9, in this order: accounts, cash,
// reserve_checks, executions, prices, fx, positions, reserves, bank); the rest is the CSV text.
// Executions are checked against the reference data in data/ (CONNECTPOST_DATA_DIR overrides),
// loaded once with refdata::load_refdata as `connectpost import executions` does.
//
// Properties: no crash and no exception; an error names the file and a line (every error comes
// from the CsvReader); a successful parse yields no more rows than the file has records, on
// increasing lines after the header; each row satisfies what input_files.h documents for its
// kind (enumerations, signs, decimals, uniqueness, rates ordered); fx rates that parse then go
// through check_reference_rates, which refuses with the file and a row and never throws.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "clearing/input_files.h"
#include "core/currency.h"
#include "core/date.h"
#include "core/decimal.h"
#include "fuzz_check.h"
#include "fuzz_refdata.h"
#include "refdata/refdata.h"

namespace {

using namespace cp;
using namespace cp::clearing;

constexpr const char* kNames[] = {"accounts.csv",   "cash.csv",     "reserve_checks.csv",
                                  "executions.csv", "prices.csv",   "fx.csv",
                                  "positions.csv",  "reserves.csv", "bank.csv"};
constexpr size_t kKinds = sizeof(kNames) / sizeof(kNames[0]);

void check_parsed_date(const Date& date) {
  CP_FUZZ_CHECK(date.year() >= 1900 && date.year() <= 2999, "dates are in 1900..2999");
  auto back = Date::parse(date.to_string());
  CP_FUZZ_CHECK(back.ok() && *back == date, "a parsed date round-trips");
}

bool is_positive(const Decimal& value) {
  return value.sign() > 0;
}

// What every kind shares: as many rows as records at most, lines after the header, increasing.
template <typename Row>
void check_rows(const std::vector<Row>& rows, int64_t records) {
  CP_FUZZ_CHECK(records >= 0, "a file that parsed reads as CSV");
  CP_FUZZ_CHECK(static_cast<int64_t>(rows.size()) <= records, "no more rows than records");
  int64_t last_line = 1;
  for (const Row& row : rows) {
    CP_FUZZ_CHECK(row.line > last_line, "rows are on increasing lines after the header");
    last_line = row.line;
  }
}

// An executions file is its table and each row's line.
void check_rows(const ExecutionFile& rows, int64_t records) {
  CP_FUZZ_CHECK(records >= 0, "a file that parsed reads as CSV");
  CP_FUZZ_CHECK(static_cast<int64_t>(rows.size()) <= records, "no more rows than records");
  CP_FUZZ_CHECK(rows.lines.size() == rows.table.size(), "every row has its line");
  int64_t last_line = 1;
  for (const int64_t line : rows.lines) {
    CP_FUZZ_CHECK(line > last_line, "rows are on increasing lines after the header");
    last_line = line;
  }
}

void check_rows_of(const std::vector<AccountRow>& rows) {
  std::set<std::string> ids;
  const Decimal one_percent = Decimal::from_units(1, 2);
  for (const AccountRow& row : rows) {
    const Account& a = row.account;
    CP_FUZZ_CHECK(!a.account_id.empty() && ids.insert(a.account_id).second,
                  "account ids are non-empty and unique");
    CP_FUZZ_CHECK(a.account_type == AccountType::kIndividual ||
                      a.account_type == AccountType::kInstitution ||
                      a.account_type == AccountType::kProprietary,
                  "account_type is one of three");
    CP_FUZZ_CHECK(a.money_kind == MoneyKind::kClient || a.money_kind == MoneyKind::kOwn,
                  "money_kind is one of two");
    CP_FUZZ_CHECK(
        (a.account_type == AccountType::kProprietary) == (a.money_kind == MoneyKind::kOwn),
        "proprietary accounts hold own money (CLR-17)");
    CP_FUZZ_CHECK(!row.a_share_online_rate.is_negative() && row.a_share_online_rate.scale() <= 8,
                  "the A-share rate is a non-negative ratio of at most 8 decimals");
    CP_FUZZ_CHECK(!a.commission_rate.is_negative() && a.commission_rate.scale() <= 8 &&
                      a.commission_rate <= one_percent,
                  "the commission rate is in 0..1%");
    CP_FUZZ_CHECK(!a.commission_min_hkd.is_negative() && a.commission_min_hkd.scale() <= 2,
                  "the minimum commission is a non-negative HKD amount");
  }
}

void check_rows_of(const std::vector<CashRow>& rows) {
  for (const CashRow& row : rows) {
    check_parsed_date(row.as_of);
    CP_FUZZ_CHECK(!row.account_id.empty(), "cash rows name an account");
    auto currency = parse_currency(row.currency);
    CP_FUZZ_CHECK(currency.ok() && currency_code(*currency) == row.currency,
                  "cash rows keep an ISO 4217 code");
    CP_FUZZ_CHECK(row.amount.scale() <= minor_units(*currency),
                  "a cash amount has at most its currency's minor units");
  }
}

void check_reserve_name(MoneyKind reserve) {
  CP_FUZZ_CHECK(reserve == MoneyKind::kClient || reserve == MoneyKind::kOwn,
                "reserve is client or own");
}

void check_rows_of(const std::vector<ReserveCheck>& rows) {
  for (const ReserveCheck& row : rows) {
    check_parsed_date(row.check_date);
    check_reserve_name(row.reserve);
    CP_FUZZ_CHECK(row.batch == "10:30" || row.batch == "18:00", "batch is 10:30 or 18:00");
    CP_FUZZ_CHECK(row.balance_rmb.scale() <= 2, "an RMB balance has at most 2 decimals");
  }
}

void check_rows_of(const ExecutionFile& rows) {
  const refdata::RefData& data = fuzz::shipped_refdata();
  std::set<std::string> ids;
  for (const ExecutionRef ref : rows.table) {
    const Execution e = ref.to_execution();
    CP_FUZZ_CHECK(!e.trade_id.empty() && ids.insert(e.trade_id).second,
                  "trade ids are non-empty and unique");
    check_parsed_date(e.trade_date);
    CP_FUZZ_CHECK(!e.account_id.empty(), "an execution names an account");
    CP_FUZZ_CHECK(data.securities.on(e.security_code, e.trade_date).ok(),
                  "an execution's security is listed on its trade date");
    CP_FUZZ_CHECK(e.quantity > 0 && e.quantity <= 1'000'000'000'000,
                  "an execution's quantity is positive and plausible");
    CP_FUZZ_CHECK(is_positive(e.price_hkd) && e.price_hkd.scale() <= 3,
                  "an execution's price is positive with at most 3 decimals");
    // "price × quantity in HKD, exact" (execution.h): must not overflow for an accepted row.
    const Decimal consideration = e.consideration_hkd();
    CP_FUZZ_CHECK(is_positive(consideration), "an execution's consideration is positive");
  }
}

void check_rows_of(const std::vector<ClosingPrice>& rows) {
  std::set<std::pair<Date, std::string>> seen;
  for (const ClosingPrice& row : rows) {
    check_parsed_date(row.price_date);
    CP_FUZZ_CHECK(!row.security_code.empty(), "a price names a security");
    CP_FUZZ_CHECK(is_positive(row.close_hkd) && row.close_hkd.scale() <= 3,
                  "a closing price is positive with at most 3 decimals");
    CP_FUZZ_CHECK(seen.insert({row.price_date, row.security_code}).second,
                  "one price per date and security");
  }
}

void check_rows_of(const std::vector<FxRates>& rows) {
  std::set<std::pair<Date, Channel>> seen;
  for (const FxRates& row : rows) {
    check_parsed_date(row.rate_date);
    for (const Decimal* rate :
         {&row.reference_buy, &row.reference_sell, &row.settlement_buy, &row.settlement_sell}) {
      CP_FUZZ_CHECK(is_positive(*rate) && rate->scale() <= 8,
                    "FX rates are positive with at most 8 decimals");
    }
    CP_FUZZ_CHECK(row.reference_buy <= row.reference_sell, "reference buy ≤ reference sell");
    CP_FUZZ_CHECK(seen.insert({row.rate_date, row.channel}).second,
                  "one set of rates per date and channel");
  }
}

void check_rows_of(const std::vector<PositionRow>& rows) {
  std::set<std::tuple<Date, std::string, Channel, std::string>> seen;
  for (const PositionRow& row : rows) {
    check_parsed_date(row.as_of);
    CP_FUZZ_CHECK(!row.account_id.empty() && !row.security_code.empty(),
                  "a position names an account and a security");
    // Once a 38-digit quantity was narrowed to int64 and read negative (fixed: at most 10^12).
    CP_FUZZ_CHECK(row.quantity >= 0 && row.quantity <= 1'000'000'000'000,
                  "a position's quantity is a count of shares");
    CP_FUZZ_CHECK(seen.insert({row.as_of, row.account_id, row.channel, row.security_code}).second,
                  "one position per date, account, channel and security");
  }
}

void check_rows_of(const std::vector<ReserveBalance>& rows) {
  std::set<std::tuple<Date, Channel, MoneyKind>> seen;
  for (const ReserveBalance& row : rows) {
    check_parsed_date(row.balance_date);
    check_reserve_name(row.reserve);
    CP_FUZZ_CHECK(row.balance_rmb.scale() <= 2, "an RMB balance has at most 2 decimals");
    CP_FUZZ_CHECK(seen.insert({row.balance_date, row.channel, row.reserve}).second,
                  "one balance per date, channel and reserve");
  }
}

void check_rows_of(const std::vector<BankBalance>& rows) {
  std::set<std::pair<Date, MoneyKind>> seen;
  for (const BankBalance& row : rows) {
    check_parsed_date(row.balance_date);
    check_reserve_name(row.reserve);
    CP_FUZZ_CHECK(row.balance_rmb.scale() <= 2, "an RMB balance has at most 2 decimals");
    CP_FUZZ_CHECK(seen.insert({row.balance_date, row.reserve}).second,
                  "one balance per date and money kind");
  }
}

template <typename Rows>
void check_result(const Result<Rows>& result, const std::string& name, const std::string& text) {
  if (!result.ok()) {
    const Error& error = result.error();
    CP_FUZZ_CHECK(error.file == name, "an import error names the file");
    CP_FUZZ_CHECK(error.line >= 1, "an import error names a line");
    CP_FUZZ_CHECK(!error.message.empty(), "an import error says what is wrong");
    return;
  }
  check_rows(*result, cp::fuzz::count_csv_records(name, text));
  check_rows_of(*result);
}

void fuzz_one(const uint8_t* data, size_t size) {
  if (size == 0) return;
  const size_t kind = data[0] % kKinds;
  const std::string name = kNames[kind];
  const std::string text(fuzz::as_text(data + 1, size - 1));
  auto opened = CsvReader::from_string(name, text);
  if (!opened.ok()) return;
  CsvReader reader = std::move(opened).value();
  switch (kind) {
    case 0:
      check_result(parse_accounts(reader), name, text);
      break;
    case 1:
      check_result(parse_cash(reader), name, text);
      break;
    case 2:
      check_result(parse_reserve_checks(reader), name, text);
      break;
    case 3: {
      const refdata::RefData& ref = fuzz::shipped_refdata();
      check_result(parse_executions(reader, ref.securities, ref.spread_table), name, text);
      break;
    }
    case 4:
      check_result(parse_prices(reader), name, text);
      break;
    case 5: {
      auto rows = parse_fx(reader);
      check_result(rows, name, text);
      if (!rows.ok()) break;
      // The reference rates against fx.reference_rate_buffer (SPEC CLR-15), as `import fx`
      // checks them: a refusal names the file and a row, and nothing throws.
      auto checked = check_reference_rates(*rows, fuzz::shipped_refdata().parameters, name);
      if (!checked.ok()) {
        CP_FUZZ_CHECK(checked.error().file == name && checked.error().line >= 2,
                      "a refused rate names the file and its row");
      }
      break;
    }
    case 6:
      check_result(parse_positions(reader), name, text);
      break;
    case 7:
      check_result(parse_reserves(reader), name, text);
      break;
    default:
      check_result(parse_bank(reader), name, text);
      break;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz_one(data, size);
  return 0;
}
