#include "core/utf8.h"

#include <cstdint>
#include <cstring>

namespace cp {
namespace {

// The length of the well-formed sequence starting at text[i] (RFC 3629 §4's table), or 0.
size_t sequence_length(std::string_view text, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[i + k]); };
  const auto in = [](unsigned char b, unsigned char low, unsigned char high) {
    return b >= low && b <= high;
  };
  const unsigned char lead = byte(0);
  const size_t left = text.size() - i;
  if (lead < 0x80) return 1;
  if (in(lead, 0xC2, 0xDF)) return left >= 2 && in(byte(1), 0x80, 0xBF) ? 2 : 0;
  if (lead >= 0xE0 && lead <= 0xEF) {
    if (left < 3) return 0;
    // E0 needs A0..BF (no overlong form); ED needs 80..9F (no surrogate).
    const unsigned char low = lead == 0xE0 ? 0xA0 : 0x80;
    const unsigned char high = lead == 0xED ? 0x9F : 0xBF;
    return in(byte(1), low, high) && in(byte(2), 0x80, 0xBF) ? 3 : 0;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    if (left < 4) return 0;
    // F0 needs 90..BF (no overlong form); F4 needs 80..8F (nothing above U+10FFFF).
    const unsigned char low = lead == 0xF0 ? 0x90 : 0x80;
    const unsigned char high = lead == 0xF4 ? 0x8F : 0xBF;
    return in(byte(1), low, high) && in(byte(2), 0x80, 0xBF) && in(byte(3), 0x80, 0xBF) ? 4 : 0;
  }
  return 0;  // 80..C1 (a continuation or an overlong lead) and F5..FF never start a sequence
}

}  // namespace

bool is_valid_utf8(std::string_view text) {
  return first_invalid_utf8(text) == std::string_view::npos;
}

size_t first_invalid_utf8(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    // Eight ASCII bytes at once: no byte has its high bit set.
    if (i + 8 <= text.size()) {
      uint64_t word = 0;
      std::memcpy(&word, text.data() + i, 8);
      if ((word & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    const size_t length = sequence_length(text, i);
    if (length == 0) return i;
    i += length;
  }
  return std::string_view::npos;
}

bool has_control_characters(std::string_view text, bool allow_line_breaks) {
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == 0x7F) return true;
    if (c >= 0x20) continue;
    if (allow_line_breaks && (c == '\t' || c == '\r' || c == '\n')) continue;
    return true;
  }
  return false;
}

std::string utf8_with_replacements(std::string_view text) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    const size_t length = sequence_length(text, i);
    if (length > 0) {
      out.append(text.substr(i, length));
      i += length;
      continue;
    }
    out.append(kReplacement);
    // The byte and the continuation bytes after it: one U+FFFD for a truncated sequence, not
    // one per byte.
    ++i;
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80 &&
           sequence_length(text, i) == 0) {
      ++i;
    }
  }
  return out;
}

bool is_blank(std::string_view text) {
  for (const char c : text) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\v' && c != '\f') return false;
  }
  return true;
}

}  // namespace cp
