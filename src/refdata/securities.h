// The securities master as dated data: what each SEHK security is on a date (board lot, kind,
// HSCI size, index membership, A+H listing, average market cap), each row with its source.
//
// securities.csv := code,name,board_lot,kind,hsci_size,hsi_hscei,ah_venue,a_share_status,
//                   currency,avg_mcap_hkd,effective_from,effective_to,source
//   code        five-digit SEHK stock code
//   kind        equity | etf | warrant | rights      (warrants and rights come by distribution)
//   hsci_size   large | mid | small | none           (Hang Seng Composite Index size category)
//   hsi_hscei   true | false                         (HSI or HSCEI constituent: 2016 VCM scope)
//   ah_venue    sse | szse | none                    (where the company's A shares list)
//   a_share_status  listed | risk_alert | suspended | delisting, the A shares' status on their
//               exchange (risk_alert: ST, *ST, SSE's risk-alert board; suspended: listing
//               suspended; delisting: the delisting period); none when ah_venue is none
//   currency    the ISO 4217 currency the counter is quoted in on SEHK (HKD; CNY for an RMB
//               counter, USD…) — only HKD counters are in Southbound (SPEC TRD-1)
//   avg_mcap_hkd  average month-end market cap over the prior 12 months, HKD; required for
//               SmallCap rows (the Shenzhen HK$5bn test, SPEC TRD-1), else may be empty
// A code's rows may not overlap in time.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "core/currency.h"
#include "core/money.h"
#include "refdata/dated.h"

namespace cp::refdata {

enum class SecurityKind { kEquity, kEtf, kWarrant, kRights };
enum class SizeCategory { kLarge, kMid, kSmall, kNone };
enum class AhVenue { kNone, kSse, kSzse };
// The status of an A+H company's A shares on their mainland exchange (SPEC TRD-1 exclusions).
enum class AShareStatus { kNone, kListed, kRiskAlert, kSuspended, kDelisting };

const char* security_kind_code(SecurityKind kind);
const char* size_category_code(SizeCategory size);
const char* ah_venue_code(AhVenue venue);
const char* a_share_status_code(AShareStatus status);

struct SecurityRecord {
  std::string name;
  int64_t board_lot = 0;
  SecurityKind kind = SecurityKind::kEquity;
  SizeCategory hsci_size = SizeCategory::kNone;
  bool hsi_hscei = false;
  AhVenue ah_venue = AhVenue::kNone;
  AShareStatus a_share_status = AShareStatus::kNone;
  Currency currency = Currency::kHKD;
  std::optional<Decimal> avg_mcap_hkd;
};

// Whether `code` is an SEHK stock code as the master keys it: five digits.
bool is_security_code(std::string_view code);

class SecurityMaster {
 public:
  static Result<SecurityMaster> load(const std::filesystem::path& path, const std::string& shown);
  static Result<SecurityMaster> parse(const std::string& name, std::string text);

  // The record of `code` in force on `date`: kNotFound when the code is unknown or not listed
  // then.
  Result<const DatedTable<SecurityRecord>::Entry*> on(std::string_view code, Date date) const;
  // Every record of `code`, oldest first.
  std::vector<const DatedTable<SecurityRecord>::Entry*> history(std::string_view code) const;
  const DatedTable<SecurityRecord>& table() const { return table_; }

 private:
  static Result<SecurityMaster> from_reader(CsvReader& reader);
  DatedTable<SecurityRecord> table_;
};

}  // namespace cp::refdata
