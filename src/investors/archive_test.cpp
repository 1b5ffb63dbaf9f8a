// The investor archive's chain and retention (SUIT-7): records chained by the audit trail's
// rule, what the verifier finds when one is changed, removed or moved, and which may be purged.
#include "investors/archive.h"

#include <gtest/gtest.h>

#include "core/test_values.h"
#include "support/shipped_reference.h"

namespace cp::investors {
namespace {

using test_values::d;

ArchiveRecord record(ArchiveKind kind, const std::string& content, Date retain) {
  ArchiveRecord r;
  r.account_id = "INV001";
  r.at_utc = "2025-10-20T02:00:00.000000Z";
  r.actor = "cli:ops";
  r.kind = kind;
  r.channel = "sh";
  r.retain_until = retain;
  r.content = content;
  return r;
}

// Three records chained from the genesis: 1 → 2 → 3.
std::vector<ArchiveRecord> chained() {
  std::vector<ArchiveRecord> out{
      record(ArchiveKind::kQuestionnaire, R"({"risk_level":"balanced"})", d("2043-06-02")),
      record(ArchiveKind::kDocument, R"({"sha256":"ab"})", d("2045-10-17")),
      record(ArchiveKind::kGrant, R"({"eligible":true})", d("2045-10-20"))};
  int64_t seq = 0;
  std::string hash = audit::kGenesisHash;
  for (auto& r : out) {
    chain_after(seq, hash, r);
    seq = r.seq;
    hash = r.hash;
  }
  return out;
}

std::optional<audit::ChainBreak> verify(const std::vector<ArchiveRecord>& records,
                                        int64_t after_seq = 0,
                                        std::string after_hash = audit::kGenesisHash) {
  ArchiveVerifier verifier(after_seq, std::move(after_hash));
  for (const auto& r : records) verifier.feed(r);
  return verifier.first_break();
}

TEST(Archive, RecordsChainFromTheGenesisAndEachChangeBreaksIt) {
  auto records = chained();
  EXPECT_EQ(records[0].seq, 1);
  EXPECT_EQ(records[0].prev_hash, audit::kGenesisHash);
  EXPECT_EQ(records[2].prev_hash, records[1].hash);
  EXPECT_EQ(records[0].hash.size(), 64u);
  EXPECT_FALSE(verify(records).has_value());

  auto edited = records;
  edited[1].content = R"({"sha256":"cd"})";  // another document's hash
  ASSERT_TRUE(verify(edited).has_value());
  EXPECT_EQ(verify(edited)->seq, 2);
  EXPECT_EQ(verify(edited)->message, "record 2 was changed after it was recorded");

  auto kept_shorter = records;
  kept_shorter[0].retain_until = d("2030-06-02");  // the retention shortened to delete early
  EXPECT_EQ(verify(kept_shorter)->seq, 1);

  auto removed = records;
  removed.erase(removed.begin() + 1);
  EXPECT_EQ(verify(removed)->message, "record 3 follows record 1: a record is missing or moved");

  // A purge of record 1 leaves its hash as the anchor: the rest verifies from there, and from
  // the genesis it does not.
  const std::vector<ArchiveRecord> after_purge(records.begin() + 1, records.end());
  EXPECT_FALSE(verify(after_purge, 1, records[0].hash).has_value());
  EXPECT_TRUE(verify(after_purge).has_value());
}

// Kept 20 years (seed 002 附件2 第15条): through the same day; a leap day's through 02-28.
TEST(Archive, RetentionIsTheShippedTwentyYearsThroughTheSameDay) {
  auto years = archive_retention_years(testing::shipped_refdata().parameters, d("2026-12-07"));
  ASSERT_TRUE(years.ok()) << years.error().to_string();
  EXPECT_EQ(*years, 20);
  EXPECT_EQ(retain_until(d("2025-10-20"), 20), d("2045-10-20"));
  EXPECT_EQ(retain_until(d("2024-02-29"), 21), d("2045-02-28"));
}

// Only a leading run past its date: on 2045-10-18 the first two (kept until 2043-06-02 and
// 2045-10-17) may go; on 2045-10-17 only the first; on 2043-06-02 none (kept through that day).
// A later record past its date behind one still kept does not go.
TEST(Archive, OnlyTheLeadingRecordsPastTheirDateMayBePurged) {
  const auto records = chained();
  EXPECT_EQ(purgeable(records, d("2045-10-18")), 2u);
  EXPECT_EQ(purgeable(records, d("2045-10-17")), 1u);
  EXPECT_EQ(purgeable(records, d("2043-06-02")), 0u);
  auto out_of_order = records;
  out_of_order[0].retain_until = d("2099-01-01");
  EXPECT_EQ(purgeable(out_of_order, d("2050-01-01")), 0u);
}

}  // namespace
}  // namespace cp::investors
