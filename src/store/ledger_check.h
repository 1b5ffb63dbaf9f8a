// `connectpost ledger check --date D`: the daily reconciliation of SPEC CLR-17 over what an EOD
// run stored (docs/eod.md, "Reconciliation"). It reads only stored rows, so it also catches a
// result edited after the run.
//
//   1. The journal: every entry balances per asset; no entry mixes client and own money.
//   2. Totals equal the sum of the parts, per channel and reserve account:
//      Σ investors' nets = CSDC's net + commission; Σ executions' CSDC amounts = CSDC's net;
//      the journal's CSDC settlement account = CSDC's net + the portfolio fee collected − the
//      corporate-action cash CSDC cleared that day (CLR-7: "CA:" entries, owed by CSDC) + the
//      non-trade transfers' fees of the day (CLR-10: "NTT:" entries); each
//      investor's cash posting = −its net; the funds-transfer instruction used those figures
//      and the stored risk funds.
//   3. Book equals actual for client money at the close of P, the latest date before D with a
//      client bank statement:
//        Σ client investors' RMB cash (the fund-account system's statements at P)
//      + client portfolio fees charged on or before P and paid to CSDC after P (in transit)
//      = Σ client reserve balances at CSDC at P + the client bank deposit at P.
//      Trading money moves on both sides at the T+2 close (CLR-3, STL-2), so unsettled trades
//      are no reconciling item; commission is taken to be swept to own funds on settlement day.
//      Own money is not reconciled: the broker's own funds hold its equity, which has no book here.
#pragma once

#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "store/database.h"

namespace cp::store {

struct LedgerCheck {
  std::vector<std::string> checks;  // each reconciliation that held, with its figures
  std::vector<std::string> breaks;  // each that did not, naming what and by how much
  std::vector<std::string> notes;   // what could not be checked, and why
};

// Fails with kNotFound if the date has no journal (no EOD run).
Result<LedgerCheck> check_ledger(Database& db, Date business_date);

}  // namespace cp::store
