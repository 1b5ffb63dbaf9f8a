// The broker's records of its investors, as the files its systems export (issue 18 item 1;
// SPEC SUIT-1..3): each row checked by itself, every error naming the file, line, column and
// field; nothing of a file is stored when one row is refused (the shell's import).
//
// asset_snapshots.csv := header "as_of,account_id,securities_rmb,cash_rmb,margin_net_rmb": an
//   account's own assets at a day's close — A-share securities at market value, available cash,
//   and the margin account's net assets (financed assets excluded: seed 004 §2.1 items 1–6).
//   `as_of` must be a Southbound trading day (the shell's calendar decides); an account twice
//   for a day is refused. Amounts in RMB, two decimals; securities and cash not below zero.
// questionnaires.csv := header "account_id,completed_on,risk_level,low_level_acknowledged": the
//   risk questionnaire's result (risk_level: conservative … aggressive; low_level_acknowledged:
//   yes or no). Dated after today: refused.
// knowledge_tests.csv := header "account_id,channel,taken_on,bank_version,questions,correct":
//   an answer sheet as marked, for the channel's test from question bank `bank_version`.
//   0 ≤ correct ≤ questions, questions ≥ 1; dated after today: refused.
// trading_warnings.csv := header "account_id,exchange,warned_on": an exchange's abnormal-trading
//   warning (exchange: sse or szse). Dated after today: refused.
// investor_profiles.csv := header "as_of,account_id,channel,a_share_account,
//   serious_integrity_problem,legally_barred": the account system's state of the investor for a
//   channel from `as_of` on (a_share_account: normal, not_designated, restricted or none; the flags
//   yes or no). Dated after today, or an account and channel twice for a date: refused.
// permission_documents.csv := header "account_id,channel,document,signed_on,sha256": the risk
//   disclosure studied and the agreement signed (document: risk_disclosure_study or agreement),
//   each with the SHA-256 of the version the investor saw (64 hex digits). Dated after today:
//   refused.
// permissions.csv := header "account_id,channel,granted_on": permissions granted before
//   connectpost, as the broker's earlier system holds them (a broker's go-live). Dated after today,
//   or an account and channel twice: refused.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/csv.h"
#include "core/date.h"
#include "core/decimal.h"
#include "core/market.h"
#include "investors/suitability.h"

namespace cp::investors {

struct AssetSnapshot {
  Date as_of;
  std::string account_id;
  Decimal securities_rmb;
  Decimal cash_rmb;
  Decimal margin_net_rmb;
  // What counts toward the 500,000 (SUIT-1, SUIT-2).
  Decimal own_assets_rmb() const { return securities_rmb + cash_rmb + margin_net_rmb; }
};

struct QuestionnaireRow {
  std::string account_id;
  Questionnaire questionnaire;
};

struct KnowledgeTestRow {
  std::string account_id;
  std::string bank_version;
  KnowledgeTest test;
};

// The exchange of a channel: the SSE's warnings count on Shanghai, the SZSE's on Shenzhen.
struct WarningRow {
  std::string account_id;
  Channel exchange = Channel::kShanghai;  // sse → Shanghai, szse → Shenzhen
  Date warned_on;
};

struct ProfileRow {
  Date as_of;
  std::string account_id;
  Channel channel = Channel::kShanghai;
  std::optional<AShareAccountState> a_share_account;  // none: no account of the exchange
  bool serious_integrity_problem = false;
  bool legally_barred = false;
};

enum class PermissionDocument : uint8_t { kRiskDisclosureStudy, kAgreement };
// "risk_disclosure_study", "agreement"
std::string_view permission_document_code(PermissionDocument document);

struct DocumentRow {
  std::string account_id;
  Channel channel = Channel::kShanghai;
  PermissionDocument document = PermissionDocument::kAgreement;
  Date signed_on;
  std::string sha256;  // lower-case hex
};

struct PermissionGrantRow {
  std::string account_id;
  Channel channel = Channel::kShanghai;
  Date granted_on;
};

Result<std::vector<AssetSnapshot>> read_asset_snapshots(
    CsvReader& reader, const std::function<bool(Date)>& is_trading_day);
Result<std::vector<QuestionnaireRow>> read_questionnaires(CsvReader& reader, Date today);
Result<std::vector<KnowledgeTestRow>> read_knowledge_tests(CsvReader& reader, Date today);
Result<std::vector<WarningRow>> read_trading_warnings(CsvReader& reader, Date today);
Result<std::vector<ProfileRow>> read_investor_profiles(CsvReader& reader, Date today);
Result<std::vector<DocumentRow>> read_permission_documents(CsvReader& reader, Date today);
Result<std::vector<PermissionGrantRow>> read_permission_grants(CsvReader& reader, Date today);

}  // namespace cp::investors
