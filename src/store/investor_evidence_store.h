// The investor evidence files stored (issue 18; investors/evidence_files.h, migration 0051), and
// one investor's evidence for a channel read back for the suitability rules
// (investors/suitability.h). Questionnaires, answer sheets and documents are also appended to
// each investor's archive as they are stored (SUIT-7). Each import is all or nothing: a row already
// stored comes back unchanged, other values under its key are refused naming the file's row, and an
// account not in the account book is refused.
#pragma once

#include <string>
#include <vector>

#include "core/date.h"
#include "core/market.h"
#include "investors/evidence_files.h"
#include "investors/suitability.h"
#include "store/database.h"
#include "store/import_store.h"
#include "store/investor_archive_store.h"

namespace cp::store {

Result<ImportCounts> import_asset_snapshots(Database& db,
                                            const std::vector<investors::AssetSnapshot>& rows,
                                            const std::string& file);
Result<ImportCounts> import_questionnaires(Database& db,
                                           const std::vector<investors::QuestionnaireRow>& rows,
                                           const std::string& file, const ArchiveStamp& archive);
Result<ImportCounts> import_knowledge_tests(Database& db,
                                            const std::vector<investors::KnowledgeTestRow>& rows,
                                            const std::string& file, const ArchiveStamp& archive);
Result<ImportCounts> import_trading_warnings(Database& db,
                                             const std::vector<investors::WarningRow>& rows,
                                             const std::string& file);
Result<ImportCounts> import_investor_profiles(Database& db,
                                              const std::vector<investors::ProfileRow>& rows,
                                              const std::string& file);
Result<ImportCounts> import_permission_documents(Database& db,
                                                 const std::vector<investors::DocumentRow>& rows,
                                                 const std::string& file,
                                                 const ArchiveStamp& archive);

// Whether an answer sheet of `account_id` for `channel` from bank `bank_version` taken on `day` is
// stored already (a knowledge test's key): the online opening keeps the first pass of a day.
Result<bool> knowledge_test_stored(Database& db, const std::string& account_id, Channel channel,
                                   Date day, const std::string& bank_version);

// Refuses (kInvalidInput, naming `file`) the first of `account_ids` not in the account book.
Result<void> require_known_accounts(Database& db, const std::vector<std::string>& account_ids,
                                    const std::string& file);

// Whether `account_id` is an individual or an institution; refuses an account not in the book
// (not found) and the broker's own account (no Southbound permission is granted to it).
Result<investors::InvestorType> investor_type(Database& db, const std::string& account_id);

// What the broker knows of `account_id` on `channel` as of `date`: the latest profile, the latest
// questionnaire and knowledge test for the channel, the latest disclosure study and agreement
// for the channel, on or before `date`; the channel's exchange's warnings; the assets snapshots
// from `window_from` to the day before `date`. Refuses an account not in the book and the
// broker's own account (no Southbound permission is granted to it).
Result<investors::Evidence> investor_evidence(Database& db, const std::string& account_id,
                                              Channel channel, Date date, Date window_from);

}  // namespace cp::store
