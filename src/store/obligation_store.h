// Money obligations to HKSCC, their payments and the Guarantee Fund figures in the database
// (migration 0037; risk/money_obligations.h; docs/risk.md).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "risk/money_obligations.h"
#include "risk/obligation_files.h"
#include "store/database.h"
#include "store/import_store.h"

namespace cp::store {

// An obligation as stored, with what has been paid against it.
struct StoredObligation {
  risk::Obligation obligation;
  std::string participant;
  Date arising_date;
  Decimal paid_hkd;
  std::optional<std::string> defaulted_at;  // UTC, ISO 8601
};

// Replaces the obligations of `participant` arising on `date` with `obligations`. Refused,
// changing nothing, when a payment or a default was recorded against one of the old ones that
// would change (a rerun after money moved needs the operator's correction, not a silent
// overwrite); such an obligation left unchanged keeps its payments and its default.
Result<void> replace_obligations(Database& db, const std::string& participant, Date date,
                                 const std::vector<risk::Obligation>& obligations);

// The obligations of `participant` arising on `date` (every participant's when empty).
Result<std::vector<StoredObligation>> obligations_of(Database& db, const std::string& participant,
                                                     Date date);
// Every obligation whose deadline is at or after `from` and before `to` (UTC ISO), or unpaid
// and overdue, of one participant (all when empty): a home page's "today and upcoming".
Result<std::vector<StoredObligation>> obligations_due(Database& db, const std::string& participant,
                                                      const std::string& from_utc,
                                                      const std::string& to_utc);

// What `participant` has paid in toward margin and marks (day-end, intraday) before `date`: the
// collateral on hand that the next day-end call is measured against [D: HKSCC returns excess
// collateral on request only; none is returned here].
Result<Decimal> collateral_on_hand(Database& db, const std::string& participant, Date date);

// Records payments in one transaction; a payment id seen before with the same content is
// unchanged, with other content refused; an unknown obligation is refused naming the line.
Result<ImportCounts> record_payments(Database& db, const std::vector<risk::PaymentRow>& rows,
                                     const std::string& source, const std::string& file);

// The payments against `obligation_id` as the prepayment rules read them: amount, method and the
// Hong Kong time received, oldest first (only those received on `day`).
Result<std::vector<risk::DayPayment>> payments_on(Database& db, const std::string& obligation_id,
                                                  Date day);

// Obligations unpaid (paid < amount) whose deadline is at or before `now_utc` and not yet
// marked: each is marked defaulted at `now_utc` and returned (MO-2).
Result<std::vector<StoredObligation>> mark_defaults(Database& db, const std::string& now_utc);

// The notices of issue 16 item 6, each claimed once even with two schedulers (the row is set
// before it is returned; a row another claimed meanwhile is skipped):
// - the obligations whose report was issued at or before `now_utc` with no notice yet; those
//   issued before `fresh_from_utc` are claimed without being returned (a past run loaded today
//   announces nothing stale);
// - the unpaid obligations whose deadline is after `now_utc` and at or before `until_utc` with no
//   reminder yet.
Result<std::vector<StoredObligation>> claim_report_notices(Database& db, const std::string& now_utc,
                                                           const std::string& fresh_from_utc);
Result<std::vector<StoredObligation>> claim_deadline_reminders(Database& db,
                                                               const std::string& now_utc,
                                                               const std::string& until_utc);

Result<ImportCounts> import_guarantee_fund(Database& db,
                                           const std::vector<risk::GuaranteeFundRow>& rows);
Result<std::optional<risk::GuaranteeFundRow>> guarantee_fund_of(Database& db,
                                                                const std::string& participant,
                                                                Date date);

// The users with a role in `firm`, sorted: who hears of the firm's defaults.
Result<std::vector<std::string>> users_of_firm(Database& db, const std::string& firm);

// The HKSCC participant id of `firm`, if its profile has one.
Result<std::optional<std::string>> hkscc_participant_of_firm(Database& db, const std::string& firm);

// The firm whose HKSCC participant id is `participant`, if one is registered (firm profile).
Result<std::optional<std::string>> firm_of_participant(Database& db,
                                                       const std::string& participant);

}  // namespace cp::store
