// An investor's records written into a scratch database the way the imports write them: the
// file's text through its own reader, then the store's import, each failure a test failure. For
// route tests that need accounts and evidence (tests/server/).
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "clearing/input_files.h"
#include "investors/evidence_files.h"
#include "store/import_store.h"
#include "store/investor_evidence_store.h"

namespace cp::testing {

// accounts.csv's text (clearing/input_files.h).
inline void import_accounts_text(store::Database& db, const std::string& text) {
  auto reader = CsvReader::from_string("accounts.csv", text);
  ASSERT_TRUE(reader.ok());
  auto rows = clearing::parse_accounts(*reader);
  ASSERT_TRUE(rows.ok()) << rows.error().to_string();
  ASSERT_TRUE(store::import_accounts(db, *rows, "accounts.csv").ok());
}

// questionnaires.csv's and investor_profiles.csv's text (investors/evidence_files.h), dated no
// later than `today`; the questionnaires archived by `stamp`.
inline void import_questionnaires_text(store::Database& db, const std::string& text, Date today,
                                       const store::ArchiveStamp& stamp) {
  auto reader = CsvReader::from_string("questionnaires.csv", text);
  ASSERT_TRUE(reader.ok());
  auto rows = investors::read_questionnaires(*reader, today);
  ASSERT_TRUE(rows.ok()) << rows.error().to_string();
  ASSERT_TRUE(store::import_questionnaires(db, *rows, "questionnaires.csv", stamp).ok());
}

inline void import_profiles_text(store::Database& db, const std::string& text, Date today) {
  auto reader = CsvReader::from_string("investor_profiles.csv", text);
  ASSERT_TRUE(reader.ok());
  auto rows = investors::read_investor_profiles(*reader, today);
  ASSERT_TRUE(rows.ok()) << rows.error().to_string();
  ASSERT_TRUE(store::import_investor_profiles(db, *rows, "investor_profiles.csv").ok());
}

}  // namespace cp::testing
