#include "refdata/eligibility_exclusions.h"

#include <algorithm>
#include <array>
#include <sstream>

#include "refdata/code_table.h"

namespace cp::refdata {
namespace {

constexpr std::array<Code<ExclusionKind>, 3> kKinds{
    {{"other_mainland_listing", ExclusionKind::kOtherMainlandListing},
     {"non_hkd_quote", ExclusionKind::kNonHkdQuote},
     {"a_share_risk_alert", ExclusionKind::kAShareRiskAlert}}};

bool among(const std::vector<AhVenue>& venues, AhVenue venue) {
  return std::find(venues.begin(), venues.end(), venue) != venues.end();
}

std::string venue_list(const std::vector<AhVenue>& venues) {
  std::string text;
  for (AhVenue venue : venues)
    text += (text.empty() ? "" : " or ") + std::string(ah_venue_code(venue));
  return text;
}

}  // namespace

const char* exclusion_kind_code(ExclusionKind kind) {
  return code_of(kKinds, kind);
}

Result<ExclusionTable> ExclusionTable::load(const std::filesystem::path& path,
                                            const std::string& shown) {
  CP_ASSIGN_OR_RETURN(CsvReader reader, CsvReader::open(path.string(), shown));
  return from_reader(reader);
}

Result<ExclusionTable> ExclusionTable::parse(const std::string& name, std::string text) {
  CP_ASSIGN_OR_RETURN(CsvReader reader, CsvReader::from_string(name, std::move(text)));
  return from_reader(reader);
}

Result<ExclusionTable> ExclusionTable::from_reader(CsvReader& reader) {
  CP_RETURN_IF_ERROR(reader.require_columns({"id", "channel", "exclusion", "venues",
                                             "effective_from", "effective_to", "source", "note"}));
  const size_t id_col = *reader.column("id");
  const size_t channel_col = *reader.column("channel");
  const size_t kind_col = *reader.column("exclusion");
  const size_t venues_col = *reader.column("venues");
  const size_t note_col = *reader.column("note");

  ExclusionTable table;
  CsvRecord record;
  while (true) {
    CP_ASSIGN_OR_RETURN(bool more, reader.next(record));
    if (!more) break;
    const std::string id(record[id_col]);
    if (id.empty()) return reader.field_error(record, id_col, "an exclusion needs an id");
    ExclusionRule rule;
    auto channel = parse_channel(record[channel_col]);
    if (!channel.ok()) return reader.field_error(record, channel_col, "channel must be sh or sz");
    rule.channel = *channel;
    CP_ASSIGN_OR_RETURN(rule.kind, read_code(reader, record, kind_col, "exclusion", kKinds));
    std::istringstream venues{std::string(record[venues_col])};
    for (std::string venue; venues >> venue;) {
      if (venue == "sse") {
        rule.venues.push_back(AhVenue::kSse);
      } else if (venue == "szse") {
        rule.venues.push_back(AhVenue::kSzse);
      } else {
        return reader.field_error(record, venues_col,
                                  "'" + venue + "' is not a mainland exchange: sse or szse");
      }
    }
    if (rule.venues.empty() != (rule.kind == ExclusionKind::kNonHkdQuote)) {
      return reader.field_error(record, venues_col,
                                rule.kind == ExclusionKind::kNonHkdQuote
                                    ? "non_hkd_quote takes no venues"
                                    : std::string(exclusion_kind_code(rule.kind)) +
                                          " needs its venues: sse, szse or both");
    }
    rule.note = std::string(record[note_col]);
    CP_ASSIGN_OR_RETURN(Provenance provenance, read_provenance(reader, record));
    CP_RETURN_IF_ERROR(table.table_.add(id, std::move(rule), std::move(provenance)));
  }
  return table;
}

std::vector<const DatedTable<ExclusionRule>::Entry*> ExclusionTable::in_force(Channel channel,
                                                                              Date date) const {
  std::vector<const DatedTable<ExclusionRule>::Entry*> out;
  for (const auto* entry : table_.all_in_force(date)) {
    if (entry->row.channel == channel) out.push_back(entry);
  }
  return out;
}

std::string exclusion_applies(const ExclusionRule& rule, const SecurityRecord& security) {
  switch (rule.kind) {
    case ExclusionKind::kNonHkdQuote:
      if (security.currency == Currency::kHKD) return {};
      return "quoted on SEHK in " + std::string(currency_code(security.currency)) + ", not HKD";
    case ExclusionKind::kOtherMainlandListing:
      if (security.ah_venue == AhVenue::kNone || among(rule.venues, security.ah_venue)) return {};
      return "the issuer's A shares list on " + std::string(ah_venue_code(security.ah_venue)) +
             ", a mainland exchange other than " + venue_list(rule.venues);
    case ExclusionKind::kAShareRiskAlert: {
      const AShareStatus status = security.a_share_status;
      if (!among(rule.venues, security.ah_venue) ||
          (status != AShareStatus::kRiskAlert && status != AShareStatus::kSuspended &&
           status != AShareStatus::kDelisting)) {
        return {};
      }
      const char* what = status == AShareStatus::kRiskAlert   ? "under risk alert"
                         : status == AShareStatus::kSuspended ? "suspended from listing"
                                                              : "in the delisting period";
      return "the issuer's A shares on " + std::string(ah_venue_code(security.ah_venue)) + " are " +
             what;
    }
  }
  return {};
}

}  // namespace cp::refdata
