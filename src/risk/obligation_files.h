// The files that feed the money obligations (issue 16; docs/formats.md):
//
// guarantee_fund.csv := as_of,participant,contribution_hkd,expected_loss_hkd,fund_at_limit
//   contribution_hkd   the contribution a Guarantee Fund review asks of the participant on as_of
//                      (CCMDF02); empty on other days
//   expected_loss_hkd  the participant's expected uncollateralised loss (RMADF01 "Daily EUL")
//   fund_at_limit      true when the fund has reached its limit (the trigger of MO-4)
// payments.csv := payment_id,obligation_id,amount_hkd,received_at[,method]
//   payment_id    the bank's or CHATS reference, unique
//   obligation_id as `connectpost obligations` shows it (participant:date:kind)
//   amount_hkd    positive, at most two decimals
//   received_at   YYYY-MM-DD HH:MM, Hong Kong time: when the money reached HKSCC's account
//   method        direct_debit (the default when the column is absent or empty), chats or others:
//                 how it was paid, which decides a prepayment's cut-off (prepayment.h)
// intraday_prices.csv := price_date,security,price_hkd
//   the prices of the 11:00 marks run (G14 §4.8), positive, at most three decimals; a date and
//   security once
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "clearing/input_files.h"
#include "core/csv.h"
#include "core/date.h"
#include "core/decimal.h"
#include "risk/prepayment.h"

namespace cp::risk {

struct GuaranteeFundRow {
  Date as_of;
  std::string participant;
  std::optional<Decimal> contribution_hkd;
  Decimal expected_loss_hkd;
  bool fund_at_limit = false;
  int64_t line = 0;
};

struct PaymentRow {
  std::string payment_id;
  std::string obligation_id;
  Decimal amount_hkd;
  std::string received_at_utc;  // ISO 8601, Z
  PaymentMethod method = PaymentMethod::kDirectDebit;
  int64_t line = 0;
};

Result<std::vector<GuaranteeFundRow>> parse_guarantee_fund(CsvReader& reader);
// The prices.csv reader with the column price_hkd, then each code checked: five digits.
Result<std::vector<clearing::ClosingPrice>> parse_intraday_prices(CsvReader& reader);
Result<std::vector<PaymentRow>> parse_payments(CsvReader& reader);

}  // namespace cp::risk
