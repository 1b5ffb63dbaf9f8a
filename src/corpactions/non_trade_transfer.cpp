#include "corpactions/non_trade_transfer.h"

#include <array>
#include <set>
#include <string>

#include "clearing/csv_fields.h"
#include "refdata/code_table.h"
#include "refdata/securities.h"

namespace cp::corpactions {
namespace {

constexpr std::array<refdata::Code<TransferReason>, 7> kReasons{{
    {"inheritance", TransferReason::kInheritance},
    {"divorce", TransferReason::kDivorce},
    {"donation", TransferReason::kDonation},
    {"legal_person_termination", TransferReason::kLegalPersonTermination},
    {"court_order", TransferReason::kCourtOrder},
    {"pledge", TransferReason::kPledge},
    {"pledge_release", TransferReason::kPledgeRelease},
}};

}  // namespace

std::string_view transfer_reason_code(TransferReason reason) {
  return refdata::code_of(kReasons, reason);
}

Result<TransferReason> parse_transfer_reason(std::string_view code) {
  for (const auto& c : kReasons) {
    if (code == c.text) return c.value;
  }
  return invalid_input("reason '" + std::string(code) +
                           "' is not inheritance, divorce, donation, legal_person_termination, "
                           "court_order, pledge or pledge_release",
                       "reason");
}

bool moves_shares(TransferReason reason) {
  return reason != TransferReason::kPledge && reason != TransferReason::kPledgeRelease;
}

Result<std::vector<NonTradeTransfer>> read_non_trade_transfer_file(CsvReader& reader) {
  CP_RETURN_IF_ERROR(
      reader.require_columns({"transfer_id", "reason", "channel", "clearing_date", "from_account",
                              "to_account", "security_code", "quantity", "fee_account",
                              "transfer_fee_rmb", "stamp_duty_rmb", "source"}));
  const size_t id = *reader.column("transfer_id");
  const size_t reason = *reader.column("reason");
  const size_t channel = *reader.column("channel");
  const size_t clearing = *reader.column("clearing_date");
  const size_t from = *reader.column("from_account");
  const size_t to = *reader.column("to_account");
  const size_t security = *reader.column("security_code");
  const size_t quantity = *reader.column("quantity");
  const size_t fee_account = *reader.column("fee_account");
  const size_t fee = *reader.column("transfer_fee_rmb");
  const size_t duty = *reader.column("stamp_duty_rmb");
  const size_t source = *reader.column("source");
  std::vector<NonTradeTransfer> out;
  std::set<std::string> ids;
  CsvRecord record;
  while (true) {
    CP_ASSIGN_OR_RETURN(const bool more, reader.next(record));
    if (!more) break;
    NonTradeTransfer t;
    t.transfer_id = std::string(record[id]);
    if (t.transfer_id.empty() || t.transfer_id.size() > 40) {
      return reader.field_error(record, id, "transfer_id must be 1 to 40 characters");
    }
    if (!ids.insert(t.transfer_id).second) {
      return reader.field_error(record, id, "transfer " + t.transfer_id + " is listed twice");
    }
    auto why = parse_transfer_reason(record[reason]);
    if (!why.ok()) return reader.field_error(record, reason, why.error().message);
    t.reason = *why;
    CP_ASSIGN_OR_RETURN(t.channel, clearing::channel_field(reader, record, channel));
    CP_ASSIGN_OR_RETURN(t.clearing_date, clearing::date_field(reader, record, clearing));
    t.from_account = std::string(record[from]);
    t.to_account = std::string(record[to]);
    if (t.from_account.empty()) return reader.field_error(record, from, "from_account is required");
    if (t.to_account.empty()) return reader.field_error(record, to, "to_account is required");
    if (moves_shares(t.reason) == (t.from_account == t.to_account)) {
      return reader.field_error(record, to,
                                moves_shares(t.reason)
                                    ? "a transfer moves shares to another account"
                                    : "a pledge or its release names the one account twice");
    }
    t.security_code = std::string(record[security]);
    if (!refdata::is_security_code(t.security_code)) {
      return reader.field_error(record, security, "security_code must be five digits");
    }
    auto shares = Decimal::parse(record[quantity], 0);
    if (!shares.ok() || shares->sign() <= 0 || *shares > Decimal::from_int(clearing::kSharesMax)) {
      return reader.field_error(record, quantity, "quantity must be a whole number of shares > 0");
    }
    t.quantity = static_cast<int64_t>(shares->units());
    t.fee_account = std::string(record[fee_account]);
    if (t.fee_account != t.from_account && t.fee_account != t.to_account) {
      return reader.field_error(record, fee_account,
                                "fee_account must be the from_account or the to_account");
    }
    CP_ASSIGN_OR_RETURN(t.transfer_fee_rmb, clearing::decimal_field(reader, record, fee, 2, false));
    CP_ASSIGN_OR_RETURN(t.stamp_duty_rmb, clearing::decimal_field(reader, record, duty, 2, false));
    t.source = std::string(record[source]);
    if (t.source.empty()) return reader.field_error(record, source, "source is required");
    out.push_back(std::move(t));
  }
  return out;
}

std::string canonical_text(const NonTradeTransfer& t) {
  return t.transfer_id + ',' + std::string(transfer_reason_code(t.reason)) + ',' +
         std::string(channel_code(t.channel)) + ',' + t.clearing_date.to_string() + ',' +
         t.from_account + ',' + t.to_account + ',' + t.security_code + ',' +
         std::to_string(t.quantity) + ',' + t.fee_account + ',' + t.transfer_fee_rmb.to_string() +
         ',' + t.stamp_duty_rmb.to_string() + ',' + t.source;
}

Result<Date> fee_settlement_date(const calendar::SouthboundCalendar& southbound,
                                 Date clearing_date) {
  CP_ASSIGN_OR_RETURN(const calendar::DayInfo* day, southbound.day(clearing_date));
  if (!day->southbound_trading) {
    return rule_violation(clearing_date.to_string() +
                              " is not a Southbound trading day: CSDC clears on one (" +
                              day->reason_text() + ")",
                          "clearing_date");
  }
  CP_ASSIGN_OR_RETURN(const calendar::DayInfo* next,
                      southbound.nth_day_after(clearing_date, 1, [](const calendar::DayInfo& d) {
                        return d.southbound_trading;
                      }));
  return next->date;
}

std::vector<ShareMovement> share_movements(const NonTradeTransfer& transfer) {
  if (!moves_shares(transfer.reason)) return {};
  return {{transfer.from_account, transfer.security_code, -transfer.quantity},
          {transfer.to_account, transfer.security_code, transfer.quantity}};
}

}  // namespace cp::corpactions
