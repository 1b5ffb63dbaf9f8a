// The audit trail (SPEC PORTAL-12, ORG-3): an append-only list of entries, each chained to the
// one before by SHA-256 over the previous entry's hash and this entry's canonical encoding. An
// entry edited, deleted, inserted or moved breaks the chain at that entry or the next, and
// `connectpost audit verify` names the first one. Rewriting the whole tail consistently needs
// the head hash to be rewritten too: the EOD summary prints it, so a head noted earlier (an
// anchor) is checked as well (docs/audit.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace cp::audit {

struct AuditEntry {
  int64_t seq = 0;        // 1, 2, 3… without gaps
  std::string at_utc;     // when, RFC 3339 UTC with microseconds
  std::string actor;      // who: "user:<id>", "cli:<os user>", "system"
  std::string firm;       // the firm acted for; empty when none
  std::string action;     // what, dotted: "eod.run", "import.executions", "user.login_failed"
  std::string object;     // about what, "<type>:<id>": "eod:2024-03-15", "request:42"
  std::string detail;     // JSON text, never a secret
  std::string prev_hash;  // hex SHA-256 of the entry before; kGenesisHash for the first
  std::string hash;       // hex SHA-256(prev_hash ‖ canonical_encoding(entry))
};

// The hash before the first entry: 64 zeros.
extern const char* const kGenesisHash;

// Appends `field` as "<byte length>:<bytes>\n": fields so joined read back unambiguously whatever
// they contain.
void add_field(std::string& out, std::string_view field);

// The bytes hashed: each of seq, at_utc, actor, firm, action, object, detail as
// "<byte length>:<bytes>\n", in that order — unambiguous whatever the fields contain.
std::string canonical_encoding(const AuditEntry& entry);

// Lowercase hex SHA-256 of `bytes` (64 digits): the one hash the chains, attachments, session
// tokens and archive exports use.
std::string sha256_hex(std::string_view bytes);

// Lowercase hex SHA-256 of prev_hash followed by the entry's canonical encoding.
std::string entry_hash(const std::string& prev_hash, const AuditEntry& entry);

// Sets entry.seq, prev_hash and hash to follow the head (seq, hash) of the log.
void chain_after(int64_t head_seq, const std::string& head_hash, AuditEntry& entry);

struct ChainBreak {
  int64_t seq = 0;  // the first entry found bad (or the head's seq)
  std::string message;
};

// A head noted earlier: the seq and hash an EOD summary printed.
struct Anchor {
  int64_t seq = 0;
  std::string hash;
};

// Checks a log fed in seq order, one entry at a time (a log of millions is never held whole).
class ChainVerifier {
 public:
  explicit ChainVerifier(std::optional<Anchor> anchor = {}) : anchor_(std::move(anchor)) {}
  // Checks the entry against the one before; after the first break, entries are only counted.
  void feed(const AuditEntry& entry);
  // Checks the stored head (seq, hash) against the last entry fed, and the anchor against the
  // entry of its seq. Returns the first break, if any.
  std::optional<ChainBreak> finish(int64_t head_seq, const std::string& head_hash) const;
  int64_t entries() const { return entries_; }

 private:
  std::optional<Anchor> anchor_;
  int64_t entries_ = 0;
  int64_t last_seq_ = 0;
  std::string last_hash_ = kGenesisHash;
  std::optional<std::string> hash_at_anchor_;
  std::optional<ChainBreak> first_break_;
};

}  // namespace cp::audit
