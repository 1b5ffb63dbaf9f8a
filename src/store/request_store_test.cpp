// The portal's requests in the database, on both backends (issue 6): references, the version
// guard, the one-open rule kept by the database even against a race, search that never leaves
// the firms or teams it is scoped to, and attachments stored once per content.
#include "store/request_store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/identity_store.h"
#include "store/migrations.h"
#include "support/backend_test.h"

namespace cp::store {
namespace {

using ::testing::HasSubstr;
using workflow::Status;

class RequestStoreTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    ASSERT_TRUE(migrate(*db_, clock_).ok());
    for (const Firm& firm : {Firm{"B001", "Alpha Securities", identity::FirmKind::kBroker},
                             Firm{"B002", "Beta Securities", identity::FirmKind::kBroker}}) {
      ASSERT_TRUE(add_firm(*db_, firm, clock_.now()).ok());
    }
  }

  StoredRequest draft(const std::string& firm, const std::string& maker,
                      const std::string& search = " #31 bank-accounts hsbc") {
    StoredRequest r;
    r.firm_id = firm;
    r.service_id = "bank-accounts";
    r.operator_team = "participant_services";
    r.data = R"({"instructions": []})";
    r.search_text = search;
    r.created_by = maker;
    r.created_at = r.updated_at = format_utc(clock_.now());
    auto inserted = insert_request(*db_, r);
    EXPECT_TRUE(inserted.ok()) << inserted.error().to_string();
    clock_.advance(std::chrono::seconds(1));
    return inserted.ok() ? *inserted : r;
  }

  std::vector<std::string> references(const RequestQuery& query) {
    auto found = search_requests(*db_, query);
    EXPECT_TRUE(found.ok()) << found.error().to_string();
    std::vector<std::string> out;
    for (const auto& r : *found) out.push_back(r.reference);
    return out;
  }

  FixedClock clock_{from_hkt(*Date::parse("2026-12-03"), *TimeOfDay::parse("09:00"))};
};

TEST_P(RequestStoreTest, ANewRequestGetsItsReferenceAndItsCreatorIsAMaker) {
  const StoredRequest first = draft("B001", "mia");
  const StoredRequest second = draft("B001", "mia");
  EXPECT_EQ(first.reference, "SR-00000001");
  EXPECT_EQ(second.reference, "SR-00000002");
  auto found = find_request(*db_, "SR-00000001");
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->makers, std::set<std::string>{"mia"});
  EXPECT_EQ((*found)->status, Status::kDraft);
  EXPECT_EQ((*found)->search_text, "sr-00000001 #31 bank-accounts hsbc");
  EXPECT_FALSE(find_request(*db_, "SR-00000099")->has_value());
}

TEST_P(RequestStoreTest, AStaleVersionCannotOverwriteANewerOne) {
  StoredRequest r = draft("B001", "mia");
  StoredRequest mine = r;
  StoredRequest theirs = r;
  mine.version = theirs.version = r.version + 1;
  mine.status = Status::kSubmitted;
  ASSERT_TRUE(update_request(*db_, mine).ok());
  theirs.status = Status::kWithdrawn;
  auto stale = update_request(*db_, theirs);
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  EXPECT_EQ((*find_request(*db_, r.reference))->status, Status::kSubmitted);
}

TEST_P(RequestStoreTest, OneOpenRequestPerSubjectNamesTheOpenOne) {
  StoredRequest a = draft("B001", "mia");
  StoredRequest b = draft("B001", "max");
  a.open_key = b.open_key = "B001|bank-accounts|";
  a.status = b.status = Status::kSubmitted;
  a.version = b.version = 2;
  ASSERT_TRUE(update_request(*db_, a).ok());
  auto second = update_request(*db_, b);
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().code, ErrorCode::kConflict);
  EXPECT_THAT(second.error().message, HasSubstr(a.reference));
  // Another firm's subject is its own.
  StoredRequest c = draft("B002", "bea");
  c.open_key = "B002|bank-accounts|";
  c.version = 2;
  EXPECT_TRUE(update_request(*db_, c).ok());
  // Once the first closes, the subject is free.
  a.open_key.reset();
  a.status = Status::kCompleted;
  a.version = 3;
  ASSERT_TRUE(update_request(*db_, a).ok());
  EXPECT_TRUE(update_request(*db_, b).ok());
}

