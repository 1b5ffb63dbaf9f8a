// Reference-data changes filed by one operator and applied by another (issue 6 item 7;
// migration 0026), and the fee rules such changes add (ref_fee_added).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "refdata/fee_schedule.h"
#include "store/calendar_store.h"
#include "store/database.h"

namespace cp::store {

struct RefdataChange {
  int64_t change_id = 0;
  std::string reference;  // RC-00000042
  std::string firm_id;
  std::string kind;     // closure | weather | fee
  std::string payload;  // JSON text
  std::string summary;
  std::string status;  // submitted | applied | rejected | withdrawn
  std::string made_by;
  std::string made_at;
  std::string checked_by;
  std::string checked_at;
  std::string reason;
};

// Stores a submitted change and gives it its reference; returns it as stored.
Result<RefdataChange> insert_refdata_change(Database& db, RefdataChange change);
// nullopt: no such reference in that firm.
Result<std::optional<RefdataChange>> find_refdata_change(Database& db, const std::string& firm_id,
                                                         const std::string& reference);
// The firm's changes, newest first; `status` "" = any.
Result<std::vector<RefdataChange>> list_refdata_changes(Database& db, const std::string& firm_id,
                                                        const std::string& status, int64_t limit);
// Moves a submitted change to `status`; kConflict when it is no longer submitted (another
// operator got there first).
Result<void> close_refdata_change(Database& db, int64_t change_id, const std::string& status,
                                  const std::string& by, const std::string& at,
                                  const std::string& reason);

// A fee rule from a date (the whole rule; FeeSchedule::supersede).
Result<void> insert_fee_rule(Database& db, const refdata::FeeRule& rule, Date effective_from,
                             const std::string& source, const AddedBy& added);
// Applies the stored fee rules to a schedule loaded from the files, oldest first. A rule whose
// code already has a file row starting that day is skipped: the file has caught up with it.
Result<void> merge_fee_additions(Database& db, refdata::FeeSchedule& fees);

}  // namespace cp::store
