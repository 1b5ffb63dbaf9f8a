#include "risk/obligation_files.h"

#include <map>
#include <set>
#include <tuple>

#include "clearing/csv_fields.h"
#include "refdata/securities.h"

namespace cp::risk {

Result<std::vector<GuaranteeFundRow>> parse_guarantee_fund(CsvReader& reader) {
  CP_RETURN_IF_ERROR(reader.require_columns(
      {"as_of", "participant", "contribution_hkd", "expected_loss_hkd", "fund_at_limit"}));
  const size_t as_of_col = *reader.column("as_of");
  const size_t participant_col = *reader.column("participant");
  const size_t contribution_col = *reader.column("contribution_hkd");
  const size_t loss_col = *reader.column("expected_loss_hkd");
  const size_t limit_col = *reader.column("fund_at_limit");
  std::vector<GuaranteeFundRow> rows;
  std::map<std::pair<Date, std::string>, int64_t> seen;
  CsvRecord record;
  while (true) {
    CP_ASSIGN_OR_RETURN(bool more, reader.next(record));
    if (!more) break;
    GuaranteeFundRow row;
    row.line = record.line();
    CP_ASSIGN_OR_RETURN(row.as_of, clearing::date_field(reader, record, as_of_col));
    row.participant = std::string(record[participant_col]);
    if (row.participant.empty() || row.participant.size() > 16) {
      return reader.field_error(record, participant_col, "must be 1 to 16 characters");
    }
    if (!record[contribution_col].empty()) {
      CP_ASSIGN_OR_RETURN(row.contribution_hkd,
                          clearing::decimal_field(reader, record, contribution_col, 2, false));
    }
    CP_ASSIGN_OR_RETURN(row.expected_loss_hkd,
                        clearing::decimal_field(reader, record, loss_col, 2, false));
    if (record[limit_col] != "true" && record[limit_col] != "false") {
      return reader.field_error(record, limit_col, "must be true or false");
    }
    row.fund_at_limit = record[limit_col] == "true";
    const auto [at, inserted] = seen.emplace(std::pair{row.as_of, row.participant}, row.line);
    if (!inserted) {
      return reader.record_error(
          record, "the same as_of and participant as line " + std::to_string(at->second));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

Result<std::vector<clearing::ClosingPrice>> parse_intraday_prices(CsvReader& reader) {
  CP_ASSIGN_OR_RETURN(auto rows, clearing::parse_prices(reader, "price_hkd"));
  for (const auto& row : rows) {
    if (!refdata::is_security_code(row.security_code)) {
      Error error =
          invalid_input("'" + row.security_code + "' is not a five-digit SEHK code", "security");
      error.file = reader.file_name();
      error.line = row.line;
      return error;
    }
  }
  return rows;
}

Result<std::vector<PaymentRow>> parse_payments(CsvReader& reader) {
  CP_RETURN_IF_ERROR(
      reader.require_columns({"payment_id", "obligation_id", "amount_hkd", "received_at"}));
  const size_t id_col = *reader.column("payment_id");
  const size_t obligation_col = *reader.column("obligation_id");
  const size_t amount_col = *reader.column("amount_hkd");
  const size_t received_col = *reader.column("received_at");
  const auto method_col = reader.column("method");  // optional
  std::vector<PaymentRow> rows;
  std::map<std::string, int64_t, std::less<>> seen;
  CsvRecord record;
  while (true) {
    CP_ASSIGN_OR_RETURN(bool more, reader.next(record));
    if (!more) break;
    PaymentRow row;
    row.line = record.line();
    row.payment_id = std::string(record[id_col]);
    if (row.payment_id.empty() || row.payment_id.size() > 64) {
      return reader.field_error(record, id_col, "must be 1 to 64 characters");
    }
    row.obligation_id = std::string(record[obligation_col]);
    if (row.obligation_id.empty() || row.obligation_id.size() > 128) {
      return reader.field_error(record, obligation_col, "must be 1 to 128 characters");
    }
    CP_ASSIGN_OR_RETURN(row.amount_hkd,
                        clearing::decimal_field(reader, record, amount_col, 2, true));
    const std::string_view received = record[received_col];
    auto date = Date::parse(received.substr(0, 10));
    auto time = received.size() > 11 ? TimeOfDay::parse(received.substr(11))
                                     : Result<TimeOfDay>(invalid_input("no time"));
    if (received.size() != 16 || received[10] != ' ' || !date.ok() || !time.ok()) {
      return reader.field_error(record, received_col, "must be YYYY-MM-DD HH:MM, Hong Kong time");
    }
    row.received_at_utc = format_utc(from_hkt(*date, *time));
    if (method_col.ok() && !record[*method_col].empty()) {
      auto method = parse_payment_method(record[*method_col]);
      if (!method.ok()) return reader.field_error(record, *method_col, method.error().message);
      row.method = *method;
    }
    const auto [at, inserted] = seen.emplace(row.payment_id, row.line);
    if (!inserted) {
      return reader.field_error(record, id_col,
                                "repeats the payment of line " + std::to_string(at->second));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace cp::risk