TEST_P(RequestStoreTest, TheDatabaseItselfRefusesASecondOpenKey) {
  // As if two servers checked at the same moment: only the unique index stands between them.
  StoredRequest a = draft("B001", "mia");
  StoredRequest b = draft("B001", "max");
  ASSERT_TRUE(
      db_->execute("UPDATE service_request SET open_key = 'k' WHERE request_id = ?", {a.request_id})
          .ok());
  EXPECT_FALSE(
      db_->execute("UPDATE service_request SET open_key = 'k' WHERE request_id = ?", {b.request_id})
          .ok());
}

TEST_P(RequestStoreTest, SearchNeverLeavesItsFirmsOrTeams) {
  const StoredRequest alpha = draft("B001", "mia", " #31 hsbc alpha");
  const StoredRequest beta = draft("B002", "bea", " #31 hsbc beta");
  EXPECT_EQ(references({.firm_ids = {"B001"}}), std::vector<std::string>{alpha.reference});
  EXPECT_EQ(references({.firm_ids = {"B001"}, .text = "beta"}), std::vector<std::string>{});
  EXPECT_EQ(references({.firm_ids = {"B001"}, .reference = beta.reference}),
            std::vector<std::string>{});
  EXPECT_EQ(references({}), std::vector<std::string>{});  // no scope, nothing
  // The operator's team sees both, newest change first.
  EXPECT_EQ(references({.teams = {"participant_services"}}),
            (std::vector<std::string>{beta.reference, alpha.reference}));
  EXPECT_EQ(references({.teams = {"technical_services"}}), std::vector<std::string>{});
}

TEST_P(RequestStoreTest, SearchFindsChineseTextAsWrittenAndAsciiInAnyCase) {
  const StoredRequest a = draft("B001", "mia", " #6 00700 騰訊控股 tencent");
  const StoredRequest b = draft("B001", "max", " #6 00388 香港交易所");
  EXPECT_EQ(references({.firm_ids = {"B001"}, .text = "騰訊"}),
            std::vector<std::string>{a.reference});
  EXPECT_EQ(references({.firm_ids = {"B001"}, .text = "香港"}),
            std::vector<std::string>{b.reference});
  EXPECT_EQ(references({.firm_ids = {"B001"}, .text = "TenCent"}),
            std::vector<std::string>{a.reference});
  // Simplified 腾讯 is another text: the search matches what was written, character for character.
  EXPECT_EQ(references({.firm_ids = {"B001"}, .text = "腾讯"}), std::vector<std::string>{});
}

TEST_P(RequestStoreTest, SearchFiltersCombine) {
  const StoredRequest a = draft("B001", "mia", " #31 hsbc 100%");
  StoredRequest b = draft("B001", "max", " #31 boc");
  b.status = Status::kSubmitted;
  b.version = 2;
  ASSERT_TRUE(update_request(*db_, b).ok());
  EXPECT_EQ(references({.firm_ids = {"B001"}, .statuses = {"submitted"}}),
            std::vector<std::string>{b.reference});
  EXPECT_EQ(references({.firm_ids = {"B001"}, .text = "HSBC"}),
            std::vector<std::string>{a.reference});
  // % is a character to find, not a wildcard.
  EXPECT_EQ(references({.firm_ids = {"B001"}, .text = "100%"}),
            std::vector<std::string>{a.reference});
  EXPECT_EQ(references({.firm_ids = {"B001"}, .text = "1_0"}), std::vector<std::string>{});
  EXPECT_EQ(references({.firm_ids = {"B001"}, .text = "\\"}), std::vector<std::string>{});
  EXPECT_EQ(references({.firm_ids = {"B001"}, .maker = "max"}),
            std::vector<std::string>{b.reference});
  EXPECT_EQ(references({.firm_ids = {"B001"}, .not_maker = "max"}),
            std::vector<std::string>{a.reference});
  EXPECT_EQ(references({.firm_ids = {"B001"}, .from_utc = b.created_at}),
            std::vector<std::string>{b.reference});
  EXPECT_EQ(references({.firm_ids = {"B001"}, .before_utc = b.created_at}),
            std::vector<std::string>{a.reference});
  EXPECT_EQ(references({.firm_ids = {"B001"}, .limit = 1, .offset = 1}),
            std::vector<std::string>{a.reference});
}

