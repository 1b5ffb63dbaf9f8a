#include "audit/audit_chain.h"

#include <sodium.h>

#include "core/assert.h"

namespace cp::audit {

const char* const kGenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

void add_field(std::string& out, std::string_view field) {
  out += std::to_string(field.size());
  out += ':';
  out += field;
  out += '\n';
}

std::string canonical_encoding(const AuditEntry& entry) {
  std::string out;
  add_field(out, std::to_string(entry.seq));
  for (const std::string* field :
       {&entry.at_utc, &entry.actor, &entry.firm, &entry.action, &entry.object, &entry.detail}) {
    add_field(out, *field);
  }
  return out;
}

std::string sha256_hex(std::string_view bytes) {
  CP_ASSERT(sodium_init() >= 0, "libsodium failed to initialise");
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

std::string entry_hash(const std::string& prev_hash, const AuditEntry& entry) {
  return sha256_hex(prev_hash + canonical_encoding(entry));
}

void chain_after(int64_t head_seq, const std::string& head_hash, AuditEntry& entry) {
  entry.seq = head_seq + 1;
  entry.prev_hash = head_hash;
  entry.hash = entry_hash(head_hash, entry);
}

void ChainVerifier::feed(const AuditEntry& entry) {
  ++entries_;
  if (first_break_) return;
  const std::string at = "entry " + std::to_string(entry.seq) + ": ";
  if (entry.seq != last_seq_ + 1) {
    first_break_ = ChainBreak{
        entry.seq, entry.seq > last_seq_ + 1
                       ? at + "follows entry " + std::to_string(last_seq_) + ": " +
                             std::to_string(entry.seq - last_seq_ - 1) + " entry(ies) deleted"
                       : at + "out of order after entry " + std::to_string(last_seq_)};
    return;
  }
  if (entry.prev_hash != last_hash_) {
    first_break_ =
        ChainBreak{entry.seq, at + "does not link to entry " + std::to_string(last_seq_) +
                                  " (that entry was changed, or this one inserted)"};
    return;
  }
  if (entry_hash(entry.prev_hash, entry) != entry.hash) {
    first_break_ = ChainBreak{entry.seq, at + "its content does not match its hash (edited)"};
    return;
  }
  last_seq_ = entry.seq;
  last_hash_ = entry.hash;
  if (anchor_ && anchor_->seq == entry.seq) hash_at_anchor_ = entry.hash;
}

std::optional<ChainBreak> ChainVerifier::finish(int64_t head_seq,
                                                const std::string& head_hash) const {
  if (first_break_) return first_break_;
  if (head_seq != last_seq_ || head_hash != last_hash_) {
    return ChainBreak{head_seq, "the log ends at entry " + std::to_string(last_seq_) +
                                    " but its head records entry " + std::to_string(head_seq) +
                                    (head_seq > last_seq_ ? " (entries deleted from the end)"
                                                          : " (the head was changed)")};
  }
  if (anchor_ && (!hash_at_anchor_ || *hash_at_anchor_ != anchor_->hash)) {
    return ChainBreak{anchor_->seq,
                      "entry " + std::to_string(anchor_->seq) +
                          (hash_at_anchor_ ? " no longer has the anchor's hash: the log was "
                                             "rewritten from there on"
                                           : " of the anchor is not in the log")};
  }
  return std::nullopt;
}

}  // namespace cp::audit
