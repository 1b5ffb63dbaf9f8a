// The exclusions from a channel's Southbound list, as dated rules with their sources (SPEC
// TRD-1: "excluded on a channel whatever the index"). They come from the exchanges' Connect
// measures — SSE's 沪港通 measures (2014) for the Shanghai channel, SZSE's 深港通业务实施办法
// (2016) for the Shenzhen channel — and stand before any inclusion rule: a MidCap constituent
// whose issuer has A shares on SZSE is not on the Shanghai list.
//
// eligibility_exclusions.csv := id,channel,exclusion,venues,effective_from,effective_to,source,
//                               note
//   id         unique name of the rule, cited by every decision it makes ("sh.non_hkd_quote")
//   channel    sh | sz
//   exclusion  other_mainland_listing: the issuer also has shares listed on a mainland exchange
//                not among `venues` (the channel's own exchanges);
//              non_hkd_quote: the counter is quoted on SEHK in a currency other than HKD;
//              a_share_risk_alert: the issuer's A shares, listed on one of `venues`, are under
//                risk alert (ST, *ST), their listing suspended, or in the delisting period
//   venues     sse and/or szse, space-separated; empty for non_hkd_quote
//   note       free text: confidence, what the rule's wording says
// An id's rows may not overlap in time.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/market.h"
#include "refdata/dated.h"
#include "refdata/securities.h"

namespace cp::refdata {

enum class ExclusionKind { kOtherMainlandListing, kNonHkdQuote, kAShareRiskAlert };
const char* exclusion_kind_code(ExclusionKind kind);

struct ExclusionRule {
  Channel channel = Channel::kShanghai;
  ExclusionKind kind = ExclusionKind::kNonHkdQuote;
  std::vector<AhVenue> venues;
  std::string note;
};

class ExclusionTable {
 public:
  static Result<ExclusionTable> load(const std::filesystem::path& path, const std::string& shown);
  static Result<ExclusionTable> parse(const std::string& name, std::string text);

  // The rules of `channel` in force on `date`, ordered by id.
  std::vector<const DatedTable<ExclusionRule>::Entry*> in_force(Channel channel, Date date) const;
  const DatedTable<ExclusionRule>& table() const { return table_; }

 private:
  static Result<ExclusionTable> from_reader(CsvReader& reader);
  DatedTable<ExclusionRule> table_;
};

// Why `rule` excludes `security`, in words; empty when it does not.
std::string exclusion_applies(const ExclusionRule& rule, const SecurityRecord& security);

}  // namespace cp::refdata
