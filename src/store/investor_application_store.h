// The online opening's applications and knowledge-test attempts stored (issue 18; migration
// 0054; investors/opening.h). The routes decide each step; this file keeps the state, refusing a
// second open application per account and channel and a step taken on a state that has moved
// since it was read (two tabs, a double click).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/market.h"
#include "investors/opening.h"
#include "store/database.h"

namespace cp::store {

struct ApplicationRow {
  int64_t application_id = 0;
  std::string firm_id;
  std::string user_id;
  std::string account_id;
  Channel channel = Channel::kShanghai;
  investors::OpeningState state = investors::OpeningState::kStarted;
  std::string started_at;  // UTC text
  std::string updated_at;
  std::string code_hash;  // '' = no code sent
  std::string code_expires_at;
  std::string code_sent_at;
  int64_t code_failures = 0;
  std::string disclosure_opened;  // SHA-256 of the version served; '' = not opened
  std::string outcome;            // JSON of the decision, once there is one
};

// Stores a new application in state started and returns it with its id. Refuses (kConflict)
// while the account has an open application on the channel, naming it.
Result<ApplicationRow> start_application(Database& db, const ApplicationRow& application);

// The application `application_id` of `user_id` in `firm_id`; none for another user's, as for
// one that does not exist.
Result<std::optional<ApplicationRow>> application_of(Database& db, const std::string& firm_id,
                                                     const std::string& user_id,
                                                     int64_t application_id);

// The user's applications in the firm, newest first.
Result<std::vector<ApplicationRow>> applications_of(Database& db, const std::string& firm_id,
                                                    const std::string& user_id);

// Writes `application`'s state, code, disclosure and outcome, stamped `updated_at`, if it is
// still in `expected` (kConflict otherwise: another step moved it first).
Result<void> update_application(Database& db, const ApplicationRow& application,
                                investors::OpeningState expected);

struct KnowledgeAttempt {
  int64_t application_id = 0;
  int64_t attempt = 0;  // 1, 2, … per application
  std::string account_id;
  Channel channel = Channel::kShanghai;
  Date drawn_on;  // HKT
  std::string bank_version;
  std::vector<std::string> questions;  // the ids drawn, in order
  std::string answers;                 // JSON once marked
  std::optional<int64_t> correct;      // once marked
};

// The application's attempt not yet marked, if any.
Result<std::optional<KnowledgeAttempt>> open_attempt(Database& db, int64_t application_id);

// The attempts drawn for the account on the channel on `day`, over all its applications.
Result<int64_t> attempts_on(Database& db, const std::string& account_id, Channel channel, Date day);

// Stores a new attempt numbered after the application's last; returns it with its number.
Result<KnowledgeAttempt> add_attempt(Database& db, KnowledgeAttempt attempt);

// Records the answers and the marks of an attempt not yet marked (kConflict once marked).
Result<void> mark_attempt(Database& db, int64_t application_id, int64_t attempt,
                          const std::string& answers, int64_t correct);

}  // namespace cp::store
