#include "refdata/fee_schedule.h"

namespace cp::refdata {

const char* fee_code_name(FeeCode code) {
  switch (code) {
    case FeeCode::kStampDuty:
      return "stamp_duty";
    case FeeCode::kTradingFee:
      return "trading_fee";
    case FeeCode::kSfcLevy:
      return "sfc_levy";
    case FeeCode::kAfrcLevy:
      return "afrc_levy";
    case FeeCode::kTradingTariff:
      return "trading_tariff";
    case FeeCode::kSettlementFee:
      return "settlement_fee";
  }
  return "stamp_duty";
}

Result<FeeCode> parse_fee_code(std::string_view name) {
  for (FeeCode candidate : kFeeCodes) {
    if (name == fee_code_name(candidate)) return candidate;
  }
  return invalid_input("unknown fee code '" + std::string(name) + "'", "code");
}

Result<FeeSchedule> FeeSchedule::load(const std::filesystem::path& path, const std::string& shown) {
  CP_ASSIGN_OR_RETURN(CsvReader reader, CsvReader::open(path.string(), shown));
  CP_RETURN_IF_ERROR(reader.require_columns({"code", "effective_from", "effective_to", "basis",
                                             "rate", "amount_hkd", "rounding", "scale", "min_hkd",
                                             "max_hkd", "etf", "source"}));
  const size_t code_col = *reader.column("code");
  const size_t basis_col = *reader.column("basis");
  const size_t rate_col = *reader.column("rate");
  const size_t amount_col = *reader.column("amount_hkd");
  const size_t rounding_col = *reader.column("rounding");
  const size_t scale_col = *reader.column("scale");
  const size_t min_col = *reader.column("min_hkd");
  const size_t max_col = *reader.column("max_hkd");
  const size_t etf_col = *reader.column("etf");

  FeeSchedule schedule;
  CsvRecord record;
  while (true) {
    CP_ASSIGN_OR_RETURN(bool more, reader.next(record));
    if (!more) break;
    FeeRule rule;
    const std::string code(record[code_col]);
    bool known = false;
    for (FeeCode candidate : kFeeCodes) {
      if (code == fee_code_name(candidate)) {
        rule.code = candidate;
        known = true;
      }
    }
    if (!known) return reader.field_error(record, code_col, "unknown fee code '" + code + "'");
    auto decimal = [&](size_t col, int max_scale) -> Result<std::optional<Decimal>> {
      if (record[col].empty()) return std::optional<Decimal>();
      auto value = Decimal::parse(record[col], max_scale);
      if (!value.ok()) return reader.field_error(record, col, value.error().message);
      if (value->is_negative()) return reader.field_error(record, col, "must not be negative");
      return std::optional<Decimal>(*value);
    };
    if (record[basis_col] == "rate") {
      CP_ASSIGN_OR_RETURN(auto rate, decimal(rate_col, Decimal::kMaxInputScale));
      if (!rate) return reader.field_error(record, rate_col, "a rate fee needs its rate");
      rule.rate = *rate;
    } else if (record[basis_col] == "per_trade") {
      rule.per_trade = true;
      CP_ASSIGN_OR_RETURN(auto amount, decimal(amount_col, 2));
      if (!amount)
        return reader.field_error(record, amount_col, "a per-trade fee needs its amount");
      rule.amount_hkd = *amount;
    } else {
      return reader.field_error(record, basis_col, "basis must be rate or per_trade");
    }
    auto rounding = parse_rounding(record[rounding_col]);
    if (!rounding.ok()) return reader.field_error(record, rounding_col, rounding.error().message);
    rule.rounding = *rounding;
    auto scale = Decimal::parse(record[scale_col], 0);
    if (!scale.ok() || scale->is_negative() || scale->units() > 6) {
      return reader.field_error(record, scale_col, "scale must be a whole number from 0 to 6");
    }
    rule.scale = static_cast<int>(scale->units());
    CP_ASSIGN_OR_RETURN(rule.min_hkd, decimal(min_col, 2));
    CP_ASSIGN_OR_RETURN(rule.max_hkd, decimal(max_col, 2));
    if (rule.min_hkd && rule.max_hkd && *rule.max_hkd < *rule.min_hkd) {
      return reader.field_error(record, max_col, "max_hkd is below min_hkd");
    }
    if (record[etf_col] != "applies" && record[etf_col] != "exempt") {
      return reader.field_error(record, etf_col, "etf must be applies or exempt");
    }
    rule.applies_to_etf = record[etf_col] == "applies";
    CP_ASSIGN_OR_RETURN(Provenance provenance, read_provenance(reader, record));
    CP_RETURN_IF_ERROR(schedule.table_.add(code, rule, std::move(provenance)));
  }
  return schedule;
}

const DatedTable<FeeRule>::Entry* FeeSchedule::in_force(FeeCode code, Date date) const {
  return table_.in_force(fee_code_name(code), date);
}

}  // namespace cp::refdata
