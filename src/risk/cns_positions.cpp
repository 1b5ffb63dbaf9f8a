#include "risk/cns_positions.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "clearing/csv_fields.h"

namespace cp::risk {
namespace {

constexpr size_t kParticipantLengthMax = 16;

bool is_participant_id(std::string_view id) {
  if (id.empty() || id.size() > kParticipantLengthMax) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_';
  });
}

Result<int64_t> shares_field(const CsvReader& reader, const CsvRecord& record, size_t col,
                             bool signed_value) {
  auto value = Decimal::parse(record[col], 0);
  if (!value.ok()) return reader.field_error(record, col, "must be a whole number of shares");
  if (!signed_value && value->is_negative()) {
    return reader.field_error(record, col, "must not be negative");
  }
  if (value->abs() > Decimal::from_int(clearing::kSharesMax)) {
    return reader.field_error(record, col, "is more shares than any issuer has issued");
  }
  return static_cast<int64_t>(value->units());
}

}  // namespace

Result<std::vector<CnsPosition>> parse_cns_positions(CsvReader& reader,
                                                     const refdata::SecurityMaster& securities) {
  CP_RETURN_IF_ERROR(
      reader.require_columns({"as_of", "participant", "security", "settlement_date", "quantity",
                              "contract_value_hkd", "ssc_quantity", "scc_amount_hkd"}));
  const size_t as_of_col = *reader.column("as_of");
  const size_t participant_col = *reader.column("participant");
  const size_t security_col = *reader.column("security");
  const size_t settlement_col = *reader.column("settlement_date");
  const size_t quantity_col = *reader.column("quantity");
  const size_t value_col = *reader.column("contract_value_hkd");
  const size_t ssc_col = *reader.column("ssc_quantity");
  const size_t scc_col = *reader.column("scc_amount_hkd");
  std::vector<CnsPosition> rows;
  std::map<std::tuple<Date, std::string, std::string, Date>, int64_t> seen;
  CsvRecord record;
  while (true) {
    CP_ASSIGN_OR_RETURN(bool more, reader.next(record));
    if (!more) break;
    CnsPosition row;
    row.line = record.line();
    CP_ASSIGN_OR_RETURN(row.as_of, clearing::date_field(reader, record, as_of_col));
    row.participant = std::string(record[participant_col]);
    if (!is_participant_id(row.participant)) {
      return reader.field_error(record, participant_col,
                                "must be 1 to 16 letters, digits, '-' or '_'");
    }
    row.security = std::string(record[security_col]);
    const auto security = securities.on(row.security, row.as_of);
    if (!security.ok()) {
      return reader.field_error(
          record, security_col,
          "'" + row.security + "' is not in the securities master on " + row.as_of.to_string());
    }
    // G14 §4.4 combines other currency counters into their HKD settlement counter with an FX
    // haircut; Southbound trades HKD counters only (SPEC TRD-1), so that step is not built.
    if ((*security)->row.currency != Currency::kHKD) {
      return reader.field_error(record, security_col,
                                "'" + row.security + "' is a " +
                                    std::string(currency_code((*security)->row.currency)) +
                                    " counter: only HKD counters are margined here");
    }
    CP_ASSIGN_OR_RETURN(row.settlement_date, clearing::date_field(reader, record, settlement_col));
    if (row.settlement_date < row.as_of) {
      return reader.field_error(record, settlement_col,
                                "is before as_of " + row.as_of.to_string() +
                                    ": a settled position is not a CNS position");
    }
    CP_ASSIGN_OR_RETURN(row.quantity, shares_field(reader, record, quantity_col, true));
    if (row.quantity == 0) return reader.field_error(record, quantity_col, "must not be 0");
    auto value = Decimal::parse(record[value_col], 2);
    if (!value.ok()) return reader.field_error(record, value_col, value.error().message);
    if (value->sign() != 0 && value->sign() != (row.quantity > 0 ? 1 : -1)) {
      return reader.field_error(
          record, value_col,
          row.quantity > 0 ? "must not be negative for a long position (the participant pays)"
                           : "must not be positive for a short position (the participant "
                             "receives)");
    }
    row.contract_value_hkd = *value;
    if (!record[ssc_col].empty()) {
      CP_ASSIGN_OR_RETURN(row.ssc_quantity, shares_field(reader, record, ssc_col, false));
      if (row.ssc_quantity > 0 && row.quantity > 0) {
        return reader.field_error(record, ssc_col,
                                  "specific stock collateral covers short positions only");
      }
    }
    if (!record[scc_col].empty()) {
      CP_ASSIGN_OR_RETURN(row.scc_amount_hkd,
                          clearing::decimal_field(reader, record, scc_col, 2, false));
      if (row.scc_amount_hkd.sign() > 0 && row.quantity < 0) {
        return reader.field_error(record, scc_col,
                                  "specific cash collateral covers long positions only");
      }
    }
    const auto [at, inserted] = seen.emplace(
        std::tuple{row.as_of, row.participant, row.security, row.settlement_date}, row.line);
    if (!inserted) {
      return reader.record_error(record,
                                 "the same as_of, participant, security and "
                                 "settlement_date as line " +
                                     std::to_string(at->second));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<InstrumentPosition> prepare_positions(const std::vector<CnsPosition>& rows) {
  std::map<std::string, InstrumentPosition> by_security;
  for (const CnsPosition& row : rows) {
    CP_ASSERT(row.participant == rows.front().participant && row.as_of == rows.front().as_of,
              "prepare_positions takes one participant's rows of one date");
    int64_t quantity = row.quantity;
    Decimal value = row.contract_value_hkd;
    int64_t ssc_covered = 0;
    Decimal scc_covered;
    const bool cover_allowed = row.as_of < row.settlement_date;  // G14 §4.3
    if (cover_allowed && quantity < 0 && row.ssc_quantity > 0) {
      ssc_covered = std::min(row.ssc_quantity, -quantity);
      const int64_t left = -quantity - ssc_covered;
      value = divide(value * Decimal::from_int(left), Decimal::from_int(-quantity), 2,
                     Rounding::kHalfUp);
      quantity = -left;
    }
    if (cover_allowed && quantity > 0 && row.scc_amount_hkd.sign() > 0 && value.sign() > 0) {
      scc_covered = std::min(row.scc_amount_hkd, value);
      const Decimal left = value - scc_covered;
      quantity = static_cast<int64_t>(
          divide(Decimal::from_int(quantity) * left, value, 0, Rounding::kCeiling).units());
      value = left;
    }
    auto& position = by_security[row.security];
    position.security = row.security;
    position.quantity += quantity;
    position.contract_value_hkd += value;
    position.ssc_covered += ssc_covered;
    position.scc_covered_hkd += scc_covered;
  }
  std::vector<InstrumentPosition> out;
  out.reserve(by_security.size());
  for (auto& [security, position] : by_security) out.push_back(std::move(position));
  return out;
}

}  // namespace cp::risk
