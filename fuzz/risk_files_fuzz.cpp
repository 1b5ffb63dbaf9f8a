// The input grammars of issue 16 (src/risk): cns_positions.csv, risk_instruments.csv,
// money_obligations.csv, guarantee_fund.csv, payments.csv, intraday_prices.csv.
//
// Input: the first byte picks the file (modulo 6, in that order); the rest is the CSV text.
// Positions are checked against the securities master of data/ (CONNECTPOST_DATA_DIR overrides).
//
// Properties: no crash and no exception; a refusal names the file; a successful parse yields no
// more rows than the file has records, on increasing lines after the header, each as the
// grammar says (signs, collateral sides, settlement on or after as_of, amounts positive, times
// in UTC). Positions that parse are then prepared for margin per participant and date: the
// prepared quantities add up to the rows' quantities less what collateral covered, and no
// covered amount exceeds its position.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "fuzz_check.h"
#include "fuzz_refdata.h"
#include "refdata/refdata.h"
#include "risk/cns_positions.h"
#include "risk/money_obligations.h"
#include "risk/obligation_files.h"
#include "risk/risk_instruments.h"

namespace {

using namespace cp;

constexpr const char* kNames[] = {"cns_positions.csv",     "risk_instruments.csv",
                                  "money_obligations.csv", "guarantee_fund.csv",
                                  "payments.csv",          "intraday_prices.csv"};

template <typename Row>
void check_lines(const std::vector<Row>& rows, int64_t records) {
  CP_FUZZ_CHECK(records >= 0, "a file that parsed reads as CSV");
  CP_FUZZ_CHECK(static_cast<int64_t>(rows.size()) <= records, "no more rows than records");
  int64_t last = 1;
  for (const Row& row : rows) {
    CP_FUZZ_CHECK(row.line > last, "rows are on increasing lines after the header");
    last = row.line;
  }
}

void check_positions(const std::vector<risk::CnsPosition>& rows) {
  std::map<std::pair<Date, std::string>, std::vector<risk::CnsPosition>> statements;
  for (const auto& row : rows) {
    CP_FUZZ_CHECK(row.quantity != 0, "a position has shares");
    CP_FUZZ_CHECK(row.contract_value_hkd.is_zero() ||
                      row.contract_value_hkd.sign() == (row.quantity > 0 ? 1 : -1),
                  "the contract value has the quantity's sign");
    CP_FUZZ_CHECK(row.settlement_date >= row.as_of, "settlement on or after as_of");
    CP_FUZZ_CHECK(row.ssc_quantity >= 0 && (row.ssc_quantity == 0 || row.quantity < 0),
                  "stock collateral covers shorts");
    CP_FUZZ_CHECK(
        !row.scc_amount_hkd.is_negative() && (row.scc_amount_hkd.is_zero() || row.quantity > 0),
        "cash collateral covers longs");
    statements[{row.as_of, row.participant}].push_back(row);
  }
  for (const auto& [key, statement] : statements) {
    int64_t shorts_left = 0;
    int64_t longs = 0;
    for (const auto& row : statement) {
      if (row.quantity < 0) {
        const bool covered = row.as_of < row.settlement_date;
        shorts_left += row.quantity + (covered ? std::min(row.ssc_quantity, -row.quantity) : 0);
      } else {
        longs += row.quantity;
      }
    }
    int64_t prepared = 0;
    for (const auto& position : risk::prepare_positions(statement)) {
      prepared += position.quantity;
      CP_FUZZ_CHECK(position.ssc_covered >= 0, "cover is never negative");
    }
    // Cash cover only lowers a long (rounded up), so the prepared total lies between the shorts
    // left alone and the shorts left with every long.
    CP_FUZZ_CHECK(prepared <= shorts_left + longs, "cover never adds shares");
    CP_FUZZ_CHECK(prepared >= shorts_left, "a long never turns short");
  }
}

void fuzz_one(const uint8_t* data, size_t size) {
  auto selected = fuzz::select_csv(data, size, kNames);
  if (!selected) return;
  auto& [kind, name, records, reader] = *selected;
  const auto named = [&](const Error& error) { selected->check_named(error); };
  switch (kind) {
    case 0: {
      auto rows = risk::parse_cns_positions(reader, fuzz::shipped_refdata().securities);
      if (!rows.ok()) return named(rows.error());
      check_lines(*rows, records);
      check_positions(*rows);
      break;
    }
    case 1: {
      auto table = risk::RiskInstrumentTable::parse(reader);
      if (!table.ok()) return named(table.error());
      for (const auto& entry : table->table().entries()) {
        if (entry.row.lra) {
          CP_FUZZ_CHECK(
              !entry.row.lra->rate.is_negative() && entry.row.lra->rate < Decimal::from_int(1),
              "a bucket rate in [0, 1)");
        }
      }
      break;
    }
    case 2: {
      auto schedule = risk::ObligationSchedule::parse(reader);
      if (!schedule.ok()) return named(schedule.error());
      break;
    }
    case 3: {
      auto rows = risk::parse_guarantee_fund(reader);
      if (!rows.ok()) return named(rows.error());
      check_lines(*rows, records);
      for (const auto& row : *rows) {
        CP_FUZZ_CHECK(!row.expected_loss_hkd.is_negative(), "a loss is not negative");
      }
      break;
    }
    case 5: {
      auto rows = risk::parse_intraday_prices(reader);
      if (!rows.ok()) return named(rows.error());
      check_lines(*rows, records);
      for (const auto& row : *rows) CP_FUZZ_CHECK(row.close_hkd.sign() > 0, "a price is positive");
      break;
    }
    default: {
      auto rows = risk::parse_payments(reader);
      if (!rows.ok()) return named(rows.error());
      check_lines(*rows, records);
      for (const auto& row : *rows) {
        CP_FUZZ_CHECK(row.amount_hkd.sign() > 0, "a payment is positive");
        CP_FUZZ_CHECK(!row.received_at_utc.empty() && row.received_at_utc.back() == 'Z',
                      "received_at is a UTC instant");
      }
      break;
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz_one(data, size);
  return 0;
}
