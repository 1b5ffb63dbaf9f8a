// The fees and taxes charged on a Southbound execution, as dated data with sources
// (SPEC CLR-4; research/domain-facts.md §1).
//
// fees.csv := code,effective_from,effective_to,basis,rate,amount_hkd,rounding,scale,min_hkd,
//             max_hkd,etf,source
//   code      stamp_duty | trading_fee | sfc_levy | afrc_levy | trading_tariff | settlement_fee
//   basis     rate (rate × consideration) | per_trade (amount_hkd per execution)
//   rounding  half_up | half_even | ceiling | floor | away_from_zero | toward_zero, at `scale`
//             decimals (stamp duty: ceiling at 0, "rounded up to the whole dollar")
//   min_hkd / max_hkd  applied after rounding, where in force (settlement fee before 2025-06-30)
//   etf       applies | exempt (stamp duty is waived on ETFs)
// A code's rows may not overlap in time; a code with no row in force on a date charges 0.00.
#pragma once

#include <array>
#include <filesystem>
#include <optional>

#include "core/decimal.h"
#include "refdata/dated.h"

namespace cp::refdata {

enum class FeeCode { kStampDuty, kTradingFee, kSfcLevy, kAfrcLevy, kTradingTariff, kSettlementFee };
inline constexpr std::array<FeeCode, 6> kFeeCodes = {
    FeeCode::kStampDuty, FeeCode::kTradingFee,    FeeCode::kSfcLevy,
    FeeCode::kAfrcLevy,  FeeCode::kTradingTariff, FeeCode::kSettlementFee};
const char* fee_code_name(FeeCode code);
Result<FeeCode> parse_fee_code(std::string_view name);

struct FeeRule {
  FeeCode code = FeeCode::kStampDuty;
  bool per_trade = false;
  Decimal rate;        // of consideration, when !per_trade
  Decimal amount_hkd;  // per execution, when per_trade
  Rounding rounding = Rounding::kHalfUp;
  int scale = 2;
  std::optional<Decimal> min_hkd;
  std::optional<Decimal> max_hkd;
  bool applies_to_etf = true;
};

class FeeSchedule {
 public:
  static Result<FeeSchedule> load(const std::filesystem::path& path, const std::string& shown);
  // The rule of `code` in force on `date`, or nullptr.
  const DatedTable<FeeRule>::Entry* in_force(FeeCode code, Date date) const;
  const DatedTable<FeeRule>& table() const { return table_; }
  // A change decided after the file was written (a reference-data change request, issue 6):
  // from `provenance.effective_from` on, `rule` replaces the rule in force (DatedTable::
  // supersede).
  Result<void> supersede(FeeRule rule, Provenance provenance) {
    return table_.supersede(fee_code_name(rule.code), std::move(rule), std::move(provenance));
  }

 private:
  DatedTable<FeeRule> table_;
};

}  // namespace cp::refdata
