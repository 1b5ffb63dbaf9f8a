// Non-trade transfers (SPEC CLR-10, CLR-20; seed 002 附件4 第14、26条): inheritance, divorce,
// donation, a legal person's end, a court order, pledges. CSDC processes them under its own rules
// and sends the broker clearing data; the broker moves the shares as CSDC's data says, debits the
// transfer fee and stamp duty to the account the data names, and settles that money on the
// second Southbound trading day — counting the clearing day as the first, so its next
// Southbound trading day, as STL-2's "other non-trade funds T+1 10:30" has it [D,
// docs/corpactions.md].
//
// non_trade_transfers.csv := header "transfer_id,reason,channel,clearing_date,from_account,
//   to_account,security_code,quantity,fee_account,transfer_fee_rmb,stamp_duty_rmb,source", then
//   one row per transfer:
//   reason          inheritance | divorce | donation | legal_person_termination | court_order |
//                   pledge | pledge_release
//   from_account, to_account   the accounts; a pledge or its release names one account twice (the
//                   shares stay; they are frozen or freed)
//   quantity        shares, > 0
//   fee_account     the account debited: from_account or to_account
//   transfer_fee_rmb, stamp_duty_rmb   as CSDC's data gives them, ≥ 0, two decimals
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/southbound_calendar.h"
#include "clearing/holdings.h"
#include "core/csv.h"
#include "core/date.h"
#include "core/decimal.h"
#include "core/market.h"

namespace cp::corpactions {

enum class TransferReason : uint8_t {
  kInheritance,
  kDivorce,
  kDonation,
  kLegalPersonTermination,
  kCourtOrder,
  kPledge,
  kPledgeRelease,
};
std::string_view transfer_reason_code(TransferReason reason);
Result<TransferReason> parse_transfer_reason(std::string_view code);
// A pledge or its release: the shares do not change hands.
bool moves_shares(TransferReason reason);

struct NonTradeTransfer {
  std::string transfer_id;
  TransferReason reason = TransferReason::kInheritance;
  Channel channel = Channel::kShanghai;
  Date clearing_date;
  std::string from_account;
  std::string to_account;
  std::string security_code;
  int64_t quantity = 0;
  std::string fee_account;
  Decimal transfer_fee_rmb;
  Decimal stamp_duty_rmb;
  std::string source;
};

Result<std::vector<NonTradeTransfer>> read_non_trade_transfer_file(CsvReader& reader);

// The transfer as one line in the file's column order, amounts normalized: two rows of a transfer
// say the same exactly when these are equal (a second import of it changes nothing).
std::string canonical_text(const NonTradeTransfer& transfer);

// The day the fees settle with CSDC (the clearing day's next Southbound trading day on the
// channel). REQUIRES the clearing day is a Southbound trading day (an error says why not).
Result<Date> fee_settlement_date(const calendar::SouthboundCalendar& southbound,
                                 Date clearing_date);

// One account's change of a security's holding (clearing/holdings.h: the holdings at a close
// take it from the clearing date's).
using ShareMovement = clearing::HoldingMovement;
// The movements a transfer makes: out of from_account, into to_account; none for a pledge.
std::vector<ShareMovement> share_movements(const NonTradeTransfer& transfer);

}  // namespace cp::corpactions
