// The corporate-action files of issue 17 (src/corpactions): ca_events.csv, ca_payments.csv and
// non_trade_transfers.csv.
//
// Input: the first byte picks the file (modulo 3: ca_events.csv, ca_payments.csv,
// non_trade_transfers.csv); the rest is the CSV text. Events are checked against the reference data
// of data/ (CONNECTPOST_DATA_DIR overrides).
//
// Properties: no crash and no exception; a refusal names the file; a successful parse yields no
// more rows than the file has records, each event valid by itself (validate()), offered on its
// date, with a unique id and a canonical text that names it; a payment's rate is positive.
// Events that parse are then entitled on a holding: whole securities never exceed holding ×
// new ÷ old, the fraction is below one, the odd lot below the board lot, and cash is holding ×
// rate exactly. A non-trade transfer moves its shares out of one account into another (the
// movements add up to zero) or, pledged, moves none; its fees are never negative.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "corpactions/csdc_payment.h"
#include "corpactions/entitlement.h"
#include "corpactions/event_file.h"
#include "corpactions/non_trade_transfer.h"
#include "corpactions/offered.h"
#include "fuzz_check.h"
#include "fuzz_refdata.h"
#include "refdata/refdata.h"

namespace {

using namespace cp;

void check_entitled(const corpactions::CorporateAction& action) {
  using corpactions::ActionType;
  if (action.type == ActionType::kIpoSubscription ||
      action.type == ActionType::kExcessApplication ||
      action.type == ActionType::kWarrantExercise) {
    return;  // refused by check_offered, never entitled
  }
  constexpr int64_t kHolding = 1'000'003;
  constexpr int64_t kLot = 400;
  const std::vector<corpactions::Holder> holders{
      {Channel::kShanghai, "A", AccountType::kIndividual, kHolding}};
  const auto got = corpactions::entitlements(action, holders, kLot);
  CP_FUZZ_CHECK(got.size() == 1, "one entitlement per holder");
  const auto& e = got[0];
  CP_FUZZ_CHECK(e.holding == kHolding, "the holding is kept");
  CP_FUZZ_CHECK(e.securities >= 0 && e.odd_lot >= 0 && e.odd_lot < kLot,
                "whole lots and an odd lot");
  if (action.ratio) {
    const Int128 exact = static_cast<Int128>(kHolding) * action.ratio->new_units;
    CP_FUZZ_CHECK(
        static_cast<Int128>(e.securities) * action.ratio->old_units + e.fraction_numerator == exact,
        "whole and fraction make holding × new ÷ old");
    CP_FUZZ_CHECK(e.fraction_numerator >= 0 && e.fraction_numerator < action.ratio->old_units,
                  "a fraction below one");
  }
  if (action.rate) {
    CP_FUZZ_CHECK(e.cash_ccy == *action.rate * Decimal::from_int(kHolding),
                  "cash = holding × rate");
  }
}

void fuzz_one(const uint8_t* data, size_t size) {
  if (size == 0) return;
  const int kind = data[0] % 3;
  const bool events = kind == 0;
  const std::string name = kind == 0   ? "ca_events.csv"
                           : kind == 1 ? "ca_payments.csv"
                                       : "non_trade_transfers.csv";
  const std::string text(fuzz::as_text(data + 1, size - 1));
  const int64_t records = fuzz::count_csv_records(name, text);
  auto opened = CsvReader::from_string(name, text);
  if (!opened.ok()) return;
  CsvReader reader = std::move(opened).value();
  const auto named = [&](const Error& error) {
    CP_FUZZ_CHECK(error.file == name || error.to_string().find(name) != std::string::npos,
                  "a refusal names the file");
  };
  if (events) {
    auto rows = corpactions::read_event_file(reader, fuzz::shipped_refdata());
    if (!rows.ok()) return named(rows.error());
    CP_FUZZ_CHECK(records >= 0 && static_cast<int64_t>(rows->size()) <= records,
                  "no more events than records");
    std::set<std::string> ids;
    for (const auto& action : *rows) {
      CP_FUZZ_CHECK(corpactions::validate(action).ok(), "a parsed event is valid");
      CP_FUZZ_CHECK(corpactions::check_offered(action, fuzz::shipped_refdata().parameters).ok(),
                    "a parsed event is offered");
      CP_FUZZ_CHECK(ids.insert(action.event_id).second, "event ids are unique");
      CP_FUZZ_CHECK(corpactions::canonical_text(action).rfind(action.event_id + ",", 0) == 0,
                    "the canonical text starts with the id");
      check_entitled(action);
    }
    return;
  }
  if (kind == 2) {
    auto transfers = corpactions::read_non_trade_transfer_file(reader);
    if (!transfers.ok()) return named(transfers.error());
    CP_FUZZ_CHECK(records >= 0 && static_cast<int64_t>(transfers->size()) <= records,
                  "no more transfers than records");
    for (const auto& t : *transfers) {
      int64_t net = 0;
      for (const auto& m : corpactions::share_movements(t)) net += m.quantity;
      CP_FUZZ_CHECK(net == 0, "a transfer's movements add up to zero");
      CP_FUZZ_CHECK(!t.transfer_fee_rmb.is_negative() && !t.stamp_duty_rmb.is_negative(),
                    "fees are never negative");
    }
    return;
  }
  auto rows = corpactions::read_payment_file(reader);
  if (!rows.ok()) return named(rows.error());
  CP_FUZZ_CHECK(records >= 0 && static_cast<int64_t>(rows->size()) <= records,
                "no more payments than records");
  for (const auto& row : *rows) CP_FUZZ_CHECK(row.rmb_per_unit.sign() > 0, "a rate is positive");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz_one(data, size);
  return 0;
}
