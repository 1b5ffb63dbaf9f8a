#include "refdata/securities.h"

#include <algorithm>
#include <array>
#include <string>

#include "refdata/code_table.h"

namespace cp::refdata {
namespace {

constexpr std::array<Code<SecurityKind>, 4> kKinds{{{"equity", SecurityKind::kEquity},
                                                    {"etf", SecurityKind::kEtf},
                                                    {"warrant", SecurityKind::kWarrant},
                                                    {"rights", SecurityKind::kRights}}};
constexpr std::array<Code<SizeCategory>, 4> kSizes{{{"large", SizeCategory::kLarge},
                                                    {"mid", SizeCategory::kMid},
                                                    {"small", SizeCategory::kSmall},
                                                    {"none", SizeCategory::kNone}}};
constexpr std::array<Code<AhVenue>, 3> kVenues{
    {{"sse", AhVenue::kSse}, {"szse", AhVenue::kSzse}, {"none", AhVenue::kNone}}};
constexpr std::array<Code<AShareStatus>, 5> kStatuses{{{"listed", AShareStatus::kListed},
                                                       {"risk_alert", AShareStatus::kRiskAlert},
                                                       {"suspended", AShareStatus::kSuspended},
                                                       {"delisting", AShareStatus::kDelisting},
                                                       {"none", AShareStatus::kNone}}};

}  // namespace

bool is_security_code(std::string_view code) {
  return code.size() == 5 &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

const char* security_kind_code(SecurityKind kind) {
  return code_of(kKinds, kind);
}
const char* size_category_code(SizeCategory size) {
  return code_of(kSizes, size);
}
const char* ah_venue_code(AhVenue venue) {
  return code_of(kVenues, venue);
}
const char* a_share_status_code(AShareStatus status) {
  return code_of(kStatuses, status);
}

Result<SecurityMaster> SecurityMaster::load(const std::filesystem::path& path,
                                            const std::string& shown) {
  CP_ASSIGN_OR_RETURN(CsvReader reader, CsvReader::open(path.string(), shown));
  return from_reader(reader);
}

Result<SecurityMaster> SecurityMaster::parse(const std::string& name, std::string text) {
  CP_ASSIGN_OR_RETURN(CsvReader reader, CsvReader::from_string(name, std::move(text)));
  return from_reader(reader);
}

Result<SecurityMaster> SecurityMaster::from_reader(CsvReader& reader) {
  CP_RETURN_IF_ERROR(reader.require_columns(
      {"code", "name", "board_lot", "kind", "hsci_size", "hsi_hscei", "ah_venue", "a_share_status",
       "currency", "avg_mcap_hkd", "effective_from", "effective_to", "source"}));
  const size_t code_col = *reader.column("code");
  const size_t name_col = *reader.column("name");
  const size_t lot_col = *reader.column("board_lot");
  const size_t kind_col = *reader.column("kind");
  const size_t size_col = *reader.column("hsci_size");
  const size_t index_col = *reader.column("hsi_hscei");
  const size_t venue_col = *reader.column("ah_venue");
  const size_t status_col = *reader.column("a_share_status");
  const size_t currency_col = *reader.column("currency");
  const size_t mcap_col = *reader.column("avg_mcap_hkd");

  SecurityMaster master;
  CsvRecord record;
  while (true) {
    CP_ASSIGN_OR_RETURN(bool more, reader.next(record));
    if (!more) break;
    const std::string code(record[code_col]);
    if (!is_security_code(code)) {
      return reader.field_error(record, code_col, "'" + code + "' is not a five-digit SEHK code");
    }
    SecurityRecord security;
    security.name = std::string(record[name_col]);
    auto lot = Decimal::parse(record[lot_col], 0);
    if (!lot.ok() || lot->sign() <= 0 || lot->units() > 1'000'000'000) {
      return reader.field_error(record, lot_col, "board lot must be a positive whole number");
    }
    security.board_lot = static_cast<int64_t>(lot->units());
    CP_ASSIGN_OR_RETURN(security.kind, read_code(reader, record, kind_col, "kind", kKinds));
    CP_ASSIGN_OR_RETURN(security.hsci_size,
                        read_code(reader, record, size_col, "hsci_size", kSizes));
    if (record[index_col] != "true" && record[index_col] != "false") {
      return reader.field_error(record, index_col, "hsi_hscei must be true or false");
    }
    security.hsi_hscei = record[index_col] == "true";
    CP_ASSIGN_OR_RETURN(security.ah_venue,
                        read_code(reader, record, venue_col, "ah_venue", kVenues));
    CP_ASSIGN_OR_RETURN(security.a_share_status,
                        read_code(reader, record, status_col, "a_share_status", kStatuses));
    if ((security.ah_venue == AhVenue::kNone) != (security.a_share_status == AShareStatus::kNone)) {
      return reader.field_error(record, status_col,
                                security.ah_venue == AhVenue::kNone
                                    ? "a_share_status is none when there are no A shares"
                                    : "A shares on " +
                                          std::string(ah_venue_code(security.ah_venue)) +
                                          " need their status: listed, risk_alert, suspended or "
                                          "delisting");
    }
    auto currency = parse_currency(record[currency_col]);
    if (!currency.ok()) {
      return reader.field_error(record, currency_col, currency.error().message);
    }
    security.currency = *currency;
    if (!record[mcap_col].empty()) {
      auto mcap = Decimal::parse(record[mcap_col], 2);
      if (!mcap.ok()) return reader.field_error(record, mcap_col, mcap.error().message);
      security.avg_mcap_hkd = *mcap;
    } else if (security.hsci_size == SizeCategory::kSmall) {
      return reader.field_error(record, mcap_col,
                                "SmallCap rows need the average market cap (SPEC TRD-1)");
    }
    CP_ASSIGN_OR_RETURN(Provenance provenance, read_provenance(reader, record));
    CP_RETURN_IF_ERROR(master.table_.add(code, std::move(security), std::move(provenance)));
  }
  return master;
}

Result<const DatedTable<SecurityRecord>::Entry*> SecurityMaster::on(std::string_view code,
                                                                    Date date) const {
  const auto* entry = table_.in_force(code, date);
  if (entry == nullptr) {
    const bool known = !history(code).empty();
    return make_error(ErrorCode::kNotFound, known ? "security " + std::string(code) +
                                                        " is not listed on " + date.to_string()
                                                  : "unknown security " + std::string(code));
  }
  return entry;
}

std::vector<const DatedTable<SecurityRecord>::Entry*> SecurityMaster::history(
    std::string_view code) const {
  std::vector<const DatedTable<SecurityRecord>::Entry*> out;
  for (const auto& entry : table_.entries()) {
    if (entry.key == code) out.push_back(&entry);
  }
  std::sort(out.begin(), out.end(), [](const auto* a, const auto* b) {
    return a->provenance.effective_from < b->provenance.effective_from;
  });
  return out;
}

}  // namespace cp::refdata
