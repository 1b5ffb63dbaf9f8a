// src/core/utf8.h over arbitrary bytes.
//
// Properties:
//  - utf8_with_replacements(x) is always valid UTF-8, and applying it again changes nothing;
//  - is_valid_utf8(x) implies utf8_with_replacements(x) == x;
//  - replacing keeps every ASCII byte of x, in order, and adds none (an ASCII byte always starts
//    a well-formed sequence), so it keeps has_control_characters() too; it at most triples the
//    size (one 3-byte U+FFFD per ill-formed byte at worst);
//  - has_control_characters(x, true) implies has_control_characters(x, false);
//  - is_blank(x) implies x is ASCII whitespace only;
//  - is_valid_utf8 agrees with an independent decoder written from RFC 3629 §4.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/utf8.h"
#include "fuzz_check.h"

namespace {

std::string ascii_of(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (static_cast<unsigned char>(c) < 0x80) out.push_back(c);
  }
  return out;
}

// RFC 3629 §4 by code point: decode, then refuse overlong forms, surrogates and > U+10FFFF.
bool reference_valid(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    size_t length = 0;
    uint32_t code = 0;
    if (lead < 0x80) {
      length = 1;
      code = lead;
    } else if ((lead & 0xE0) == 0xC0) {
      length = 2;
      code = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
      length = 3;
      code = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
      length = 4;
      code = lead & 0x07;
    } else {
      return false;
    }
    if (text.size() - i < length) return false;
    for (size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return false;
      code = (code << 6) | (next & 0x3F);
    }
    static constexpr uint32_t kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code < kMinimum[length]) return false;           // overlong
    if (code >= 0xD800 && code <= 0xDFFF) return false;  // surrogate
    if (code > 0x10FFFF) return false;                   // beyond Unicode
    i += length;
  }
  return true;
}

void fuzz_one(std::string_view text) {
  const bool valid = cp::is_valid_utf8(text);
  CP_FUZZ_CHECK(valid == reference_valid(text), "is_valid_utf8 follows RFC 3629");
  const std::string replaced = cp::utf8_with_replacements(text);
  CP_FUZZ_CHECK(cp::is_valid_utf8(replaced), "utf8_with_replacements() is valid UTF-8");
  CP_FUZZ_CHECK(cp::utf8_with_replacements(replaced) == replaced,
                "utf8_with_replacements() is idempotent");
  if (valid) CP_FUZZ_CHECK(replaced == text, "valid UTF-8 is left as it is");
  CP_FUZZ_CHECK(ascii_of(replaced) == ascii_of(text), "replacing keeps the ASCII bytes");
  CP_FUZZ_CHECK(replaced.size() <= 3 * text.size(), "replacing at most triples the size");
  for (const bool breaks : {false, true}) {
    CP_FUZZ_CHECK(
        cp::has_control_characters(replaced, breaks) == cp::has_control_characters(text, breaks),
        "replacing keeps control characters");
  }
  if (cp::has_control_characters(text, true)) {
    CP_FUZZ_CHECK(cp::has_control_characters(text, false),
                  "allowing line breaks allows no more than that");
  }
  if (cp::is_blank(text)) {
    for (const char c : text) {
      CP_FUZZ_CHECK(c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f',
                    "blank text is ASCII whitespace");
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz_one(cp::fuzz::as_text(data, size));
  return 0;
}
