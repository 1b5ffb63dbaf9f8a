// UTF-8 as RFC 3629 defines it: the one check every text that enters the system passes through
// (request paths, query values, names, notes, uploaded CSV) before it is stored or shown, so that
// one bad byte stored once cannot break a page, a log line or an export for everyone.
#pragma once

#include <string>
#include <string_view>

namespace cp {

// Whether `text` is well-formed UTF-8 (RFC 3629 §4): no stray continuation byte, no truncated
// sequence, no overlong form, no surrogate (U+D800..U+DFFF), nothing above U+10FFFF.
bool is_valid_utf8(std::string_view text);

// The byte offset of the first byte that starts no well-formed sequence, or npos when `text` is
// well-formed UTF-8 (the same check; runs of ASCII are passed eight bytes at a time).
size_t first_invalid_utf8(std::string_view text);

// Whether `text` holds a C0 control character or DEL; tab, CR and LF count only when
// `allow_line_breaks` is false (tab is allowed with line breaks: it is whitespace in CSV).
bool has_control_characters(std::string_view text, bool allow_line_breaks);

// `text` with each ill-formed run (a byte that starts no well-formed sequence, with the
// continuation bytes after it) replaced by one U+FFFD: for showing or logging a text that was
// stored before it was checked, never for storing.
std::string utf8_with_replacements(std::string_view text);

// Whether `text` is empty or only ASCII whitespace (space, tab, CR, LF, VT, FF).
bool is_blank(std::string_view text);

}  // namespace cp
