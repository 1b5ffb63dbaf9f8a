// The corporate-action announcements CSDC forwards (SPEC CA-2; seed 002 附件4 第31条 (2)), as a
// file the broker imports. All-or-nothing: one bad row refuses the file and nothing is stored.
//
// ca_events.csv := header, then one row per event:
//   event_id          the announcement's id, unique (a second row or a stored event with the
//                     same id is refused: an announcement is never silently replaced)
//   type              corpactions/corporate_action.h ActionType codes
//   security_code     five digits, in the securities master on the record date (holders_date)
//   ex_date, record_date, payment_date        YYYY-MM-DD, empty where the type has none
//   currency          ISO 4217 (HKD, USD, GBP, …) of rate and price
//   rate              cash per share held (dividend, offer consideration), up to 8 decimals
//   price             per new share (subscription, scrip reference), up to 8 decimals
//   ratio             "new:old" in whole numbers, e.g. 1:10
//   new_security_code the security distributed when it is another one (warrants, rights)
//   board_lot_after   a split's or consolidation's new board lot
//   issuer_type       h_share | red_chip | red_chip_resident | other; required for dividends
//   election_open, csdc_deadline, hkscc_deadline   YYYY-MM-DDTHH:MM in HKT
//   options           the election options separated by ';' (for;against;abstain)
//   source            where the announcement comes from (required)
// Every field is checked as corporate_action.h validate() and offered.h check_offered() say,
// with the error naming the file, line, column and field.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/csv.h"
#include "corpactions/corporate_action.h"
#include "refdata/refdata.h"

namespace cp::corpactions {

// The most events one file may announce: a year of HKEX's announcements is far fewer.
inline constexpr size_t kEventsPerFileMax = 100'000;

Result<std::vector<CorporateAction>> read_event_file(CsvReader& reader,
                                                     const refdata::RefData& refdata);

// The columns above, in order: the operator's form in the portal has one field per column and
// is read as a one-row file by read_event_file, so the two are checked alike
// (server/refdata_changes.h).
std::span<const std::string_view> event_file_columns();

}  // namespace cp::corpactions
