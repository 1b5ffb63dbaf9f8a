#include "audit/audit_chain.h"

#include <gtest/gtest.h>

#include <vector>

namespace cp::audit {
namespace {

AuditEntry eod_entry() {
  AuditEntry e;
  e.at_utc = "2024-03-15T10:30:00.000000Z";
  e.actor = "cli:root";
  e.action = "eod.run";
  e.object = "eod:2024-03-15";
  e.detail = R"({"digest":"f40a0169d3"})";
  return e;
}

TEST(AuditChain, CanonicalEncodingIsLengthPrefixedFieldsInAFixedOrder) {
  AuditEntry e = eod_entry();
  e.seq = 1;
  EXPECT_EQ(canonical_encoding(e),
            "1:1\n27:2024-03-15T10:30:00.000000Z\n8:cli:root\n0:\n7:eod.run\n14:eod:2024-03-15\n"
            "23:{\"digest\":\"f40a0169d3\"}\n");
}

TEST(AuditChain, TheFirstHashIsSha256OfTheGenesisHashAndTheEncoding) {
  AuditEntry e = eod_entry();
  chain_after(0, kGenesisHash, e);
  EXPECT_EQ(e.seq, 1);
  EXPECT_EQ(e.prev_hash, kGenesisHash);
  // `printf '%s' '<64 zeros><the encoding above>' | sha256sum` (GNU coreutils).
  EXPECT_EQ(e.hash, "d1e693ba54e9d295bbab348561be7f5b793a8e4ccd048ebed2b49e7f88190d50");
}

// A log of five entries, each chained to the one before.
std::vector<AuditEntry> five_entries() {
  std::vector<AuditEntry> log;
  std::string head = kGenesisHash;
  for (int i = 1; i <= 5; ++i) {
    AuditEntry e = eod_entry();
    e.object = "eod:2024-03-1" + std::to_string(i);
    chain_after(static_cast<int64_t>(log.size()), head, e);
    head = e.hash;
    log.push_back(e);
  }
  return log;
}

std::optional<ChainBreak> verify(const std::vector<AuditEntry>& log, int64_t head_seq,
                                 const std::string& head_hash, std::optional<Anchor> anchor = {}) {
  ChainVerifier verifier(std::move(anchor));
  for (const auto& e : log) verifier.feed(e);
  return verifier.finish(head_seq, head_hash);
}

TEST(AuditChain, AnIntactLogVerifies) {
  const auto log = five_entries();
  EXPECT_FALSE(verify(log, 5, log.back().hash).has_value());
  EXPECT_FALSE(verify({}, 0, kGenesisHash).has_value());  // an empty log
}

TEST(AuditChain, AnEditedEntryIsNamed) {
  auto log = five_entries();
  log[2].detail = R"({"digest":"0000000000"})";
  const auto found = verify(log, 5, log.back().hash);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->seq, 3);
  EXPECT_EQ(found->message, "entry 3: its content does not match its hash (edited)");
}

TEST(AuditChain, AnEditWithARecomputedHashBreaksTheNextLink) {
  auto log = five_entries();
  log[2].actor = "cli:someone-else";
  log[2].hash = entry_hash(log[2].prev_hash, log[2]);
  const auto found = verify(log, 5, log.back().hash);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->message,
            "entry 4: does not link to entry 3 (that entry was changed, or this one inserted)");
}

TEST(AuditChain, ADeletedEntryIsNamed) {
  auto log = five_entries();
  log.erase(log.begin() + 2);
  const auto found = verify(log, 5, log.back().hash);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->message, "entry 4: follows entry 2: 1 entry(ies) deleted");
}

TEST(AuditChain, SwappedSequenceNumbersAreEdits) {
  auto log = five_entries();
  std::swap(log[1].object, log[2].object);  // two rows' contents exchanged under their seqs
  std::swap(log[1].hash, log[2].hash);
  std::swap(log[1].prev_hash, log[2].prev_hash);
  const auto found = verify(log, 5, log.back().hash);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->seq, 2);
}

TEST(AuditChain, EntriesDeletedFromTheEndDisagreeWithTheHead) {
  const auto log = five_entries();
  const std::string head = log.back().hash;
  const std::vector<AuditEntry> truncated(log.begin(), log.begin() + 3);
  const auto found = verify(truncated, 5, head);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->message,
            "the log ends at entry 3 but its head records entry 5 (entries deleted from the end)");
}

TEST(AuditChain, ATailRewrittenConsistentlyIsCaughtByAnEarlierAnchor) {
  auto log = five_entries();
  const Anchor noted{4, log[3].hash};  // printed by an EOD summary before the rewrite
  log[2].detail = R"({"digest":"rewritten"})";
  for (size_t i = 2; i < log.size(); ++i) {
    chain_after(log[i - 1].seq, log[i - 1].hash, log[i]);
  }
  EXPECT_FALSE(verify(log, 5, log.back().hash).has_value());  // consistent without the anchor
  const auto found = verify(log, 5, log.back().hash, noted);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->message,
            "entry 4 no longer has the anchor's hash: the log was rewritten from there on");
  const auto missing = verify(log, 5, log.back().hash, Anchor{9, noted.hash});
  ASSERT_TRUE(missing.has_value());
  EXPECT_EQ(missing->message, "entry 9 of the anchor is not in the log");
}

}  // namespace
}  // namespace cp::audit
