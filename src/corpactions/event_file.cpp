#include "corpactions/event_file.h"

#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "clearing/csv_fields.h"
#include "corpactions/offered.h"

namespace cp::corpactions {
namespace {

constexpr std::string_view kColumns[] = {
    "event_id",    "type",          "security_code",     "ex_date",
    "record_date", "payment_date",  "currency",          "rate",
    "price",       "ratio",         "new_security_code", "board_lot_after",
    "issuer_type", "election_open", "csdc_deadline",     "hkscc_deadline",
    "options",     "source"};
constexpr size_t kColumnCount = sizeof(kColumns) / sizeof(kColumns[0]);
// Per-share amounts: HKEX announces dividends to at most 6 decimals; 8 leaves room. No share is
// worth ten million in any currency: the bound keeps holding × rate within the decimal type.
constexpr int kPerShareScaleMax = 8;
constexpr int64_t kPerShareMax = 10'000'000;

struct Row {
  const CsvReader& reader;
  const CsvRecord& record;
  const size_t* col;

  std::string_view text(size_t c) const { return record[col[c]]; }
  Error error(size_t c, std::string message) const {
    return reader.field_error(record, col[c], std::move(message));
  }
  // The error `e` (from a check that names its field) placed at that field's column.
  Error at_field(const Error& e) const {
    for (size_t c = 0; c < kColumnCount; ++c) {
      if (kColumns[c] == e.field) return error(c, e.message);
    }
    return reader.record_error(record, e.message, e.code);
  }
  Result<std::optional<Date>> date(size_t c) const {
    if (text(c).empty()) return std::optional<Date>();
    auto parsed = Date::parse(text(c));
    if (!parsed.ok()) return error(c, parsed.error().message);
    return std::optional<Date>(*parsed);
  }
  Result<std::optional<Decimal>> amount(size_t c) const {
    if (text(c).empty()) return std::optional<Decimal>();
    auto parsed = Decimal::parse(text(c), kPerShareScaleMax);
    if (!parsed.ok()) return error(c, parsed.error().message);
    if (parsed->abs() > Decimal::from_int(kPerShareMax)) {
      return error(c, "a per-share amount above " + std::to_string(kPerShareMax) +
                          " is not an announcement's");
    }
    return std::optional<Decimal>(*parsed);
  }
  Result<std::optional<HktInstant>> instant(size_t c) const {
    if (text(c).empty()) return std::optional<HktInstant>();
    auto parsed = parse_hkt_instant(text(c));
    if (!parsed.ok()) return error(c, parsed.error().message);
    return std::optional<HktInstant>(*parsed);
  }
  Result<std::optional<int64_t>> whole(size_t c, std::string_view what) const {
    if (text(c).empty()) return std::optional<int64_t>();
    auto parsed = Decimal::parse(text(c), 0);
    if (!parsed.ok() || parsed->abs() > Decimal::from_int(clearing::kSharesMax)) {
      return error(c, std::string(what) + " must be a whole number of shares");
    }
    return std::optional<int64_t>(static_cast<int64_t>(parsed->units()));
  }
};

enum Column : size_t {
  kEventId,
  kType,
  kSecurity,
  kExDate,
  kRecordDate,
  kPaymentDate,
  kCurrency,
  kRate,
  kPrice,
  kRatio,
  kNewSecurity,
  kBoardLotAfter,
  kIssuerType,
  kElectionOpen,
  kCsdcDeadline,
  kHksccDeadline,
  kOptions,
  kSource,
};

Result<Ratio> parse_ratio(const Row& row) {
  const std::string_view text = row.text(kRatio);
  const size_t colon = text.find(':');
  if (colon == std::string_view::npos) return row.error(kRatio, "ratio must be new:old, e.g. 1:10");
  Ratio ratio;
  for (const auto& [part, into] : {std::pair{text.substr(0, colon), &ratio.new_units},
                                   std::pair{text.substr(colon + 1), &ratio.old_units}}) {
    auto parsed = Decimal::parse(part, 0);
    if (!parsed.ok() || parsed->abs() > Decimal::from_int(clearing::kSharesMax)) {
      return row.error(kRatio, "ratio must be new:old in whole numbers, e.g. 1:10");
    }
    *into = static_cast<int64_t>(parsed->units());
  }
  return ratio;
}

Result<CorporateAction> read_row(const Row& row, const refdata::RefData& refdata) {
  CorporateAction a;
  a.event_id = std::string(row.text(kEventId));
  if (a.event_id.empty() || a.event_id.size() > 40) {
    return row.error(kEventId, "event_id must be 1 to 40 characters");
  }
  auto type = parse_action_type(row.text(kType));
  if (!type.ok()) return row.error(kType, type.error().message);
  a.type = *type;
  a.security_code = std::string(row.text(kSecurity));
  if (!refdata::is_security_code(a.security_code)) {
    return row.error(kSecurity, "security_code must be five digits");
  }
  CP_ASSIGN_OR_RETURN(a.ex_date, row.date(kExDate));
  CP_ASSIGN_OR_RETURN(a.record_date, row.date(kRecordDate));
  CP_ASSIGN_OR_RETURN(a.payment_date, row.date(kPaymentDate));
  if (!row.text(kCurrency).empty()) {
    auto currency = parse_currency(row.text(kCurrency));
    if (!currency.ok()) return row.error(kCurrency, currency.error().message);
    a.currency = *currency;
  }
  CP_ASSIGN_OR_RETURN(a.rate, row.amount(kRate));
  CP_ASSIGN_OR_RETURN(a.price, row.amount(kPrice));
  if (!row.text(kRatio).empty()) {
    CP_ASSIGN_OR_RETURN(a.ratio, parse_ratio(row));
  }
  a.new_security_code = std::string(row.text(kNewSecurity));
  if (!a.new_security_code.empty() && !refdata::is_security_code(a.new_security_code)) {
    return row.error(kNewSecurity, "new_security_code must be five digits");
  }
  CP_ASSIGN_OR_RETURN(a.board_lot_after, row.whole(kBoardLotAfter, "board_lot_after"));
  const bool pays_dividend =
      a.type == ActionType::kCashDividend || a.type == ActionType::kScripDividend;
  if (row.text(kIssuerType).empty()) {
    if (pays_dividend) {
      return row.error(kIssuerType,
                       "issuer_type is required for a dividend: it decides who withholds the tax");
    }
  } else {
    auto issuer = parse_issuer_type(row.text(kIssuerType));
    if (!issuer.ok()) return row.error(kIssuerType, issuer.error().message);
    a.issuer_type = *issuer;
  }
  CP_ASSIGN_OR_RETURN(a.election_open, row.instant(kElectionOpen));
  CP_ASSIGN_OR_RETURN(a.csdc_deadline, row.instant(kCsdcDeadline));
  CP_ASSIGN_OR_RETURN(a.hkscc_deadline, row.instant(kHksccDeadline));
  auto options = parse_options_text(row.text(kOptions));
  if (!options.ok()) return row.error(kOptions, options.error().message);
  a.options = std::move(*options);
  a.source = std::string(row.text(kSource));

  if (auto valid = validate(a); !valid.ok()) return row.at_field(valid.error());
  if (auto offered = check_offered(a, refdata.parameters); !offered.ok()) {
    return row.at_field(offered.error());
  }
  if (!refdata.securities.on(a.security_code, judged_on(a)).ok()) {
    return row.error(kSecurity, "security " + a.security_code +
                                    " is not in the securities master on " +
                                    judged_on(a).to_string());
  }
  return a;
}

}  // namespace

std::span<const std::string_view> event_file_columns() {
  return kColumns;
}

Result<std::vector<CorporateAction>> read_event_file(CsvReader& reader,
                                                     const refdata::RefData& refdata) {
  size_t col[kColumnCount];
  for (size_t c = 0; c < kColumnCount; ++c) {
    CP_ASSIGN_OR_RETURN(col[c], reader.column(kColumns[c]));
  }
  std::vector<CorporateAction> events;
  std::set<std::string> ids;
  CsvRecord record;
  while (true) {
    CP_ASSIGN_OR_RETURN(const bool more, reader.next(record));
    if (!more) break;
    const Row row{reader, record, col};
    if (events.size() == kEventsPerFileMax) {
      return reader.record_error(
          record, "more than " + std::to_string(kEventsPerFileMax) + " events in one file");
    }
    CP_ASSIGN_OR_RETURN(CorporateAction action, read_row(row, refdata));
    if (!ids.insert(action.event_id).second) {
      return row.error(kEventId, "event " + action.event_id +
                                     " is announced twice in this file (one announcement per "
                                     "event)");
    }
    events.push_back(std::move(action));
  }
  return events;
}

}  // namespace cp::corpactions
