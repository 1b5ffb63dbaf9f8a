// What a user may send, in one place (issue 14): each limit with the reason for its size. They
// are applied where input enters: the HTTP transport and the router (body and header sizes,
// chosen after routing and sign-in), server/json_body.h (a JSON body's depth and values), and
// the checks of names, reasons and files in portal/ and workflow/. The size of an attachment is
// a parameter (portal.max_attachment_bytes), not a constant: an operator may raise it.
#pragma once

#include <cstddef>

namespace cp::limits {

// A request's header block. A browser's usual headers with the session cookie and the CSRF
// token take under 2 KiB; Beast answers 431-style refusals (as 413 here) past this.
inline constexpr size_t kHeaderBytesMax = 16 << 10;

// A JSON request body. The largest form in the catalogue with every repeating section at its
// schema's maxItems stays under 256 KiB; 1 MiB leaves room without letting one request hold
// much memory on a worker.
inline constexpr size_t kJsonBodyBytesMax = 1 << 20;

// A request body where the route takes none (GET, DELETE, a step without data): a browser sends
// none; a few bytes of "{}" from a script are harmless.
inline constexpr size_t kEmptyBodyBytesMax = 1 << 10;

// Nesting of arrays and objects in a JSON body. The deepest form data in tests/catalog is 5
// levels and a request body wraps it in one more; 16 leaves room for a form with nested
// repeating sections. Without a bound, 100,000 levels overflowed the stack in JSON copies and
// in the field diff (issue 14 finding 1).
inline constexpr size_t kJsonDepthMax = 16;

// Values (scalars, arrays, objects, counted each) in one JSON body. The largest valid case in
// tests/catalog has under 200; the forms' maxItems bound real data to a few thousand.
inline constexpr size_t kJsonValuesMax = 20'000;

// An attachment's or a document's file name, in bytes: it reaches a Content-Disposition header,
// a page and the audit trail. Under every file system's 255-byte name limit.
inline constexpr size_t kFileNameBytesMax = 200;

// A reason given for a step (return, reject, cancel) or a note, in bytes: a paragraph or two of
// Chinese (3 bytes a character) fits.
inline constexpr size_t kReasonBytesMax = 4'000;

// A search's free text, in bytes: what a person types in a search box.
inline constexpr size_t kSearchTermBytesMax = 100;

}  // namespace cp::limits