TEST_P(RequestStoreTest, EventsFormATimelineInOrder) {
  const StoredRequest r = draft("B001", "mia");
  ASSERT_TRUE(
      add_request_event(*db_, r.request_id, {0, "t1", "mia", "create", "", "draft", "", "[]"})
          .ok());
  ASSERT_TRUE(add_request_event(*db_, r.request_id,
                                {0, "t2", "chen", "return", "submitted", "returned", "typo", "[]"})
                  .ok());
  auto events = request_events(*db_, r.request_id);
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 2u);
  EXPECT_EQ((*events)[0].seq, 1);
  EXPECT_EQ((*events)[1].seq, 2);
  EXPECT_EQ((*events)[1].reason, "typo");
}

TEST_P(RequestStoreTest, AttachmentsAreStoredOncePerContentAndKeptWhenRemoved) {
  const StoredRequest a = draft("B001", "mia");
  const StoredRequest b = draft("B002", "bea");
  const std::string pdf = std::string("%PDF-1.7\n\0\xff binary", 18);
  Attachment meta{0, "bank_confirmation", "letter.pdf", "application/pdf", 0, "", "mia", "t"};
  auto first = add_attachment(*db_, a.request_id, meta, pdf);
  ASSERT_TRUE(first.ok()) << first.error().to_string();
  EXPECT_EQ(first->size_bytes, 18);
  // SHA-256 of those 18 bytes, as Python's hashlib.sha256(b"%PDF-1.7\n\x00\xff binary") gives.
  EXPECT_EQ(first->sha256_hex, "77905cc06a0ce88ca764a5f57f50348442ddba7b738a348becbe7f4d98ee3446");
  auto again = add_attachment(*db_, b.request_id, meta, pdf);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->sha256_hex, first->sha256_hex);
  auto count = db_->query("SELECT COUNT(*) FROM attachment_content");
  EXPECT_EQ(count->rows[0].text(0), "1");
  EXPECT_EQ(*attachment_bytes(*db_, a.request_id, first->attachment_id), pdf);
  // Another request's attachment id is not found through this request.
  auto crossing = attachment_bytes(*db_, a.request_id, again->attachment_id);
  ASSERT_FALSE(crossing.ok());
  EXPECT_EQ(crossing.error().code, ErrorCode::kNotFound);
  ASSERT_TRUE(
      remove_attachment(*db_, a.request_id, first->attachment_id, "mia", clock_.now()).ok());
  EXPECT_TRUE(list_attachments(*db_, a.request_id)->empty());
  auto kept = db_->query("SELECT removed_by FROM attachment WHERE attachment_id = ?",
                         {first->attachment_id});
  EXPECT_EQ(kept->rows.at(0).text(0), "mia");
}

TEST_P(RequestStoreTest, AFirmsProfileCarriesItsParticipantIds) {
  portal::FirmProfile profile{"B001",
                              "",
                              "阿爾法證券",
                              "1 Connaught Place",
                              "Alice Chan",
                              "+852 2522 0000",
                              "ops@alpha.example",
                              {{"HKSCC", "B01234"}, {"HKCC", "ALP"}}};
  ASSERT_TRUE(save_firm_profile(*db_, profile, clock_.now()).ok());
  auto found = find_firm_profile(*db_, "B001");
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->name, "Alpha Securities");  // from the firm record
  EXPECT_EQ((*found)->participant_ids.at("HKCC"), "ALP");
  // A firm without a profile row has an empty one; an unknown firm has none.
  EXPECT_EQ((*find_firm_profile(*db_, "B002"))->contact_name, "");
  EXPECT_FALSE(find_firm_profile(*db_, "B999")->has_value());
  profile.firm_id = "B999";
  EXPECT_EQ(save_firm_profile(*db_, profile, clock_.now()).error().code, ErrorCode::kNotFound);
}

CP_INSTANTIATE_ON_BOTH_BACKENDS(RequestStoreTest);

}  // namespace
}  // namespace cp::store
