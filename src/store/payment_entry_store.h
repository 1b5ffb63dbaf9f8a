// Payments an HKSCC operator enters by hand (a CHATS payment seen on the bank's screen, a cheque)
// and a second operator checks before they count (issue 16 item 4; SPEC MO-2): the same
// maker-checker rule as the e-services — the checker is never the maker. Approval records the
// payment as a payments.csv row would, in the same transaction (migration 0039).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/decimal.h"
#include "risk/obligation_files.h"
#include "store/database.h"

namespace cp::store {

enum class EntryState { kPending, kApproved, kRejected };
const char* entry_state_code(EntryState state);
Result<EntryState> parse_entry_state(const std::string& text);

struct PaymentEntry {
  int64_t entry_id = 0;
  std::string payment_id;  // the bank's reference
  std::string obligation_id;
  Decimal amount_hkd;
  std::string received_at_utc;
  risk::PaymentMethod method = risk::PaymentMethod::kChats;
  std::string entered_by;
  std::string entered_at_utc;
  EntryState state = EntryState::kPending;
  std::optional<std::string> decided_by;
  std::optional<std::string> decided_at_utc;
  std::optional<std::string> reason;
};

// Stores a pending entry; refused (kInvalidInput, naming the field) for an unknown obligation,
// and (kConflict) for a payment id already entered or recorded from a file.
Result<int64_t> enter_payment(Database& db, const PaymentEntry& entry);

// Entries in `state`, oldest first; every state when nullopt. At most `limit`.
Result<std::vector<PaymentEntry>> payment_entries(Database& db, std::optional<EntryState> state,
                                                  int64_t limit);
Result<std::optional<PaymentEntry>> payment_entry(Database& db, int64_t entry_id);

// The checker's decision. Refused: kNotFound (no such entry), kConflict (already decided),
// kRuleViolation (the checker entered it: maker-checker). Approval records the payment
// (record_payments, source "operator:<maker>/<checker>"). Returns the decided entry.
Result<PaymentEntry> decide_payment(Database& db, int64_t entry_id, const std::string& checker,
                                    bool approve, const std::string& reason,
                                    const std::string& now_utc);

}  // namespace cp::store
