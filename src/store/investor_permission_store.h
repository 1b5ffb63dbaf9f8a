// The permission registry (issue 18; migration 0052): the Southbound permissions granted per
// account and channel, each with the assessment it was granted on and, once closed, the
// closing check; and the re-assessment job's notices (SUIT-6). The callers check the rules
// (investors/suitability.h, investors/closing.h) and audit the change.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/market.h"
#include "investors/evidence_files.h"
#include "investors/reassessment.h"
#include "store/database.h"
#include "store/import_store.h"
#include "store/investor_archive_store.h"

namespace cp::store {

struct PermissionRow {
  std::string account_id;
  Channel channel = Channel::kShanghai;
  Date granted_on;
  std::string granted_by;
  std::string assessment;  // JSON: every rule, its evidence and reason
  std::optional<Date> closed_on;
  std::string closed_by;
  std::string closing;  // JSON: the closing check
  // Held on `date`: granted on or before it and not closed on or before it.
  bool open_on(Date date) const { return granted_on <= date && (!closed_on || *closed_on > date); }
};

// The account's open permission on the channel (not closed), if any.
Result<std::optional<PermissionRow>> open_permission(Database& db, const std::string& account_id,
                                                     Channel channel);

// Stores a grant. Refuses (kConflict) a grant while the account holds the channel's permission,
// naming the date it was granted on, and one dated before the last closing of the channel.
Result<void> grant_permission(Database& db, const PermissionRow& grant);

// Closes the account's open permission on the channel on `closed_on`. Refuses (kNotFound) when
// none is open, and (kRuleViolation) a closing dated before the grant.
Result<PermissionRow> close_permission(Database& db, const std::string& account_id, Channel channel,
                                       Date closed_on, const std::string& closed_by,
                                       const std::string& closing);

// Permissions granted before connectpost (permissions.csv), all or nothing: an account not in
// the book is refused (kInvalidInput), the same grant again is unchanged, and a grant while the
// account holds the channel's permission from another date is refused (kConflict), each naming
// the file's account and channel. Each stored grant's assessment records its source, and the
// grant is appended to the investor's archive.
Result<ImportCounts> import_permissions(Database& db,
                                        const std::vector<investors::PermissionGrantRow>& rows,
                                        const std::string& file, const ArchiveStamp& archive);

// Every permission (open and closed), or only `account_id`'s, by account, channel and grant.
Result<std::vector<PermissionRow>> list_permissions(Database& db, const std::string& account_id);

// The permissions held on `date`, each with the latest questionnaire completed on or before it
// (the assessment it now stands on; a permission without one is listed with the grant's date,
// which the grant's check required a valid questionnaire on).
Result<std::vector<investors::PermissionOnRecord>> permissions_on_record(Database& db, Date date);

// Records the job's listing of `due` on `listed_on`: true when it is new for its questionnaire
// and stage (the investor is to be told), false when an earlier run listed it already.
Result<bool> record_reassessment_notice(Database& db, const investors::ReassessmentDue& due,
                                        Date listed_on, int64_t notified);

}  // namespace cp::store
