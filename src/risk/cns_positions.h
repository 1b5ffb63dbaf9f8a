// A clearing participant's CNS positions at HKSCC as of a date (G14 §3.1.2: the Marginable
// Position Report's inputs), and their preparation for margin: specific collateral cover, then
// cross-day netting per instrument (G14 §4.3, §4.6).
//
// cns_positions.csv := as_of,participant,security,settlement_date,quantity,contract_value_hkd,
//                      ssc_quantity,scc_amount_hkd
//   participant        HKSCC participant id (1–16 letters, digits, '-' or '_'), e.g. B01234
//   security           a code of the securities master in force on as_of
//   settlement_date    on or after as_of: the position is not yet settled at the end of as_of
//   quantity           shares, non-zero: positive long (receivable), negative short (deliverable)
//                      (G14 fn 9)
//   contract_value_hkd HKD at the cent, the sign of quantity or 0: positive payable by the
//                      participant, negative receivable (G14 fn 10)
//   ssc_quantity       shares of specific stock collateral covering a short; empty or 0 when none
//   scc_amount_hkd     specific cash collateral covering a long, HKD; empty or 0 when none
// (as_of, participant, security, settlement_date) is unique within a file.
#pragma once

#include <string>
#include <vector>

#include "core/csv.h"
#include "core/date.h"
#include "core/decimal.h"
#include "refdata/securities.h"

namespace cp::risk {

struct CnsPosition {
  Date as_of;
  std::string participant;
  std::string security;
  Date settlement_date;
  int64_t quantity = 0;
  Decimal contract_value_hkd;
  int64_t ssc_quantity = 0;
  Decimal scc_amount_hkd;
  int64_t line = 0;
};

// Parses and checks the whole file; the first bad row is the error (file:line:column: field).
Result<std::vector<CnsPosition>> parse_cns_positions(CsvReader& reader,
                                                     const refdata::SecurityMaster& securities);

// One instrument's position after cover and cross-day netting.
struct InstrumentPosition {
  std::string security;
  int64_t quantity = 0;        // may be 0 when long and short dates cancel
  Decimal contract_value_hkd;  // at the cent
  int64_t ssc_covered = 0;     // shares taken out by specific stock collateral
  Decimal scc_covered_hkd;     // contract value taken out by specific cash collateral
};

// G14 §4.3 then §4.6, over one participant's rows of one as_of, ordered by security.
//   Cover counts only before the settlement date (as_of < settlement_date) and up to the
//   position; the excess is ignored.
//   SSC on a short of q shares covering c: q + c shares stay, the contract value pro rata,
//     CV × (|q| − c) / |q| at the cent, half-up [D: the guide's example divides exactly].
//   SCC on a long of contract value v covering s: v − s stays, the quantity pro rata,
//     q × (v − s) / v rounded up to a whole share (G14 §4.3.2: 1,333.33 → 1,334).
//   Then every settlement date's quantity and contract value add up per security.
// REQUIRES: rows of one participant and one as_of.
std::vector<InstrumentPosition> prepare_positions(const std::vector<CnsPosition>& rows);

}  // namespace cp::risk
